package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.FreightApiTest.refused;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;
import org.lancang.web.tracking.Iftsta;

/**
 * Issue 19, customs at every border a through consignment crosses, over HTTP with both networks served: boxes from
 * Yanhe to Vientiane South cross the China–Laos border, go on by shuttle from Thanaleng and cross the Thai–Lao border
 * on the Friendship Bridge. Each border's customs get their own declaration (the train's advance data, due by that
 * network's customs-rules.csv) and decide on their own; the transshipment is refused, naming the border, until the
 * first border released the boxes and the second has their declaration; the shuttle is held at the Thai control
 * station until Thai customs release them; each release is a tracking event at its control station and in the IFTSTA.
 */
class SecondBorderCustomsApiTest {
    static final String VB = "vientiane-bangkok";
    static final String HOME_DAY = "2026-12-08";
    static final TestClock CLOCK = TestClock.at("2026-12-05T02:00:00Z");
    /** data/vientiane-bangkok/customs-rules.csv's lead (an input of the test, an ASSUMPTION of the data). */
    static final Duration VB_LEAD = Duration.ofMinutes(120);

    static TestServer server;
    static String admin;
    static String shipper;
    static String office;
    static String chinese;
    static String thai;
    static String lao;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork(CLOCK);
        admin = server.adminToken();
        shipper = FreightApiTest.user(server, admin, "bridge.shipper", "SHIPPER");
        office = FreightApiTest.user(server, admin, "bridge.office", "FREIGHT_OFFICE");
        chinese = FreightApiTest.user(server, admin, "bridge.mohan", "CUSTOMS");
        thai = FreightApiTest.user(server, admin, "bridge.nongkhai", "CUSTOMS");
        lao = FreightApiTest.user(server, admin, "bridge.boten", "CUSTOMS");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Moves the clock and signs everyone in again (tokens expire as the clock moves on). */
    static void at(Instant t) {
        CLOCK.set(t.toString());
        admin = server.adminToken();
        shipper = server.token("bridge.shipper", "password of bridge.shipper");
        office = server.token("bridge.office", "password of bridge.office");
        chinese = server.token("bridge.mohan", "password of bridge.mohan");
        thai = server.token("bridge.nongkhai", "password of bridge.nongkhai");
        lao = server.token("bridge.boten", "password of bridge.boten");
    }

    static TestServer.Reply transfer(Instant unloaded, Instant loaded) {
        return server.postJson(
                "/api/freight/tracking/consignments/" + bookingId + "/transfers",
                office,
                "{\"unloadedAt\":\"" + unloaded + "\",\"loadedAt\":\"" + loaded + "\"}");
    }

    static void refusedAtBorder(TestServer.Reply r, String code, String border, String control) {
        refused(r, 409, "bookingId");
        JsonNode p = r.json();
        assertThat(p.get("code").asText()).as(r.body()).isEqualTo(code);
        assertThat(r.body()).contains("border " + border, control);
    }

    static String bookingId;

    static long rows() {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM customs_release)"
                                + " + (SELECT count(*) FROM customs_decision) + (SELECT count(*) FROM tracking_event)")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void eachBorderDeclaresAndReleasesTheThroughConsignmentOnItsOwn() {
        // the officers: Thailand has border controls on the second network only, and is accepted as one
        ok(server.putJson("/api/freight/customs/officers/bridge.mohan", admin, "{\"country\":\"CN\"}"), 200);
        ok(server.putJson("/api/freight/customs/officers/bridge.nongkhai", admin, "{\"country\":\"TH\"}"), 200);
        ok(server.putJson("/api/freight/customs/officers/bridge.boten", admin, "{\"country\":\"LA\"}"), 200);
        TestServer.Reply unknown =
                server.putJson("/api/freight/customs/officers/bridge.boten", admin, "{\"country\":\"XX\"}");
        refused(unknown, 400, "country");
        assertThat(unknown.body()).contains("CN", "LA", "TH");

        // two boxes Yanhe → Vientiane South, their note, sent on to Krung Thep Aphiwat, onward on a shuttle
        JsonNode booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"FRT-S3\",\"date\":\"" + HOME_DAY
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":2}]}"),
                201);
        bookingId = booking.get("id").asText();
        String homeTrain = booking.get("train").asText();
        List<String> units = booking.get("units").findValuesAsText("unit");
        String number = ok(
                        server.putJson("/api/freight/bookings/" + bookingId + "/note", shipper, dryNote(booking)), 201)
                .get("consignmentNumber")
                .asText();
        ok(
                server.postJson(
                        "/api/freight/through/consignments",
                        shipper,
                        "{\"bookingId\":\"" + bookingId + "\",\"to\":\"KTW\"}"),
                201);
        JsonNode shuttle = firstShuttleTaking();
        String train = shuttle.get("train").asText();
        String date = shuttle.get("date").asText();
        ok(
                server.postJson(
                        "/api/freight/through/consignments/" + bookingId + "/onward",
                        office,
                        "{\"train\":\"" + train + "\",\"date\":\"" + date + "\"}"),
                201);

        // the first border: the home train's manifest, at the control station the network's borders give
        JsonNode home = manifestOf(ok(server.get("/api/freight/manifests?date=" + HOME_DAY, office), 200), homeTrain);
        String homeControl = home.get("control").asText();
        // the second border: the shuttle's manifest on its network, the boxes' note carried over, due by its rules
        JsonNode second = manifestOf(
                ok(server.get("/api/freight/manifests?date=" + date + "&network=" + VB, office), 200), train);
        assertThat(second.get("control").asText()).isEqualTo("NKI");
        assertThat(second.get("country").asText()).isEqualTo("TH");
        assertThat(second.get("complete").asBoolean()).isTrue();
        assertThat(second.get("submitted").asBoolean()).isFalse();
        assertThat(second.get("lines").get(0).get("transportDocumentReference").asText())
                .isEqualTo(number);
        assertThat(Duration.between(
                        Instant.parse(second.get("dueAt").asText()),
                        Instant.parse(second.get("arrivesAt").asText())))
                .isEqualTo(VB_LEAD);
        // the home list does not show the shuttle, nor the second network's the home train
        assertThat(ok(server.get("/api/freight/manifests?date=" + date, office), 200)
                        .findValuesAsText("train"))
                .doesNotContain(train);
        refused(server.get("/api/freight/manifests?date=" + date + "&network=atlantis", office), 400, "network");

        // the first border's declaration is sent; its customs have not released it yet
        ok(server.postJson("/api/freight/manifests/" + homeTrain + "/submit?date=" + HOME_DAY, office, "{}"), 200);

        // the boxes are at the yard: the transshipment is refused, naming the border behind them, nothing written
        Instant atYard = Instant.parse(
                callAt(homeTrain, HOME_DAY, "VTS").get("plannedArrival").asText());
        Instant now = atYard.plus(Duration.ofHours(2));
        at(now);
        long before = rows();
        refusedAtBorder(
                transfer(now.minus(Duration.ofMinutes(60)), now.minus(Duration.ofMinutes(10))),
                "customs-not-released",
                "BDR",
                homeControl);
        assertThat(rows()).isEqualTo(before);

        // the first border's customs release them: tracked at its control station
        JsonNode released = ok(
                server.postJson("/api/freight/customs/" + number + "/decision", chinese, "{\"state\":\"RELEASED\"}"),
                200);
        assertThat(released.get("control").asText()).isEqualTo(homeControl);

        // now the second border lacks its declaration: refused naming it
        now = now.plus(Duration.ofMinutes(10));
        at(now);
        Instant unloaded = now.minus(Duration.ofMinutes(8));
        Instant loaded = now.minus(Duration.ofMinutes(2));
        before = rows();
        refusedAtBorder(transfer(unloaded, loaded), "customs-declaration-missing", "TLB", "NKI");
        assertThat(transfer(unloaded, loaded).body()).contains(train);
        assertThat(rows()).isEqualTo(before);
        // a Lao officer cannot decide for the Thai side, nor can Thai customs release what was never declared
        refused(
                server.postJson("/api/freight/customs/" + number + "/decision", lao, "{\"state\":\"RELEASED\"}"),
                409,
                "consignment");
        refused(
                server.postJson("/api/freight/customs/" + number + "/decision", thai, "{\"state\":\"RELEASED\"}"),
                409,
                "state");

        // the freight office sends the shuttle's data (its network found by its train): the transshipment goes through
        JsonNode sent =
                ok(server.postJson("/api/freight/manifests/" + train + "/submit?date=" + date, office, "{}"), 200);
        assertThat(sent.get("submitted").asBoolean()).isTrue();
        assertThat(ok(transfer(unloaded, loaded), 200).get("accepted").asInt()).isEqualTo(2 * units.size());
        // the tracking page's consignment lists both borders in travel order, with the state at each
        assertThat(customsStates()).containsExactly("BDR " + homeControl + " RELEASED", "TLB NKI SUBMITTED");

        // Thai customs see the consignment at Nong Khai; the shuttle is held there until they release it
        JsonNode seen = ok(server.get("/api/freight/customs?date=" + date + "&network=" + VB, thai), 200);
        assertThat(seen.findValuesAsText("consignmentNumber")).containsExactly(number);
        assertThat(ok(server.get("/api/freight/customs?date=" + date + "&network=" + VB, lao), 200))
                .isEmpty();
        JsonNode held = holdOf(train, date);
        assertThat(held.get("point").asText()).isEqualTo("NKI");
        assertThat(held.get("open").asBoolean()).isTrue();
        // the Chinese officer's decision on the same number goes to the first border, where the release is final
        JsonNode again = server.postJson(
                        "/api/freight/customs/" + number + "/decision",
                        chinese,
                        "{\"state\":\"HELD\",\"reason\":\"x\"}")
                .json();
        assertThat(again.get("code").asText()).isEqualTo("release-final");

        // Thai customs hold it first, for a reason: a hold step of each box at Nong Khai; the shuttle still waits
        Instant heldAt = now;
        JsonNode hold = ok(
                server.postJson(
                        "/api/freight/customs/" + number + "/decision",
                        thai,
                        "{\"state\":\"HELD\",\"reason\":\"seal to be checked\"}"),
                200);
        assertThat(hold.get("state").asText()).isEqualTo("HELD");
        assertThat(holdOf(train, date).get("open").asBoolean()).isTrue();

        now = now.plus(Duration.ofMinutes(5));
        at(now);
        JsonNode thaiRelease = ok(
                server.postJson("/api/freight/customs/" + number + "/decision", thai, "{\"state\":\"RELEASED\"}"), 200);
        assertThat(thaiRelease.get("control").asText()).isEqualTo("NKI");
        assertThat(thaiRelease.get("state").asText()).isEqualTo("RELEASED");
        assertThat(holdOf(train, date).get("open").asBoolean()).isFalse();

        assertThat(customsStates()).containsExactly("BDR " + homeControl + " RELEASED", "TLB NKI RELEASED");
        JsonNode second2 = ok(server.get("/api/freight/tracking/consignments/" + bookingId, shipper), 200)
                .get("customs")
                .get(1);
        assertThat(second2.get("network").asText()).isEqualTo(VB);
        assertThat(second2.get("country").asText()).isEqualTo("TH");
        assertThat(second2.get("train").asText()).isEqualTo(train);

        // tracking: a release at each border's control station, each on its own network and train
        JsonNode events = ok(server.get("/api/freight/tracking/consignments/" + bookingId, shipper), 200)
                .get("events");
        for (String unit : units) {
            JsonNode holdStep = event(events, unit, "CUSTOMS_HOLD", "NKI");
            assertThat(holdStep.get("network").asText()).isEqualTo(VB);
            assertThat(holdStep.get("shipmentEventTypeCode").asText()).isEqualTo("HOLD");
            assertThat(Instant.parse(holdStep.get("eventDateTime").asText())).isEqualTo(heldAt);
            JsonNode first = event(events, unit, "CUSTOMS_RELEASE", homeControl);
            assertThat(first.get("network").asText()).isEqualTo("china-laos");
            JsonNode thaiSide = event(events, unit, "CUSTOMS_RELEASE", "NKI");
            assertThat(thaiSide.get("network").asText()).isEqualTo(VB);
            assertThat(thaiSide.get("eventTimeZone").asText()).isEqualTo("Asia/Bangkok");
            assertThat(Instant.parse(thaiSide.get("eventDateTime").asText())).isEqualTo(now);
        }
        // and the IFTSTA has a customs release (CUR) at each control station and the hold (CUH) at Nong Khai, checked
        // against its schema
        String iftsta = server.get("/api/freight/tracking/consignments/" + bookingId + "/iftsta", shipper)
                .body();
        assertThat(iftsta).contains("STS+1+CUR'RFF+BN:" + bookingId);
        assertThat(iftsta).contains("STS+1+CUH'RFF+BN:" + bookingId);
        assertThat(iftsta.split("LOC\\+175\\+NKI'", -1)).hasSize(1 + 2 * units.size());
        assertThat(Iftsta.load().check(iftsta)).isEmpty();
        assertThat(iftsta.split("LOC\\+175\\+" + homeControl + "'", -1)).hasSize(1 + units.size());
    }

    /** The first shuttle from Thanaleng the boxes can take (the onward endpoint refuses earlier ones, naming train). */
    static JsonNode firstShuttleTaking() {
        List<JsonNode> shuttles = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            String day = LocalDate.parse(HOME_DAY).plusDays(d).toString();
            ok(server.get("/api/freight/slots?date=" + day + "&network=" + VB), 200)
                    .forEach(s -> {
                        if (s.get("runs").asBoolean() && s.get("from").asText().equals("TNL")) {
                            shuttles.add(s);
                        }
                    });
        }
        shuttles.sort(
                Comparator.comparing(s -> Instant.parse(s.get("departureAt").asText())));
        for (JsonNode s : shuttles) {
            TestServer.Reply r = server.postJson(
                    "/api/freight/through/consignments/" + bookingId + "/onward",
                    shipper,
                    "{\"train\":\"" + s.get("train").asText() + "\",\"date\":\""
                            + s.get("date").asText() + "\"}");
            if (r.status() == 201) {
                return s;
            }
        }
        throw new AssertionError("no shuttle takes the boxes: " + shuttles);
    }

    /** FreightApiTest's durian note, as dry goods of a mass two 40 ft boxes carry (no reefer temperature). */
    static String dryNote(JsonNode booking) {
        return FreightApiTest.note(booking, null, "081060", null)
                .replace("\"packages\":4000,\"grossMassKg\":880000", "\"packages\":400,\"grossMassKg\":20000")
                .replace("\"reeferTemperatureC\":4,", "");
    }

    /** The consignment's borders on the tracking page: border, control station and state, in travel order. */
    static List<String> customsStates() {
        List<String> out = new ArrayList<>();
        ok(server.get("/api/freight/tracking/consignments/" + bookingId, shipper), 200)
                .get("customs")
                .forEach(b -> out.add(b.get("border").asText() + " "
                        + b.get("control").asText() + " " + b.get("state").asText()));
        return out;
    }

    static JsonNode manifestOf(JsonNode manifests, String train) {
        for (JsonNode m : manifests) {
            if (m.get("train").asText().equals(train)) {
                return m;
            }
        }
        throw new AssertionError("no manifest of " + train + " in " + manifests);
    }

    static JsonNode callAt(String train, String date, String point) {
        for (JsonNode c : ok(server.get("/api/operations/forecast/trains/" + train + "?date=" + date), 200)
                .get("calls")) {
            if (c.get("point").asText().equals(point)) {
                return c;
            }
        }
        throw new AssertionError(train + " does not call at " + point);
    }

    static JsonNode holdOf(String train, String date) {
        for (JsonNode h : ok(server.get("/api/operations/holds?date=" + date + "&network=" + VB, office), 200)) {
            if (h.get("train").asText().equals(train)) {
                return h;
            }
        }
        throw new AssertionError("no hold of " + train);
    }

    static JsonNode event(JsonNode events, String unit, String type, String place) {
        for (JsonNode e : events) {
            if (unit.equals(e.path("equipmentReference").asText())
                    && e.get("lancangEventType").asText().equals(type)
                    && place.equals(e.get("eventLocation").get("facilityCode").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " of " + unit + " at " + place + " in " + events);
    }
}
