package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** Three days ahead: inside every operator's sales window (LCR sells 7 days ahead), and a 5 % refund fee. */
    private static final String DATE = LocalDate.now().plusDays(3).toString();

    private static TestServer server;
    private static WebDriver driver;
    private static WebDriverWait wait;

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
        Files.createDirectories(SHOTS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1024,600",
                "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory("chrome-profile"));
        // the browser's console, to prove the Content-Security-Policy blocks nothing the pages do
        o.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, o);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
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
        js("localStorage.clear()");
    }

    @Test
    void aPassengerRegistersBooksACrossBorderSeatInLaoPaysSeesTheQrCodeAndCancelsWithTheFee() {
        driver.get(server.url("/register.html"));
        type(By.id("username"), "somchai");
        type(By.id("displayName"), "Somchai");
        type(By.id("password"), "somchai password 1");
        type(By.id("password2"), "somchai password 1");
        click(By.cssSelector("#register-form [type=submit]"));
        wait.until(ExpectedConditions.urlToBe(server.url("/")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".user-name"), "Somchai"));

        click(By.cssSelector(".lang-switch button[lang=lo]"));
        wait.until(d -> "lo".equals(js("return document.documentElement.lang")));
        click(By.cssSelector("nav a[href='/book.html']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("ປີ້ລົດໄຟ");

        chooseStation("from", "昆明", "KMS"); // typed in Chinese in the Lao page
        chooseStation("to", "ວຽງຈັນ", "VTE");
        assertThat(driver.findElement(By.cssSelector("[data-field=to] input")).getAttribute("value"))
                .isEqualTo("ນະຄອນຫຼວງວຽງຈັນ");
        setValue(By.id("date"), DATE);
        click(By.cssSelector("#search-form [type=submit]"));

        WebElement d887 =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.journey[data-train=D87]")));
        String[] laoMonths = {
            "ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ", "ພະຈິກ",
            "ທັນວາ"
        };
        assertThat(driver.findElement(By.cssSelector("#results h2")).getText())
                .contains(" " + laoMonths[LocalDate.parse(DATE).getMonthValue() - 1] + " ");
        assertThat(d887.findElement(By.cssSelector(".border-badge")).getText()).isEqualTo("ຂ້າມຊາຍແດນ");
        assertThat(d887.findElement(By.cssSelector(".dep")).getText())
                .contains("08:00")
                .contains("UTC+8");
        assertThat(d887.findElement(By.cssSelector(".arr")).getText())
                .contains("UTC+7")
                .contains("ນະຄອນຫຼວງວຽງຈັນ");
        assertThat(d887.findElement(By.cssSelector(".duration")).getText()).contains("ຊມ");
        WebElement second = d887.findElement(By.cssSelector("tr[data-class=SECOND]"));
        assertThat(second.getText()).contains("ຊັ້ນສອງ").contains("₭"); // kip: the default currency in Lao
        shot("passenger-1-results-lo");

        second.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        assertThat(new Select(field("passengers[0].documentType"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("PASSPORT");
        new Select(field("position")).selectByValue("WINDOW");
        fillPassenger("Somchai Phommavong", "LAO", "PASSPORT", "P7654321", "1990-05-06", "2032-01-01");
        shot("passenger-2-details");
        click(By.cssSelector("#details-form [type=submit]"));

        WebElement pay = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-action=pay]")));
        assertThat(driver.findElement(By.cssSelector("article.booking")).getAttribute("data-status"))
                .isEqualTo("HELD");
        shot("passenger-3-pay");
        pay.click();

        WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.booking[data-status=TICKETED] img.qr")));
        wait.until(d -> (Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        String ticket = driver.findElement(By.cssSelector(".ticket-number")).getText();
        assertThat(ticket).contains("D87-");
        assertThat(driver.findElement(By.cssSelector(".seat")).getText()).startsWith("ຕູ້");
        shot("passenger-4-ticket-qr");

        click(By.cssSelector("[data-action=cancel]"));
        WebElement fee = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".quote-fee")));
        String feeText = fee.getText();
        assertThat(feeText).contains("₭").matches(".*[1-9].*"); // three days ahead: 5 %, not nothing
        assertThat(driver.findElement(By.cssSelector("[data-action=cancel]")).isDisplayed())
                .isFalse();
        shot("passenger-5-refund-quote");
        click(By.cssSelector("[data-action=confirm-cancel]"));
        WebElement done =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cancelled-message")));
        assertThat(done.getText()).contains(feeText).contains("ຍົກເລີກແລ້ວ");
        shot("passenger-6-cancelled");

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
    void aCrossBorderBookingWithoutAPassportShowsTheErrorAtThePassportFieldAndCreatesNothing() {
        server.passenger("wangfang", "Wang Fang", "wang password 1");
        signIn("wangfang", "wang password 1", "/book.html?from=KMS&to=VTE&date=" + DATE);
        wait.until(d -> "KMS".equals(field("from").getAttribute("data-code")));
        click(By.cssSelector("#search-form [type=submit]"));
        click(By.cssSelector("li.journey[data-train=D87] tr[data-class=SECOND] button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        fillPassenger("Wang Fang", "CHN", "CHINESE_RESIDENT_ID", "530102199001011234", "1990-01-01", null);
        click(By.cssSelector("#details-form [type=submit]"));

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='passengers[0].documentType'] .field-error")));
        assertThat(error.getText()).contains("border").containsIgnoringCase("passport");
        assertThat(field("passengers[0].documentType").getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("passengers[0].documentType");
        assertThat(driver.findElements(By.cssSelector("[data-action=pay]"))).isEmpty();
        shot("no-passport-error");
        // the same refusal in Lao: the server names the rule, the page says it in the reader's language
        click(By.cssSelector(".lang-switch button[lang=lo]"));
        wait.until(d -> "lo".equals(js("return document.documentElement.lang")));
        click(By.cssSelector("#details-form [type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-field='passengers[0].documentType'] .field-error"), "ໜັງສືຜ່ານແດນ"));
        shot("no-passport-error-lo");
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
        signIn("window3", "agent password", "/agent.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        WebElement from = field("from"); // with the keyboard alone: type, arrow down, Enter
        from.sendKeys("Vient");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field=from] [role=listbox]")));
        from.sendKeys(Keys.ARROW_DOWN);
        assertThat(from.getAttribute("aria-activedescendant")).isNotBlank();
        from.sendKeys(Keys.ENTER);
        wait.until(d -> "VTE".equals(from.getAttribute("data-code")));
        assertThat(from.getAttribute("aria-expanded")).isEqualTo("false");
        chooseStation("to", "ຫລວງພະບາງ", "LPB");
        setValue(By.id("date"), DATE);
        click(By.cssSelector("#search-form [type=submit]"));
        click(By.cssSelector("li.journey[data-train=C82] tr[data-class=SECOND] button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        fillPassenger("Khamla Sisouk", "LAO", "LAO_ID_CARD", "LA5566778", "1979-11-02", null);
        click(By.cssSelector("#details-form [type=submit]"));
        click(By.cssSelector("[data-action=pay]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#step article.booking[data-status=TICKETED] img.qr")));
        String ticket =
                driver.findElement(By.cssSelector("#step .ticket-number")).getText();
        String bookingId =
                driver.findElement(By.cssSelector("#step article.booking")).getAttribute("data-id");
        shot("agent-1-sold");

        type(By.id("q"), "la5566778");
        click(By.cssSelector("#find-form [type=submit]"));
        WebElement found =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#found article.booking")));
        assertThat(driver.findElements(By.cssSelector("#found article.booking")))
                .hasSize(1);
        assertThat(found.getAttribute("data-id")).isEqualTo(bookingId);
        assertThat(found.getAttribute("data-status")).isEqualTo("TICKETED");
        assertThat(found.getText()).contains("Khamla Sisouk").contains(ticket.replaceAll(".* ", ""));
        js("arguments[0].scrollIntoView()", found);
        shot("agent-2-found-by-document");
        String owner = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT sold_by FROM booking WHERE id::text = :id")
                        .bind("id", bookingId)
                        .mapTo(String.class)
                        .one());
        assertThat(owner).isEqualTo("window3");

        found.findElement(By.cssSelector("[data-action=cancel]")).click(); // the refund at the window
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#found .quote-refund")));
        click(By.cssSelector("#found [data-action=confirm-cancel]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#found article.booking[data-status=CANCELLED]")));
        assertThat(driver.findElement(By.cssSelector("#found .cancelled-message"))
                        .getText())
                .contains("Refund");
        shot("agent-3-refunded");
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
            signIn("noy", "noy password 1", "/trips.html");
            WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("article.booking[data-id='" + id + "'][data-status=TICKETED]")));
            WebElement qr = card.findElement(By.cssSelector("img.qr"));
            wait.until(d -> (Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
            assertThat(card.getText())
                    .contains("Noy K.")
                    .contains("First class")
                    .contains("₭");
            assertFitsTheScreen(390);
            shot("trips-phone");
            card.findElement(By.cssSelector("[data-action=cancel]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".quote-fee")));
            click(By.cssSelector("[data-action=confirm-cancel]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("article.booking[data-id='" + id + "'][data-status=CANCELLED]")));
            assertThat(driver.findElement(By.cssSelector(".cancelled-message")).getText())
                    .contains("Refund");
            shot("trips-phone-cancelled");

            driver.get(server.url("/book.html?from=KMS&to=VTE&date=" + DATE));
            wait.until(d -> "KMS".equals(field("from").getAttribute("data-code")));
            click(By.cssSelector("#search-form [type=submit]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.journey[data-train=D87]")));
            assertFitsTheScreen(390);
            js("document.querySelector('li.journey[data-train=D87]').scrollIntoView()");
            shot("book-phone-results");
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
        signIn("liwei", "li wei password 1", "/book.html?from=KMS&to=PUE&date=" + DATE);
        wait.until(d -> "KMS".equals(field("from").getAttribute("data-code")));
        // the page searches by itself for a link with stations and a date: a second search would redraw the list
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.journey[data-train=C281] tr[data-class=FIRST]")));
        assertThat(first.getText()).contains("Sold out");
        WebElement join = first.findElement(By.tagName("button"));
        assertThat(join.getText()).isEqualTo("Join the waitlist");
        join.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        fillPassenger("Li Wei", "CHN", "CHINESE_RESIDENT_ID", "530102199202020022", "1992-02-02", null);
        click(By.cssSelector("#details-form [type=submit]"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.ok")))
                        .getText())
                .contains("position 1");
        shot("waitlist-1-joined");

        // A seat comes back: the agent cancels the single-passenger sale; the waitlist gets it as a hold.
        assertThat(server.postJson("/api/bookings/" + fillers.get(11) + "/cancel", agent, "{}")
                        .status())
                .isEqualTo(200);
        driver.get(server.url("/trips.html"));
        WebElement offered = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#waitlist li[data-status=OFFERED]")));
        assertThat(offered.getText()).contains("C281").contains("Seat offered");
        shot("waitlist-2-offered");
        offered.findElement(By.cssSelector("button.btn:not(.secondary)")).click();
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#waitlist li[data-status=FULFILLED]")));
        WebElement ticket = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.booking[data-status=TICKETED]")));
        assertThat(ticket.getText()).contains("C281");
        shot("waitlist-3-paid");

        // The ticket moves to another train the next day, chosen from the journeys shown beside it.
        String next = LocalDate.parse(DATE).plusDays(1).toString();
        ticket.findElement(By.cssSelector("[data-action=change]")).click();
        setValue(By.cssSelector("article.booking[data-status=TICKETED] .change-panel input"), next);
        ticket.findElement(By.cssSelector("[data-action=change-search]")).click();
        WebElement option = wait.until(
                ExpectedConditions.elementToBeClickable(
                        By.xpath(
                                "//article[@data-status='TICKETED']//ul[@class='change-list']//button[starts-with(normalize-space(.), 'C277 ')]")));
        option.click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".message.ok"), "Changed to C277"));
        shot("change-1-done");
        String token = server.token("liwei", "li wei password 1");
        List<String> states = new ArrayList<>();
        server.get("/api/bookings", token)
                .json()
                .forEach(b -> states.add(b.get("train").asText() + " "
                        + b.get("date").asText() + " " + b.get("status").asText()));
        assertThat(states).containsExactlyInAnyOrder("C277 " + next + " TICKETED", "C281 " + DATE + " CHANGED");
    }

    @Test
    void aMaintainerReportsTheMekongBridgeDefectSeesTheDelaysOpensAWorkOrderAndLiftsTheRestriction() {
        server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"souk\",\"displayName\":\"Souk\","
                        + "\"password\":\"maintainer password\",\"roles\":[\"MAINTAINER\"]}");
        signIn("souk", "maintainer password", "/maintenance.html");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("defect-form")));
        assertThat(driver.findElement(By.id("d-asset")).getAttribute("value")).isEqualTo("BRG-LPB-MEKONG");
        type(By.id("d-desc"), "Bearing displaced on pier 4");
        click(By.id("d-restrict"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Vientiane")); // in force from today, Lao time
        setValue(By.id("r-vf"), today + "T00:00");
        setValue(By.id("r-vt"), today.plusDays(3) + "T00:00");
        form.findElement(By.cssSelector("[type=submit]")).click();
        WebElement result =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#defect-result table")));
        String delays = driver.findElement(By.id("defect-result")).getText();
        assertThat(delays).contains("saved").contains("C82").contains("K12");
        assertThat(result.findElements(By.cssSelector("td.delay")))
                .isNotEmpty()
                .allSatisfy(td -> assertThat(td.getText()).startsWith("+"));
        String defectId = server.get("/api/maintenance/restrictions", server.token("souk", "maintainer password"))
                .json()
                .get(0)
                .get("id")
                .asText();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("restrictions"), "45 km/h"));
        js("arguments[0].scrollIntoView()", result);
        shot("maintenance-1-defect-delays");

        type(By.id("w-defect"), defectId);
        type(By.id("w-title"), "Reset the bearing");
        click(By.cssSelector("#wo-form [type=submit]"));
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@id='board']//article[contains(., 'Reset the bearing')]")));
        assertThat(card.getText()).contains(defectId).contains("souk");
        js("arguments[0].scrollIntoView()", card);
        shot("maintenance-2-work-order");

        click(By.xpath("//ul[@id='restrictions']//button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lift-result"), "lifted"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("restrictions"), "No speed restriction"));
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("lift-result")));
        shot("maintenance-3-lifted");
    }

    // ---------- helpers ----------

    private static void signIn(String user, String password, String next) {
        driver.get(server.url("/signin.html?next="
                + next.replace("?", "%3F").replace("&", "%26").replace("=", "%3D")));
        type(By.id("username"), user);
        type(By.id("password"), password);
        click(By.cssSelector("#signin-form [type=submit]"));
        wait.until(d -> d.getCurrentUrl().startsWith(server.url(next.replaceAll("\\?.*", ""))));
    }

    /** Types into a station type-ahead and picks the station from the list with the keyboard. */
    private static void chooseStation(String name, String text, String code) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(text);
        By option = By.cssSelector("[data-field=" + name + "] li[role=option][data-code=" + code + "]");
        // the list is the server's answer to the last keystroke: an earlier answer's option may be replaced
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(option).click();
            return true;
        });
        wait.until(d -> code.equals(input.getAttribute("data-code")));
    }

    private static void fillPassenger(
            String name, String nationality, String documentType, String number, String born, String expiry) {
        type(By.name("passengers[0].name"), name);
        new Select(field("passengers[0].documentType")).selectByValue(documentType);
        new Select(field("passengers[0].nationality")).selectByValue(nationality);
        type(By.name("passengers[0].documentNumber"), number);
        if (expiry != null) {
            setValue(By.name("passengers[0].documentExpiry"), expiry);
        }
    }

    private static WebElement field(String name) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='" + name + "'] input, [data-field='" + name + "'] select")));
    }

    private static void type(By by, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(by)).sendKeys(text);
    }

    /** Clicks the element once clickable; found again if the page redraws it between finding and clicking. */
    private static void click(By by) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return false;
            }
            e.click();
            return true;
        });
    }

    /** Date and time inputs take their value in ISO form whatever the browser's locale. */
    private static void setValue(By by, String value) {
        WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(by));
        js(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                e,
                value);
        assertThat(e.getAttribute("value")).isEqualTo(value);
    }

    /** Nothing sticks out sideways; the message names what does. */
    private static void assertFitsTheScreen(long width) {
        assertThat((Long) js("return document.documentElement.scrollWidth"))
                .as(
                        "too wide: %s",
                        js(
                                "return [...document.querySelectorAll('body *')]"
                                        + ".filter((e) => e.getBoundingClientRect().right > arguments[0] + 1).slice(-6)"
                                        + ".map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')",
                                width))
                .isLessThanOrEqualTo(width);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void shot(String name) {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("screenshot " + name, e);
        }
    }
}
