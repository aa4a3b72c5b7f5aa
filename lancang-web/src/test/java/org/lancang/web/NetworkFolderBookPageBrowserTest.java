package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The book page over a stranger's network folder (Narvik – Kiruna, which sells in NOK and SEK, currencies of its own
 * currencies.csv), in a real headless Chromium: "Pay in" offers the folder's currencies and starts on the one of the
 * station the journey leaves from; the fares say which crowns they are. The select offered yuan, kip and baht alone,
 * so it stood blank, and both crowns read "kr".
 */
class NetworkFolderBookPageBrowserTest {
    private static final String DATE = TestDates.daysAhead(3).toString();

    private static TestServer server;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withOthers(List.of(TestNetworkFolder.ofotbanen()));
        b = new BrowserSupport(server, 1280, 900);
    }

    @AfterAll
    static void stop() {
        BrowserSupport.close(b, server);
    }

    @Test
    void payInOffersTheFoldersCrownsAndTheFaresNameThem() {
        b.fresh();
        b.driver.get(server.url("/book.html"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        b.chooseStation("from", "Narvik", "NVK");
        b.chooseStation("to", "Kiruna", "KRN");
        b.setValue(By.id("date"), DATE);
        Select payIn = new Select(b.field("currency"));
        List<String> offered =
                payIn.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(offered).contains("NOK", "SEK");
        assertThat(payIn.getFirstSelectedOption().getAttribute("value"))
                .as("the money of Narvik's operator")
                .isEqualTo("NOK");

        payIn.selectByValue("SEK");
        b.click(By.cssSelector("#search-form [type=submit]"));
        WebElement day = b.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.journey[data-train='7002']")));
        String second = day.findElement(By.cssSelector("tr[data-class=SECOND]")).getText();
        // the Norwegian part in NOK, the Swedish part and the total in SEK: each named, none a bare "kr"
        assertThat(second).contains("NOK").contains("SEK").doesNotContain("kr");
        b.shot("network-folder-book");
        assertThat(b.consoleErrors()).isEmpty();
    }
}
