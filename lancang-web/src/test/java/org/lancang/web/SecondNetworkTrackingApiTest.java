package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.FreightApiTest.refused;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lancang.store.testing.TestClock;

/**
 * Issue 19, freight tracking on the second network (Vientiane – Bangkok) over HTTP: the units on one of its trains
 * get their steps from that train's running events, each event naming the network, the carrier there and the point's
 * zone; and a through consignment Yanhe → Krung Thep Aphiwat goes on from the Vientiane South transshipment on a
 * shuttle: the onward train checked (runs, leaves from Thanaleng, after the yard's time, has wagons left), the
 * transshipment recorded as events, its boxes' steps on the shuttle, the ETA from the shuttle's forecast. The clock
 * only moves forward, so the tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondNetworkTrackingApiTest {
    static final String VB = "vientiane-bangkok";
    static final String DAY = "2026-12-06";
    static final TestClock CLOCK = TestClock.at("2026-12-05T02:00:00Z");

    static TestServer server;
    static String admin;
    static String shipper;
    static String otherShipper;
    static String office;
    static String dispatcher;
    static String passenger;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork(CLOCK);
        admin = server.adminToken();
        shipper = FreightApiTest.user(server, admin, "natha.tracker", "SHIPPER");
        otherShipper = FreightApiTest.user(server, admin, "other.tracker", "SHIPPER");
        office = FreightApiTest.user(server, admin, "tnl.freight.desk", "FREIGHT_OFFICE");
        dispatcher = FreightApiTest.user(server, admin, "som.tracking.dispatch", "DISPATCHER");
        passenger = FreightApiTest.user(server, admin, "a.tracking.passenger", "PASSENGER");
        FreightApiTest.user(server, admin, "mohan.tracking", "CUSTOMS");
        FreightApiTest.user(server, admin, "nongkhai.tracking", "CUSTOMS");
        ok(server.putJson("/api/freight/customs/officers/mohan.tracking", admin, "{\"country\":\"CN\"}"), 200);
        ok(server.putJson("/api/freight/customs/officers/nongkhai.tracking", admin, "{\"country\":\"TH\"}"), 200);
    }

    /**
     * Customs at the border {@code train} crosses: its advance data sent by the freight office and the consignment
     * released by {@code officer} (each border declares and releases on its own: SecondBorderCustomsApiTest).
     */
    static void cleared(String consignment, String train, String date, String network, String officer) {
        ok(
                server.postJson(
                        "/api/freight/manifests/" + train + "/submit?date=" + date + "&network=" + network,
                        office,
                        "{}"),
                200);
        ok(
                server.postJson(
                        "/api/freight/customs/" + consignment + "/decision",
                        server.token(officer, "password of " + officer),
                        "{\"state\":\"RELEASED\"}"),
                200);
    }

    /** A consignment note for {@code booking}'s boxes of dry goods, paid by the consignor to {@code carrier}. */
    static String note(JsonNode booking, String carrier) {
        return SecondBorderCustomsApiTest.dryNote(booking)
                .replaceAll(
                        "\"payers\":\\[[^]]*]",
                        "\"payers\":[{\"carrier\":\"" + carrier + "\",\"pays\":\"CONSIGNOR\"}]");
    }

    /** Puts {@code booking}'s note in and answers its consignment number. */
    static String noted(JsonNode booking, String note) {
        return ok(server.putJson("/api/freight/bookings/" + booking.get("id").asText() + "/note", shipper, note), 201)
                .get("consignmentNumber")
                .asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Moves the clock, and signs everyone in again: sign-in tokens expire as the clock moves on by a day. */
    static void clockAt(Instant t) {
        CLOCK.set(t.toString());
        for (String name : List.of(
                "natha.tracker",
                "other.tracker",
                "tnl.freight.desk",
                "som.tracking.dispatch",
                "a.tracking.passenger")) {
            String token = server.token(name, "password of " + name);
            switch (name) {
                case "natha.tracker" -> shipper = token;
                case "other.tracker" -> otherShipper = token;
                case "tnl.freight.desk" -> office = token;
                case "a.tracking.passenger" -> passenger = token;
                default -> dispatcher = token;
            }
        }
    }

    static JsonNode ok(TestServer.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    /** Books {@code count} boxes of {@code kind} on a slot of the Bangkok line on DAY. */
    static JsonNode bookOnVb(String slot, String kind, int count) {
        return ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"" + slot + "\",\"date\":\"" + DAY + "\",\"network\":\"" + VB
                                + "\",\"equipment\":[{\"kind\":\"" + kind + "\",\"count\":" + count + "}]}"),
                201);
    }

    static String running(String train, String date, String point, String kind, Instant at) {
        return "{\"train\":\"" + train + "\",\"serviceDate\":\"" + date + "\",\"point\":\"" + point + "\",\"kind\":\""
                + kind + "\",\"at\":\"" + at + "\",\"source\":\"simulator\"}";
    }

    /** Reports a whole run of {@code train} as planned: departure, passes and stops, arrival at the end. */
    static void runAsPlanned(String train, String date) {
        JsonNode plan = ok(server.get("/api/operations/forecast/trains/" + train + "?date=" + date), 200);
        JsonNode calls = plan.get("calls");
        List<String> events = new ArrayList<>();
        Instant last = null;
        for (int i = 0; i < calls.size(); i++) {
            JsonNode c = calls.get(i);
            String point = c.get("point").asText();
            boolean first = i == 0;
            boolean end = i == calls.size() - 1;
            boolean stops = c.get("stops").asBoolean();
            if (!first) {
                last = Instant.parse(c.get("plannedArrival").asText());
                events.add(running(train, date, point, stops || end ? "ARRIVAL" : "PASS", last));
            }
            if (first || (stops && !end)) {
                last = Instant.parse(c.get("plannedDeparture").asText());
                events.add(running(train, date, point, "DEPARTURE", last));
            }
        }
        clockAt(last.plusSeconds(60));
        JsonNode r = ok(
                server.postJson(
                        "/api/operations/events", dispatcher, "{\"events\":[" + String.join(",", events) + "]}"),
                200);
        assertThat(r.get("accepted").asInt()).as(r.toString()).isEqualTo(events.size());
    }

    static JsonNode event(JsonNode events, String unit, String type, String place) {
        for (JsonNode e : events) {
            if (unit.equals(e.path("equipmentReference").asText())
                    && type.equals(e.get("lancangEventType").asText())
                    && place.equals(e.get("eventLocation").get("facilityCode").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " of " + unit + " at " + place + " in " + events);
    }

    @Test
    @Order(1)
    void aShuttlesRunningEventsGiveItsBoxesTheirStepsWithNetworkCarrierAndZone() {
        JsonNode booking = bookOnVb("SHT-T2", "BOX_40", 2); // F04 Thanaleng → Na Tha
        String id = booking.get("id").asText();
        String train = booking.get("train").asText();
        List<String> units = booking.get("units").findValuesAsText("unit");
        // the shuttle crosses the Thai–Lao border: held at Nong Khai until Thai customs release its boxes
        cleared(noted(booking, note(booking, "SRT")), train, DAY, VB, "nongkhai.tracking");

        runAsPlanned(train, DAY);

        JsonNode c = ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200);
        assertThat(c.get("network").asText()).isEqualTo(VB);
        JsonNode events = c.get("events");
        JsonNode plan = ok(server.get("/api/operations/forecast/trains/" + train + "?date=" + DAY), 200);
        JsonNode calls = plan.get("calls");
        String from = calls.get(0).get("point").asText();
        String to = calls.get(calls.size() - 1).get("point").asText();
        assertThat(from).isEqualTo("TNL");
        assertThat(to).isEqualTo("NTA");
        for (String unit : units) {
            JsonNode dep = event(events, unit, "DEPARTED", from);
            JsonNode arr = event(events, unit, "ARRIVED", to);
            assertThat(dep.get("eventClassifierCode").asText()).isEqualTo("ACT");
            assertThat(dep.get("network").asText()).isEqualTo(VB);
            assertThat(arr.get("network").asText()).isEqualTo(VB);
            // SRT runs the trains in Thailand and on the Lao stub (operators.csv); LNR runs none
            assertThat(dep.get("carrier").asText()).isEqualTo("SRT");
            assertThat(arr.get("carrier").asText()).isEqualTo("SRT");
            // Thanaleng is in Laos, Na Tha in Thailand (points.csv): each event in its point's zone
            assertThat(dep.get("eventTimeZone").asText()).isEqualTo("Asia/Vientiane");
            assertThat(arr.get("eventTimeZone").asText()).isEqualTo("Asia/Bangkok");
            Instant at = Instant.parse(arr.get("eventDateTime").asText());
            assertThat(arr.get("eventDateTimeLocal").asText())
                    .isEqualTo(at.atZone(ZoneId.of("Asia/Bangkok"))
                            .toLocalDateTime()
                            .toString());
            assertThat(at)
                    .isEqualTo(Instant.parse(
                            calls.get(calls.size() - 1).get("plannedArrival").asText()));
            assertThat(dep.get("detail").asText()).contains(train);
        }
        // the events feed has them too, and another shipper sees none of them
        JsonNode feed = ok(server.get("/api/freight/tracking/events?bookingId=" + id, office), 200);
        assertThat(feed.findValuesAsText("network")).isNotEmpty().containsOnly(VB);
        refused(server.get("/api/freight/tracking/consignments/" + id, otherShipper), 404, "bookingId");
        assertThat(ok(server.get("/api/freight/tracking/consignments", otherShipper), 200))
                .isEmpty();
    }

    static final String HOME_DAY = "2026-12-08";
    /** Thanaleng's own time after the yard, data/vientiane-bangkok/freight-terminal-times.csv (an input, not a result). */
    static final Duration TNL_MIN = Duration.ofMinutes(60);
    /** Na Tha's release time, the same file. */
    static final Duration NTA_RELEASE = Duration.ofMinutes(120);

    static TestServer.Reply onward(String token, String id, String body) {
        return server.postJson("/api/freight/through/consignments/" + id + "/onward", token, body);
    }

    static TestServer.Reply transfers(String token, String id, String body) {
        return server.postJson("/api/freight/tracking/consignments/" + id + "/transfers", token, body);
    }

    static String onwardBody(String train, String date) {
        return "{\"train\":\"" + train + "\",\"date\":\"" + date + "\"}";
    }

    /** The shuttles leaving Thanaleng on these days, by departure. */
    static List<JsonNode> shuttlesFromThanaleng(String... dates) {
        List<JsonNode> out = new ArrayList<>();
        for (String d : dates) {
            ok(server.get("/api/freight/slots?date=" + d + "&network=" + VB), 200)
                    .forEach(s -> {
                        if (s.get("runs").asBoolean() && s.get("from").asText().equals("TNL")) {
                            out.add(s);
                        }
                    });
        }
        out.sort(Comparator.comparing(s -> Instant.parse(s.get("departureAt").asText())));
        return out;
    }

    static JsonNode forecastCall(String train, String date, String point) {
        for (JsonNode c : ok(server.get("/api/operations/forecast/trains/" + train + "?date=" + date), 200)
                .get("calls")) {
            if (c.get("point").asText().equals(point)) {
                return c;
            }
        }
        throw new AssertionError(train + " does not call at " + point);
    }

    @Test
    @Order(2)
    void aThroughConsignmentGoesOnByShuttleAndItsTransshipmentAndOnwardStepsAreTracked() {
        // three boxes Yanhe → Vientiane South on the regular southbound freight, sent on to Bangkok
        JsonNode booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"FRT-S3\",\"date\":\"" + HOME_DAY
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":3}]}"),
                201);
        String id = booking.get("id").asText();
        String homeTrain = booking.get("train").asText();
        List<String> units = booking.get("units").findValuesAsText("unit");
        assertThat(booking.get("to").asText()).isEqualTo("VTS");
        String anyShuttle = onwardBody("F04", HOME_DAY);

        // not a through consignment yet: refused naming it; an unknown one is 404
        refused(onward(shipper, id, anyShuttle), 400, "bookingId");
        refused(onward(shipper, "FB-NOSUCH1", anyShuttle), 404, "bookingId");
        refused(transfers(shipper, "FB-NOSUCH1", "{\"unloadedAt\":\"2026-12-06T00:00:00Z\"}"), 404, "bookingId");
        JsonNode through = ok(
                server.postJson(
                        "/api/freight/through/consignments", shipper, "{\"bookingId\":\"" + id + "\",\"to\":\"KTW\"}"),
                201);
        long yardMinutes =
                through.get("quote").get("transshipment").get("minutes").asLong();

        // roles: nobody signed in, a passenger, another shipper (answered as unknown)
        assertThat(onward(null, id, anyShuttle).status()).isEqualTo(401);
        assertThat(onward(passenger, id, anyShuttle).status()).isEqualTo(403);
        refused(onward(otherShipper, id, anyShuttle), 404, "bookingId");
        assertThat(transfers(passenger, id, "{}").status()).isEqualTo(403);
        refused(transfers(otherShipper, id, "{}"), 404, "bookingId");
        // the transfer needs the onward train first
        refused(
                transfers(
                        shipper, id, "{\"unloadedAt\":\"2026-12-06T00:00:00Z\",\"loadedAt\":\"2026-12-06T01:00:00Z\"}"),
                409,
                "bookingId");

        // bad input, each naming its field, nothing written
        long before = FreightApiTest.rows(server);
        refused(onward(shipper, id, "{}"), 400, "train");
        assertThat(onward(shipper, id, "{}").json().findValuesAsText("field")).contains("train", "date");
        refused(onward(shipper, id, onwardBody("F04", "next tuesday")), 400, "date");
        refused(onward(shipper, id, onwardBody("ATLANTIS", HOME_DAY)), 400, "train");
        refused(onward(shipper, id, "{\"train\":\"F04\",\"date\":\"" + HOME_DAY + "\",\"wagons\":3}"), 400, "wagons");
        // F01 runs Na Tha → Thanaleng: not from the transshipment point
        refused(
                onward(
                        shipper,
                        id,
                        onwardBody("F01", LocalDate.parse(HOME_DAY).plusDays(1).toString())),
                400,
                "train");

        // the earliest the boxes can leave Thanaleng: the train's arrival at the yard + the yard's batches + Thanaleng
        JsonNode c = ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200);
        Instant atYard = Instant.parse(c.get("forecastArrival").asText());
        Instant earliest = atYard.plus(Duration.ofMinutes(yardMinutes)).plus(TNL_MIN);
        List<JsonNode> shuttles = shuttlesFromThanaleng(
                HOME_DAY,
                LocalDate.parse(HOME_DAY).plusDays(1).toString(),
                LocalDate.parse(HOME_DAY).plusDays(2).toString());
        JsonNode tooEarly = shuttles.stream()
                .filter(s -> Instant.parse(s.get("departureAt").asText()).isBefore(earliest))
                .reduce((a, b) -> b)
                .orElseThrow();
        List<JsonNode> after = shuttles.stream()
                .filter(s -> !Instant.parse(s.get("departureAt").asText()).isBefore(earliest))
                .toList();
        refused(
                onward(
                        shipper,
                        id,
                        onwardBody(
                                tooEarly.get("train").asText(),
                                tooEarly.get("date").asText())),
                400,
                "train");
        assertThat(FreightApiTest.rows(server)).isEqualTo(before);

        // the first shuttle after it is nearly full (another booking of its wagons): 409 naming train
        JsonNode full = after.get(0);
        int left = full.get("wagonsLeft").asInt();
        ok(
                server.postJson(
                        "/api/freight/bookings",
                        otherShipper,
                        "{\"slotId\":\"" + full.get("id").asText() + "\",\"date\":\""
                                + full.get("date").asText()
                                + "\",\"network\":\"" + VB + "\",\"equipment\":[{\"kind\":\"COVERED\",\"count\":10},"
                                + "{\"kind\":\"FLAT\",\"count\":" + (left - 10 - units.size() + 1) + "}]}"),
                201);
        long beforeFull = FreightApiTest.rows(server);
        refused(
                onward(
                        shipper,
                        id,
                        onwardBody(full.get("train").asText(), full.get("date").asText())),
                409,
                "train");
        assertThat(FreightApiTest.rows(server)).isEqualTo(beforeFull);

        // the next one takes them: one flat wagon a box from Thanaleng's pool, booked on that network
        JsonNode next = after.get(1);
        String train = next.get("train").asText();
        String date = next.get("date").asText();
        JsonNode put = ok(onward(office, id, onwardBody(train, date)), 201);
        JsonNode leg = put.get("onward");
        assertThat(leg.get("train").asText()).isEqualTo(train);
        assertThat(leg.get("from").asText()).isEqualTo("TNL");
        assertThat(Instant.parse(leg.get("earliest").asText())).isEqualTo(earliest);
        int wagonsLeft =
                ok(server.get("/api/freight/slots?date=" + date + "&network=" + VB), 200).findParents("id").stream()
                        .filter(s -> s.get("id").equals(next.get("id")))
                        .findFirst()
                        .orElseThrow()
                        .get("wagonsLeft")
                        .asInt();
        assertThat(wagonsLeft).isEqualTo(next.get("wagonsLeft").asInt() - units.size());
        // again the same: answered as it is; another train: 409
        assertThat(onward(shipper, id, onwardBody(train, date)).status()).isEqualTo(201);
        refused(
                onward(
                        shipper,
                        id,
                        onwardBody(
                                after.get(2).get("train").asText(),
                                after.get(2).get("date").asText())),
                409,
                "train");

        // customs at both borders before the boxes change trains (refused without: SecondBorderCustomsApiTest)
        String number = noted(booking, SecondBorderCustomsApiTest.dryNote(booking));
        cleared(number, homeTrain, HOME_DAY, "china-laos", "mohan.tracking");
        ok(server.postJson("/api/freight/manifests/" + train + "/submit?date=" + date, office, "{}"), 200);

        // the tracking page's consignment has the onward block
        JsonNode o = ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200)
                .get("onward");
        assertThat(o.get("network").asText()).isEqualTo(VB);
        assertThat(o.get("to").asText()).isEqualTo("KTW");
        assertThat(o.get("train").asText()).isEqualTo(train);
        assertThat(o.get("fromZone").asText()).isEqualTo("Asia/Vientiane");

        // the boxes reach Vientiane South (the home train's run and its customs release are TrackingApiTest's), are
        // unloaded there and loaded on the shuttle
        Instant arrived = Instant.parse(
                forecastCall(homeTrain, HOME_DAY, "VTS").get("forecastArrival").asText());
        Instant unloaded = arrived.plus(Duration.ofMinutes(30));
        Instant loaded = unloaded.plus(Duration.ofMinutes(yardMinutes));
        clockAt(loaded.plusSeconds(60));
        refused(
                transfers(shipper, id, "{\"unloadedAt\":\"" + loaded + "\",\"loadedAt\":\"" + unloaded + "\"}"),
                400,
                "loadedAt");
        refused(transfers(shipper, id, "{\"unloadedAt\":\"yesterday\"}"), 400, "unloadedAt");
        refused(transfers(shipper, id, "{\"unloadedAt\":\"" + unloaded + "\"}"), 400, "loadedAt");
        String transfer = "{\"unloadedAt\":\"" + unloaded + "\",\"loadedAt\":\"" + loaded + "\"}";
        JsonNode recorded = ok(transfers(office, id, transfer), 200);
        assertThat(recorded.get("accepted").asInt()).isEqualTo(2 * units.size());
        assertThat(ok(transfers(shipper, id, transfer), 200).get("duplicates").asInt())
                .isEqualTo(2 * units.size());
        JsonNode events = ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200)
                .get("events");
        for (String unit : units) {
            JsonNode off = event(events, unit, "TRANSSHIPPED", "VTS");
            assertThat(off.get("network").asText()).isEqualTo("china-laos");
            assertThat(off.get("carrier").asText()).isEqualTo("LCR");
            assertThat(off.get("eventTimeZone").asText()).isEqualTo("Asia/Vientiane");
            assertThat(off.get("detail").asText()).contains("1435 mm", homeTrain);
            assertThat(Instant.parse(off.get("eventDateTime").asText())).isEqualTo(unloaded);
            JsonNode on = event(events, unit, "LOADED", "TNL");
            assertThat(on.get("network").asText()).isEqualTo(VB);
            assertThat(on.get("carrier").asText()).isEqualTo("SRT");
            assertThat(on.get("detail").asText()).contains("1000 mm", train);
            assertThat(on.get("transportCall").get("trainNumber").asText()).isEqualTo(train);
        }

        // the shuttle leaves 40 min late: the ETA moves with its forecast (the train's arrival + Na Tha's time)
        JsonNode dep = forecastCall(train, date, "TNL");
        Instant late = Instant.parse(dep.get("plannedDeparture").asText()).plus(Duration.ofMinutes(40));
        clockAt(late.plusSeconds(60));
        ok(
                server.postJson(
                        "/api/operations/events",
                        dispatcher,
                        "{\"events\":[" + running(train, date, "TNL", "DEPARTURE", late) + "]}"),
                200);
        JsonNode end = forecastCall(train, date, "NTA");
        Instant forecast = Instant.parse(end.get("forecastArrival").asText());
        assertThat(forecast).isAfter(Instant.parse(end.get("plannedArrival").asText()));
        o = ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200)
                .get("onward");
        assertThat(o.get("arrivesAt").asText()).isEqualTo("NTA");
        assertThat(o.get("reachesDestination").asBoolean())
                .as("the shuttles end at Na Tha")
                .isFalse();
        assertThat(o.get("arrivalZone").asText()).isEqualTo("Asia/Bangkok");
        assertThat(Instant.parse(o.get("eta").asText())).isEqualTo(forecast.plus(NTA_RELEASE));
        assertThat(o.get("etaLocal").asText())
                .isEqualTo(forecast.plus(NTA_RELEASE)
                        .atZone(ZoneId.of("Asia/Bangkok"))
                        .toLocalDateTime()
                        .toString());
        events = ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200)
                .get("events");
        // the moved forecast is pushed as the consignment's estimate at Na Tha (stored: it has a seq)
        List<JsonNode> estimates = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("eventClassifierCode").asText().equals("EST")
                    && e.has("seq")
                    && e.get("eventLocation").get("facilityCode").asText().equals("NTA")) {
                estimates.add(e);
            }
        });
        assertThat(estimates).hasSize(1);
        assertThat(Instant.parse(estimates.get(0).get("eventDateTime").asText()))
                .isEqualTo(forecast);
        assertThat(estimates.get(0).get("network").asText()).isEqualTo(VB);
        assertThat(estimates.get(0).get("transportCall").get("trainNumber").asText())
                .isEqualTo(train);
        for (String unit : units) {
            JsonNode d = event(events, unit, "DEPARTED", "TNL");
            assertThat(d.get("network").asText()).isEqualTo(VB);
            assertThat(Instant.parse(d.get("eventDateTime").asText())).isEqualTo(late);
        }
    }
}
