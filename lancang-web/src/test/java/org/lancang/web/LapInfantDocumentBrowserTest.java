package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The lap infant's document expiry, in a real headless Chromium: asked only where the infant's chosen document's row
 * asks it, as the adult's is. The shipped data has no crossing document without an expiry, so the China–Laos network
 * here takes one more across its border: a made-up child's travel document whose row asks none.
 */
class LapInfantDocumentBrowserTest {
    private static final LocalDate DAY = TestDates.daysAhead(3);
    /** A document of this test's own: crosses any border, asks no expiry. */
    private static final String NO_EXPIRY = "CHILD_TRAVEL_DOC";

    private static TestServer server;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        DataFiles chinaLaos = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        DataFiles home = name -> name.equals("documents.csv")
                ? chinaLaos.read(name).stripTrailing() + "\n" + NO_EXPIRY
                        + ",Child travel document,儿童旅行证件,ເອກະສານເດີນທາງເດັກ,เอกสารเดินทางเด็ก,"
                        + "\"[A-Za-z0-9]{5,20}\",NONE,false,,*,,made up for LapInfantDocumentBrowserTest\n"
                : chinaLaos.read(name);
        server = TestServer.withHome(home);
        server.passenger("kham", "Kham", "kham password 12");
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

    @Test
    void theInfantsExpiryIsAskedOnlyForADocumentWhoseRowAsksIt() {
        b.signIn("kham", "kham password 12", "/book.html?from=KMS&to=VTE&date=" + DAY);
        b.click(By.cssSelector("li.journey[data-train=D87] tr[data-class=SECOND] button"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-form")));
        b.type(By.name("passengers[0].name"), "Kham Vong");
        new Select(b.field("passengers[0].documentType")).selectByValue("PASSPORT");
        new Select(b.field("passengers[0].nationality")).selectByValue("LAO");
        b.type(By.name("passengers[0].documentNumber"), "PB700002");
        b.setValue(By.name("passengers[0].documentExpiry"), DAY.plusYears(5).toString());
        b.click(By.name("passengers[0].infant.on"));
        b.type(By.name("passengers[0].infant.name"), "Noy Vong");
        b.setValue(
                By.name("passengers[0].infant.dateOfBirth"), DAY.minusMonths(14).toString());
        new Select(b.field("passengers[0].infant.nationality")).selectByValue("LAO");
        b.type(By.name("passengers[0].infant.documentNumber"), "CT12345");

        By expiry = By.cssSelector("[data-field='passengers[0].infant.documentExpiry']");
        Select infantDocument = new Select(b.field("passengers[0].infant.documentType"));
        infantDocument.selectByValue("PASSPORT");
        b.displayed(
                expiry,
                shown -> assertThat(shown).as("a passport's expiry is asked").isTrue());
        infantDocument.selectByValue(NO_EXPIRY);
        b.displayed(
                expiry, shown -> assertThat(shown).as("its row asks no expiry").isFalse());
        infantDocument.selectByValue("PASSPORT");
        b.displayed(expiry, shown -> assertThat(shown).isTrue());
        infantDocument.selectByValue(NO_EXPIRY);
        b.shot("lap-infant-no-expiry-en");

        // nothing hidden is required: the booking is held, the infant's document without an expiry
        b.click(By.cssSelector("#details-form [type=submit]"));
        String card = "article.booking[data-status=HELD]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(card)));
        b.text(
                By.cssSelector(card + " .lap-infant"),
                infant -> assertThat(infant).contains("Noy Vong").contains("CT12345"));
        assertThat(b.consoleErrors()).isEmpty();
    }
}
