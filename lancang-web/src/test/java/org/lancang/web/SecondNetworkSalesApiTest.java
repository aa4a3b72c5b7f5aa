package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;

/**
 * Selling the second network's trains over HTTP against the real database, through the same endpoints, holds,
 * payments and tickets as home's (ADR 0027): 133 Krung Thep Aphiwat → Khamsavath in THB, overnight, sold by its
 * departure date, its berths priced upper and lower. Times and fares are read from the network, never written here.
 */
class SecondNetworkSalesApiTest {
    private static TestServer server;
    private static String passenger;
    /** Within SRT's sales window (7 days: its operators.csv gives none). */
    private static final LocalDate DATE = TestDates.daysAhead(3);

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork();
        passenger = server.passenger("malee", "Malee", "malee password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String body(String train, LocalDate date, String cls, String... passports) {
        StringBuilder people = new StringBuilder();
        for (String p : passports) {
            people.append(people.isEmpty() ? "" : ",")
                    .append("{\"name\":\"Malee S.\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"")
                    .append(p)
                    .append("\",\"nationality\":\"THA\",\"dateOfBirth\":\"1991-05-06\",")
                    .append("\"documentExpiry\":\"2031-01-01\"}");
        }
        return "{\"train\":\"" + train + "\",\"date\":\"" + date + "\",\"from\":\"KTW\",\"to\":\"KSV\",\"seatClass\":\""
                + cls + "\",\"currency\":\"THB\",\"passengers\":[" + people + "]}";
    }

    private static long quoteMinor(String query) {
        TestServer.Reply q = server.get("/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=133&" + query);
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        return q.json().get("total").get("minor").asLong();
    }

    @Test
    void aPassengerBooks133ThirdClassPaysAndGetsATicketInThbWithTheThaiNamesAndTheNightsTimes() {
        TestServer.Reply held = server.postJson("/api/bookings", passenger, body("133", DATE, "HARD_SEAT", "TH100001"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().get("id").asText();
        TestServer.Reply paid = server.postJson(
                "/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"vb-" + id + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        JsonNode ticket = paid.json();
        assertThat(ticket.get("status").asText()).isEqualTo("TICKETED");
        assertThat(ticket.get("passengers").get(0).get("ticketNumber").asText()).startsWith("133-");
        // the fare the quote endpoint computes from its parts (281.00 THB with the shipped data)
        assertThat(ticket.get("total").get("currency").asText()).isEqualTo("THB");
        assertThat(ticket.get("total").get("minor").asLong()).isEqualTo(quoteMinor("class=HARD_SEAT"));
        assertThat(ticket.get("total").get("minor").asLong()).isEqualTo(28_100);

        // departure and arrival as the network's timetable has 133 on that date, local with offset and zone
        JsonNode calls =
                server.get("/api/timetable/trains/133?date=" + DATE).json().get("calls");
        OffsetDateTime departure = OffsetDateTime.parse(ticket.get("departure").asText());
        OffsetDateTime arrival = OffsetDateTime.parse(ticket.get("arrival").asText());
        assertThat(departure.toInstant())
                .isEqualTo(OffsetDateTime.parse(calls.get(0).get("departure").asText())
                        .toInstant());
        assertThat(departure.toLocalTime())
                .hasToString(calls.get(0).get("departureLocal").asText());
        assertThat(arrival.toInstant())
                .isEqualTo(OffsetDateTime.parse(
                                calls.get(calls.size() - 1).get("arrival").asText())
                        .toInstant());
        assertThat(departure.getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(ticket.get("departureZone").asText()).isEqualTo("Asia/Bangkok");
        assertThat(departure.toLocalDate()).as("sold by its departure date").isEqualTo(DATE);
        assertThat(arrival.toLocalDate()).as("an overnight train").isEqualTo(DATE.plusDays(1));

        // the stations' names carry the network's extra languages, as the network's points give them
        assertThat(ticket.get("fromNames").get("more").get("th").asText())
                .isNotBlank()
                .isEqualTo(server.get("/api/network/points/KTW")
                        .json()
                        .get("names")
                        .get("more")
                        .get("th")
                        .asText());
        assertThat(ticket.get("toNames").get("en").asText()).isNotBlank();

        // refunds and cancelling are home's code: a week ahead … under 8 days, 5 %
        JsonNode refund =
                server.get("/api/bookings/" + id + "/refund-quote", passenger).json();
        assertThat(refund.get("paid").get("minor").asLong()).isEqualTo(28_100);
        TestServer.Reply cancelled = server.postJson("/api/bookings/" + id + "/cancel", passenger, "{}");
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("refund").get("minor").asLong())
                .isEqualTo(refund.get("refund").get("minor").asLong());
    }

    @Test
    void journeysFromBangkokAreInBahtAnd133SellsItsBerths() {
        TestServer.Reply r = server.get("/api/journeys?from=KTW&to=KSV&date=" + DATE);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode train133 = null;
        for (JsonNode j : r.json()) {
            if (j.get("train").asText().equals("133")) {
                train133 = j;
            }
        }
        assertThat(train133).isNotNull();
        assertThat(train133.get("onSale").asBoolean()).isTrue();
        assertThat(train133.get("classes").findValuesAsText("seatClass"))
                .contains("HARD_SEAT", "SECOND", "HARD_SLEEPER");
        assertThat(train133.get("classes")
                        .get(0)
                        .get("fare")
                        .get("total")
                        .get("currency")
                        .asText())
                .isEqualTo("THB");
    }

    @Test
    void aLowerBerthOn133CostsMoreThanAnUpperAsEachIsPricedByTheBerthTaken() {
        // five in one booking and five in another: a sleeper section's berths are taken in pairs, lower and upper
        Map<String, Long> byBerth = new HashMap<>();
        for (int booking = 0; booking < 2; booking++) {
            String[] docs = new String[5];
            for (int k = 0; k < docs.length; k++) {
                docs[k] = "TB" + booking + "00" + k;
            }
            TestServer.Reply held =
                    server.postJson("/api/bookings", passenger, body("133", DATE, "HARD_SLEEPER", docs));
            assertThat(held.status()).as(held.body()).isEqualTo(201);
            long sum = 0;
            for (JsonNode p : held.json().get("passengers")) {
                String seat = p.get("seat").asText();
                long fare = p.get("fare").get("minor").asLong();
                sum += fare;
                byBerth.merge(seat.endsWith("A") ? "LOWER" : "UPPER", fare, (x, y) -> {
                    assertThat(x).as("one price per berth").isEqualTo(y);
                    return x;
                });
            }
            assertThat(held.json().get("total").get("minor").asLong()).isEqualTo(sum);
        }
        assertThat(byBerth).containsKeys("LOWER", "UPPER");
        assertThat(byBerth.get("LOWER")).isGreaterThan(byBerth.get("UPPER"));
        assertThat(byBerth.get("LOWER")).isEqualTo(quoteMinor("class=HARD_SLEEPER&berth=LOWER"));
        assertThat(byBerth.get("UPPER")).isEqualTo(quoteMinor("class=HARD_SLEEPER&berth=UPPER"));
    }

    @Test
    void sellingPastTheWindowIsRefusedNamingTheDate() {
        TestServer.Reply late =
                server.postJson("/api/bookings", passenger, body("133", DATE.plusDays(30), "HARD_SEAT", "TH100009"));
        assertThat(late.status()).as(late.body()).isEqualTo(400);
        assertThat(late.isProblem()).isTrue();
        assertThat(late.json().get("field").asText()).isEqualTo("date");
        TestServer.Reply anonymous = server.postJson("/api/bookings", null, body("133", DATE, "HARD_SEAT", "TH1"));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    /** The booking body with a berth chosen (the JSON text as given: a bad value is refused by the server). */
    private static String withBerth(String body, String berth) {
        return "{\"berth\":" + berth + "," + body.substring(1);
    }

    private static int hardSleepersLeft(LocalDate date) {
        for (JsonNode j :
                server.get("/api/journeys?from=KTW&to=KSV&date=" + date).json()) {
            if (j.get("train").asText().equals("133")) {
                for (JsonNode c : j.get("classes")) {
                    if (c.get("seatClass").asText().equals("HARD_SLEEPER")) {
                        return c.get("available").asInt();
                    }
                }
            }
        }
        throw new AssertionError("133 sells no HARD_SLEEPER on " + date);
    }

    @Test
    void aBuyerWhoChoosesALowerBerthGetsLowerBerthsOnlyAtTheLowerPriceUntilNoneIsLeft() {
        LocalDate date = DATE.plusDays(1);
        int before = hardSleepersLeft(date);
        long lower = quoteMinor("class=HARD_SLEEPER&berth=LOWER");
        int lowerTaken = 0;
        // book the lower berths five at a time until the class has no lower berth left (the seat map's A seats)
        for (int booking = 0; ; booking++) {
            String[] docs = new String[5];
            for (int k = 0; k < docs.length; k++) {
                docs[k] = "LB" + booking + "X" + k;
            }
            TestServer.Reply held = server.postJson(
                    "/api/bookings", passenger, withBerth(body("133", date, "HARD_SLEEPER", docs), "\"LOWER\""));
            if (held.status() == 409) {
                assertThat(held.isProblem()).isTrue();
                assertThat(held.json().get("field").asText()).as(held.body()).isEqualTo("berth");
                break;
            }
            assertThat(held.status()).as(held.body()).isEqualTo(201);
            for (JsonNode p : held.json().get("passengers")) {
                assertThat(p.get("berth").asText()).isEqualTo("LOWER");
                assertThat(p.get("seat").asText()).endsWith("A");
                assertThat(p.get("fare").get("minor").asLong()).isEqualTo(lower);
                lowerTaken++;
            }
            assertThat(held.json().get("total").get("minor").asLong()).isEqualTo(5 * lower);
            assertThat(booking)
                    .as("more lower berths sold than the class has seats")
                    .isLessThan(before);
        }
        // every section has one lower berth and one upper (A|B): half the class, 15 on 133 as cars.csv has it
        assertThat(lowerTaken).isPositive().isEqualTo(before / 2);
        // the refused request took nothing; the upper berths are still on sale, at the upper price
        assertThat(hardSleepersLeft(date)).isEqualTo(before - lowerTaken);
        TestServer.Reply upper = server.postJson(
                "/api/bookings", passenger, withBerth(body("133", date, "HARD_SLEEPER", "UB0001"), "\"UPPER\""));
        assertThat(upper.status()).as(upper.body()).isEqualTo(201);
        JsonNode p = upper.json().get("passengers").get(0);
        assertThat(p.get("berth").asText()).isEqualTo("UPPER");
        assertThat(p.get("fare").get("minor").asLong()).isEqualTo(quoteMinor("class=HARD_SLEEPER&berth=UPPER"));
        assertThat(hardSleepersLeft(date)).isEqualTo(before - lowerTaken - 1);
    }

    @Test
    void aBerthIsRefusedNamingTheFieldWhenItIsNoBerthOrTheClassHasSeats() {
        int before = hardSleepersLeft(DATE.plusDays(2));
        for (String bad : new String[] {"\"MIDDLE\"", "[1]", "{}"}) {
            TestServer.Reply r = server.postJson(
                    "/api/bookings",
                    passenger,
                    withBerth(body("133", DATE.plusDays(2), "HARD_SLEEPER", "BB0001"), bad));
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("field").asText()).isEqualTo("berth");
        }
        TestServer.Reply seat = server.postJson(
                "/api/bookings",
                passenger,
                withBerth(body("133", DATE.plusDays(2), "HARD_SEAT", "BB0002"), "\"LOWER\""));
        assertThat(seat.status()).as(seat.body()).isEqualTo(400);
        assertThat(seat.json().get("field").asText()).isEqualTo("berth");
        assertThat(seat.json().toString()).contains("berth-not-sleeper");
        assertThat(hardSleepersLeft(DATE.plusDays(2))).as("nothing taken").isEqualTo(before);
    }

    @Test
    void aJourneyAcrossThisNetworksBorderWithoutAPassportIsRefusedNamingThatBorder() {
        String idCard = body("133", DATE, "HARD_SEAT", "LA100001").replace("PASSPORT", "LAO_ID_CARD");
        TestServer.Reply r = server.postJson("/api/bookings", passenger, idCard);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("passengers[0].documentType");
        assertThat(r.body())
                .contains("document-not-accepted", "the Thailand–Laos border", "PASSPORT, BORDER_PASS")
                .doesNotContain("China");
    }

    @Test
    void theDiagramLabelsTheBorderWithThisNetworksCountriesInTheDiagramsLanguage() {
        String path =
                "/api/timetable/diagram.svg?network=vientiane-bangkok&line=NK&date=" + DATE + "&start=00:00&hours=24";
        String planner = server.user(server.adminToken(), "vb.diagram.planner", "PLANNER");
        TestServer.Reply en = server.get(path, planner);
        assertThat(en.status()).as(en.body()).isEqualTo(200);
        // the line's km grow from Bangkok to the border: Thailand lies below the border line drawn with km downwards
        assertThat(en.body()).contains("▲ Thailand", "▼ Laos").doesNotContain("China");
        TestServer.Reply zh = server.get(path + "&lang=zh", planner);
        assertThat(zh.status()).as(zh.body()).isEqualTo(200);
        assertThat(zh.body()).contains("泰国", "老挝").doesNotContain("中国");
    }

    @Test
    void aFareQuoteNamesTheFieldThatIsWrong() {
        String fares = "/api/networks/vientiane-bangkok/fares?train=133&";
        // an unknown code, a point of the other network, a letter that is no code: the origin is named, not currency
        for (String from : new String[] {"XXX", "KMS", "%E0%B8%81"}) {
            TestServer.Reply r = server.get(fares + "from=" + from + "&to=KSV&class=HARD_SEAT");
            assertThat(r.status()).as(from + ": " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo("from");
        }
        TestServer.Reply to = server.get(fares + "from=KTW&to=KMS&class=HARD_SEAT");
        assertThat(to.status()).as(to.body()).isEqualTo(400);
        assertThat(to.json().get("field").asText()).isEqualTo("to");
        // a berth of a class that has seats is refused as a booking refuses it
        TestServer.Reply berth = server.get(fares + "from=KTW&to=KSV&class=HARD_SEAT&berth=LOWER");
        assertThat(berth.status()).as(berth.body()).isEqualTo(400);
        assertThat(berth.json().get("field").asText()).isEqualTo("berth");
        assertThat(berth.json().toString()).contains("berth-not-sleeper");
        TestServer.Reply date = server.get(fares + "from=KTW&to=KSV&class=HARD_SEAT&date=2026-99-99");
        assertThat(date.status()).as(date.body()).isEqualTo(400);
        assertThat(date.json().get("field").asText()).isEqualTo("date");
        TestServer.Reply fine = server.get(fares + "from=KTW&to=KSV&class=HARD_SEAT&date=" + DATE);
        assertThat(fine.status()).as(fine.body()).isEqualTo(200);
    }
}
