package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19 on the line map and the maintenance page, in a real headless Chromium over every network of data/: each
 * picks its network, draws or lists that network's points, sections, bridge and register, and keeps the choice.
 * Screenshots: target/screenshots/pickers-*.
 */
class NetworkPickersBrowserTest {
    private static final String VB = "vientiane-bangkok";

    private static TestServer server;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.everyNetwork();
        server.user(server.adminToken(), "somphone.pw", "MAINTAINER");
        b = new BrowserSupport(server, 1280, 900);
    }

    @AfterAll
    static void stop() {
        BrowserSupport.close(b, server);
    }

    @BeforeEach
    void fresh() {
        b.fresh();
        b.consoleErrors();
    }

    /** The codes of the points table, in its order, once its first is the one expected (read at once: it is redrawn). */
    @SuppressWarnings("unchecked")
    private static List<String> pointCodes(String first) {
        return b.wait.until(d -> {
            List<String> codes = (List<String>) b.js("return [...document.querySelectorAll("
                    + "'#points-table tbody tr td:first-child code')].map((c) => c.textContent)");
            return !codes.isEmpty() && codes.get(0).equals(first) ? codes : null;
        });
    }

    @Test
    void theLineMapSwitchesToTheBangkokLineAndBack() {
        b.driver.get(server.url("/"));
        assertThat(pointCodes("KMG")).endsWith("VTS");
        Select picker = new Select(b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("network"))));
        assertThat(picker.getOptions()).hasSize(2);
        assertThat(picker.getFirstSelectedOption().getAttribute("value")).isEqualTo("china-laos");

        picker.selectByValue(VB);
        List<String> codes = pointCodes("KTW");
        // drawn in its own km order: Bangkok first, Khamsavath last (SRT's km rise northward)
        assertThat(codes).endsWith("KSV").contains("NKI", "TLB").doesNotContain("KMG", "VTE");
        assertThat(b.driver.getCurrentUrl()).contains("network=" + VB);
        assertThat(b.driver.findElement(By.id("map-heading")).getText()).contains("Bangkok");
        assertThat(b.driver.findElement(By.id("map-summary")).getText()).contains("Krung Thep Aphiwat");
        // the bridge across the border, the single track north of Khon Kaen, both countries named at the border
        assertThat(b.driver.findElements(By.cssSelector("#map-scroll svg rect.structure.BRIDGE")))
                .isNotEmpty();
        assertThat(b.driver.findElements(By.cssSelector("#map-scroll svg rect.structure.TUNNEL")))
                .isEmpty();
        assertThat(b.driver.findElement(By.id("structures-table")).getText()).contains("Friendship Bridge");
        String svg = b.driver.findElement(By.cssSelector("#map-scroll svg")).getText();
        assertThat(svg).contains("Thailand").contains("Laos").doesNotContain("China");
        assertThat(b.driver.findElement(By.id("map-tz")).getText())
                .contains("Asia/Bangkok")
                .doesNotContain("Asia/Shanghai");
        b.shot("pickers-1-map-bangkok");

        // remembered: the page without ?network= opens on it; in Thai the points are named in Thai
        b.driver.get(server.url("/"));
        assertThat(pointCodes("KTW")).endsWith("KSV");
        b.lang("th");
        b.wait.until(d -> d.findElement(By.id("map-summary")).getText().contains("สถานีกลางกรุงเทพอภิวัฒน์"));
        b.shot("pickers-2-map-bangkok-th");
        b.lang("en");

        new Select(b.driver.findElement(By.id("network"))).selectByValue("china-laos");
        assertThat(pointCodes("KMG")).endsWith("VTS").doesNotContain("KTW");
        assertThat(b.driver.findElement(By.id("map-heading")).getText()).contains("China");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void theMaintenancePageShowsTheBangkokLinesRegisterAndSavesAWindowOnIt() {
        b.signIn("somphone.pw", "password of somphone.pw", "/maintenance.html");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#assets-table tbody tr")));
        assertThat(b.driver.findElement(By.id("assets-table")).getText()).contains("BRG-LPB-MEKONG");

        new Select(b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("network")))).selectByValue(VB);
        b.wait.until(d -> d.getCurrentUrl().contains("network=" + VB));
        // its whole register (no home km range): track from Bangkok, the bridge, no overhead line (not electrified)
        b.wait.until(d -> d.findElement(By.id("assets-table")).getText().contains("TRK-KTW-"));
        b.shot("pickers-3-maintenance-bangkok-register");
        String register = b.driver.findElement(By.id("assets-table")).getText();
        assertThat(register)
                .contains("Friendship Bridge")
                .doesNotContain("OHL-")
                .doesNotContain("BRG-LPB-MEKONG");
        assertThat(new Select(b.driver.findElement(By.id("a-type"))).getOptions())
                .isNotEmpty();
        b.wait.until(d -> "KTW"
                .equals(new Select(d.findElement(By.id("s-from")))
                        .getFirstSelectedOption()
                        .getAttribute("value")));

        // a window Udon Thani – Nong Khai, saved on that network and listed there only
        b.type(By.id("s-id"), "VB-UDN-NKI-1");
        new Select(b.driver.findElement(By.id("s-from"))).selectByValue("UDN");
        new Select(b.driver.findElement(By.id("s-to"))).selectByValue("NKI");
        b.click(By.cssSelector("#sky-form [type=submit]"));
        b.wait.until(d -> d.findElement(By.id("sky-table")).getText().contains("VB-UDN-NKI-1"));
        assertThat(b.driver.findElement(By.id("sky-table")).getText()).contains("UDN – NKI");
        // drawn on that network's diagram
        b.click(By.cssSelector("#sky-table tbody button"));
        b.wait.until(d -> Boolean.TRUE.equals(b.js("const i = document.getElementById('diagram');"
                + " return !i.hidden && i.complete && i.naturalWidth > 0")));
        assertThat(b.driver.findElement(By.id("diagram")).getAttribute("src"))
                .contains("network=" + VB)
                .contains("from=");
        b.shot("pickers-4-maintenance-bangkok-window");

        TestServer.Reply home = server.get("/api/maintenance/skylights", server.adminToken());
        assertThat(home.body()).doesNotContain("VB-UDN-NKI-1");
        assertThat(server.get("/api/maintenance/skylights?network=" + VB, server.adminToken())
                        .body())
                .contains("VB-UDN-NKI-1");

        // remembered on this browser, and back to home
        b.driver.get(server.url("/maintenance.html"));
        b.wait.until(d -> d.findElement(By.id("sky-table")).getText().contains("VB-UDN-NKI-1"));
        new Select(b.driver.findElement(By.id("network"))).selectByValue("china-laos");
        b.wait.until(d -> d.findElement(By.id("assets-table")).getText().contains("BRG-LPB-MEKONG"));
        assertThat(b.driver.findElement(By.id("sky-table")).getText()).doesNotContain("VB-UDN-NKI-1");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void theBoardOfNongKhaiInThaiNamesItInThaiWithABuddhistEraDay() {
        String now = server.get("/api/operations/clock").json().get("now").asText();
        String year = String.valueOf(
                Instant.parse(now).atZone(ZoneId.of("Asia/Bangkok")).getYear() + 543);
        String thai = server.get("/api/network/points/NKI?network=" + VB)
                .json()
                .get("names")
                .get("more")
                .get("th")
                .asText();
        b.driver.get(server.url("/board.html?station=NKI"));
        b.wait.until(d -> d.findElement(By.id("board-title")).getText().contains("Nong Khai"));
        b.lang("th");
        b.wait.until(d -> d.findElement(By.id("board-title")).getText().contains(thai));
        assertThat(b.driver.findElement(By.id("board-zone")).getText())
                .contains(year)
                .contains("UTC+7");
        b.shot("pickers-5-board-nong-khai-th");
        assertThat(b.consoleErrors()).isEmpty();
    }
}
