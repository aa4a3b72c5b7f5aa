package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.sales.SalesAudit;
import org.lancang.testing.Seeds;
import org.lancang.testing.TestDates;

/**
 * Many clients at once on the last lower berths of 133 for Bangkok → Luang Prabang journeys (ADR 0034): each holds a
 * journey, pays it (sometimes twice at once with one key, as a double click does), cancels some, and tries a leg alone.
 * Afterwards no seat-segment is in two live bookings, both legs of every journey are in one state, every ticketed
 * journey's legs both carry tickets, and the reconciliation matches every charge by its two tickets or its refunds.
 * Seeded: the seed is printed; rerun with {@code -Dseed=N}.
 */
class JourneyBookingRushTest {
    private static final int CLIENTS = 12;
    private static final int LEFT = 3;
    private static final LocalDate DATE = TestDates.daysAhead(4);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theLastBerthsAreSoldOnceAndEveryChargeIsMatchedByBothTickets() throws Exception {
        long seed = Seeds.seed(JourneyBookingRushTest.class);
        String admin = server.adminToken();
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        LocalDate date133 = JourneyBookingApiTest.serviceDate(offer.get("first"));
        // sell 133's lower berths to single bookings until none is left, then give back LEFT of them
        String agent = server.user(admin, "window", "AGENT");
        List<String> singles = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            TestServer.Reply b = server.postJson(
                    "/api/bookings",
                    agent,
                    "{\"train\":\"133\",\"date\":\"" + date133 + "\",\"from\":\"KTW\",\"to\":\"KSV\",\"seatClass\":"
                            + "\"HARD_SLEEPER\",\"berth\":\"LOWER\",\"currency\":\"THB\",\"passengers\":[{\"name\":"
                            + "\"W\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"RW" + (400000 + n)
                            + "\",\"nationality\":\"THA\",\"dateOfBirth\":\"1990-01-01\",\"documentExpiry\":"
                            + "\"2031-01-01\"}]}");
            if (b.status() == 409) {
                break;
            }
            assertThat(b.status()).as(b.body()).isEqualTo(201);
            singles.add(b.json().get("id").asText());
        }
        assertThat(singles.size()).isGreaterThan(LEFT).isLessThan(40);
        for (String id : singles.subList(0, LEFT)) {
            assertThat(server.postJson("/api/bookings/" + id + "/cancel", agent, "{}")
                            .status())
                    .isEqualTo(200);
        }
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            tokens.add(server.user(admin, "rush" + c, "PASSENGER"));
        }

        AtomicInteger held = new AtomicInteger();
        AtomicInteger soldOut = new AtomicInteger();
        AtomicInteger paid = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS * 2);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Random random = new Random(seed * 31 + c);
            done.add(pool.submit(() -> {
                go.await();
                String token = tokens.get(client);
                for (int round = 0; round < 3; round++) {
                    TestServer.Reply h = server.postJson(
                            "/api/journey-bookings",
                            token,
                            JourneyBookingApiTest.journey(
                                    JourneyBookingApiTest.leg(offer.get("first"), "HARD_SLEEPER", "LOWER"),
                                    JourneyBookingApiTest.leg(offer.get("second"), "SECOND", null),
                                    "RP" + (500000 + client * 10 + round)));
                    if (h.status() == 409) {
                        assertThat(h.json().get("field").asText()).isEqualTo("legs[0].berth");
                        soldOut.incrementAndGet();
                        Thread.sleep(random.nextInt(20));
                        continue;
                    }
                    assertThat(h.status()).as(h.body()).isEqualTo(201);
                    held.incrementAndGet();
                    String id = h.json().get("id").asText();
                    String leg = h.json()
                            .get("legs")
                            .get(random.nextInt(2))
                            .get("id")
                            .asText();
                    if (random.nextInt(4) == 0) { // a leg alone is refused, whatever the race
                        assertThat(server.postJson("/api/bookings/" + leg + "/cancel", token, "{}")
                                        .status())
                                .isEqualTo(409);
                    }
                    if (random.nextInt(5) == 0) { // changes their mind before paying
                        assertThat(server.postJson("/api/journey-bookings/" + id + "/cancel", token, "{}")
                                        .status())
                                .isEqualTo(200);
                        continue;
                    }
                    String key = "{\"idempotencyKey\":\"rush-" + id + "\"}";
                    Future<TestServer.Reply> twin = random.nextBoolean()
                            ? pool.submit(() -> server.postJson("/api/journey-bookings/" + id + "/payment", token, key))
                            : null;
                    TestServer.Reply p = server.postJson("/api/journey-bookings/" + id + "/payment", token, key);
                    assertThat(p.status()).as(p.body()).isIn(200, 409);
                    if (twin != null) {
                        assertThat(twin.get().status()).isIn(200, 409);
                    }
                    if (p.status() == 200) {
                        paid.incrementAndGet();
                    }
                    if (random.nextInt(3) == 0) {
                        assertThat(server.postJson("/api/journey-bookings/" + id + "/cancel", token, "{}")
                                        .status())
                                .isEqualTo(200);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        System.out.println("journeys held " + held + ", paid " + paid + ", refused sold out " + soldOut);

        assertThat(held.get()).as("the last berths were sold").isGreaterThanOrEqualTo(LEFT);
        assertThat(soldOut.get()).as("and then refused").isPositive();
        int live133 = 0;
        for (String token : tokens) {
            for (JsonNode j : server.get("/api/journey-bookings", token).json()) {
                JsonNode first = j.get("legs").get(0);
                JsonNode second = j.get("legs").get(1);
                assertThat(first.get("status").asText())
                        .as("both legs in one state: " + j)
                        .isEqualTo(second.get("status").asText());
                if (j.get("status").asText().equals("TICKETED")) {
                    for (JsonNode l : j.get("legs")) {
                        assertThat(l.get("passengers")
                                        .get(0)
                                        .get("ticketNumber")
                                        .isNull())
                                .isFalse();
                    }
                    live133++;
                }
                if (j.get("status").asText().equals("HELD")) {
                    live133++;
                }
            }
        }
        assertThat(live133).as("no more journeys live than the berths left").isLessThanOrEqualTo(LEFT);
        SalesAudit.Report audit = server.platform.networkSales().home().reconcile(null);
        assertThat(audit.seatsSoldTwice()).isEmpty();
        assertThat(audit.money().findings()).isEmpty();
        assertThat(audit.holds()).isTrue();
    }
}
