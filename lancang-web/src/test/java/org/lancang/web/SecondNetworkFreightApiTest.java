package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lancang.web.FreightApiTest.refused;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;

/**
 * Issue 19 item 2 for freight, over HTTP on the Vientiane–Bangkok network: a shipper at Na Tha asks for a path to
 * Thanaleng across the road–rail bridge, books boxes on it and on a shuttle's slot, fills the note and gets the quote in
 * SRT's baht and in kip; the freight office approves; the train is then in that network's timetable and conflict check
 * with no conflict. Every call names the network; home's freight is untouched.
 */
class SecondNetworkFreightApiTest {
    static final String NETWORK = "vientiane-bangkok";
    static final String TOMORROW = "2026-12-06";
    static TestServer server;
    static String shipper;
    static String office;
    static String passenger;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork(TestClock.at("2026-12-05T02:00:00Z"));
        String admin = server.adminToken();
        shipper = FreightApiTest.user(server, admin, "natha.shipper", "SHIPPER");
        office = FreightApiTest.user(server, admin, "srt.freight.desk", "FREIGHT_OFFICE");
        passenger = FreightApiTest.user(server, admin, "a.traveller", "PASSENGER");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String ask(String network) {
        return "{\"from\":\"NTA\",\"to\":\"TNL\",\"earliestDeparture\":\"" + TOMORROW
                + "T12:00:00+07:00\",\"trailingMassT\":800,\"lengthM\":400,\"dangerousGoods\":false"
                + (network == null ? "" : ",\"network\":\"" + network + "\"") + "}";
    }

    private static List<String> conflictsOf(String train) {
        JsonNode conflicts =
                ok(server.get("/api/timetable/conflicts?date=" + TOMORROW + "&network=" + NETWORK, office), 200);
        List<String> out = new ArrayList<>();
        conflicts.forEach(c -> out.add(c.toString()));
        return train == null
                ? out
                : out.stream().filter(c -> c.contains("\"" + train + "\"")).toList();
    }

    @Test
    void aPathNaThaToThanalengIsRequestedBookedNotedQuotedAndApprovedIntoThatNetworksDay() {
        // the shuttles' slots on that network, and home's catalogue unchanged without the parameter
        JsonNode slots = ok(server.get("/api/freight/slots?date=" + TOMORROW + "&network=" + NETWORK), 200);
        assertThat(slots.size()).isPositive();
        slots.forEach(
                s -> assertThat(s.get("runs").asBoolean()).as(s.toString()).isTrue());
        assertThat(slots.get(0).get("from").asText()).isIn("NTA", "TNL");
        JsonNode home = ok(server.get("/api/freight/slots?date=" + TOMORROW), 200);
        home.forEach(s -> assertThat(s.get("from").asText()).isNotIn("NTA", "TNL"));

        // the request: answered by that network's path search, stopping at Nong Khai for the Thai exit control
        int conflictsBefore = conflictsOf(null).size();
        JsonNode request = ok(server.postJson("/api/freight/requests", shipper, ask(NETWORK)), 201);
        assertThat(request.get("status").asText()).as(request.toString()).isEqualTo("PROPOSED");
        String train = request.get("train").asText();
        String id = request.get("id").asText();
        assertThat(request.get("path").toString()).contains("NKI");
        // listed on that network only
        assertThat(ok(server.get("/api/freight/requests?network=" + NETWORK, shipper), 200)
                        .toString())
                .contains(id);
        assertThat(ok(server.get("/api/freight/requests", shipper), 200).toString())
                .doesNotContain(id);

        // wagons and boxes on the request's train, from Na Tha's pools (SRT's)
        JsonNode booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"requestId\":\"" + id + "\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":4},"
                                + "{\"kind\":\"FLAT\",\"count\":2}]}"),
                201);
        assertThat(booking.get("train").asText()).isEqualTo(train);
        booking.get("units").forEach(u -> assertThat(u.get("owner").asText()).isEqualTo("SRT"));

        // the note, with SRT as the carrier; the quote in SRT's baht and in kip, each the section's conversion
        StringBuilder boxes = new StringBuilder();
        List<String> wagons = new ArrayList<>();
        for (JsonNode u : booking.get("units")) {
            if (u.get("kind").asText().equals("FLAT")) {
                wagons.add("\"" + u.get("unit").asText() + "\"");
            } else {
                boxes.append(boxes.length() == 0 ? "" : ",")
                        .append("{\"number\":\"")
                        .append(u.get("unit").asText())
                        .append("\",\"seal\":\"TH")
                        .append(200_000 + boxes.length())
                        .append("\"}");
            }
        }
        String note = "{\"consignor\":{\"name\":\"Na Tha Fruit Co.\",\"address\":\"Na Tha, Nong Khai\"},"
                + "\"consignee\":{\"name\":\"ບໍລິສັດ ນຳເຂົ້າ ວຽງຈັນ\",\"address\":\"Thanaleng, Vientiane\"},"
                + "\"wagons\":[" + String.join(",", wagons) + "],\"containers\":[" + boxes + "],"
                + "\"goods\":[{\"description\":\"Fresh longan\",\"hsCode\":\"081060\",\"packages\":900,"
                + "\"grossMassKg\":90000}],\"reeferTemperatureC\":4,\"declaredValue\":1200000,"
                + "\"declaredCurrency\":\"THB\",\"payers\":[{\"carrier\":\"SRT\",\"pays\":\"CONSIGNOR\"}],"
                + "\"documents\":[\"invoice\"]}";
        String bookingId = booking.get("id").asText();
        JsonNode noted = ok(server.putJson("/api/freight/bookings/" + bookingId + "/note", shipper, note), 201);
        assertThat(noted.get("consignmentNumber").asText()).startsWith("LC");
        // its PDF names SRT, the network's operator (not one of home's)
        TestServer.Reply pdf = server.get("/api/freight/bookings/" + bookingId + "/note.pdf", shipper);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        JsonNode quote = ok(server.get("/api/freight/bookings/" + bookingId + "/quote", shipper), 200);
        assertThat(quote.get("sections")).hasSize(1);
        JsonNode srt = quote.get("sections").get(0);
        assertThat(srt.get("carrier").asText()).isEqualTo("SRT");
        assertThat(srt.get("amount").get("currency").asText()).isEqualTo("THB");
        BigDecimal thb =
                new BigDecimal(quote.get("total").get("THB").get("amount").asText());
        BigDecimal lak =
                new BigDecimal(quote.get("total").get("LAK").get("amount").asText());
        assertThat(thb)
                .isEqualByComparingTo(
                        new BigDecimal(srt.get("amount").get("amount").asText()));
        assertThat(lak).isPositive();
        // the kip total is the baht total at the network's rate (freight-exchange-rates.csv: THB–LAK)
        BigDecimal rate = null;
        for (JsonNode r : quote.get("rates")) {
            if (r.get("base").asText().equals("THB") && r.get("quote").asText().equals("LAK")) {
                rate = new BigDecimal(r.get("rate").asText());
            }
        }
        assertThat(rate).as(quote.toString()).isNotNull();
        assertThat(lak).isCloseTo(thb.multiply(rate), within(BigDecimal.ONE));

        // approval is the freight office's: the shipper and a passenger are refused, nobody signed in too
        assertThat(server.postJson("/api/freight/requests/" + id + "/approve", shipper, "{}")
                        .status())
                .isEqualTo(403);
        assertThat(server.postJson("/api/freight/requests/" + id + "/approve", passenger, "{}")
                        .status())
                .isEqualTo(403);
        assertThat(server.postJson("/api/freight/requests/" + id + "/approve", null, "{}")
                        .status())
                .isEqualTo(401);
        JsonNode approved = ok(server.postJson("/api/freight/requests/" + id + "/approve", office, "{}"), 200);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");

        // the train is in that network's timetable of the day, its freight trains and its conflict check, with no
        // conflict; home's timetable does not have it
        assertThat(ok(server.get("/api/timetable/trains?date=" + TOMORROW + "&network=" + NETWORK), 200)
                        .toString())
                .contains("\"" + train + "\"");
        assertThat(ok(server.get("/api/timetable/trains?date=" + TOMORROW), 200).toString())
                .doesNotContain("\"" + train + "\"");
        JsonNode loads = ok(server.get("/api/freight/trains?date=" + TOMORROW + "&network=" + NETWORK, office), 200);
        assertThat(loads.toString()).contains("\"" + train + "\"");
        TestServer.Reply diagram = server.get(
                "/api/timetable/diagram.svg?from=UDN&to=KSV&date=" + TOMORROW + "&start=10:00&hours=8&network="
                        + NETWORK,
                office);
        assertThat(diagram.status()).as(diagram.body()).isEqualTo(200);
        assertThat(diagram.body()).contains(train);
        assertThat(conflictsOf(train)).isEmpty();
        assertThat(conflictsOf(null)).hasSize(conflictsBefore);
    }

    @Test
    void aShuttleSlotIsBookedFromItsStationsPoolAndAnUnknownNetworkIsRefusedNamingIt() {
        JsonNode booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"SHT-T2\",\"date\":\"" + TOMORROW + "\",\"network\":\"" + NETWORK
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":3}]}"),
                201);
        assertThat(booking.get("from").asText()).isEqualTo("TNL");
        booking.get("units").forEach(u -> assertThat(u.get("owner").asText()).isEqualTo("LNR"));
        // the slot is that network's: home's catalogue does not know it
        refused(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"SHT-T2\",\"date\":\"" + TOMORROW
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":1}]}"),
                404,
                "slotId");

        // a network that books no freight: 400 naming network, nothing written
        long before = FreightApiTest.rows(server);
        refused(server.postJson("/api/freight/requests", shipper, ask("atlantis")), 400, "network");
        refused(server.get("/api/freight/slots?network=atlantis"), 400, "network");
        refused(server.get("/api/freight/requests?network=atlantis", shipper), 400, "network");
        refused(
                server.postJson(
                        "/api/freight/quote",
                        null,
                        "{\"from\":\"NTA\",\"to\":\"TNL\",\"network\":\"atlantis\",\"equipment\":[{\"kind\":\"BOX_40\","
                                + "\"count\":1}]}"),
                400,
                "network");
        // a point of the other network without the parameter is refused by home's freight, naming it
        refused(server.postJson("/api/freight/requests", shipper, ask(null)), 400, "from");
        assertThat(FreightApiTest.rows(server)).isEqualTo(before);

        // the roles of home's freight endpoints hold on this network too
        assertThat(server.postJson("/api/freight/requests", passenger, ask(NETWORK))
                        .status())
                .isEqualTo(403);
        assertThat(server.postJson("/api/freight/requests", office, ask(NETWORK))
                        .status())
                .isEqualTo(403);
        assertThat(server.postJson("/api/freight/requests", null, ask(NETWORK)).status())
                .isEqualTo(401);
        assertThat(server.get("/api/freight/trains?network=" + NETWORK, shipper).status())
                .isEqualTo(403);
        assertThat(server.get("/api/freight/bookings?network=" + NETWORK, passenger)
                        .status())
                .isEqualTo(403);
    }
}
