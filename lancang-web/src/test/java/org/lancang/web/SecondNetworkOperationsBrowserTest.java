package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19 in a real headless Chromium: the dispatcher picks the Bangkok line in the page's network picker and sees
 * its live diagram (147 reported late at Udon Thani, its forecast dashed, its delay badge), the address keeps the
 * network; the station board of Nong Khai shows 147 late in Thai, in Thai time. Screenshots in target/screenshots/.
 */
class SecondNetworkOperationsBrowserTest {
    static final String VB = "vientiane-bangkok";
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    /** 12:00 in Bangkok on the day; moved to just after the report below. */
    static final TestClock CLOCK = TestClock.at("2026-12-05T05:00:00Z");

    static TestServer server;
    static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.everyNetwork(CLOCK);
        String admin = server.adminToken();
        server.user(admin, "somsak", "DISPATCHER");
        server.user(admin, "feed", "TRAIN_DESCRIBER");
        b = new BrowserSupport(server, 1400, 1000);
    }

    @AfterAll
    static void stop() {
        BrowserSupport.close(b, server);
    }

    @Test
    void theDispatcherPicksTheBangkokLineAndSeesItsLateTrainAndTheBoardShowsItInThai() {
        // 147 leaves Udon Thani half an hour late (its time read from the network's plan)
        JsonNode plan =
                server.get("/api/operations/forecast/trains/147?date=" + DAY).json();
        Instant planned =
                Instant.parse(plan.get("calls").get(0).get("plannedDeparture").asText());
        Instant late = planned.plus(Duration.ofMinutes(30));
        CLOCK.set(late.plusSeconds(60).toString());
        String feed = server.token("feed", "password of feed");
        TestServer.Reply r = server.postJson(
                "/api/operations/events",
                feed,
                "{\"train\":\"147\",\"serviceDate\":\"" + DAY + "\",\"point\":\"UDN\",\"kind\":\"DEPARTURE\",\"at\":\""
                        + late + "\",\"source\":\"browser test\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        b.fresh();
        b.signIn("somsak", "password of somsak", "/dispatch.html?date=" + DAY);
        // the home network first; the picker offers every network, and picking one shows the whole of its line
        By network = By.id("network");
        b.wait.until(d -> new Select(d.findElement(network))
                .getOptions().stream().anyMatch(o -> VB.equals(o.getAttribute("value"))));
        b.attribute(network, "value", shown -> assertThat(shown).isEqualTo("china-laos"));
        new Select(b.driver.findElement(network)).selectByValue(VB);
        b.wait.until(d -> d.getCurrentUrl().contains("network=" + VB));
        b.wait.until(d -> "KTW"
                .equals(new Select(d.findElement(By.id("from")))
                        .getFirstSelectedOption()
                        .getAttribute("value")));
        // two lines (ADR 0033): the main line to Thanon Chira first; 147 runs on the Nong Khai line, picked here
        By line = By.id("line");
        b.displayed(line, shown -> assertThat(shown).isTrue());
        b.until(
                d -> new Select(d.findElement(line))
                        .getOptions().stream().map(o -> o.getAttribute("value")).toList(),
                lines -> assertThat(lines).containsExactly("NE", "NK"));
        b.attribute(By.id("to"), "value", to -> assertThat(to).isEqualTo("TCJ"));
        new Select(b.driver.findElement(line)).selectByValue("NK");
        b.wait.until(d -> "TCJ"
                        .equals(new Select(d.findElement(By.id("from")))
                                .getFirstSelectedOption()
                                .getAttribute("value"))
                && d.getCurrentUrl().contains("line=NK"));
        b.setValue(By.id("date"), DAY.toString());
        b.setValue(By.id("start"), "14:00");
        b.setValue(By.id("hours"), "8");
        b.click(By.cssSelector("#window-form [type=submit]"));
        By forecast = By.cssSelector("#diagram path.live.forecast[data-train='147']");
        b.wait.until(d -> !d.findElements(forecast).isEmpty());
        assertThat(b.driver.findElements(By.cssSelector("#diagram .delay-badge[data-train='147']")))
                .isNotEmpty();
        // the table of late trains is filled by its own request, which may answer after the diagram's
        b.wait.until(d ->
                !d.findElements(By.cssSelector("#delays tr[data-train='147']")).isEmpty());
        b.shot("dispatch-bangkok-line");

        // a reload keeps the network the address names
        b.driver.navigate().refresh();
        b.wait.until(d -> VB.equals(
                new Select(d.findElement(network)).getFirstSelectedOption().getAttribute("value")));

        // the board of Nong Khai, in Thai: 147 expected later than its time, in the station's zone
        b.driver.get(server.url("/board.html?station=NKI"));
        b.lang("th");
        By row = By.cssSelector("#arrivals tr.late[data-train='147']");
        // the board redraws itself on a timer and on the language switch: read the row once it is drawn in Thai
        b.text(row, text -> assertThat(text).containsPattern("\\p{IsThai}"));
        b.text(By.id("board-zone"), zone -> assertThat(zone).contains("UTC+7"));
        b.shot("board-nong-khai-th");
        List<String> errors = b.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/auth/me") && e.contains("401")))
                .toList();
        assertThat(errors).isEmpty();
    }
}
