package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;

/**
 * Maintenance on the second network over HTTP (issue 19): its own asset register follows its electrification (the
 * Bangkok line is diesel: no overhead line), a skylight window on its single track between Udon Thani and Nong Khai
 * goes through the same API with its point codes and is seen by its conflict checks (the day's planning conflicts
 * and the operations' conflict forecast), a defect's speed restriction on its track delays its trains, and a window
 * across two networks is refused naming the field, with nothing written.
 */
class SecondNetworkMaintenanceApiTest {
    static final String VB = "vientiane-bangkok";
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    /** 14:00 in Bangkok on the day: 147 leaves Udon Thani within the 3-hour look-ahead. */
    static final TestClock CLOCK = TestClock.at("2026-12-05T07:00:00Z");

    static TestServer server;
    static String maintainer;
    static String planner;
    static String dispatcher;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork(CLOCK);
        String admin = server.adminToken();
        maintainer = server.user(admin, "niran.pw", "MAINTAINER");
        planner = server.user(admin, "ploy.plan", "PLANNER");
        dispatcher = server.user(admin, "somsak.dsp", "DISPATCHER");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static double km(String point) {
        return ok(server.get("/api/network/points/" + point), 200).get("km").asDouble();
    }

    static int planningConflicts() {
        return ok(server.get("/api/networks/" + VB + "/road-closures?date=" + DAY), 200)
                .get("conflicts")
                .asInt();
    }

    @Test
    void theBangkokLinesRegisterFollowsItsTractionAndItsWindowsAndRestrictionsReachItsConflictChecks() {
        // the register: the network's own, diesel, so track and structures but no overhead line
        JsonNode assets = ok(server.get("/api/maintenance/assets?network=" + VB, maintainer), 200);
        assertThat(assets).isNotEmpty();
        assertThat(assets.findValuesAsText("type")).contains("TRACK").doesNotContain("OVERHEAD_LINE");
        List<String> vbIds = assets.findValuesAsText("id");
        JsonNode home = ok(server.get("/api/maintenance/assets", maintainer), 200);
        assertThat(home.findValuesAsText("type")).contains("OVERHEAD_LINE");
        assertThat(home.findValuesAsText("id")).doesNotContainAnyElementsOf(vbIds);

        // a window on the single track Udon Thani – Nong Khai over 147's run (16:00 from Udon Thani)
        int before = planningConflicts();
        Map<String, Long> rows = server.platform.maintenance().rowCounts();
        TestServer.Reply across = server.postJson(
                "/api/maintenance/skylights",
                planner,
                "{\"id\":\"VB-X\",\"fromPoint\":\"UDN\",\"toPoint\":\"LPB\",\"days\":[\"SATURDAY\"],\"start\":\"15:30\","
                        + "\"durationMinutes\":120,\"kind\":\"VERTICAL\",\"purpose\":\"MAINTENANCE\"}");
        assertThat(across.status()).as(across.body()).isBetween(400, 404);
        assertThat(across.json().findValuesAsText("field")).contains("toPoint");
        assertThat(server.platform.maintenance().rowCounts()).isEqualTo(rows);

        JsonNode planned = ok(
                server.postJson(
                        "/api/maintenance/skylights",
                        planner,
                        "{\"id\":\"VB-UDN-NKI-SAT\",\"fromPoint\":\"UDN\",\"toPoint\":\"NKI\",\"days\":[\"SATURDAY\"],"
                                + "\"start\":\"15:30\",\"durationMinutes\":120,\"kind\":\"VERTICAL\","
                                + "\"purpose\":\"MAINTENANCE\"}"),
                201);
        assertThat(planned.get("window").get("id").asText()).isEqualTo("VB-UDN-NKI-SAT");
        assertThat(ok(server.get("/api/maintenance/skylights?network=" + VB, planner), 200)
                        .findValuesAsText("id"))
                .contains("VB-UDN-NKI-SAT");
        assertThat(ok(server.get("/api/maintenance/skylights", planner), 200).findValuesAsText("id"))
                .doesNotContain("VB-UDN-NKI-SAT");

        // the day's planning conflicts on the network now count 147 inside the window
        assertThat(planningConflicts()).isGreaterThan(before);
        // and the operations' conflict forecast of the network names 147 against the window
        List<String> against = new ArrayList<>();
        for (JsonNode c : ok(server.get("/api/operations/conflicts?network=" + VB + "&date=" + DAY, dispatcher), 200)) {
            if (c.get("possessionInvolved").asBoolean()) {
                against.add(c.get("first").asText() + " " + c.get("second").asText());
            }
        }
        assertThat(against).anyMatch(s -> s.contains("147@" + DAY) && s.contains("VB-UDN-NKI-SAT"));

        // a defect with a speed restriction on the network's track between Udon Thani and Nong Khai delays its trains
        double udn = km("UDN");
        double nki = km("NKI");
        JsonNode track = null;
        for (JsonNode a : assets) {
            if (a.get("type").asText().equals("TRACK")
                    && a.get("fromKm").asDouble() >= udn
                    && a.get("toKm").asDouble() <= nki
                    && a.get("toKm").asDouble() - a.get("fromKm").asDouble() > 3) {
                track = a;
                break;
            }
        }
        assertThat(track).as("a track asset between Udon Thani and Nong Khai").isNotNull();
        double from = Math.floor(track.get("fromKm").asDouble()) + 1;
        JsonNode reported = ok(
                server.postJson(
                        "/api/maintenance/defects?date=" + DAY,
                        maintainer,
                        "{\"assetId\":\"" + track.get("id").asText() + "\",\"km\":" + (from + 0.5)
                                + ",\"severity\":\"HIGH\",\"description\":\"broken rail clip\","
                                + "\"restriction\":{\"fromKm\":" + from + ",\"toKm\":" + (from + 2)
                                + ",\"speedKmh\":20,\"validFrom\":\"" + DAY + "T00:00+07:00\",\"validTo\":\""
                                + DAY.plusDays(2) + "T00:00+07:00\"}}"),
                201);
        List<String> delayed = reported.get("impact").get("trains").findValuesAsText("train");
        assertThat(delayed).contains("147");
        for (JsonNode t : reported.get("impact").get("trains")) {
            assertThat(t.get("delaySeconds").asLong()).isPositive();
        }
        // the network's timetable shows 147 later at Nong Khai than it was planned
        JsonNode train = ok(server.get("/api/timetable/trains/147?date=" + DAY), 200);
        JsonNode delay147 = reported.get("impact").get("trains").get(delayed.indexOf("147"));
        JsonNode last = train.get("calls").get(train.get("calls").size() - 1);
        assertThat(Instant.parse(delay147.get("arrivalAfter").asText()))
                .isEqualTo(Instant.parse(last.get("arrival").asText()));
        assertThat(ok(server.get("/api/maintenance/restrictions?network=" + VB, maintainer), 200)
                        .findValuesAsText("assetId"))
                .contains(track.get("id").asText());
        assertThat(ok(server.get("/api/maintenance/restrictions", maintainer), 200)
                        .findValuesAsText("assetId"))
                .doesNotContain(track.get("id").asText());
    }
}
