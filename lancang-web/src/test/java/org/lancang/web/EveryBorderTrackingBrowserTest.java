package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, the shipper's tracking page of a box on a train that crosses two borders of one network, in a real
 * headless Chromium: on the tiny line F1 meets Atlantis's controls at Abri (border QXAB) and Borduria's at Bicha
 * (QXBC). Released at the first and held at the second, the page lists both borders in travel order, each with its
 * own country, control station and state.
 */
class EveryBorderTrackingBrowserTest {
    static final String TINY = TinyCustoms.NETWORK;
    static final LocalDate DAY = LocalDate.parse("2026-12-13");

    static TinyCustoms tiny;
    static TestServer server;
    static BrowserSupport b;

    @BeforeAll
    static void start() throws Exception {
        tiny = TinyCustoms.start("trk", DAY);
        server = tiny.server;
        b = new BrowserSupport(server, 1280, 1200);
    }

    @AfterAll
    static void stop() {
        BrowserSupport.close(b, server);
    }

    @Test
    void theTrackingPageListsBothBordersOfTheLineWithTheirOwnStates() {
        String shipper = tiny.shipper;
        String office = tiny.office;
        String number = EveryBorderCustomsApiTest.consignment(server, shipper, DAY);
        for (String border : List.of("QXAB", "QXBC")) {
            ok(
                    server.postJson("/api/freight/manifests/F1/submit?date=" + DAY + "&border=" + border, office, "{}"),
                    200);
        }
        ok(
                server.postJson(
                        "/api/freight/customs/" + number + "/decision", tiny.officer("XA"), "{\"state\":\"RELEASED\"}"),
                200);
        ok(
                server.postJson(
                        "/api/freight/customs/" + number + "/decision",
                        tiny.officer("XB"),
                        "{\"state\":\"HELD\",\"reason\":\"seal to be checked\"}"),
                200);
        String bookingId = null;
        for (JsonNode r : ok(server.get("/api/freight/customs?date=" + DAY + "&network=" + TINY, office), 200)) {
            if (r.get("consignmentNumber").asText().equals(number)) {
                bookingId = r.get("bookingId").asText();
            }
        }
        assertThat(bookingId).isNotNull();

        b.fresh();
        b.signIn("trk.shipper", TinyCustoms.password("trk.shipper"), "/tracking.html?booking=" + bookingId);
        b.wait.until(d -> d.getCurrentUrl().contains("/tracking.html"));
        b.until(SecondNetworkTrackingBrowserTest::customsRows, borders -> {
            assertThat(borders).extracting(e -> e.get(0)).containsExactly("QXAB", "QXBC");
            assertThat(borders).extracting(e -> e.get(1)).containsExactly("RELEASED", "HELD");
            // the points' names from the tiny line's points.csv, the states in the page's words (en.js)
            assertThat(borders.get(0).get(2)).contains("XA customs at Abri", "F1", "released");
            assertThat(borders.get(1).get(2)).contains("XB customs at Bicha", "F1", "held by customs");
        });
        b.shot("tracking-every-border");
    }
}
