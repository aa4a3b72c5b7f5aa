package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The shipper's tracking page in Chinese in a real headless Chromium: the ETA in the destination's local time, the
 * strip map with the boxes where the terminal reported them, the events in the reader's language.
 */
class TrackingBrowserTest {
    /** After the express slot's cut-off for tomorrow (12 h before departure), the day after is still open. */
    static final String TOMORROW = TestDates.daysAhead(2).toString();

    static TestServer server;
    static BrowserSupport b;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        String admin = server.adminToken();
        for (String[] u : new String[][] {{"zh.shipper", "SHIPPER"}, {"office.two", "FREIGHT_OFFICE"}}) {
            TestServer.Reply r = server.postJson(
                    "/api/users",
                    admin,
                    "{\"username\":\"" + u[0] + "\",\"displayName\":\"" + u[0] + "\",\"password\":\"password of " + u[0]
                            + "\",\"roles\":[\"" + u[1] + "\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        b = new BrowserSupport(server, 1280, 1200);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theShipperSeesItsBoxesTheEtaAndTheEventsInChinese() {
        String shipper = server.token("zh.shipper", "password of zh.shipper");
        String office = server.token("office.two", "password of office.two");
        TestServer.Reply booked = server.postJson(
                "/api/freight/bookings",
                shipper,
                "{\"slotId\":\"LMX-N1\",\"date\":\"" + TOMORROW
                        + "\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":3}]}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode booking = booked.json();
        String unit = booking.get("units").get(0).get("unit").asText();
        TestServer.Reply gateIn = server.postJson(
                "/api/freight/tracking/events",
                office,
                "{\"events\":[{\"bookingId\":\"" + booking.get("id").asText() + "\",\"unit\":\"" + unit
                        + "\",\"type\":\"GATE_IN\",\"at\":\"" + TestDates.now().minusSeconds(3600) + "\"}]}");
        assertThat(gateIn.status()).as(gateIn.body()).isEqualTo(200);

        b.fresh();
        b.signIn("zh.shipper", "password of zh.shipper", "/tracking.html");
        b.wait.until(d -> d.getCurrentUrl().endsWith("/tracking.html"));
        b.click(By.cssSelector(".lang-switch button[lang=zh]"));
        b.wait.until(d -> "zh".equals(b.js("return document.documentElement.lang")));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("eta-local")));
        b.text(By.id("eta-local"), eta -> assertThat(eta).isNotBlank());
        // the zone named by the countries whose points keep it (China's), from the network's data
        b.text(By.id("eta"), eta -> assertThat(eta).contains("中国时间"));
        By boxes = By.cssSelector("#strip g.boxes[data-point=VTS] text");
        b.wait.until(ExpectedConditions.presenceOfElementLocated(boxes));
        b.text(boxes, count -> assertThat(count).isEqualTo("3"));
        By row = By.cssSelector("#events-table tr[data-type=GATE_IN][data-classifier=ACT]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        // the gate-in at Vientiane South reads in Lao time, the zone named, whatever the browser's own zone
        b.text(row, event -> assertThat(event).contains("进场").contains(unit).contains("(老挝时间)"));
        b.text(By.id("events-heading"), heading -> assertThat(heading).isEqualTo("事件"));
        b.shot("tracking-zh");
        assertThat(b.consoleErrors()).allMatch(m -> m.contains("/api/auth/me") && m.contains("401"));
    }
}
