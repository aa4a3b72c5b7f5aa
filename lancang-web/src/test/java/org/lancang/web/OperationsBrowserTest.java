package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lancang.operations.DayGraph;
import org.lancang.operations.LineOrders;
import org.lancang.operations.TrainPriority;
import org.lancang.store.testing.TestClock;
import org.openqa.selenium.By;

/**
 * Issue 14 items 5 and 6 in a real headless Chromium against the real server: the dispatcher's page shows a late
 * train's actual (thick) and forecast (dashed) lines, redraws itself when the next report comes in (server-sent
 * events), shows the proposal once a freight train ahead is late too, and applies it; the station board shows the
 * forecast in Lao, in Lao time; a passenger booked on the late train reads the notice on My trips, in Lao. Screenshots
 * are kept in target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsBrowserTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    static final TestClock CLOCK = TestClock.at("2026-12-04T22:00:00Z"); // 06:00 in China on the day
    static TestServer server;
    static BrowserSupport b;
    static String feed;
    static JsonNode intl;
    static Map<String, JsonNode> points = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("lancang.replan.seconds", "10"); // as OperationsApiTest: a loaded machine
        server = new TestServer(CLOCK);
        String admin = server.adminToken();
        for (String[] u : new String[][] {{"zhao", "DISPATCHER"}, {"feed", "TRAIN_DESCRIBER"}}) {
            TestServer.Reply r = server.postJson(
                    "/api/users",
                    admin,
                    "{\"username\":\"" + u[0] + "\",\"displayName\":\"" + u[0] + "\",\"password\":\"" + u[0]
                            + " password\",\"roles\":[\"" + u[1] + "\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        feed = server.token("feed", "feed password");
        server.get("/api/network/points")
                .json()
                .forEach(p -> points.put(p.get("code").asText(), p));
        for (JsonNode t :
                server.get("/api/operations/forecast?date=" + DAY, admin).json()) {
            boolean crosses = country(t.get("from").asText()).equals("CN")
                    && country(t.get("to").asText()).equals("LA");
            if (t.get("priority").asText().equals("PASSENGER")
                    && crosses
                    && (intl == null || departure(t).isBefore(departure(intl)))) {
                intl = t;
            }
        }
        assertThat(intl).isNotNull();
        bookIntlToItsDestination();
        b = new BrowserSupport(server, 1400, 1000);
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

    /**
     * The booking of a passenger on the international train, made before it runs late, to its first stop three hours
     * or more after its departure (far enough that the allowance cannot win back the delay).
     */
    static String booking;

    static String bookedTo;

    static void bookIntlToItsDestination() {
        for (JsonNode c : intl.get("calls")) {
            if (bookedTo == null
                    && c.get("stops").asBoolean()
                    && c.hasNonNull("plannedArrival")
                    && Duration.between(
                                            departure(intl),
                                            Instant.parse(
                                                    c.get("plannedArrival").asText()))
                                    .toHours()
                            >= 3) {
                bookedTo = c.get("point").asText();
            }
        }
        assertThat(bookedTo).isNotNull();
        String passenger = server.passenger("noy", "Noy", "noy password");
        String body = "{\"train\":\"" + intl.get("train").asText() + "\",\"date\":\"" + DAY + "\",\"from\":\""
                + intl.get("from").asText() + "\",\"to\":\"" + bookedTo
                + "\",\"seatClass\":\"SECOND\",\"currency\":\"CNY\",\"passengers\":[{\"name\":\"Noy S.\","
                + "\"documentType\":\"PASSPORT\",\"documentNumber\":\"P5550001\",\"nationality\":\"LAO\","
                + "\"dateOfBirth\":\"1990-05-06\",\"documentExpiry\":\"2031-01-01\"}]}";
        TestServer.Reply booked = server.postJson("/api/bookings", passenger, body);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        booking = booked.json().get("id").asText();
        TestServer.Reply paid = server.postJson(
                "/api/bookings/" + booking + "/payment", passenger, "{\"idempotencyKey\":\"pay-" + booking + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    }

    static String country(String code) {
        return points.get(code).get("country").asText();
    }

    static Instant departure(JsonNode train) {
        return Instant.parse(train.get("calls").get(0).get("plannedDeparture").asText());
    }

    /** When the last event was posted (System.nanoTime), to tell how soon the page follows it. */
    static long postedAt;

    /** The same in wall-clock milliseconds, to compare with the time the page says it drew the diagram. */
    static long postedAtMillis;

    static void report(String train, String point, String kind, Instant at) {
        String body = "{\"train\":\"" + train + "\",\"serviceDate\":\"" + DAY + "\",\"point\":\"" + point
                + "\",\"kind\":\"" + kind + "\",\"at\":\"" + at + "\",\"source\":\"browser test\"}";
        postedAt = System.nanoTime();
        postedAtMillis = System.currentTimeMillis();
        TestServer.Reply r = server.postJson("/api/operations/events", feed, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Reports the train at its next point at the forecast time (moving the clock there); the point reported. */
    static String reportNext(String train, int index) {
        JsonNode call = server.get("/api/operations/forecast/trains/" + train + "?date=" + DAY)
                .json()
                .get("calls")
                .get(index);
        boolean stops = call.get("stops").asBoolean();
        Instant at = Instant.parse(
                call.get(stops ? "forecastArrival" : "forecastDeparture").asText());
        if (CLOCK.instant().isBefore(at)) {
            CLOCK.set(at.plusSeconds(30).toString());
        }
        report(train, call.get("point").asText(), stops ? "ARRIVAL" : "PASS", at);
        return call.get("point").asText();
    }

    /** The console's errors, but for the sign-in check of a signed-out visitor (401 from /api/auth/me, expected). */
    static List<String> pageErrors() {
        return b.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/auth/me") && e.contains("401")))
                .toList();
    }

    /** Corners of the line (0 if none), read in one script: the page may replace the diagram at any moment. */
    static int corners(String selector) {
        Object d = b.js(
                "const p = document.querySelector(arguments[0]); return p ? p.getAttribute('d') : null;", selector);
        return d == null ? 0 : d.toString().split(" L").length;
    }

    @Test
    @Order(1)
    void theDispatcherSeesTheLateTrainsActualAndForecastLinesLiveAndAppliesAProposal() {
        String train = intl.get("train").asText();
        Instant late = departure(intl).plus(Duration.ofMinutes(25));
        CLOCK.set(late.plusSeconds(60).toString());
        report(train, intl.get("from").asText(), "DEPARTURE", late);
        reportNext(train, 1);

        ZoneId zone =
                ZoneId.of(points.get(intl.get("from").asText()).get("timeZone").asText());
        String start =
                departure(intl).minus(Duration.ofHours(1)).atZone(zone).format(DateTimeFormatter.ofPattern("HH:00"));
        b.fresh();
        b.signIn(
                "zhao",
                "zhao password",
                "/dispatch.html?date=" + DAY + "&from=" + intl.get("from").asText() + "&to="
                        + intl.get("to").asText() + "&start=" + start + "&hours=12");
        String actualLine = "#diagram path.live.actual[data-train='" + train + "']";
        By actual = By.cssSelector(actualLine);
        By forecast = By.cssSelector("#diagram path.live.forecast[data-train='" + train + "']");
        b.wait.until(d ->
                !d.findElements(actual).isEmpty() && !d.findElements(forecast).isEmpty());
        assertThat(b.driver.findElements(By.cssSelector("#diagram .delay-badge[data-train='" + train + "']")))
                .isNotEmpty();
        assertThat(b.driver.findElements(By.cssSelector("#delays tr[data-train='" + train + "']")))
                .isNotEmpty();
        int before = corners(actualLine);
        b.shot("dispatch-late-train");

        // the next report reaches the page by itself (server-sent events): the thick line grows
        reportNext(train, 2);
        b.wait.until(d -> corners(actualLine) > before);
        long seen = (System.nanoTime() - postedAt) / 1_000_000;
        // the page's own timestamp of the drawing (the browser and the test share the machine's clock); the wait
        // above polls every half second, so it only bounds the figure from above
        long drawn = Long.parseLong(b.js("return document.getElementById('diagram').dataset.drawnAt;")
                        .toString())
                - postedAtMillis;
        assertThat(drawn).as("drawn after the event was posted").isPositive();
        System.out.printf(
                "OperationsBrowserTest: the page drew the new line %d ms after the event was posted (seen by the test"
                        + " after %d ms)%n",
                drawn, seen);

        // a freight train ahead of it on the single track is late too: a proposal, drawn dotted, applied with one click
        DayGraph graph = DayGraph.build(
                server.platform.timetable().planner(),
                server.platform.timetable().day(DAY),
                List.of(),
                server.platform.operations().rules(),
                LineOrders.PLAN);
        DayGraph.Run intlRun = graph.find(train, DAY).orElseThrow();
        boolean proposed = false;
        for (String previous : graph.predecessorsOnLines(intlRun.owner()).values()) {
            DayGraph.Run freight = graph.run(previous).orElseThrow();
            if (freight.priority() == TrainPriority.PASSENGER
                    || !freight.serviceDate().equals(DAY)) {
                continue;
            }
            Instant freightLate = graph.plannedInstant(freight.departure(0)).plusSeconds(40 * 60);
            if (freightLate.isAfter(CLOCK.instant())) {
                continue;
            }
            report(freight.train(), freight.path().origin().code(), "DEPARTURE", freightLate);
            if (!server.get("/api/operations/proposal?date=" + DAY, server.adminToken())
                    .json()
                    .get("proposal")
                    .isNull()) {
                proposed = true;
                break;
            }
        }
        assertThat(proposed).as("a proposal once a freight train ahead is late").isTrue();
        b.wait.until(d -> !d.findElements(By.id("apply")).isEmpty());
        b.wait.until(d ->
                !d.findElements(By.cssSelector("#diagram path.live.proposal")).isEmpty());
        b.text(By.id("ratio"), ratio -> assertThat(ratio).contains("×"));
        assertThat(b.driver.findElements(By.cssSelector("#holds li"))).isNotEmpty();
        b.shot("dispatch-proposal");
        b.click(By.id("apply"));
        b.wait.until(
                d -> !d.findElements(By.cssSelector("#apply-message .success")).isEmpty());
        b.wait.until(d ->
                !d.findElements(By.cssSelector("#orders li[data-kind='HOLD']")).isEmpty());
        b.text(By.id("orders"), orders -> assertThat(orders).contains("zhao"));
        assertThat(server.get("/api/operations/orders?date=" + DAY, server.adminToken())
                        .json()
                        .findValuesAsText("issuedBy"))
                .isNotEmpty()
                .containsOnly("zhao");
        b.shot("dispatch-applied");
        assertThat(pageErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void theStationBoardShowsTheForecastInLaoInLaoTime() {
        String train = intl.get("train").asText();
        String station = intl.get("to").asText();
        JsonNode arrival = null;
        for (JsonNode c : server.get("/api/operations/forecast/trains/" + train + "?date=" + DAY)
                .json()
                .get("calls")) {
            if (c.get("point").asText().equals(station)) {
                arrival = c;
            }
        }
        assertThat(arrival).isNotNull();
        assertThat(arrival.get("arrivalDelaySeconds").asLong()).isGreaterThanOrEqualTo(60);
        ZoneId lao = ZoneId.of(points.get(station).get("timeZone").asText());
        String expected = Instant.parse(arrival.get("forecastArrival").asText())
                .atZone(lao)
                .format(DateTimeFormatter.ofPattern("HH:mm"));
        String planned = Instant.parse(arrival.get("plannedArrival").asText())
                .atZone(lao)
                .format(DateTimeFormatter.ofPattern("HH:mm"));

        b.fresh();
        b.driver.get(server.url("/board.html?station=" + station + "&lang=lo"));
        By row = By.cssSelector("#arrivals tr[data-train='" + train + "']");
        b.wait.until(d -> !d.findElements(row).isEmpty());
        // the live board redraws its rows: each cell is read afresh, from the row as last drawn
        String cells = "#arrivals tr[data-train='" + train + "'] ";
        b.text(By.cssSelector(cells + "td.expected"), shown -> assertThat(shown).isEqualTo(expected));
        b.text(By.cssSelector(cells + "td.time"), shown -> assertThat(shown).isEqualTo(planned));
        long delay = Math.round(arrival.get("arrivalDelaySeconds").asLong() / 60.0);
        b.text(
                By.cssSelector(cells + "td.status"),
                status -> assertThat(status).contains("ຊ້າ").contains(String.valueOf(delay)));
        b.text(By.id("arr-h"), heading -> assertThat(heading).isEqualTo("ຂາເຂົ້າ"));
        b.text(By.id("board-zone"), zone -> assertThat(zone).contains("UTC+7"));
        b.shot("board-lao");
        assertThat(pageErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void thePassengerOfTheLateTrainReadsTheNoticeOnMyTripsInLao() {
        String train = intl.get("train").asText();
        // what the engine told the passenger, written with the events that moved the forecast
        JsonNode told = server.get("/api/notifications", server.token("noy", "noy password"))
                .json();
        List<JsonNode> forecastNotices = new ArrayList<>();
        told.forEach(n -> {
            if (n.get("kind").asText().equals("FORECAST")) {
                forecastNotices.add(n);
            }
        });
        assertThat(forecastNotices).isNotEmpty();
        assertThat(forecastNotices.get(0).get("bookingId").asText()).isEqualTo(booking);
        String minutes = forecastNotices.get(0).get("message").asText().replaceAll(".*, (\\d+) min late.*", "$1");

        b.fresh();
        b.signIn("noy", "noy password", "/trips.html?lang=lo");
        By notice = By.cssSelector("#notices li[data-kind='FORECAST'][data-booking='" + booking + "']");
        b.wait.until(d -> !d.findElements(notice).isEmpty());
        b.until(d -> d.findElements(notice), shown -> assertThat(shown).hasSize(forecastNotices.size()));
        b.text(
                notice,
                text -> assertThat(text)
                        .contains(train)
                        .contains("ຊ້າ " + minutes + " ນາທີ")
                        .contains(points.get(bookedTo).get("names").get("lo").asText()));
        b.text(By.id("notices-heading"), heading -> assertThat(heading).isEqualTo("ແຈ້ງການ"));
        b.shot("trips-notice-lao");
        assertThat(pageErrors()).isEmpty();
    }
}
