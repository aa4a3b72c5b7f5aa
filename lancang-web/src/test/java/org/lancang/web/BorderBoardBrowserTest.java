package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The freight office's border board in a real headless Chromium: tomorrow's northbound express with a reefer
 * consignment, held at Boten because nothing is released, its data complete but not sent; the office sends it from
 * the board; the board reads in Chinese and Lao.
 */
class BorderBoardBrowserTest {
    static final String DAY = "2026-12-06";
    static final TestClock CLOCK = TestClock.at("2026-12-05T02:00:00Z");
    static TestServer server;
    static BrowserSupport b;
    static String office;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(CLOCK);
        String admin = server.adminToken();
        String shipper = FreightApiTest.user(server, admin, "board.shipper", "SHIPPER");
        office = FreightApiTest.user(server, admin, "board.office", "FREIGHT_OFFICE");
        FreightApiTest.user(server, admin, "board.dispatch", "DISPATCHER");
        JsonNode booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"LMX-N1\",\"date\":\"" + DAY
                                + "\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":32}]}"),
                201);
        ok(
                server.putJson(
                        "/api/freight/bookings/" + booking.get("id").asText() + "/note",
                        shipper,
                        FreightApiTest.note(booking, null, "081060", null)),
                201);
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
    void theOfficeSeesTheHeldTrainSendsItsDataAndReadsTheBoardInThreeLanguages() {
        b.fresh();
        b.signIn("board.office", "password of board.office", "/border-board.html?date=" + DAY);
        b.wait.until(d -> d.getCurrentUrl().contains("/border-board.html"));
        By row = By.cssSelector("#board tr[data-train=X8102]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        b.attribute(row, "data-held", held -> assertThat(held).isEqualTo("true"));
        b.text(
                row,
                text -> assertThat(text)
                        .contains("0/1 released")
                        .contains("not sent")
                        .contains("held until release"));
        b.click(By.cssSelector("#board tr[data-train=X8102] [data-action=submit]"));
        b.wait.until(d -> rowText().contains("complete · sent"));
        assertThat(b.driver.findElements(By.cssSelector("#board [data-action=submit]")))
                .isEmpty();
        b.shot("border-board-en");

        b.click(By.cssSelector(".lang-switch button[lang=zh]"));
        b.wait.until(d -> "zh".equals(b.js("return document.documentElement.lang")));
        b.wait.until(d -> rowText().contains("待放行"));
        b.text(By.tagName("h1"), h1 -> assertThat(h1).isEqualTo("口岸看板"));
        b.click(By.cssSelector(".lang-switch button[lang=lo]"));
        b.wait.until(d -> "lo".equals(b.js("return document.documentElement.lang")));
        b.wait.until(d -> rowText().contains("ກັກໄວ້ຈົນກວ່າຈະປ່ອຍ"));
        b.text(By.tagName("h1"), h1 -> assertThat(h1).isEqualTo("ກະດານດ່ານຊາຍແດນ"));
        b.shot("border-board-lo");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void aTimeAtTheLaoControlReadsInLaoTimeWithTheZoneNamed() {
        JsonNode row = null;
        for (JsonNode r : ok(server.get("/api/freight/border-board?date=" + DAY, office), 200)) {
            if (r.get("train").asText().equals("X8102")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        // the northbound train is checked out of Laos at Boten: its arrival there is a Lao station's time
        assertThat(row.get("control").asText()).isEqualTo("BTN");
        OffsetDateTime arrives = OffsetDateTime.parse(row.get("arrivesAt").asText());
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm");
        String laoClock = arrives.atZoneSameInstant(ZoneId.of("Asia/Vientiane")).format(clock);
        String beijingClock =
                arrives.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(clock);
        assertThat(laoClock).isNotEqualTo(beijingClock);

        b.fresh();
        b.signIn("board.office", "password of board.office", "/border-board.html?date=" + DAY);
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#board tr[data-train=X8102]")));
        // whatever the browser's own zone, the time reads as Boten keeps it, and says so
        b.wait.until(d -> rowText().contains(laoClock + " (Laos time)"));
        assertThat(rowText()).doesNotContain(beijingClock + " (");
        b.click(By.cssSelector(".lang-switch button[lang=lo]"));
        b.wait.until(d -> rowText().contains(laoClock + " (ເວລາລາວ)"));
    }

    /** The train's row as it reads now (read in one go: the board redraws it under the test's feet). */
    static String rowText() {
        Object text =
                b.js("const r = document.querySelector('#board tr[data-train=X8102]'); return r ? r.innerText : ''");
        return text == null ? "" : text.toString();
    }

    @Test
    void theDispatcherSeesTheHoldBesideTheConflictForecast() {
        b.fresh();
        b.signIn("board.dispatch", "password of board.dispatch", "/dispatch.html?date=" + DAY);
        b.wait.until(d -> d.getCurrentUrl().contains("/dispatch.html"));
        By hold = By.cssSelector("#conflicts li.hold[data-train=X8102]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(hold));
        b.attribute(hold, "data-open", open -> assertThat(open).isEqualTo("true"));
        b.text(hold, text -> assertThat(text).contains("X8102 held at").contains("until customs release it"));
        b.shot("dispatch-border-hold");
    }
}
