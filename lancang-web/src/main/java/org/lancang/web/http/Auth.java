package org.lancang.web.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.lancang.store.users.UserService;
import org.lancang.users.User;

/**
 * Who is calling: a bearer token in the Authorization header (API clients), or the session cookie (the web UI). The
 * cookie is {@code Secure} whenever the client reached Lancang over HTTPS, also through a trusted proxy ({@link
 * RequestOrigin}).
 */
public final class Auth {
    public static final String SESSION_COOKIE = "lancang_session";
    private static final String USER_ATTRIBUTE = "lancang.user";

    private final UserService users;

    public Auth(UserService users) {
        this.users = users;
    }

    public Optional<User> current(Context ctx) {
        Object cached = ctx.attribute(USER_ATTRIBUTE);
        if (cached instanceof User user) {
            return Optional.of(user);
        }
        Optional<User> user = token(ctx).flatMap(users::authenticate);
        user.ifPresent(u -> ctx.attribute(USER_ATTRIBUTE, u));
        return user;
    }

    /** Refuses the call with 401 (not signed in) or 403 (signed in without a permitted role). */
    public void require(Context ctx, Access access) {
        if (!access.requiresSignIn()) {
            return;
        }
        User user = current(ctx).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"lancang\"");
            return new HttpProblem(401, "sign in first: send a bearer token or the session cookie");
        });
        if (!access.allows(user.roles())) {
            throw new HttpProblem(403, "user '" + user.username() + "' may not do this (" + access.describe() + ")");
        }
    }

    public User requireUser(Context ctx) {
        require(ctx, Access.SIGNED_IN);
        return current(ctx).orElseThrow();
    }

    /** The token the request carries, from the header first. */
    public static Optional<String> token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.ofNullable(ctx.cookie(SESSION_COOKIE));
    }

    public static void setSessionCookie(Context ctx, String token, long maxAgeSeconds) {
        Cookie cookie = new Cookie(
                SESSION_COOKIE,
                token,
                "/",
                (int) maxAgeSeconds,
                RequestOrigin.secure(ctx),
                0,
                true,
                null,
                null,
                SameSite.STRICT);
        ctx.cookie(cookie);
    }

    public static void clearSessionCookie(Context ctx) {
        ctx.cookie(new Cookie(
                SESSION_COOKIE, "", "/", 0, RequestOrigin.secure(ctx), 0, true, null, null, SameSite.STRICT));
    }
}
