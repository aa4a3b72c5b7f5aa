package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.tracking.TrackingRecords.Retry;
import org.lancang.web.http.Json;
import org.lancang.web.tracking.Iftsta;
import org.lancang.web.tracking.WebhookSender;

/**
 * Issue 18's tracking over HTTP: 40 reefer boxes from Vientiane South to the Kunming area on tomorrow's express. The
 * terminal reports gate-in and loading; the train's running events (posted as the simulator does) give every box its
 * departure, border exit and entry and arrival; the ETA follows the train's delay; the shipper's webhook receiver
 * (a small HTTP server here, checking the signature) gets every event at least once with the same event id, also after
 * being down and after the server restarted; the IFTSTA messages pass the schema check. Bad input is refused naming
 * the field with nothing written; repeats change nothing; another shipper sees nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrackingApiTest {
    static final String TOMORROW = "2026-12-06";
    /** The train the boxes go on: the shipper's own path to the Kunming area, approved for tomorrow. */
    static String TRAIN;

    static final TestClock CLOCK = TestClock.at("2026-12-05T02:00:00Z");
    /**
     * Longer than all the waiting an ad-hoc freight path may hold (12 h, freight-rules.csv), so the forecast cannot
     * absorb it on the way and some of it reaches the destination.
     */
    static final int DELAY_MIN = 780;

    static DatabaseConfig database;
    static TestServer server;
    static Receiver receiver;
    static String shipper;
    static String otherShipper;
    static String office;
    static String dispatcher;
    static String laoCustoms;
    static JsonNode booking;
    static String bookingId;
    static List<String> units = new ArrayList<>();
    static JsonNode train;
    static int nextCall;

    /** The shipper's webhook receiver: records every eventID it gets with a valid signature; can be made to fail. */
    static final class Receiver implements AutoCloseable {
        final HttpServer http;
        final Map<String, Integer> received = new ConcurrentHashMap<>();
        /** The last body of each event received, by eventID. */
        final Map<String, JsonNode> bodies = new ConcurrentHashMap<>();

        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger badSignatures = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        volatile String secret;

        Receiver() throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status;
                if (down.get()) {
                    refused.incrementAndGet();
                    status = 503;
                } else if (!signed(exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER), body)) {
                    badSignatures.incrementAndGet();
                    status = 401;
                } else {
                    for (JsonNode e : parse(body)) {
                        received.merge(e.get("eventID").asText(), 1, Integer::sum);
                        bodies.put(e.get("eventID").asText(), e);
                    }
                    status = 204;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            http.start();
        }

        /** What the docs tell a receiver to do: recompute the HMAC over "t.body" and compare. */
        boolean signed(String header, byte[] body) {
            if (header == null || secret == null) {
                return false;
            }
            long t = 0;
            String v1 = null;
            for (String part : header.split(",")) {
                if (part.startsWith("t=")) {
                    t = Long.parseLong(part.substring(2));
                } else if (part.startsWith("v1=")) {
                    v1 = part.substring(3);
                }
            }
            return v1 != null
                    && MessageDigest.isEqual(
                            v1.getBytes(StandardCharsets.US_ASCII),
                            WebhookSender.hmac(secret, t, body).getBytes(StandardCharsets.US_ASCII));
        }

        static JsonNode parse(byte[] body) {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        database = TestDatabase.fresh();
        server = new TestServer(database, CLOCK);
        fastRetries();
        String admin = server.adminToken();
        shipper = user(admin, "vientiane.fruit", "SHIPPER");
        otherShipper = user(admin, "other.shipper", "SHIPPER");
        office = user(admin, "freight.office", "FREIGHT_OFFICE");
        dispatcher = user(admin, "zhao.dispatch", "DISPATCHER");
        laoCustoms = user(admin, "boten.customs", "CUSTOMS");
        user(admin, "railway.admin", "ADMIN");
        ok(server.putJson("/api/freight/customs/officers/boten.customs", admin, "{\"country\":\"LA\"}"), 200);
        receiver = new Receiver();
    }

    /** Signs everyone in again: sign-in tokens expire as the test's clock moves on by days. */
    static void signInAgain() {
        shipper = server.token("vientiane.fruit", "password of vientiane.fruit");
        otherShipper = server.token("other.shipper", "password of other.shipper");
        office = server.token("freight.office", "password of freight.office");
        dispatcher = server.token("zhao.dispatch", "password of zhao.dispatch");
        laoCustoms = server.token("boten.customs", "password of boten.customs");
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

    /** The train's forecast arrival at its destination, as the operations API gives it now. */
    static Instant arrival() {
        JsonNode f = ok(server.get("/api/operations/forecast/trains/" + TRAIN + "?date=" + TOMORROW), 200);
        JsonNode dest = f.get("calls").get(f.get("calls").size() - 1);
        return Instant.parse(dest.get("forecastArrival").asText());
    }

    static String dtm(Instant t) {
        return t.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
    }

    /** Short retries, and the local receivers allowed (webhooks are otherwise https to public hosts only). */
    static void fastRetries() {
        server.platform.tracking().useRetry(new Retry(Duration.ofMillis(200), Duration.ofSeconds(1)));
        server.platform.tracking().allowHosts(Set.of("127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.close();
    }

    static void refused(TestServer.Reply r, int status, String field) {
        FreightApiTest.refused(r, status, field);
    }

    static long rows() {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM tracking_event)"
                                + " + (SELECT count(*) FROM tracking_subscription)"
                                + " + (SELECT count(*) FROM tracking_delivery)")
                        .mapTo(Long.class)
                        .one());
    }

    static void await(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String event(String unit, String type, String at) {
        return "{\"bookingId\":\"" + bookingId + "\",\"unit\":\"" + unit + "\",\"type\":\"" + type + "\",\"at\":\"" + at
                + "\"}";
    }

    static String events(List<String> events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    static JsonNode consignment() {
        return ok(server.get("/api/freight/tracking/consignments/" + bookingId, shipper), 200);
    }

    static Set<String> apiEventIds() {
        Set<String> ids = new HashSet<>();
        ok(server.get("/api/freight/tracking/events?limit=5000", office), 200)
                .forEach(e -> ids.add(e.get("eventID").asText()));
        return ids;
    }

    /** Reports the train's calls from {@code nextCall} up to (not including) {@code upTo}, late by DELAY_MIN. */
    static void runTrainTo(int upTo) {
        JsonNode calls = train.get("calls");
        List<String> evs = new ArrayList<>();
        Instant last = null;
        for (int i = nextCall; i < upTo; i++) {
            JsonNode c = calls.get(i);
            String point = c.get("point").asText();
            boolean first = i == 0;
            boolean lastCall = i == calls.size() - 1;
            boolean stops = c.get("stops").asBoolean();
            if (!first) {
                Instant a = Instant.parse(c.get("plannedArrival").asText()).plus(Duration.ofMinutes(DELAY_MIN));
                evs.add(running(point, stops || lastCall ? "ARRIVAL" : "PASS", a));
                last = a;
            }
            if (first || (stops && !lastCall)) {
                Instant d = Instant.parse(c.get("plannedDeparture").asText()).plus(Duration.ofMinutes(DELAY_MIN));
                evs.add(running(point, "DEPARTURE", d));
                last = d;
            }
        }
        nextCall = upTo;
        CLOCK.set(last.plusSeconds(60).toString());
        signInAgain();
        JsonNode r = ok(server.postJson("/api/operations/events", dispatcher, events(evs)), 200);
        assertThat(r.get("accepted").asInt()).as(r.toString()).isEqualTo(evs.size());
    }

    static String running(String point, String kind, Instant at) {
        return "{\"train\":\"" + TRAIN + "\",\"serviceDate\":\"" + TOMORROW + "\",\"point\":\"" + point
                + "\",\"kind\":\"" + kind + "\",\"at\":\"" + at + "\",\"source\":\"simulator\"}";
    }

    static int callIndex(String point) {
        JsonNode calls = train.get("calls");
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).get("point").asText().equals(point)) {
                return i;
            }
        }
        throw new AssertionError(point + " is not on " + TRAIN);
    }

    static List<JsonNode> estimates(JsonNode events) {
        List<JsonNode> out = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("eventClassifierCode").asText().equals("EST")) {
                out.add(e);
            }
        });
        return out;
    }

    static long count(String type) {
        long n = 0;
        for (JsonNode e :
                ok(server.get("/api/freight/tracking/events?limit=5000&bookingId=" + bookingId, shipper), 200)) {
            if (e.get("lancangEventType").asText().equals(type)
                    && e.get("eventClassifierCode").asText().equals("ACT")) {
                n++;
            }
        }
        return n;
    }

    @Test
    @Order(1)
    void theShipperBooks40ReefersOnTomorrowsExpressAndSubscribesAWebhook() {
        // the express's slot holds 72 TEU, 36 reefers: 40 go on a path of their own, as the freight office approves it
        JsonNode request = ok(
                server.postJson(
                        "/api/freight/requests",
                        shipper,
                        "{\"from\":\"VTS\",\"to\":\"YHE\",\"earliestDeparture\":\"" + TOMORROW
                                + "T08:00:00+07:00\",\"trailingMassT\":2800,\"lengthM\":600,\"dangerousGoods\":false}"),
                201);
        assertThat(request.get("status").asText()).as(request.toString()).isEqualTo("PROPOSED");
        String requestId = request.get("id").asText();
        ok(server.postJson("/api/freight/requests/" + requestId + "/approve", office, "{}"), 200);
        booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"requestId\":\"" + requestId + "\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":40}]}"),
                201);
        TRAIN = booking.get("train").asText();
        bookingId = booking.get("id").asText();
        booking.get("units").forEach(u -> units.add(u.get("unit").asText()));
        assertThat(units).hasSize(40);
        assertThat(booking.get("from").asText()).isEqualTo("VTS");
        train = ok(server.get("/api/operations/forecast/trains/" + TRAIN + "?date=" + TOMORROW), 200);

        JsonNode sub = ok(
                server.postJson("/api/freight/subscriptions", shipper, "{\"callbackUrl\":\"" + receiver.url() + "\"}"),
                201);
        assertThat(sub.get("secret").asText()).hasSize(64);
        assertThat(sub.get("signatureHeader").asText()).isEqualTo(WebhookSender.SIGNATURE_HEADER);
        receiver.secret = sub.get("secret").asText();
        JsonNode listed = ok(server.get("/api/freight/subscriptions", shipper), 200);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("secret")).as("the secret is shown once").isFalse();
    }

    @Test
    @Order(2)
    void beforeAnyEventTheEtaIsThePlannedArrivalPlusTheTerminalTime() {
        JsonNode c = consignment();
        assertThat(c.get("train").asText()).isEqualTo(TRAIN);
        assertThat(c.get("destinationZone").asText()).isEqualTo("Asia/Shanghai");
        Instant planned = Instant.parse(c.get("plannedArrival").asText());
        Instant eta = Instant.parse(c.get("eta").asText());
        assertThat(Duration.between(planned, eta))
                .isEqualTo(server.platform
                        .tracking()
                        .terminals()
                        .release(c.get("to").asText()));
        assertThat(c.get("etaLocal").asText()).startsWith(TOMORROW.substring(0, 8));
        List<String> classifiers = new ArrayList<>();
        c.get("events")
                .forEach(e -> classifiers.add(e.get("eventClassifierCode").asText()));
        assertThat(classifiers).contains("PLN", "EST");
    }

    @Test
    @Order(3)
    void theTerminalReportsGateInAndLoadingForEveryBox() {
        List<String> gateIn = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        for (String u : units) {
            gateIn.add(event(u, "GATE_IN", "2026-12-05T08:00:00+07:00"));
            loaded.add(event(u, "LOADED", "2026-12-05T08:40:00+07:00"));
        }
        JsonNode r = ok(server.postJson("/api/freight/tracking/events", shipper, events(gateIn)), 200);
        assertThat(r.get("accepted").asInt()).isEqualTo(40);
        r = ok(server.postJson("/api/freight/tracking/events", office, events(loaded)), 200);
        assertThat(r.get("accepted").asInt()).isEqualTo(40);
        JsonNode again = ok(server.postJson("/api/freight/tracking/events", office, events(loaded)), 200);
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(40);
        assertThat(again.get("events").get(0).get("eventID").asText())
                .isEqualTo(r.get("events").get(0).get("eventID").asText());
        assertThat(count("LOADED")).isEqualTo(40);
    }

    /**
     * The train may not pass Boten before customs release its consignment (issue 18's interlock): the shipper files the
     * note, the railway sends the advance data, Lao customs inspect and release; each box gets its customs-release
     * step in the decision's own transaction.
     */
    @Test
    @Order(4)
    void customsReleaseTheConsignmentAndEveryBoxHasItsReleaseStep() {
        JsonNode note = ok(
                server.putJson(
                        "/api/freight/bookings/" + bookingId + "/note",
                        shipper,
                        FreightApiTest.note(booking, null, "081060", null)),
                201);
        String number = note.get("consignmentNumber").asText();
        ok(server.postJson("/api/freight/manifests/" + TRAIN + "/submit?date=" + TOMORROW, office, "{}"), 200);
        for (String state : List.of("SELECTED_FOR_INSPECTION", "RELEASED")) {
            ok(
                    server.postJson(
                            "/api/freight/customs/decisions",
                            laoCustoms,
                            "{\"decisions\":[{\"consignment\":\"" + number + "\",\"state\":\"" + state + "\"}]}"),
                    200);
        }
        assertThat(count("CUSTOMS_RELEASE")).isEqualTo(40);
    }

    @Test
    @Order(5)
    void theTrainsRunningEventsGiveEveryBoxItsStepsAndTheEtaFollowsTheDelay() {
        JsonNode before = consignment();
        runTrainTo(callIndex("BTN") + 1);
        assertThat(count("DEPARTED")).isEqualTo(40);
        assertThat(count("BORDER_EXIT")).as("left Laos at Boten").isEqualTo(40);
        assertThat(count("BORDER_ENTRY")).isZero();
        JsonNode after = consignment();
        long delay = after.get("arrivalDelaySeconds").asLong();
        assertThat(delay).as("the delay reaches the destination").isPositive();
        Duration moved = Duration.between(
                Instant.parse(before.get("eta").asText()),
                Instant.parse(after.get("eta").asText()));
        assertThat(moved).isEqualTo(Duration.ofSeconds(delay));
        JsonNode forecast = ok(server.get("/api/operations/forecast/trains/" + TRAIN + "?date=" + TOMORROW), 200);
        JsonNode dest = forecast.get("calls").get(forecast.get("calls").size() - 1);
        assertThat(Instant.parse(after.get("forecastArrival").asText()))
                .isEqualTo(Instant.parse(dest.get("forecastArrival").asText()));

        // the delay is pushed as one estimated arrival (EST) of the consignment, at the new forecast arrival
        List<JsonNode> estimates = estimates(
                ok(server.get("/api/freight/tracking/events?limit=5000&bookingId=" + bookingId, shipper), 200));
        assertThat(estimates).hasSize(1);
        JsonNode est = estimates.get(0);
        assertThat(est.get("eventType").asText()).isEqualTo("TRANSPORT");
        assertThat(est.get("transportEventTypeCode").asText()).isEqualTo("ARRI");
        assertThat(est.get("eventLocation").get("facilityCode").asText())
                .isEqualTo(after.get("to").asText());
        assertThat(Instant.parse(est.get("eventDateTime").asText()))
                .isEqualTo(Instant.parse(after.get("forecastArrival").asText()))
                .isEqualTo(Instant.parse(before.get("forecastArrival").asText()).plusSeconds(delay));
        await(
                "the shipper's webhook gets the estimate",
                () -> receiver.bodies.containsKey(est.get("eventID").asText()));
        JsonNode pushed = receiver.bodies.get(est.get("eventID").asText());
        assertThat(pushed.get("eventClassifierCode").asText()).isEqualTo("EST");
        assertThat(pushed.get("eventDateTime").asText())
                .isEqualTo(est.get("eventDateTime").asText());

        // a running event reported twice changes nothing
        long rows = rows();
        JsonNode dep = train.get("calls").get(0);
        JsonNode r = ok(
                server.postJson(
                        "/api/operations/events",
                        dispatcher,
                        running(
                                "VTS",
                                "DEPARTURE",
                                Instant.parse(dep.get("plannedDeparture").asText())
                                        .plus(Duration.ofMinutes(DELAY_MIN)))),
                200);
        assertThat(r.get("duplicates").asInt()).isEqualTo(1);
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    @Order(6)
    void theWebhookReceiverGetsEveryEventWithItsIdAndAValidSignature() {
        await("every event delivered", () -> receiver.received.keySet().containsAll(apiEventIds()));
        assertThat(receiver.received.keySet()).isEqualTo(apiEventIds());
        assertThat(receiver.badSignatures.get()).isZero();
    }

    @Test
    @Order(7)
    void aReceiverThatWasDownGetsEverythingAfterwards() {
        receiver.down.set(true);
        runTrainTo(callIndex("MHN") + 1);
        assertThat(count("BORDER_ENTRY")).as("entered China at Mohan").isEqualTo(40);
        await("tries refused", () -> receiver.refused.get() >= 2);
        JsonNode sub =
                ok(server.get("/api/freight/subscriptions", shipper), 200).get(0);
        assertThat(sub.get("pending").asLong()).isPositive();
        assertThat(sub.get("lastError").asText()).contains("503");
        receiver.down.set(false);
        await(
                "every event delivered after the receiver came back",
                () -> receiver.received.keySet().containsAll(apiEventIds()));
        assertThat(receiver.received.keySet()).isEqualTo(apiEventIds());
    }

    @Test
    @Order(8)
    void nothingIsLostAcrossAServerRestart() {
        receiver.down.set(true);
        runTrainTo(train.get("calls").size());
        assertThat(count("ARRIVED")).isEqualTo(40);
        Set<String> ids = apiEventIds();
        long pending = server.platform.tracking().pendingDeliveries();
        assertThat(pending).as("undelivered when the server stops").isPositive();
        server.close();
        receiver.down.set(false);
        server = new TestServer(database, CLOCK);
        signInAgain();
        fastRetries();
        await(
                "every event delivered by the restarted server",
                () -> receiver.received.keySet().containsAll(ids));
        assertThat(receiver.received.keySet()).isEqualTo(ids);
        // the receiver holds an event before its sender has marked it delivered: the outbox empties just after
        await("the outbox emptied", () -> server.platform.tracking().pendingDeliveries() == 0);
    }

    @Test
    @Order(9)
    void theIftstaMessagePassesItsSchemaAndABadOneFails() {
        TestServer.Reply r = server.get("/api/freight/tracking/consignments/" + bookingId + "/iftsta", shipper);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith(Iftsta.MEDIA_TYPE);
        String message = r.body();
        assertThat(message)
                .startsWith("UNB+UNOC:3+LANCANG")
                .contains("UNH+1+IFTSTA:D:99B:UN")
                .contains("EQD+CN+");
        Iftsta schema = Iftsta.load();
        assertThat(schema.check(message)).isEmpty();
        assertThat(schema.check(message.replaceFirst("STS\\+1\\+GIN", "STS+1+XXX")))
                .as("an unknown status code")
                .isNotEmpty();
        assertThat(schema.check(message.replaceFirst("EQD\\+CN\\+[A-Z0-9]+'", "")))
                .as("a status group without its box")
                .isNotEmpty();

        // a terminal's own IFTSTA: the delivery of the first box
        String unit = units.get(0);
        Instant deliveredAt = arrival().plus(Duration.ofHours(3));
        String delivered = "UNB+UNOC:3+YHETERM:ZZZ+LANCANG:ZZZ+261207:1000+T1'UNH+1+IFTSTA:D:99B:UN'BGM+23+T1+9'"
                + "DTM+137:" + dtm(deliveredAt) + ":203'CNI+1+" + bookingId + "'STS+1+DLV'RFF+BN:" + bookingId + "'"
                + "DTM+334:" + dtm(deliveredAt) + ":203'LOC+175+YHE'EQD+CN+" + unit + "'UNT+10+1'UNZ+1+T1'";
        assertThat(schema.check(delivered)).isEmpty();
        CLOCK.set(deliveredAt.plus(Duration.ofHours(1)).toString());
        signInAgain();
        long rows = rows();
        TestServer.Reply bad = server.send(
                "POST",
                "/api/freight/tracking/iftsta",
                office,
                Iftsta.MEDIA_TYPE,
                delivered.replace("STS+1+DLV", "STS+1+ZZZ").getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors").get(0).get("field").asText()).contains("(STS)");
        assertThat(rows()).isEqualTo(rows);
        JsonNode ok = ok(
                server.send(
                        "POST",
                        "/api/freight/tracking/iftsta",
                        office,
                        Iftsta.MEDIA_TYPE,
                        delivered.getBytes(StandardCharsets.UTF_8)),
                200);
        assertThat(ok.get("accepted").asInt()).isEqualTo(1);
        assertThat(count("DELIVERED")).isEqualTo(1);
    }

    @Test
    @Order(10)
    void badInputIsRefusedNamingTheFieldWithNothingWritten() {
        Instant arrived = arrival();
        CLOCK.set(arrived.plus(Duration.ofHours(5)).toString());
        signInAgain();
        long before = rows();
        String at = arrived.plus(Duration.ofHours(3)).plusSeconds(60).toString();
        String unit = units.get(1);
        refused(
                server.postJson(
                        "/api/freight/tracking/events", office, events(List.of(event("ABCU1234560", "DELIVERED", at)))),
                400,
                "events[0].unit");
        refused(
                server.postJson(
                        "/api/freight/tracking/events", otherShipper, events(List.of(event(unit, "DELIVERED", at)))),
                400,
                "events[0].bookingId");
        refused(
                server.postJson(
                        "/api/freight/tracking/events",
                        office,
                        events(List.of(
                                event(unit, "DELIVERED", at),
                                event(unit, "EMPTY_RETURNED", "2026-12-05T10:00:00+07:00")))),
                400,
                "events[1].at");
        refused(
                server.postJson("/api/freight/tracking/events", office, events(List.of(event(unit, "DEPARTED", at)))),
                400,
                "events[0].type");
        refused(
                server.postJson(
                        "/api/freight/tracking/events", office, events(List.of(event(unit, "DELIVERED", "tomorrow")))),
                400,
                "events[0].at");
        refused(
                server.send(
                        "POST",
                        "/api/freight/tracking/events.csv",
                        office,
                        "text/csv",
                        ("bookingId,unit,type,location,at\n" + bookingId + "," + unit + ",DELIVERED,,7 Dec\n")
                                .getBytes(StandardCharsets.UTF_8)),
                400,
                "line 2: at");
        refused(
                server.send(
                        "POST",
                        "/api/freight/tracking/events.csv",
                        office,
                        "text/csv",
                        "bookingId,unit\nx,y\n".getBytes(StandardCharsets.UTF_8)),
                400,
                "line 1: type");
        refused(
                server.send(
                        "POST", "/api/freight/tracking/iftsta", office, Iftsta.MEDIA_TYPE, "UNB+nonsense".getBytes()),
                400,
                "body");
        for (String url : List.of("ftp://example.org/hook", "not a url", "http:///nohost", "http://u:p@example.org/")) {
            refused(
                    server.postJson("/api/freight/subscriptions", shipper, "{\"callbackUrl\":\"" + url + "\"}"),
                    400,
                    "callbackUrl");
        }
        // webhooks inside the network are refused (SSRF), in every way an address may be written; http too
        for (String url : List.of(
                "http://example.org/hook", // not https, and example.org is not an allowed host
                "https://localhost/hook", // a name resolving to loopback
                "https://127.0.0.2/hook",
                "https://2130706433/hook", // 127.0.0.1 in decimal
                "https://0x7f000001/hook", // in hex
                "https://0177.0.0.1/hook", // in octal
                "https://127.1/hook", // in short form
                "https://[::1]/hook",
                "https://[::ffff:127.0.0.1]/hook", // IPv4-mapped IPv6
                "https://[::ffff:7f00:1]/hook",
                "https://[::127.0.0.1]/hook", // IPv4-compatible IPv6
                "https://169.254.169.254/latest/meta-data", // link-local (cloud metadata)
                "https://[fe80::1]/hook",
                "https://10.0.0.1/hook", // private
                "https://172.16.5.4/hook",
                "https://192.168.1.1/hook",
                "https://0xc0a80101/hook",
                "https://[fd12:3456::1]/hook", // unique local IPv6
                "https://100.64.0.1/hook", // shared address space
                "https://224.0.0.1/hook", // multicast
                "https://[ff02::1]/hook",
                "https://255.255.255.255/hook",
                "https://0.0.0.0/hook", // unspecified
                "https://0/hook",
                "https://[::]/hook")) {
            refused(server.postJson("/api/freight/subscriptions", shipper, "{\"url\":\"" + url + "\"}"), 400, "url");
            refused(
                    server.postJson("/api/freight/subscriptions", shipper, "{\"callbackUrl\":\"" + url + "\"}"),
                    400,
                    "callbackUrl");
        }
        assertThat(rows()).isEqualTo(before);

        // the same as CSV, well formed: written
        TestServer.Reply csv = server.send(
                "POST",
                "/api/freight/tracking/events.csv",
                office,
                "text/csv",
                ("bookingId,unit,type,location,at\n" + bookingId + "," + unit + ",DELIVERED,,\"" + at + "\"\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(ok(csv, 200).get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    @Order(11)
    void anotherShipperSeesNoneOfItAndTheRailwaySeesAll() {
        assertThat(ok(server.get("/api/freight/tracking/events", otherShipper), 200))
                .isEmpty();
        assertThat(ok(server.get("/api/freight/tracking/consignments", otherShipper), 200))
                .isEmpty();
        refused(server.get("/api/freight/tracking/consignments/" + bookingId, otherShipper), 404, "bookingId");
        refused(server.get("/api/freight/tracking/events?bookingId=" + bookingId, otherShipper), 404, "bookingId");
        refused(
                server.postJson(
                        "/api/freight/subscriptions",
                        otherShipper,
                        "{\"callbackUrl\":\"" + receiver.url() + "\",\"bookingId\":\"" + bookingId + "\"}"),
                404,
                "bookingId");
        assertThat(ok(server.get("/api/freight/tracking/consignments", office), 200))
                .hasSize(1);
        TestServer.Reply csv = server.get("/api/freight/tracking/events.csv?limit=5000", office);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).startsWith("eventID,seq,bookingId");
        JsonNode all = ok(server.get("/api/freight/tracking/events?limit=5000", office), 200);
        assertThat(lines.length - 1)
                .as("the steps, not the estimates")
                .isEqualTo(all.size() - estimates(all).size());
    }

    @Test
    @Order(12)
    void aWebhookWhoseHostNowResolvesInsideTheNetworkIsNotCalled() throws IOException {
        try (Receiver local = new Receiver()) {
            String url = "http://localhost:" + local.http.getAddress().getPort() + "/hook";
            server.platform.tracking().allowHosts(Set.of("127.0.0.1", "localhost"));
            JsonNode sub = ok(server.postJson("/api/freight/subscriptions", shipper, "{\"url\":\"" + url + "\"}"), 201);
            local.secret = sub.get("secret").asText();
            // the administrator withdraws the host: as if the name had been rebound inside the network since
            fastRetries();
            report(units.get(10), "DELIVERED");
            await(
                    "the delivery refused and recorded",
                    () -> lastError(sub.get("id").asText()).startsWith("refused: must be https"));
            assertThat(local.received).isEmpty();
            assertThat(local.refused.get() + local.badSignatures.get())
                    .as("no request made")
                    .isZero();
            assertThat(server.send(
                                    "DELETE",
                                    "/api/freight/subscriptions/"
                                            + sub.get("id").asText(),
                                    shipper,
                                    null,
                                    null)
                            .status())
                    .isEqualTo(204);
        }
    }

    @Test
    @Order(13)
    void undeliveredEventsBecomeDeadLettersAndDeliveredRowsAreCleanedUpAfterTheRetention() throws IOException {
        String admin = admin();
        try (Receiver down = new Receiver()) {
            down.down.set(true);
            JsonNode sub =
                    ok(server.postJson("/api/freight/subscriptions", shipper, "{\"url\":\"" + down.url() + "\"}"), 201);
            server.platform.tracking().deadAfter(2);
            report(units.get(11), "DELIVERED");
            String id = sub.get("id").asText();
            await("a dead letter after two tries", () -> deadLetter(admin, id) != null);
            JsonNode dead = deadLetter(admin, id);
            assertThat(dead.get("attempts").asInt()).isEqualTo(2);
            assertThat(dead.get("lastError").asText()).contains("503");
            assertThat(down.refused.get()).isEqualTo(2);
            assertThat(server.get("/api/freight/subscriptions/dead-letters", shipper)
                            .status())
                    .isEqualTo(403);
            assertThat(server.get("/api/freight/subscriptions/dead-letters", office)
                            .status())
                    .isEqualTo(403);
            refused(server.get("/api/freight/subscriptions/dead-letters?limit=0", admin), 400, "limit");
        }

        // delivered rows go after the retention by the server's clock; the events, pending rows and dead letters stay
        server.platform.tracking().keepDelivered(Duration.ofDays(7), Duration.ofMillis(100));
        long events = eventRows();
        CLOCK.set(CLOCK.instant().plus(Duration.ofDays(6)).toString());
        String limit = "'" + CLOCK.instant().minus(Duration.ofDays(7)) + "'::timestamptz";
        long young = deliveryRows("delivered_at >= " + limit);
        assertThat(young).isPositive();
        await(
                "delivered rows older than 7 days by the server's clock cleaned up",
                () -> deliveryRows("delivered_at < " + limit) == 0);
        assertThat(deliveryRows("delivered_at >= " + limit))
                .as("younger than 7 days: kept")
                .isEqualTo(young);
        CLOCK.set(CLOCK.instant().plus(Duration.ofDays(2)).toString());
        await("the delivered rows cleaned up", () -> deliveryRows("delivered_at IS NOT NULL") == 0);
        long dead = deliveryRows("dead_at IS NOT NULL");
        assertThat(dead).isPositive();
        assertThat(eventRows()).isEqualTo(events);
        signInAgain();
        assertThat(deadLetters(admin())).hasSize((int) dead);
    }

    static void report(String unit, String type) {
        String at = CLOCK.instant().minusSeconds(30).toString();
        assertThat(ok(
                                server.postJson(
                                        "/api/freight/tracking/events", office, events(List.of(event(unit, type, at)))),
                                200)
                        .get("accepted")
                        .asInt())
                .isEqualTo(1);
    }

    static String admin() {
        return server.token("railway.admin", "password of railway.admin");
    }

    static String lastError(String subscription) {
        for (JsonNode s : ok(server.get("/api/freight/subscriptions", shipper), 200)) {
            if (s.get("id").asText().equals(subscription)) {
                return s.has("lastError") && !s.get("lastError").isNull()
                        ? s.get("lastError").asText()
                        : "";
            }
        }
        throw new AssertionError("no subscription " + subscription);
    }

    static JsonNode deadLetter(String admin, String subscription) {
        for (JsonNode d : deadLetters(admin)) {
            if (d.get("subscriptionId").asText().equals(subscription)) {
                return d;
            }
        }
        return null;
    }

    static JsonNode deadLetters(String admin) {
        return ok(server.get("/api/freight/subscriptions/dead-letters", admin), 200);
    }

    static long deliveryRows(String where) {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM tracking_delivery WHERE " + where)
                        .mapTo(Long.class)
                        .one());
    }

    static long eventRows() {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM tracking_event")
                        .mapTo(Long.class)
                        .one());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
