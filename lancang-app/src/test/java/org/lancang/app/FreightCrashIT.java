package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.testing.Seeds;
import org.lancang.testing.TestDates;
import org.lancang.web.http.Json;

/**
 * The freight crash test: {@code lancang serve} runs as its own process, shippers rush the same slots' last wagons and
 * the same pools' last boxes from many threads, the server is killed with SIGKILL in the middle and started again:
 * every booking it acknowledged is there with its units, no box or wagon is allocated twice, and no slot holds more
 * than its capacity.
 */
class FreightCrashIT {
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");
    private static final String[] KINDS = {"REEFER_40", "BOX_40", "FLAT", "BOX_20", "COVERED"};

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aKilledServerLosesNoAcknowledgedFreightBookingAndAllocatesNothingTwice(@TempDir Path dataDir)
            throws Exception {
        long seed = Seeds.seed(FreightCrashIT.class);
        int port = ServeProcessIT.freePort();
        Process first = ServeProcessIT.start(port, dataDir);
        List<String> output = ServeProcessIT.awaitRunning(first);
        String adminPassword = output.stream()
                .map(PASSWORD::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no admin password printed: " + output));
        String admin = login(port, "admin", adminPassword);
        List<String> shippers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "shipper" + i;
            HttpResponse<String> r = post(
                    port,
                    "/api/users",
                    admin,
                    "{\"username\":\"" + name + "\",\"displayName\":\"" + name + "\",\"password\":\"password of " + name
                            + "\",\"roles\":[\"SHIPPER\"]}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            shippers.add(login(port, name, "password of " + name));
        }
        String date = TestDates.daysAhead(3).toString();
        List<String> slots = new ArrayList<>();
        for (JsonNode s : Json.MAPPER.readTree(
                get(port, "/api/freight/slots?date=" + date, null).body())) {
            if (s.get("runs").asBoolean()) {
                slots.add(s.get("id").asText());
            }
        }
        assertThat(slots).as("slots running on %s", date).isNotEmpty();

        // acknowledged booking → the number of units it was given
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService rush = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            Random random = new Random(seed + t);
            rush.submit(() -> {
                while (running.get()) {
                    int n = counter.incrementAndGet();
                    // few slots and few kinds: the rush meets on the same trains' last room and the same pools
                    String slot = slots.get(random.nextInt(Math.min(3, slots.size())));
                    String kind = KINDS[random.nextInt(KINDS.length)];
                    int count = 1 + random.nextInt(4);
                    String body = "{\"slotId\":\"" + slot + "\",\"date\":\"" + date + "\",\"equipment\":[{\"kind\":\""
                            + kind + "\",\"count\":" + count + "}]}";
                    try {
                        HttpResponse<String> r =
                                post(port, "/api/freight/bookings", shippers.get(n % shippers.size()), body);
                        if (r.statusCode() == 201) {
                            JsonNode b = Json.MAPPER.readTree(r.body());
                            acknowledged.put(
                                    b.get("id").asText(), b.get("units").size());
                        } else if (r.statusCode() == 409) {
                            refused.incrementAndGet(); // the slot or the pool is full: nothing written
                        }
                    } catch (Exception e) {
                        // the server is gone: what it did not acknowledge may be lost
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        first.destroyForcibly(); // SIGKILL, mid-rush
        first.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        rush.shutdown();
        rush.awaitTermination(60, TimeUnit.SECONDS);
        Map<String, Integer> acked = Map.copyOf(acknowledged);
        System.out.println("FreightCrashIT: " + counter.get() + " bookings sent, " + acked.size() + " acknowledged, "
                + refused.get() + " refused as full before the SIGKILL");
        assertThat(acked).as("bookings acknowledged before the kill").hasSizeGreaterThanOrEqualTo(20);

        Process second = ServeProcessIT.start(port, dataDir);
        try {
            ServeProcessIT.awaitRunning(second);
            int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .get(3)
                    .strip());
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
                for (Map.Entry<String, Integer> e : acked.entrySet()) {
                    assertThat(count(
                                    c,
                                    "SELECT count(*) FROM freight_allocation a JOIN freight_booking b ON b.id ="
                                            + " a.booking_id WHERE a.released_at IS NULL AND b.id = '" + e.getKey()
                                            + "'"))
                            .as("units of acknowledged booking %s after the crash", e.getKey())
                            .isEqualTo(e.getValue().longValue());
                }
                assertThat(count(
                                c,
                                "SELECT count(*) FROM (SELECT unit FROM freight_allocation WHERE released_at IS NULL"
                                        + " GROUP BY unit HAVING count(*) > 1) twice"))
                        .as("boxes or wagons allocated twice")
                        .isZero();
                assertThat(count(
                                c,
                                "SELECT count(*) FROM freight_booking b WHERE NOT EXISTS (SELECT 1 FROM"
                                        + " freight_allocation a WHERE a.booking_id = b.id)"))
                        .as("bookings kept without their units (a partial write)")
                        .isZero();
                assertThat(count(
                                c,
                                "SELECT count(*) FROM freight_allocation a JOIN freight_unit u ON u.unit = a.unit"
                                        + " JOIN freight_booking b ON b.id = a.booking_id WHERE u.station <>"
                                        + " b.from_point"))
                        .as("units taken from another station's pool")
                        .isZero();
            }
            // no slot holds more than its capacity, as the restarted server counts it
            for (JsonNode s : Json.MAPPER.readTree(
                    get(port, "/api/freight/slots?date=" + date, null).body())) {
                assertThat(s.get("wagonsLeft").asInt())
                        .as("wagons left on %s", s.get("id"))
                        .isNotNegative();
                assertThat(s.get("teuLeft").asInt())
                        .as("TEU left on %s", s.get("id"))
                        .isNotNegative();
            }
            // the restarted server books on from what is left, without taking a unit already given
            String shipper = login(port, "shipper0", "password of shipper0");
            HttpResponse<String> more = post(
                    port,
                    "/api/freight/bookings",
                    shipper,
                    "{\"slotId\":\"" + slots.get(slots.size() - 1) + "\",\"date\":\"" + date
                            + "\",\"equipment\":[{\"kind\":\"BOX_20\",\"count\":1}]}");
            assertThat(more.statusCode()).as(more.body()).isIn(201, 409);
            if (more.statusCode() == 201) {
                String unit = Json.MAPPER
                        .readTree(more.body())
                        .get("units")
                        .get(0)
                        .get("unit")
                        .asText();
                try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + pgPort(dataDir) + "/postgres", "postgres", "")) {
                    assertThat(count(
                                    c,
                                    "SELECT count(*) FROM freight_allocation WHERE released_at IS NULL AND unit = '"
                                            + unit + "'"))
                            .isEqualTo(1L);
                }
            }
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static int pgPort(Path dataDir) throws Exception {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .get(3)
                .strip());
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String login(int port, String user, String password) throws Exception {
        HttpResponse<String> r = post(
                port, "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body()).get("token").asText();
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
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
