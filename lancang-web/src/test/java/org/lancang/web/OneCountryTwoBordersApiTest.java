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

/**
 * Issue 19, one country's customs at two borders of one consignment, over HTTP. The tiny line with its freight
 * additions goes on past Klow back into Borduria (border QXCB, Dova): the northbound container train F3 from Dova meets
 * Borduria's controls at Dova (QXCB), Syldavia's at Caro (QXBC) and Borduria's again at Bama (QXAB), as the folder's
 * borders.csv has them. A Bordurian officer must name the border; both of Borduria's decisions may come in one import,
 * all or none; each border's hold goes with its own release only.
 */
class OneCountryTwoBordersApiTest {
    static final String TINY = TinyCustoms.NETWORK;
    static final LocalDate DAY = LocalDate.parse("2026-12-14");

    static TinyCustoms tiny;
    static TestServer server;
    static String shipper;
    static String office;
    static String borduria;
    static String syldavia;

    @BeforeAll
    static void start() {
        tiny = TinyCustoms.start("one", DAY);
        server = tiny.server;
        shipper = tiny.shipper;
        office = tiny.office;
        borduria = tiny.officer("XB");
        syldavia = tiny.officer("XC");
    }

    @AfterAll
    static void stop() {
        tiny.close();
    }

    /** A box on F3 (slot TF-D, Dova → Aldo) with its note: its consignment number. */
    static String consignment() {
        JsonNode booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"TF-D\",\"date\":\"" + DAY + "\",\"network\":\"" + TINY
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":1}]}"),
                201);
        String note = SecondBorderCustomsApiTest.dryNote(booking)
                .replaceAll("\"payers\":\\[[^]]*]", "\"payers\":[{\"carrier\":\"XC_RAIL\",\"pays\":\"CONSIGNOR\"}]");
        return ok(server.putJson("/api/freight/bookings/" + booking.get("id").asText() + "/note", shipper, note), 201)
                .get("consignmentNumber")
                .asText();
    }

    /** The consignment's rows as {@code token} may read them: "border control country state" each. */
    static List<String> rows(String token, String number) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : ok(server.get("/api/freight/customs?date=" + DAY + "&network=" + TINY, token), 200)) {
            if (r.get("consignmentNumber").asText().equals(number)) {
                out.add(r.get("border").asText() + " " + r.get("control").asText() + " "
                        + r.get("country").asText() + " " + r.get("state").asText());
            }
        }
        return out;
    }

    /** F3's holds: "point open|released" each. */
    static List<String> holds() {
        List<String> out = new ArrayList<>();
        for (JsonNode h : ok(server.get("/api/operations/holds?date=" + DAY + "&network=" + TINY, office), 200)) {
            if (h.get("train").asText().equals("F3")) {
                out.add(h.get("point").asText() + " " + (h.get("open").asBoolean() ? "open" : "released"));
            }
        }
        return out;
    }

    @Test
    void bordurianCustomsDecideAtEachOfTheirTwoBordersOnTheirOwn() {
        String number = consignment();
        for (String border : List.of("QXCB", "QXBC", "QXAB")) {
            ok(
                    server.postJson("/api/freight/manifests/F3/submit?date=" + DAY + "&border=" + border, office, "{}"),
                    200);
        }
        // three borders in travel order; Borduria's officer sees the two where Borduria's controls are
        assertThat(rows(office, number))
                .containsExactly("QXCB QBD XB SUBMITTED", "QXBC QCA XC SUBMITTED", "QXAB QBA XB SUBMITTED");
        assertThat(rows(borduria, number)).containsExactly("QXCB QBD XB SUBMITTED", "QXAB QBA XB SUBMITTED");
        assertThat(rows(syldavia, number)).containsExactly("QXBC QCA XC SUBMITTED");

        // without a border the decision is ambiguous: refused naming border, nothing written
        String decision = "/api/freight/customs/" + number + "/decision";
        refused(server.postJson(decision, borduria, "{\"state\":\"ACCEPTED\"}"), 400, "border");
        // Syldavia's border is not Borduria's to decide
        refused(
                server.postJson(decision, borduria, "{\"state\":\"ACCEPTED\",\"border\":\"QXBC\"}"),
                409,
                "consignment");
        // an import deciding at both, the second a hold without its reason: nothing is taken
        refused(
                server.postJson(
                        "/api/freight/customs/decisions",
                        borduria,
                        "{\"decisions\":[{\"consignment\":\"" + number
                                + "\",\"state\":\"ACCEPTED\",\"border\":\"QXCB\"}," + "{\"consignment\":\"" + number
                                + "\",\"state\":\"HELD\",\"border\":\"QXAB\"}]}"),
                400,
                "decisions[1].reason");
        assertThat(rows(office, number))
                .containsExactly("QXCB QBD XB SUBMITTED", "QXBC QCA XC SUBMITTED", "QXAB QBA XB SUBMITTED");
        assertThat(holds()).containsExactlyInAnyOrder("QBD open", "QCA open", "QBA open");

        // Borduria releases at Dova and accepts at Bama in one import: each border takes its own decision
        ok(
                server.postJson(
                        "/api/freight/customs/decisions",
                        borduria,
                        "{\"decisions\":[{\"consignment\":\"" + number
                                + "\",\"state\":\"RELEASED\",\"border\":\"QXCB\"}," + "{\"consignment\":\"" + number
                                + "\",\"state\":\"ACCEPTED\",\"border\":\"QXAB\"}]}"),
                200);
        assertThat(rows(office, number))
                .containsExactly("QXCB QBD XB RELEASED", "QXBC QCA XC SUBMITTED", "QXAB QBA XB ACCEPTED");
        assertThat(holds()).containsExactlyInAnyOrder("QBD released", "QCA open", "QBA open");

        // Syldavia, then Borduria at Bama: the last hold goes with the last release
        ok(server.postJson(decision, syldavia, "{\"state\":\"RELEASED\"}"), 200);
        assertThat(holds()).containsExactlyInAnyOrder("QBD released", "QCA released", "QBA open");
        ok(server.postJson(decision, borduria, "{\"state\":\"RELEASED\",\"border\":\"QXAB\"}"), 200);
        assertThat(rows(office, number))
                .containsExactly("QXCB QBD XB RELEASED", "QXBC QCA XC RELEASED", "QXAB QBA XB RELEASED");
        assertThat(holds()).containsExactlyInAnyOrder("QBD released", "QCA released", "QBA released");
    }
}
