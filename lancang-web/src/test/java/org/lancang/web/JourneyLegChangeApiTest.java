package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.sales.SalesAudit;
import org.lancang.testing.TestDates;

/**
 * Changing one leg of a paid journey across networks over HTTP against the real database (ADR 0034, "Changing one
 * leg"): Bangkok → Luang Prabang as 133 + the road + an LCR train. The LCR leg moves to another day and class with the
 * fare difference charged, then back with the difference refunded; a change that would miss the connection is refused
 * 409 naming the field and the connection time; every refusal writes nothing; the reconciliation counts each change
 * against the journey. Trains, fares and connections are read from the API, never written here.
 */
class JourneyLegChangeApiTest {
    private static TestServer server;
    private static String passenger;
    private static final LocalDate DATE = TestDates.daysAhead(3);

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork();
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"malee\",\"displayName\":\"Malee\",\"password\":\"malee password 1\"}");
        passenger = server.token("malee", "malee password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A paid journey KTW → LPB via 133 and the offered LCR train, both in second class. */
    private static JsonNode paidJourney(JsonNode offer, String passport) {
        TestServer.Reply held = server.postJson(
                "/api/journey-bookings",
                passenger,
                JourneyBookingApiTest.journey(
                        JourneyBookingApiTest.leg(offer.get("first"), "SECOND", null),
                        JourneyBookingApiTest.leg(offer.get("second"), "SECOND", null),
                        passport));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().get("id").asText();
        TestServer.Reply paid = server.postJson(
                "/api/journey-bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"pay-" + id + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return paid.json();
    }

    private static TestServer.Reply change(String journey, String leg, String body) {
        return server.postJson("/api/journey-bookings/" + journey + "/legs/" + leg + "/change", passenger, body);
    }

    @Test
    void theLcrLegMovesToAnotherDayAndClassChargingThenRefundingTheDifferenceInBaht() {
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        JsonNode j = paidJourney(offer, "TH300001");
        String id = j.get("id").asText();
        JsonNode lcr = j.get("legs").get(1);
        String train = lcr.get("train").asText();
        LocalDate later = LocalDate.parse(lcr.get("date").asText()).plusDays(1);
        long second = lcr.get("total").get("minor").asLong();
        long first = fare(train, "VTE", "LPB", later, "FIRST");
        assertThat(first).as("first class is dearer than second").isGreaterThan(second);

        TestServer.Reply up = change(
                id, "1", "{\"date\":\"" + later + "\",\"seatClass\":\"FIRST\",\"idempotencyKey\":\"up-" + id + "\"}");
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        JsonNode moved = up.json();
        assertThat(moved.get("status").asText()).isEqualTo("TICKETED");
        JsonNode newLeg = moved.get("legs").get(1);
        assertThat(newLeg.get("id").asText()).isNotEqualTo(lcr.get("id").asText());
        assertThat(newLeg.get("date").asText()).isEqualTo(later.toString());
        assertThat(newLeg.get("seatClass").asText()).isEqualTo("FIRST");
        assertThat(newLeg.get("total").get("currency").asText()).isEqualTo("THB");
        assertThat(moved.get("legs").get(0).get("id").asText())
                .as("the 133 leg is untouched")
                .isEqualTo(j.get("legs").get(0).get("id").asText());
        assertThat(charged(moved, "CHARGE", "CAPTURED") - charged(j, "CHARGE", "CAPTURED"))
                .as("the difference between the two fares, charged in baht")
                .isEqualTo(first - second);
        assertThat(server.get("/api/bookings/" + lcr.get("id").asText(), passenger)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CHANGED");
        // a retry with the same key answers with the journey as that change left it, charging nothing more
        TestServer.Reply again = change(
                id, "1", "{\"date\":\"" + later + "\",\"seatClass\":\"FIRST\",\"idempotencyKey\":\"up-" + id + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("legs").get(1).get("id").asText())
                .isEqualTo(newLeg.get("id").asText());
        assertThat(charged(again.json(), "CHARGE", "CAPTURED")).isEqualTo(charged(moved, "CHARGE", "CAPTURED"));
        // the new leg alone is still a leg of the journey
        TestServer.Reply alone =
                server.postJson("/api/bookings/" + newLeg.get("id").asText() + "/cancel", passenger, "{}");
        assertThat(alone.status()).as(alone.body()).isEqualTo(409);
        assertThat(alone.json().get("code").asText()).isEqualTo("journey-leg");
        assertAudited(offer, later);

        // back to second class: the difference is given back less the LCR fee for the time left
        TestServer.Reply down = change(id, "1", "{\"seatClass\":\"SECOND\",\"idempotencyKey\":\"down-" + id + "\"}");
        assertThat(down.status()).as(down.body()).isEqualTo(200);
        long back = charged(down.json(), "REFUND", "REFUNDED");
        assertThat(back)
                .as("given back: the difference less a fee")
                .isPositive()
                .isLessThanOrEqualTo(first - second);
        assertAudited(offer, later);

        // cancelling the changed journey refunds both legs as they are now
        TestServer.Reply cancelled = server.postJson("/api/journey-bookings/" + id + "/cancel", passenger, "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertAudited(offer, later);
        System.out.println("LCR leg " + train + " SECOND → FIRST next day: charged " + (first - second)
                + " THB minor; FIRST → SECOND: refunded " + back + " of " + (first - second));
    }

    @Test
    void sameKeyTwinsSentTogetherBothAnswerWithTheOneChangeMadeTakingOneSeatAndOneCharge() throws Exception {
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        JsonNode j = paidJourney(offer, "TH300009");
        String id = j.get("id").asText();
        JsonNode lcr = j.get("legs").get(1);
        String train = lcr.get("train").asText();
        LocalDate later = LocalDate.parse(lcr.get("date").asText()).plusDays(1);
        int freeBefore = seatsFree(train, "VTE", "LPB", later);

        // dearer: a double click (and a third) to first class the next day, the difference charged once
        String up = "{\"date\":\"" + later + "\",\"seatClass\":\"FIRST\",\"idempotencyKey\":\"twin-up-" + id + "\"}";
        String upLeg = sameLegForAll(TestServer.together(3, () -> change(id, "1", up)));
        assertThat(upLeg).isNotEqualTo(lcr.get("id").asText());
        assertThat(seatsFree(train, "VTE", "LPB", later)).as("one seat taken").isEqualTo(freeBefore - 1);
        JsonNode moved = server.get("/api/journey-bookings/" + id, passenger).json();
        assertThat(payments(moved, "CHARGE", "CHANGE"))
                .as("one charge for the change")
                .isEqualTo(1);

        // cheaper (no charge, so no charge key to meet): back to second class, the refund made once
        String down = "{\"seatClass\":\"SECOND\",\"idempotencyKey\":\"twin-down-" + id + "\"}";
        String downLeg = sameLegForAll(TestServer.together(3, () -> change(id, "1", down)));
        assertThat(downLeg).isNotEqualTo(upLeg);
        assertThat(seatsFree(train, "VTE", "LPB", later))
                .as("the first-class seat given back, one second-class seat taken")
                .isEqualTo(freeBefore - 1);
        JsonNode back = server.get("/api/journey-bookings/" + id, passenger).json();
        assertThat(payments(back, "REFUND", "CHANGE"))
                .as("one refund for the change")
                .isEqualTo(1);
        assertAudited(offer, later);
        server.postJson("/api/journey-bookings/" + id + "/cancel", passenger, "{}");
    }

    /** Every answer is 200 with the same new second leg; returns its id. */
    private static String sameLegForAll(List<TestServer.Reply> answers) {
        for (TestServer.Reply r : answers) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        List<String> legs = answers.stream()
                .map(r -> r.json().get("legs").get(1).get("id").asText())
                .distinct()
                .toList();
        assertThat(legs).as("the twins answer with the one change").hasSize(1);
        return legs.get(0);
    }

    private static long payments(JsonNode journey, String kind, String purpose) {
        long n = 0;
        for (JsonNode p : journey.get("payments")) {
            if (p.get("kind").asText().equals(kind) && p.get("purpose").asText().equals(purpose)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aChangeThatMissesTheConnectionIsRefused409WithTheConnectionTimeAndWritesNothing() {
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        JsonNode j = paidJourney(offer, "TH300002");
        String id = j.get("id").asText();
        JsonNode missed = offer.get("missed").get(0);
        String before = server.get("/api/journey-bookings/" + id, passenger).body();
        int free = seatsFree(missed.get("train").asText(), "VTE", "LPB", JourneyBookingApiTest.serviceDate(missed));

        // the LCR leg to a train leaving Vientiane too soon after 133 reaches Khamsavath
        TestServer.Reply tooSoon = change(
                id, "1", "{\"train\":\"" + missed.get("train").asText() + "\",\"idempotencyKey\":\"soon-" + id + "\"}");
        assertThat(tooSoon.status()).as(tooSoon.body()).isEqualTo(409);
        assertThat(tooSoon.isProblem()).isTrue();
        assertThat(tooSoon.json().get("field").asText()).isEqualTo("train");
        assertThat(tooSoon.json().get("code").asText()).isEqualTo("journey-connection");
        assertThat(tooSoon.body())
                .contains("the connection would be")
                .contains("KSV")
                .contains(" min");
        System.out.println("refused: " + tooSoon.json().get("detail").asText());
        // 133 a day later reaches Khamsavath after the LCR train has left
        LocalDate date133 = JourneyBookingApiTest.serviceDate(offer.get("first"));
        TestServer.Reply late =
                change(id, "0", "{\"date\":\"" + date133.plusDays(1) + "\",\"idempotencyKey\":\"late-" + id + "\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().get("field").asText()).isEqualTo("date");
        assertThat(late.json().get("code").asText()).isEqualTo("journey-connection");
        assertThat(late.body()).contains("the connection would be -");

        // bad input: each refused naming its field
        assertRefused(change(id, "2", "{\"date\":\"" + DATE + "\",\"idempotencyKey\":\"x-" + id + "\"}"), 400, "leg");
        assertRefused(change(id, "1", "{\"date\":\"" + DATE + "\"}"), 400, "idempotencyKey");
        assertRefused(change(id, "1", "{\"train\":\"133\",\"idempotencyKey\":\"y-" + id + "\"}"), 400, "train");
        assertRefused(change(id, "1", "{\"idempotencyKey\":\"z-" + id + "\"}"), 400, "train");
        assertRefused(change(id, "1", "{\"date\":\"not a date\",\"idempotencyKey\":\"w-" + id + "\"}"), 400, "date");
        // another passenger's journey does not exist for them
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"ploy\",\"displayName\":\"Ploy\",\"password\":\"ploy password 12\"}");
        String other = server.token("ploy", "ploy password 12");
        TestServer.Reply theirs = server.postJson(
                "/api/journey-bookings/" + id + "/legs/1/change",
                other,
                "{\"date\":\"" + DATE.plusDays(1) + "\",\"idempotencyKey\":\"o-" + id + "\"}");
        assertThat(theirs.status()).isEqualTo(404);

        assertThat(server.get("/api/journey-bookings/" + id, passenger).body())
                .as("nothing written")
                .isEqualTo(before);
        assertThat(seatsFree(missed.get("train").asText(), "VTE", "LPB", JourneyBookingApiTest.serviceDate(missed)))
                .as("no seat kept on the refused train")
                .isEqualTo(free);
        assertThat(server.platform.networkSales().home().reconcile(null).holds())
                .isTrue();
    }

    @Test
    void anAgentChangesAPassengersLegAtTheWindow() {
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        JsonNode j = paidJourney(offer, "TH300004");
        String id = j.get("id").asText();
        String agent = server.user(server.adminToken(), "counter", "AGENT");
        LocalDate later =
                LocalDate.parse(j.get("legs").get(1).get("date").asText()).plusDays(1);
        TestServer.Reply r = server.postJson(
                "/api/journey-bookings/" + id + "/legs/1/change",
                agent,
                "{\"date\":\"" + later + "\",\"idempotencyKey\":\"window-" + id + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("owner").asText()).isEqualTo("malee");
        assertThat(r.json().get("legs").get(1).get("date").asText()).isEqualTo(later.toString());
        assertThat(server.platform.networkSales().home().reconcile(later).holds())
                .isTrue();
        server.postJson("/api/journey-bookings/" + id + "/cancel", passenger, "{}");
    }

    @Test
    void aJourneyNotPaidHasNoLegChanged() {
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        TestServer.Reply held = server.postJson(
                "/api/journey-bookings",
                passenger,
                JourneyBookingApiTest.journey(
                        JourneyBookingApiTest.leg(offer.get("first"), "SECOND", null),
                        JourneyBookingApiTest.leg(offer.get("second"), "SECOND", null),
                        "TH300003"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().get("id").asText();
        TestServer.Reply r =
                change(id, "1", "{\"date\":\"" + DATE.plusDays(2) + "\",\"idempotencyKey\":\"held-" + id + "\"}");
        assertRefused(r, 409, "status");
        assertThat(r.json().get("code").asText()).isEqualTo("journey-not-paid");
        assertThat(server.get("/api/journey-bookings/" + id, passenger)
                        .json()
                        .get("legs")
                        .get(1)
                        .get("id")
                        .asText())
                .isEqualTo(held.json().get("legs").get(1).get("id").asText());
        server.postJson("/api/journey-bookings/" + id + "/cancel", passenger, "{}");
    }

    private static void assertRefused(TestServer.Reply r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
    }

    /** Every date the journey's legs ran on, and all bookings: each charge and refund matched. */
    private static void assertAudited(JsonNode offer, LocalDate later) {
        for (LocalDate d : new LocalDate[] {
            JourneyBookingApiTest.serviceDate(offer.get("first")),
            JourneyBookingApiTest.serviceDate(offer.get("second")),
            later,
            null
        }) {
            SalesAudit.Report r = server.platform.networkSales().home().reconcile(d);
            assertThat(r.holds()).as(d + ": " + r.money().findings()).isTrue();
        }
    }

    /** The sum of the journey's payments of a kind in a state (its own and its legs'). */
    @Test
    void aLegChangedTwiceKeepsTheFirstChangesChargeInTheJourneysPayments() {
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        JsonNode j = paidJourney(offer, "TH300005");
        String id = j.get("id").asText();
        LocalDate later =
                LocalDate.parse(j.get("legs").get(1).get("date").asText()).plusDays(1);
        TestServer.Reply up = change(
                id,
                "1",
                "{\"date\":\"" + later + "\",\"seatClass\":\"FIRST\",\"idempotencyKey\":\"twice1-" + id + "\"}");
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        String between = up.json().get("legs").get(1).get("id").asText();
        TestServer.Reply again =
                change(id, "1", "{\"date\":\"" + later.plusDays(1) + "\",\"idempotencyKey\":\"twice2-" + id + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);

        // the booking the first change made is no longer a leg, but its charge is still the journey's
        JsonNode replaced = server.get("/api/bookings/" + between, passenger).json();
        assertThat(replaced.get("status").asText()).isEqualTo("CHANGED");
        assertThat(replaced.get("payments")).isNotEmpty();
        JsonNode view = server.get("/api/journey-bookings/" + id, passenger).json();
        for (JsonNode p : replaced.get("payments")) {
            assertThat(view.get("payments").findValuesAsText("providerReference"))
                    .as("the journey lists " + p)
                    .contains(p.get("providerReference").asText());
        }
        assertThat(charged(view, "CHARGE", "CAPTURED")).isEqualTo(charged(up.json(), "CHARGE", "CAPTURED"));

        // cancelled: no more is shown refunded than was shown charged
        TestServer.Reply cancelled = server.postJson("/api/journey-bookings/" + id + "/cancel", passenger, "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode after = server.get("/api/journey-bookings/" + id, passenger).json();
        assertThat(charged(after, "REFUND", "REFUNDED"))
                .isPositive()
                .isLessThanOrEqualTo(charged(after, "CHARGE", "CAPTURED"));
    }

    /**
     * Two changes of one paid journey's leg at once: the journey is ticketed throughout, so the one that loses is told
     * the journey changed, never that it is not paid (a journey read half before, half after the winner's commit once
     * looked CANCELLED).
     */
    @Test
    void theLoserOfTwoLegChangesAtOnceIsToldTheJourneyChangedNeverThatItIsNotPaid() throws Exception {
        JsonNode offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DATE, "133");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                JsonNode j = paidJourney(offer, "TH3100" + (10 + round));
                String id = j.get("id").asText();
                LocalDate day = LocalDate.parse(j.get("legs").get(1).get("date").asText());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<TestServer.Reply>> replies = new ArrayList<>();
                for (int k = 1; k <= 2; k++) {
                    String body = "{\"date\":\"" + day.plusDays(k) + "\",\"idempotencyKey\":\"race" + round + "-" + k
                            + "-" + id + "\"}";
                    replies.add(pool.submit(() -> {
                        go.await();
                        return change(id, "1", body);
                    }));
                }
                go.countDown();
                int moved = 0;
                for (Future<TestServer.Reply> f : replies) {
                    TestServer.Reply r = f.get(60, TimeUnit.SECONDS);
                    if (r.status() == 200) {
                        moved++;
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                        assertThat(r.json().get("code").asText()).as(r.body()).isEqualTo("journey-changed");
                    }
                }
                assertThat(moved).as("round " + round).isPositive();
                assertThat(server.get("/api/journey-bookings/" + id, passenger)
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("TICKETED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long charged(JsonNode journey, String kind, String status) {
        long sum = 0;
        for (JsonNode p : journey.get("payments")) {
            if (p.get("kind").asText().equals(kind) && p.get("status").asText().equals(status)) {
                sum += p.get("amount").get("minor").asLong();
            }
        }
        return sum;
    }

    /** A class's fare in baht on a train between two stations, as the search prices it. */
    private static long fare(String train, String from, String to, LocalDate date, String cls) {
        return classOf(train, from, to, date, cls)
                .get("fare")
                .get("total")
                .get("minor")
                .asLong();
    }

    private static int seatsFree(String train, String from, String to, LocalDate date) {
        int free = 0;
        for (JsonNode o : server.get("/api/journeys?from=" + from + "&to=" + to + "&date=" + date + "&currency=THB")
                .json()) {
            if (o.get("train").asText().equals(train)) {
                for (JsonNode k : o.get("classes")) {
                    free += k.get("available").asInt();
                }
            }
        }
        return free;
    }

    private static JsonNode classOf(String train, String from, String to, LocalDate date, String cls) {
        for (JsonNode o : server.get("/api/journeys?from=" + from + "&to=" + to + "&date=" + date + "&currency=THB")
                .json()) {
            if (o.get("train").asText().equals(train)) {
                for (JsonNode k : o.get("classes")) {
                    if (k.get("seatClass").asText().equals(cls)) {
                        return k;
                    }
                }
            }
        }
        throw new AssertionError("no " + cls + " on " + train + " " + date);
    }
}
