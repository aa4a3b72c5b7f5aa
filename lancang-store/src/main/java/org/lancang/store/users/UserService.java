package org.lancang.store.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Locked;
import org.lancang.errors.NotFound;
import org.lancang.errors.Throttled;
import org.lancang.errors.Validation;
import org.lancang.users.Role;
import org.lancang.users.SignInRules;
import org.lancang.users.User;
import org.lancang.users.UserRules;

/**
 * Users, roles, sign-in and tokens. Every use case is one transaction; passwords are Argon2id hashes and tokens are
 * kept only as SHA-256 digests, so a copy of the database gives away neither.
 */
public final class UserService {
    /** How long a browser session or an API token lives. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    public static final Duration API_TOKEN_LIFETIME = Duration.ofDays(30);

    public enum TokenKind {
        SESSION,
        API
    }

    /** A signed-in user with the secret token that proves it. */
    public record SignIn(User user, String token, Instant expiresAt) {}

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SignInRules rules;
    /** Failed sign-ins per client address, oldest first (in memory: one server per database). */
    private final ConcurrentHashMap<String, ArrayDeque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    private static final int MAX_TRACKED_ADDRESSES = 100_000;
    /** Attempts on one username are made one at a time, so that its count and wait are read and written together. */
    private final Object[] usernameStripes = new Object[64];

    private final SecureRandom random = new SecureRandom();
    /**
     * Tokens seen in the last few seconds, so that a busy client is not looked up in the database on every request.
     * Signing out and changing roles in this process take effect at once; a change made by another process (the
     * {@code lancang users} command on the same database) within {@link #TOKEN_RECHECK}.
     */
    private final ConcurrentHashMap<String, CachedToken> recentTokens = new ConcurrentHashMap<>();

    private static final Duration TOKEN_RECHECK = Duration.ofSeconds(5);
    private static final int MAX_CACHED_TOKENS = 10_000;

    private record CachedToken(User user, Instant expiresAt, Instant recheckAt) {}
    /** Verified against when the username is unknown, so a wrong name takes as long as a wrong password. */
    private final String decoyHash;

    public UserService(Jdbi jdbi, PasswordHasher hasher, Clock clock) {
        this(jdbi, hasher, clock, SignInRules.defaults());
    }

    public UserService(Jdbi jdbi, PasswordHasher hasher, Clock clock, SignInRules rules) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
        this.rules = rules;
        this.decoyHash = hasher.hash("decoy-password-for-timing");
        for (int i = 0; i < usernameStripes.length; i++) {
            usernameStripes[i] = new Object();
        }
    }

    /** A passenger signs themselves up. */
    public User register(String username, String displayName, String password) {
        return add(username, displayName, password, List.of(Role.PASSENGER.name()));
    }

    /** An admin (or the command line) adds a user with the given roles. */
    public User add(String username, String displayName, String password, Collection<String> roleNames) {
        String name = UserRules.normalizeUsername(username);
        Validation v = new Validation();
        UserRules.checkUsername(v, "username", name);
        UserRules.checkDisplayName(v, "displayName", displayName);
        UserRules.checkPassword(v, "password", password);
        Set<Role> roles = UserRules.parseRoles(v, "roles", roleNames);
        v.throwIfInvalid();
        String hash = hasher.hash(password);
        return jdbi.inTransaction(h -> {
            boolean taken = h.createQuery("SELECT count(*) FROM app_user WHERE username = :u")
                            .bind("u", name)
                            .mapTo(Long.class)
                            .one()
                    > 0;
            if (taken) {
                throw new Clash("username", "the username '" + name + "' is taken", "username-taken");
            }
            h.createUpdate("INSERT INTO app_user (username, display_name, password_hash, roles, created_at)"
                            + " VALUES (:u, :d, :p, :r, :c)")
                    .bind("u", name)
                    .bind("d", displayName.strip())
                    .bind("p", hash)
                    .bind("r", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                    .bind("c", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .execute();
            return find(h, name).orElseThrow();
        });
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT username, display_name, roles, created_at FROM app_user" + " ORDER BY username")
                .map((rs, ctx) -> user(rs))
                .list());
    }

    public Optional<User> find(String username) {
        return jdbi.withHandle(h -> find(h, UserRules.normalizeUsername(username)));
    }

    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM app_user")
                        .mapTo(Long.class)
                        .one())
                == 0;
    }

    public User setRoles(String username, Collection<String> roleNames) {
        String name = UserRules.normalizeUsername(username);
        Validation v = new Validation();
        Set<Role> roles = UserRules.parseRoles(v, "roles", roleNames);
        v.throwIfInvalid();
        User changed = jdbi.inTransaction(h -> {
            int updated = h.createUpdate("UPDATE app_user SET roles = :r WHERE username = :u")
                    .bind("u", name)
                    .bind("r", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                    .execute();
            if (updated == 0) {
                throw new NotFound("username", "no user '" + name + "'");
            }
            return find(h, name).orElseThrow();
        });
        recentTokens.clear(); // after the commit, so that no request caches the old roles again
        return changed;
    }

    /** Signs in from this machine (the command line): see {@link #signIn(String, String, TokenKind, String)}. */
    public Optional<SignIn> signIn(String username, String password, TokenKind kind) {
        return signIn(username, password, kind, "local");
    }

    /**
     * Checks the password and issues a token; the same answer for an unknown user and a wrong password. Throttled
     * ({@link SignInRules}): an address or account that failed too often must wait ({@link Throttled}, before any
     * password is checked), and an account that failed {@code lockAfter} times in a row is {@link Locked} until an
     * administrator unlocks it.
     */
    public Optional<SignIn> signIn(String username, String password, TokenKind kind, String clientAddress) {
        String name = UserRules.normalizeUsername(username);
        if (name == null || password == null) {
            throw new InvalidInput(name == null ? "username" : "password", "is required");
        }
        Instant now = clock.instant();
        Duration addressWait = addressWait(clientAddress, now);
        if (!addressWait.isZero()) {
            throw new Throttled(
                    "username", "too many failed sign-ins from your address: wait and try again", addressWait);
        }
        boolean ok;
        synchronized (usernameStripes[Math.floorMod(name.hashCode(), usernameStripes.length)]) {
            Optional<int[]> failures = failures(name);
            if (failures.isPresent() && rules.locked(failures.get()[0])) {
                throw new Locked(
                        "username",
                        "this account is locked after repeated failed sign-ins: an administrator can unlock it",
                        "account-locked");
            }
            Duration accountWait = failures.map(f -> rules.accountWait(f[0], lastFailure(name), now))
                    .orElse(Duration.ZERO);
            if (!accountWait.isZero()) {
                throw new Throttled(
                        "username", "too many failed sign-ins for this account: wait and try again", accountWait);
            }
            Optional<String> hash =
                    jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM app_user WHERE username = :u")
                            .bind("u", name)
                            .mapTo(String.class)
                            .findOne());
            ok = hasher.verify(password, hash.orElse(decoyHash)) && hash.isPresent();
            if (ok) {
                if (failures.isPresent()) {
                    unlock(name);
                }
            } else {
                recordFailure(name, clientAddress, clock.instant());
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        String token = newToken();
        Instant expires = clock.instant().plus(kind == TokenKind.SESSION ? SESSION_LIFETIME : API_TOKEN_LIFETIME);
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM auth_token WHERE expires_at < :now")
                    .bind("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .execute();
            h.createUpdate("INSERT INTO auth_token (token_sha256, username, kind, expires_at) VALUES (:t, :u, :k, :e)")
                    .bind("t", sha256(token))
                    .bind("u", name)
                    .bind("k", kind.name())
                    .bind("e", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
                    .execute();
            return find(h, name).map(user -> new SignIn(user, token, expires));
        });
    }

    /**
     * Lifts an account's sign-in lock and forgets its failures (an administrator, once satisfied it is the owner who
     * mistyped). Returns the user.
     */
    public User unlock(String username) {
        String name = UserRules.normalizeUsername(username);
        User user = find(name).orElseThrow(() -> new NotFound("username", "no user '" + username + "'"));
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_in_failure WHERE username = :u")
                .bind("u", user.username())
                .execute());
        return user;
    }

    /** Whether the account is locked after repeated failed sign-ins. */
    public boolean locked(String username) {
        return failures(UserRules.normalizeUsername(username))
                .map(f -> rules.locked(f[0]))
                .orElse(false);
    }

    /** {failures in a row} for a username, if it failed since its last success. */
    private Optional<int[]> failures(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT failures FROM sign_in_failure WHERE username = :u")
                .bind("u", name)
                .map((rs, ctx) -> new int[] {rs.getInt("failures")})
                .findOne());
    }

    private Instant lastFailure(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_failure_at FROM sign_in_failure WHERE username = :u")
                .bind("u", name)
                .map((rs, ctx) ->
                        rs.getObject("last_failure_at", OffsetDateTime.class).toInstant())
                .findOne()
                .orElse(null));
    }

    private void recordFailure(String name, String clientAddress, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sign_in_failure (username, failures, last_failure_at,"
                        + " locked_at) VALUES (:u, 1, :at, NULL) ON CONFLICT (username) DO UPDATE SET failures ="
                        + " sign_in_failure.failures + 1, last_failure_at = :at, locked_at = CASE WHEN"
                        + " sign_in_failure.failures + 1 >= :lockAfter THEN coalesce(sign_in_failure.locked_at, :at)"
                        + " ELSE NULL END")
                .bind("u", name)
                .bind("at", at)
                .bind("lockAfter", rules.lockAfter())
                .execute());
        // a day on, failures are forgotten unless they locked a real account (kept for its administrator)
        jdbi.useHandle(h -> h.createUpdate(
                        "DELETE FROM sign_in_failure f WHERE f.last_failure_at < :dayAgo AND"
                                + " (f.locked_at IS NULL OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.username = f.username))")
                .bind("dayAgo", OffsetDateTime.ofInstant(now.minus(Duration.ofDays(1)), ZoneOffset.UTC))
                .execute());
        if (failuresByAddress.size() >= MAX_TRACKED_ADDRESSES) {
            failuresByAddress.clear(); // a flood of addresses: start counting afresh rather than grow without bound
        }
        ArrayDeque<Instant> list = failuresByAddress.computeIfAbsent(
                clientAddress == null ? "unknown" : clientAddress, a -> new ArrayDeque<>());
        synchronized (list) {
            list.addLast(now);
            while (list.size() > rules.addressFailures()) {
                list.removeFirst();
            }
        }
    }

    private Duration addressWait(String clientAddress, Instant now) {
        ArrayDeque<Instant> list = failuresByAddress.get(clientAddress == null ? "unknown" : clientAddress);
        if (list == null) {
            return Duration.ZERO;
        }
        synchronized (list) {
            return rules.addressWait(List.copyOf(list), now);
        }
    }

    /** The user a live token belongs to. */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        byte[] digest = sha256(token);
        String key = Base64.getEncoder().encodeToString(digest);
        Instant now = clock.instant();
        CachedToken cached = recentTokens.get(key);
        if (cached != null && now.isBefore(cached.recheckAt()) && now.isBefore(cached.expiresAt())) {
            return Optional.of(cached.user());
        }
        Optional<CachedToken> found = jdbi.withHandle(h -> h.createQuery("SELECT u.username, u.display_name, u.roles,"
                        + " u.created_at, t.expires_at FROM auth_token t JOIN app_user u ON u.username = t.username"
                        + " WHERE t.token_sha256 = :t AND t.expires_at > :now")
                .bind("t", digest)
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .map((rs, ctx) -> new CachedToken(
                        user(rs),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        now.plus(TOKEN_RECHECK)))
                .findOne());
        if (found.isPresent()) {
            if (recentTokens.size() >= MAX_CACHED_TOKENS) {
                recentTokens.clear();
            }
            recentTokens.put(key, found.get());
        } else {
            recentTokens.remove(key);
        }
        return found.map(CachedToken::user);
    }

    public void signOut(String token) {
        if (token != null) {
            recentTokens.remove(Base64.getEncoder().encodeToString(sha256(token)));
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_token WHERE token_sha256 = :t")
                    .bind("t", sha256(token))
                    .execute());
        }
    }

    /** A random password for a generated account (the first admin): 20 characters from an unambiguous alphabet. */
    public String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static Optional<User> find(Handle h, String name) {
        return h.createQuery("SELECT username, display_name, roles, created_at FROM app_user WHERE username = :u")
                .bind("u", name)
                .map((rs, ctx) -> user(rs))
                .findOne();
    }

    private static User user(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Object o : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) o));
        }
        return new User(
                rs.getString("username"),
                rs.getString("display_name"),
                roles,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
