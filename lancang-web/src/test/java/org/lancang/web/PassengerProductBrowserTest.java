package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15 (the passenger's product) in a real headless Chromium, each item in the language its problem was seen in,
 * with screenshots in target/screenshots/product-*.png.
 */
class PassengerProductBrowserTest {
    private static final String DATE = TestDates.daysAhead(3).toString();

    private static TestServer server;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer();
        server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"window9\",\"displayName\":\"Window 9\","
                        + "\"password\":\"agent password\",\"roles\":[\"AGENT\"]}");
        server.passenger("bounmy", "Bounmy", "bounmy password 1");
        b = new BrowserSupport(server, 1024, 700);
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

    @BeforeEach
    void fresh() {
        b.fresh();
        b.consoleErrors();
    }

    private static void fillPassenger(String name, String number) {
        b.type(By.name("passengers[0].name"), name);
        new Select(b.field("passengers[0].documentType")).selectByValue("PASSPORT");
        new Select(b.field("passengers[0].nationality")).selectByValue("LAO");
        b.type(By.name("passengers[0].documentNumber"), number);
        b.setValue(By.name("passengers[0].documentExpiry"), "2032-02-03");
    }

    private static void lang(String code) {
        b.click(By.cssSelector(".lang-switch button[lang=" + code + "]"));
        b.wait.until(d -> code.equals(b.js("return document.documentElement.lang")));
    }

    /** Item 1, seen in English: every page that shows a booking shows its reference and local times with zones. */
    @Test
    void theTicketPayStepTripsAndTheWindowShowTheReferenceAndLocalTimesWithZones() {
        b.signIn("bounmy", "bounmy password 1", "/book.html?from=KMS&to=VTE&date=" + DATE);
        b.click(By.cssSelector("li.journey[data-train=D87] tr[data-class=SECOND] button"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        fillPassenger("Bounmy Keo", "PB700001");
        b.click(By.cssSelector("#details-form [type=submit]"));

        // the pay step
        String card = "article.booking[data-status=HELD]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(card)));
        String reference = b.text(
                By.cssSelector(card + " .reference"), shown -> assertThat(shown).matches("[2-9A-HJKMNP-Z]{7}"));
        String departure = b.text(
                By.cssSelector(card + " .journey-times .departure"),
                shown -> assertThat(shown)
                        .contains("08:00")
                        .contains("Asia/Shanghai")
                        .contains("UTC+8"));
        String arrival = b.text(
                By.cssSelector(card + " .journey-times .arrival"),
                shown -> assertThat(shown)
                        .contains("Asia/Vientiane")
                        .contains("UTC+7")
                        .matches(".*\\d\\d:\\d\\d.*"));
        String id = b.attribute(
                By.cssSelector(card), "data-id", shown -> assertThat(shown).isNotBlank());
        b.text(By.cssSelector(card), shown -> assertThat(shown).doesNotContain(id)); // the UUID is not shown
        b.shot("product-1a-pay-step-en");

        // the ticket with its QR code
        b.click(By.cssSelector("[data-action=pay]"));
        String ticket = "article.booking[data-status=TICKETED]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ticket)));
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ticket + " img.qr")));
        b.text(
                By.cssSelector(ticket + " .reference"),
                shown -> assertThat(shown).isEqualTo(reference));
        b.text(
                By.cssSelector(ticket + " .journey-times .departure"),
                shown -> assertThat(shown).isEqualTo(departure));
        b.text(
                By.cssSelector(ticket + " .journey-times .arrival"),
                shown -> assertThat(shown).isEqualTo(arrival));
        b.shot("product-1b-ticket-qr-en");

        // My trips
        b.driver.get(server.url("/trips.html"));
        String trip = "#bookings article.booking[data-status=TICKETED]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(trip)));
        b.text(By.cssSelector(trip + " .reference"), shown -> assertThat(shown).isEqualTo(reference));
        b.text(
                By.cssSelector(trip + " .journey-times .departure"),
                shown -> assertThat(shown).isEqualTo(departure));
        b.shot("product-1c-trips-en");

        // the agent at the window, finding it by the reference read out (in lower case, with a space)
        b.fresh();
        b.signIn("window9", "agent password", "/agent.html");
        b.type(By.id("q"), reference.toLowerCase().substring(0, 3) + " " + reference.substring(3));
        b.click(By.cssSelector("#find-form [type=submit]"));
        String found = "#found article.booking";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(found)));
        b.text(By.cssSelector(found + " .reference"), shown -> assertThat(shown).isEqualTo(reference));
        b.text(
                By.cssSelector(found + " .journey-times .arrival"),
                shown -> assertThat(shown).isEqualTo(arrival));
        b.shot("product-1d-agent-search-en");
        assertThat(b.consoleErrors()).isEmpty();
    }

    /** Item 3, seen in Chinese: a signed-out buyer is asked to sign in before the form, and comes back to the train. */
    @Test
    void aSignedOutBuyerRegistersBeforeThePassengerFormAndComesBackToTheChosenTrain() {
        b.driver.get(server.url("/book.html"));
        lang("zh");
        b.chooseStation("from", "昆明南", "KMS");
        b.chooseStation("to", "万象", "VTE");
        b.setValue(By.id("date"), DATE);
        b.click(By.cssSelector("#search-form [type=submit]"));
        b.click(By.cssSelector("li.journey[data-train=D87] tr[data-class=FIRST] button"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-to-book")));
        assertThat(b.driver.findElements(By.id("details-form")))
                .as("no form before signing in")
                .isEmpty();
        b.text(By.cssSelector("#step h2"), heading -> assertThat(heading).contains("登录"));
        b.shot("product-3a-sign-in-first-zh");

        b.click(By.id("register-to-book"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-form")));
        b.type(By.id("username"), "lihua");
        b.type(By.id("displayName"), "李华");
        b.type(By.id("password"), "lihua password 1");
        b.type(By.id("password2"), "lihua password 1");
        b.click(By.cssSelector("#register-form [type=submit]"));

        // back on the ticket page, signed in, with the search done and D87 first class chosen
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        assertThat(b.driver.getCurrentUrl()).contains("/book.html").contains("train=D87");
        b.attribute(
                BrowserSupport.inField("from"),
                "data-code",
                from -> assertThat(from).isEqualTo("KMS"));
        b.attribute(
                BrowserSupport.inField("to"), "data-code", to -> assertThat(to).isEqualTo("VTE"));
        b.text(
                By.cssSelector(".choice-summary"),
                choice -> assertThat(choice).contains("D87").contains("一等座"));
        b.displayed(By.id("details-form"), shown -> assertThat(shown).isTrue());
        b.text(By.cssSelector(".user-name"), user -> assertThat(user).contains("李华"));
        b.shot("product-3b-back-to-the-train-zh");
    }

    /** Item 4, seen in Lao: every station has its Lao name, and ຫຼ typed either way finds Luang Prabang. */
    @Test
    void theLaoSearchFindsLuangPrabangSpelledEitherWayAndChineseStationsHaveLaoNames() {
        b.driver.get(server.url("/book.html"));
        lang("lo");
        // ຫຼວງ with the subscript lo (U+0EBC): the data file writes ຫລວງ
        WebElement to = b.field("to");
        to.sendKeys("\u0eab\u0ebc\u0ea7\u0e87");
        By option = By.cssSelector("[data-field=to] li[role=option][data-code=LPB]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(option));
        b.text(option, shown -> assertThat(shown).contains("\u0eab\u0ea5\u0ea7\u0e87\u0e9e\u0eb0\u0e9a\u0eb2\u0e87"));
        b.shot("product-4a-lao-search-lo");
        b.click(option);
        // a Chinese station, typed in traditional Chinese, shows its Lao name
        b.chooseStation("from", "西雙版納", "XSB");
        b.attribute(
                BrowserSupport.inField("from"),
                "value",
                from -> assertThat(from).isEqualTo("ສິບສອງພັນນາ"));
        b.setValue(By.id("date"), DATE);
        b.click(By.cssSelector("#search-form [type=submit]"));
        By results = By.cssSelector("#results li.journey");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(results));
        b.text(results, shown -> assertThat(shown).contains("ສິບສອງພັນນາ").doesNotContain("Xishuangbanna"));
        // every passenger station of the list has a name in Lao script
        @SuppressWarnings("unchecked")
        List<String> names =
                (List<String>) b.js("return [...document.querySelectorAll('[data-field=from] input')].map(() => 0) &&"
                        + " fetch('/api/stations').then(r => r.json()).then(s => s.map(x => x.names.lo))");
        assertThat(names).isNotEmpty().allMatch(n -> n.codePoints().anyMatch(c -> c >= 0x0E80 && c <= 0x0EFF));
        b.shot("product-4b-lao-names-lo");
    }

    /**
     * Item 10, seen at the Vientiane window in English: kip by default, fares rounded, names instead of codes, kept
     * seats said so; and the signed-out home page keeps its layout and logs no error.
     */
    @Test
    void theVientianeWindowSellsInKipWithNamesRoundedFaresAndKeptSeatsSaid() {
        b.signIn("window9", "agent password", "/agent.html");
        b.chooseStation("from", "Vientiane", "VTE");
        b.chooseStation("to", "Luang", "LPB");
        b.attribute(
                BrowserSupport.inField("currency"),
                "value",
                currency -> assertThat(currency).isEqualTo("LAK"));
        b.setValue(By.id("date"), DATE);
        b.click(By.cssSelector("#search-form [type=submit]"));
        String d88 = "li.journey[data-train=D88]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(d88)));
        b.text(
                By.id("results"),
                text -> assertThat(text)
                        .contains("₭")
                        .doesNotContain("CR_KUNMING")
                        .doesNotContain("LCR ")
                        .doesNotContain("HXD3C_25G"));
        b.text(
                By.cssSelector(d88 + " .journey-head"),
                head -> assertThat(head).contains("Laos–China Railway Company").contains("CR200J EMU"));
        b.text(
                By.cssSelector(d88 + " tr[data-class=FIRST]"),
                first -> assertThat(first)
                        .contains("Kept for cross-border passengers")
                        .doesNotContain("Sold out"));
        b.shot("product-10a-vientiane-window-en");

        // Kunming South – Vientiane in yuan: a whole half yuan, as China Railway prices it
        b.driver.get(server.url("/book.html?from=KMS&to=VTE&currency=CNY&date=" + DATE));
        By fare = By.cssSelector("li.journey[data-train=D87] tr[data-class=SECOND] .fare");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(fare));
        b.text(fare, shown -> assertThat(shown).matches(".*\\d\\.(00|50)$"));
        b.shot("product-10b-fare-rounded-en");
    }

    @Test
    void theSignedOutHomePageReservesTheMapsSpaceAndLogsNoError() {
        b.driver.manage().deleteAllCookies();
        b.driver.get(server.url("/"));
        b.wait.until(d -> !d.findElements(By.cssSelector("#map-scroll svg")).isEmpty());
        b.wait.until(
                d -> !d.findElements(By.cssSelector("#points-table tbody tr")).isEmpty());
        double cls = ((Number) b.js("return new Promise(done => { let sum = 0;"
                        + " new PerformanceObserver(list => { for (const e of list.getEntries())"
                        + " if (!e.hadRecentInput) sum += e.value; })"
                        + ".observe({type: 'layout-shift', buffered: true});"
                        + " setTimeout(() => done(sum), 500); })"))
                .doubleValue();
        System.out.printf("home page, signed out, 1024×700: cumulative layout shift %.4f%n", cls);
        assertThat(cls).as("cumulative layout shift").isLessThan(0.1);
        b.shot("product-10c-home-en");
        // the space kept for the map holds the map drawn in each language
        for (String lang : List.of("zh", "lo", "en")) {
            lang(lang);
            double drawn = ((Number) b.js(
                            "return document.querySelector('#map-scroll svg').getBoundingClientRect()" + ".height"))
                    .doubleValue();
            double kept = ((Number) b.js("return parseFloat(getComputedStyle(document.getElementById('map-scroll'))"
                            + ".minHeight)"))
                    .doubleValue();
            assertThat(drawn)
                    .as("map height in " + lang + " (kept " + kept + ")")
                    .isLessThanOrEqualTo(kept);
            assertThat(drawn).as("map height in " + lang).isGreaterThan(kept * 0.6);
        }
        for (String page : List.of("/book.html", "/signin.html", "/register.html")) {
            b.driver.get(server.url(page));
            b.wait.until(
                    d -> !d.findElements(By.cssSelector("#site-header .user")).isEmpty());
        }
        assertThat(b.consoleErrors()).as("console errors signed out").isEmpty();
    }

    /**
     * Item 7, on a phone (360×740): the signed-in header is two short rows, the first trains show right after Search,
     * and a field's "required" message goes once it is filled in.
     */
    @Test
    void onAPhoneTheHeaderIsShortTheTrainsShowAfterSearchAndFilledFieldsLoseTheirMessage() throws IOException {
        try (BrowserSupport phone = new BrowserSupport(server, 360, 740)) {
            phone.fresh();
            phone.signIn("bounmy", "bounmy password 1", "/book.html");
            double viewport = ((Number) phone.js("return window.innerHeight")).doubleValue();
            double header = ((Number)
                            phone.js("return document.getElementById('site-header').getBoundingClientRect().height"))
                    .doubleValue();
            assertThat(header).as("header height of " + viewport).isLessThan(viewport * 0.16);
            phone.shot("product-7a-phone-header-en");

            phone.chooseStation("from", "Vientiane", "VTE");
            phone.chooseStation("to", "Luang Prabang", "LPB");
            phone.setValue(By.id("date"), DATE);
            phone.click(By.cssSelector("#search-form [type=submit]"));
            phone.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results li.journey")));
            // the first result as last drawn, found in the script itself
            phone.wait.until(d -> ((Number) phone.js(
                                    "return document.querySelector('#results li.journey').getBoundingClientRect().top"))
                            .doubleValue()
                    < viewport * 0.5);
            phone.shot("product-7b-phone-results-en");

            phone.click(By.cssSelector("#results li.journey tr[data-class=SECOND] button"));
            phone.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
            phone.click(By.cssSelector("#details-form [type=submit]"));
            phone.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-field='passengers[0].name'] .field-error")));
            phone.type(By.name("passengers[0].name"), "Bounmy Keo");
            assertThat(phone.driver.findElements(By.cssSelector("[data-field='passengers[0].name'] .field-error")))
                    .as("the filled field's message is gone")
                    .isEmpty();
            phone.attribute(
                    By.name("passengers[0].name"),
                    "aria-invalid",
                    invalid -> assertThat(invalid).isNull());
            assertThat(phone.driver.findElements(
                            By.cssSelector("[data-field='passengers[0].documentNumber'] .field-error")))
                    .as("the empty field's message stays")
                    .hasSize(1);
            phone.shot("product-7c-phone-form-en");
        }
    }
}
