package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestNetworkFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The border board of a network with two borders in a real headless Chromium: the tiny test line's southbound
 * container train F1 crosses both, so it has a row at each border; the picker shows one border, and the data sent from
 * a row goes to that border's customs only. The picker reads in Chinese and Lao.
 */
class EveryBorderBoardBrowserTest {
    static final String DAY = "2026-12-10";
    static final TestClock CLOCK = TestClock.at("2026-12-09T00:00:00Z");
    static TestServer server;
    static BrowserSupport b;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withOthers(List.of(TestNetworkFolder.tinyWithFreight()), CLOCK);
        String admin = server.adminToken();
        String shipper = FreightApiTest.user(server, admin, "tri.board.shipper", "SHIPPER");
        FreightApiTest.user(server, admin, "tri.board.office", "FREIGHT_OFFICE");
        EveryBorderCustomsApiTest.consignment(server, shipper, LocalDate.parse(DAY));
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

    static String rowText(String border) {
        Object text = b.js("const r = document.querySelector('#board tr[data-train=F1][data-border=" + border
                + "]'); return r ? r.innerText : ''");
        return text == null ? "" : text.toString();
    }

    @Test
    void aTrainThroughTwoBordersHasARowAtEachAndItsDataIsSentPerBorder() {
        b.fresh();
        b.signIn(
                "tri.board.office", "password of tri.board.office", "/border-board.html?date=" + DAY + "&network=tiny");
        b.wait.until(d -> d.getCurrentUrl().contains("/border-board.html"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#board tr[data-train=F1][data-border=QXBC]")));
        assertThat(rowText("QXAB")).contains("not sent");
        assertThat(rowText("QXBC")).contains("not sent");
        assertThat(b.driver.findElement(By.id("border-field")).isDisplayed()).isTrue();

        // the second border alone: its row only; its data sent from it
        b.js("const s = document.getElementById('border'); s.value = 'QXBC'; s.dispatchEvent(new Event('change'));");
        b.wait.until(d -> rowText("QXAB").isEmpty());
        b.click(By.cssSelector("#board tr[data-border=QXBC] [data-action=submit]"));
        b.wait.until(d -> rowText("QXBC").contains("complete · sent"));
        // every border again: the first border's data is still not sent
        b.js("const s = document.getElementById('border'); s.value = ''; s.dispatchEvent(new Event('change'));");
        b.wait.until(d -> rowText("QXAB").contains("not sent"));
        assertThat(rowText("QXBC")).contains("complete · sent");
        b.shot("border-board-two-borders");

        b.click(By.cssSelector(".lang-switch button[lang=zh]"));
        b.wait.until(d -> "zh".equals(b.js("return document.documentElement.lang")));
        b.wait.until(d -> b.driver
                .findElement(By.cssSelector("label[for=border]"))
                .getText()
                .equals("边境"));
        b.click(By.cssSelector(".lang-switch button[lang=lo]"));
        b.wait.until(d -> "lo".equals(b.js("return document.documentElement.lang")));
        b.wait.until(d -> b.driver
                .findElement(By.cssSelector("label[for=border]"))
                .getText()
                .equals("ຊາຍແດນ"));
        assertThat(b.consoleErrors()).isEmpty();
    }
}
