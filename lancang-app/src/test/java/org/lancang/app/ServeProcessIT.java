package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.store.operations.ServerClock;
import org.lancang.testing.TestDates;
import org.lancang.web.http.Json;

/**
 * The real thing: the packaged jar runs {@code lancang serve} as its own process with the embedded PostgreSQL, is
 * stopped as Ctrl-C would stop it, and started again: the network and the users are still there. On the first start it
 * prints a train-describer feed token and the command that plays a simulated day into it, which works as printed.
 */
class ServeProcessIT {
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");
    private static final Pattern WATCH =
            Pattern.compile("ops simulate --date (\\S+) --seed 1 --speedup 60 --server (\\S+) --token (\\S+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesThePointsAndKeepsDataAndUsersAcrossARestart(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        String adminPassword;
        Process first = start(port, dataDir);
        try {
            List<String> output = awaitRunning(first);
            adminPassword = output.stream()
                    .map(PASSWORD::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no admin password printed: " + output));
            assertThat(output).anyMatch(l -> l.contains("http://localhost:" + port + "/"));
            JsonNode points = getJson(port, "/api/network/points");
            assertThat(points).hasSize(36);
            assertThat(points.get(0).get("code").asText()).isEqualTo("KMG");
            assertThat(points.get(35).get("code").asText()).isEqualTo("VTS");
            String index = get(port, "/").body();
            assertThat(index).containsIgnoringCase("<html");

            // a simulated day watched with the command the first start prints, as it prints it (--speedup 0: every
            // event the clock has reached, at once): the feed token it shows is accepted, every event is stored
            Matcher watch = WATCH.matcher(String.join("\n", output));
            assertThat(watch.find())
                    .as("the simulate command printed: " + output)
                    .isTrue();
            CommandLineTest.Run sim = CommandLineTest.runWithoutDatabase(
                    "ops",
                    "simulate",
                    "--date",
                    watch.group(1),
                    "--seed",
                    "1",
                    "--speedup",
                    "0",
                    "--server",
                    watch.group(2),
                    "--token",
                    watch.group(3));
            assertThat(sim.exitCode()).as(sim.err()).isZero();
            Matcher sent = Pattern.compile("(\\d+) events sent to").matcher(sim.out());
            assertThat(sent.find()).as(sim.out()).isTrue();
            String admin = Json.MAPPER
                    .readTree(postJson(
                                    port,
                                    "/api/auth/token",
                                    "{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}")
                            .body())
                    .get("token")
                    .asText();
            HttpResponse<String> stored = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + port + "/api/operations/events?date=" + watch.group(1)))
                            .header("Authorization", "Bearer " + admin)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(stored.body()).size()).isEqualTo(Integer.parseInt(sent.group(1)));
        } finally {
            stop(first);
        }
        assertThat(first.exitValue())
                .as("a JVM stopped by SIGTERM after its shutdown hooks ran exits with 128 + 15")
                .isEqualTo(143);
        assertThat(dataDir.resolve("postgres/postmaster.pid"))
                .as("the database stopped too")
                .doesNotExist();

        Process second = start(port, dataDir);
        try {
            List<String> output = awaitRunning(second);
            assertThat(output).noneMatch(l -> PASSWORD.matcher(l).find());
            assertThat(getJson(port, "/api/network/points")).hasSize(36);
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        } finally {
            stop(second);
        }
    }

    static Process start(int port, Path dataDir, String... more) throws IOException {
        Path jar = Path.of("target", "lancang.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                String.valueOf(port),
                "--data-dir",
                dataDir.toString()));
        command.addAll(List.of(more));
        ProcessBuilder server = new ProcessBuilder(command).redirectErrorStream(true);
        // the tests' day, not the real one; from the tests' clock's present, so that a restarted server goes on from
        // where the stopped one was, as after a real restart (its start settles the payments left before that moment)
        server.environment().put(ServerClock.VARIABLE, TestDates.now().toString());
        return server.start();
    }

    @Test
    void aSecondServerOnTheSameDatabaseIsRefusedNamingTheFirst(@TempDir Path dataDir, @TempDir Path otherDir)
            throws Exception {
        int port = freePort();
        Process first = start(port, dataDir);
        try {
            awaitRunning(first);
            int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .get(3)
                    .strip());
            // the same database by URL: the folder lock cannot see it, the database's own guard must
            Process second = start(
                    freePort(),
                    otherDir,
                    "--db-url",
                    "jdbc:postgresql://localhost:" + pgPort + "/postgres",
                    "--db-user",
                    "postgres");
            assertThat(second.waitFor(120, TimeUnit.SECONDS))
                    .as("the second server gives up")
                    .isTrue();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as(output).isNotZero();
            assertThat(output)
                    .contains("another Lancang server is using this database")
                    .contains("pid " + first.pid())
                    .contains("started ")
                    .doesNotContain("Lancang is running at");
            assertThat(getJson(port, "/health").get("status").asText())
                    .as("the first server sells on")
                    .isEqualTo("UP");
        } finally {
            stop(first);
        }
    }

    /** Reads the process's output until it says it is running (or dies). */
    static List<String> awaitRunning(Process p) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith("Press Ctrl-C")) {
                    return seen;
                }
            } else if (!p.isAlive()) {
                break;
            }
        }
        throw new AssertionError("lancang serve did not start: " + String.join("\n", seen));
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM: the same shutdown path as Ctrl-C
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lancang serve did not stop within 60 s");
        }
    }

    private HttpResponse<String> postJson(int port, String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(int port, String path) throws IOException, InterruptedException {
        return Json.MAPPER.readTree(get(port, path).body());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
