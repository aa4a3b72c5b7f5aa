package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.TestDates;

/**
 * The Narvik – Kiruna folder a stranger wrote from the docs (lancang-core's test resources), served beside China–Laos
 * over HTTP with real PostgreSQL: a train type that cannot climb the line is a 400 naming the request's own parameter
 * ({@code type}), not a 500; the overnight train across the border is sold in SEK and ticketed.
 */
class OfotbanenApiTest {
    private static final LocalDate DATE = TestDates.daysAhead(3);

    private static final DataFiles FILES = TestNetworkFolder.ofotbanen();

    private static TestServer server;
    private static String passenger;

    @BeforeAll
    static void start() {
        server = TestServer.withOthers(List.of(FILES));
        passenger = server.passenger("sara", "Sara", "sara password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTypeThatCannotClimbTheLineIsRefusedNamingTypeAndWhere() {
        TestServer.Reply down = server.get("/api/runtime?type=IORE&from=KRN&to=NVK");
        assertThat(down.status()).as(down.body()).isEqualTo(200);

        TestServer.Reply up = server.get("/api/runtime?type=IORE&from=NVK&to=KRN");

        assertThat(up.status()).as(up.body()).isEqualTo(400);
        assertThat(up.json().get("field").asText()).isEqualTo("type");
        assertThat(up.json().get("detail").asText())
                .contains("IORE cannot run NVK → KRN")
                .contains("stalls between");
    }

    @Test
    void theNightTrainIsSoldAcrossTheBorderInSwedishCrowns() {
        TestServer.Reply held = server.postJson(
                "/api/bookings",
                passenger,
                "{\"train\":\"95\",\"date\":\"" + DATE + "\",\"from\":\"NVK\",\"to\":\"KRN\",\"seatClass\":\"SECOND\","
                        + "\"currency\":\"SEK\",\"passengers\":[{\"name\":\"Sara N.\",\"documentType\":\"PASSPORT\","
                        + "\"documentNumber\":\"SE1000001\",\"nationality\":\"SWE\",\"dateOfBirth\":\"1990-01-02\","
                        + "\"documentExpiry\":\"2031-01-01\"}]}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode booking = held.json();
        assertThat(booking.get("total").get("currency").asText()).isEqualTo("SEK");
        // 22:40 in Narvik, in Kiruna after midnight: the arrival is the next calendar day, in Swedish time
        assertThat(booking.get("arrival").asText()).startsWith(DATE.plusDays(1).toString());
        assertThat(booking.get("arrivalZone").asText()).isEqualTo("Europe/Stockholm");
        String id = booking.get("id").asText();
        TestServer.Reply paid = server.postJson(
                "/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"sek-" + id + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asText()).isEqualTo("TICKETED");
    }

    @Test
    void aContainerPathIsFoundBetweenTheYardsWithTheSlotsTrainTypeNotTheOreTrains() {
        String shipper = server.user(server.adminToken(), "kiruna.shipper", "SHIPPER");
        String ask = "{\"network\":\"ofotbanen\",\"from\":\"%s\",\"to\":\"KRG\",\"earliestDeparture\":\"" + DATE
                + "T08:00:00+01:00\",\"trailingMassT\":1000,\"lengthM\":500,\"dangerousGoods\":false}";

        TestServer.Reply notAYard = server.postJson("/api/freight/requests", shipper, ask.formatted("NVK"));
        assertThat(notAYard.status()).as(notAYard.body()).isEqualTo(400);
        assertThat(notAYard.json().get("field").asText()).isEqualTo("from");
        assertThat(notAYard.json().get("detail").asText()).contains("NVG, KRG");

        // uphill from Narvik: the loaded ore type (8,600 t, listed first) would stall; the slot's container type runs
        TestServer.Reply path = server.postJson("/api/freight/requests", shipper, ask.formatted("NVG"));
        assertThat(path.status()).as(path.body()).isEqualTo(201);
        assertThat(path.json().get("status").asText()).as(path.body()).isEqualTo("PROPOSED");
    }
}
