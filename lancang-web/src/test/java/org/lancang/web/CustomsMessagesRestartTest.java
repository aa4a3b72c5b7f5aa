package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;

/**
 * A customs message is written in its submission's transaction (V87, ADR 0035): once the freight office has its 200,
 * the message is Lao customs' to poll after the server stops and starts again, exactly once, as it went out; the
 * restarted server neither sends it again nor takes the same submission a second time.
 */
class CustomsMessagesRestartTest {
    static final String DAY = "2026-12-06";
    static final String MESSAGES = "/api/freight/customs/messages";

    @Test
    void anAcknowledgedSubmissionsMessageIsThereOnceAfterARestart() {
        DatabaseConfig database = TestDatabase.fresh();
        TestClock clock = TestClock.at("2026-12-05T02:00:00Z");
        TestServer server = new TestServer(database, clock);
        String shipper;
        String office;
        String laoCustoms;
        String consignment;
        JsonNode before;
        String text;
        try {
            String admin = server.adminToken();
            shipper = FreightApiTest.user(server, admin, "restart.shipper", "SHIPPER");
            office = FreightApiTest.user(server, admin, "restart.office", "FREIGHT_OFFICE");
            laoCustoms = FreightApiTest.user(server, admin, "restart.customs", "CUSTOMS");
            ok(server.putJson("/api/freight/customs/officers/restart.customs", admin, "{\"country\":\"LA\"}"), 200);
            JsonNode booking = ok(
                    server.postJson(
                            "/api/freight/bookings",
                            shipper,
                            "{\"slotId\":\"LMX-N1\",\"date\":\"" + DAY
                                    + "\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":32}]}"),
                    201);
            consignment = ok(
                            server.putJson(
                                    "/api/freight/bookings/" + booking.get("id").asText() + "/note",
                                    shipper,
                                    FreightApiTest.note(booking, null, "081060", null)),
                            201)
                    .get("consignmentNumber")
                    .asText();
            String train = booking.get("train").asText();
            assertThat(ok(server.get(MESSAGES, laoCustoms), 200))
                    .as("nothing sent yet")
                    .isEmpty();

            ok(server.postJson("/api/freight/manifests/" + train + "/submit?date=" + DAY, office, "{}"), 200);
            before = ok(server.get(MESSAGES, laoCustoms), 200);
            assertThat(before).hasSize(1);
            text = server.get(MESSAGES + "/" + before.get(0).get("seq").asLong(), laoCustoms)
                    .body();
        } finally {
            server.close();
        }

        TestServer restarted = new TestServer(database, clock);
        try {
            JsonNode after = ok(restarted.get(MESSAGES, laoCustoms), 200);
            assertThat(after).as("the acknowledged submission's message, once").isEqualTo(before);
            JsonNode message = after.get(0);
            assertThat(message.get("receiver").asText()).isEqualTo("LA");
            assertThat(message.get("version").asInt()).isEqualTo(1);
            assertThat(message.get("consignments").get(0).asText()).isEqualTo(consignment);
            long seq = message.get("seq").asLong();
            assertThat(restarted.get(MESSAGES + "/" + seq, laoCustoms).body())
                    .as("the text as it went out")
                    .isEqualTo(text);
            assertThat(ok(restarted.get(MESSAGES + "?after=" + seq, laoCustoms), 200))
                    .as("a poller after the last seq it saw gets nothing new")
                    .isEmpty();

            String train = message.get("train").asText();
            TestServer.Reply again =
                    restarted.postJson("/api/freight/manifests/" + train + "/submit?date=" + DAY, office, "{}");
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(ok(restarted.get(MESSAGES, office), 200))
                    .as("the submission refused after the restart wrote nothing")
                    .isEqualTo(before);
        } finally {
            restarted.close();
        }
    }
}
