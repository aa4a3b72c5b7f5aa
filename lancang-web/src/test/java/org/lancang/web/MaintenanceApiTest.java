package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;

/**
 * Issue 6 over HTTP: the Mekong bridge scenario as maintainers and a planner live it through the API, and bad input
 * refused with a problem naming the field and nothing written.
 */
class MaintenanceApiTest {
    private static TestServer server;
    private static String maintainer;
    private static String checker;
    private static String planner;
    private static String dispatcher;

    @BeforeAll
    static void start() {
        server = new TestServer();
        String admin = server.adminToken();
        maintainer = user(admin, "souk", "MAINTAINER");
        checker = user(admin, "kham", "MAINTAINER");
        planner = user(admin, "li.planner", "PLANNER");
        dispatcher = user(admin, "wang", "DISPATCHER");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String user(String admin, String name, String role) {
        TestServer.Reply r = server.postJson(
                "/api/users",
                admin,
                "{\"username\":\"" + name + "\",\"displayName\":\"" + name + "\",\"password\":\"password of " + name
                        + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return server.token(name, "password of " + name);
    }

    private static JsonNode train(String number, LocalDate date) {
        return ok(server.get("/api/timetable/trains/" + number + "?date=" + date), 200);
    }

    private static Instant arrival(JsonNode train) {
        JsonNode calls = train.get("calls");
        return OffsetDateTime.parse(calls.get(calls.size() - 1).get("arrival").asText())
                .toInstant();
    }

    @Test
    void aDefectOnTheMekongBridgeDelaysTrainsUntilItsWorkOrderIsVerifiedAndTheRestrictionLifted() {
        LocalDate day = TestDates.daysAhead(7);
        JsonNode c82Before = train("C82", day);
        JsonNode k12Before = train("K12", day);

        JsonNode window = ok(server.postJson("/api/maintenance/skylights", planner, """
                {"id":"HHN-LPB-NIGHT","fromPoint":"HHN","toPoint":"LPB","days":["MONDAY","TUESDAY","WEDNESDAY",
                 "THURSDAY","FRIDAY","SATURDAY","SUNDAY"],"start":"00:30","durationMinutes":240,"kind":"VERTICAL",
                 "purpose":"MAINTENANCE","description":"bridge and track"}"""), 201);
        assertThat(window.get("warnings")).isEmpty();

        Instant now = TestDates.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode reported = ok(
                server.postJson("/api/maintenance/defects?date=" + day, maintainer, """
                {"assetId":"BRG-LPB-MEKONG","km":779.5,"severity":"HIGH","description":"Bearing displaced on pier 7",
                 "restriction":{"fromKm":778.7,"toKm":780.2,"speedKmh":45,"validFrom":"%s","validTo":"%s"}}""".formatted(
                                now, now.plus(30, ChronoUnit.DAYS))),
                201);
        String defectId = reported.at("/defect/id").asText();
        assertThat(reported.at("/defect/reportedBy").asText()).isEqualTo("souk");

        // shown per train: C82 and K12 arrive later by the computed amount, which is what the timetable now says
        Map<String, Long> delays = new HashMap<>();
        reported.at("/impact/trains")
                .forEach(t -> delays.put(
                        t.get("train").asText(), t.get("delaySeconds").asLong()));
        assertThat(delays).containsKeys("C82", "K12");
        assertThat(delays.get("C82"))
                .isBetween(86L, 600L)
                .isEqualTo(arrival(train("C82", day)).getEpochSecond()
                        - arrival(c82Before).getEpochSecond());
        assertThat(delays.get("K12"))
                .isBetween(75L, 600L)
                .isEqualTo(arrival(train("K12", day)).getEpochSecond()
                        - arrival(k12Before).getEpochSecond());
        assertThat(reported.at("/impact/newConflicts").isArray()).isTrue();
        assertThat(ok(server.get("/api/maintenance/restrictions/impact?date=" + day, dispatcher), 200)
                        .at("/trains")
                        .findValuesAsText("train"))
                .contains("C82", "K12");
        assertThat(ok(server.get("/api/maintenance/restrictions", dispatcher), 200)
                        .findValuesAsText("id"))
                .containsExactly(defectId);

        // a photo of it
        JsonNode photo = ok(
                server.send(
                        "POST", "/api/maintenance/defects/" + defectId + "/photos", maintainer, "image/png", png(2000)),
                201);
        TestServer.Reply image = server.get(photo.get("url").asText(), dispatcher);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/png");

        // the work order: opened, planned into tomorrow night's skylight, in progress, done, verified and lifted
        String order = ok(
                        server.postJson(
                                "/api/maintenance/work-orders",
                                maintainer,
                                "{\"defectId\":\"" + defectId + "\",\"title\":\"Reset bearing, pier 7\"}"),
                        201)
                .get("id")
                .asText();
        LocalDate night = TestDates.daysAhead(1);
        JsonNode planned = ok(
                server.postJson(
                        "/api/maintenance/work-orders/" + order + "/status",
                        planner,
                        "{\"status\":\"PLANNED\",\"skylightId\":\"HHN-LPB-NIGHT\",\"date\":\"" + night
                                + "\",\"crew\":\"LPB bridge crew 2\"}"),
                200);
        assertThat(planned.at("/workOrder/window/id").asText()).isEqualTo("SKY-HHN-LPB-NIGHT-" + night);
        Map<String, Long> rowsBefore = rows();
        refused(
                server.postJson(
                        "/api/maintenance/work-orders/" + order + "/status", planner, "{\"status\":\"IN_PROGRESS\"}"),
                403,
                "status");
        assertThat(rows()).as("a planner cannot start the work").isEqualTo(rowsBefore);
        ok(
                server.postJson(
                        "/api/maintenance/work-orders/" + order + "/status",
                        maintainer,
                        "{\"status\":\"IN_PROGRESS\"}"),
                200);
        ok(
                server.postJson(
                        "/api/maintenance/work-orders/" + order + "/status",
                        maintainer,
                        "{\"status\":\"DONE\",\"note\":\"bearing reset and grouted\"}"),
                200);
        JsonNode verified = ok(
                server.postJson(
                        "/api/maintenance/work-orders/" + order + "/status?date=" + day,
                        checker,
                        "{\"status\":\"VERIFIED\",\"liftRestriction\":true}"),
                200);
        assertThat(verified.at("/defect/status").asText()).isEqualTo("CLOSED");
        assertThat(verified.at("/impact/trains").findValuesAsText("train")).contains("C82", "K12");
        JsonNode history = verified.at("/workOrder/history");
        assertThat(history.findValuesAsText("to"))
                .containsExactly("OPEN", "PLANNED", "IN_PROGRESS", "DONE", "VERIFIED");
        assertThat(history.findValuesAsText("by")).containsExactly("souk", "li.planner", "souk", "souk", "kham");
        assertThat(history.findValuesAsText("at"))
                .allSatisfy(at -> assertThat(at).isNotBlank());

        // the times are exactly what they were
        assertThat(train("C82", day)).isEqualTo(c82Before);
        assertThat(train("K12", day)).isEqualTo(k12Before);
        assertThat(ok(server.get("/api/maintenance/restrictions", dispatcher), 200))
                .isEmpty();
    }

    @Test
    void theRegisterIsGeneratedFromTheNetworkAndReadByKm() {
        JsonNode atBridge = ok(server.get("/api/maintenance/assets?fromKm=779&toKm=779.5", dispatcher), 200);
        assertThat(atBridge.findValuesAsText("id")).contains("BRG-LPB-MEKONG", "TRK-HHN-LPB", "OHL-HHN-LPB");
        JsonNode tunnels = ok(server.get("/api/maintenance/assets?type=TUNNEL", dispatcher), 200);
        assertThat(tunnels.findValuesAsText("type"))
                .hasSizeGreaterThanOrEqualTo(5)
                .containsOnly("TUNNEL");
        JsonNode due = ok(server.get("/api/maintenance/inspections/due", dispatcher), 200);
        assertThat(due.get("due").size() + due.get("overdue").size()).isPositive();
    }

    @Test
    void theRegisterIsEditableByMaintainersWithItsCountryFromTheKm() {
        JsonNode added = ok(server.postJson("/api/maintenance/assets", maintainer, """
                {"id":"CUL-LPB-K781","type":"BRIDGE","name":"Culvert km 781.4","fromKm":781.4,"toKm":781.42,
                 "attributes":{"source":"site survey (test)"}}"""), 201);
        assertThat(added.get("country").asText()).isEqualTo("LA");
        assertThat(added.get("operator").asText()).isEqualTo("LCR");
        JsonNode changed = ok(server.putJson("/api/maintenance/assets/CUL-LPB-K781", maintainer, """
                {"type":"BRIDGE","name":"Box culvert km 781.4","fromKm":781.4,"toKm":781.43,"attributes":{}}"""), 200);
        assertThat(changed.get("name").asText()).isEqualTo("Box culvert km 781.4");
        assertThat(ok(server.get("/api/maintenance/assets/CUL-LPB-K781", dispatcher), 200)
                        .get("toKm")
                        .asDouble())
                .isEqualTo(781.43);

        Map<String, Long> before = rows();
        refused(server.postJson("/api/maintenance/assets", maintainer, """
                {"id":"CUL-LPB-K781","type":"BRIDGE","name":"again","fromKm":781.4,"toKm":781.42}"""), 409, "id");
        refused(server.postJson("/api/maintenance/assets", maintainer, """
                {"id":"CUL-X","type":"BRIDGE","name":"off the line","fromKm":1200,"toKm":1201}"""), 400, "fromKm");
        refused(server.postJson("/api/maintenance/assets", maintainer, """
                {"id":"trk lower","type":"TRACK","name":"bad id","fromKm":10,"toKm":11}"""), 400, "id");
        refused(server.putJson("/api/maintenance/assets/NO-SUCH", maintainer, """
                {"type":"BRIDGE","name":"x","fromKm":10,"toKm":11}"""), 404, "id");
        assertThat(server.putJson("/api/maintenance/assets/CUL-LPB-K781", dispatcher, "{}")
                        .status())
                .isEqualTo(403);
        assertThat(rows()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aRecordedInspectionTakesTheAssetOffTheDueList() {
        ok(
                server.postJson(
                        "/api/maintenance/inspections",
                        maintainer,
                        "{\"assetId\":\"TUN-BDR-FRIENDSHIP-LA\"," + "\"date\":\"" + TestDates.today()
                                + "\",\"outcome\":\"OK\"}"),
                201);
        JsonNode due = ok(server.get("/api/maintenance/inspections/due", dispatcher), 200);
        assertThat(due.get("due").findValuesAsText("id")).doesNotContain("TUN-BDR-FRIENDSHIP-LA");
        assertThat(ok(server.get("/api/maintenance/inspections?assetId=TUN-BDR-FRIENDSHIP-LA", dispatcher), 200)
                        .findValuesAsText("inspector"))
                .containsExactly("souk");
    }

    // ---- bad input: a 4xx problem naming the field, and nothing written

    private static Map<String, Long> rows() {
        return server.platform.maintenance().rowCounts();
    }

    private static JsonNode refused(TestServer.Reply r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.contentType()).isTrue();
        JsonNode problem = r.json();
        assertThat(problem.get("errors").findValuesAsText("field")).as(r.body()).contains(field);
        return problem;
    }

    private static String defect(String assetId, double km, int speed) {
        Instant now = TestDates.now();
        return """
                {"assetId":"%s","km":%s,"severity":"HIGH","description":"test",
                 "restriction":{"fromKm":%s,"toKm":%s,"speedKmh":%d,"validFrom":"%s","validTo":"%s"}}""".formatted(assetId, km, km - 0.5, km + 0.5, speed, now, now.plus(1, ChronoUnit.DAYS));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Map<String, Long> before = rows();
        // a km outside the line
        assertThat(refused(
                                server.postJson(
                                        "/api/maintenance/defects", maintainer, defect("BRG-LPB-MEKONG", 1500, 45)),
                                400,
                                "km")
                        .get("field")
                        .asText())
                .isEqualTo("km");
        // a restriction above the line speed (160 km/h over the bridge)
        assertThat(refused(
                                server.postJson(
                                        "/api/maintenance/defects", maintainer, defect("BRG-LPB-MEKONG", 779.5, 200)),
                                400,
                                "restriction.speedKmh")
                        .get("field")
                        .asText())
                .isEqualTo("restriction.speedKmh");
        // an unknown asset
        assertThat(refused(
                                server.postJson(
                                        "/api/maintenance/defects", maintainer, defect("BRG-NOWHERE", 779.5, 45)),
                                400,
                                "assetId")
                        .get("field")
                        .asText())
                .isEqualTo("assetId");
        refused(
                server.postJson(
                        "/api/maintenance/work-orders", maintainer, "{\"assetId\":\"TRK-NOPE\",\"title\":\"x\"}"),
                400,
                "assetId");
        refused(
                server.postJson(
                        "/api/maintenance/inspections",
                        maintainer,
                        "{\"assetId\":\"TRK-NOPE\",\"date\":\"2026-01-01\",\"outcome\":\"OK\"}"),
                400,
                "assetId");
        // a window that overlaps itself: Monday's occurrence runs into Tuesday's
        JsonNode overlap = refused(server.postJson("/api/maintenance/skylights", planner, """
                {"id":"SELF","fromPoint":"HHN","toPoint":"LPB","days":["MONDAY","TUESDAY"],"start":"22:00",
                 "durationMinutes":1500,"kind":"VERTICAL","purpose":"CONSTRUCTION"}"""), 400, "days");
        assertThat(overlap.toString()).contains("overlap");
        // a window on an unknown point, a window on a single-track stretch as ONE_TRACK
        refused(server.postJson("/api/maintenance/skylights", planner, """
                {"id":"W1","fromPoint":"XXX","toPoint":"LPB","days":["MONDAY"],"start":"00:30",
                 "durationMinutes":120,"kind":"VERTICAL","purpose":"MAINTENANCE"}"""), 400, "fromPoint");
        refused(server.postJson("/api/maintenance/skylights", planner, """
                {"id":"W2","fromPoint":"HHN","toPoint":"LPB","days":["MONDAY"],"start":"25:99",
                 "durationMinutes":120,"kind":"VERTICAL","purpose":"MAINTENANCE"}"""), 400, "start");
        // malformed and wrongly typed bodies
        refused(server.postJson("/api/maintenance/defects", maintainer, "{\"km\":\"far\"}"), 400, "km");
        refused(server.postJson("/api/maintenance/defects", maintainer, "{\"severity\":\"BAD\"}"), 400, "severity");
        // a restriction with its end before its start
        refused(server.postJson("/api/maintenance/defects", maintainer, """
                {"assetId":"BRG-LPB-MEKONG","km":779.5,"severity":"HIGH","description":"x","restriction":{"fromKm":779,
                 "toKm":780,"speedKmh":45,"validFrom":"2026-12-02T00:00+07:00","validTo":"2026-12-01T00:00+07:00"}}"""), 400, "restriction.validTo");
        assertThat(rows()).as("nothing written").isEqualTo(before);
    }

    @Test
    void photosThatAreTooLargeOrNotImagesAreRefusedAndNotStored() {
        String id = ok(server.postJson("/api/maintenance/defects", maintainer, """
                {"assetId":"STN-LPB","km":783.2,"severity":"LOW","description":"platform edge chipped"}"""), 201)
                .at("/defect/id")
                .asText();
        Map<String, Long> before = rows();
        String path = "/api/maintenance/defects/" + id + "/photos";
        refused(server.send("POST", path, maintainer, "image/png", png(6 * 1024 * 1024)), 413, "photo");
        refused(
                server.send(
                        "POST",
                        path,
                        maintainer,
                        "image/png",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                400,
                "photo");
        refused(server.send("POST", path, maintainer, "image/jpeg", png(100)), 400, "photo");
        refused(server.send("POST", path, maintainer, "image/png", new byte[0]), 400, "photo");
        assertThat(server.send("POST", "/api/maintenance/defects/DEF-999/photos", maintainer, "image/png", png(100))
                        .status())
                .isEqualTo(404);
        assertThat(rows()).as("nothing written").isEqualTo(before);
        assertThat(ok(server.get("/api/maintenance/defects/" + id, dispatcher), 200)
                        .get("photoIds"))
                .isEmpty();

        // a 4 MB phone photo is above the server's 1 MB JSON limit but within the photo limit: accepted
        JsonNode big = ok(server.send("POST", path, maintainer, "image/png", png(4 * 1024 * 1024)), 201);
        assertThat(big.get("size").asInt()).isEqualTo(4 * 1024 * 1024);
        assertThat(server.get(big.get("url").asText(), dispatcher).body().length())
                .isPositive();
        assertThat(ok(server.get("/api/maintenance/defects/" + id, dispatcher), 200)
                        .get("photoIds"))
                .extracting(JsonNode::asText)
                .containsExactly(big.get("id").asText());
    }

    @Test
    void aDispatcherReadsDefectsButCannotReportOne() {
        assertThat(server.postJson("/api/maintenance/defects", dispatcher, defect("BRG-LPB-MEKONG", 779.5, 45))
                        .status())
                .isEqualTo(403);
        assertThat(server.get("/api/maintenance/defects", dispatcher).status()).isEqualTo(200);
        assertThat(server.get("/api/maintenance/defects").status()).isEqualTo(401);
    }

    /** A PNG signature followed by zeros: enough for the magic-byte check, of the size asked. */
    private static byte[] png(int size) {
        byte[] b = new byte[size];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }
}
