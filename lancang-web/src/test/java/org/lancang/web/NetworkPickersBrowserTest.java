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
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("network")));
        b.texts(
                By.cssSelector("#network option"),
                options -> assertThat(options).hasSize(2));
        b.attribute(By.id("network"), "value", network -> assertThat(network).isEqualTo("china-laos"));

        new Select(b.driver.findElement(By.id("network"))).selectByValue(VB);
        List<String> codes = pointCodes("KTW");
        // drawn in its own km order: Bangkok first, Khamsavath last (SRT's km rise northward)
        assertThat(codes).endsWith("KSV").contains("NKI", "TLB").doesNotContain("KMG", "VTE");
        assertThat(b.driver.getCurrentUrl()).contains("network=" + VB);
        b.text(By.id("map-heading"), heading -> assertThat(heading).contains("Bangkok"));
        b.text(By.id("map-summary"), summary -> assertThat(summary).contains("Krung Thep Aphiwat"));
        // the bridge across the border, the single track north of Khon Kaen, both countries named at the border
        assertThat(b.driver.findElements(By.cssSelector("#map-scroll svg rect.structure.BRIDGE")))
                .isNotEmpty();
        assertThat(b.driver.findElements(By.cssSelector("#map-scroll svg rect.structure.TUNNEL")))
                .isEmpty();
        b.text(By.id("structures-table"), structures -> assertThat(structures).contains("Friendship Bridge"));
        b.text(
                By.cssSelector("#map-scroll svg"),
                svg -> assertThat(svg).contains("Thailand").contains("Laos").doesNotContain("China"));
        // each country's own name beside the reader's, from the network's countries.csv (language and name_th)
        b.text(
                By.cssSelector("#map-scroll svg"),
                svg -> assertThat(svg).contains("ไทย · Thailand").contains("ລາວ · Laos"));
        b.texts(
                By.cssSelector("#map-scroll svg text.country tspan"),
                own -> assertThat(own).containsExactly("ไทย", "ລາວ"));
        assertThat(b.driver.findElements(By.cssSelector("#map-scroll svg text.country tspan[lang=th]")))
                .hasSize(1);
        b.text(By.id("map-tz"), tz -> assertThat(tz).contains("Asia/Bangkok").doesNotContain("Asia/Shanghai"));
        b.shot("pickers-1-map-bangkok");

        // remembered: the page without ?network= opens on it; in Thai the points are named in Thai
        b.driver.get(server.url("/"));
        assertThat(pointCodes("KTW")).endsWith("KSV");
        b.lang("th");
        b.text(By.id("map-summary"), shown -> assertThat(shown).contains("สถานีกลางกรุงเทพอภิวัฒน์"));
        b.shot("pickers-2-map-bangkok-th");
        b.lang("en");

        new Select(b.driver.findElement(By.id("network"))).selectByValue("china-laos");
        assertThat(pointCodes("KMG")).endsWith("VTS").doesNotContain("KTW");
        b.text(By.id("map-heading"), heading -> assertThat(heading).contains("China"));
        b.text(
                By.cssSelector("#map-scroll svg"),
                svg -> assertThat(svg).contains("中国 · China").contains("ລາວ · Laos"));
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void theMaintenancePageShowsTheBangkokLinesRegisterAndSavesAWindowOnIt() {
        b.signIn("somphone.pw", "password of somphone.pw", "/maintenance.html");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#assets-table tbody tr")));
        b.text(By.id("assets-table"), assets -> assertThat(assets).contains("BRG-LPB-MEKONG"));

        new Select(b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("network")))).selectByValue(VB);
        b.wait.until(d -> d.getCurrentUrl().contains("network=" + VB));
        // its whole register (no home km range): track from Bangkok, the bridge, no overhead line (not electrified)
        b.text(By.id("assets-table"), shown -> assertThat(shown).contains("TRK-KTW-"));
        b.shot("pickers-3-maintenance-bangkok-register");
        b.text(
                By.id("assets-table"),
                register -> assertThat(register)
                        .contains("Friendship Bridge")
                        .doesNotContain("OHL-")
                        .doesNotContain("BRG-LPB-MEKONG"));
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
        b.text(By.id("sky-table"), shown -> assertThat(shown).contains("VB-UDN-NKI-1"));
        b.text(By.id("sky-table"), windows -> assertThat(windows).contains("UDN – NKI"));
        // drawn on that network's diagram
        b.click(By.cssSelector("#sky-table tbody button"));
        b.wait.until(d -> Boolean.TRUE.equals(b.js("const i = document.getElementById('diagram');"
                + " return !i.hidden && i.complete && i.naturalWidth > 0")));
        b.attribute(
                By.id("diagram"),
                "src",
                src -> assertThat(src).contains("network=" + VB).contains("from="));
        b.shot("pickers-4-maintenance-bangkok-window");

        TestServer.Reply home = server.get("/api/maintenance/skylights", server.adminToken());
        assertThat(home.body()).doesNotContain("VB-UDN-NKI-1");
        assertThat(server.get("/api/maintenance/skylights?network=" + VB, server.adminToken())
                        .body())
                .contains("VB-UDN-NKI-1");

        // remembered on this browser, and back to home
        b.driver.get(server.url("/maintenance.html"));
        b.text(By.id("sky-table"), shown -> assertThat(shown).contains("VB-UDN-NKI-1"));
        new Select(b.driver.findElement(By.id("network"))).selectByValue("china-laos");
        b.text(By.id("assets-table"), shown -> assertThat(shown).contains("BRG-LPB-MEKONG"));
        b.text(By.id("sky-table"), windows -> assertThat(windows).doesNotContain("VB-UDN-NKI-1"));
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
        b.text(By.id("board-title"), shown -> assertThat(shown).contains("Nong Khai"));
        b.lang("th");
        b.text(By.id("board-title"), shown -> assertThat(shown).contains(thai));
        b.text(By.id("board-zone"), zone -> assertThat(zone).contains(year).contains("UTC+7"));
        b.shot("pickers-5-board-nong-khai-th");
        assertThat(b.consoleErrors()).isEmpty();
    }
}
