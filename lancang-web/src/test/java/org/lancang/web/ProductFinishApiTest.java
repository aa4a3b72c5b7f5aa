package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 15, items 5 and 6, over HTTP against the real database: child fares, nationalities, error codes. */
class ProductFinishApiTest {
    private static final LocalDate DAY = LocalDate.now().plusDays(3);
    private static TestServer server;
    private static String passenger;

    @BeforeAll
    static void start() {
        server = new TestServer();
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"kham\",\"displayName\":\"Kham\",\"password\":\"kham password 1\"}");
        passenger = server.token("kham", "kham password 1");
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
}
