package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15, items 5, 6 and the rest of 10, in a real headless Chromium, each in the language its problem was seen in,
 * with screenshots in target/screenshots/product-5*, product-6*, product-10*.
 */
class ProductFinishBrowserTest {
    private static final LocalDate DAY = LocalDate.now().plusDays(3);
    private static final String DATE = DAY.toString();

    private static TestServer server;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer();
        server.passenger("noy", "Noy", "noy password 12");
        String admin = server.adminToken();
        for (String[] u : new String[][] {{"plan2", "PLANNER"}, {"mnt2", "MAINTAINER"}, {"window5", "AGENT"}}) {
            server.postJson(
                    "/api/users",
                    admin,
                    "{\"username\":\"" + u[0] + "\",\"displayName\":\"" + u[0] + "\",\"password\":\"" + u[0]
                            + " password\",\"roles\":[\"" + u[1] + "\"]}");
        }
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

    private static WebElement field(String name) {
        return b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='" + name + "'] input, [data-field='" + name + "'] select")));
    }

    private static void lang(String code) {
        b.click(By.cssSelector(".lang-switch button[lang=" + code + "]"));
        b.wait.until(d -> code.equals(b.js("return document.documentElement.lang")));
    }

    private static void chooseClass(String train, String seatClass) {
        b.click(By.cssSelector("li.journey[data-train=" + train + "] tr[data-class=" + seatClass + "] button"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
    }

    /**
     * Item 5, seen in Lao: a domestic Lao trip starts with the Lao ID card and Lao nationality picked from a list in
     * Lao, asks no date of birth for an adult, and a child's fare (half, in whole thousands of kip) reaches the pay step.
     */
    @Test
    void theLaoPassengerFormFitsTheJourneyAndSellsAChildFare() {
        b.signIn("noy", "noy password 12", "/book.html");
        lang("lo");
        b.driver.get(server.url("/book.html?from=VTE&to=LPB&date=" + DATE + "&currency=LAK"));
        WebElement d88 = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.journey[data-train=D88] tr[data-class=SECOND]")));
        String childLine = d88.findElement(By.cssSelector(".reduced-fare")).getText();
        assertThat(childLine).contains("ເດັກ").contains("6").contains("13");
        chooseClass("D88", "SECOND");

        Select document = new Select(field("passengers[0].documentType"));
        assertThat(document.getFirstSelectedOption().getAttribute("value")).isEqualTo("LAO_ID_CARD");
        assertThat(document.getFirstSelectedOption().getText()).isEqualTo("ບັດປະຈຳຕົວລາວ");
        Select nationality = new Select(field("passengers[0].nationality"));
        assertThat(nationality.getFirstSelectedOption().getAttribute("value")).isEqualTo("LAO");
        assertThat(nationality.getFirstSelectedOption().getText()).isEqualTo("ລາວ");
        assertThat(nationality.getOptions()).hasSizeGreaterThan(200);
        assertThat(b.driver
                        .findElement(By.cssSelector("[data-field='passengers[0].dateOfBirth']"))
                        .isDisplayed())
                .as("no date of birth for an adult")
                .isFalse();
        b.shot("product-5a-lao-form-adult-lo");

        b.type(By.name("passengers[0].name"), "ນ້ອຍ ແກ້ວມະນີ");
        new Select(field("passengers[0].fareCategory")).selectByValue("CHILD");
        assertThat(field("passengers[0].dateOfBirth").isDisplayed()).isTrue();
        b.type(By.name("passengers[0].documentNumber"), "LA1234567");
        b.setValue(By.name("passengers[0].dateOfBirth"), DAY.minusYears(3).toString());
        b.click(By.cssSelector("#details-form [type=submit]"));
        // a 3-year-old is no child of 6–13: the form says so at the date of birth, in Lao
        WebElement error = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='passengers[0].dateOfBirth'] .field-error")));
        assertThat(error.getText()).contains("ອາຍຸ");
        b.setValue(By.name("passengers[0].dateOfBirth"), DAY.minusYears(9).toString());
        b.shot("product-5b-lao-form-child-lo");
        b.click(By.cssSelector("#details-form [type=submit]"));

        WebElement card = b.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.booking[data-status=HELD]")));
        WebElement category = card.findElement(By.cssSelector(".fare-category"));
        assertThat(category.getAttribute("data-category")).isEqualTo("CHILD");
        assertThat(category.getText()).contains("ເດັກນ້ອຍ");
        long child = Long.parseLong(category.getText().replaceAll("[^0-9]", ""));
        long total = Long.parseLong(
                card.findElement(By.cssSelector(".total")).getText().replaceAll("[^0-9]", ""));
        assertThat(child).isEqualTo(total);
        assertThat(child % 1000).as("whole thousands of kip").isZero();
        b.shot("product-5c-pay-step-child-fare-lo");
        b.click(By.cssSelector("[data-action=pay]"));
        WebElement ticket = b.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.booking[data-status=TICKETED]")));
        assertThat(ticket.findElement(By.cssSelector(".fare-category")).getText())
                .contains("ເດັກນ້ອຍ");
        b.shot("product-5d-ticket-child-fare-lo");
        assertThat(b.consoleErrors()).isEmpty();
    }

    /** Item 5, in Chinese: a domestic Chinese trip starts with the resident ID; across the border, a passport. */
    @Test
    void theChineseFormStartsWithTheResidentIdAtHomeAndAPassportAcrossTheBorder() {
        b.signIn("noy", "noy password 12", "/book.html");
        lang("zh");
        b.driver.get(server.url("/book.html?from=KMS&to=XSB&date=" + DATE));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.journey")));
        b.click(By.cssSelector("li.journey tr[data-class=SECOND] button"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        assertThat(new Select(field("passengers[0].documentType"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("CHINESE_RESIDENT_ID");
        Select nationality = new Select(field("passengers[0].nationality"));
        assertThat(nationality.getFirstSelectedOption().getText()).isEqualTo("中国");
        b.shot("product-5e-chinese-domestic-zh");

        b.driver.get(server.url("/book.html?from=KMS&to=VTE&date=" + DATE));
        chooseClass("D87", "SECOND");
        assertThat(new Select(field("passengers[0].documentType"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("PASSPORT");
        assertThat(b.consoleErrors()).isEmpty();
    }

    /**
     * Item 5, in Chinese, across the border: a mother books one seat and takes her baby on her lap, free (China
     * Railway's rule for a child under 6 without a seat); the baby's passport is asked, the ticket names the baby.
     */
    @Test
    void aLapInfantTravelsFreeOnTheAdultsTicketWithAPassportAcrossTheBorder() {
        b.signIn("noy", "noy password 12", "/book.html");
        lang("zh");
        b.driver.get(server.url("/book.html?from=KMS&to=VTE&date=" + DATE));
        chooseClass("D87", "SECOND");
        WebElement lap = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='passengers[0].infant'] label")));
        assertThat(lap.getText()).contains("免费").contains("6");
        assertThat(b.driver
                        .findElement(By.cssSelector("[data-field='passengers[0].infant.name']"))
                        .isDisplayed())
                .as("the infant's fields only once the box is ticked")
                .isFalse();
        b.type(By.name("passengers[0].name"), "王芳");
        b.type(By.name("passengers[0].documentNumber"), "E12345678");
        b.setValue(By.name("passengers[0].documentExpiry"), DAY.plusYears(5).toString());
        b.click(By.name("passengers[0].infant.on"));
        b.type(By.name("passengers[0].infant.name"), "王小宝");
        // seven years old is too old for a lap: said at the infant's date of birth before anything is sent
        b.setValue(
                By.name("passengers[0].infant.dateOfBirth"), DAY.minusYears(7).toString());
        b.type(By.name("passengers[0].infant.documentNumber"), "E87654321");
        b.setValue(
                By.name("passengers[0].infant.documentExpiry"), DAY.plusYears(4).toString());
        b.click(By.cssSelector("#details-form [type=submit]"));
        WebElement error = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='passengers[0].infant.dateOfBirth'] .field-error")));
        assertThat(error.getText()).contains("儿童票");
        b.setValue(
                By.name("passengers[0].infant.dateOfBirth"), DAY.minusMonths(14).toString());
        b.shot("product-5f-lap-infant-form-zh");
        b.click(By.cssSelector("#details-form [type=submit]"));

        WebElement card = b.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.booking[data-status=HELD]")));
        assertThat(card.findElements(By.cssSelector("li.ticket"))).hasSize(1);
        WebElement infant = card.findElement(By.cssSelector(".lap-infant"));
        assertThat(infant.getText()).contains("王小宝").contains("E87654321");
        long adult = Long.parseLong(
                card.findElement(By.cssSelector(".fare-category")).getText().replaceAll("[^0-9]", ""));
        long total = Long.parseLong(
                card.findElement(By.cssSelector(".total")).getText().replaceAll("[^0-9]", ""));
        assertThat(total).as("the baby travels free").isEqualTo(adult);
        b.shot("product-5g-lap-infant-on-ticket-zh");
        assertThat(b.consoleErrors()).isEmpty();
    }

    /** Item 6, seen in Chinese and Lao: the password rule comes back from the server as a code the page translates. */
    @Test
    void thePasswordRuleIsSaidInChineseAndLao() {
        b.driver.get(server.url("/register.html"));
        lang("zh");
        b.type(By.id("username"), "wangli");
        b.type(By.id("displayName"), "王力");
        b.type(By.id("password"), "short1");
        b.type(By.id("password2"), "short1");
        b.click(By.cssSelector("#register-form [type=submit]"));
        WebElement error = b.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field=password] .field-error")));
        assertThat(error.getText()).contains("密码").contains("10").doesNotContain("must be");
        b.shot("product-6a-password-rule-zh");
        lang("lo");
        b.click(By.cssSelector("#register-form [type=submit]"));
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-field=password] .field-error"), "ລະຫັດຜ່ານ"));
        b.shot("product-6b-password-rule-lo");
        assertThat(b.consoleErrors()).allMatch(e -> e.contains("400"));
    }

    /**
     * Item 6, seen in Lao: the maintenance page names assets (tracks, tunnels, stations) and operators in Lao, and a
     * server refusal (a work order with both a defect and an asset) is said in Lao.
     */
    @Test
    void theMaintenancePageNamesAssetsTunnelsAndOperatorsInLao() {
        b.signIn("mnt2", "mnt2 password", "/maintenance.html");
        lang("lo");
        WebElement table = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assets-table")));
        // the stretch from the Friendship Tunnel to Namor
        field("fromKm").clear();
        field("fromKm").sendKeys("600");
        field("toKm").clear();
        field("toKm").sendKeys("650");
        b.click(By.cssSelector("#assets-form [type=submit]"));
        b.wait.until(d -> table.getText().contains("ອຸໂມງບ້ານຄອນຫຼວງ"));
        String text = table.findElement(By.tagName("tbody")).getText();
        assertThat(text)
                .contains("ອຸໂມງມິດຕະພາບ") // the Friendship Tunnel
                .contains("ອຸໂມງບ້ານຄອນຫຼວງ") // a tunnel named by Lancang (marked in structures.csv)
                .contains("ທາງລົດໄຟ") // "Track …"
                .contains("ບໍລິສັດ ທາງລົດໄຟ ລາວ-ຈີນ") // the Lao operator by name
                .doesNotContain("CR_KUNMING")
                .doesNotContain(" tunnel")
                .doesNotContain("Track ");
        b.shot("product-6c-assets-lo");
        assertThat(b.consoleErrors()).isEmpty();
    }

    /**
     * Item 10, seen in English: the planner shows operators, train types and the resources of conflicts by name, never
     * LINE:…, CR_KUNMING or HXD3C_25G.
     */
    @Test
    void thePlannerShowsNamesNotCodes() {
        // a conflict to list: a Vientiane train moved onto another's departure, published knowingly
        List<JsonNode> lao = new ArrayList<>();
        for (JsonNode t : server.get("/api/timetable/trains").json()) {
            if (t.get("from").asText().equals("VTE") && t.get("days").asText().equals("daily")) {
                lao.add(t);
            }
        }
        String plan = server.token("plan2", "plan2 password");
        TestServer.Reply moved = server.postJson(
                "/api/timetable/changes",
                plan,
                "{\"scope\":{\"from\":\"" + DATE + "\"},\"edits\":[{\"kind\":\"MOVE\",\"train\":\""
                        + lao.get(1).get("number").asText() + "\",\"departure\":\""
                        + lao.get(0).get("departureLocal").asText() + "\"}]}");
        assertThat(server.postJson(
                                "/api/timetable/changes/"
                                        + moved.json().get("id").asText() + "/publish",
                                plan,
                                "{\"acceptConflicts\":true}")
                        .status())
                .isEqualTo(200);
        b.signIn("plan2", "plan2 password", "/planner.html?from=KMS&to=VTE&date=" + DATE + "&hours=24");
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg.ldd g.train")));
        WebElement trains =
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trains-table tbody tr")));
        assertThat(trains.isEnabled()).isTrue();
        String list = b.driver.findElement(By.id("trains-table")).getAttribute("textContent");
        assertThat(list)
                .contains("China Railway Kunming Group")
                .doesNotContain("CR_KUNMING")
                .doesNotContain("HXD3C_25G");
        String typeOptions = b.driver.findElement(By.id("ins-type")).getAttribute("textContent");
        assertThat(typeOptions).doesNotContain("HXD3C_25G").doesNotContain("(FREIGHT)");
        String conflicts = b.driver.findElement(By.id("conflicts")).getAttribute("textContent");
        assertThat(conflicts).doesNotContain("LINE:").doesNotContain("BLOCK:").doesNotContain("TRACK:");
        List<WebElement> resources = b.driver.findElements(By.cssSelector("#conflicts .res"));
        assertThat(resources).isNotEmpty();
        for (WebElement res : resources) {
            assertThat(res.getText()).isNotEqualTo(res.getAttribute("data-resource"));
        }
        b.shot("product-10a-planner-names-en");
    }

    /** Item 10: every page has a description in the reader's language, and a signed-out page logs no error. */
    @Test
    void everyPageHasADescriptionAndSignedOutPagesLogNoError() {
        for (String page : new String[] {
            "/",
            "/book.html",
            "/signin.html",
            "/register.html",
            "/trips.html",
            "/agent.html",
            "/planner.html",
            "/maintenance.html",
            "/freight.html",
            "/freight-office.html",
            "/border-board.html",
            "/admin/users.html"
        }) {
            b.driver.get(server.url(page));
            b.wait.until(d -> !((String) b.js("return document.title")).isBlank());
            String english = (String) b.js("return document.querySelector('meta[name=description]').content");
            assertThat(english).as(page).hasSizeGreaterThan(30);
        }
        b.driver.get(server.url("/book.html"));
        lang("lo");
        String lao = (String) b.js("return document.querySelector('meta[name=description]').content");
        assertThat(lao).contains("ປີ້");
        b.driver.get(server.url("/"));
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map-scroll svg")));
        b.driver.get(server.url("/book.html"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        b.driver.get(server.url("/signin.html"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        // the signed-in pages (trips, planner …) send a signed-out visitor to sign in: not a console error either
        assertThat(b.consoleErrors()).isEmpty();
    }

    /** Item 10, seen at the Vientiane window: an agent who sold from Vientiane starts the next sale there, in kip. */
    @Test
    void theVientianeWindowStartsInKip() {
        b.signIn("window5", "window5 password", "/agent.html");
        WebElement from = field("from");
        from.sendKeys("Vientiane");
        b.wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[data-field=from] li[role=option][data-code=VTE]")))
                .click();
        b.wait.until(d -> "VTE".equals(field("from").getAttribute("data-code")));
        WebElement to = field("to");
        to.sendKeys("Luang");
        b.wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[data-field=to] li[role=option][data-code=LPB]")))
                .click();
        b.click(By.cssSelector("#search-form [type=submit]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.journey")));
        // the next day, the window's page again
        b.driver.get(server.url("/agent.html"));
        b.wait.until(d -> "VTE".equals(field("from").getAttribute("data-code")));
        assertThat(new Select(field("currency")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("LAK");
        b.shot("product-10b-vientiane-window-kip-en");
        assertThat(b.consoleErrors()).isEmpty();
    }
}
