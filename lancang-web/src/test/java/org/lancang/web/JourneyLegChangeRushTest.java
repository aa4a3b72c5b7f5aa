package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Changes of one leg of paid journeys racing single bookings and journey holds for the last berths of 133 on the day
 * before (ADR 0034, "Changing one leg"): each client moves its 133 leg to a berth that day (dearer: the difference
 * charged), sometimes with a double click, sometimes moving its LCR leg to the next day at the same moment, sometimes
 * cancelling the journey meanwhile; buyers take the same berths. How many clients and buyers try is seeded, sometimes no
 * more than the berths left, sometimes more. A double click's two answers are the same (the same moved leg, or both
 * refused); when no more tried than there were berths, none is told sold out and each client that nothing of its own
 * journey raced moves; every journey's first leg is where its answers said. Afterwards no seat-segment is in two live
 * bookings, no more berths were taken than were left, every journey's legs are in one state and still connect, and
 * the reconciliation matches every charge by its tickets or its refunds. Seeded: the seed is printed; rerun with
 * {@code -Dseed=N}.
 */
class JourneyLegChangeRushTest {
    private static final int CLIENTS = 8;
    private static final int BUYERS = 3;
    private static final int LEFT = 5;
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

    private static String berth133(LocalDate date, String passport) {
        return "{\"train\":\"133\",\"date\":\"" + date + "\",\"from\":\"KTW\",\"to\":\"KSV\",\"seatClass\":"
                + "\"HARD_SLEEPER\",\"currency\":\"THB\",\"passengers\":[{\"name\":\"W\",\"documentType\":\"PASSPORT\","
                + "\"documentNumber\":\"" + passport + "\",\"nationality\":\"THA\",\"dateOfBirth\":\"1990-01-01\","
                + "\"documentExpiry\":\"2031-01-01\"}]}";
    }

    private static int berthsFree(LocalDate date) {
        for (JsonNode o :
                server.get("/api/journeys?from=KTW&to=KSV&date=" + date).json()) {
            if (o.get("train").asText().equals("133")) {
                for (JsonNode k : o.get("classes")) {
                    if (k.get("seatClass").asText().equals("HARD_SLEEPER")) {
                        return k.get("available").asInt();
                    }
                }
            }
        }
        throw new AssertionError("no HARD_SLEEPER on 133 " + date);
    }

    @Test
    void theLastBerthsGoOnceToChangesOrBuyersAndEveryChargeIsMatched() throws Exception {
        long seed = Seeds.seed(JourneyLegChangeRushTest.class);
        String admin = server.adminToken();
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        LocalDate date133 = JourneyBookingApiTest.serviceDate(offer.get("first"));
        LocalDate dayBefore = date133.minusDays(1);
        LocalDate lcrNextDay =
                JourneyBookingApiTest.serviceDate(offer.get("second")).plusDays(1);
        // 133's berths the day before sold until none is left, then LEFT of them given back
        String agent = server.user(admin, "window", "AGENT");
        List<String> singles = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            TestServer.Reply b = server.postJson("/api/bookings", agent, berth133(dayBefore, "RW" + (600000 + n)));
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
        // each client holds and pays a journey with 133 on its own day in a seat
        List<String> tokens = new ArrayList<>();
        List<String> journeys = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String token = server.user(admin, "mover" + c, "PASSENGER");
            tokens.add(token);
            TestServer.Reply h = server.postJson(
                    "/api/journey-bookings",
                    token,
                    JourneyBookingApiTest.journey(
                            JourneyBookingApiTest.leg(offer.get("first"), "HARD_SEAT", null),
                            JourneyBookingApiTest.leg(offer.get("second"), "SECOND", null),
                            "RM" + (700000 + c)));
            assertThat(h.status()).as(h.body()).isEqualTo(201);
            String id = h.json().get("id").asText();
            assertThat(server.postJson(
                                    "/api/journey-bookings/" + id + "/payment",
                                    token,
                                    "{\"idempotencyKey\":\"pay-" + id + "\"}")
                            .status())
                    .isEqualTo(200);
            journeys.add(id);
        }
        String buyer = server.user(admin, "buyer", "AGENT");
        Random draw = new Random(seed);
        int movers = 1 + draw.nextInt(CLIENTS);
        int buyers = draw.nextInt(BUYERS + 1);
        int attempts = movers + buyers; // a double click is one attempt: its twin takes no berth of its own

        Set<String> moved = ConcurrentHashMap.newKeySet();
        Set<String> refusedAlone = ConcurrentHashMap.newKeySet(); // refused although nothing of theirs raced them
        AtomicInteger bought = new AtomicInteger();
        List<String> reasons = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS * 3 + BUYERS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < movers; c++) {
            int client = c;
            Random random = new Random(seed * 31 + c);
            done.add(pool.submit(() -> {
                go.await();
                String token = tokens.get(client);
                String id = journeys.get(client);
                String path = "/api/journey-bookings/" + id + "/legs/";
                String body = "{\"date\":\"" + dayBefore + "\",\"seatClass\":\"HARD_SLEEPER\",\"idempotencyKey\":\"up-"
                        + id + "\"}";
                Future<TestServer.Reply> twin = random.nextInt(3) == 0
                        ? pool.submit(() -> server.postJson(path + "0/change", token, body))
                        : null;
                Future<TestServer.Reply> other = random.nextInt(3) == 0
                        ? pool.submit(() -> server.postJson(
                                path + "1/change",
                                token,
                                "{\"date\":\"" + lcrNextDay + "\",\"idempotencyKey\":\"lcr-" + id + "\"}"))
                        : null;
                Future<TestServer.Reply> cancel = random.nextInt(6) == 0
                        ? pool.submit(() -> server.postJson("/api/journey-bookings/" + id + "/cancel", token, "{}"))
                        : null;
                TestServer.Reply r = server.postJson(path + "0/change", token, body);
                List<TestServer.Reply> moves = new ArrayList<>(List.of(r));
                if (twin != null) {
                    TestServer.Reply t = twin.get();
                    moves.add(t);
                    assertThat(t.status())
                            .as("a double click's answers are the same: " + r.body() + " / " + t.body())
                            .isEqualTo(r.status());
                    if (r.status() == 200) {
                        assertThat(t.json().get("legs").get(0).get("id").asText())
                                .as("the twins moved to one new leg")
                                .isEqualTo(r.json().get("legs").get(0).get("id").asText());
                    }
                }
                for (TestServer.Reply m : moves) {
                    assertThat(m.status()).as(m.body()).isIn(200, 409);
                    if (m.status() == 200) {
                        moved.add(id);
                        assertThat(m.json().get("legs").get(0).get("date").asText())
                                .isEqualTo(dayBefore.toString());
                    } else {
                        reasons.add(
                                m.json().get("field").asText() + " " + m.json().get("code"));
                    }
                }
                if (r.status() != 200 && other == null && cancel == null) {
                    refusedAlone.add(id + " " + r.body());
                }
                for (Future<TestServer.Reply> f : Arrays.asList(other, cancel)) {
                    if (f != null) {
                        TestServer.Reply x = f.get();
                        assertThat(x.status()).as(x.body()).isIn(200, 409);
                    }
                }
                return null;
            }));
        }
        for (int b = 0; b < buyers; b++) {
            int n = b;
            Random random = new Random(seed * 17 + b);
            done.add(pool.submit(() -> {
                go.await();
                Thread.sleep(random.nextInt(30));
                TestServer.Reply r = server.postJson("/api/bookings", buyer, berth133(dayBefore, "RB" + (800000 + n)));
                assertThat(r.status()).as(r.body()).isIn(201, 409);
                if (r.status() == 201) {
                    bought.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        System.out.println("leg changes to the last " + LEFT + " berths of 133 on " + dayBefore + ": " + movers
                + " journeys and " + buyers + " buyers tried; journeys moved " + moved.size() + ", bought by others "
                + bought + "; refused on " + reasons);
        if (attempts <= LEFT) {
            assertThat(reasons)
                    .as(attempts + " tried for " + LEFT + " berths: none is sold out")
                    .noneMatch(r -> r.contains("sold-out"));
            assertThat(refusedAlone)
                    .as("a change that nothing of its own journey raced moves when the berths suffice")
                    .isEmpty();
        }
        // the road transfer's minimum, as the journey search gives it
        Duration minimum = Duration.ofMinutes(
                offer.get("transfer").get("minimumConnectionMinutes").asLong());
        int onTheBerthsLeft = bought.get();
        int unmoved = -1;
        for (int c = 0; c < CLIENTS; c++) {
            JsonNode j = server.get("/api/journey-bookings/" + journeys.get(c), tokens.get(c))
                    .json();
            JsonNode first = j.get("legs").get(0);
            JsonNode second = j.get("legs").get(1);
            assertThat(first.get("status").asText())
                    .as("both legs in one state: " + j)
                    .isEqualTo(second.get("status").asText());
            if (j.get("status").asText().equals("TICKETED")) {
                assertThat(first.get("date").asText())
                        .as("the first leg is where the answers said: " + j)
                        .isEqualTo((moved.contains(journeys.get(c)) ? dayBefore : date133).toString());
                if (first.get("date").asText().equals(dayBefore.toString())) {
                    onTheBerthsLeft++;
                } else {
                    unmoved = c;
                }
                Duration connection = Duration.between(
                        OffsetDateTime.parse(first.get("arrival").asText()),
                        OffsetDateTime.parse(second.get("departure").asText()));
                assertThat(connection)
                        .as("still connects: " + first.get("train") + " " + first.get("date") + " then "
                                + second.get("train") + " " + second.get("date"))
                        .isGreaterThanOrEqualTo(minimum);
            }
        }
        assertThat(onTheBerthsLeft).as("the berths left went once").isLessThanOrEqualTo(LEFT);
        assertThat(berthsFree(dayBefore))
                .as("no berth lost: what is not held by a change or a buyer is on sale again")
                .isEqualTo(LEFT - onTheBerthsLeft);
        // a change in flight holds its berth until it commits or fails (as a single change does), so the rush may leave
        // berths free that every racing change saw taken; once calm, a journey not moved gets one
        if (LEFT - onTheBerthsLeft > 0 && unmoved >= 0) {
            String id = journeys.get(unmoved);
            TestServer.Reply calm = server.postJson(
                    "/api/journey-bookings/" + id + "/legs/0/change",
                    tokens.get(unmoved),
                    "{\"date\":\"" + dayBefore + "\",\"seatClass\":\"HARD_SLEEPER\",\"idempotencyKey\":\"calm-" + id
                            + "\"}");
            assertThat(calm.status()).as(calm.body()).isEqualTo(200);
            assertThat(berthsFree(dayBefore)).isEqualTo(LEFT - onTheBerthsLeft - 1);
        }
        SalesAudit.Report audit = server.platform.networkSales().home().reconcile(null);
        assertThat(audit.seatsSoldTwice()).isEmpty();
        assertThat(audit.money().findings()).isEmpty();
        assertThat(audit.holds()).isTrue();
        for (LocalDate d : new LocalDate[] {dayBefore, date133, lcrNextDay}) {
            SalesAudit.Report r = server.platform.networkSales().home().reconcile(d);
            assertThat(r.holds()).as(d + ": " + r.money().findings()).isTrue();
        }
    }
}
