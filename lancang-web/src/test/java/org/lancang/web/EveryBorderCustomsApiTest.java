package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.FreightApiTest.refused;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.Seeds;

/**
 * Issue 19, a train through three countries is declared and cleared at each border it crosses, over HTTP: the tiny
 * test line (Atlantis – QXAB – Borduria – QXBC – Syldavia) with its freight additions, whose southbound container
 * train F1 meets Atlantis's controls at QAB (border QXAB) and then Borduria's at QBC (border QXBC). Each border gets
 * its own declaration, due by its own lead (customs-rules.csv: one lead at every border, another at QXBC), its own decisions by its own
 * country's customs, and its own hold: the train may not leave a control station before that border's release.
 */
class EveryBorderCustomsApiTest {
    static final String TINY = "tiny";
    /** The fixture's customs-rules.csv (inputs of the test): its every-border lead at QXAB, its own at QXBC. */
    static final Map<String, Long> LEAD_MINUTES = Map.of(
            "QXAB", BorderLeadCustomsApiTest.EVERY_BORDER.toMinutes(),
            "QXBC", BorderLeadCustomsApiTest.AT_QXBC.toMinutes());
    /** The fixture's borders.csv, read in F1's direction: the border and the control station it meets first. */
    static final List<String> BORDERS = List.of("QXAB", "QXBC");

    static final Map<String, String> CONTROL = Map.of("QXAB", "QAB", "QXBC", "QBC");
    static final TestClock CLOCK = TestClock.at("2026-12-09T00:00:00Z");
    static final LocalDate FIRST_DAY = LocalDate.parse("2026-12-10");

    static TestServer server;
    static String admin;
    static String shipper;
    static String office;
    static String feed;
    /** The customs officers by border: Atlantis's at QAB, Borduria's at QBC. */
    static final Map<String, String> OFFICER = new HashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.withOthers(List.of(TestNetworkFolder.tinyWithFreight()), CLOCK);
        admin = server.adminToken();
        FreightApiTest.user(server, admin, "tri.shipper", "SHIPPER");
        FreightApiTest.user(server, admin, "tri.office", "FREIGHT_OFFICE");
        FreightApiTest.user(server, admin, "tri.feed", "TRAIN_DESCRIBER");
        FreightApiTest.user(server, admin, "tri.xa", "CUSTOMS");
        FreightApiTest.user(server, admin, "tri.xb", "CUSTOMS");
        ok(server.putJson("/api/freight/customs/officers/tri.xa", admin, "{\"country\":\"XA\"}"), 200);
        ok(server.putJson("/api/freight/customs/officers/tri.xb", admin, "{\"country\":\"XB\"}"), 200);
        at(CLOCK.instant());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Moves the clock and signs everyone in again (sessions expire as the clock moves on). */
    static void at(Instant t) {
        CLOCK.set(t.toString());
        admin = server.adminToken();
        shipper = server.token("tri.shipper", "password of tri.shipper");
        office = server.token("tri.office", "password of tri.office");
        feed = server.token("tri.feed", "password of tri.feed");
        OFFICER.put("QXAB", server.token("tri.xa", "password of tri.xa"));
        OFFICER.put("QXBC", server.token("tri.xb", "password of tri.xb"));
    }

    /** A box on F1 of {@code day} with its consignment note: its consignment number. */
    static String consignment(LocalDate day) {
        return consignment(server, shipper, day);
    }

    /** A box on F1 of {@code day} booked on {@code on} by {@code shipper}, with its note: its consignment number. */
    static String consignment(TestServer on, String shipper, LocalDate day) {
        JsonNode booking = ok(
                on.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"TF-S\",\"date\":\"" + day + "\",\"network\":\"" + TINY
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":1}]}"),
                201);
        // the tiny line's one carrier pays (a note's payers are the line's carriers)
        String note = SecondBorderCustomsApiTest.dryNote(booking)
                .replaceAll("\"payers\":\\[[^]]*]", "\"payers\":[{\"carrier\":\"XC_RAIL\",\"pays\":\"CONSIGNOR\"}]");
        return ok(on.putJson("/api/freight/bookings/" + booking.get("id").asText() + "/note", shipper, note), 201)
                .get("consignmentNumber")
                .asText();
    }

    static TestServer.Reply decide(String border, String number, String state) {
        return server.postJson(
                "/api/freight/customs/" + number + "/decision",
                OFFICER.get(border),
                "{\"state\":\"" + state + "\"" + (state.equals("HELD") ? ",\"reason\":\"seal to be checked\"" : "")
                        + "}");
    }

    static TestServer.Reply event(LocalDate day, String point, String kind, Instant at) {
        return server.postJson(
                "/api/operations/events",
                feed,
                "{\"train\":\"F1\",\"serviceDate\":\"" + day + "\",\"point\":\"" + point + "\",\"kind\":\"" + kind
                        + "\",\"at\":\"" + at + "\",\"source\":\"test\"}");
    }

    static Instant planned(LocalDate day, String point, String which) {
        for (JsonNode c : ok(server.get("/api/operations/forecast/trains/F1?date=" + day), 200)
                .get("calls")) {
            if (c.get("point").asText().equals(point)) {
                return Instant.parse(c.get(which).asText());
            }
        }
        throw new AssertionError("F1 does not call at " + point);
    }

    static JsonNode customs(LocalDate day) {
        return ok(server.get("/api/freight/customs?date=" + day + "&network=" + TINY, office), 200);
    }

    /** Each consignment's borders as the API lists them, in its order: "border state" per border. */
    static Map<String, List<String>> borders(LocalDate day) {
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode r : customs(day)) {
            List<String> list = new ArrayList<>();
            r.get("borders")
                    .forEach(b -> list.add(
                            b.get("border").asText() + " " + b.get("state").asText()));
            List<String> before = out.put(r.get("consignmentNumber").asText(), list);
            assertThat(before == null || before.equals(list))
                    .as("every row of a consignment lists the same borders")
                    .isTrue();
        }
        return out;
    }

    @Test
    void releasedAtTheFirstBorderAndHeldAtTheSecondTheTrainIsHeldAtTheSecondControlAndNotBefore() {
        LocalDate day = FIRST_DAY;
        at(day.atStartOfDay().toInstant(ZoneOffset.UTC).minus(Duration.ofHours(12)));
        String number = consignment(day);

        // a manifest per border, each due by its own border's lead
        JsonNode manifests = ok(server.get("/api/freight/manifests?date=" + day + "&network=" + TINY, office), 200);
        List<String> seen = new ArrayList<>();
        for (JsonNode m : manifests) {
            String border = m.get("border").asText();
            seen.add(border + " " + m.get("control").asText());
            assertThat(m.get("leadMinutes").asLong()).isEqualTo(LEAD_MINUTES.get(border));
            assertThat(Duration.between(
                            Instant.parse(m.get("dueAt").asText()),
                            Instant.parse(m.get("arrivesAt").asText())))
                    .isEqualTo(Duration.ofMinutes(LEAD_MINUTES.get(border)));
        }
        assertThat(seen).containsExactly("QXAB QAB", "QXBC QBC");

        // sending: a border F1 does not cross is refused naming it; by default the next border with data to send
        refused(
                server.postJson("/api/freight/manifests/F1/submit?date=" + day + "&border=QXZZ", office, "{}"),
                400,
                "border");
        JsonNode sent = ok(server.postJson("/api/freight/manifests/F1/submit?date=" + day, office, "{}"), 200);
        assertThat(sent.get("border").asText()).isEqualTo("QXAB");
        assertThat(borders(day).get(number)).containsExactly("QXAB SUBMITTED", "QXBC DRAFT");
        // Borduria's customs cannot decide before their border has the data
        refused(decide("QXBC", number, "ACCEPTED"), 409, "state");
        sent = ok(server.postJson("/api/freight/manifests/F1/submit?date=" + day, office, "{}"), 200);
        assertThat(sent.get("border").asText()).isEqualTo("QXBC");

        // each row: its border with its due time and lead, and every border in travel order
        for (JsonNode r : customs(day)) {
            String border = r.get("border").asText();
            assertThat(r.get("control").asText()).isEqualTo(CONTROL.get(border));
            assertThat(r.get("leadMinutes").asLong()).isEqualTo(LEAD_MINUTES.get(border));
            List<String> order = new ArrayList<>();
            r.get("borders").forEach(b -> {
                order.add(b.get("border").asText());
                assertThat(b.get("leadMinutes").asLong())
                        .isEqualTo(LEAD_MINUTES.get(b.get("border").asText()));
            });
            assertThat(order).isEqualTo(BORDERS);
        }

        // a border that is not the consignment's is refused naming it; another country's officer naming the field
        refused(
                server.postJson(
                        "/api/freight/customs/" + number + "/decision",
                        OFFICER.get("QXAB"),
                        "{\"state\":\"RELEASED\",\"border\":\"QXZZ\"}"),
                400,
                "border");
        refused(
                server.postJson(
                        "/api/freight/customs/" + number + "/decision",
                        OFFICER.get("QXAB"),
                        "{\"state\":\"RELEASED\",\"border\":\"QXBC\"}"),
                409,
                "consignment");

        // Atlantis releases at the first border, Borduria holds at the second
        JsonNode first = ok(decide("QXAB", number, "RELEASED"), 200);
        assertThat(first.get("control").asText()).isEqualTo("QAB");
        JsonNode second = ok(decide("QXBC", number, "HELD"), 200);
        assertThat(second.get("control").asText()).isEqualTo("QBC");
        assertThat(borders(day).get(number)).containsExactly("QXAB RELEASED", "QXBC HELD");
        Map<String, Boolean> open = new HashMap<>();
        for (JsonNode h : ok(server.get("/api/operations/holds?date=" + day + "&network=" + TINY, office), 200)) {
            if (h.get("train").asText().equals("F1")) {
                open.put(h.get("point").asText(), h.get("open").asBoolean());
            }
        }
        assertThat(open).isEqualTo(Map.of("QAB", false, "QBC", true));

        // the train runs to plan: it leaves the first control station, reaches the second and is held there
        Instant leavesQbc = planned(day, "QBC", "plannedDeparture");
        at(leavesQbc.plus(Duration.ofMinutes(30)));
        ok(event(day, "QAA", "DEPARTURE", planned(day, "QAA", "plannedDeparture")), 200);
        ok(event(day, "QAB", "ARRIVAL", planned(day, "QAB", "plannedArrival")), 200);
        ok(event(day, "QAB", "DEPARTURE", planned(day, "QAB", "plannedDeparture")), 200);
        ok(event(day, "QBC", "ARRIVAL", planned(day, "QBC", "plannedArrival")), 200);
        TestServer.Reply held = event(day, "QBC", "DEPARTURE", leavesQbc);
        refused(held, 409, "point");
        assertThat(held.json().get("code").asText()).isEqualTo("departure-held");
        assertThat(held.body()).contains("QBC");

        // Borduria releases: the train leaves at once
        Instant release = CLOCK.instant();
        ok(decide("QXBC", number, "RELEASED"), 200);
        ok(event(day, "QBC", "DEPARTURE", release), 200);

        // tracking: a release at each border's control station, the hold at the second; the same in the IFTSTA
        String id = customs(day).get(0).get("bookingId").asText();
        List<String> steps = new ArrayList<>();
        ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200)
                .get("events")
                .forEach(e -> steps.add(e.get("lancangEventType").asText() + "@"
                        + e.get("eventLocation").get("facilityCode").asText()));
        assertThat(steps).contains("CUSTOMS_RELEASE@QAB", "CUSTOMS_HOLD@QBC", "CUSTOMS_RELEASE@QBC");
        assertThat(steps).doesNotContain("CUSTOMS_HOLD@QAB");
        String iftsta = server.get("/api/freight/tracking/consignments/" + id + "/iftsta", shipper)
                .body();
        assertThat(iftsta).contains("LOC+175+QAB'", "LOC+175+QBC'", "STS+1+CUH'", "STS+1+CUR'");
    }

    /**
     * Rows written before customs knew several borders (V85: border '') are the train's first border's: read as
     * QXAB's, and they take its code at the next decision there, so the border keeps one row and its whole history.
     */
    @Test
    void rowsOfBeforeAreTheFirstBordersAndTakeItsCode() {
        LocalDate day = FIRST_DAY.plusDays(9);
        at(day.atStartOfDay().toInstant(ZoneOffset.UTC).minus(Duration.ofHours(12)));
        String number = consignment(day);
        String id = customs(day).get(0).get("bookingId").asText();
        Instant then = CLOCK.instant().minus(Duration.ofMinutes(5));
        server.platform.database().jdbi().useTransaction(h -> {
            h.createUpdate("INSERT INTO customs_release (booking_id, state, decided_by, decided_at)"
                            + " VALUES (:b, 'SUBMITTED', 'tri.office', :at)")
                    .bind("b", id)
                    .bind("at", then.atOffset(ZoneOffset.UTC))
                    .execute();
            h.createUpdate("INSERT INTO customs_decision (booking_id, state, decided_by, decided_at, source)"
                            + " VALUES (:b, 'SUBMITTED', 'tri.office', :at, 'RAILWAY')")
                    .bind("b", id)
                    .bind("at", then.atOffset(ZoneOffset.UTC))
                    .execute();
            h.createUpdate("INSERT INTO customs_manifest (train, service_date, submitted_by, submitted_at)"
                            + " VALUES ('F1', :d, 'tri.office', :at)")
                    .bind("d", day)
                    .bind("at", then.atOffset(ZoneOffset.UTC))
                    .execute();
        });
        assertThat(borders(day).get(number)).containsExactly("QXAB SUBMITTED", "QXBC DRAFT");
        Map<String, Boolean> submitted = new HashMap<>();
        ok(server.get("/api/freight/manifests?date=" + day + "&network=" + TINY, office), 200)
                .forEach(m -> submitted.put(
                        m.get("border").asText(), m.get("submitted").asBoolean()));
        assertThat(submitted).isEqualTo(Map.of("QXAB", true, "QXBC", false));

        JsonNode released = ok(decide("QXAB", number, "RELEASED"), 200);
        assertThat(released.get("history").findValuesAsText("state")).containsExactly("SUBMITTED", "RELEASED");
        assertThat(borders(day).get(number)).containsExactly("QXAB RELEASED", "QXBC DRAFT");
        List<String> rows = server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT border FROM customs_release WHERE booking_id = :b")
                        .bind("b", id)
                        .mapTo(String.class)
                        .list());
        assertThat(rows).containsExactly("QXAB");
    }

    /**
     * Random release orders over several days, 1–2 consignments on F1 each: the train never leaves a control station
     * whose border has not released every consignment on it, does leave as soon as it has, and every border crossed
     * has exactly one declaration per consignment. Seeded: {@code -Dseed=N} reruns.
     */
    @Test
    void theTrainNeverLeavesAControlStationBeforeItsBorderReleasesIt() {
        long seed = Seeds.seed(EveryBorderCustomsApiTest.class);
        Random random = new Random(seed);
        int refusals = 0;
        int departures = 0;
        for (int round = 0; round < 4; round++) {
            LocalDate day = FIRST_DAY.plusDays(2 + round);
            at(day.atStartOfDay().toInstant(ZoneOffset.UTC).minus(Duration.ofHours(12)));
            int n = 1 + random.nextInt(2); // the tiny line has 10 boxes at QAA for every day of the class
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                numbers.add(consignment(day));
            }
            for (int i = 0; i < BORDERS.size(); i++) {
                ok(server.postJson("/api/freight/manifests/F1/submit?date=" + day, office, "{}"), 200);
            }
            // every border crossed: exactly one declaration per consignment, in travel order
            Map<String, List<String>> declared = borders(day);
            assertThat(declared).hasSize(n);
            declared.values().forEach(list -> assertThat(list).containsExactly("QXAB SUBMITTED", "QXBC SUBMITTED"));
            assertThat(customs(day)).hasSize(n * BORDERS.size());

            // the decisions in a random order: each consignment released at each border, some held first
            List<String[]> steps = new ArrayList<>();
            for (String number : numbers) {
                for (String border : BORDERS) {
                    if (random.nextInt(3) == 0) {
                        steps.add(new String[] {border, number, "HELD"});
                    }
                    steps.add(new String[] {border, number, "RELEASED"});
                }
            }
            Collections.shuffle(steps, random);
            // a hold after its border's release is refused as final: each pair's hold takes the earlier place
            for (int i = 0; i < steps.size(); i++) {
                for (int j = i + 1; j < steps.size(); j++) {
                    String[] a = steps.get(i);
                    String[] b = steps.get(j);
                    if (a[0].equals(b[0]) && a[1].equals(b[1]) && a[2].equals("RELEASED")) {
                        steps.set(i, b);
                        steps.set(j, a);
                    }
                }
            }
            // the train waits at QAB from its planned arrival; decisions come a minute apart after that
            Instant now = planned(day, "QBC", "plannedDeparture").plus(Duration.ofMinutes(1));
            at(now);
            ok(event(day, "QAA", "DEPARTURE", planned(day, "QAA", "plannedDeparture")), 200);
            ok(event(day, "QAB", "ARRIVAL", planned(day, "QAB", "plannedArrival")), 200);
            Map<String, Integer> released = new HashMap<>();
            int left = 0; // the control stations left: 0 none, 1 QAB, 2 QBC too
            for (String[] step : steps) {
                now = now.plus(Duration.ofMinutes(1));
                at(now);
                ok(decide(step[0], step[1], step[2]), 200);
                if (step[2].equals("RELEASED")) {
                    released.merge(step[0], 1, Integer::sum);
                }
                // the train tries to leave the control station it is at, and on at the next once let go
                while (left < BORDERS.size()) {
                    String border = BORDERS.get(left);
                    TestServer.Reply leave = event(day, CONTROL.get(border), "DEPARTURE", now);
                    boolean free = released.getOrDefault(border, 0) == n;
                    assertThat(leave.status())
                            .as(
                                    "seed %d: F1 of %s leaving %s with %d of %d released: %s",
                                    seed, day, CONTROL.get(border), released.getOrDefault(border, 0), n, leave.body())
                            .isEqualTo(free ? 200 : 409);
                    if (free) {
                        departures++;
                        left++;
                        if (left < BORDERS.size()) {
                            now = now.plus(Duration.ofMinutes(10));
                            at(now);
                            ok(event(day, CONTROL.get(BORDERS.get(left)), "ARRIVAL", now), 200);
                        }
                    } else {
                        refusals++;
                        assertThat(leave.json().get("code").asText()).isEqualTo("departure-held");
                        break;
                    }
                }
            }
            // every consignment released everywhere: the train has left both control stations
            assertThat(left).as("seed %d", seed).isEqualTo(BORDERS.size());
            borders(day).values().forEach(list -> assertThat(list).containsExactly("QXAB RELEASED", "QXBC RELEASED"));
            long rows = server.platform
                    .database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM customs_release r JOIN freight_booking b"
                                    + " ON b.id = r.booking_id WHERE b.service_date = :d")
                            .bind("d", day)
                            .mapTo(Long.class)
                            .one());
            assertThat(rows).as("one release row per consignment and border").isEqualTo((long) n * BORDERS.size());
        }
        System.out.println("EveryBorderCustomsApiTest: " + refusals + " departures refused, " + departures + " let go");
        assertThat(departures).isEqualTo(4 * BORDERS.size());
    }
}
