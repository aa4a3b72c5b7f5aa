package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.TestDates;

/**
 * A shipper's path request with a {@code via} over HTTP, on the loop test network served beside China–Laos with real
 * PostgreSQL: main line LM Pago 0 – Xeno 20 – Quill 50 – Rho 70, loop LL Xeno 0 – Yola 30 – Quill 60. Pago and Rho are
 * made freight yards here, with a made-up catalogue, pool and tariff (three carriers, each 100 CNY a box plus 2 a
 * box-km on its section: main line, Xeno – Yola, Yola – Quill). The way asked for is the way found, approved, booked
 * and charged; a bad via is a 400 naming {@code via} with nothing written. A planner's inserted path (an ADD edit of a
 * timetable change, the insertion endpoint) takes a via the same way.
 */
class FreightViaApiTest {
    private static final LocalDate DATE = TestDates.daysAhead(3);
    private static final BigDecimal TERMINAL = TestNetworkFolder.LOOP_TERMINAL_CNY;
    private static final BigDecimal PER_KM = TestNetworkFolder.LOOP_PER_KM_CNY;

    private static final TestNetworkFolder LOOP = TestNetworkFolder.loopWithFreight();

    private static TestServer server;
    private static String shipper;
    private static String office;
    private static String planner;

    @BeforeAll
    static void start() {
        server = TestServer.withOthers(List.of(LOOP));
        shipper = server.user(server.adminToken(), "loop.shipper", "SHIPPER");
        office = server.user(server.adminToken(), "loop.office", "FREIGHT_OFFICE");
        planner = server.user(server.adminToken(), "loop.planner", "PLANNER");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String ask(String from, String to, String via) {
        return "{\"network\":\"loop\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"earliestDeparture\":\"" + DATE
                + "T10:00:00Z\",\"trailingMassT\":500,\"lengthM\":300,\"dangerousGoods\":false"
                + (via == null ? "" : ",\"via\":" + via) + "}";
    }

    private static List<String> calls(JsonNode request) {
        List<String> points = new ArrayList<>();
        request.get("path").get("calls").forEach(c -> points.add(c.get("point").asText()));
        return points;
    }

    private static BigDecimal bookedPrice(JsonNode request) {
        String booking = ok(
                        server.postJson(
                                "/api/freight/bookings",
                                shipper,
                                "{\"requestId\":\"" + request.get("id").asText()
                                        + "\",\"equipment\":[{\"kind\":\"BOX_20\",\"count\":1}]}"),
                        201)
                .get("id")
                .asText();
        JsonNode quote = ok(server.get("/api/freight/bookings/" + booking + "/quote", shipper), 200);
        return quote.get("total").get("CNY").get("amount").decimalValue();
    }

    private static long requests() {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM freight_request")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void theWayAskedForIsFoundApprovedBookedAndCharged() {
        JsonNode round = ok(server.postJson("/api/freight/requests", shipper, ask("QP", "QR", "[\"qy\"]")), 201);
        JsonNode straight = ok(server.postJson("/api/freight/requests", shipper, ask("QP", "QR", null)), 201);
        assertThat(round.get("status").asText()).as(round.toString()).isEqualTo("PROPOSED");
        assertThat(round.get("via")).extracting(JsonNode::asText).containsExactly("QY");
        assertThat(straight.get("via")).isEmpty();
        assertThat(calls(round)).containsExactly("QP", "QX", "QY", "QQ", "QR");
        assertThat(calls(straight)).containsExactly("QP", "QX", "QQ", "QR");

        JsonNode approved = ok(
                server.postJson("/api/freight/requests/" + round.get("id").asText() + "/approve", office, "{}"), 200);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("via")).extracting(JsonNode::asText).containsExactly("QY");
        JsonNode kept = ok(server.get("/api/freight/requests/" + round.get("id").asText(), shipper), 200);
        assertThat(kept.get("via")).extracting(JsonNode::asText).containsExactly("QY");

        // round the loop: 30 km more than the main line between Xeno and Quill, and two more carriers' terminal rates;
        // the approved request is charged on its train's way, the proposed one on the way its ask named
        BigDecimal extra = PER_KM.multiply(BigDecimal.valueOf(60 - 30)).add(TERMINAL.multiply(BigDecimal.valueOf(2)));
        assertThat(bookedPrice(round).subtract(bookedPrice(straight))).isEqualByComparingTo(extra);
    }

    @Test
    void aViaThatIsNotAJunctionOrOffTheWayIsRefusedNamingViaWithNothingWritten() {
        long before = requests();
        for (String bad : List.of(
                ask("QP", "QR", "[\"NOPE\"]"),
                ask("QP", "QR", "[\"QZ\"]"),
                ask("QP", "QR", "[\"QQ\", \"QY\"]"),
                ask("QP", "QR", "[\" \"]"))) {
            TestServer.Reply r = server.postJson("/api/freight/requests", shipper, bad);
            assertThat(r.status()).as(bad + " → " + r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo("via");
        }
        assertThat(requests()).isEqualTo(before);
    }

    private static String addEdit(String via) {
        return "{\"network\":\"loop\",\"title\":\"round the loop\",\"scope\":{\"from\":\"" + DATE + "\",\"to\":\""
                + DATE + "\"},\"edits\":[{\"kind\":\"ADD\",\"train\":\"X77\",\"trainType\":\"TINY9\","
                + "\"from\":\"QP\",\"to\":\"QR\",\"departure\":\"13:00\",\"findPath\":true,\"via\":" + via + "}]}";
    }

    @Test
    void aPlannersInsertedPathTakesItsViaAndABadOneIsNamed() {
        JsonNode draft = ok(server.postJson("/api/timetable/changes", planner, addEdit("[\"QY\"]")), 201);
        JsonNode edit = draft.get("edits").get(0);
        assertThat(edit.get("via")).extracting(JsonNode::asText).containsExactly("QY");

        TestServer.Reply bad = server.postJson("/api/timetable/changes", planner, addEdit("[\"QZ\"]"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("edits[0].via");

        // home's one line has no junction: any via is refused, naming it
        TestServer.Reply home = server.postJson(
                "/api/timetable/insert",
                planner,
                "{\"trainType\":\"FREIGHT\",\"from\":\"KMS\",\"to\":\"VTS\",\"earliest\":\"" + DATE
                        + "T22:00+08:00\",\"via\":[\"MHN\"]}");
        assertThat(home.status()).as(home.body()).isEqualTo(400);
        assertThat(home.json().get("field").asText()).isEqualTo("via");
    }

    /**
     * Before approval a request's train is in no timetable, so no running event of it is taken and no box on it gets
     * a step along any way: its steps start once the approved train, through the via, runs (the quote meanwhile
     * follows the ask's via, above).
     */
    @Test
    void aBoxOnARequestNotYetApprovedGetsNoStepFromATrainNotYetRunning() {
        String dispatcher = server.user(server.adminToken(), "loop.dispatcher", "DISPATCHER");
        LocalDate tomorrow = TestDates.daysAhead(1);
        String earlyAsk = ask("QP", "QR", "[\"QY\"]").replace(DATE + "T10:00:00Z", tomorrow + "T10:00:00Z");
        JsonNode round = ok(server.postJson("/api/freight/requests", shipper, earlyAsk), 201);
        assertThat(round.get("status").asText()).as(round.toString()).isEqualTo("PROPOSED");
        ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"requestId\":\"" + round.get("id").asText()
                                + "\",\"equipment\":[{\"kind\":\"BOX_20\",\"count\":1}]}"),
                201);
        String departed = "{\"events\":[{\"train\":\"" + round.get("train").asText() + "\",\"serviceDate\":\""
                + tomorrow + "\",\"point\":\"QP\",\"kind\":\"DEPARTURE\",\"at\":\"" + tomorrow
                + "T10:00:00Z\",\"source\":\"test\"}]}";
        TestServer.Reply r = server.postJson("/api/operations/events", dispatcher, departed);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).as(r.body()).endsWith("train");
    }
}
