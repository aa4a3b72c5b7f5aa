package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
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
        server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"noy\",\"displayName\":\"Noy\",\"password\":\"noy password 12\"}");
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
}
