package org.lancang.web.users;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.lancang.errors.NotFound;
import org.lancang.store.users.UserService;
import org.lancang.users.Role;
import org.lancang.users.User;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.HttpProblem;
import org.lancang.web.http.Json;
import org.lancang.web.http.RequestOrigin;
import org.lancang.web.http.TypeRef;

/** Sign-in, sign-out, registration, and user administration. */
public final class UserRoutes {
    public record LoginInput(String username, String password) {}

    public record RegisterInput(String username, String displayName, String password) {}

    public record AddUserInput(String username, String displayName, String password, List<String> roles) {}

    public record RolesInput(List<String> roles) {}

    /** Whether the caller is signed in, and as whom (null when not). */
    public record SessionView(boolean signedIn, UserView user) {}

    public record UserView(String username, String displayName, List<String> roles, Instant createdAt) {
        static UserView of(User u) {
            return new UserView(
                    u.username(),
                    u.displayName(),
                    u.roles().stream().map(Role::name).sorted().toList(),
                    u.createdAt());
        }
    }

    public record SignInView(
            String username, String displayName, List<String> roles, String token, Instant expiresAt) {}

    private final UserService users;
    private final Auth auth;

    public UserRoutes(UserService users, Auth auth) {
        this.users = users;
        this.auth = auth;
    }

    public List<Endpoint> endpoints() {
        Access admin = Access.roles(Role.ADMIN);
        return List.of(
                Endpoint.post("/api/auth/login")
                        .access(Access.PUBLIC)
                        .tag("auth")
                        .summary(
                                "Sign in: sets the session cookie for the web UI and returns a bearer token (throttled per"
                                        + " account and address: 429 with Retry-After; 423 once locked)")
                        .body(LoginInput.class)
                        .returns(SignInView.class)
                        .handle(ctx -> {
                            LoginInput r = Json.body(ctx, LoginInput.class);
                            UserService.SignIn s = signIn(ctx, r, UserService.TokenKind.SESSION);
                            Auth.setSessionCookie(ctx, s.token(), UserService.SESSION_LIFETIME.toSeconds());
                            ctx.json(view(s));
                        }),
                Endpoint.post("/api/auth/token")
                        .access(Access.PUBLIC)
                        .tag("auth")
                        .summary("Get a long-lived bearer token for API clients (no cookie)")
                        .body(LoginInput.class)
                        .returns(SignInView.class)
                        .handle(ctx -> ctx.json(
                                view(signIn(ctx, Json.body(ctx, LoginInput.class), UserService.TokenKind.API)))),
                Endpoint.post("/api/auth/logout")
                        .access(Access.SIGNED_IN)
                        .tag("auth")
                        .status(204)
                        .summary("Sign out: the token or session ends")
                        .handle(ctx -> {
                            Auth.token(ctx).ifPresent(users::signOut);
                            Auth.clearSessionCookie(ctx);
                            ctx.status(204);
                        }),
                Endpoint.get("/api/auth/me")
                        .access(Access.SIGNED_IN)
                        .tag("auth")
                        .summary("The signed-in user")
                        .returns(UserView.class)
                        .handle(ctx -> ctx.json(UserView.of(auth.requireUser(ctx)))),
                Endpoint.get("/api/auth/session")
                        .access(Access.PUBLIC)
                        .tag("auth")
                        .summary("Whether the caller is signed in, and as whom: what a page asks first, so that a"
                                + " signed-out visitor is no error (200 either way)")
                        .returns(SessionView.class)
                        .handle(ctx -> ctx.json(auth.current(ctx)
                                .map(u -> new SessionView(true, UserView.of(u)))
                                .orElse(new SessionView(false, null)))),
                Endpoint.post("/api/auth/register")
                        .access(Access.PUBLIC)
                        .tag("auth")
                        .status(201)
                        .summary("A passenger registers (role PASSENGER)")
                        .body(RegisterInput.class)
                        .returns(UserView.class)
                        .handle(ctx -> {
                            RegisterInput r = Json.body(ctx, RegisterInput.class);
                            ctx.status(201)
                                    .json(UserView.of(users.register(r.username(), r.displayName(), r.password())));
                        }),
                Endpoint.get("/api/users")
                        .access(admin)
                        .tag("users")
                        .summary("Every user with their roles")
                        .returns(TypeRef.listOf(UserView.class))
                        .handle(ctx ->
                                ctx.json(users.list().stream().map(UserView::of).toList())),
                Endpoint.post("/api/users")
                        .access(admin)
                        .tag("users")
                        .status(201)
                        .summary("Add a user with roles")
                        .body(AddUserInput.class)
                        .returns(UserView.class)
                        .handle(ctx -> {
                            AddUserInput r = Json.body(ctx, AddUserInput.class);
                            ctx.status(201)
                                    .json(UserView.of(
                                            users.add(r.username(), r.displayName(), r.password(), r.roles())));
                        }),
                Endpoint.get("/api/users/{username}")
                        .access(admin)
                        .tag("users")
                        .summary("One user")
                        .pathParam("username", "the username")
                        .returns(UserView.class)
                        .handle(ctx -> {
                            String name = ctx.pathParam("username");
                            ctx.json(users.find(name)
                                    .map(UserView::of)
                                    .orElseThrow(() -> new NotFound("username", "no user '" + name + "'")));
                        }),
                Endpoint.post("/api/users/{username}/unlock")
                        .access(admin)
                        .tag("users")
                        .summary("Unlock an account locked after repeated failed sign-ins (and forget its failures)")
                        .pathParam("username", "the username")
                        .returns(UserView.class)
                        .handle(ctx -> ctx.json(UserView.of(users.unlock(ctx.pathParam("username"))))),
                Endpoint.put("/api/users/{username}/roles")
                        .access(admin)
                        .tag("users")
                        .summary("Replace a user's roles")
                        .pathParam("username", "the username")
                        .body(RolesInput.class)
                        .returns(UserView.class)
                        .handle(ctx -> {
                            RolesInput r = Json.body(ctx, RolesInput.class);
                            ctx.json(UserView.of(users.setRoles(ctx.pathParam("username"), r.roles())));
                        }));
    }

    private UserService.SignIn signIn(Context ctx, LoginInput r, UserService.TokenKind kind) {
        return users.signIn(r.username(), r.password(), kind, RequestOrigin.clientAddress(ctx))
                .orElseThrow(() -> new HttpProblem(401, "wrong username or password"));
    }

    private static SignInView view(UserService.SignIn s) {
        return new SignInView(
                s.user().username(),
                s.user().displayName(),
                s.user().roles().stream().map(Role::name).sorted().toList(),
                s.token(),
                s.expiresAt());
    }
}
