package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.Socket;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Json;

/**
 * What a public ticket site needs besides correct answers: a strict Content-Security-Policy on every page, nothing
 * personal kept by caches, the session cookie Secure over HTTPS (also behind a trusted TLS proxy), Jetty's own
 * refusals as problem+json, control characters refused naming the field on every endpoint (with nothing in the log),
 * and sign-in throttled per account and per address, with a lock an administrator lifts.
 */
class SecurityApiTest {
    private static final String CLIENT_HEADER = "X-Forwarded-For";
    private static TestServer server;
    /** Believes forwarded headers from 127.0.0.1, as a server behind a local TLS proxy would; its clock is set. */
    private static TestServer proxied;

    private static final TestClock CLOCK = TestClock.at("2026-11-28T02:00:00Z");

    @BeforeAll
    static void start() {
        server = new TestServer();
        proxied = new TestServer(CLOCK, Set.of("127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
        proxied.close();
    }

    // ---------------------------------------------------------------- headers

    @Test
    void everyPageCarriesAStrictContentSecurityPolicyAndHasNoInlineScriptToBreak() throws Exception {
        List<String> pages = pages();
        assertThat(pages).hasSizeGreaterThan(5);
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineHandler = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern scriptUrl = Pattern.compile("(href|src)\\s*=\\s*[\"']?\\s*javascript:", Pattern.CASE_INSENSITIVE);
        for (String page : pages) {
            TestServer.Reply r = server.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            String csp = r.headers().get("content-security-policy").get(0);
            assertThat(csp)
                    .as(page)
                    .contains("script-src 'self';")
                    .contains("object-src 'none'")
                    .contains("frame-ancestors 'none'");
            assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                    .as(page + ": scripts only from Lancang")
                    .isEqualTo("script-src 'self'");
            assertThat(inlineScript.matcher(r.body()).find())
                    .as(page + " has an inline script")
                    .isFalse();
            assertThat(inlineHandler.matcher(r.body()).find())
                    .as(page + " has an inline event handler")
                    .isFalse();
            assertThat(scriptUrl.matcher(r.body()).find())
                    .as(page + " has a javascript: URL")
                    .isFalse();
        }
        for (String other : List.of("/api-docs", "/api/network/points", "/no-such-page")) {
            assertThat(server.get(other).headers().get("content-security-policy"))
                    .as(other)
                    .isNotNull();
        }
    }

    @Test
    void tokensAndEverythingTheApiAnswersAreNeverKeptByACache() {
        TestServer.Reply login = server.postJson(
                "/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"" + server.adminPassword + "\"}");
        assertThat(login.headers().get("cache-control")).containsExactly("no-store");
        assertThat(server.postJson(
                                "/api/auth/token",
                                null,
                                "{\"username\":\"admin\",\"password\":\"" + server.adminPassword + "\"}")
                        .headers()
                        .get("cache-control"))
                .containsExactly("no-store");
        assertThat(server.get("/api/users", server.adminToken()).headers().get("cache-control"))
                .containsExactly("no-store");
        assertThat(server.get("/api/bookings/x").headers().get("cache-control"))
                .as("refusals too")
                .containsExactly("no-store");
    }

    @Test
    void theSessionCookieIsSecureOverHttpsAndBehindATrustedProxyThatSaysSo() {
        String admin = "{\"username\":\"admin\",\"password\":\"" + server.adminPassword + "\"}";
        String plain = cookie(server.postJson("/api/auth/login", null, admin));
        assertThat(plain).contains("HttpOnly").doesNotContain("Secure");
        String notTrusted = cookie(server.sendWithHeaders(
                "POST",
                "/api/auth/login",
                "application/json",
                admin.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-Proto", "https")));
        assertThat(notTrusted)
                .as("forwarded headers from a peer not configured as a proxy")
                .doesNotContain("Secure");

        String proxiedAdmin = "{\"username\":\"admin\",\"password\":\"" + proxied.adminPassword + "\"}";
        TestServer.Reply viaTls = proxied.sendWithHeaders(
                "POST",
                "/api/auth/login",
                "application/json",
                proxiedAdmin.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-Proto", "https", CLIENT_HEADER, "198.51.100.1"));
        assertThat(viaTls.status()).isEqualTo(200);
        assertThat(cookie(viaTls)).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(viaTls.headers().get("strict-transport-security")).isNotNull();
        TestServer.Reply viaHttp = proxied.sendWithHeaders(
                "POST",
                "/api/auth/login",
                "application/json",
                proxiedAdmin.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-Proto", "http", CLIENT_HEADER, "198.51.100.1"));
        assertThat(cookie(viaHttp)).doesNotContain("Secure");
    }

    private static String cookie(TestServer.Reply r) {
        return r.headers().get("set-cookie").get(0);
    }

    @Test
    void jettysOwnRefusalsAreProblemJsonLikeEveryOtherError() throws IOException {
        String longUri = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertProblemResponse(longUri, 414);
        String bigHeaders = raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        assertProblemResponse(bigHeaders, 431);
        String badUrl = raw("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertProblemResponse(badUrl, 400);
        String notHttp = raw("HELLO\r\n\r\n");
        assertProblemResponse(notHttp, 400);
    }

    private static void assertProblemResponse(String response, int status) throws IOException {
        assertThat(response).as(response).startsWith("HTTP/1.1 " + status);
        assertThat(response.toLowerCase(Locale.ROOT)).as(response).contains("content-type: application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response).doesNotContain("<html").doesNotContain("at org.");
    }

    /** Sends bytes as they are (a client library would refuse to) and reads the whole answer. */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketException reset) {
            throw new AssertionError("the server dropped the connection without an answer", reset);
        }
    }

    // ---------------------------------------------------------------- control characters

    @Test
    void aControlCharacterInAnyTextIsA400NamingTheFieldOnEveryEndpointAndLogsNothing() {
        int checked = 0;
        try (LogCapture log = new LogCapture()) {
            for (Endpoint e : server.server.endpoints()) {
                String path = AuthApiTest.samplePath(e);
                if (e.requestBody() != null) {
                    for (Map.Entry<String, Object> leaf :
                            stringLeaves(e.requestBody(), "").entrySet()) {
                        byte[] body = json(leaf.getValue());
                        TestServer.Reply r = server.send(e.method().name(), path, null, "application/json", body);
                        assertRefused(r, leaf.getKey(), e.method() + " " + e.path() + " " + leaf.getKey());
                        checked++;
                    }
                }
                for (Endpoint.Param p : e.params()) {
                    String bad = "a%01b";
                    String target = p.in().equals("path")
                            ? e.path().replace("{" + p.name() + "}", bad).replaceAll("\\{[^}]+}", "x")
                            : path + "?" + p.name() + "=" + bad;
                    TestServer.Reply r =
                            server.send(e.method().name(), target, null, "application/json", "{}".getBytes());
                    assertRefused(r, p.name(), e.method() + " " + target);
                    checked++;
                }
            }
            for (String nul : List.of("\\u0000", "\\u001b", "\\u0085", "\\ud800")) {
                for (String signIn : List.of("/api/auth/login", "/api/auth/token")) {
                    TestServer.Reply r = server.postJson(
                            signIn, null, "{\"username\":\"ad" + nul + "min\",\"password\":\"whatever it is\"}");
                    assertRefused(r, "username", signIn + " " + nul);
                }
            }
            assertThat(log.text())
                    .as("bad input is not an error of the server: no stack trace, no exception")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
        assertThat(checked).as("fields and parameters checked").isGreaterThan(80);
    }

    private static void assertRefused(TestServer.Reply r, String field, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
        assertThat(r.isProblem()).as(what).isTrue();
        assertThat(r.json().get("field").asText()).as(what).isEqualTo(field);
    }

    /**
     * Every text field of a request body, by its JSON path ({@code passengers[0].name}), each with a body that holds a
     * NUL in that field and nothing else.
     */
    private static Map<String, Object> stringLeaves(Type type, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            out.put(prefix, "a\u0000b");
        } else if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            stringLeaves(p.getActualTypeArguments()[0], prefix + "[0]").forEach((k, v) -> out.put(k, List.of(v)));
        } else if (raw.isRecord()) {
            for (RecordComponent rc : raw.getRecordComponents()) {
                String name = prefix.isEmpty() ? rc.getName() : prefix + "." + rc.getName();
                stringLeaves(rc.getGenericType(), name).forEach((k, v) -> out.put(k, Map.of(rc.getName(), v)));
            }
        }
        return out;
    }

    private static byte[] json(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- sign-in throttling

    @Test
    void anAccountFailingAgainAndAgainWaitsLongerEachTimeThenIsLockedUntilAnAdminUnlocksIt() {
        proxied.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"guessed\",\"displayName\":\"G\",\"password\":\"the right password\"}");
        String wrong = "{\"username\":\"guessed\",\"password\":\"a wrong password\"}";
        String right = "{\"username\":\"guessed\",\"password\":\"the right password\"}";
        Map<String, String> from = Map.of(CLIENT_HEADER, "192.0.2.10");
        List<Long> waits = new ArrayList<>();
        for (int failures = 0; failures < 10; ) {
            TestServer.Reply r = login(wrong, from);
            if (r.status() == 429) {
                long seconds = Long.parseLong(r.headers().get("retry-after").get(0));
                assertThat(r.json().get("field").asText()).isEqualTo("username");
                waits.add(seconds);
                TestServer.Reply early = login(right, from);
                assertThat(early.status())
                        .as("not even the right password before the wait")
                        .isEqualTo(429);
                CLOCK.advance(Duration.ofSeconds(seconds));
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(401);
                failures++;
            }
        }
        assertThat(waits).as("each wait twice the last").containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L);
        CLOCK.advance(Duration.ofMinutes(10));
        TestServer.Reply locked = login(right, from);
        assertThat(locked.status()).as("locked, even with the right password").isEqualTo(423);
        assertThat(locked.isProblem()).isTrue();

        String admin = proxied.token("admin", proxied.adminPassword);
        assertThat(proxied.postJson("/api/users/nobody-at-all/unlock", admin, "{}")
                        .status())
                .isEqualTo(404);
        TestServer.Reply unlocked = proxied.postJson("/api/users/guessed/unlock", admin, "{}");
        assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
        assertThat(login(right, from).status()).isEqualTo(200);
        assertThat(login(wrong, from).status()).as("the count starts afresh").isEqualTo(401);
    }

    @Test
    void anAddressFailingTooOftenWaitsWhateverTheAccountsAndOtherAddressesDoNot() {
        Map<String, String> attacker = Map.of(CLIENT_HEADER, "203.0.113.66");
        for (int i = 0; i < 30; i++) {
            TestServer.Reply r =
                    login("{\"username\":\"probe" + i + "\",\"password\":\"guess number " + i + "\"}", attacker);
            assertThat(r.status()).as("attempt %d: %s", i, r.body()).isEqualTo(401);
        }
        TestServer.Reply refused =
                login("{\"username\":\"admin\",\"password\":\"" + proxied.adminPassword + "\"}", attacker);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().get("retry-after").get(0))).isBetween(1L, 600L);
        TestServer.Reply elsewhere = login(
                "{\"username\":\"admin\",\"password\":\"" + proxied.adminPassword + "\"}",
                Map.of(CLIENT_HEADER, "203.0.113.67"));
        assertThat(elsewhere.status()).as("another client of the proxy").isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(11));
        assertThat(login("{\"username\":\"admin\",\"password\":\"" + proxied.adminPassword + "\"}", attacker)
                        .status())
                .isEqualTo(200);
    }

    private static TestServer.Reply login(String body, Map<String, String> headers) {
        return proxied.sendWithHeaders(
                "POST", "/api/auth/login", "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Every HTML page the server serves, by its URL path (read from the built classpath, wherever they live). */
    /** Every page's URL: the files under public/pages are served from the root. */
    private static List<String> pages() throws IOException, URISyntaxException {
        Path root = Path.of(SecurityApiTest.class.getResource("/public/pages").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".html"))
                    .map(f -> "/" + root.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
