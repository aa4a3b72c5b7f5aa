package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15's planner and maintenance items in a real headless Chromium against the real server: a timetable change
 * scoped to one date, previewed with the tickets it touches, published and undone (item 2); the diagram's sticky axes,
 * zoom with readable labels, the inserted path brought into view, the start field and the conflict list (item 8); a
 * work order planned into a skylight window, the page saying where to make one, a window's warning shown as a
 * warning (item 9). Screenshots are kept in target/screenshots/.
 */
class PlannerAndMaintenanceBrowserTest {
    /** Inside every operator's sales window (LCR sells 7 days ahead). */
    private static final LocalDate DAY = TestDates.daysAhead(3);

    private static TestServer server;
    private static BrowserSupport b;
    private static String passenger;
    /** Two daily passenger trains from Vientiane (looked up: train numbers change with the reference data). */
    private static final List<JsonNode> LAO_TRAINS = new ArrayList<>();

    private static int documents;

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer();
        String admin = server.adminToken();
        for (String[] u : new String[][] {{"planner1", "PLANNER"}, {"souk", "MAINTAINER"}}) {
            server.postJson(
                    "/api/users",
                    admin,
                    "{\"username\":\"" + u[0] + "\",\"displayName\":\"" + u[0] + "\",\"password\":\"" + u[0]
                            + " password\",\"roles\":[\"" + u[1] + "\"]}");
        }
        passenger = server.passenger("noy", "Noy", "noy password 1");
        for (JsonNode t : server.get("/api/timetable/trains").json()) {
            if (t.get("passenger").asBoolean()
                    && t.get("from").asText().equals("VTE")
                    && t.get("days").asText().equals("daily")) {
                LAO_TRAINS.add(t);
            }
        }
        assertThat(LAO_TRAINS).hasSizeGreaterThanOrEqualTo(2);
        b = new BrowserSupport(server, 1280, 900);
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
    void freshBrowser() {
        b.fresh();
    }

    private static String train() {
        return LAO_TRAINS.get(0).get("number").asText();
    }

    private static String ticket(LocalDate date) {
        TestServer.Reply held = server.postJson(
                "/api/bookings",
                passenger,
                "{\"train\":\"" + train() + "\",\"date\":\"" + date + "\",\"from\":\"VTE\",\"to\":\"LPB\","
                        + "\"seatClass\":\"SECOND\",\"currency\":\"LAK\",\"passengers\":[{\"name\":\"Noy K.\","
                        + "\"documentType\":\"LAO_ID_CARD\",\"documentNumber\":\"LA" + (3_000_000 + ++documents)
                        + "\",\"nationality\":\"LAO\",\"dateOfBirth\":\"1995-02-03\"}]}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().get("id").asText();
        server.postJson("/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"k-" + id + "\"}");
        return id;
    }

    private static String departure(LocalDate date) {
        for (JsonNode j : server.get("/api/journeys?from=VTE&to=LPB&date=" + date + "&currency=LAK")
                .json()) {
            if (j.get("train").asText().equals(train())) {
                return j.get("departure").asText();
            }
        }
        return null;
    }

    private static String plusMinutes(String hhmm, int minutes) {
        int m = Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5)) + minutes;
        return String.format("%02d:%02d", (m / 60) % 24, m % 60);
    }

    private static String planner() {
        return server.token("planner1", "planner1 password");
    }

    // ---------------------------------------------------------------- item 2

    @Test
    void aPlannerMovesATrainOnOneDateThroughADraftSeesTheTicketsItTouchesPublishesAndUndoesIt() {
        String onTheDay = ticket(DAY);
        String nextDay = ticket(DAY.plusDays(1));
        String was = departure(DAY);
        String wasNext = departure(DAY.plusDays(1));
        String later = plusMinutes(LAO_TRAINS.get(0).get("departureLocal").asText(), 60);

        b.signIn("planner1", "planner1 password", "/planner.html?from=VTE&to=LPB&date=" + DAY);
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#diagram svg g.train")));
        b.consoleErrors(); // from here on the planner's page only
        b.wait.until(d -> !d.findElements(By.cssSelector("#edit-train option[value='" + train() + "']"))
                .isEmpty());
        new Select(b.driver.findElement(By.id("edit-train"))).selectByValue(train());
        b.attribute(By.id("scope-from"), "value", from -> assertThat(from).isEqualTo(DAY.toString()));
        b.attribute(By.id("scope-to"), "value", to -> assertThat(to).isEqualTo(DAY.toString()));
        b.setValue(By.id("edit-departure"), later);
        b.type(By.id("change-title"), "engineering works at Phonhong");
        b.click(By.cssSelector("#change-form [type=submit]"));

        By row = By.cssSelector("#impact-table tr[data-booking='" + onTheDay + "']");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        b.text(
                row,
                impact -> assertThat(impact)
                        .contains(DAY.toString())
                        .contains("+60")
                        .contains("free change or refund"));
        assertThat(b.driver.findElements(By.cssSelector("#impact-table tr[data-booking='" + nextDay + "']")))
                .as("a ticket of another date is not touched")
                .isEmpty();
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-badge")));
        assertThat(departure(DAY)).as("a draft changes nothing").isEqualTo(was);
        b.js("arguments[0].scrollIntoView()", b.driver.findElement(By.id("draft-panel")));
        b.shot("changes-1-draft-with-impact");

        if (b.driver.findElement(By.id("accept-conflicts")).isDisplayed()) {
            b.click(By.id("accept-conflicts"));
        }
        b.click(By.cssSelector("#publish-form [type=submit]"));
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-result"), "published"));
        b.text(By.id("change-result"), result -> assertThat(result).contains("1 booking(s)"));
        assertThat(departure(DAY)).isNotEqualTo(was).contains("T" + later);
        assertThat(departure(DAY.plusDays(1))).as("the next day keeps its time").isEqualTo(wasNext);
        List<String> told = new ArrayList<>();
        server.get("/api/notifications", passenger).json().forEach(n -> {
            if (n.get("kind").asText().equals("TIMETABLE_CHANGE")) {
                told.add(n.get("bookingId").asText());
            }
        });
        assertThat(told).containsExactly(onTheDay);
        By item = By.cssSelector("#changes-list li[data-status=PUBLISHED]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        b.text(item, published -> assertThat(published).contains("planner1").contains(train()));
        b.shot("changes-2-published");

        b.click(By.cssSelector("#changes-list li[data-status=PUBLISHED] [data-action=undo]"));
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-result"), "undone"));
        b.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#changes-list li[data-status=UNDONE]")));
        assertThat(departure(DAY)).isEqualTo(was);
        b.shot("changes-3-undone");
        assertThat(b.consoleErrors()).as("console errors on the planner's page").isEmpty();
    }

    @Test
    void aFreightPathForOneDateIsPreviewedHighlightedInViewAndPublishedForThatDateOnly() {
        LocalDate date = DAY.plusDays(8);
        b.signIn("planner1", "planner1 password", "/planner.html?from=BTN&to=VTE&date=" + date);
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#diagram svg g.train")));
        b.consoleErrors(); // from here on the planner's page only
        new Select(b.driver.findElement(By.id("edit-kind"))).selectByValue("ADD");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ins-number")))
                .clear();
        b.type(By.id("ins-number"), "X9401");
        new Select(b.driver.findElement(By.id("ins-type"))).selectByValue("FREIGHT");
        new Select(b.driver.findElement(By.id("ins-from"))).selectByValue("BTN");
        new Select(b.driver.findElement(By.id("ins-to"))).selectByValue("VTS");
        b.setValue(By.id("ins-earliest"), "13:00");
        b.click(By.cssSelector("#change-form [type=submit]"));

        By changedPath = By.cssSelector("#diagram g.train.changed[data-train='X9401']");
        b.wait.until(d -> inView(changedPath));
        b.text(By.id("preview-badge"), badge -> assertThat(badge).contains("not published"));
        b.text(By.id("draft-conflicts"), conflicts -> assertThat(conflicts).contains("No new conflict"));
        b.displayed(By.id("impact-none"), shown -> assertThat(shown).isTrue());
        b.shot("changes-4-freight-path-previewed-in-view");
        assertThat(server.get("/api/timetable/trains?date=" + date).json().findValuesAsText("number"))
                .as("a draft adds nothing")
                .doesNotContain("X9401");

        b.click(By.cssSelector("#publish-form [type=submit]"));
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-result"), "published"));
        b.wait.until(d -> inView(changedPath));
        b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview-badge")));
        assertThat(server.get("/api/timetable/trains?date=" + date).json().findValuesAsText("number"))
                .contains("X9401");
        assertThat(server.get("/api/timetable/trains?date=" + date.plusDays(1))
                        .json()
                        .findValuesAsText("number"))
                .as("a path inserted for one date is not a daily train")
                .doesNotContain("X9401");
        b.shot("changes-5-freight-path-published");
        assertThat(b.consoleErrors()).as("console errors on the planner's page").isEmpty();
    }

    /**
     * Whether the middle of an element of the diagram is inside the diagram's visible area, looked up afresh (the page
     * redraws the diagram as the change's preview and publication come back).
     */
    private static boolean inView(By selector) {
        List<WebElement> found = b.driver.findElements(selector);
        if (found.isEmpty()) {
            return false;
        }
        try {
            return inView(found.get(0));
        } catch (StaleElementReferenceException redrawn) {
            return false;
        }
    }

    private static boolean inView(WebElement e) {
        return (Boolean) b.js(
                "const r = arguments[0].getBoundingClientRect(), v = document.getElementById('diagram')"
                        + ".getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;"
                        + " return r.width > 0 && x >= v.left && x <= v.right && y >= v.top && y <= v.bottom;",
                e);
    }

    // ---------------------------------------------------------------- item 8

    @Test
    void theDiagramKeepsItsAxesInViewZoomsWithReadableLabelsAndListsConflictsWithoutNull() {
        LocalDate date = DAY.plusDays(5);
        // a conflict to list: the second Vientiane train moved onto the first's departure, and a possession
        String second = LAO_TRAINS.get(1).get("number").asText();
        TestServer.Reply moved = server.postJson(
                "/api/timetable/changes",
                planner(),
                "{\"scope\":{\"from\":\"" + date + "\"},\"edits\":[{\"kind\":\"MOVE\",\"train\":\"" + second
                        + "\",\"departure\":\""
                        + LAO_TRAINS.get(0).get("departureLocal").asText() + "\"}]}");
        String change = moved.json().get("id").asText();
        assertThat(server.postJson(
                                "/api/timetable/changes/" + change + "/publish",
                                planner(),
                                "{\"acceptConflicts\":true}")
                        .status())
                .isEqualTo(200);
        server.postJson(
                "/api/timetable/possessions",
                planner(),
                "{\"id\":\"P-TEST-8\",\"from\":\"VTE\",\"to\":\"PHH\",\"start\":\"" + date + "T09:00+07:00\",\"end\":\""
                        + date + "T11:00+07:00\",\"description\":\"rail grinding\"}");

        b.signIn("planner1", "planner1 password", "/planner.html?from=KMS&to=VTE&date=" + date + "&hours=24");
        WebElement diagram = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diagram")));
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg.ldd g.train")));

        // the start time is not cut off: "12:00 AM" (the widest a 12-hour clock writes) and the picker fit
        WebElement startField = b.driver.findElement(By.id("start"));
        Number needed = (Number) b.js(
                "const i = arguments[0], c = document.createElement('canvas').getContext('2d'), s = getComputedStyle(i);"
                        + " c.font = s.font; return c.measureText('12:00 AM').width + 40"
                        + " + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight);",
                startField);
        assertThat(((Number) b.js("return arguments[0].clientWidth", startField)).doubleValue())
                .isGreaterThanOrEqualTo(needed.doubleValue());

        // the conflicts are listed, and nothing says "null"
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#conflicts li")));
        b.text(By.id("conflicts"), shown -> assertThat(shown).isNotBlank());
        b.attribute(
                By.id("conflicts"),
                "textContent",
                conflicts -> assertThat(conflicts)
                        .doesNotContain("No conflict")
                        .contains(second)
                        .doesNotContain("null")
                        .doesNotContain("undefined")
                        .doesNotContain("NaN"));

        // scrolled right and down, the stations and the times stay at the edges of the view
        b.js("arguments[0].scrollLeft = 700; arguments[0].scrollTop = 500;", diagram);
        b.wait.until(d -> ((Number) b.js("return arguments[0].scrollTop", diagram)).intValue() > 0);
        Map<String, Double> edges = edges();
        assertThat(((Number) b.js("return document.querySelectorAll('.ldd-axis.left text.name').length")).intValue())
                .as("station names in the left band")
                .isGreaterThan(10);
        assertThat(((Number) b.js("return document.querySelectorAll('.ldd-axis.top text.time').length")).intValue())
                .as("hours in the top band")
                .isGreaterThan(10);
        assertThat(edges.get("leftAxis") - edges.get("viewLeft")).isBetween(-1.5, 1.5);
        assertThat(edges.get("topAxis") - edges.get("viewTop")).isBetween(-1.5, 1.5);
        b.js("arguments[0].scrollIntoView()", diagram);
        b.shot("diagram-1-scrolled-axes-in-view");

        // zoomed in, the plot grows and the labels keep their size
        double width = svgWidth();
        double label = labelHeight();
        b.click(By.id("zoom-in"));
        b.wait.until(ExpectedConditions.textToBe(By.id("zoom-level"), "150 %"));
        b.click(By.id("zoom-in"));
        b.wait.until(ExpectedConditions.textToBe(By.id("zoom-level"), "200 %"));
        b.wait.until(d -> svgWidth() > width * 1.5);
        assertThat(labelHeight()).isCloseTo(label, offset(1.0));
        assertThat(b.driver.getCurrentUrl()).contains("zoom=2");
        b.shot("diagram-2-zoomed-in");
        b.click(By.id("zoom-fit"));
        b.wait.until(d -> svgWidth() <= ((Number) b.js("return arguments[0].clientWidth", diagram)).doubleValue() + 1);
        assertThat(labelHeight()).isCloseTo(label, offset(1.0));
        b.shot("diagram-3-fit-to-width-readable");
        server.postJson("/api/timetable/changes/" + change + "/undo", planner(), "{}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDiagramDrawnInStepsStillShowsEveryTrainWithItsNumberItsAxesAndAClickableTrain() {
        LocalDate date = DAY.plusDays(6);
        String query = "from=KMS&to=VTE&date=" + date + "&start=06:00&hours=12";
        // what the server draws for that window: every train's group and every number it writes on a line
        String drawn = server.get("/api/timetable/diagram.svg?" + query + "&lang=en&zoom=1", planner())
                .body();
        List<String> trains = matches(drawn, "<g class=\"train\" data-train=\"([^\"]+)\"");
        List<String> numbers = matches(drawn, "class=\"number\"[^>]*>([^<]+)</text>");
        assertThat(trains).as("trains drawn by the server").hasSizeGreaterThan(10);
        assertThat(numbers).as("numbers drawn by the server").hasSizeGreaterThan(10);

        b.signIn("planner1", "planner1 password", "/planner.html?" + query);
        // the last step of the drawing: the conflicts listed after the diagram and its axis bands
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#conflicts li")));
        Map<String, Object> page = (Map<String, Object>) b.js("const svg = document.querySelector('#diagram svg.ldd');"
                + " const gs = [...svg.querySelectorAll('g.train')];"
                + " return {trains: gs.map((g) => g.dataset.train),"
                + " numbers: [...svg.querySelectorAll('g.train text.number')].map((t) => t.textContent),"
                + " buttons: gs.filter((g) => g.getAttribute('role') === 'button' && g.tabIndex === 0).length,"
                + " names: svg.querySelectorAll('text.name').length,"
                + " leftNames: document.querySelectorAll('.ldd-axis.left text.name').length,"
                + " topTimes: document.querySelectorAll('.ldd-axis.top text.time').length};");
        assertThat((List<String>) page.get("trains")).containsExactlyElementsOf(trains);
        assertThat((List<String>) page.get("numbers")).containsExactlyElementsOf(numbers);
        assertThat(((Number) page.get("buttons")).intValue()).isEqualTo(trains.size());
        assertThat(((Number) page.get("leftNames")).intValue())
                .as("every station name in the left band")
                .isEqualTo(((Number) page.get("names")).intValue());
        assertThat(((Number) page.get("topTimes")).intValue()).isGreaterThan(10);

        // a train is still a button, and the panels below, drawn only when scrolled to, are there when they are
        b.js(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                b.driver.findElement(By.cssSelector("#diagram g.train[data-train='" + trains.get(0) + "']")));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("train-title")));
        b.text(By.id("train-title"), title -> assertThat(title).startsWith(trains.get(0)));
        b.js("document.getElementById('trains-table').scrollIntoView()");
        b.wait.until(
                d -> d.findElements(By.cssSelector("#trains-table tbody tr")).size() > 10);
        b.displayed(
                By.cssSelector("#trains-table tbody tr"),
                shown -> assertThat(shown).isTrue());
        b.shot("diagram-4-drawn-in-steps");
    }

    private static List<String> matches(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static double svgWidth() {
        return ((Number)
                        b.js(
                                "const s = document.querySelector('#diagram svg.ldd'); return s ? s.getBoundingClientRect().width : 0"))
                .doubleValue();
    }

    /** The height of an hour label of the time axis, as drawn on screen. */
    private static double labelHeight() {
        return ((Number) b.js(
                        "return document.querySelector('#diagram svg.ldd text.time').getBoundingClientRect().height"))
                .doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> edges() {
        Map<String, Object> raw =
                (Map<String, Object>) b.js("const v = document.getElementById('diagram').getBoundingClientRect();"
                        + " return {viewLeft: v.left, viewTop: v.top,"
                        + " leftAxis: document.querySelector('.ldd-axis.left').getBoundingClientRect().left,"
                        + " topAxis: document.querySelector('.ldd-axis.top').getBoundingClientRect().top};");
        Map<String, Double> out = new HashMap<>();
        raw.forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    // ---------------------------------------------------------------- item 9

    @Test
    void aMaintainerIsToldWhereToMakeASkylightWindowSeesItsWarningAsAWarningAndPlansTheWorkOrderInLao() {
        String souk = server.token("souk", "souk password");
        Map<String, Double> km = new HashMap<>();
        server.get("/api/network/points?include=assumed")
                .json()
                .forEach(p -> km.put(p.get("code").asText(), p.get("km").asDouble()));
        JsonNode windows = server.get("/api/maintenance/skylights", souk).json();
        JsonNode asset = null;
        for (JsonNode a : server.get("/api/maintenance/assets", souk).json()) {
            if (asset == null && a.get("type").asText().equals("BRIDGE") && !reached(a, windows, km)) {
                asset = a;
            }
        }
        boolean noWindowReachesIt = asset != null;
        if (asset == null) { // the shipped skylight plan reaches every bridge: plan into one of its windows
            asset = server.get("/api/maintenance/assets", souk).json().get(0);
        }
        String assetId = asset.get("id").asText();
        TestServer.Reply opened = server.postJson(
                "/api/maintenance/work-orders",
                souk,
                "{\"assetId\":\"" + assetId + "\",\"title\":\"Repaint the girders\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String orderId = opened.json().get("id").asText();

        b.signIn("souk", "souk password", "/maintenance.html");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("content")));
        b.consoleErrors(); // from here on the maintenance page only
        b.click(By.cssSelector(".lang-switch button[lang=lo]"));
        b.wait.until(d -> "lo".equals(b.js("return document.documentElement.lang")));
        By card = By.xpath("//div[@id='board']//article[contains(., 'Repaint the girders')]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        if (noWindowReachesIt) {
            By help = By.xpath("//div[@id='board']//article[contains(., 'Repaint the girders')]"
                    + "//p[contains(@class, 'plan-no-window')]");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(help));
            b.attribute(help, "class", kind -> assertThat(kind).contains("warn").doesNotContain("error"));
            b.text(help, text -> assertThat(text).contains("ຊ່ວງເວລາບຳລຸງຮັກສາ")); // "maintenance window", in Lao
            b.wait.until(d -> {
                b.js("arguments[0].scrollIntoView({block: 'center'})", d.findElement(help));
                return true;
            });
            b.shot("maintenance-plan-1-no-window-lo");
            b.click(By.xpath("//div[@id='board']//article[contains(., 'Repaint the girders')]"
                    + "//p[contains(@class, 'plan-no-window')]//a[contains(@class, 'make-window')]"));
            JsonNode reached = asset;
            b.until(
                    d -> List.of(
                            d.findElement(By.id("s-from")).getAttribute("value"),
                            d.findElement(By.id("s-to")).getAttribute("value")),
                    ends -> {
                        double from = km.get(ends.get(0));
                        double to = km.get(ends.get(1));
                        assertThat(Math.min(from, to))
                                .isLessThanOrEqualTo(reached.get("fromKm").asDouble());
                        assertThat(Math.max(from, to))
                                .isGreaterThanOrEqualTo(reached.get("toKm").asDouble());
                    });
            b.until(
                    d -> d.switchTo().activeElement().getAttribute("id"),
                    focused -> assertThat(focused).isEqualTo("s-id"));
        } else { // a new window over the stretch of one that reaches the asset, so it is offered first too
            JsonNode reaching = null;
            for (JsonNode w : windows) {
                if (reaching == null && reached(asset, List.of(w), km)) {
                    reaching = w;
                }
            }
            assertThat(reaching)
                    .as("a shipped window reaching %s", asset.get("id"))
                    .isNotNull();
            new Select(b.driver.findElement(By.id("s-from")))
                    .selectByValue(reaching.get("fromPoint").asText());
            new Select(b.driver.findElement(By.id("s-to")))
                    .selectByValue(reaching.get("toPoint").asText());
            b.type(By.id("s-id"), "SKY-TEST-9");
        }
        String windowId = b.driver.findElement(By.id("s-id")).getAttribute("value");
        b.setValue(By.id("s-start"), "01:00");
        WebElement minutes = b.driver.findElement(By.id("s-dur"));
        minutes.clear();
        minutes.sendKeys("60"); // shorter than the rule: saved, with a warning
        b.click(By.cssSelector("#sky-form [type=submit]"));
        By warning = By.cssSelector("#sky-result .message.warn li");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(warning));
        b.text(warning, text -> assertThat(text).isNotBlank());
        assertThat(b.driver.findElements(By.cssSelector("#sky-form .form-error:not([hidden])")))
                .as("a saved window's warning is not an error")
                .isEmpty();
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.driver.findElement(warning));
        b.shot("maintenance-plan-2-window-saved-with-warning-lo");

        // the board redraws its cards: the plan form is found again at each step
        String planForm = "#mv-" + orderId + " ";
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mv-" + orderId)));
        b.wait.until(
                d -> !d.findElements(By.cssSelector(planForm + "[name=skylightId] option[value='" + windowId + "']"))
                        .isEmpty());
        b.text(
                By.cssSelector(planForm + "optgroup"),
                offered -> assertThat(offered).contains(windowId));
        new Select(b.driver.findElement(By.cssSelector(planForm + "[name=skylightId]"))).selectByValue(windowId);
        b.type(By.cssSelector(planForm + "[name=crew]"), "Crew 4, Luang Prabang");
        b.js("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", "mv-" + orderId);
        b.shot("maintenance-plan-3-plan-form-lo");
        b.click(By.cssSelector(planForm + "[type=submit]"));
        b.wait.until(d -> server.get("/api/maintenance/work-orders", souk).json().findParents("id").stream()
                .anyMatch(o -> o.get("id").asText().equals(orderId)
                        && o.get("status").asText().equals("PLANNED")));
        // the board redraws its cards once the plan is stored: read the card as last drawn
        b.text(card, planned -> assertThat(planned).contains(windowId));
        b.wait.until(d -> {
            b.js("arguments[0].scrollIntoView({block: 'center'})", d.findElement(card));
            return true;
        });
        b.shot("maintenance-plan-4-planned-lo");
        assertThat(b.consoleErrors())
                .as("console errors on the maintenance page")
                .isEmpty();
    }

    private static boolean reached(JsonNode asset, Iterable<JsonNode> windows, Map<String, Double> km) {
        for (JsonNode w : windows) {
            double a = km.get(w.get("fromPoint").asText());
            double c = km.get(w.get("toPoint").asText());
            if (Math.min(a, c) <= asset.get("toKm").asDouble()
                    && Math.max(a, c) >= asset.get("fromKm").asDouble()) {
                return true;
            }
        }
        return false;
    }
}
