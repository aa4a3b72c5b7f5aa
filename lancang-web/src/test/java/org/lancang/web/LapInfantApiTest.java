package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 5: an infant under 6 travels free on an adult's lap (China Railway's rule, passenger-fares.csv
 * LAP_INFANT), takes no seat, is named on the adult's ticket and needs a passport across the border.
 */
class LapInfantApiTest {
    private static final LocalDate DAY = LocalDate.now().plusDays(4);
    private static TestServer server;
    private static String passenger;

    @BeforeAll
    static void start() {
        server = new TestServer();
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"noy\",\"displayName\":\"Noy\",\"password\":\"noy password 12\"}");
        passenger = server.token("noy", "noy password 12");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String adult(String name, String document, String born, String infant) {
        return "{\"name\":\"" + name + "\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + document
                + "\",\"nationality\":\"LAO\",\"documentExpiry\":\"2033-01-01\""
                + (born == null ? "" : ",\"dateOfBirth\":\"" + born + "\"")
                + (infant == null ? "" : ",\"infant\":" + infant) + "}";
    }

    private static String infant(String name, LocalDate born, String passport) {
        return "{\"name\":\"" + name + "\",\"dateOfBirth\":\"" + born + "\""
                + (passport == null
                        ? ""
                        : ",\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + passport
                                + "\",\"nationality\":\"LAO\",\"documentExpiry\":\"2032-06-01\"")
                + "}";
    }

    private static String booking(String... people) {
        return "{\"train\":\"D87\",\"date\":\"" + DAY + "\",\"from\":\"KMS\",\"to\":\"VTE\",\"seatClass\":\"SECOND\","
                + "\"currency\":\"CNY\",\"passengers\":[" + String.join(",", people) + "]}";
    }

    private static JsonNode secondClass() {
        for (JsonNode j : server.get("/api/journeys?from=KMS&to=VTE&date=" + DAY + "&currency=CNY")
                .json()) {
            if (j.get("train").asText().equals("D87")) {
                for (JsonNode c : j.get("classes")) {
                    if (c.get("seatClass").asText().equals("SECOND")) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError("no D87 second class");
    }

    @Test
    void anInfantOnTheLapIsFreeTakesNoSeatAndIsNamedOnTheAdultsTicket() {
        JsonNode before = secondClass();
        JsonNode lap = null;
        for (JsonNode r : before.get("reducedFares")) {
            if (r.get("category").asText().equals("LAP_INFANT")) {
                lap = r;
            }
        }
        assertThat(lap).as("the search offers a lap infant").isNotNull();
        assertThat(lap.get("maxAge").asInt()).isEqualTo(6);
        assertThat(lap.get("total").get("minor").asLong()).isZero();
        long adultFare = before.get("fare").get("total").get("minor").asLong();

        TestServer.Reply held = server.postJson(
                "/api/bookings",
                passenger,
                booking(adult("Noy Mother", "PL200001", null, infant("Noy Baby", DAY.minusMonths(10), "PL200002"))));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode b = held.json();
        assertThat(b.get("passengers")).hasSize(1);
        assertThat(b.get("total").get("minor").asLong()).isEqualTo(adultFare);
        JsonNode infant = b.get("passengers").get(0).get("infant");
        assertThat(infant.get("name").asText()).isEqualTo("Noy Baby");
        assertThat(infant.get("documentNumber").asText()).isEqualTo("PL200002");
        // one seat for two travellers
        assertThat(secondClass().get("available").asInt())
                .isEqualTo(before.get("available").asInt() - 1);
        // read back from the database
        JsonNode again =
                server.get("/api/bookings/" + b.get("id").asText(), passenger).json();
        assertThat(again.get("passengers")
                        .get(0)
                        .get("infant")
                        .get("dateOfBirth")
                        .asText())
                .isEqualTo(DAY.minusMonths(10).toString());
        assertThat(again.get("passengers")
                        .get(0)
                        .get("infant")
                        .get("nationality")
                        .asText())
                .isEqualTo("LAO");
    }

    @Test
    void refusalsNameTheInfantsFieldAndWriteNothing() {
        int seats = secondClass().get("available").asInt();
        // too old for a lap on the day of travel: six years and a day
        assertRefused(
                booking(adult(
                        "Noy A",
                        "PL300001",
                        null,
                        infant("Big Kid", DAY.minusYears(6).minusDays(1), "PL300002"))),
                "passengers[0].infant.dateOfBirth",
                "lap-infant-too-old");
        // across the border the infant needs a passport of their own
        assertRefused(
                booking(adult("Noy B", "PL300003", null, infant("No Papers", DAY.minusYears(1), null))),
                "passengers[0].infant.documentType",
                "required");
        // carried by a child, who pays the child fare
        assertRefused(
                booking(adult(
                        "Noy C",
                        "PL300004",
                        DAY.minusYears(9).toString(),
                        infant("Tiny", DAY.minusYears(1), "PL300005"))),
                "passengers[0].infant",
                "lap-infant-carrier");
        // a date of birth is what makes an infant
        assertRefused(
                booking(adult(
                        "Noy D",
                        "PL300006",
                        null,
                        "{\"name\":\"Unborn\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"PL300007\","
                                + "\"nationality\":\"LAO\",\"documentExpiry\":\"2032-06-01\"}")),
                "passengers[0].infant.dateOfBirth",
                "required");
        assertThat(secondClass().get("available").asInt()).isEqualTo(seats);
    }

    private static void assertRefused(String body, String field, String code) {
        TestServer.Reply r = server.postJson("/api/bookings", passenger, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.json().get("code").asText()).as(r.body()).isEqualTo(code);
    }
}
