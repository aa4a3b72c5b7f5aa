package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.sales.SalesAudit;
import org.lancang.testing.TestDates;

/**
 * Buying a journey across both networks in one step over HTTP against the real database (ADR 0034): Bangkok → Luang
 * Prabang as 133 + the road transfer + the LCR train the journey search offers, held both or neither, paid with one
 * charge for both tickets, cancelled with each leg refunded by its own rules; a leg alone is never paid, cancelled or
 * changed. Trains, times and fares are read from the API, never written here.
 */
class JourneyBookingApiTest {
    private static TestServer server;
    private static String passenger;
    /** Within both operators' sales windows (7 days) with the second leg the day after. */
    private static final LocalDate DATE = TestDates.daysAhead(3);

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork();
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"somchai\",\"displayName\":\"Somchai\",\"password\":\"somchai password 1\"}");
        passenger = server.token("somchai", "somchai password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The journey the search offers from {@code from} to {@code to} whose first leg is {@code firstTrain}. */
    static JsonNode offered(TestServer server, String from, String to, LocalDate date, String firstTrain) {
        TestServer.Reply r = server.get("/api/networks/journeys?from=" + from + "&to=" + to + "&date=" + date);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode j : r.json()) {
            if (j.get("first").get("train").asText().equals(firstTrain)) {
                return j;
            }
        }
        throw new AssertionError("no journey via " + firstTrain + ": " + r.body());
    }

    static String leg(JsonNode leg, String seatClass, String berth) {
        return "{\"train\":\"" + leg.get("train").asText() + "\",\"date\":\"" + serviceDate(leg) + "\",\"from\":\""
                + leg.get("from").asText() + "\",\"to\":\"" + leg.get("to").asText() + "\",\"seatClass\":\""
                + seatClass + "\"" + (berth == null ? "" : ",\"berth\":\"" + berth + "\"") + "}";
    }

    /** A leg's service date: the local date it leaves (both legs leave in the day, not after midnight). */
    static LocalDate serviceDate(JsonNode leg) {
        return OffsetDateTime.parse(leg.get("departure").asText()).toLocalDate();
    }

    static String journey(String first, String second, String passport) {
        return "{\"legs\":[" + first + "," + second + "],\"currency\":\"THB\",\"passengers\":[{\"name\":\"Somchai P.\","
                + "\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + passport + "\",\"nationality\":\"THA\","
                + "\"dateOfBirth\":\"1988-02-03\",\"documentExpiry\":\"2031-01-01\"}]}";
    }

    private static int bookingsOf(String token) {
        return server.get("/api/bookings", token).json().size()
                + server.get("/api/journey-bookings", token).json().size();
    }

    @Test
    void bangkokToLuangPrabangIsHeldPaidOnceTicketedTwiceAndCancelledWithEachLegsRefund() {
        JsonNode offer = offered(server, "KTW", "LPB", DATE, "133");
        TestServer.Reply held = server.postJson(
                "/api/journey-bookings",
                passenger,
                journey(
                        leg(offer.get("first"), "HARD_SEAT", null),
                        leg(offer.get("second"), "SECOND", null),
                        "TH200001"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode j = held.json();
        assertThat(j.get("status").asText()).isEqualTo("HELD");
        JsonNode legs = j.get("legs");
        assertThat(legs).hasSize(2);
        assertThat(legs.get(0).get("train").asText()).isEqualTo("133");
        assertThat(legs.get(1).get("train").asText())
                .isEqualTo(offer.get("second").get("train").asText());
        long first = legs.get(0).get("total").get("minor").asLong();
        long second = legs.get(1).get("total").get("minor").asLong();
        assertThat(legs.get(0).get("total").get("currency").asText()).isEqualTo("THB");
        assertThat(legs.get(1).get("total").get("currency").asText()).isEqualTo("THB");
        assertThat(j.get("total").get("minor").asLong()).isEqualTo(first + second);
        // each leg is priced as its own network prices it in baht (the journeys search in THB)
        assertThat(second).isEqualTo(classFare("VTE", "LPB", serviceDate(offer.get("second")), offer, "SECOND"));

        String id = j.get("id").asText();
        TestServer.Reply paid = server.postJson(
                "/api/journey-bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"jb-" + id + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        JsonNode t = paid.json();
        assertThat(t.get("status").asText()).isEqualTo("TICKETED");
        for (JsonNode l : t.get("legs")) {
            assertThat(l.get("status").asText()).isEqualTo("TICKETED");
            assertThat(l.get("passengers").get(0).get("ticketNumber").asText())
                    .startsWith(l.get("train").asText() + "-");
        }
        JsonNode charges = t.get("payments");
        assertThat(charges).hasSize(1);
        assertThat(charges.get(0).get("kind").asText()).isEqualTo("CHARGE");
        assertThat(charges.get(0).get("status").asText()).isEqualTo("CAPTURED");
        assertThat(charges.get(0).get("amount").get("minor").asLong()).isEqualTo(first + second);
        // a retry with the same key answers as the first call did, charging nothing more
        TestServer.Reply again = server.postJson(
                "/api/journey-bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"jb-" + id + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("payments")).hasSize(1);
        SalesAudit.Report audit = server.platform.networkSales().home().reconcile(null);
        assertThat(audit.holds()).as(audit.money().findings().toString()).isTrue();

        // each leg's refund by its own operator's rules: what its refund quote says now
        long refund0 = server.get("/api/bookings/" + legs.get(0).get("id").asText() + "/refund-quote", passenger)
                .json()
                .get("refund")
                .get("minor")
                .asLong();
        long refund1 = server.get("/api/bookings/" + legs.get(1).get("id").asText() + "/refund-quote", passenger)
                .json()
                .get("refund")
                .get("minor")
                .asLong();
        TestServer.Reply cancelled = server.postJson("/api/journey-bookings/" + id + "/cancel", passenger, "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode c = cancelled.json();
        assertThat(c.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(c.get("legs").get(0).get("refund").get("minor").asLong()).isEqualTo(refund0);
        assertThat(c.get("legs").get(1).get("refund").get("minor").asLong()).isEqualTo(refund1);
        long refunded = 0;
        for (JsonNode p : c.get("payments")) {
            if (p.get("kind").asText().equals("REFUND")) {
                assertThat(p.get("status").asText()).isEqualTo("REFUNDED");
                refunded += p.get("amount").get("minor").asLong();
            }
        }
        assertThat(refunded).isEqualTo(refund0 + refund1);
        System.out.println("KTW → LPB journey: 133 "
                + legs.get(0).get("total").get("amount").asText() + " + "
                + legs.get(1).get("train").asText() + " "
                + legs.get(1).get("total").get("amount").asText()
                + ", one charge of " + j.get("total").get("amount").asText() + "; refunds " + refund0 + " + "
                + refund1 + " (minor units)");
        audit = server.platform.networkSales().home().reconcile(null);
        assertThat(audit.holds()).as(audit.money().findings().toString()).isTrue();
        assertThat(audit.money().taken().values().stream()
                        .mapToLong(m -> m.minor())
                        .sum())
                .isGreaterThanOrEqualTo(first + second);
    }

    /** The fare of a class on the second leg's train, as /api/journeys prices it in baht. */
    private static long classFare(String from, String to, LocalDate date, JsonNode offer, String cls) {
        JsonNode options = server.get("/api/journeys?from=" + from + "&to=" + to + "&date=" + date + "&currency=THB")
                .json();
        for (JsonNode o : options) {
            if (o.get("train").asText().equals(offer.get("second").get("train").asText())) {
                for (JsonNode k : o.get("classes")) {
                    if (k.get("seatClass").asText().equals(cls)) {
                        return k.get("fare").get("total").get("minor").asLong();
                    }
                }
            }
        }
        throw new AssertionError("no " + cls + " fare on " + offer.get("second"));
    }

    @Test
    void theReconciliationOfEitherLegsDateCountsTheOneChargeAgainstBothTicketsAndFindsOneMissing() {
        JsonNode offer = offered(server, "KTW", "LPB", DATE, "133");
        TestServer.Reply held = server.postJson(
                "/api/journey-bookings",
                passenger,
                journey(leg(offer.get("first"), "SECOND", null), leg(offer.get("second"), "SECOND", null), "TH200005"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().get("id").asText();
        assertThat(server.postJson(
                                "/api/journey-bookings/" + id + "/payment",
                                passenger,
                                "{\"idempotencyKey\":\"rec-" + id + "\"}")
                        .status())
                .isEqualTo(200);
        LocalDate firstDate = serviceDate(offer.get("first"));
        LocalDate secondDate = serviceDate(offer.get("second"));
        assertThat(secondDate).as("the legs run on two dates").isAfter(firstDate);
        for (LocalDate d : new LocalDate[] {firstDate, secondDate}) {
            SalesAudit.Report r = server.platform.networkSales().home().reconcile(d);
            assertThat(r.holds()).as(d + ": " + r.money().findings()).isTrue();
        }
        // one ticket lost behind the charge's back: the charge no longer matches the tickets, whichever date is checked
        String second = held.json().get("legs").get(1).get("id").asText();
        server.platform
                .database()
                .jdbi()
                .useHandle(h -> h.createUpdate(
                                "UPDATE booking SET paid_at = NULL, status = 'HELD' WHERE id = CAST(:id AS uuid)")
                        .bind("id", second)
                        .execute());
        for (LocalDate d : new LocalDate[] {firstDate, secondDate}) {
            SalesAudit.Report r = server.platform.networkSales().home().reconcile(d);
            assertThat(r.money().findings())
                    .as(d.toString())
                    .anySatisfy(f -> assertThat(f.bookingId()).isEqualTo(id));
        }
        server.platform
                .database()
                .jdbi()
                .useHandle(h -> h.createUpdate(
                                "UPDATE booking SET paid_at = now(), status = 'TICKETED' WHERE id = CAST(:id AS uuid)")
                        .bind("id", second)
                        .execute());
        assertThat(server.platform.networkSales().home().reconcile(null).holds())
                .isTrue();
    }

    @Test
    void aLegAloneIsNeitherPaidNorCancelledNorChanged() {
        JsonNode offer = offered(server, "KTW", "LPB", DATE, "133");
        TestServer.Reply held = server.postJson(
                "/api/journey-bookings",
                passenger,
                journey(
                        leg(offer.get("first"), "HARD_SEAT", null),
                        leg(offer.get("second"), "SECOND", null),
                        "TH200002"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        for (JsonNode leg : held.json().get("legs")) {
            String legId = leg.get("id").asText();
            TestServer.Reply pay = server.postJson(
                    "/api/bookings/" + legId + "/payment", passenger, "{\"idempotencyKey\":\"leg-" + legId + "\"}");
            TestServer.Reply cancel = server.postJson("/api/bookings/" + legId + "/cancel", passenger, "{}");
            TestServer.Reply change = server.postJson(
                    "/api/bookings/" + legId + "/change",
                    passenger,
                    "{\"date\":\"" + DATE.plusDays(1) + "\",\"idempotencyKey\":\"chg-" + legId + "\"}");
            for (TestServer.Reply r : new TestServer.Reply[] {pay, cancel, change}) {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.isProblem()).isTrue();
                assertThat(r.json().get("code").asText()).isEqualTo("journey-leg");
            }
            JsonNode now = server.get("/api/bookings/" + legId, passenger).json();
            assertThat(now.get("status").asText()).isEqualTo("HELD");
            assertThat(now.get("payments")).isEmpty();
        }
        String id = held.json().get("id").asText();
        assertThat(server.get("/api/journey-bookings/" + id, passenger)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("HELD");
        // another passenger does not see it
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"nok\",\"displayName\":\"Nok\",\"password\":\"nok password 12\"}");
        String other = server.token("nok", "nok password 12");
        assertThat(server.get("/api/journey-bookings/" + id, other).status()).isEqualTo(404);
        assertThat(server.postJson("/api/journey-bookings/" + id + "/cancel", other, "{}")
                        .status())
                .isEqualTo(404);
        assertThat(server.postJson("/api/journey-bookings/" + id + "/cancel", passenger, "{}")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"baddie\",\"displayName\":\"B\",\"password\":\"baddie password 1\"}");
        String token = server.token("baddie", "baddie password 1");
        JsonNode offer = offered(server, "KTW", "LPB", DATE, "133");
        String first = leg(offer.get("first"), "HARD_SEAT", null);
        String second = leg(offer.get("second"), "SECOND", null);
        String passengers = "[{\"name\":\"B P.\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"TH200003\","
                + "\"nationality\":\"THA\",\"dateOfBirth\":\"1988-02-03\",\"documentExpiry\":\"2031-01-01\"}]";
        refused(token, "{\"passengers\":" + passengers + "}", "legs");
        refused(token, "{\"legs\":[" + first + "],\"passengers\":" + passengers + "}", "legs");
        refused(
                token,
                "{\"legs\":[" + first + "," + second + "],\"passengers\":" + passengers + ",\"currency\":\"XXX\"}",
                "currency");
        refused(token, "{\"legs\":[" + first + "," + second + "],\"passengers\":[]}", "passengers");
        refused(
                token,
                "{\"legs\":[" + first + "," + second.replace("\"VTE\"", "\"VTS\"") + "],\"passengers\":" + passengers
                        + "}",
                "legs[1].from");
        refused(
                token,
                "{\"legs\":[" + first + "," + second.replace("\"SECOND\"", "\"HARD_SLEEPER\"") + "],\"passengers\":"
                        + passengers + "}",
                "legs[1].seatClass");
        refused(
                token,
                "{\"legs\":[" + first.replace("\"133\"", "\"9999\"") + "," + second + "],\"passengers\":" + passengers
                        + "}",
                "legs[0].train");
        refused(token, "{\"legs\":[" + first + "," + first + "],\"passengers\":" + passengers + "}", "legs[1].train");
        // a train the connection misses (the search names them): refused on the second leg's train
        JsonNode missed = offer.get("missed").get(0);
        TestServer.Reply tooSoon = server.postJson(
                "/api/journey-bookings",
                token,
                "{\"legs\":[" + first + "," + leg(missed, "SECOND", null) + "],\"passengers\":" + passengers + "}");
        assertThat(tooSoon.status())
                .as("a conflict with the timetable, as a leg change's: " + tooSoon.body())
                .isEqualTo(409);
        assertThat(tooSoon.isProblem()).isTrue();
        assertThat(tooSoon.json().get("field").asText()).isEqualTo("legs[1].train");
        assertThat(tooSoon.json().get("code").asText()).isEqualTo("journey-connection");
        assertThat(bookingsOf(token)).as("nothing written").isZero();
    }

    private static TestServer.Reply refused(String token, String body, String field) {
        TestServer.Reply r = server.postJson("/api/journey-bookings", token, body);
        assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
        return r;
    }

    @Test
    void whenTheSecondLegIsSoldOutNeitherLegIsHeld() {
        // Luang Prabang → Bangkok: an LCR train to Vientiane, the road, 134 from Khamsavath; 134's lower berths sold
        JsonNode offer = offered(server, "LPB", "KTW", DATE, firstOffered("LPB", "KTW", DATE));
        LocalDate date134 = serviceDate(offer.get("second"));
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"seller\",\"displayName\":\"S\",\"password\":\"seller password 1\"}");
        String seller = server.token("seller", "seller password 1");
        int sold = 0;
        for (int n = 0; n < 30; n++) {
            TestServer.Reply b = server.postJson(
                    "/api/bookings",
                    seller,
                    "{\"train\":\"134\",\"date\":\"" + date134 + "\",\"from\":\"KSV\",\"to\":\"KTW\",\"seatClass\":"
                            + "\"HARD_SLEEPER\",\"berth\":\"LOWER\",\"currency\":\"THB\",\"passengers\":[{\"name\":"
                            + "\"S\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"LB" + (300000 + n)
                            + "\",\"nationality\":\"LAO\",\"dateOfBirth\":\"1990-01-01\",\"documentExpiry\":"
                            + "\"2031-01-01\"}]}");
            if (b.status() == 409) {
                break;
            }
            assertThat(b.status()).as(b.body()).isEqualTo(201);
            sold++;
        }
        assertThat(sold).as("the lower berths are a finite number").isBetween(1, 29);
        String lcrTrain = offer.get("first").get("train").asText();
        LocalDate lcrDate = serviceDate(offer.get("first"));
        int freeBefore = seatsFree("LPB", "VTE", lcrDate, lcrTrain, "SECOND");

        TestServer.Reply r = server.postJson(
                "/api/journey-bookings",
                passenger,
                journey(
                        leg(offer.get("first"), "SECOND", null),
                        leg(offer.get("second"), "HARD_SLEEPER", "LOWER"),
                        "TH200004"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("field").asText()).isEqualTo("legs[1].berth");
        assertThat(seatsFree("LPB", "VTE", lcrDate, lcrTrain, "SECOND"))
                .as("the first leg's seat went back")
                .isEqualTo(freeBefore);
        // an upper berth is still there: the same journey with it is held, both legs
        TestServer.Reply upper = server.postJson(
                "/api/journey-bookings",
                passenger,
                journey(
                        leg(offer.get("first"), "SECOND", null),
                        leg(offer.get("second"), "HARD_SLEEPER", "UPPER"),
                        "TH200004"));
        assertThat(upper.status()).as(upper.body()).isEqualTo(201);
        assertThat(seatsFree("LPB", "VTE", lcrDate, lcrTrain, "SECOND")).isEqualTo(freeBefore - 1);
        server.postJson("/api/journey-bookings/" + upper.json().get("id").asText() + "/cancel", passenger, "{}");
        assertThat(seatsFree("LPB", "VTE", lcrDate, lcrTrain, "SECOND")).isEqualTo(freeBefore);
    }

    /** The first train of the first journey from {@code from} to {@code to} the search offers. */
    private static String firstOffered(String from, String to, LocalDate date) {
        JsonNode all = server.get("/api/networks/journeys?from=" + from + "&to=" + to + "&date=" + date)
                .json();
        assertThat(all).as(all.toString()).isNotEmpty();
        return all.get(0).get("first").get("train").asText();
    }

    private static int seatsFree(String from, String to, LocalDate date, String train, String cls) {
        for (JsonNode o : server.get("/api/journeys?from=" + from + "&to=" + to + "&date=" + date)
                .json()) {
            if (o.get("train").asText().equals(train)) {
                for (JsonNode k : o.get("classes")) {
                    if (k.get("seatClass").asText().equals(cls)) {
                        return k.get("available").asInt();
                    }
                }
            }
        }
        throw new AssertionError("no " + cls + " on " + train);
    }
}
