package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.transit.realtime.GtfsRealtime.FeedMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.lancang.store.operations.OperationsService;
import org.lancang.store.testing.TestClock;
import org.lancang.web.http.Json;

/**
 * Live operations on the second network over HTTP (issue 19): a clean simulated day of the Bangkok line runs to its
 * plan; 133 reported late at Udon Thani is stored as that network's, forecast on its own day (Asia/Bangkok), shown on
 * the board of Nong Khai, carried by that network's GTFS-Realtime feed, drawn on the dispatcher's diagram of that
 * network, and its booked passenger is told. Events the network refuses name the field, and nothing is written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondNetworkOperationsApiTest {
    static final String VB = "vientiane-bangkok";
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    /** 17:00 in Bangkok on the day: 133 (21:25 from Krung Thep Aphiwat) is still on sale. */
    static final TestClock CLOCK = TestClock.at("2026-12-05T10:00:00Z");

    static TestServer server;
    static String dispatcher;
    static String feed;
    static String passenger;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork(CLOCK);
        String admin = server.adminToken();
        dispatcher = server.user(admin, "som.dispatch", "DISPATCHER");
        feed = server.user(admin, "describer-vb", "TRAIN_DESCRIBER");
        passenger = server.passenger("malee", "Malee", "malee password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A public file as its bytes (a feed), answered 200. */
    static byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    static OperationsService bangkokLine() {
        return server.platform.networkOperations().named(VB, "network");
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
                                + " + (SELECT count(*) FROM dispatching_order)"
                                + " + (SELECT count(*) FROM notification)")
                        .mapTo(Long.class)
                        .one());
    }

    static JsonNode call(JsonNode train, String point) {
        for (JsonNode c : train.get("calls")) {
            if (c.get("point").asText().equals(point)) {
                return c;
            }
        }
        throw new AssertionError(train.get("train").asText() + " does not pass " + point);
    }

    @Test
    @Order(0)
    void aDisturbanceFreeSimulatedBangkokLineDayRunsToItsPlan() throws Exception {
        LocalDate clean = DAY.minusDays(10);
        OperationsService line = bangkokLine();
        DayGraph graph = DayGraph.build(
                line.timetable().planner(), line.timetable().day(clean), List.of(), line.rules(), LineOrders.PLAN);
        List<RunningEvent> events = DaySimulator.simulate(graph, List.of()).events();
        assertThat(events).as("the Bangkok line's day has running events").hasSizeGreaterThan(100);
        List<Map<String, String>> batch = new ArrayList<>();
        for (RunningEvent e : events) {
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
        assertThat(r.get("accepted").asInt()).isEqualTo(events.size());
        int calls = 0;
        JsonNode day = ok(server.get("/api/operations/forecast?network=" + VB + "&date=" + clean, dispatcher), 200);
        assertThat(day.findValuesAsText("train")).contains("133", "147", "25");
        for (JsonNode t : day) {
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
        JsonNode replan = ok(server.get("/api/operations/proposal?network=" + VB + "&date=" + clean, dispatcher), 200);
        assertThat(replan.get("currentCost").asLong()).isZero();
        assertThat(replan.get("proposal").isNull()).isTrue();
        // the home network's day is untouched by the Bangkok line's events
        assertThat(ok(server.get("/api/operations/events?date=" + clean, dispatcher), 200))
                .isEmpty();
    }

    @Test
    @Order(1)
    void train133ReportedLateAtUdonThaniIsForecastOnItsOwnNetworkBoardFeedAndDiagramAndItsPassengerIsTold()
            throws Exception {
        // a passenger of 133 to Nong Khai, booked while it is on sale
        String booking = ok(
                        server.postJson(
                                "/api/bookings",
                                passenger,
                                "{\"train\":\"133\",\"date\":\"" + DAY + "\",\"from\":\"KTW\",\"to\":\"NKI\","
                                        + "\"seatClass\":\"HARD_SEAT\",\"currency\":\"THB\",\"passengers\":[{\"name\":"
                                        + "\"Malee S.\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"TH200001\","
                                        + "\"nationality\":\"THA\",\"dateOfBirth\":\"1991-05-06\","
                                        + "\"documentExpiry\":\"2031-01-01\"}]}"),
                        201)
                .get("id")
                .asText();
        JsonNode plan = ok(server.get("/api/operations/forecast/trains/133?date=" + DAY), 200);
        Instant planned =
                Instant.parse(call(plan, "UDN").get("plannedDeparture").asText());
        Instant late = planned.plus(Duration.ofMinutes(60));
        CLOCK.set(late.plusSeconds(60).toString());
        // the night has passed: sign in again (tokens last less than a day)
        dispatcher = server.token("som.dispatch", "password of som.dispatch");
        feed = server.token("describer-vb", "password of describer-vb");
        passenger = server.token("malee", "malee password 1");

        ok(server.postJson("/api/operations/events", feed, event("133", "UDN", "DEPARTURE", late)), 200);

        // stored as the Bangkok line's event of its own service day
        JsonNode events = ok(server.get("/api/operations/events?network=" + VB + "&date=" + DAY, dispatcher), 200);
        assertThat(events.findValuesAsText("train")).contains("133");
        assertThat(ok(server.get("/api/operations/events?date=" + DAY, dispatcher), 200)
                        .findValuesAsText("train"))
                .doesNotContain("133");

        // forecast: late at Nong Khai and at Khamsavath, never later than the reported delay
        JsonNode forecast = ok(server.get("/api/operations/forecast/trains/133?date=" + DAY), 200);
        JsonNode nki = call(forecast, "NKI");
        assertThat(nki.get("arrivalDelaySeconds").asLong()).isBetween(15 * 60L, 60 * 60L);
        assertThat(nki.get("zone").asText()).isEqualTo("Asia/Bangkok");
        assertThat(forecast.get("destinationDelaySeconds").asLong()).isPositive();
        assertThat(Instant.parse(call(forecast, "UDN").get("actualDeparture").asText()))
                .isEqualTo(late);

        // the board of Nong Khai shows 133 late, in the station's zone
        JsonNode board = ok(server.get("/api/operations/forecast/stations/NKI?date=" + DAY), 200);
        JsonNode at133 = null;
        for (JsonNode c : board) {
            if (c.get("train").asText().equals("133")) {
                at133 = c;
            }
        }
        assertThat(at133).as(board.toString()).isNotNull();
        assertThat(at133.get("zone").asText()).isEqualTo("Asia/Bangkok");
        assertThat(at133.get("forecastArrival").asText())
                .isEqualTo(nki.get("forecastArrival").asText());

        // the Bangkok line's GTFS-Realtime carries the delay at Nong Khai, with the stop ids of its static feed
        GtfsRealtimeApiTest.StaticFeed statics = GtfsRealtimeApiTest.load(bytes("/gtfs/" + VB + ".zip"));
        FeedMessage rt = FeedMessage.parseFrom(bytes("/gtfs-rt/" + VB + "/trip-updates.pb"));
        var update = rt.getEntityList().stream()
                .filter(e -> e.getId().equals("133-20261205"))
                .findFirst()
                .orElseThrow()
                .getTripUpdate();
        assertThat(statics.trips()).containsKey(update.getTrip().getTripId());
        update.getStopTimeUpdateList()
                .forEach(stu -> assertThat(statics.stops()).containsKey(stu.getStopId()));
        var atNki = update.getStopTimeUpdateList().stream()
                .filter(stu -> stu.getStopId().equals("NKI"))
                .findFirst()
                .orElseThrow();
        assertThat((long) atNki.getArrival().getDelay())
                .isEqualTo(nki.get("arrivalDelaySeconds").asLong());
        assertThat(ok(server.get("/gtfs-rt/trip-updates.pb?format=json"), 200).findValuesAsText("id"))
                .as("home's feed has only home's trains")
                .doesNotContain("133-20261205");

        // the dispatcher's diagram of the Bangkok line (NE: a network of two lines names the line) draws 133; home's
        // points are not its points
        TestServer.Reply svg = server.get(
                "/api/operations/diagram.svg?network=" + VB + "&line=NE&date=" + DAY + "&start=05:00&hours=8",
                dispatcher);
        assertThat(svg.status()).as(svg.body()).isEqualTo(200);
        assertThat(svg.body()).contains("133");
        TestServer.Reply wrong =
                server.get("/api/operations/diagram.svg?network=" + VB + "&from=KMS&date=" + DAY, dispatcher);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("field").asText()).isEqualTo("from");

        // the passenger to Nong Khai is told once, and the booking's forecast says why
        JsonNode mine = ok(server.get("/api/bookings/" + booking + "/forecast", passenger), 200);
        assertThat(mine.get("arrivalDelaySeconds").asLong())
                .isEqualTo(nki.get("arrivalDelaySeconds").asLong());
        List<String> told = new ArrayList<>();
        for (JsonNode n : ok(server.get("/api/notifications", passenger), 200)) {
            if (n.get("kind").asText().equals("FORECAST")) {
                told.add(n.get("bookingId").asText());
            }
        }
        assertThat(told).containsExactly(booking);
    }

    @Test
    @Order(2)
    void eventsTheBangkokLineRefusesNameTheFieldAndWriteNothing() {
        long before = rows();
        Instant now = CLOCK.instant().minusSeconds(600);
        // 147 runs Udon Thani – Khamsavath: Khon Kaen is a point of the network, not of the train
        TestServer.Reply notOnTrain =
                server.postJson("/api/operations/events", feed, event("147", "KKC", "DEPARTURE", now));
        assertThat(notOnTrain.status()).as(notOnTrain.body()).isEqualTo(400);
        assertThat(notOnTrain.json().get("field").asText()).isEqualTo("point");

        // a batch holds one network's trains: a home train after 133 is named
        String home = ok(server.get("/api/operations/forecast?date=" + DAY, dispatcher), 200)
                .get(0)
                .get("train")
                .asText();
        TestServer.Reply mixed = server.postJson(
                "/api/operations/events",
                feed,
                "{\"events\":[" + event("133", "NKI", "ARRIVAL", now) + "," + event(home, "KMS", "DEPARTURE", now)
                        + "]}");
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(400);
        assertThat(mixed.json().get("field").asText()).isEqualTo("events[1].train");

        TestServer.Reply nowhere = server.get("/api/operations/forecast?network=nowhere", dispatcher);
        assertThat(nowhere.status()).isEqualTo(400); // a wrong request; a path naming no feed is a 404
        assertThat(nowhere.json().get("field").asText()).isEqualTo("network");
        assertThat(server.get("/gtfs-rt/nowhere/trip-updates.pb").status()).isEqualTo(404);
        assertThat(rows()).isEqualTo(before);
    }
}
