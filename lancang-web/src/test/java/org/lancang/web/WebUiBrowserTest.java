package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium) against the real
 * server and database: the four scenarios of the web UI issue, each leaving screenshots in target/screenshots/ (the
 * planner's scenarios are in PlannerAndMaintenanceBrowserTest since timetable changes go through drafts).
 */
class WebUiBrowserTest {
    /** Three days ahead: inside every operator's sales window (LCR sells 7 days ahead), and a 5 % refund fee. */
    private static final String DATE = TestDates.daysAhead(3).toString();

    private static TestServer server;
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer();
        String admin = server.adminToken();
        server.postJson(
                "/api/users",
                admin,
                "{\"username\":\"window3\",\"displayName\":\"Window 3\","
                        + "\"password\":\"agent password\",\"roles\":[\"AGENT\"]}");
        server.postJson(
                "/api/users",
                admin,
                "{\"username\":\"planner1\",\"displayName\":\"Planner One\","
                        + "\"password\":\"planner password\",\"roles\":[\"PLANNER\"]}");
        // the browser's console is kept too, to prove the Content-Security-Policy blocks nothing the pages do
        b = new BrowserSupport(server, 1024, 600);
        driver = b.driver;
        wait = b.wait;
    }

    @AfterAll
    static void stop() {
        BrowserSupport.close(b, server);
    }

    /** Whatever a scenario did, the browser refused nothing under the server's Content-Security-Policy. */
    @AfterEach
    void nothingWasRefusedByTheContentSecurityPolicy() {
        List<String> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
        assertThat(refused).as("refused by the Content-Security-Policy").isEmpty();
    }

    @Test
    void theApiExplorerWorksUnderTheContentSecurityPolicy() {
        driver.get(server.url("/api-docs"));
        wait.until(d -> !d.findElements(By.cssSelector("#swagger-ui .opblock")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#swagger-ui .opblock"))).hasSizeGreaterThan(20);
    }

    /** Every scenario starts signed out, in English. */
    @BeforeEach
    void freshBrowser() {
        driver.get(server.url("/signin.html"));
        driver.manage().deleteAllCookies();
        b.js("localStorage.clear()");
    }

    @Test
    void aPassengerRegistersBooksACrossBorderSeatInLaoPaysSeesTheQrCodeAndCancelsWithTheFee() {
        driver.get(server.url("/register.html"));
        b.type(By.id("username"), "somchai");
        b.type(By.id("displayName"), "Somchai");
        b.type(By.id("password"), "somchai password 1");
        b.type(By.id("password2"), "somchai password 1");
        b.click(By.cssSelector("#register-form [type=submit]"));
        wait.until(ExpectedConditions.urlToBe(server.url("/")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".user-name"), "Somchai"));

        b.click(By.cssSelector(".lang-switch button[lang=lo]"));
        wait.until(d -> "lo".equals(b.js("return document.documentElement.lang")));
        b.click(By.cssSelector("nav a[href='/book.html']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        b.text(By.tagName("h1"), h1 -> assertThat(h1).isEqualTo("ປີ້ລົດໄຟ"));

        b.chooseStation("from", "昆明", "KMS"); // typed in Chinese in the Lao page
        b.chooseStation("to", "ວຽງຈັນ", "VTE");
        b.attribute(
                By.cssSelector("[data-field=to] input"),
                "value",
                to -> assertThat(to).isEqualTo("ນະຄອນຫຼວງວຽງຈັນ"));
        b.setValue(By.id("date"), DATE);
        b.click(By.cssSelector("#search-form [type=submit]"));

        String d887 = "li.journey[data-train=D87]";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(d887)));
        String[] laoMonths = {
            "ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ", "ພະຈິກ",
            "ທັນວາ"
        };
        String month = laoMonths[LocalDate.parse(DATE).getMonthValue() - 1];
        b.text(By.cssSelector("#results h2"), heading -> assertThat(heading).contains(" " + month + " "));
        b.text(
                By.cssSelector(d887 + " .border-badge"),
                badge -> assertThat(badge).isEqualTo("ຂ້າມຊາຍແດນ"));
        b.text(
                By.cssSelector(d887 + " .dep"),
                dep -> assertThat(dep).contains("08:00").contains("UTC+8"));
        b.text(
                By.cssSelector(d887 + " .arr"),
                arr -> assertThat(arr).contains("UTC+7").contains("ນະຄອນຫຼວງວຽງຈັນ"));
        b.text(
                By.cssSelector(d887 + " .duration"),
                duration -> assertThat(duration).contains("ຊົ່ວໂມງ").contains("ນາທີ"));
        String second = d887 + " tr[data-class=SECOND]";
        b.text(
                By.cssSelector(second),
                seats -> assertThat(seats).contains("ຊັ້ນສອງ").contains("₭")); // kip: the default currency in Lao
        b.shot("passenger-1-results-lo");

        b.click(By.cssSelector(second + " button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        b.attribute(
                BrowserSupport.inField("passengers[0].documentType"),
                "value",
                chosen -> assertThat(chosen).isEqualTo("PASSPORT"));
        new Select(b.field("position")).selectByValue("WINDOW");
        fillPassenger("Somchai Phommavong", "LAO", "PASSPORT", "P7654321", "1990-05-06", "2032-01-01");
        b.shot("passenger-2-details");
        b.click(By.cssSelector("#details-form [type=submit]"));

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-action=pay]")));
        b.attribute(
                By.cssSelector("article.booking"),
                "data-status",
                status -> assertThat(status).isEqualTo("HELD"));
        b.shot("passenger-3-pay");
        b.click(By.cssSelector("[data-action=pay]"));

        String qr = "article.booking[data-status=TICKETED] img.qr";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(qr)));
        wait.until(d -> (Boolean)
                b.js("const i = document.querySelector(arguments[0]); return i.complete && i.naturalWidth > 0", qr));
        b.text(By.cssSelector(".ticket-number"), ticket -> assertThat(ticket).contains("D87-"));
        b.text(By.cssSelector(".seat"), seat -> assertThat(seat).startsWith("ຕູ້"));
        b.shot("passenger-4-ticket-qr");

        b.click(By.cssSelector("[data-action=cancel]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".quote-fee")));
        String feeText = b.text(
                By.cssSelector(".quote-fee"),
                fee -> assertThat(fee).contains("₭").matches(".*[1-9].*")); // three days ahead: 5 %, not nothing
        b.displayed(
                By.cssSelector("[data-action=cancel]"),
                shown -> assertThat(shown).isFalse());
        b.shot("passenger-5-refund-quote");
        b.click(By.cssSelector("[data-action=confirm-cancel]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cancelled-message")));
        b.text(
                By.cssSelector(".cancelled-message"),
                done -> assertThat(done).contains(feeText).contains("ຍົກເລີກແລ້ວ"));
        b.shot("passenger-6-cancelled");

        List<String> rows = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT status || ' ' || fee_minor FROM booking WHERE owner = 'somchai'")
                        .mapTo(String.class)
                        .list());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith("CANCELLED ").doesNotEndWith(" 0");
    }

    @Test
    void aCrossBorderJourneyOffersOnlyWhatCrossesAndAnExpiredPassportShowsTheErrorAtItsFieldAndCreatesNothing() {
        server.passenger("wangfang", "Wang Fang", "wang password 1");
        b.signIn("wangfang", "wang password 1", "/book.html?from=KMS&to=VTE&date=" + DATE);
        wait.until(d -> "KMS".equals(b.field("from").getAttribute("data-code")));
        b.click(By.cssSelector("#search-form [type=submit]"));
        b.click(By.cssSelector("li.journey[data-train=D87] tr[data-class=SECOND] button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        // the resident ID serves no crossing: the form offers what documents.csv lets across the border, the passport
        b.until(
                d -> d.findElements(By.cssSelector("[data-field='passengers[0].documentType'] option")).stream()
                        .map(o -> o.getAttribute("value"))
                        .toList(),
                codes -> assertThat(codes).containsExactly("PASSPORT"));
        String dayBefore = LocalDate.parse(DATE).minusDays(1).toString();
        fillPassenger("Wang Fang", "CHN", "PASSPORT", "E12345678", "1990-01-01", dayBefore);
        b.click(By.cssSelector("#details-form [type=submit]"));

        By error = By.cssSelector("[data-field='passengers[0].documentExpiry'] .field-error");
        wait.until(ExpectedConditions.visibilityOfElementLocated(error));
        b.text(error, said -> assertThat(said).contains("expired"));
        b.attribute(
                BrowserSupport.inField("passengers[0].documentExpiry"),
                "aria-invalid",
                invalid -> assertThat(invalid).isEqualTo("true"));
        b.until(
                d -> d.switchTo().activeElement().getAttribute("name"),
                focused -> assertThat(focused).isEqualTo("passengers[0].documentExpiry"));
        assertThat(driver.findElements(By.cssSelector("[data-action=pay]"))).isEmpty();
        b.shot("expired-passport-error");
        // the same refusal in Lao: the server names the rule, the page says it in the reader's language
        b.click(By.cssSelector(".lang-switch button[lang=lo]"));
        wait.until(d -> "lo".equals(b.js("return document.documentElement.lang")));
        b.click(By.cssSelector("#details-form [type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(error, "ໝົດອາຍຸ"));
        b.shot("expired-passport-error-lo");
        long bookings = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM booking WHERE owner = 'wangfang'")
                        .mapTo(Long.class)
                        .one());
        assertThat(bookings).isZero();
    }

    @Test
    void anAgentSellsATicketToAWalkInPassengerAndFindsItByDocumentNumber() {
        b.signIn("window3", "agent password", "/agent.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        WebElement from = b.field("from"); // with the keyboard alone: type, arrow down, Enter
        from.sendKeys("Vient");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field=from] [role=listbox]")));
        from.sendKeys(Keys.ARROW_DOWN);
        b.attribute(
                BrowserSupport.inField("from"),
                "aria-activedescendant",
                active -> assertThat(active).isNotBlank());
        from.sendKeys(Keys.ENTER);
        wait.until(d -> "VTE".equals(b.field("from").getAttribute("data-code")));
        b.attribute(
                BrowserSupport.inField("from"),
                "aria-expanded",
                expanded -> assertThat(expanded).isEqualTo("false"));
        b.chooseStation("to", "ຫລວງພະບາງ", "LPB");
        b.setValue(By.id("date"), DATE);
        b.click(By.cssSelector("#search-form [type=submit]"));
        b.click(By.cssSelector("li.journey[data-train=C82] tr[data-class=SECOND] button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        fillPassenger("Khamla Sisouk", "LAO", "LAO_ID_CARD", "LA5566778", "1979-11-02", null);
        b.click(By.cssSelector("#details-form [type=submit]"));
        b.click(By.cssSelector("[data-action=pay]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#step article.booking[data-status=TICKETED] img.qr")));
        String ticket = b.text(By.cssSelector("#step .ticket-number"));
        String bookingId = b.attribute(
                By.cssSelector("#step article.booking"),
                "data-id",
                id -> assertThat(id).isNotBlank());
        b.shot("agent-1-sold");

        b.type(By.id("q"), "la5566778");
        b.click(By.cssSelector("#find-form [type=submit]"));
        By found = By.cssSelector("#found article.booking");
        wait.until(ExpectedConditions.visibilityOfElementLocated(found));
        b.until(d -> d.findElements(found), all -> assertThat(all).hasSize(1));
        b.attribute(found, "data-id", id -> assertThat(id).isEqualTo(bookingId));
        b.attribute(found, "data-status", status -> assertThat(status).isEqualTo("TICKETED"));
        b.text(found, text -> assertThat(text).contains("Khamla Sisouk").contains(ticket.replaceAll(".* ", "")));
        b.js("document.querySelector('#found article.booking').scrollIntoView()");
        b.shot("agent-2-found-by-document");
        String owner = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT sold_by FROM booking WHERE id::text = :id")
                        .bind("id", bookingId)
                        .mapTo(String.class)
                        .one());
        assertThat(owner).isEqualTo("window3");

        b.click(By.cssSelector("#found article.booking [data-action=cancel]")); // the refund at the window
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#found .quote-refund")));
        b.click(By.cssSelector("#found [data-action=confirm-cancel]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#found article.booking[data-status=CANCELLED]")));
        b.text(
                By.cssSelector("#found .cancelled-message"),
                message -> assertThat(message).contains("Refund"));
        b.shot("agent-3-refunded");
    }

    @Test
    void onAPhoneAPassengerFindsTheTicketInMyTripsAndCancelsItThere() {
        String token = server.passenger("noy", "Noy", "noy password 1");
        TestServer.Reply held = server.postJson(
                "/api/bookings",
                token,
                "{\"train\":\"C82\",\"date\":\"" + DATE + "\","
                        + "\"from\":\"VTE\",\"to\":\"LPB\",\"seatClass\":\"FIRST\",\"currency\":\"LAK\",\"passengers\":[{\"name\":\"Noy K.\","
                        + "\"documentType\":\"LAO_ID_CARD\",\"documentNumber\":\"LA1122334\",\"nationality\":\"LAO\","
                        + "\"dateOfBirth\":\"1995-02-03\"}]}");
        String id = held.json().get("id").asText();
        server.postJson("/api/bookings/" + id + "/payment", token, "{\"idempotencyKey\":\"k-" + id + "\"}");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            b.signIn("noy", "noy password 1", "/trips.html");
            String card = "article.booking[data-id='" + id + "'][data-status=TICKETED]";
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(card)));
            wait.until(d -> (Boolean) b.js(
                    "const i = document.querySelector(arguments[0]); return !!i && i.complete && i.naturalWidth > 0",
                    card + " img.qr"));
            b.text(
                    By.cssSelector(card),
                    text -> assertThat(text)
                            .contains("Noy K.")
                            .contains("First class")
                            .contains("₭"));
            assertFitsTheScreen(390);
            b.shot("trips-phone");
            b.click(By.cssSelector(card + " [data-action=cancel]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".quote-fee")));
            b.click(By.cssSelector("[data-action=confirm-cancel]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("article.booking[data-id='" + id + "'][data-status=CANCELLED]")));
            b.text(
                    By.cssSelector(".cancelled-message"),
                    message -> assertThat(message).contains("Refund"));
            b.shot("trips-phone-cancelled");

            driver.get(server.url("/book.html?from=KMS&to=VTE&date=" + DATE));
            wait.until(d -> "KMS".equals(b.field("from").getAttribute("data-code")));
            b.click(By.cssSelector("#search-form [type=submit]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.journey[data-train=D87]")));
            assertFitsTheScreen(390);
            b.js("document.querySelector('li.journey[data-train=D87]').scrollIntoView()");
            b.shot("book-phone-results");
        } finally {
            driver.manage().window().setSize(new Dimension(1024, 600));
        }
    }

    @Test
    void aSoldOutClassOffersTheWaitlistAReleasedSeatIsPaidInMyTripsAndTheTicketChangesTrain() {
        String agent = server.token("window3", "agent password");
        List<String> fillers = new ArrayList<>();
        for (int g = 0; g < 12; g++) { // C281's 56 first-class seats, Kunming South–Pu'er: 11 groups of 5 and 1
            StringBuilder people = new StringBuilder();
            for (int k = 0; k < (g < 11 ? 5 : 1); k++) {
                people.append(k == 0 ? "" : ",")
                        .append("{\"name\":\"Filler\",\"documentType\":\"CHINESE_RESIDENT_ID\","
                                + "\"documentNumber\":\"FILL" + g + "X" + k
                                + "\",\"nationality\":\"CHN\",\"dateOfBirth\":\"1980-01-01\"}");
            }
            TestServer.Reply r = server.postJson(
                    "/api/bookings",
                    agent,
                    "{\"train\":\"C281\",\"date\":\"" + DATE
                            + "\",\"from\":\"KMS\",\"to\":\"PUE\",\"seatClass\":\"FIRST\",\"passengers\":[" + people
                            + "]}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            fillers.add(r.json().get("id").asText());
        }
        server.passenger("liwei", "Li Wei", "li wei password 1");
        b.signIn("liwei", "li wei password 1", "/book.html?from=KMS&to=PUE&date=" + DATE);
        wait.until(d -> "KMS".equals(b.field("from").getAttribute("data-code")));
        // the page searches by itself for a link with stations and a date: a second search would redraw the list
        By first = By.cssSelector("li.journey[data-train=C281] tr[data-class=FIRST]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(first));
        b.text(first, seats -> assertThat(seats).contains("Sold out"));
        By join = By.cssSelector("li.journey[data-train=C281] tr[data-class=FIRST] button");
        b.text(join, button -> assertThat(button).isEqualTo("Join the waitlist"));
        b.click(join);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        fillPassenger("Li Wei", "CHN", "CHINESE_RESIDENT_ID", "530102199202020022", "1992-02-02", null);
        b.click(By.cssSelector("#details-form [type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.ok")));
        b.text(By.cssSelector(".message.ok"), message -> assertThat(message).contains("position 1"));
        b.shot("waitlist-1-joined");

        // A seat comes back: the agent cancels the single-passenger sale; the waitlist gets it as a hold.
        assertThat(server.postJson("/api/bookings/" + fillers.get(11) + "/cancel", agent, "{}")
                        .status())
                .isEqualTo(200);
        driver.get(server.url("/trips.html"));
        By offered = By.cssSelector("#waitlist li[data-status=OFFERED]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(offered));
        b.text(offered, offer -> assertThat(offer).contains("C281").contains("Seat offered"));
        b.shot("waitlist-2-offered");
        b.click(By.cssSelector("#waitlist li[data-status=OFFERED] button.btn:not(.secondary)"));
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#waitlist li[data-status=FULFILLED]")));
        String ticket = "article.booking[data-status=TICKETED]";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ticket)));
        b.text(By.cssSelector(ticket), text -> assertThat(text).contains("C281"));
        b.shot("waitlist-3-paid");

        // The ticket moves to another train the next day, chosen from the journeys shown beside it.
        String next = LocalDate.parse(DATE).plusDays(1).toString();
        b.click(By.cssSelector(ticket + " [data-action=change]"));
        b.setValue(By.cssSelector(ticket + " .change-panel input"), next);
        b.click(By.cssSelector(ticket + " [data-action=change-search]"));
        b.click(By.xpath("//article[@data-status='TICKETED']//ul[@class='change-list']"
                + "//button[starts-with(normalize-space(.), 'C277 ')]"));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".message.ok"), "Changed to C277"));
        b.shot("change-1-done");
        String token = server.token("liwei", "li wei password 1");
        List<String> states = new ArrayList<>();
        server.get("/api/bookings", token)
                .json()
                .forEach(booking -> states.add(booking.get("train").asText() + " "
                        + booking.get("date").asText() + " "
                        + booking.get("status").asText()));
        assertThat(states).containsExactlyInAnyOrder("C277 " + next + " TICKETED", "C281 " + DATE + " CHANGED");
    }

    @Test
    void aMaintainerReportsTheMekongBridgeDefectSeesTheDelaysOpensAWorkOrderAndLiftsTheRestriction() {
        server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"souk\",\"displayName\":\"Souk\","
                        + "\"password\":\"maintainer password\",\"roles\":[\"MAINTAINER\"]}");
        b.signIn("souk", "maintainer password", "/maintenance.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("defect-form")));
        b.attribute(By.id("d-asset"), "value", asset -> assertThat(asset).isEqualTo("BRG-LPB-MEKONG"));
        b.type(By.id("d-desc"), "Bearing displaced on pier 4");
        b.click(By.id("d-restrict"));
        LocalDate today = TestDates.today(); // in force from today, Lao time
        b.setValue(By.id("r-vf"), today + "T00:00");
        b.setValue(By.id("r-vt"), today.plusDays(3) + "T00:00");
        b.click(By.cssSelector("#defect-form [type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#defect-result table")));
        b.text(
                By.id("defect-result"),
                delays -> assertThat(delays).contains("saved").contains("C82").contains("K12"));
        b.texts(
                By.cssSelector("#defect-result table td.delay"),
                delays -> assertThat(delays)
                        .isNotEmpty()
                        .allSatisfy(delay -> assertThat(delay).startsWith("+")));
        String defectId = server.get("/api/maintenance/restrictions", server.token("souk", "maintainer password"))
                .json()
                .get(0)
                .get("id")
                .asText();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("restrictions"), "45 km/h"));
        b.js("document.querySelector('#defect-result table').scrollIntoView()");
        b.shot("maintenance-1-defect-delays");

        b.type(By.id("w-defect"), defectId);
        b.type(By.id("w-title"), "Reset the bearing");
        b.click(By.cssSelector("#wo-form [type=submit]"));
        By card = By.xpath("//div[@id='board']//article[contains(., 'Reset the bearing')]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        b.text(card, order -> assertThat(order).contains(defectId).contains("souk"));
        wait.until(d -> {
            b.js("arguments[0].scrollIntoView()", d.findElement(card));
            return true;
        });
        b.shot("maintenance-2-work-order");

        b.click(By.xpath("//ul[@id='restrictions']//button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lift-result"), "lifted"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("restrictions"), "No speed restriction"));
        b.js("arguments[0].scrollIntoView()", driver.findElement(By.id("lift-result")));
        b.shot("maintenance-3-lifted");
    }

    // ---------- helpers ----------

    private static void fillPassenger(
            String name, String nationality, String documentType, String number, String born, String expiry) {
        b.type(By.name("passengers[0].name"), name);
        new Select(b.field("passengers[0].documentType")).selectByValue(documentType);
        new Select(b.field("passengers[0].nationality")).selectByValue(nationality);
        b.type(By.name("passengers[0].documentNumber"), number);
        if (expiry != null) {
            b.setValue(By.name("passengers[0].documentExpiry"), expiry);
        }
    }

    /** Nothing sticks out sideways; the message names what does. */
    private static void assertFitsTheScreen(long width) {
        assertThat((Long) b.js("return document.documentElement.scrollWidth"))
                .as(
                        "too wide: %s",
                        b.js(
                                "return [...document.querySelectorAll('body *')]"
                                        + ".filter((e) => e.getBoundingClientRect().right > arguments[0] + 1).slice(-6)"
                                        + ".map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')",
                                width))
                .isLessThanOrEqualTo(width);
    }
}
