package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19 on the pages, in a real headless Chromium over every network of data/: the planner's network picker shows
 * the Bangkok line's diagram and remembers the choice; the book page sells 133 with a lower berth, in Thai and baht,
 * and finds Bangkok → Luang Prabang across the two networks with the trains it misses said. Screenshots:
 * target/screenshots/networks-*.
 */
class NetworksPagesBrowserTest {
    /** Within SRT's 7-day sales window. */
    private static final LocalDate DAY = TestDates.daysAhead(3);

    private static final String DATE = DAY.toString();
    private static final String BE_YEAR = String.valueOf(DAY.getYear() + 543);

    private static TestServer server;
    private static BrowserSupport b;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.everyNetwork();
        server.passenger("malee", "มาลี", "malee password 1");
        server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"planner9\",\"displayName\":\"planner9\",\"password\":\"planner9 password\","
                        + "\"roles\":[\"PLANNER\"]}");
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

    private static WebElement train(String number) {
        return b.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#diagram g.train[data-train='" + number + "']")));
    }

    /** A browser whose Intl gives no zone offsets (as older ones), for the pages' own fallback. */
    private static final String NO_ZONE_OFFSETS = "(() => { const F = Intl.DateTimeFormat;"
            + " Intl.DateTimeFormat = function (l, o) { if (o && o.timeZoneName) throw new RangeError('no offsets');"
            + " return new F(l, o); }; Intl.DateTimeFormat.prototype = F.prototype;"
            + " Intl.DateTimeFormat.supportedLocalesOf = F.supportedLocalesOf; })();";

    @Test
    void theBangkokPlannersTimeAxesAreItsOwnZonesAlsoWithoutIntlOffsets() {
        ChromeDriver chrome = (ChromeDriver) b.driver;
        Map<String, Object> script =
                chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NO_ZONE_OFFSETS));
        try {
            b.signIn("planner9", "planner9 password", "/planner.html?network=vientiane-bangkok&date=" + DATE);
            train("133");
            // the zones its points keep, named by their countries: no Beijing time, no UTC+8 guessed for Bangkok
            b.texts(
                    By.cssSelector("[data-field='zone'] option"),
                    axes -> assertThat(axes)
                            .anyMatch(a -> a.contains("Thailand time") && a.contains("Asia/Bangkok"))
                            .anyMatch(a -> a.contains("Laos time"))
                            .noneMatch(a -> a.contains("Beijing") || a.contains("UTC+8") || a.contains("Shanghai")));
            // a train's calls: the offset is the one the API's own times carry
            b.js(
                    "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                    b.driver.findElement(By.cssSelector("#diagram g.train[data-train='133']")));
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("train-table")));
            b.text(
                    By.id("train-table"),
                    calls -> assertThat(calls).contains("UTC+7").doesNotContain("UTC+8"));
            b.shot("networks-0-planner-bangkok-zones");
        } finally {
            chrome.executeCdpCommand(
                    "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script.get("identifier")));
        }
    }

    @Test
    void thePlannersNetworkPickerShowsTheBangkokLineAndIsRemembered() {
        b.signIn("planner9", "planner9 password", "/planner.html?network=vientiane-bangkok&date=" + DATE);
        train("133");
        b.attribute(By.id("network"), "value", network -> assertThat(network).isEqualTo("vientiane-bangkok"));
        b.texts(
                By.cssSelector("#network option"),
                options -> assertThat(options).hasSize(2));
        // the whole main line in its own chainage direction (km rising northward), over the night: the
        // Northeastern main line to Thanon Chira, the Nong Khai line beside it in the line picker (ADR 0033)
        b.attribute(
                BrowserSupport.inField("from"),
                "value",
                from -> assertThat(from).isEqualTo("KTW"));
        b.attribute(BrowserSupport.inField("to"), "value", to -> assertThat(to).isEqualTo("TCJ"));
        b.until(
                d -> new Select(d.findElement(BrowserSupport.inField("line")))
                        .getOptions().stream().map(o -> o.getAttribute("value")).toList(),
                lines -> assertThat(lines).containsExactly("NE", "NK"));
        assertThat(b.driver.findElements(By.cssSelector("#diagram g.train[data-train='C82']")))
                .isEmpty();
        // the day's conflicts are that network's (none with the shipped data), and its trains are listed
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#conflicts li.ok")));
        b.shot("networks-1-planner-bangkok");

        // the change panel changes the Bangkok line's timetable: 133 half an hour earlier on the day, drafted,
        // previewed on the diagram and published; the list of changes is that network's
        b.displayed(By.id("change-form"), shown -> assertThat(shown).isTrue());
        b.wait.until(d -> !d.findElements(By.cssSelector("#edit-train option[value='133']"))
                .isEmpty());
        new Select(b.driver.findElement(By.id("edit-train"))).selectByValue("133");
        b.setValue(By.id("edit-departure"), "20:55");
        b.type(By.id("change-title"), "works at Saraburi");
        b.click(By.cssSelector("#change-form [type=submit]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-badge")));
        assertThat(server.get("/api/timetable/trains/133?date=" + DATE)
                        .json()
                        .get("calls")
                        .get(0)
                        .get("departureLocal")
                        .asText())
                .as("a draft changes nothing")
                .isEqualTo("21:25");
        b.js("arguments[0].scrollIntoView()", b.driver.findElement(By.id("draft-panel")));
        b.shot("networks-1b-planner-bangkok-draft");
        if (b.driver.findElement(By.id("accept-conflicts")).isDisplayed()) {
            b.click(By.id("accept-conflicts"));
        }
        b.click(By.cssSelector("#publish-form [type=submit]"));
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-result"), "published"));
        assertThat(server.get("/api/timetable/trains/133?date=" + DATE)
                        .json()
                        .get("calls")
                        .get(0)
                        .get("departureLocal")
                        .asText())
                .isEqualTo("20:55");
        By item = By.cssSelector("#changes-list li[data-status=PUBLISHED]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        b.text(item, published -> assertThat(published).contains("133"));
        b.shot("networks-1c-planner-bangkok-published");
        b.click(By.cssSelector("#changes-list li[data-status=PUBLISHED] [data-action=undo]"));
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-result"), "undone"));
        assertThat(server.get("/api/timetable/trains/133?date=" + DATE)
                        .json()
                        .get("calls")
                        .get(0)
                        .get("departureLocal")
                        .asText())
                .isEqualTo("21:25");

        b.driver.get(server.url("/planner.html?date=" + DATE));
        train("133"); // remembered on this browser
        b.attribute(By.id("network"), "value", network -> assertThat(network).isEqualTo("vientiane-bangkok"));

        new Select(b.driver.findElement(By.id("network"))).selectByValue("china-laos");
        b.wait.until(d -> d.getCurrentUrl().contains("network=china-laos")
                || !d.findElements(By.cssSelector("#diagram g.train[data-train='C82']"))
                        .isEmpty());
        // the switch opens the page on the browser's today: the tests' day is typed in once the page has set it
        b.attribute(By.id("date"), "value", date -> assertThat(date).isNotEmpty());
        b.setValue(By.id("date"), DATE);
        b.click(By.cssSelector("#window-form [type=submit]"));
        train("C82");
        assertThat(b.driver.findElements(By.cssSelector("#diagram g.train[data-train='133']")))
                .isEmpty();
        b.displayed(By.id("change-form"), shown -> assertThat(shown).isTrue());
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void aPassengerBooks133InThaiWithALowerBerthAndGetsIt() {
        b.signIn("malee", "malee password 1", "/book.html");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        b.lang("th");
        b.chooseStation("from", "Krung", "KTW");
        b.chooseStation("to", "Khamsa", "KSV");
        b.setValue(By.id("date"), DATE);
        // baht by default from a Bangkok station
        b.attribute(
                BrowserSupport.inField("currency"),
                "value",
                currency -> assertThat(currency).isEqualTo("THB"));
        b.click(By.cssSelector("#search-form [type=submit]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.journey[data-train='133']")));
        b.text(
                By.cssSelector("#results h2"),
                heading -> assertThat(heading).contains(BE_YEAR).contains("สถานีกลางกรุงเทพอภิวัฒน์"));
        b.text(
                By.cssSelector("li.journey[data-train='133'] tr[data-class=HARD_SEAT]"),
                seat -> assertThat(seat).contains("฿281.00"));
        b.click(By.cssSelector("li.journey[data-train='133'] tr[data-class=HARD_SLEEPER] button"));
        b.field("berth");
        // each berth is offered with its own price once the fare answers: the lower dearer than the upper
        By lower = By.cssSelector("[data-field='berth'] option[data-berth=LOWER]");
        By upper = By.cssSelector("[data-field='berth'] option[data-berth=UPPER]");
        b.until(
                d -> List.of(
                        d.findElement(lower).getText(), d.findElement(upper).getText()),
                berths -> {
                    assertThat(berths.get(0)).contains("฿").startsWith("เตียงล่าง");
                    assertThat(berths.get(1)).contains("฿").startsWith("เตียงบน");
                    assertThat(berths.get(0).replaceAll(".*฿", ""))
                            .isNotEqualTo(berths.get(1).replaceAll(".*฿", ""));
                });
        new Select(b.field("berth")).selectByValue("LOWER");
        b.type(By.name("passengers[0].name"), "มาลี ใจดี");
        b.type(By.name("passengers[0].documentNumber"), "AB7654321");
        b.setValue(By.name("passengers[0].documentExpiry"), "2032-01-01");
        b.shot("networks-2-berth-choice-th");
        b.click(By.cssSelector("#details-form [type=submit]"));
        b.click(By.cssSelector("[data-action=pay]"));
        String ticket = "article.booking[data-status=TICKETED]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ticket)));
        b.text(
                By.cssSelector(ticket + " .berth[data-berth=LOWER]"),
                berth -> assertThat(berth).contains("เตียงล่าง"));
        b.text(
                By.cssSelector(ticket),
                text -> assertThat(text)
                        .contains("สถานีกลางกรุงเทพอภิวัฒน์")
                        .contains(BE_YEAR)
                        .contains("มาลี ใจดี"));
        b.text(By.cssSelector(ticket + " .total"), total -> assertThat(total).startsWith("฿"));
        b.shot("networks-3-ticket-lower-berth-th");
        // what was sold is what the API holds: a lower berth (seat A) at the lower berth's fare
        var bookings = server.get("/api/bookings", server.token("malee", "malee password 1"))
                .json();
        assertThat(bookings.toString()).contains("\"berth\":\"LOWER\"");
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void bangkokToLuangPrabangShowsTheJourneyAcrossBothNetworksAndItsMissedTrains() {
        b.driver.get(server.url("/book.html"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        b.chooseStation("from", "กรุงเทพ", "KTW"); // in Thai: the server searches the Bangkok line's Thai names
        b.chooseStation("to", "Luang", "LPB");
        b.setValue(By.id("date"), DATE);
        b.click(By.cssSelector("#search-form [type=submit]"));
        String journey = "li.cross-journey[data-first='133']";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(journey)));
        var api = server.get("/api/networks/journeys?from=KTW&to=LPB&date=" + DATE)
                .json()
                .get(0);
        String second = api.get("second").get("train").asText();
        b.attribute(
                By.cssSelector(journey),
                "data-second",
                shown -> assertThat(shown).isEqualTo(second));
        b.text(
                By.cssSelector(journey + " .transfer"),
                transfer -> assertThat(transfer).contains("by road").contains("16"));
        if (api.get("missed").size() > 0) {
            b.text(
                    By.cssSelector(journey + " .missed"),
                    missed -> assertThat(missed)
                            .contains(api.get("missed").get(0).get("train").asText()));
        }
        b.shot("networks-4-across-networks");
        // the LCR leg is bought as any train of its network: its own search, from Vientiane
        b.click(By.cssSelector("li.cross-journey .second-leg button[data-leg]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.journey[data-train='" + second + "']")));
        b.attribute(
                BrowserSupport.inField("from"),
                "data-code",
                from -> assertThat(from).isEqualTo("VTE"));
        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void aPassengerBuysBangkokToLuangPrabangInOneStepAndSeesItAsOneTripCard() {
        b.signIn("malee", "malee password 1", "/book.html");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
        b.chooseStation("from", "Krung", "KTW");
        b.chooseStation("to", "Luang", "LPB");
        b.setValue(By.id("date"), DATE);
        b.click(By.cssSelector("#search-form [type=submit]"));
        b.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.cross-journey[data-first='133']")));
        b.click(By.cssSelector("li.cross-journey[data-first='133'] [data-action=book-journey]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("journey-form")));
        b.type(By.name("passengers[0].name"), "Malee Jaidee");
        new Select(b.field("passengers[0].nationality")).selectByValue("THA");
        b.type(By.name("passengers[0].documentNumber"), "TB1234567");
        b.setValue(By.name("passengers[0].documentExpiry"), "2032-01-01");
        b.shot("networks-5-journey-form");
        b.click(By.cssSelector("#journey-form [type=submit]"));
        String held = "article.journey-booking[data-status=HELD]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(held)));
        b.until(
                d -> d.findElements(By.cssSelector(held + " article.booking")),
                legs -> assertThat(legs).hasSize(2));
        String total = b.text(
                By.cssSelector(held + " .journey-total .total"),
                shown -> assertThat(shown).startsWith("฿"));
        b.click(By.cssSelector("[data-action=pay-journey]"));
        String paid = "article.journey-booking[data-status=TICKETED]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(paid)));
        b.until(
                d -> d.findElements(By.cssSelector(paid + " article.booking[data-status=TICKETED] img.qr")),
                qrs -> assertThat(qrs).hasSize(2));
        b.shot("networks-6-journey-tickets");
        // what the page shows is what the API holds: one journey, ticketed, one charge of the total shown
        var journeys = server.get("/api/journey-bookings", server.token("malee", "malee password 1"))
                .json();
        assertThat(journeys).hasSize(1);
        assertThat(journeys.get(0).get("status").asText()).isEqualTo("TICKETED");
        assertThat(journeys.get(0).get("payments")).hasSize(1);
        assertThat(total.replaceAll("[^0-9]", ""))
                .isEqualTo(journeys.get(0).get("total").get("minor").asText());

        // my trips: the journey is one card with both legs inside, not two bookings beside it
        b.driver.get(server.url("/trips.html"));
        String card = "#bookings article.journey-booking[data-status=TICKETED]";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(card)));
        b.until(
                d -> d.findElements(By.cssSelector(card + " article.booking")),
                legs -> assertThat(legs).hasSize(2));
        for (var leg : journeys.get(0).get("legs")) {
            assertThat(b.driver.findElements(By.cssSelector("#bookings > article.booking[data-id='"
                            + leg.get("id").asText() + "']")))
                    .isEmpty();
        }
        changeTheLcrLeg(journeys.get(0));
        b.lang("lo");
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("article.journey-booking [data-action=cancel-journey]"), "ຍົກເລີກ"));
        b.click(By.cssSelector("article.journey-booking [data-action=cancel-journey]"));
        b.click(By.cssSelector("[data-action=confirm-cancel-journey]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#bookings article.journey-booking[data-status=CANCELLED]")));
        b.shot("networks-7-journey-cancelled-lo");
        assertThat(b.consoleErrors()).isEmpty();
    }

    /**
     * "Change this leg" on the LCR train of the paid journey shown in My trips: a train leaving Vientiane too soon is
     * refused with the minutes between the trains and the transfer's minimum; the same train the next day is taken,
     * the 133 leg untouched.
     */
    private void changeTheLcrLeg(JsonNode journey) {
        String leg = "#bookings article.journey-booking .journey-legs > article.booking:nth-of-type(2) ";
        var lcr = journey.get("legs").get(1);
        var offer = JourneyBookingApiTest.offered(server, "KTW", "LPB", DAY, "133");
        var missed = offer.get("missed").get(0);
        long minimum = offer.get("transfer").get("minimumConnectionMinutes").asLong();
        b.click(By.cssSelector(leg + "[data-action=change]"));
        b.setValue(
                By.cssSelector(leg + ".change-panel input[type=date]"),
                lcr.get("date").asText());
        b.click(By.cssSelector(leg + "[data-action=change-search]"));
        b.click(By.cssSelector(
                leg + ".change-list button[data-train='" + missed.get("train").asText() + "']"));
        By refused = By.cssSelector(leg + ".change-options .message.error[data-code=journey-connection]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(refused));
        b.text(refused, text -> assertThat(text).contains(minimum + " min").contains("misses the connection"));
        b.shot("networks-6b-journey-leg-missed");
        assertThat(b.consoleErrors())
                .as("the refusal, and nothing else")
                .allMatch(m -> m.contains("/legs/1/change") && m.contains("409"));

        LocalDate nextDay = LocalDate.parse(lcr.get("date").asText()).plusDays(1);
        b.setValue(By.cssSelector(leg + ".change-panel input[type=date]"), nextDay.toString());
        b.click(By.cssSelector(leg + "[data-action=change-search]"));
        b.click(By.cssSelector(
                leg + ".change-list button[data-train='" + lcr.get("train").asText() + "'][data-class=SECOND]"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message .message.ok")));
        var now = server.get(
                        "/api/journey-bookings/" + journey.get("id").asText(),
                        server.token("malee", "malee password 1"))
                .json();
        assertThat(now.get("status").asText()).isEqualTo("TICKETED");
        assertThat(now.get("legs").get(1).get("date").asText()).isEqualTo(nextDay.toString());
        assertThat(now.get("legs").get(0).get("id").asText())
                .isEqualTo(journey.get("legs").get(0).get("id").asText());
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#bookings article.journey-booking article.booking[data-id='"
                        + now.get("legs").get(1).get("id").asText() + "']")));
        assertThat(b.driver.findElements(By.cssSelector(
                        "#bookings > article.booking[data-id='" + lcr.get("id").asText() + "']")))
                .as("the leg changed from is the journey's past, not a trip of its own")
                .isEmpty();
        b.shot("networks-6c-journey-leg-changed");
    }
}
