package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, the dispatcher's view of one train held at two borders: on the tiny line F1 is declared at QXAB (Atlantis's
 * controls at Abri, QAB) and QXBC (Borduria's at Bicha, QBC) and accepted but not released at either, so the border
 * interlock holds it at both. The holds list and the diagram the dispatcher's page draws
 * ({@code /api/operations/diagram.svg}) show two markers for the one train, one per control station, and each release
 * takes away its own marker only.
 */
class EveryBorderHoldsDiagramApiTest {
    static final String TINY = TinyCustoms.NETWORK;
    static final LocalDate DAY = LocalDate.parse("2026-12-12");

    static TinyCustoms tiny;
    static TestServer server;
    static String dispatcher;

    @BeforeAll
    static void start() {
        tiny = TinyCustoms.start("two", DAY);
        server = tiny.server;
        dispatcher = tiny.dispatcher;
    }

    @AfterAll
    static void stop() {
        tiny.close();
    }

    static void decide(String officer, String number, String state) {
        ok(
                server.postJson(
                        "/api/freight/customs/" + number + "/decision", officer, "{\"state\":\"" + state + "\"}"),
                200);
    }

    /** F1's markers on the dispatcher's diagram of the whole tiny line: the control station each is at. */
    static List<String> markedPoints() {
        TestServer.Reply r = server.get(
                "/api/operations/diagram.svg?network=" + TINY + "&date=" + DAY
                        + "&from=QAA&to=QCB&start=10:00&hours=10",
                dispatcher);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> points = new ArrayList<>();
        for (String marker : CustomsApiTest.holdMarkers(r.body(), "F1")) {
            Matcher m = Pattern.compile("data-point=\"([A-Z]+)\"").matcher(marker);
            assertThat(m.find()).as(marker).isTrue();
            points.add(m.group(1));
            assertThat(marker).contains("<title>F1 held at " + (m.group(1).equals("QAB") ? "Abri" : "Bicha"));
        }
        return points;
    }

    /** F1's holds as the dispatcher's list has them: "point open" each. */
    static List<String> holds() {
        List<String> out = new ArrayList<>();
        for (JsonNode h : ok(server.get("/api/operations/holds?date=" + DAY + "&network=" + TINY, dispatcher), 200)) {
            if (h.get("train").asText().equals("F1")) {
                out.add(h.get("point").asText() + " " + (h.get("open").asBoolean() ? "open" : "released"));
            }
        }
        return out;
    }

    @Test
    void oneTrainHeldAtTwoBordersHasAMarkerAtEachUntilThatBorderReleases() {
        String number = EveryBorderCustomsApiTest.consignment(server, tiny.shipper, DAY);
        for (String border : List.of("QXAB", "QXBC")) {
            ok(
                    server.postJson(
                            "/api/freight/manifests/F1/submit?date=" + DAY + "&border=" + border, tiny.office, "{}"),
                    200);
        }
        decide(tiny.officer("XA"), number, "ACCEPTED");
        decide(tiny.officer("XB"), number, "ACCEPTED");
        assertThat(holds()).containsExactlyInAnyOrder("QAB open", "QBC open");
        assertThat(markedPoints()).containsExactlyInAnyOrder("QAB", "QBC");

        // Borduria releases first: only Atlantis's hold is left, at Abri
        decide(tiny.officer("XB"), number, "RELEASED");
        assertThat(holds()).containsExactlyInAnyOrder("QAB open", "QBC released");
        assertThat(markedPoints()).containsExactly("QAB");

        decide(tiny.officer("XA"), number, "RELEASED");
        assertThat(holds()).containsExactlyInAnyOrder("QAB released", "QBC released");
        assertThat(markedPoints()).isEmpty();
    }
}
