package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The shipper's flow in Lao in a real headless Chromium (request a path, book reefer boxes, fill in the consignment
 * note with a wrong HS code refused beside its field in Lao, then right; see the quote), and the freight office's
 * approval, after which the train is in the timetable on its date.
 */
class FreightBrowserTest {
    static final String TOMORROW = TestDates.daysAhead(1).toString();
    static TestServer server;
    static BrowserSupport b;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        String admin = server.adminToken();
        for (String[] u : new String[][] {{"lao.shipper", "SHIPPER"}, {"office.one", "FREIGHT_OFFICE"}}) {
            TestServer.Reply r = server.postJson(
                    "/api/users",
                    admin,
                    "{\"username\":\"" + u[0] + "\",\"displayName\":\"" + u[0] + "\",\"password\":\"password of " + u[0]
                            + "\",\"roles\":[\"" + u[1] + "\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        b = new BrowserSupport(server, 1280, 1600);
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

    /** What following the link {@code id} gives with the page's own session: the status and the content type. */
    static String download(BrowserSupport b, String id) {
        return String.valueOf(b.js(
                "const x = new XMLHttpRequest(); x.open('GET', document.getElementById(arguments[0])"
                        + ".href, false); x.send(); return x.status + ' ' + x.getResponseHeader('Content-Type');",
                id));
    }

    @Test
    void aShipperBooksInLaoAndTheFreightOfficeApproves() {
        b.fresh();
        b.signIn("lao.shipper", "password of lao.shipper", "/freight.html");
        b.wait.until(d -> d.getCurrentUrl().endsWith("/freight.html"));
        b.click(By.cssSelector(".lang-switch button[lang=lo]"));
        b.wait.until(d -> "lo".equals(b.js("return document.documentElement.lang")));
        b.wait.until(d -> d.findElements(By.cssSelector("#from option")).size() >= 2);
        b.text(By.id("request-heading"), heading -> assertThat(heading).isEqualTo("ຂໍເສັ້ນເດີນລົດ"));
        b.setValue(By.id("earliest"), TOMORROW + "T08:00");
        b.click(By.cssSelector("#request-form [type=submit]"));
        By answer = By.cssSelector("#answer [data-status]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(answer));
        b.attribute(
                answer,
                "data-status",
                status -> assertThat(status).as(b.text(answer)).isEqualTo("PROPOSED"));
        b.text(answer, text -> assertThat(text).startsWith("ພົບເສັ້ນເດີນລົດ"));
        BrowserSupport.assertLaoDateTime(
                b.text(answer)); // the departure and arrival in Lao, not in the browser's en-US
        b.driver.findElement(By.id("count")).clear();
        b.type(By.id("count"), "2");
        b.click(By.cssSelector("#book-form [type=submit]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-section")));
        b.wait.until(d -> d.findElements(By.cssSelector("input.seal")).size() == 2);
        b.type(By.id("consignor-name"), "ບໍລິສັດ ສົ່ງອອກໝາກໄມ້ ວຽງຈັນ");
        b.type(By.id("consignor-address"), "ບ້ານທ່ານາແລ້ງ, ນະຄອນຫຼວງວຽງຈັນ");
        b.type(By.id("consignee-name"), "Kunming Fresh Import Ltd");
        b.type(By.id("consignee-address"), "Guandu District, Kunming");
        List<WebElement> seals = b.driver.findElements(By.cssSelector("input.seal"));
        for (int i = 0; i < seals.size(); i++) {
            seals.get(i).sendKeys("SL20" + i + "77");
        }
        b.type(By.id("goods"), "ທຸລຽນສົດ (fresh durian)");
        b.type(By.id("hs"), "999999");
        b.type(By.id("packages"), "400");
        b.type(By.id("gross"), "44000");
        b.type(By.id("temp"), "4");
        b.type(By.id("value"), "60000");
        b.click(By.cssSelector("#note-form [type=submit]"));
        By error = By.cssSelector("[data-field='goods[0].hsCode'] .field-error");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(error));
        b.text(error, text -> assertThat(text).isEqualTo("ບໍ່ຮູ້ຈັກລະຫັດ HS ນີ້."));
        b.shot("freight-note-refused-lo");
        b.driver.findElement(By.id("hs")).clear();
        b.type(By.id("hs"), "0810.60");
        b.click(By.cssSelector("#note-form [type=submit]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consignment-number")));
        b.text(By.id("consignment-number"), number -> assertThat(number).contains("LC"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-total")));
        b.text(
                By.id("quote-total"),
                total -> assertThat(total).contains("LAK").contains("CNY").contains("USD"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-pdf")));
        b.text(By.id("note-pdf"), pdf -> assertThat(pdf).isEqualTo("ດາວໂຫຼດໃບນຳສົ່ງສິນຄ້າ (PDF)"));
        // the link downloads the PDF with the page's own session
        assertThat(download(b, "note-pdf")).isEqualTo("200 application/pdf");
        b.shot("freight-shipper-lo");

        b.fresh();
        b.signIn("office.one", "password of office.one", "/freight-office.html");
        b.wait.until(d -> d.getCurrentUrl().endsWith("/freight-office.html"));
        b.click(By.cssSelector("article.request[data-status=PROPOSED] [data-action=approve]"));
        By approved = By.cssSelector("article.request[data-status=APPROVED]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(approved));
        String train = b.text(approved).split(" · ")[1];
        b.click(By.cssSelector("article.request[data-status=APPROVED] .btn-link"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#diagram img")));
        b.wait.until(d -> Boolean.TRUE.equals(
                b.js("const i = document.querySelector('#diagram img'); return i.complete && i.naturalWidth > 0")));
        b.shot("freight-office-approved");
        JsonNode t = server.get("/api/timetable/trains/" + train + "?date=" + TOMORROW)
                .json();
        assertThat(t.get("runsOnDate").asBoolean()).as(t.toString()).isTrue();
        // the browser logs every non-2xx answer; only those the flow expects may be there (signed out, the bad note)
        assertThat(b.consoleErrors())
                .allMatch(m ->
                        m.contains("/api/auth/me") && m.contains("401") || m.contains("/note") && m.contains("400"));
    }

    /**
     * The offset the freight page sends with a typed local time is the origin zone's at that date and time, for any
     * zone (not only the China–Laos ones): Oslo's summer and winter, Newfoundland's half hour; the expected offsets
     * are Java's own zone rules.
     */
    @Test
    void aViaThatIsNotAJunctionIsShownAtItsField() {
        b.fresh();
        b.signIn("lao.shipper", "password of lao.shipper", "/freight.html");
        b.wait.until(d -> d.getCurrentUrl().endsWith("/freight.html"));
        b.wait.until(d -> d.findElements(By.cssSelector("#from option")).size() >= 2);
        b.setValue(By.id("earliest"), TOMORROW + "T08:00");
        b.type(By.id("via"), "mhn");
        b.click(By.cssSelector("#request-form [type=submit]"));
        WebElement error = b.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='via'] .field-error")));
        // China–Laos is one line: Mohan is no junction, and the server's words say so at the field
        assertThat(error.getText()).contains("MHN");
        assertThat(b.driver.findElements(By.cssSelector("#answer [data-status]")))
                .isEmpty();
    }

    @Test
    void theOffsetOfAnyZoneIsThatAtTheLocalTimeTyped() {
        b.fresh();
        b.signIn("lao.shipper", "password of lao.shipper", "/freight.html");
        b.wait.until(d -> d.getCurrentUrl().endsWith("/freight.html"));
        int year = TestDates.today().getYear() + 1;
        List<String[]> asked = List.of(
                new String[] {"Europe/Oslo", year + "-07-01T08:00"},
                new String[] {"Europe/Oslo", year + "-01-15T08:00"},
                new String[] {"America/St_Johns", year + "-01-15T08:00"},
                new String[] {"Asia/Vientiane", year + "-01-15T08:00"});
        for (String[] a : asked) {
            Object got = b.js(
                    "return import('/lib/zones.js').then(m => m.offsetAt(arguments[0], arguments[1]));", a[0], a[1]);
            String expected = ZoneId.of(a[0])
                    .getRules()
                    .getOffset(LocalDateTime.parse(a[1]))
                    .getId();
            assertThat(got).as("%s at %s", a[0], a[1]).isEqualTo(expected);
        }
    }
}
