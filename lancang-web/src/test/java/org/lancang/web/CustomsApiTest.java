package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lancang.store.testing.TestClock;

/**
 * Issue 18's scenario over HTTP: reefer boxes from Vientiane South to Kunming on tomorrow's northbound express; the
 * advance data complete and sent more than 2 h before Boten; Lao customs select the consignment for inspection, and
 * the train waits at Boten (its forecast, the dispatcher's holds, a departure refused) until they release it, when it
 * leaves at once. Bad decisions are refused naming the field, with nothing written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomsApiTest {
    static final String DAY = "2026-12-06";
    static final TestClock CLOCK = TestClock.at("2026-12-05T02:00:00Z");
    static TestServer server;
    static String admin;
    static String shipper;
    static String office;
    static String laoCustoms;
    static String chineseCustoms;
    static String dispatcher;
    static String feed;
    static JsonNode booking;
    static String consignment;
    static Instant arrivesAtBoten;
    static Instant plannedDepartureBoten;

    @BeforeAll
    static void start() {
        server = new TestServer(CLOCK);
        admin = server.adminToken();
        shipper = FreightApiTest.user(server, admin, "durian.exporter", "SHIPPER");
        office = FreightApiTest.user(server, admin, "border.office", "FREIGHT_OFFICE");
        laoCustoms = FreightApiTest.user(server, admin, "boten.customs", "CUSTOMS");
        chineseCustoms = FreightApiTest.user(server, admin, "mohan.customs", "CUSTOMS");
        dispatcher = FreightApiTest.user(server, admin, "border.dispatch", "DISPATCHER");
        feed = FreightApiTest.user(server, admin, "describer-9", "TRAIN_DESCRIBER");
        ok(server.putJson("/api/freight/customs/officers/boten.customs", admin, "{\"country\":\"LA\"}"), 200);
        ok(server.putJson("/api/freight/customs/officers/mohan.customs", admin, "{\"country\":\"CN\"}"), 200);
    }

    /** The clock moved past the sessions' 12 hours: everyone signs in again. */
    static void at(Instant now) {
        CLOCK.set(now.toString());
        admin = server.adminToken();
        shipper = server.token("durian.exporter", "password of durian.exporter");
        office = server.token("border.office", "password of border.office");
        laoCustoms = server.token("boten.customs", "password of boten.customs");
        chineseCustoms = server.token("mohan.customs", "password of mohan.customs");
        dispatcher = server.token("border.dispatch", "password of border.dispatch");
        feed = server.token("describer-9", "password of describer-9");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long rows() {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT (SELECT count(*) FROM customs_release)"
                                        + " + (SELECT count(*) FROM customs_decision) + (SELECT count(*) FROM customs_manifest)")
                        .mapTo(Long.class)
                        .one());
    }

    static JsonNode call(String point) {
        JsonNode t = ok(server.get("/api/operations/forecast/trains/X8102?date=" + DAY, dispatcher), 200);
        for (JsonNode c : t.get("calls")) {
            if (c.get("point").asText().equals(point)) {
                return c;
            }
        }
        throw new AssertionError("X8102 does not call at " + point + ": " + t);
    }

    static String event(String point, String kind, Instant at) {
        return "{\"train\":\"X8102\",\"serviceDate\":\"" + DAY + "\",\"point\":\"" + point + "\",\"kind\":\"" + kind
                + "\",\"at\":\"" + at + "\",\"source\":\"test\"}";
    }

    static String decision(String state, String reason) {
        return "{\"state\":\"" + state + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    @Test
    @Order(1)
    void theReeferConsignmentsDataIsCompleteAndSentMoreThanTwoHoursBeforeBoten() {
        booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"LMX-N1\",\"date\":\"" + DAY
                                + "\",\"equipment\":[{\"kind\":\"REEFER_40\",\"count\":32}]}"),
                201);
        assertThat(booking.get("train").asText()).isEqualTo("X8102");
        JsonNode before = ok(server.get("/api/freight/manifests?date=" + DAY, office), 200);
        assertThat(before.size()).isEqualTo(1);
        assertThat(before.get(0).get("complete").asBoolean()).isFalse();
        assertThat(before.get(0).get("lines").get(0).get("missing").toString()).contains("note");
        JsonNode note = ok(
                server.putJson(
                        "/api/freight/bookings/" + booking.get("id").asText() + "/note",
                        shipper,
                        FreightApiTest.note(booking, null, "081060", null)),
                201);
        consignment = note.get("consignmentNumber").asText();

        JsonNode m = ok(server.get("/api/freight/manifests?date=" + DAY, office), 200)
                .get(0);
        assertThat(m.get("train").asText()).isEqualTo("X8102");
        assertThat(m.get("control").asText()).isEqualTo("BTN");
        assertThat(m.get("country").asText()).isEqualTo("LA");
        assertThat(m.get("complete").asBoolean()).isTrue();
        assertThat(m.get("submitted").asBoolean()).isFalse();
        arrivesAtBoten = Instant.parse(m.get("arrivesAt").asText());
        plannedDepartureBoten =
                Instant.parse(call("BTN").get("plannedDeparture").asText());
        assertThat(Duration.between(Instant.parse(m.get("dueAt").asText()), arrivesAtBoten))
                .isEqualTo(Duration.ofHours(2));
        JsonNode line = m.get("lines").get(0);
        assertThat(line.get("transportDocumentReference").asText()).isEqualTo(consignment);
        assertThat(line.get("consigneeName").asText()).isEqualTo(FreightApiTest.CONSIGNEE);
        assertThat(line.get("equipment").size()).isEqualTo(32);
        assertThat(line.get("goodsItems").get(0).get("commodityCode").asText()).isEqualTo("081060");
        assertThat(line.get("totalGrossMassKg").asDouble()).isEqualTo(880_000);

        // the shipper sees their own line; the dispatcher may not read customs data at all
        assertThat(ok(server.get("/api/freight/manifests?date=" + DAY, shipper), 200)
                        .size())
                .isEqualTo(1);
        assertThat(server.get("/api/freight/manifests?date=" + DAY, dispatcher).status())
                .isEqualTo(403);
        assertThat(server.get("/api/freight/customs?date=" + DAY, dispatcher).status())
                .isEqualTo(403);

        at(arrivesAtBoten.minus(Duration.ofHours(2)).minus(Duration.ofMinutes(10)));
        JsonNode sent = ok(server.postJson("/api/freight/manifests/X8102/submit?date=" + DAY, office, "{}"), 200);
        assertThat(sent.get("submitted").asBoolean()).isTrue();
        assertThat(sent.get("late").asBoolean()).isFalse();
        JsonNode states = ok(server.get("/api/freight/customs?date=" + DAY, laoCustoms), 200);
        assertThat(states.get(0).get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(states.get(0).get("decidedBy").asText()).isEqualTo("border.office");
        // Chinese customs decide at Mohan: a northbound train's consignment is not theirs to see
        assertThat(ok(server.get("/api/freight/customs?date=" + DAY, chineseCustoms), 200)
                        .size())
                .isZero();
    }

    @Test
    @Order(2)
    void customsSelectItForInspectionAndTheTrainWaitsAtBoten() {
        ok(
                server.postJson(
                        "/api/freight/customs/" + consignment + "/decision", laoCustoms, decision("ACCEPTED", null)),
                200);
        JsonNode selected = ok(
                server.postJson(
                        "/api/freight/customs/" + consignment + "/decision",
                        laoCustoms,
                        decision("SELECTED_FOR_INSPECTION", "durian: phytosanitary check")),
                200);
        assertThat(selected.get("state").asText()).isEqualTo("SELECTED_FOR_INSPECTION");
        assertThat(selected.get("history").size()).isEqualTo(3);

        // the train runs to Boten on time
        Instant leavesVts = Instant.parse(call("VTS").get("plannedDeparture").asText());
        at(arrivesAtBoten.plus(Duration.ofMinutes(1)));
        ok(server.postJson("/api/operations/events", feed, event("VTS", "DEPARTURE", leavesVts)), 200);
        ok(server.postJson("/api/operations/events", feed, event("BTN", "ARRIVAL", arrivesAtBoten)), 200);

        // it may not leave at its planned time: the interlock refuses the departure, nothing is recorded
        at(plannedDepartureBoten.plus(Duration.ofMinutes(5)));
        TestServer.Reply refused =
                server.postJson("/api/operations/events", feed, event("BTN", "DEPARTURE", plannedDepartureBoten));
        FreightApiTest.refused(refused, 409, "point");
        assertThat(refused.body()).contains("held at BTN");
        JsonNode atBoten = call("BTN");
        assertThat(atBoten.get("actualDeparture").isNull()).isTrue();
        assertThat(atBoten.get("cause").get("kind").asText()).isEqualTo("HOLD");
        assertThat(Instant.parse(atBoten.get("forecastDeparture").asText()))
                .isAfterOrEqualTo(CLOCK.instant().minusSeconds(60))
                .isAfter(plannedDepartureBoten);

        // the dispatcher sees the hold; the freight office's board too
        JsonNode holds = ok(server.get("/api/operations/holds?date=" + DAY, dispatcher), 200);
        assertThat(holds.size()).isEqualTo(1);
        assertThat(holds.get(0).get("train").asText()).isEqualTo("X8102");
        assertThat(holds.get(0).get("point").asText()).isEqualTo("BTN");
        assertThat(holds.get(0).get("open").asBoolean()).isTrue();
        assertThat(holds.get(0).get("reason").asText()).contains(consignment).contains("SELECTED_FOR_INSPECTION");
        JsonNode board = ok(server.get("/api/freight/border-board?date=" + DAY, office), 200);
        assertThat(board.get(0).get("held").asBoolean()).isTrue();
        assertThat(board.get(0).get("inspection").asInt()).isEqualTo(1);
        String svg = server.get("/api/operations/diagram.svg?date=" + DAY + "&from=NER&to=VTS&hours=12", dispatcher)
                .body();
        assertThat(svg).contains("X8102");
        // the hold has its own marker on the diagram, its title saying why, in the reader's language
        assertThat(holdMarkers(svg, "X8102")).hasSize(1);
        assertThat(holdMarkers(svg, "X8102").get(0))
                .contains("data-point=\"BTN\"")
                .contains("<title>X8102 held at Boten until customs release every consignment")
                .contains(consignment);
        for (String lang : List.of("zh", "lo")) {
            String other = server.get(
                            "/api/operations/diagram.svg?date=" + DAY + "&from=NER&to=VTS&hours=12&lang=" + lang,
                            dispatcher)
                    .body();
            assertThat(holdMarkers(other, "X8102")).hasSize(1);
            assertThat(holdMarkers(other, "X8102").get(0))
                    .doesNotContain("held at")
                    .contains(lang.equals("zh") ? "海关" : "ພາສີ");
        }
    }

    /** The hold markers of a train on the diagram, each as its SVG group. */
    static List<String> holdMarkers(String svg, String train) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<g class=\"hold-marker\" data-train=\"" + train + "\".*?</g>", Pattern.DOTALL)
                .matcher(svg);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    @Order(3)
    void badDecisionsAreRefusedNamingTheFieldWithNothingWritten() {
        long before = rows();
        FreightApiTest.refused(
                server.postJson("/api/freight/customs/LC000/decision", laoCustoms, decision("RELEASED", null)),
                404,
                "consignment");
        FreightApiTest.refused(
                server.postJson(
                        "/api/freight/customs/" + consignment + "/decision",
                        chineseCustoms,
                        decision("RELEASED", null)),
                409,
                "consignment");
        FreightApiTest.refused(
                server.postJson(
                        "/api/freight/customs/" + consignment + "/decision", laoCustoms, "{\"state\":\"MAYBE\"}"),
                400,
                "state");
        FreightApiTest.refused(
                server.postJson(
                        "/api/freight/customs/" + consignment + "/decision", laoCustoms, decision("HELD", null)),
                400,
                "reason");
        FreightApiTest.refused(
                server.postJson(
                        "/api/freight/customs/decisions",
                        laoCustoms,
                        "{\"decisions\":[{\"consignment\":\"" + consignment
                                + "\",\"state\":\"RELEASED\"},{\"consignment\":\"nobody\",\"state\":\"RELEASED\"}]}"),
                404,
                "decisions[1].consignment");
        assertThat(server.postJson(
                                "/api/freight/customs/" + consignment + "/decision",
                                shipper,
                                decision("RELEASED", null))
                        .status())
                .isEqualTo(403);
        assertThat(rows()).isEqualTo(before);
        assertThat(call("BTN").get("cause").get("kind").asText()).isEqualTo("HOLD");
    }

    @Test
    @Order(4)
    void releasedTheTrainLeavesAtOnceAndCrosses() {
        Instant release = plannedDepartureBoten.plus(Duration.ofMinutes(40));
        at(release);
        JsonNode released = ok(
                server.postJson(
                        "/api/freight/customs/decisions",
                        laoCustoms,
                        "{\"decisions\":[{\"consignment\":\"" + consignment + "\",\"state\":\"RELEASED\"}]}"),
                200);
        assertThat(released.get(0).get("state").asText()).isEqualTo("RELEASED");
        assertThat(released.get(0).get("releasedAt").asText()).isEqualTo(release.toString());
        JsonNode atBoten = call("BTN");
        assertThat(Instant.parse(atBoten.get("forecastDeparture").asText())).isEqualTo(release);
        // every box of the consignment has its customs release step, committed with the decision
        List<String> units = new ArrayList<>();
        for (JsonNode e : ok(
                server.get(
                        "/api/freight/tracking/events?bookingId="
                                + booking.get("id").asText(),
                        office),
                200)) {
            if (e.get("lancangEventType").asText().equals("CUSTOMS_RELEASE")) {
                assertThat(e.get("eventLocation").get("facilityCode").asText()).isEqualTo("BTN");
                assertThat(Instant.parse(e.get("eventDateTime").asText())).isEqualTo(release);
                units.add(e.get("equipmentReference").asText());
            }
        }
        assertThat(units).isNotEmpty().doesNotHaveDuplicates();
        JsonNode holds = ok(server.get("/api/operations/holds?date=" + DAY, dispatcher), 200);
        assertThat(holds.get(0).get("open").asBoolean()).isFalse();
        String svg = server.get("/api/operations/diagram.svg?date=" + DAY + "&from=NER&to=VTS&hours=12", dispatcher)
                .body();
        assertThat(svg).contains("X8102");
        assertThat(holdMarkers(svg, "X8102")).isEmpty(); // released: the marker is gone

        long before = rows();
        FreightApiTest.refused(
                server.postJson("/api/freight/customs/" + consignment + "/decision", laoCustoms, decision("HELD", "x")),
                409,
                "state");
        assertThat(rows()).isEqualTo(before);

        ok(server.postJson("/api/operations/events", feed, event("BTN", "DEPARTURE", release)), 200);
        JsonNode gone = call("BTN");
        assertThat(Instant.parse(gone.get("actualDeparture").asText())).isEqualTo(release);
        List<String> states = new ArrayList<>();
        ok(server.get("/api/freight/customs?date=" + DAY, office), 200)
                .get(0)
                .get("history")
                .forEach(s -> states.add(s.get("state").asText() + " by "
                        + s.get("by").asText() + " (" + s.get("source").asText() + ")"));
        assertThat(states)
                .containsExactly(
                        "SUBMITTED by border.office (RAILWAY)",
                        "ACCEPTED by boten.customs (CUSTOMS)",
                        "SELECTED_FOR_INSPECTION by boten.customs (CUSTOMS)",
                        "RELEASED by boten.customs (IMPORT)");
    }
}
