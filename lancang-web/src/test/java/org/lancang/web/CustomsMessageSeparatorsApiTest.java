package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lancang.store.customs.CargoReport;
import org.lancang.store.testing.TestClock;

/**
 * Names and goods are free text, and EDIFACT's separators (' + : and the release character ?) are ordinary characters
 * in them ("Kim's Fruit+Veg"): the submission is still sent, and its CUSCAR message escapes them so that it still
 * passes the schema and reads back as the shipper wrote it.
 */
class CustomsMessageSeparatorsApiTest {
    static final String DAY = "2026-12-06";
    static final String NAME = "Kim's Fruit+Veg: 50% ?";

    @Test
    void separatorsInANameAreEscapedInTheMessage() {
        try (TestServer server = new TestServer(TestClock.at("2026-12-05T02:00:00Z"))) {
            String admin = server.adminToken();
            String shipper = FreightApiTest.user(server, admin, "sep.shipper", "SHIPPER");
            String office = FreightApiTest.user(server, admin, "sep.office", "FREIGHT_OFFICE");
            JsonNode booking = ok(
                    server.postJson(
                            "/api/freight/bookings",
                            shipper,
                            "{\"slotId\":\"LMX-N1\",\"date\":\"" + DAY
                                    + "\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":32}]}"),
                    201);
            String note = FreightApiTest.note(booking, null, "081060", null)
                    .replace(FreightApiTest.CONSIGNOR, NAME)
                    .replace("Fresh durian", "Durian 'Monthong' + Chanee: grade A?");
            ok(server.putJson("/api/freight/bookings/" + booking.get("id").asText() + "/note", shipper, note), 201);

            TestServer.Reply sent = server.postJson(
                    "/api/freight/manifests/" + booking.get("train").asText() + "/submit?date=" + DAY, office, "{}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            long seq = ok(server.get("/api/freight/customs/messages", office), 200)
                    .get(0)
                    .get("seq")
                    .asLong();
            String text =
                    server.get("/api/freight/customs/messages/" + seq, office).body();
            assertThat(CargoReport.load().check(text)).as(text).isEmpty();
            assertThat(text)
                    .as("each separator released by ?")
                    .contains("Kim?'s Fruit?+Veg?: 50% ??")
                    .contains("Durian ?'Monthong?' ?+ Chanee?: grade A??");
        }
    }
}
