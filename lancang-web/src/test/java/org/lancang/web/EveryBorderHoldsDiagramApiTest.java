package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestNetworkFolder;

/**
 * Issue 19, the dispatcher's view of one train held at two borders: on the tiny line F1 is declared at QXAB (Atlantis's
 * controls at Abri, QAB) and QXBC (Borduria's at Bicha, QBC) and accepted but not released at either, so the border
 * interlock holds it at both. The holds list and the diagram the dispatcher's page draws
 * ({@code /api/operations/diagram.svg}) show two markers for the one train, one per control station, and each release
 * takes away its own marker only.
 */
class EveryBorderHoldsDiagramApiTest {
    static final String TINY = EveryBorderCustomsApiTest.TINY;
    static final TestClock CLOCK = TestClock.at("2026-12-09T00:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-12-12");

    static TestServer server;
    static String shipper;
    static String office;
    static String dispatcher;
    static String atlantis;
    static String borduria;

    @BeforeAll
    static void start() {
        server = TestServer.withOthers(List.of(TestNetworkFolder.tinyWithFreight()), CLOCK);
        String admin = server.adminToken();
        FreightApiTest.user(server, admin, "two.shipper", "SHIPPER");
        FreightApiTest.user(server, admin, "two.office", "FREIGHT_OFFICE");
        FreightApiTest.user(server, admin, "two.dispatcher", "DISPATCHER");
        FreightApiTest.user(server, admin, "two.xa", "CUSTOMS");
        FreightApiTest.user(server, admin, "two.xb", "CUSTOMS");
        ok(server.putJson("/api/freight/customs/officers/two.xa", admin, "{\"country\":\"XA\"}"), 200);
        ok(server.putJson("/api/freight/customs/officers/two.xb", admin, "{\"country\":\"XB\"}"), 200);
        CLOCK.set(DAY.atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .minus(Duration.ofHours(12))
                .toString());
        shipper = server.token("two.shipper", "password of two.shipper");
        office = server.token("two.office", "password of two.office");
        dispatcher = server.token("two.dispatcher", "password of two.dispatcher");
        atlantis = server.token("two.xa", "password of two.xa");
        borduria = server.token("two.xb", "password of two.xb");
    }

    @AfterAll
    static void stop() {
        server.close();
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
        String number = EveryBorderCustomsApiTest.consignment(server, shipper, DAY);
        for (String border : List.of("QXAB", "QXBC")) {
            ok(
                    server.postJson("/api/freight/manifests/F1/submit?date=" + DAY + "&border=" + border, office, "{}"),
                    200);
        }
        decide(atlantis, number, "ACCEPTED");
        decide(borduria, number, "ACCEPTED");
        assertThat(holds()).containsExactlyInAnyOrder("QAB open", "QBC open");
        assertThat(markedPoints()).containsExactlyInAnyOrder("QAB", "QBC");

        // Borduria releases first: only Atlantis's hold is left, at Abri
        decide(borduria, number, "RELEASED");
        assertThat(holds()).containsExactlyInAnyOrder("QAB open", "QBC released");
        assertThat(markedPoints()).containsExactly("QAB");

        decide(atlantis, number, "RELEASED");
        assertThat(holds()).containsExactlyInAnyOrder("QAB released", "QBC released");
        assertThat(markedPoints()).isEmpty();
    }
}
