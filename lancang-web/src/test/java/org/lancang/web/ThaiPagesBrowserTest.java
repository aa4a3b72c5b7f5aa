package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19, part 5, in a real headless Chromium over every network of data/: the passenger pages in Thai (search,
 * book, My trips, the station board) with dates in the Buddhist Era, money in baht, Thai station names where the
 * network gives them, English elsewhere, and Thai script drawn by a real font. Screenshots: target/screenshots/thai-*.
 */
class ThaiPagesBrowserTest {
    private static final LocalDate DAY = TestDates.daysAhead(3);
    private static final String DATE = DAY.toString();
    /** The Buddhist Era counts from 543 BC: the year the Thai pages must show for DAY. */
    private static final String BE_YEAR = String.valueOf(DAY.getYear() + 543);

    private static TestServer server;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.everyNetwork();
        server.passenger("somsri", "สมศรี", "somsri password 1");
        server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"window7\",\"displayName\":\"window7\",\"password\":\"window7 password\","
                        + "\"roles\":[\"AGENT\"]}");
        b = new BrowserSupport(server, 1024, 760);
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

    /** Vientiane → Luang Prabang on DAY, paid in baht (a domestic Lao journey: a Thai reader is a visitor there). */
    private static void searchVientianeToLuangPrabangInBaht() {
        b.chooseStation("from", "Vient", "VTE");
        b.chooseStation("to", "Luang", "LPB");
        b.setValue(By.id("date"), DATE);
        new Select(b.field("currency")).selectByValue("THB");
        b.click(By.cssSelector("#search-form [type=submit]"));
    }

    @Test
    void theSearchPageInThaiShowsBuddhistEraDatesAndBahtButAsksTheApiInIsoDates() {
        b.driver.get(server.url("/book.html"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        b.lang("th");
        b.text(By.tagName("h1"), h1 -> assertThat(h1).isEqualTo("ตั๋วรถไฟ"));
        assertThat((String) b.js("return document.querySelector('meta[name=description]').content"))
                .contains("ซื้อตั๋วรถไฟ");
        b.text(
                By.cssSelector("[data-field=from] label"),
                label -> assertThat(label).isEqualTo("ต้นทาง"));
        searchVientianeToLuangPrabangInBaht();

        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.journey[data-train=C82]")));
        b.text(
                By.cssSelector("#results h2"),
                heading -> assertThat(heading)
                        .startsWith("รถไฟจาก")
                        .contains(" " + BE_YEAR)
                        .doesNotContain(String.valueOf(DAY.getYear())));
        b.text(
                By.cssSelector("li.journey[data-train=C82] tr[data-class=SECOND]"),
                second -> assertThat(second).contains("ชั้นสอง").contains("฿"));
        // what the page sent: the ISO Gregorian date and the baht
        @SuppressWarnings("unchecked")
        List<String> asked = (List<String>) b.js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes('/api/journeys?'))");
        assertThat(asked)
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).contains("date=" + DATE).contains("currency=THB"));
        b.shot("thai-1-search-th");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void aPassengerBooksInThaiAndSeesTheTicketInMyTripsWithABuddhistEraDate() {
        b.signIn("somsri", "somsri password 1", "/book.html");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        b.lang("th");
        searchVientianeToLuangPrabangInBaht();
        b.click(By.cssSelector("li.journey[data-train=C82] tr[data-class=SECOND] button"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        b.text(
                By.cssSelector("#details-form [type=submit]"),
                submit -> assertThat(submit).isEqualTo("จองที่นั่งไว้"));
        // a Thai reader in Laos is a visitor there: a passport, and Thai nationality offered first
        b.attribute(
                BrowserSupport.inField("passengers[0].documentType"),
                "value",
                chosen -> assertThat(chosen).isEqualTo("PASSPORT"));
        b.attribute(
                BrowserSupport.inField("passengers[0].nationality"),
                "value",
                chosen -> assertThat(chosen).isEqualTo("THA"));
        b.type(By.name("passengers[0].name"), "สมศรี ใจดี");
        b.type(By.name("passengers[0].documentNumber"), "AA1234567");
        b.setValue(By.name("passengers[0].documentExpiry"), "2032-01-01");
        b.shot("thai-2-book-details-th");
        b.click(By.cssSelector("#details-form [type=submit]"));
        b.click(By.cssSelector("[data-action=pay]"));
        String ticket = "article.booking[data-status=TICKETED]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ticket)));
        b.text(By.cssSelector(ticket + " .total"), total -> assertThat(total).startsWith("฿"));
        b.shot("thai-3-ticket-th");

        b.driver.get(server.url("/trips.html"));
        String card = "article.booking[data-status=TICKETED]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(card)));
        assertThat(b.js("return document.documentElement.lang")).isEqualTo("th"); // the choice is kept
        b.text(By.tagName("h1"), h1 -> assertThat(h1).isEqualTo("การเดินทางของฉัน"));
        b.text(
                By.cssSelector(card + " .booking-meta"),
                meta -> assertThat(meta)
                        .contains(BE_YEAR)
                        .contains("ชั้นสอง")
                        .doesNotContain(String.valueOf(DAY.getYear())));
        b.text(
                By.cssSelector(card),
                text -> assertThat(text)
                        .contains("สมศรี ใจดี")
                        .contains("ออกจาก")
                        .contains("ตั๋วเลขที่")
                        .contains("฿")
                        .contains("Vientiane")); // the China–Laos line gives no Thai names: English, not a code
        b.text(By.cssSelector(card + " .badge"), badge -> assertThat(badge).isEqualTo("ออกตั๋วแล้ว"));
        b.shot("thai-4-my-trips-th");
        assertThat(b.consoleErrors()).isEmpty();
    }

    /**
     * The border note names the documents the journey takes across its border, from the network's documents.csv: on
     * the bridge from Krung Thep Aphiwat to Khamsavath a temporary border pass as well as a passport (in English and in
     * Thai), across the China–Laos border a passport only.
     */
    @Test
    void theBorderNoteNamesTheDocumentsThatCrossThatBorder() {
        b.driver.get(server.url("/book.html?from=KTW&to=KSV&date=" + DATE));
        By bridge = By.cssSelector("li.journey[data-train='133'] .border-note");
        b.text(bridge, note -> assertThat(note).contains("Passport").contains("Temporary border pass"));
        b.lang("th");
        b.text(bridge, note -> assertThat(note).contains("หนังสือเดินทาง").contains("บัตรผ่านแดนชั่วคราว"));
        b.shot("thai-border-note-bridge-th");
        b.lang("lo"); // Chromium's list format may not know Lao: "or" is then the page's own word, not English
        b.text(bridge, note -> assertThat(note).contains("ໜັງສືຜ່ານແດນ ຫຼື ບັດຜ່ານແດນຊົ່ວຄາວ"));

        b.lang("en");
        b.driver.get(server.url("/book.html?from=KMS&to=VTE&date=" + DATE));
        By chinaLaos = By.cssSelector("li.journey[data-train=D87] .border-note");
        b.text(
                chinaLaos,
                note -> assertThat(note)
                        .contains("the documents that take you across: Passport.")
                        .doesNotContainIgnoringCase("border pass"));
        b.lang("th");
        b.text(chinaLaos, note -> assertThat(note).contains("หนังสือเดินทาง").doesNotContain("บัตรผ่านแดน"));
        assertThat(b.consoleErrors()).isEmpty();
    }

    /**
     * Issue 19, documents as data, in Thai: 133 Krung Thep Aphiwat → Udon Thani is a Thai domestic trip, so the form
     * offers the Thai ID card first (named in Thai from documents.csv, no expiry asked) and no border pass; a number
     * whose check digit is wrong is refused beside the number field, in Thai; the right one books and pays.
     */
    @Test
    void aThaiReaderBooksAThaiTripWithTheThaiIdCardAndAWrongCheckDigitIsShownAtTheNumber() {
        b.signIn("somsri", "somsri password 1", "/book.html");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        b.lang("th");
        b.chooseStation("from", "Aphiwat", "KTW");
        b.chooseStation("to", "Udon", "UDN");
        b.setValue(By.id("date"), DATE);
        new Select(b.field("currency")).selectByValue("THB");
        b.click(By.cssSelector("#search-form [type=submit]"));
        b.click(By.cssSelector("li.journey[data-train='133'] tr[data-class=HARD_SEAT] button"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));

        By document = BrowserSupport.inField("passengers[0].documentType");
        b.attribute(document, "value", chosen -> assertThat(chosen).isEqualTo("THAI_ID_CARD"));
        b.chosenText(document, chosen -> assertThat(chosen).isEqualTo("บัตรประจำตัวประชาชน"));
        b.until(
                d -> d.findElements(By.cssSelector("[data-field='passengers[0].documentType'] option")).stream()
                        .map(o -> o.getAttribute("value"))
                        .toList(),
                codes -> assertThat(codes).contains("THAI_ID_CARD", "PASSPORT").doesNotContain("BORDER_PASS"));
        b.attribute(
                BrowserSupport.inField("passengers[0].nationality"),
                "value",
                chosen -> assertThat(chosen).isEqualTo("THA"));
        By expiry = By.cssSelector("[data-field='passengers[0].documentExpiry']");
        b.displayed(
                expiry,
                shown -> assertThat(shown).as("no expiry for the ID card").isFalse());
        new Select(b.field("passengers[0].documentType")).selectByValue("PASSPORT");
        b.displayed(
                expiry,
                shown -> assertThat(shown).as("a passport's expiry is asked").isTrue());
        new Select(b.field("passengers[0].documentType")).selectByValue("THAI_ID_CARD");
        b.displayed(expiry, shown -> assertThat(shown).isFalse());

        b.type(By.name("passengers[0].name"), "สมศรี ใจดี");
        // 1234567890121 is a Thai ID number (its check digit 1); the same twelve digits with a 2 are not
        b.type(By.name("passengers[0].documentNumber"), "1234567890122");
        b.click(By.cssSelector("#details-form [type=submit]"));
        By error = By.cssSelector("[data-field='passengers[0].documentNumber'] .field-error");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(error));
        b.text(error, said -> assertThat(said).contains("เลขตรวจสอบ"));
        b.attribute(
                BrowserSupport.inField("passengers[0].documentNumber"),
                "aria-invalid",
                invalid -> assertThat(invalid).isEqualTo("true"));
        assertThat(b.driver.findElements(By.cssSelector("[data-action=pay]"))).isEmpty();
        b.shot("thai-7-id-card-check-digit-th");
        // the refusal is the server's answer, which the browser logs: nothing else went wrong
        assertThat(b.consoleErrors()).allSatisfy(e -> assertThat(e).contains("/api/bookings", "400"));

        b.field("passengers[0].documentNumber").clear();
        b.type(By.name("passengers[0].documentNumber"), "1234567890121");
        b.click(By.cssSelector("#details-form [type=submit]"));
        b.click(By.cssSelector("[data-action=pay]"));
        String ticket = "article.booking[data-status=TICKETED]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ticket)));
        b.text(
                By.cssSelector(ticket + " .passenger-list"),
                text -> assertThat(text).contains("บัตรประจำตัวประชาชน 1234567890121"));
        b.shot("thai-8-id-card-ticket-th");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void theStationBoardInThaiDatesTheDayInTheBuddhistEra() {
        b.driver.get(server.url("/board.html?station=VTE"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#departures table, #departures p")));
        b.lang("th");
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-title"), "ขบวนออกและขบวนเข้า"));
        // the board shows the server's day (its clock is the tests' one), not the browser's
        String beYear = String.valueOf(TestDates.today().getYear() + 543);
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-zone"), "รถไฟวันที่"));
        b.text(By.id("board-zone"), zone -> assertThat(zone).contains(beYear).contains("เวลาท้องถิ่น: UTC+7"));
        b.text(By.id("dep-h"), heading -> assertThat(heading).isEqualTo("ขบวนออก"));
        b.text(By.id("board-title"), title -> assertThat(title).contains("Vientiane"));
        assertThat((String) b.js("return document.querySelector('meta[name=description]').content"))
                .contains("ขบวนออก");
        b.shot("thai-5-board-th");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void pointsOfTheBangkokLineAreNamedInThaiAndInEnglishOtherwise() {
        b.driver.get(server.url("/book.html?lang=th"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        assertThat(stationNames("KTW", "KSV", "VTE"))
                .containsExactly("สถานีกลางกรุงเทพอภิวัฒน์", "เวียงจันทน์ คำสะหวาด", "Vientiane");
        b.lang("en");
        List<String> english = stationNames("KTW", "KSV");
        assertThat(english.get(0)).startsWith("Krung Thep Aphiwat");
        assertThat(english.get(1)).contains("Khamsavath");
    }

    /** The stations' names as the ticket pages name them, in the page's language (lib/tickets.js, loaded here). */
    @SuppressWarnings("unchecked")
    private static List<String> stationNames(String... codes) {
        return (List<String>) ((JavascriptExecutor) b.driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; const codes = arguments[0];"
                                + "import('/lib/tickets.js').then(m => m.loadStations()"
                                + ".then(() => done(codes.map(c => m.stationName(c)))));",
                        List.of(codes));
    }

    @Test
    void thaiIsOfferedOnThePassengerPagesOnlyAndElsewhereFallsBackToEnglish() {
        for (String page : new String[] {"/", "/book.html", "/board.html", "/signin.html", "/register.html"}) {
            b.driver.get(server.url(page + "?lang=th"));
            b.wait.until(d -> "th".equals(b.js("return document.documentElement.lang")));
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lang-switch button[lang=th]")));
            b.text(
                    By.cssSelector(".lang-switch button[lang=th]"),
                    thai -> assertThat(thai).isEqualTo("ไทย"));
            assertThat(b.driver.getTitle()).as(page).endsWith("· Lancang").matches(".*[\\u0E01-\\u0E5B].*");
        }
        // the ticket window is in three languages: a stored Thai shows it in English, and Thai stays stored
        b.signIn("window7", "window7 password", "/agent.html");
        b.js("localStorage.setItem('lancang.lang', 'th')");
        b.driver.get(server.url("/agent.html"));
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lang-switch button[lang=en]")));
        assertThat(b.js("return document.documentElement.lang")).isEqualTo("en");
        assertThat(b.driver.findElements(By.cssSelector(".lang-switch button[lang=th]")))
                .isEmpty();
        assertThat(b.js("return localStorage.getItem('lancang.lang')")).isEqualTo("th");
    }

    /**
     * Thai script is drawn by a real font, not as boxes: where no font has Thai, every letter is the same missing-glyph
     * box, so ก and ข drawn in the page's font would give the same pixels (checked with a fontconfig that hides the
     * Thai fonts); with a Thai font they differ, and neither is blank.
     */
    @Test
    void thaiRendersWithARealFont() {
        b.driver.get(server.url("/book.html?lang=th"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) b.js("const font = getComputedStyle(document.querySelector('h1')).font;"
                + "const draw = (text) => { const canvas = document.createElement('canvas');"
                + " canvas.width = 96; canvas.height = 64; const c = canvas.getContext('2d'); c.font = font;"
                + " c.fillText(text, 8, 48); return canvas.toDataURL(); };"
                + "return [draw('\\u0E01'), draw('\\u0E02'), draw(' ')];");
        assertThat(drawn.get(0)).as("ก drawn").isNotEqualTo(drawn.get(2));
        assertThat(drawn.get(0))
                .as("ก and ข are different glyphs, not the same box")
                .isNotEqualTo(drawn.get(1));
        assertThat((String) b.js("return getComputedStyle(document.querySelector('h1')).fontFamily"))
                .contains("Loma");
        b.shot("thai-6-glyphs-th");
    }
}
