package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;

/**
 * Issue 15, items 5 and 6, over HTTP against the real database: child fares, an infant on the lap (free, no seat,
 * named on the adult's ticket, a passport across the border), nationalities, error codes.
 */
class ProductFinishApiTest {
    private static final LocalDate DAY = TestDates.daysAhead(3);
    private static TestServer server;
    private static String passenger;

    @BeforeAll
    static void start() {
        server = new TestServer();
        passenger = server.passenger("kham", "Kham", "kham password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String person(String name, String document, String nationality, LocalDate born) {
        return "{\"name\":\"" + name + "\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + document
                + "\",\"nationality\":\"" + nationality + "\","
                + (born == null ? "" : "\"dateOfBirth\":\"" + born + "\",")
                + "\"documentExpiry\":\"2033-01-01\"}";
    }

    private static String booking(String currency, String... people) {
        return "{\"train\":\"D87\",\"date\":\"" + DAY + "\",\"from\":\"KMS\",\"to\":\"VTE\",\"seatClass\":\"SECOND\","
                + "\"currency\":\"" + currency + "\",\"passengers\":[" + String.join(",", people) + "]}";
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
    void aFamilyPaysTheAdultChildAndInfantFaresTheJourneySearchShowed() {
        JsonNode offer = secondClass();
        long adult = offer.get("fare").get("total").get("minor").asLong();
        long child = -1;
        long infant = -1;
        for (JsonNode r : offer.get("reducedFares")) {
            if (r.get("category").asText().equals("CHILD")) {
                child = r.get("total").get("minor").asLong();
                assertThat(r.get("minAge").asInt()).isEqualTo(6);
                assertThat(r.get("maxAge").asInt()).isEqualTo(14);
            } else if (r.get("category").asText().equals("INFANT")) {
                infant = r.get("total").get("minor").asLong();
            }
        }
        assertThat(child).isPositive().isLessThan(adult);
        assertThat(infant).isPositive().isLessThanOrEqualTo(child);

        TestServer.Reply held = server.postJson(
                "/api/bookings",
                passenger,
                booking(
                        "CNY",
                        person("Kham One", "PK100001", "LAO", null),
                        person("Kham Two", "PK100002", "LAO", DAY.minusYears(8)),
                        person("Kham Three", "PK100003", "LAO", DAY.minusYears(2))));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode b = held.json();
        JsonNode ps = b.get("passengers");
        assertThat(ps.get(0).get("fareCategory").asText()).isEqualTo("ADULT");
        assertThat(ps.get(1).get("fareCategory").asText()).isEqualTo("CHILD");
        assertThat(ps.get(2).get("fareCategory").asText()).isEqualTo("INFANT");
        assertThat(ps.get(0).get("fare").get("minor").asLong()).isEqualTo(adult);
        assertThat(ps.get(1).get("fare").get("minor").asLong()).isEqualTo(child);
        assertThat(ps.get(2).get("fare").get("minor").asLong()).isEqualTo(infant);
        assertThat(b.get("total").get("minor").asLong()).isEqualTo(adult + child + infant);
        // read back from the database, the same
        JsonNode again =
                server.get("/api/bookings/" + b.get("id").asText(), passenger).json();
        assertThat(again.get("passengers").get(1).get("fare").get("minor").asLong())
                .isEqualTo(child);
        assertThat(again.get("passengers").get(0).get("dateOfBirth").isNull()).isTrue();
    }

    @Test
    void aNationalityIsAnIsoCodeFromTheTranslatedListAndAnyOtherIsRefusedNamingTheField() {
        JsonNode list = server.get("/api/nationalities").json();
        assertThat(list.size()).isGreaterThan(200);
        JsonNode lao = null;
        for (JsonNode n : list) {
            assertThat(n.get("code").asText()).matches("[A-Z]{3}");
            assertThat(n.get("lo").asText()).isNotBlank();
            assertThat(n.get("zh").asText()).isNotBlank();
            if (n.get("code").asText().equals("LAO")) {
                lao = n;
            }
        }
        assertThat(lao).isNotNull();
        assertThat(lao.get("lo").asText()).isEqualTo("ລາວ");
        assertThat(lao.get("zh").asText()).isEqualTo("老挝");

        TestServer.Reply refused = server.postJson(
                "/api/bookings", passenger, booking("CNY", person("Kham Four", "PK100004", "XYZ", null)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("passengers[0].nationality");
        assertThat(refused.json().get("code").asText()).isEqualTo("nationality");
    }

    /** A passenger (as {@link #person}) carrying an infant on the lap. */
    private static String carrying(String person, String infant) {
        return person.substring(0, person.length() - 1) + ",\"infant\":" + infant + "}";
    }

    private static String infant(String name, LocalDate born, String passport) {
        return "{\"name\":\"" + name + "\",\"dateOfBirth\":\"" + born + "\""
                + (passport == null
                        ? ""
                        : ",\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + passport
                                + "\",\"nationality\":\"LAO\",\"documentExpiry\":\"2032-06-01\"")
                + "}";
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
                booking(
                        "CNY",
                        carrying(
                                person("Noy Mother", "PL200001", "LAO", null),
                                infant("Noy Baby", DAY.minusMonths(10), "PL200002"))));
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
                booking(
                        "CNY",
                        carrying(
                                person("Noy A", "PL300001", "LAO", null),
                                infant("Big Kid", DAY.minusYears(6).minusDays(1), "PL300002"))),
                "passengers[0].infant.dateOfBirth",
                "lap-infant-too-old");
        // across the border the infant needs a passport of their own
        assertRefused(
                booking(
                        "CNY",
                        carrying(
                                person("Noy B", "PL300003", "LAO", null),
                                infant("No Papers", DAY.minusYears(1), null))),
                "passengers[0].infant.documentType",
                "required");
        // carried by a child, who pays the child fare
        assertRefused(
                booking(
                        "CNY",
                        carrying(
                                person("Noy C", "PL300004", "LAO", DAY.minusYears(9)),
                                infant("Tiny", DAY.minusYears(1), "PL300005"))),
                "passengers[0].infant",
                "lap-infant-carrier");
        // a date of birth is what makes an infant
        assertRefused(
                booking(
                        "CNY",
                        carrying(
                                person("Noy D", "PL300006", "LAO", null),
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
