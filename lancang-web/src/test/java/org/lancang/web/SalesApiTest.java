package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lancang.testing.TestDates;

/** Buying tickets over HTTP against the real database. */
class SalesApiTest {
    private static TestServer server;
    private static String passenger;
    private static String otherPassenger;
    private static String agent;
    /** Within every operator's sales window from today (LCR sells 7 days ahead). */
    private static final String DATE = TestDates.daysAhead(3).toString();

    @BeforeAll
    static void start() {
        server = new TestServer();
        server.passenger("noy", "Noy", "noy password 1");
        server.passenger("ling", "Ling", "ling password 1");
        server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"agent1\",\"displayName\":\"Window 3\","
                        + "\"password\":\"agent password\",\"roles\":[\"AGENT\"]}");
        passenger = server.token("noy", "noy password 1");
        otherPassenger = server.token("ling", "ling password 1");
        agent = server.token("agent1", "agent password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String body(String train, String from, String to, String cls, String passengerJson) {
        return "{\"train\":\"" + train + "\",\"date\":\"" + DATE + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"seatClass\":\"" + cls + "\",\"currency\":\"CNY\",\"passengers\":[" + passengerJson + "]}";
    }

    static String passport(String number) {
        return "{\"name\":\"Somchai P.\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + number + "\","
                + "\"nationality\":\"LAO\",\"dateOfBirth\":\"1988-03-04\",\"documentExpiry\":\"2031-01-01\"}";
    }

    @Test
    void journeysArePublicWithTimesBorderSeatsAndFares() {
        TestServer.Reply r = server.get("/api/journeys?from=KMS&to=VTE&date=" + DATE);
        assertThat(r.status()).isEqualTo(200);
        JsonNode d887 = null;
        for (JsonNode j : r.json()) {
            if (j.get("train").asText().equals("D87")) {
                d887 = j;
            }
        }
        assertThat(d887).isNotNull();
        assertThat(d887.get("crossesBorder").asBoolean()).isTrue();
        assertThat(d887.get("departure").asText()).endsWith("T08:00:00+08:00");
        assertThat(d887.get("classes").findValuesAsText("seatClass")).contains("FIRST", "SECOND");
        assertThat(server.get("/api/journeys?from=KMS&to=VTE&date=tomorrow")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("date");
        assertThat(server.get("/api/journeys?from=KMS&to=NOWHERE&date=" + DATE)
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("to");
    }

    @Test
    void aPassengerBooksPaysGetsTheQrCodeAndCancelsWithTheFeeShownFirst() {
        TestServer.Reply held =
                server.postJson("/api/bookings", passenger, body("D87", "KMS", "VTE", "SECOND", passport("P1234567")));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().get("id").asText();
        assertThat(held.json().get("status").asText()).isEqualTo("HELD");
        assertThat(held.json().get("passengers").get(0).get("car").asInt()).isBetween(3, 4);
        TestServer.Reply paid = server.postJson(
                "/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"pay-" + id + "\"}");
        TestServer.Reply retried = server.postJson(
                "/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"pay-" + id + "\"}");
        assertThat(paid.json().get("status").asText()).isEqualTo("TICKETED");
        assertThat(retried.status()).isEqualTo(200);
        String ticket = paid.json().get("passengers").get(0).get("ticketNumber").asText();
        assertThat(ticket).startsWith("D87-");
        TestServer.Reply qr = server.get("/api/bookings/" + id + "/tickets/0/qr.svg", passenger);
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.body()).startsWith("<svg").contains("<path");
        assertThat(server.get("/api/bookings/" + id, otherPassenger).status()).isEqualTo(404);
        JsonNode quote =
                server.get("/api/bookings/" + id + "/refund-quote", passenger).json();
        assertThat(quote.get("fee").get("minor").asLong())
                .isEqualTo(Math.round(quote.get("paid").get("minor").asLong() * 0.05));
        TestServer.Reply cancelled = server.postJson("/api/bookings/" + id + "/cancel", passenger, "{}");
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("fee").get("minor").asLong())
                .isEqualTo(quote.get("fee").get("minor").asLong());
        assertThat(server.get("/api/bookings", passenger).json().findValuesAsText("id"))
                .contains(id);
    }

    @Test
    void anAgentSellsToAWalkInPassengerAndFindsItByDocumentNumber() {
        TestServer.Reply held = server.postJson(
                "/api/bookings",
                agent,
                body(
                        "C82",
                        "VTE",
                        "LPB",
                        "SECOND",
                        "{\"name\":\"Khamla S.\",\"documentType\":\"LAO_ID_CARD\",\"documentNumber\":\"LA9988776\","
                                + "\"nationality\":\"LAO\",\"dateOfBirth\":\"1979-11-02\"}"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().get("id").asText();
        server.postJson("/api/bookings/" + id + "/payment", agent, "{\"idempotencyKey\":\"agent-" + id + "\"}");
        JsonNode found = server.get("/api/bookings?q=LA9988776", agent).json();
        assertThat(found.findValuesAsText("id")).containsExactly(id);
        assertThat(server.get("/api/bookings?q=LA9988776", passenger).status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NOPE|train|KMS|VTE|SECOND",
                "D87|to|VTE|KMS|SECOND",
                "D87|to|KMS|NOWHERE|SECOND",
                "D87|seatClass|KMS|VTE|SLEEPER",
            })
    void badBookingsNameTheFieldAndWriteNothing(String train, String field, String from, String to, String cls) {
        TestServer.Reply r =
                server.postJson("/api/bookings", passenger, body(train, from, to, cls, passport("P5555555")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void passengerDetailsAreCheckedFieldByField() {
        TestServer.Reply noPassport = server.postJson(
                "/api/bookings",
                passenger,
                body(
                        "D87",
                        "KMS",
                        "VTE",
                        "SECOND",
                        "{\"name\":\"Wang Fang\",\"documentType\":\"CHINESE_RESIDENT_ID\",\"documentNumber\":\"530102199001011234\","
                                + "\"nationality\":\"CHN\",\"dateOfBirth\":\"1990-01-01\"}"));
        assertThat(noPassport.json().get("field").asText()).isEqualTo("passengers[0].documentType");
        assertThat(noPassport.json().get("errors").get(0).get("code").asText()).isEqualTo("document-not-accepted");
        TestServer.Reply expired = server.postJson(
                "/api/bookings",
                passenger,
                body("D87", "KMS", "VTE", "SECOND", passport("P6666666").replace("2031-01-01", "2020-01-01")));
        assertThat(expired.json().get("field").asText()).isEqualTo("passengers[0].documentExpiry");
        assertThat(expired.json().get("errors").get(0).get("code").asText()).isEqualTo("document-expired");
        TestServer.Reply longName = server.postJson(
                "/api/bookings",
                passenger,
                body("D87", "KMS", "VTE", "SECOND", passport("P6666666").replace("Somchai P.", "x".repeat(10_000))));
        assertThat(longName.json().get("field").asText()).isEqualTo("passengers[0].name");
        TestServer.Reply badCar = server.postJson(
                "/api/bookings",
                passenger,
                body("D87", "KMS", "VTE", "SECOND", passport("P6666666"))
                        .replace("\"currency\"", "\"car\":-1,\"currency\""));
        assertThat(badCar.json().get("field").asText()).isEqualTo("car");
        TestServer.Reply badType = server.postJson(
                "/api/bookings",
                passenger,
                body("D87", "KMS", "VTE", "SECOND", passport("P6666666").replace("PASSPORT", "VISA")));
        assertThat(badType.json().get("field").asText()).isEqualTo("passengers[0].documentType");
        // an unknown code names the documents this journey takes, from the network's documents.csv
        assertThat(badType.json().get("errors").get(0).get("code").asText()).isEqualTo("document-unknown");
        assertThat(badType.json().get("errors").get(0).get("message").asText())
                .contains("'VISA'", "PASSPORT")
                .doesNotContain("LAO_ID_CARD");
        long bookings = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM booking WHERE owner = 'noy' AND status = 'HELD'")
                        .mapTo(Long.class)
                        .one());
        assertThat(bookings).isZero();
    }

    @Test
    void aPassengerChangesATicketToAnotherTrainAndOnlyTheirOwn() {
        TestServer.Reply held =
                server.postJson("/api/bookings", passenger, body("C277", "KMS", "PUE", "SECOND", passport("PCH00001")));
        String id = held.json().get("id").asText();
        server.postJson("/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"pay-" + id + "\"}");
        String change = "{\"train\":\"C287\",\"idempotencyKey\":\"chg-" + id + "\"}";
        assertThat(server.postJson("/api/bookings/" + id + "/change", otherPassenger, change)
                        .status())
                .isEqualTo(404);
        TestServer.Reply bad = server.postJson(
                "/api/bookings/" + id + "/change",
                passenger,
                "{\"train\":\"C82\",\"idempotencyKey\":\"chg-bad-0001\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("from");
        TestServer.Reply noKey = server.postJson("/api/bookings/" + id + "/change", passenger, "{\"train\":\"C287\"}");
        assertThat(noKey.json().get("field").asText()).isEqualTo("idempotencyKey");
        TestServer.Reply moved = server.postJson("/api/bookings/" + id + "/change", passenger, change);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("train").asText()).isEqualTo("C287");
        assertThat(moved.json().get("status").asText()).isEqualTo("TICKETED");
        assertThat(moved.json().get("changedFrom").asText()).isEqualTo(id);
        assertThat(moved.json().get("passengers").get(0).get("ticketNumber").asText())
                .startsWith("C287-");
        JsonNode old = server.get("/api/bookings/" + id, passenger).json();
        assertThat(old.get("status").asText()).isEqualTo("CHANGED");
        assertThat(old.get("changedTo").asText())
                .isEqualTo(moved.json().get("id").asText());
        assertThat(server.postJson("/api/bookings/" + id + "/change", passenger, change)
                        .json()
                        .get("id")
                        .asText())
                .as("a retried change")
                .isEqualTo(moved.json().get("id").asText());
    }

    @Test
    void sameKeyTwinsSentTogetherGetTheOneNewBookingAndTakeOneSeat() throws Exception {
        TestServer.Reply held =
                server.postJson("/api/bookings", passenger, body("C277", "KMS", "PUE", "SECOND", passport("PCH00009")));
        String id = held.json().get("id").asText();
        server.postJson("/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"pay-" + id + "\"}");
        int freeBefore = seatsFree("C287", "KMS", "PUE");
        String change = "{\"train\":\"C287\",\"idempotencyKey\":\"twin-" + id + "\"}";
        List<TestServer.Reply> answers =
                TestServer.together(3, () -> server.postJson("/api/bookings/" + id + "/change", passenger, change));
        for (TestServer.Reply r : answers) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertThat(answers.stream().map(r -> r.json().get("id").asText()).distinct())
                .as("the twins answer with the one new booking")
                .hasSize(1);
        assertThat(seatsFree("C287", "KMS", "PUE")).as("one seat taken").isEqualTo(freeBefore - 1);
    }

    private static int seatsFree(String train, String from, String to) {
        int free = 0;
        for (JsonNode o : server.get("/api/journeys?from=" + from + "&to=" + to + "&date=" + DATE)
                .json()) {
            if (o.get("train").asText().equals(train)) {
                for (JsonNode k : o.get("classes")) {
                    free += k.get("available").asInt();
                }
            }
        }
        return free;
    }

    @Test
    void theWaitlistIsOpenOnlyWhenSoldOutAndBadRequestsNameTheField() {
        String wait = "{\"train\":\"C279\",\"date\":\"" + DATE + "\",\"from\":\"KMS\",\"to\":\"XSB\","
                + "\"seatClass\":\"FIRST\",\"passengers\":[" + passport("PWL00001") + "]}";
        TestServer.Reply open = server.postJson("/api/waitlist", passenger, wait);
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.json().get("field").asText()).isEqualTo("seatClass");
        assertThat(server.postJson("/api/waitlist", passenger, wait.replace("C279", "NOPE"))
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("train");
        assertThat(server.postJson("/api/waitlist", passenger, wait.replace("\"to\":\"XSB\",", ""))
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("to");
        // Sell the first class out: 11 groups of five and one single passenger.
        for (int g = 0; g < 12; g++) {
            StringBuilder people = new StringBuilder();
            for (int k = 0; k < (g < 11 ? 5 : 1); k++) {
                people.append(k == 0 ? "" : ",").append(passport("PWF" + g + "X" + k + "00"));
            }
            TestServer.Reply r =
                    server.postJson("/api/bookings", agent, body("C279", "KMS", "XSB", "FIRST", people.toString()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        TestServer.Reply joined = server.postJson("/api/waitlist", passenger, wait);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(joined.json().get("status").asText()).isEqualTo("WAITING");
        assertThat(joined.json().get("ahead").asInt()).isZero();
        String entry = joined.json().get("id").asText();
        assertThat(server.get("/api/waitlist/" + entry, otherPassenger).status())
                .isEqualTo(404);
        assertThat(server.get("/api/waitlist", passenger).json().findValuesAsText("id"))
                .contains(entry);
        String single = server.get("/api/bookings?q=PWF11X000", agent)
                .json()
                .get(0)
                .get("id")
                .asText();
        assertThat(server.postJson("/api/bookings/" + single + "/cancel", agent, "{}")
                        .status())
                .isEqualTo(200);
        JsonNode offered = server.get("/api/waitlist/" + entry, passenger).json();
        assertThat(offered.get("status").asText()).isEqualTo("OFFERED");
        String hold = offered.get("bookingId").asText();
        assertThat(server.get("/api/bookings/" + hold, passenger)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("HELD");
        assertThat(server.get("/api/notifications", passenger).json().findValuesAsText("bookingId"))
                .contains(hold);
        TestServer.Reply leave = server.postJson("/api/waitlist/" + entry + "/cancel", passenger, "{}");
        assertThat(leave.status())
                .as("an offered entry is settled through its booking")
                .isEqualTo(409);
        assertThat(server.postJson(
                                "/api/bookings/" + hold + "/payment",
                                passenger,
                                "{\"idempotencyKey\":\"wl-" + hold + "\"}")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("TICKETED");
        assertThat(server.get("/api/waitlist/" + entry, passenger)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("FULFILLED");
    }

    @Test
    void aKeyUsedOnAnotherBookingIsAConflictOnTheKeyAndTheKeyIsNeverLogged() {
        String first = server.postJson(
                        "/api/bookings", otherPassenger, body("C277", "KMS", "XSB", "SECOND", idCard("K1")))
                .json()
                .get("id")
                .asText();
        String second = server.postJson(
                        "/api/bookings", otherPassenger, body("C277", "KMS", "XSB", "SECOND", idCard("K2")))
                .json()
                .get("id")
                .asText();
        String key = "secret-key-" + first.substring(0, 8);
        try (LogCapture log = new LogCapture()) {
            assertThat(server.postJson(
                                    "/api/bookings/" + first + "/payment",
                                    otherPassenger,
                                    "{\"idempotencyKey\":\"" + key + "\"}")
                            .status())
                    .isEqualTo(200);
            TestServer.Reply reused = server.postJson(
                    "/api/bookings/" + second + "/payment", otherPassenger, "{\"idempotencyKey\":\"" + key + "\"}");
            assertThat(reused.status()).as(reused.body()).isEqualTo(409);
            assertThat(reused.isProblem()).isTrue();
            assertThat(reused.json().get("field").asText()).isEqualTo("idempotencyKey");
            TestServer.Reply again = server.postJson(
                    "/api/bookings/" + second + "/change",
                    otherPassenger,
                    "{\"train\":\"C287\",\"idempotencyKey\":\"" + key + "\"}");
            assertThat(again.status())
                    .as("a change key is its own: " + again.body())
                    .isEqualTo(200);
            String changedAgain = server.postJson(
                            "/api/bookings/" + first + "/change",
                            otherPassenger,
                            "{\"train\":\"C287\",\"idempotencyKey\":\"" + key + "\"}")
                    .body();
            assertThat(changedAgain).contains("\"field\":\"idempotencyKey\"");
            assertThat(log.text()).as("the server's log").doesNotContain(key);
        }
        TestServer.Reply held = server.get("/api/bookings/" + second, otherPassenger);
        assertThat(held.json().get("status").asText()).isEqualTo("CHANGED");
        assertThat(held.json().get("payments"))
                .as("nothing was charged to the second booking")
                .isEmpty();
    }

    @Test
    void aBookingShowsEachChargeAndRefundWithItsKeyAndOutcome() {
        String id = server.postJson("/api/bookings", otherPassenger, body("C277", "KMS", "PUE", "SECOND", idCard("P1")))
                .json()
                .get("id")
                .asText();
        server.postJson(
                "/api/bookings/" + id + "/payment", otherPassenger, "{\"idempotencyKey\":\"shown-" + id + "\"}");
        server.postJson("/api/bookings/" + id + "/cancel", otherPassenger, "{}");
        TestServer.Reply r = server.get("/api/bookings/" + id, otherPassenger);
        assertThat(r.headers().get("cache-control"))
                .as("a booking carries passport numbers")
                .contains("no-store");
        JsonNode payments = r.json().get("payments");
        assertThat(payments).hasSize(2);
        assertThat(payments.get(0).get("kind").asText()).isEqualTo("CHARGE");
        assertThat(payments.get(0).get("status").asText()).isEqualTo("CAPTURED");
        assertThat(payments.get(0).get("idempotencyKey").asText()).isEqualTo("shown-" + id);
        assertThat(payments.get(0).get("amount").get("minor").asLong())
                .isEqualTo(r.json().get("total").get("minor").asLong());
        assertThat(payments.get(1).get("kind").asText()).isEqualTo("REFUND");
        assertThat(payments.get(1).get("status").asText()).isEqualTo("REFUNDED");
        assertThat(payments.get(1).get("amount").get("minor").asLong())
                .isEqualTo(r.json().get("refund").get("minor").asLong());
    }

    static String idCard(String suffix) {
        return "{\"name\":\"Li Wei\",\"documentType\":\"CHINESE_RESIDENT_ID\",\"documentNumber\":\"ID90000" + suffix
                + "\",\"nationality\":\"CHN\",\"dateOfBirth\":\"1990-01-01\"}";
    }
}
