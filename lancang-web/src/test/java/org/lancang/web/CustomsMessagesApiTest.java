package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.FreightApiTest.refused;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.customs.CargoReport;

/**
 * Issue 19, the advance cargo data delivered to each border's customs, over HTTP: on the tiny test line F1 crosses
 * QXAB (Atlantis's controls at QAB) and QXBC (Borduria's at QBC); each border's submission puts a CUSCAR message for
 * that border's customs in the outbox, in the submission's transaction. A consignment added after a message went out
 * makes the next submission an amendment: the next version, naming the first message, the first left as it went out.
 */
class CustomsMessagesApiTest {
    static final String BASE = "/api/freight/customs/messages";
    static final LocalDate DAY = LocalDate.parse("2026-12-11");

    static TinyCustoms tiny;
    static TestServer server;
    static String shipper;
    static String office;
    static String atlantis;
    static String borduria;

    @BeforeAll
    static void start() {
        tiny = TinyCustoms.start("msg", DAY);
        server = tiny.server;
        shipper = tiny.shipper;
        office = tiny.office;
        atlantis = tiny.officer("XA");
        borduria = tiny.officer("XB");
    }

    @AfterAll
    static void stop() {
        tiny.close();
    }

    static JsonNode submit(String border) {
        return ok(
                server.postJson("/api/freight/manifests/F1/submit?date=" + DAY + "&border=" + border, office, "{}"),
                200);
    }

    static JsonNode messages(String token) {
        return ok(server.get(BASE, token), 200);
    }

    static String body(long seq, String token) {
        TestServer.Reply r = server.get(BASE + "/" + seq, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith(CargoReport.MEDIA_TYPE);
        assertThat(CargoReport.load().check(r.body())).as(r.body()).isEmpty();
        return r.body();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void eachBorderGetsItsOwnMessageAndALaterConsignmentIsAnAmendmentOfTheFirst() {
        String first = EveryBorderCustomsApiTest.consignment(server, shipper, DAY);
        String date = DAY.toString().replace("-", "");
        assertThat(messages(office)).isEmpty();

        submit("QXAB");
        submit("QXBC");
        JsonNode all = messages(office);
        assertThat(all).hasSize(2);
        JsonNode toAtlantis = all.get(0);
        JsonNode toBorduria = all.get(1);
        // each border's customs: its country, its control station, its own first version
        assertThat(List.of(
                        toAtlantis.get("border").asText(),
                        toAtlantis.get("control").asText(),
                        toAtlantis.get("receiver").asText()))
                .containsExactly("QXAB", "QAB", "XA");
        assertThat(List.of(
                        toBorduria.get("border").asText(),
                        toBorduria.get("control").asText(),
                        toBorduria.get("receiver").asText()))
                .containsExactly("QXBC", "QBC", "XB");
        for (JsonNode m : all) {
            assertThat(m.get("version").asInt()).isEqualTo(1);
            assertThat(m.get("amends").isNull()).isTrue();
            assertThat(m.get("network").asText()).isEqualTo(TinyCustoms.NETWORK);
            assertThat(texts(m.get("consignments"))).containsExactly(first);
        }
        String v1 = "F1-" + date + "-QAB-V1";
        assertThat(toAtlantis.get("reference").asText()).isEqualTo(v1);
        assertThat(toBorduria.get("reference").asText()).isEqualTo("F1-" + date + "-QBC-V1");

        // the CUSCAR text: to Atlantis's customs, the first (9), cleared at QAB, the consignment declared
        long atlantisSeq = toAtlantis.get("seq").asLong();
        String original = body(atlantisSeq, office);
        assertThat(original)
                .contains("UNH+1+CUSCAR:D:99B:UN'")
                .contains("+CUSTOMS-XA:ZZZ+")
                .contains("BGM+85+" + v1 + "+9'")
                .contains("LOC+22+QAB'")
                .contains("TDT+20+F1+2'")
                .contains("CNI+1+" + first + "'")
                .doesNotContain("RFF+ACW");
        assertThat(body(toBorduria.get("seq").asLong(), office)).contains("LOC+22+QBC'");

        // each customs polls its own; another country's message is not theirs to read
        assertThat(messages(atlantis)).hasSize(1);
        assertThat(messages(atlantis).get(0).get("border").asText()).isEqualTo("QXAB");
        assertThat(messages(borduria)).hasSize(1);
        assertThat(messages(borduria).get(0).get("border").asText()).isEqualTo("QXBC");
        refused(server.get(BASE + "/" + atlantisSeq, borduria), 404, "seq");
        assertThat(ok(server.get(BASE + "?after=" + atlantisSeq, office), 200)).hasSize(1);

        // nothing new to send: refused, and no message is written
        refused(
                server.postJson("/api/freight/manifests/F1/submit?date=" + DAY + "&border=QXAB", office, "{}"),
                409,
                "train");
        assertThat(messages(office)).hasSize(2);

        // a consignment booked after the data went out: the next submission at QXAB is version 2, amending the first
        String second = EveryBorderCustomsApiTest.consignment(server, shipper, DAY);
        submit("QXAB");
        JsonNode amendments = messages(atlantis);
        assertThat(amendments).hasSize(2);
        JsonNode amendment = amendments.get(1);
        assertThat(amendment.get("version").asInt()).isEqualTo(2);
        assertThat(amendment.get("amends").asText()).isEqualTo(v1);
        assertThat(amendment.get("reference").asText()).isEqualTo("F1-" + date + "-QAB-V2");
        assertThat(texts(amendment.get("consignments"))).containsExactlyInAnyOrder(first, second);
        assertThat(body(amendment.get("seq").asLong(), atlantis))
                .contains("BGM+85+F1-" + date + "-QAB-V2+5'")
                .contains("RFF+ACW:" + v1 + "'")
                .contains(first)
                .contains(second);
        // the original is never rewritten; Borduria got nothing new yet
        assertThat(body(atlantisSeq, atlantis)).isEqualTo(original);
        assertThat(messages(borduria)).hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        refused(server.get(BASE + "?after=-1", office), 400, "after");
        refused(server.get(BASE + "?after=x", office), 400, "after");
        refused(server.get(BASE + "?limit=0", office), 400, "limit");
        refused(server.get(BASE + "?limit=1001", office), 400, "limit");
        refused(server.get(BASE + "?network=nowhere", office), 400, "network");
        refused(server.get(BASE + "/x", office), 400, "seq");
        refused(server.get(BASE + "/999999", office), 404, "seq");
        assertThat(server.get(BASE, shipper).status()).isEqualTo(403);
    }
}
