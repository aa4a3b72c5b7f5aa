package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.users.Role;
import org.lancang.web.http.Endpoint;

/** Sign-in, tokens, cookies, roles: every protected endpoint refuses strangers (401) and the wrong roles (403). */
class AuthApiTest {
    private static TestServer server;
    private static final Map<Set<Role>, String> TOKENS_BY_ROLES = new HashMap<>();

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyProtectedEndpointRefusesCallersWithoutCredentials() {
        List<Endpoint> protectedEndpoints = server.server.endpoints().stream()
                .filter(e -> e.access().requiresSignIn())
                .toList();
        assertThat(protectedEndpoints).isNotEmpty();
        for (Endpoint e : protectedEndpoints) {
            TestServer.Reply r =
                    server.send(e.method().name(), samplePath(e), null, "application/json", "{}".getBytes());
            assertThat(r.status()).as(e.method() + " " + e.path()).isEqualTo(401);
            assertThat(r.isProblem()).as(e.method() + " " + e.path()).isTrue();
            TestServer.Reply badToken =
                    server.send(e.method().name(), samplePath(e), "not-a-token", "application/json", "{}".getBytes());
            assertThat(badToken.status())
                    .as(e.method() + " " + e.path() + " with a forged token")
                    .isEqualTo(401);
        }
    }

    @Test
    void everyRoleRestrictedEndpointRefusesUsersHoldingOnlyOtherRoles() {
        List<Endpoint> restricted = server.server.endpoints().stream()
                .filter(e -> e.access().requiresSignIn() && !e.access().roles().isEmpty())
                .toList();
        assertThat(restricted).isNotEmpty();
        for (Endpoint e : restricted) {
            EnumSet<Role> others =
                    EnumSet.complementOf(EnumSet.copyOf(e.access().roles()));
            if (others.isEmpty()) {
                continue;
            }
            String token = tokenFor(others);
            TestServer.Reply r =
                    server.send(e.method().name(), samplePath(e), token, "application/json", "{}".getBytes());
            assertThat(r.status())
                    .as(e.method() + " " + e.path() + " as " + others)
                    .isEqualTo(403);
            assertThat(r.isProblem()).isTrue();
        }
    }

    @Test
    void maintenanceIsNeverPublicAndOnlyMaintainersReportDefects() {
        List<Endpoint> maintenance = server.server.endpoints().stream()
                .filter(e -> e.path().startsWith("/api/maintenance/"))
                .toList();
        assertThat(maintenance).hasSizeGreaterThan(15);
        assertThat(maintenance)
                .allSatisfy(e -> assertThat(e.access().roles())
                        .as(e.method() + " " + e.path())
                        .isNotEmpty()
                        .doesNotContain(Role.PASSENGER, Role.AGENT, Role.SHIPPER));
        assertThat(maintenance.stream()
                        .filter(e -> e.path().equals("/api/maintenance/defects")
                                && e.method().name().equals("POST"))
                        .findFirst()
                        .orElseThrow()
                        .access()
                        .roles())
                .containsExactly(Role.MAINTAINER);
    }

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        for (Endpoint e : server.server.endpoints()) {
            assertThat(e.access()).as(e.method() + " " + e.path()).isNotNull();
        }
    }

    @Test
    void signInSetsAnHttpOnlySessionCookieThatSignsTheBrowserIn() {
        TestServer.Reply login = server.postJson(
                "/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"" + server.adminPassword + "\"}");
        assertThat(login.status()).isEqualTo(200);
        String cookie = login.headers().get("set-cookie").get(0);
        assertThat(cookie).contains("lancang_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        TestServer.Reply me = server.sendWithCookie("GET", "/api/auth/me", session);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("roles").get(0).asText()).isEqualTo("ADMIN");
        assertThat(server.sendWithCookie("POST", "/api/auth/logout", session).status())
                .isEqualTo(204);
        assertThat(server.sendWithCookie("GET", "/api/auth/me", session).status())
                .isEqualTo(401);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        TestServer.Reply wrong =
                server.postJson("/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"nope-nope-nope\"}");
        TestServer.Reply unknown =
                server.postJson("/api/auth/login", null, "{\"username\":\"ghost\",\"password\":\"nope-nope-nope\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void aPassengerRegistersAndSignsInButCannotManageUsers() {
        TestServer.Reply reg = server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"Somchai\",\"displayName\":\"Somchai P.\",\"password\":\"correct horse battery\"}");
        assertThat(reg.status()).isEqualTo(201);
        assertThat(reg.json().get("username").asText()).isEqualTo("somchai");
        assertThat(reg.json().get("roles").get(0).asText()).isEqualTo("PASSENGER");
        String token = server.token("somchai", "correct horse battery");
        assertThat(server.get("/api/auth/me", token).json().get("displayName").asText())
                .isEqualTo("Somchai P.");
        assertThat(server.get("/api/users", token).status()).isEqualTo(403);
        TestServer.Reply again = server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"somchai\",\"displayName\":\"Other\",\"password\":\"another long password\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("field").asText()).isEqualTo("username");
    }

    @Test
    void anAdminAddsAUserAndChangesTheirRoles() {
        String admin = server.adminToken();
        TestServer.Reply added = server.postJson(
                "/api/users",
                admin,
                "{\"username\":\"li.planner\",\"displayName\":\"Li\",\"password\":\"planner password 1\",\"roles\":[\"PLANNER\"]}");
        assertThat(added.status()).isEqualTo(201);
        TestServer.Reply changed =
                server.putJson("/api/users/li.planner/roles", admin, "{\"roles\":[\"PLANNER\",\"DISPATCHER\"]}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("roles").toString()).isEqualTo("[\"DISPATCHER\",\"PLANNER\"]");
        JsonNode list = server.get("/api/users", admin).json();
        assertThat(list.findValuesAsText("username")).contains("admin", "li.planner");
        assertThat(server.putJson("/api/users/nobody/roles", admin, "{\"roles\":[\"PLANNER\"]}")
                        .status())
                .isEqualTo(404);
        String apiToken = server.postJson(
                        "/api/auth/token", null, "{\"username\":\"li.planner\",\"password\":\"planner password 1\"}")
                .json()
                .get("token")
                .asText();
        assertThat(server.get("/api/auth/me", apiToken).json().get("username").asText())
                .isEqualTo("li.planner");
        // A role given or taken away counts from the next request, even for a token used a moment ago.
        assertThat(server.get("/api/users", apiToken).status()).isEqualTo(403);
        server.putJson("/api/users/li.planner/roles", admin, "{\"roles\":[\"PLANNER\",\"ADMIN\"]}");
        assertThat(server.get("/api/users", apiToken).status()).isEqualTo(200);
        server.putJson("/api/users/li.planner/roles", admin, "{\"roles\":[\"PLANNER\"]}");
        assertThat(server.get("/api/users", apiToken).status()).isEqualTo(403);
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesNeverInClear() {
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"hashcheck\",\"displayName\":\"H\",\"password\":\"visible secret 123\"}");
        String stored = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT password_hash FROM app_user WHERE username = 'hashcheck'")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).startsWith("$argon2id$v=19$").doesNotContain("visible secret");
    }

    private static String tokenFor(Set<Role> roles) {
        return TOKENS_BY_ROLES.computeIfAbsent(roles, r -> {
            String name = "u" + TOKENS_BY_ROLES.size() + "-" + Integer.toHexString(r.hashCode());
            String password = "password-for-" + name;
            String roleJson = r.stream()
                    .map(x -> "\"" + x.name() + "\"")
                    .reduce((a, b) -> a + "," + b)
                    .orElseThrow();
            TestServer.Reply added = server.postJson(
                    "/api/users",
                    server.adminToken(),
                    "{\"username\":\"" + name + "\",\"displayName\":\"" + name + "\",\"password\":\"" + password
                            + "\",\"roles\":[" + roleJson + "]}");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            return server.token(name, password);
        });
    }

    /** The endpoint's path with sample values for its parameters. */
    static String samplePath(Endpoint e) {
        return e.path().replace("{username}", "admin").replace("{code}", "KMS").replaceAll("\\{[^}]+}", "x");
    }
}
