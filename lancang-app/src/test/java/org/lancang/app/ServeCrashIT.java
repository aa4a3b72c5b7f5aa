package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.store.testing.BookingAudit;
import org.lancang.testing.TestDates;
import org.lancang.web.http.Json;

/**
 * The crash test: {@code lancang serve} runs as its own process, buyers book (and pay, and give back) at it from many
 * threads, it is killed with SIGKILL in the middle, and started again: every booking it acknowledged is there, no seat
 * is sold twice, and {@code lancang sales reconcile} finds every charge matched by a ticket or a refund.
 */
class ServeCrashIT {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aKilledServerLosesNoAcknowledgedBookingAndSellsNothingTwice(@TempDir Path dataDir) throws Exception {
        int port = ServeProcessIT.freePort();
        Process first = ServeProcessIT.start(port, dataDir);
        ServeProcessIT.awaitRunning(first);
        post(
                port,
                "/api/auth/register",
                null,
                "{\"username\":\"rush\",\"displayName\":\"Rush\",\"password\":\"rush password 1\"}");
        String token = Json.MAPPER
                .readTree(
                        post(port, "/api/auth/login", null, "{\"username\":\"rush\",\"password\":\"rush password 1\"}")
                                .body())
                .get("token")
                .asText();
        String date = TestDates.daysAhead(2).toString();
        String[][] journeys = {{"KMS", "XSB"}, {"KMS", "PUE"}, {"YXI", "XSB"}, {"PUE", "XSB"}, {"YXI", "PUE"}};

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService buyers = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            buyers.submit(() -> {
                while (running.get()) {
                    int n = counter.incrementAndGet();
                    String[] j = journeys[n % journeys.length];
                    String body = "{\"train\":\"C277\",\"date\":\"" + date + "\",\"from\":\"" + j[0] + "\",\"to\":\""
                            + j[1]
                            + "\",\"seatClass\":\"SECOND\",\"currency\":\"CNY\",\"passengers\":[{\"name\":\"Buyer " + n
                            + "\",\"documentType\":\"CHINESE_RESIDENT_ID\",\"documentNumber\":\"ID" + (100000 + n)
                            + "\",\"nationality\":\"CHN\",\"dateOfBirth\":\"1990-01-01\"}]}";
                    try {
                        HttpResponse<String> r = post(port, "/api/bookings", token, body);
                        if (r.statusCode() == 201) {
                            String id = Json.MAPPER.readTree(r.body()).get("id").asText();
                            acknowledged.add(id);
                            // money moves too: a third of the holds are paid, and some tickets given back
                            if (n % 3 == 0) {
                                post(
                                        port,
                                        "/api/bookings/" + id + "/payment",
                                        token,
                                        "{\"idempotencyKey\":\"crash-" + id + "\"}");
                                if (n % 9 == 0) {
                                    post(port, "/api/bookings/" + id + "/cancel", token, "{}");
                                }
                            }
                        }
                    } catch (Exception e) {
                        // the server is gone: what it did not acknowledge may be lost
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 150 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.destroyForcibly(); // SIGKILL, mid-load
        first.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        buyers.shutdown();
        buyers.awaitTermination(30, TimeUnit.SECONDS);
        List<String> acked = new ArrayList<>(acknowledged);
        assertThat(acked).as("bookings acknowledged before the kill").hasSizeGreaterThan(100);

        Process second = ServeProcessIT.start(port, dataDir);
        try {
            ServeProcessIT.awaitRunning(second);
            String token2 = Json.MAPPER
                    .readTree(post(
                                    port,
                                    "/api/auth/login",
                                    null,
                                    "{\"username\":\"rush\",\"password\":\"rush password 1\"}")
                            .body())
                    .get("token")
                    .asText();
            for (String id : acked) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bookings/" + id))
                                .header("Authorization", "Bearer " + token2)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode())
                        .as("acknowledged booking %s after the crash", id)
                        .isEqualTo(200);
                assertThat(Json.MAPPER.readTree(r.body()).get("status").asText())
                        .isIn("HELD", "TICKETED", "CANCELLED");
            }
            int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .get(3)
                    .strip());
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
                assertThat(count(c, BookingAudit.SOLD_TWICE))
                        .as("(seat, segment) pairs sold twice")
                        .isZero();
                assertThat(count(c, BookingAudit.UNMATCHED))
                        .as("passenger rows without their booking, or bookings" + " without all their passengers")
                        .isZero();
            }
            // every charge is matched by a ticket or a refund, whatever the kill interrupted (the restart settled
            // the payments it left half-way), and no seat-segment is sold twice
            StringWriter report = new StringWriter();
            picocli.CommandLine reconcile = Lancang.commandLine();
            reconcile.setOut(new PrintWriter(report));
            int code = reconcile.execute("sales", "reconcile", "--data-dir", dataDir.toString(), "--date", date);
            assertThat(code).as(report.toString()).isZero();
            assertThat(report.toString()).contains("OK: every charge is matched");
            // the restarted server rebuilt its inventory: it keeps selling without clashing
            HttpResponse<String> more = post(
                    port,
                    "/api/bookings",
                    token2,
                    "{\"train\":\"C277\",\"date\":\"" + date
                            + "\",\"from\":\"KMS\",\"to\":\"XSB\",\"seatClass\":\"SECOND\",\"currency\":\"CNY\",\"passengers\":[{\"name\":"
                            + "\"After\",\"documentType\":\"CHINESE_RESIDENT_ID\",\"documentNumber\":\"ID999999\",\"nationality\":"
                            + "\"CHN\",\"dateOfBirth\":\"1990-01-01\"}]}");
            assertThat(more.statusCode()).as(more.body()).isIn(201, 409);
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private HttpResponse<String> post(int port, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
