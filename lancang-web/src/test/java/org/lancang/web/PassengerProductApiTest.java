package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;

/** Issue 15 (the passenger's product) over HTTP against the real database: references, times, stations, fares. */
class PassengerProductApiTest {
    private static TestServer server;
    private static String passenger;
    private static String agent;
    private static final String DATE = TestDates.daysAhead(3).toString();

    @BeforeAll
    static void start() {
        server = new TestServer();
        server.passenger("vong", "Vong", "vong password 1");
        server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"window7\",\"displayName\":\"Window 7\","
                        + "\"password\":\"agent password\",\"roles\":[\"AGENT\"]}");
        passenger = server.token("vong", "vong password 1");
        agent = server.token("window7", "agent password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String booking(String train, String from, String to, String cls, String document) {
        return "{\"train\":\"" + train + "\",\"date\":\"" + DATE + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"seatClass\":\"" + cls + "\",\"currency\":\"CNY\",\"passengers\":[{\"name\":\"Vong S.\","
                + "\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + document + "\",\"nationality\":\"LAO\","
                + "\"dateOfBirth\":\"1990-05-06\",\"documentExpiry\":\"2032-01-01\"}]}";
    }

    private static JsonNode journey(String from, String to, String train) {
        for (JsonNode j : server.get("/api/journeys?from=" + from + "&to=" + to + "&date=" + DATE)
                .json()) {
            if (j.get("train").asText().equals(train)) {
                return j;
            }
        }
        throw new AssertionError(train + " does not run " + from + "–" + to + " on " + DATE);
    }

    @Test
    void aBookingCarriesAShortReferenceAndLocalTimesWithTheirZones() {
        TestServer.Reply held =
                server.postJson("/api/bookings", passenger, booking("D87", "KMS", "VTE", "SECOND", "PR100001"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode b = held.json();
        String id = b.get("id").asText();
        String reference = b.get("reference").asText();
        assertThat(id).hasSize(36);
        assertThat(reference).matches("[2-9A-HJKMNP-Z]{7}");
        JsonNode j = journey("KMS", "VTE", "D87");
        // the booking's times are the journey's, local to each end, beside the IANA zone
        assertThat(b.get("departure").asText()).isEqualTo(j.get("departure").asText());
        assertThat(b.get("arrival").asText()).isEqualTo(j.get("arrival").asText());
        assertThat(b.get("departure").asText()).endsWith("+08:00");
        assertThat(b.get("departureZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(b.get("arrival").asText()).endsWith("+07:00");
        assertThat(b.get("arrivalZone").asText()).isEqualTo("Asia/Vientiane");

        // the same booking by its id, by its reference as a person types it, and for the agent by reference
        JsonNode byId = server.get("/api/bookings/" + id, passenger).json();
        assertThat(byId.get("reference").asText()).isEqualTo(reference);
        assertThat(byId.get("departure").asText()).isEqualTo(b.get("departure").asText());
        String typed = reference.toLowerCase(Locale.ROOT).substring(0, 3) + " " + reference.substring(3);
        TestServer.Reply byRef = server.get("/api/bookings/" + typed.replace(" ", "%20"), passenger);
        assertThat(byRef.status()).as(byRef.body()).isEqualTo(200);
        assertThat(byRef.json().get("id").asText()).isEqualTo(id);
        assertThat(server.get("/api/bookings?q=" + reference, agent).json().findValuesAsText("id"))
                .containsExactly(id);
        // in a list too
        JsonNode mine = server.get("/api/bookings", passenger).json();
        assertThat(mine.findValuesAsText("reference")).contains(reference);
        assertThat(mine.get(0).get("arrivalZone").asText()).isNotBlank();
    }

    @Test
    void referencesAreUniqueAcrossManyBookingsAndInTheDatabase() {
        Set<String> refs = new HashSet<>();
        for (int k = 0; k < 12; k++) {
            TestServer.Reply held = server.postJson(
                    "/api/bookings", agent, booking("C82", "VTE", "LPB", "SECOND", "PU" + (200000 + k)));
            assertThat(held.status()).as(held.body()).isEqualTo(201);
            assertThat(refs.add(held.json().get("reference").asText())).isTrue();
            JsonNode j = journey("VTE", "LPB", "C82");
            assertThat(held.json().get("departure").asText())
                    .isEqualTo(j.get("departure").asText());
            assertThat(held.json().get("departureZone").asText()).isEqualTo("Asia/Vientiane");
        }
        long duplicates = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) - count(DISTINCT reference) FROM booking")
                        .mapTo(Long.class)
                        .one());
        assertThat(duplicates).isZero();
        boolean uniqueIndex = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) > 0 FROM pg_indexes WHERE tablename = 'booking' AND indexdef LIKE"
                                        + " 'CREATE UNIQUE INDEX%(reference)%'")
                        .mapTo(Boolean.class)
                        .one());
        assertThat(uniqueIndex).isTrue();
    }

    private static JsonNode stations(String q) {
        TestServer.Reply r = server.get("/api/stations?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theStationSearchFoldsLaoSpellingsChineseVariantsAndPinyin() {
        // ຫຼວງພະບາງ typed with the subscript lo (U+0EBC), and with ລ as the data file spells it
        assertThat(stations("\u0eab\u0ebc\u0ea7\u0e87").get(0).get("code").asText())
                .isEqualTo("LPB");
        assertThat(stations("\u0eab\u0ea5\u0ea7\u0e87").get(0).get("code").asText())
                .isEqualTo("LPB");
        assertThat(stations("西雙版納").findValuesAsText("code")).containsExactly("XSB");
        assertThat(stations("Pǔ'ěr").findValuesAsText("code")).containsExactly("PUE");
        assertThat(stations("wanxiang").findValuesAsText("code")).containsExactly("VTE");
        assertThat(stations("kunming").findValuesAsText("code")).first().isIn("KMG", "KMS");
        // every passenger station, each with its names in three languages; freight points are not sold to
        JsonNode all = server.get("/api/stations").json();
        assertThat(all.findValuesAsText("code")).contains("KMS", "PHH", "VTE").doesNotContain("VTS", "BDR");
        for (JsonNode s : all) {
            assertThat(s.get("names").get("zh").asText()).as(s.toString()).isNotBlank();
            assertThat(s.get("names").get("lo").asText()).as(s.toString()).isNotBlank();
        }
        assertThat(stations("nowhere at all")).isEmpty();
        TestServer.Reply tooLong = server.get("/api/stations?q=" + "x".repeat(81));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("field").asText()).isEqualTo("q");
    }

    @Test
    void faresAreRoundedAsTheOperatorsDoAndKeptSeatsAreNotSoldOut() {
        JsonNode d87 = journey("KMS", "VTE", "D87");
        for (JsonNode c : d87.get("classes")) {
            JsonNode total = c.get("fare").get("total");
            assertThat(total.get("currency").asText()).isEqualTo("CNY");
            assertThat(total.get("minor").asLong() % 50).as(c.toString()).isZero(); // whole 0.5 yuan
        }
        JsonNode inKip = server.get("/api/journeys?from=VTE&to=LPB&currency=LAK&date=" + DATE)
                .json();
        for (JsonNode j : inKip) {
            for (JsonNode c : j.get("classes")) {
                assertThat(c.get("fare").get("total").get("minor").asLong() % 1000)
                        .as(c.toString())
                        .isZero();
            }
        }
        // D88's first class between two Lao stations: its seats are in the cars kept for cross-border journeys
        JsonNode d88 = journey("VTE", "LPB", "D88");
        JsonNode first = null;
        for (JsonNode c : d88.get("classes")) {
            if (c.get("seatClass").asText().equals("FIRST")) {
                first = c;
            }
        }
        assertThat(first).as(d88.toString()).isNotNull();
        assertThat(first.get("available").asInt()).isZero();
        assertThat(first.get("keptForCrossBorder").asBoolean()).isTrue();
        // the same class across the border is on sale
        JsonNode across = journey("VTE", "KMS", "D88");
        for (JsonNode c : across.get("classes")) {
            assertThat(c.get("keptForCrossBorder").asBoolean()).isFalse();
        }
    }

    @Test
    void eachStationSaysTheCurrencyItsOperatorSellsIn() {
        assertThat(stations("VTE").get(0).get("currency").asText()).isEqualTo("LAK");
        assertThat(stations("KMS").get(0).get("currency").asText()).isEqualTo("CNY");
    }

    @Test
    void aSignedOutPageAsksTheSessionAndGetsNoError() {
        TestServer.Reply out = server.get("/api/auth/session");
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().get("signedIn").asBoolean()).isFalse();
        TestServer.Reply in = server.get("/api/auth/session", passenger);
        assertThat(in.json().get("signedIn").asBoolean()).isTrue();
        assertThat(in.json().get("user").get("username").asText()).isEqualTo("vong");
    }
}
