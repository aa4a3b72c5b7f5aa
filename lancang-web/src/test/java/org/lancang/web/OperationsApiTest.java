package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lancang.operations.DayGraph;
import org.lancang.operations.DaySimulator;
import org.lancang.operations.LineOrders;
import org.lancang.operations.RunningEvent;
import org.lancang.operations.TrainPriority;
import org.lancang.store.testing.TestClock;
import org.lancang.web.http.Json;

/**
 * Issue 14 over HTTP: the international train leaves Kunming 25 minutes late and a freight train ahead of it is late
 * too; the forecast moves, trains meeting it on the single track wait, a proposal re-orders the meets for less than
 * first come first served, the dispatcher applies it and the forecast follows; booked passengers are told. Bad events
 * are refused naming the field with nothing written; every new endpoint refuses those it is not for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsApiTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    static final TestClock CLOCK = TestClock.at("2026-12-04T22:00:00Z"); // 06:00 in China on the day
    static TestServer server;
    static String dispatcher;
    static String planner;
    static String feed;
    static String passenger;
    static JsonNode intl;
    static Map<String, String> countries = new HashMap<>();

    @BeforeAll
    static void start() {
        // a shared 2-core machine under load: give the solver time enough to prove the better order
        System.setProperty("lancang.replan.seconds", "10");
        server = new TestServer(CLOCK);
        String admin = server.adminToken();
        dispatcher = user(admin, "zhao.dispatch", "DISPATCHER");
        planner = user(admin, "li.plan", "PLANNER");
        feed = user(admin, "describer-1", "TRAIN_DESCRIBER");
        passenger = server.passenger("somchai", "Somchai", "somchai password");
        server.get("/api/network/points")
                .json()
                .forEach(p ->
                        countries.put(p.get("code").asText(), p.get("country").asText()));
        // the first passenger train of the day that crosses the border southbound: the international train
        JsonNode best = null;
        for (JsonNode t : ok(server.get("/api/operations/forecast?date=" + DAY, dispatcher), 200)) {
            boolean crosses = countries.get(t.get("from").asText()).equals("CN")
                    && countries.get(t.get("to").asText()).equals("LA");
            if (t.get("priority").asText().equals("PASSENGER")
                    && crosses
                    && (best == null || departure(t).isBefore(departure(best)))) {
                best = t;
            }
        }
        intl = best;
        assertThat(intl).isNotNull();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String user(String admin, String name, String role) {
        TestServer.Reply r = server.postJson(
                "/api/users",
                admin,
                "{\"username\":\"" + name + "\",\"displayName\":\"" + name + "\",\"password\":\"password of " + name
                        + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return server.token(name, "password of " + name);
    }

    static Instant departure(JsonNode train) {
        return Instant.parse(train.get("calls").get(0).get("plannedDeparture").asText());
    }

    static String event(String train, String point, String kind, Instant at) {
        return "{\"train\":\"" + train + "\",\"serviceDate\":\"" + DAY + "\",\"point\":\"" + point + "\",\"kind\":\""
                + kind + "\",\"at\":\"" + at + "\",\"source\":\"test\"}";
    }

    static long rows() {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM running_event)"
                                + " + (SELECT count(*) FROM dispatching_order)")
                        .mapTo(Long.class)
                        .one());
    }

    static String book(String to) {
        String body = "{\"train\":\"" + intl.get("train").asText() + "\",\"date\":\"" + DAY + "\",\"from\":\""
                + intl.get("from").asText() + "\",\"to\":\"" + to + "\",\"seatClass\":\"SECOND\",\"currency\":\"CNY\","
                + "\"passengers\":[{\"name\":\"Somchai P.\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"P77"
                + to
                + "1\",\"nationality\":\"LAO\",\"dateOfBirth\":\"1988-03-04\",\"documentExpiry\":\"2031-01-01\"}]}";
        String id = ok(server.postJson("/api/bookings", passenger, body), 201)
                .get("id")
                .asText();
        ok(
                server.postJson(
                        "/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"pay-" + id + "\"}"),
                200);
        return id;
    }

    @Test
    @Order(0)
    void aDisturbanceFreeSimulatedDayRunsToPlanForecastsThePlanAndNeedsNoProposal() throws Exception {
        LocalDate clean = DAY.minusDays(10); // far from the scenario's day: their graphs share no run
        DayGraph graph = DayGraph.build(
                server.platform.timetable().planner(),
                server.platform.timetable().day(clean),
                List.of(),
                server.platform.operations().rules(),
                LineOrders.PLAN);
        List<RunningEvent> events = DaySimulator.simulate(graph, List.of()).events();
        for (int i = 0; i < events.size(); i += 500) {
            List<Map<String, String>> batch = new ArrayList<>();
            for (var e : events.subList(i, Math.min(events.size(), i + 500))) {
                batch.add(Map.of(
                        "train", e.train(),
                        "serviceDate", e.serviceDate().toString(),
                        "point", e.point(),
                        "kind", e.kind().name(),
                        "at", e.at().toString()));
            }
            JsonNode r = ok(
                    server.postJson(
                            "/api/operations/events", feed, Json.MAPPER.writeValueAsString(Map.of("events", batch))),
                    200);
            assertThat(r.get("accepted").asInt()).isEqualTo(batch.size());
        }
        int calls = 0;
        for (JsonNode t : ok(server.get("/api/operations/forecast?date=" + clean, dispatcher), 200)) {
            assertThat(t.get("destinationDelaySeconds").asLong()).isZero();
            for (JsonNode c : t.get("calls")) {
                for (String at : List.of("Arrival", "Departure")) {
                    if (c.hasNonNull("planned" + at)) {
                        assertThat(c.get("actual" + at).asText())
                                .isEqualTo(c.get("planned" + at).asText());
                        assertThat(c.get("forecast" + at).asText())
                                .isEqualTo(c.get("planned" + at).asText());
                        calls++;
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(events.size() / 2);
        JsonNode replan = ok(server.get("/api/operations/proposal?date=" + clean, dispatcher), 200);
        assertThat(replan.get("currentCost").asLong()).isZero();
        assertThat(replan.get("proposal").isNull()).isTrue();
    }

    @Test
    @Order(1)
    void theInternationalTrainLeavesLateTheForecastMovesAReplanningIsAppliedAndPassengersAreTold() {
        String train = intl.get("train").asText();
        String origin = intl.get("from").asText();
        JsonNode calls = intl.get("calls");
        // a passenger to the first stop after three hours (far enough that the allowance cannot win it back), one to
        // the end
        String nearStop = null;
        for (JsonNode c : calls) {
            if (nearStop == null
                    && c.get("stops").asBoolean()
                    && c.hasNonNull("plannedArrival")
                    && Duration.between(
                                            departure(intl),
                                            Instant.parse(
                                                    c.get("plannedArrival").asText()))
                                    .toHours()
                            >= 3) {
                nearStop = c.get("point").asText();
            }
        }
        String near = book(nearStop);
        String far = book(intl.get("to").asText());

        Instant late = departure(intl).plusSeconds(25 * 60);
        CLOCK.set(late.plusSeconds(60).toString());
        JsonNode in = ok(server.postJson("/api/operations/events", feed, event(train, origin, "DEPARTURE", late)), 200);
        assertThat(in.get("accepted").asInt()).isEqualTo(1);

        JsonNode f = ok(server.get("/api/operations/forecast/trains/" + train + "?date=" + DAY), 200);
        assertThat(f.get("delayNowSeconds").asLong()).isEqualTo(25 * 60);
        long atDestination = f.get("destinationDelaySeconds").asLong();
        assertThat(atDestination).isPositive().isLessThan(25 * 60); // the allowance wins some of it back
        // every later call carries a delay, and the trains that meet it on the single track are forecast to wait for it
        for (JsonNode c : f.get("calls")) {
            if (c.hasNonNull("forecastArrival")) {
                assertThat(c.get("arrivalDelaySeconds").asLong()).isPositive();
            }
        }
        List<String> waiting = new ArrayList<>();
        for (JsonNode t : ok(server.get("/api/operations/forecast?date=" + DAY, dispatcher), 200)) {
            for (JsonNode c : t.get("calls")) {
                if (c.at("/cause/kind").asText().equals("MEET_ORDER")
                        && c.at("/cause/train").asText().equals(train)) {
                    waiting.add(t.get("train").asText());
                }
            }
        }
        assertThat(waiting).isNotEmpty();

        // the plan's meets are already the cheapest for this delay, far cheaper than first come, first served
        JsonNode replan = ok(server.get("/api/operations/proposal?date=" + DAY, dispatcher), 200);
        assertThat(replan.get("currentCost").asLong()).isPositive();
        assertThat(replan.get("fcfsCost").asLong())
                .isGreaterThan(replan.get("currentCost").asLong());

        // a freight train ahead of it on the single track is late too: now the meets are worth re-ordering
        DayGraph graph = DayGraph.build(
                server.platform.timetable().planner(),
                server.platform.timetable().day(DAY),
                List.of(),
                server.platform.operations().rules(),
                LineOrders.PLAN);
        DayGraph.Run intlRun = graph.find(train, DAY).orElseThrow();
        JsonNode proposal = null;
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
            ok(
                    server.postJson(
                            "/api/operations/events",
                            dispatcher,
                            event(freight.train(), freight.path().origin().code(), "DEPARTURE", freightLate)),
                    200);
            replan = ok(server.get("/api/operations/proposal?date=" + DAY, dispatcher), 200);
            if (!replan.get("proposal").isNull()) {
                proposal = replan.get("proposal");
                break;
            }
        }
        assertThat(proposal).as("a proposal once a freight train ahead is late").isNotNull();
        long proposed = proposal.get("proposedCost").asLong();
        assertThat(proposed)
                .isLessThan(proposal.get("currentCost").asLong())
                .isLessThan(proposal.get("fcfsCost").asLong());
        assertThat(proposal.get("lineChanges")).isNotEmpty();
        assertThat(proposal.get("holds")).isNotEmpty();
        assertThat(proposal.get("conflicts").asInt()).isZero();
        assertThat(replan.get("optimalityGap").asDouble()).isBetween(0.0, 1.0);

        // applied with one action by the dispatcher (a stale version is refused), the forecast follows it
        long version = replan.get("version").asLong();
        TestServer.Reply stale = server.postJson(
                "/api/operations/proposal/apply?date=" + DAY, dispatcher, "{\"basedOn\":" + (version - 1) + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("field").asText()).isEqualTo("basedOn");
        JsonNode orders = ok(
                server.postJson(
                        "/api/operations/proposal/apply?date=" + DAY, dispatcher, "{\"basedOn\":" + version + "}"),
                200);
        assertThat(orders).isNotEmpty();
        assertThat(orders.findValuesAsText("issuedBy")).containsOnly("zhao.dispatch");
        assertThat(orders.findValuesAsText("issuedAt"))
                .containsOnly(CLOCK.instant().toString());
        assertThat(orders.findValuesAsText("kind")).contains("HOLD", "LINE_ORDER");
        assertThat(ok(server.get("/api/operations/orders?date=" + DAY, planner), 200))
                .hasSameSizeAs(orders);
        JsonNode after = ok(server.get("/api/operations/proposal?date=" + DAY, dispatcher), 200);
        assertThat(after.get("currentCost").asLong()).isEqualTo(proposed);
        assertThat(after.get("version").asLong()).isGreaterThan(version);
        for (JsonNode c : ok(server.get("/api/operations/conflicts?date=" + DAY, dispatcher), 200)) {
            assertThat(c.get("resource").asText()).doesNotStartWith("LINE:");
        }

        // passengers: the one whose arrival moved by 15 minutes or more is told once; journeys and bookings show it
        JsonNode nearForecast = ok(server.get("/api/bookings/" + near + "/forecast", passenger), 200);
        assertThat(nearForecast.get("arrivalDelaySeconds").asLong()).isGreaterThanOrEqualTo(15 * 60);
        JsonNode farForecast = ok(server.get("/api/bookings/" + far + "/forecast", passenger), 200);
        List<String> told = new ArrayList<>();
        for (JsonNode n : ok(server.get("/api/notifications", passenger), 200)) {
            if (n.get("kind").asText().equals("FORECAST")) {
                told.add(n.get("bookingId").asText());
            }
        }
        assertThat(told).containsOnlyOnce(near);
        assertThat(told.contains(far))
                .isEqualTo(farForecast.get("arrivalDelaySeconds").asLong() >= 15 * 60);
        JsonNode journeys =
                ok(server.get("/api/journeys/forecast?from=" + origin + "&to=" + nearStop + "&date=" + DAY), 200);
        assertThat(journeys.findValuesAsText("train")).contains(train);
        // reporting the same event again tells no one twice and changes nothing
        long before = rows();
        JsonNode again =
                ok(server.postJson("/api/operations/events", feed, event(train, origin, "DEPARTURE", late)), 200);
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(rows()).isEqualTo(before);
        // the same event at another time is refused naming the time (neither time is taken silently)
        TestServer.Reply moved = server.postJson(
                "/api/operations/events", feed, event(train, origin, "DEPARTURE", late.plusSeconds(120)));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.json().get("field").asText()).isEqualTo("at");
        assertThat(rows()).isEqualTo(before);
        assertThat(ok(server.get("/api/notifications", passenger), 200).findValuesAsText("kind").stream()
                        .filter("FORECAST"::equals)
                        .count())
                .isEqualTo(told.size());
    }

    @Test
    @Order(2)
    void badEventsAreRefusedNamingTheFieldAndNothingIsWritten() {
        String train = intl.get("train").asText();
        String origin = intl.get("from").asText();
        String second = intl.get("calls").get(1).get("point").asText();
        Instant t = departure(intl).plusSeconds(30 * 60);
        String stop = null;
        for (JsonNode c : intl.get("calls")) {
            if (stop == null && c.get("stops").asBoolean() && c.hasNonNull("plannedArrival")) {
                stop = c.get("point").asText();
            }
        }
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("train", event("X9999", origin, "DEPARTURE", t));
        cases.put("point", event(train, "VTS", "PASS", t));
        cases.put("kind", event(train, stop, "PASS", t));
        cases.put("at", event(train, second, "ARRIVAL", departure(intl).plusSeconds(60))); // before its departure
        cases.put("serviceDate", event(train, origin, "DEPARTURE", t).replace(DAY.toString(), "2026-13-45"));
        cases.put(
                "events[0].serviceDate",
                "{\"events\":[" + event(train, origin, "DEPARTURE", t).replace(DAY.toString(), "2031-01-01") + "]}");
        cases.put(
                "events[1].point",
                // the first is the departure reported in the first test again (a duplicate), the second bad
                "{\"events\":["
                        + event(train, origin, "ARRIVAL", departure(intl).plusSeconds(25 * 60))
                                .replace("ARRIVAL", "DEPARTURE")
                        + ","
                        + event(train, "NOPE", "PASS", t) + "]}");
        cases.put("body", "{\"train\":");
        cases.put("events", "{\"events\":[]}");
        Instant future = CLOCK.instant().plusSeconds(3600);
        cases.put("events[0].at", "{\"events\":[" + event(train, "VTE", "ARRIVAL", future) + "]}");
        long before = rows();
        for (var c : cases.entrySet()) {
            TestServer.Reply r = server.postJson("/api/operations/events", feed, c.getValue());
            assertThat(r.status()).as(c.getKey() + ": " + r.body()).isBetween(400, 499);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(c.getKey());
        }
        TestServer.Reply kind = server.postJson(
                "/api/operations/events",
                feed,
                event(train, second, "ARRIVAL", t).replace("ARRIVAL", "LEFT"));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("field").asText()).isEqualTo("kind");
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        TestServer.Reply big = server.send("POST", "/api/operations/events", feed, "application/json", huge);
        assertThat(big.status()).isEqualTo(413);
        // the same 10 MB without a length (chunked): refused as it is read, not read whole
        HttpResponse<String> chunked = sendChunked("/api/operations/events", feed, huge);
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(chunked.body()).contains("\"field\":\"body\"");
        assertThat(rows()).isEqualTo(before);
        assertThat(new String(huge, 0, 1, StandardCharsets.UTF_8)).isEqualTo("{");
    }

    @Test
    void aDayMoreThanAYearFromTodayIsRefusedNamingDateAndADayInsideIsServed() {
        // each day asked is forecast and kept: a day centuries away overflowed the blocking times' clock (a 500)
        for (String date : List.of("9999-12-31", "0001-01-01", DAY.plusDays(367).toString())) {
            for (String path : List.of(
                    "/api/operations/conflicts",
                    "/api/operations/forecast",
                    "/api/operations/events",
                    "/api/operations/orders",
                    "/api/operations/diagram.svg")) {
                TestServer.Reply r = server.get(path + "?date=" + date, dispatcher);
                assertThat(r.status()).as(path + " " + date + ": " + r.body()).isEqualTo(400);
                assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo("date");
            }
        }
        ok(server.get("/api/operations/conflicts?date=" + DAY.plusDays(1), dispatcher), 200);
    }

    /** A POST whose body is sent without Content-Length, in chunks, as a streaming client sends it. */
    private static HttpResponse<String> sendChunked(String path, String token, byte[] body) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url(path)))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                                            () -> new ByteArrayInputStream(body)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(3)
    void everyOperationsEndpointRefusesThoseItIsNotFor() {
        String apply = "/api/operations/proposal/apply?date=" + DAY;
        String ev = event(intl.get("train").asText(), intl.get("from").asText(), "DEPARTURE", CLOCK.instant());
        // no credentials
        for (String path : List.of(
                "/api/operations/forecast",
                "/api/operations/events",
                "/api/operations/conflicts",
                "/api/operations/proposal",
                "/api/operations/orders")) {
            assertThat(server.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(server.postJson("/api/operations/events", null, ev).status()).isEqualTo(401);
        assertThat(server.postJson(apply, null, "{\"basedOn\":1}").status()).isEqualTo(401);
        // the wrong roles
        assertThat(server.postJson("/api/operations/events", planner, ev).status())
                .isEqualTo(403);
        assertThat(server.postJson("/api/operations/events", passenger, ev).status())
                .isEqualTo(403);
        assertThat(server.postJson(apply, planner, "{\"basedOn\":1}").status()).isEqualTo(403);
        assertThat(server.postJson(apply, feed, "{\"basedOn\":1}").status()).isEqualTo(403);
        for (String path : List.of(
                "/api/operations/forecast",
                "/api/operations/events",
                "/api/operations/conflicts",
                "/api/operations/proposal",
                "/api/operations/orders")) {
            assertThat(server.get(path, passenger).status()).as(path).isEqualTo(403);
            assertThat(server.get(path, feed).status()).as(path).isEqualTo(403);
        }
        assertThat(server.get("/api/bookings/" + UUID.randomUUID() + "/forecast", dispatcher)
                        .status())
                .isEqualTo(403);
        assertThat(server.get("/api/bookings/" + UUID.randomUUID() + "/forecast")
                        .status())
                .isEqualTo(401);
        // a passenger sees no one else's booking
        assertThat(server.get("/api/bookings/" + UUID.randomUUID() + "/forecast", passenger)
                        .status())
                .isEqualTo(404);
        // public: the clock, a train's and a station's forecast
        assertThat(ok(server.get("/api/operations/clock"), 200).get("now").asText())
                .isEqualTo(CLOCK.instant().toString());
        assertThat(server.get("/api/operations/forecast/stations/LPB?date=" + DAY)
                        .status())
                .isEqualTo(200);
        assertThat(server.get("/api/operations/forecast/stations/NOPE?date=" + DAY)
                        .status())
                .isEqualTo(404);
    }
}
