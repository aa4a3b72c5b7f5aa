package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.lancang.data.DataFiles;
import org.lancang.store.Platform;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.networks.NetworkFolders;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestDatabase;
import org.lancang.testing.TestDates;
import org.lancang.web.http.Json;

/**
 * A real Lancang web server on a free port, over a fresh database in the real embedded PostgreSQL. Without a clock of
 * its own it runs on the tests' one clock, {@link TestDates#CLOCK}, never the real date.
 */
final class TestServer implements AutoCloseable {
    final Platform platform;
    final WebServer server;
    final String adminPassword;
    private final HttpClient http = HttpClient.newHttpClient();

    TestServer() {
        this(TestDates.CLOCK);
    }

    /** A server whose "now" is {@code clock}. */
    TestServer(Clock clock) {
        this(clock, Set.of());
    }

    /**
     * A server on {@code database} (fresh, or one a closed server used: a restart), on its own clock. After a restart
     * there is no generated admin password (the admin exists): sign in with the tokens issued before.
     */
    TestServer(DatabaseConfig database, Clock clock) {
        platform = Platform.start(database, new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), clock);
        adminPassword = platform.generatedAdminPassword().orElse(null);
        server = WebServer.start(platform, new WebServer.Options("127.0.0.1", 0, Set.of()));
    }

    /** A server on its own clock, believing forwarded headers from {@code trustedProxies}. */
    TestServer(Clock clock, Set<String> trustedProxies) {
        platform = Platform.start(TestDatabase.fresh(), new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), clock);
        adminPassword = platform.generatedAdminPassword().orElseThrow();
        server = WebServer.start(platform, new WebServer.Options("127.0.0.1", 0, trustedProxies));
    }

    /** A server of every network of data/ (China–Laos home, the others from their folders), as {@code serve} runs. */
    static TestServer everyNetwork() {
        return everyNetwork(TestDates.CLOCK);
    }

    /** A server of every network of data/ whose "now" is {@code clock}. */
    static TestServer everyNetwork(Clock clock) {
        return new TestServer(NetworkFolders.choose(List.of(), "network"), clock);
    }

    /** A server of China–Laos home and {@code others} read from their folders (a test's own network). */
    static TestServer withOthers(List<DataFiles> others) {
        List<DataFiles> networks = new ArrayList<>();
        networks.add(new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS));
        networks.addAll(others);
        return new TestServer(networks, TestDates.CLOCK);
    }

    /** A server of {@code home} alone: China–Laos with a file of the test's own, say. */
    static TestServer withHome(DataFiles home) {
        return new TestServer(List.of(home), TestDates.CLOCK);
    }

    /** As {@link #withOthers(List)}, on {@code clock}. */
    static TestServer withOthers(List<DataFiles> others, Clock clock) {
        List<DataFiles> networks = new ArrayList<>();
        networks.add(new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS));
        networks.addAll(others);
        return new TestServer(networks, clock);
    }

    private TestServer(List<? extends DataFiles> networks, Clock clock) {
        platform = Platform.start(
                TestDatabase.fresh(), networks.get(0), List.copyOf(networks.subList(1, networks.size())), clock);
        adminPassword = platform.generatedAdminPassword().orElseThrow();
        server = WebServer.start(platform, new WebServer.Options("127.0.0.1", 0, Set.of()));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    Reply send(String method, String path, String token, String contentType, byte[] body) {
        return sendWithHeaders(
                method, path, contentType, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** A request with extra headers (as a proxy in front of Lancang would add them). */
    Reply sendWithHeaders(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return exchange(b.build());
    }

    Reply sendWithCookie(String method, String path, String session) {
        return exchange(HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "lancang_session=" + session)
                .build());
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null),
                    r.body(),
                    r.headers().map());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    /** Sends the same request {@code n} times at one moment (a double click, or more) and returns every answer. */
    static List<Reply> together(int n, Callable<Reply> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return request.call();
                }));
            }
            go.countDown();
            List<Reply> answers = new ArrayList<>();
            for (Future<Reply> f : sent) {
                answers.add(f.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    Reply postJson(String path, String token, String json) {
        return send("POST", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply putJson(String path, String token, String json) {
        return send("PUT", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The reply's JSON, once its status is the one expected (the body is the failure's message when not). */
    static JsonNode ok(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    /** Signs in and returns the bearer token. */
    String token(String username, String password) {
        Reply r = postJson(
                "/api/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asText();
    }

    /** Registers a passenger as the register page does and signs them in: their token. */
    String passenger(String username, String displayName, String password) {
        Reply r = postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"" + username + "\",\"displayName\":\"" + displayName + "\",\"password\":\"" + password
                        + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("registering " + username + " failed: " + r.status() + " " + r.body());
        }
        return token(username, password);
    }

    /** A new user with one role, created by {@code admin}; its token (its password is "password of NAME"). */
    String user(String admin, String name, String role) {
        Reply r = postJson(
                "/api/users",
                admin,
                "{\"username\":\"" + name + "\",\"displayName\":\"" + name + "\",\"password\":\"password of " + name
                        + "\",\"roles\":[\"" + role + "\"]}");
        if (r.status() != 201) {
            throw new AssertionError("user " + name + ": " + r.body());
        }
        return token(name, "password of " + name);
    }

    String adminToken() {
        return token(Platform.FIRST_ADMIN, adminPassword);
    }

    @Override
    public void close() {
        server.close();
        platform.close();
    }
}
