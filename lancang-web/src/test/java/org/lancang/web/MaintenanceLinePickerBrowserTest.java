package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestNetworkFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The maintenance page's line picker in a real headless Chromium, on the branch network (main line LA Bram km 0 – Jura
 * km 50 – Aldo km 100, branch LC Jura km 0 – Cato km 40): km 0–40 lie on both lines, so the filter without a line is
 * refused beside the picker, with no row of the query before it left in the table, and with the branch picked lists the
 * branch's assets only. The API side of the 400 is
 * {@code BranchNetworkApiTest.theRegistersKmQueriesAreOnALine}. Screenshot: target/screenshots/maintenance-line-*.
 */
class MaintenanceLinePickerBrowserTest {
    /** The rows the asset filter lists. */
    private static final By ASSET_ROWS = By.cssSelector("#assets-table tbody tr");

    private static TestServer server;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withOthers(List.of(TestNetworkFolder.branch()));
        server.user(server.adminToken(), "cato.maintainer", "MAINTAINER");
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

    @Test
    void aKmRangeOnTwoLinesAsksForTheLineBesideThePickerAndThePickedLineListsItsAssets() {
        b.signIn("cato.maintainer", "password of cato.maintainer", "/maintenance.html?network=branch");
        b.displayed(By.id("a-line"), shown -> assertThat(shown).isTrue());
        b.texts(
                By.cssSelector("#a-line option[value]:not([value=''])"),
                codes -> assertThat(codes).containsExactly("LA", "LC"));

        b.texts(
                ASSET_ROWS,
                rows -> assertThat(rows).as("the whole register at first").isNotEmpty());

        b.type(By.id("a-from"), "0");
        b.type(By.id("a-to"), "40");
        b.click(By.cssSelector("#assets-form [type=submit]"));
        b.text(
                By.cssSelector("#assets-form [data-field='line'] .field-error"),
                error -> assertThat(error).contains("LA").contains("LC"));
        b.texts(
                ASSET_ROWS,
                rows -> assertThat(rows).as("no row of the query before").isEmpty());
        b.attribute(
                By.id("a-line"), "aria-invalid", invalid -> assertThat(invalid).isEqualTo("true"));
        b.shot("maintenance-line-1-asked");
        // the browser logs the refused request itself: that one and nothing else
        assertThat(b.consoleErrors()).singleElement().asString().contains("400");

        new Select(b.driver.findElement(By.id("a-line"))).selectByValue("LC");
        b.click(By.cssSelector("#assets-form [type=submit]"));
        b.text(
                By.id("assets-table"),
                shown -> assertThat(shown).contains("TRK-QCJ-QC").doesNotContain("TRK-QBJ-QJ"));
        b.texts(
                By.cssSelector("#assets-form .field-error"),
                errors -> assertThat(errors).isEmpty());
        b.shot("maintenance-line-2-branch");
        assertThat(b.consoleErrors()).isEmpty();

        // refused again after a query that listed the branch's assets: those go too
        new Select(b.driver.findElement(By.id("a-line"))).selectByValue("");
        b.click(By.cssSelector("#assets-form [type=submit]"));
        b.text(
                By.cssSelector("#assets-form [data-field='line'] .field-error"),
                error -> assertThat(error).contains("LA").contains("LC"));
        b.texts(ASSET_ROWS, rows -> assertThat(rows).as("no branch row left").isEmpty());
        assertThat(b.consoleErrors()).singleElement().asString().contains("400");
    }

    @Test
    void aNetworkOfOneLineHasNoPicker() {
        b.signIn("cato.maintainer", "password of cato.maintainer", "/maintenance.html?network=china-laos");
        b.text(By.id("assets-table"), shown -> assertThat(shown).contains("BRG-LPB-MEKONG"));
        b.displayed(By.id("a-line"), shown -> assertThat(shown).isFalse());
        assertThat(b.consoleErrors()).isEmpty();
    }
}
