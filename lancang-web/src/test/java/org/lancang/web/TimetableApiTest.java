package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timetable API over the real database: public times, planners' conflicts, insertion, possessions, GTFS. */
class TimetableApiTest {
    private static TestServer server;
    private static String planner;

    @BeforeAll
    static void start() {
        server = new TestServer();
        server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"planner1\",\"displayName\":\"Planner\","
                        + "\"password\":\"planner password\",\"roles\":[\"PLANNER\"]}");
        planner = server.token("planner1", "planner password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theTimetableIsPublicWithLocalTimesAndInstantsWithOffsets() {
        JsonNode trains = server.get("/api/timetable/trains").json();
        assertThat(trains.findValuesAsText("number")).contains("D87", "D88", "C82", "K12", "X8101");
        JsonNode c82 = server.get("/api/timetable/trains/C82?date=2026-12-01").json();
        JsonNode first = c82.get("calls").get(0);
        assertThat(first.get("point").asText()).isEqualTo("VTE");
        assertThat(first.get("departureLocal").asText()).isEqualTo("07:30");
        assertThat(first.get("departure").asText()).isEqualTo("2026-12-01T07:30:00+07:00");
        JsonNode d887 = server.get("/api/timetable/trains/D87?date=2026-12-01").json();
        JsonNode kms = d887.get("calls").get(0);
        JsonNode vte = d887.get("calls").get(d887.get("calls").size() - 1);
        assertThat(kms.get("departure").asText()).isEqualTo("2026-12-01T08:00:00+08:00");
        assertThat(vte.get("arrival").asText()).endsWith("+07:00");
        assertThat(vte.get("timeZone").asText()).isEqualTo("Asia/Vientiane");
    }

    @Test
    void unknownTrainsAndBadDatesAreProblemsNamingTheField() {
        TestServer.Reply unknown = server.get("/api/timetable/trains/NOPE");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("number");
        TestServer.Reply badDate = server.get("/api/timetable/trains/C82?date=2026-13-01");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("field").asText()).isEqualTo("date");
        TestServer.Reply noDate = server.get("/api/timetable/conflicts", planner);
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("field").asText()).isEqualTo("date");
    }

    @Test
    void thePlannerInsertsAFreightPathThatCreatesNoConflict() {
        TestServer.Reply r = server.postJson(
                "/api/timetable/insert",
                planner,
                "{\"trainType\":\"FREIGHT\",\"from\":\"BTN\","
                        + "\"to\":\"VTS\",\"earliest\":\"2026-12-01T10:00+07:00\",\"number\":\"X9101\",\"add\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("added").asBoolean()).isTrue();
        assertThat(r.json().get("train").get("calls").get(0).get("departure").asText())
                .isGreaterThanOrEqualTo("2026-12-01T10:00:00+07:00");
        assertThat(server.get("/api/timetable/trains?date=2026-12-01").json().findValuesAsText("number"))
                .contains("X9101");
        assertThat(server.get("/api/timetable/trains?date=2026-12-02").json().findValuesAsText("number"))
                .as("a path inserted for one date is not a daily train")
                .doesNotContain("X9101");
        assertThat(server.get("/api/timetable/trains").json().findValuesAsText("number"))
                .doesNotContain("X9101");
        assertThat(server.get("/api/timetable/conflicts?date=2026-12-01", planner)
                        .json())
                .isEmpty();
        TestServer.Reply again = server.postJson(
                "/api/timetable/insert",
                planner,
                "{\"trainType\":\"FREIGHT\",\"from\":\"BTN\","
                        + "\"to\":\"VTS\",\"earliest\":\"2026-12-01T10:00+07:00\",\"number\":\"X9101\",\"add\":true}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("field").asText()).isEqualTo("number");
    }

    @Test
    void thePlannerMovesADepartureOnOneDateThroughAChangeAndTheConflictsFollow() {
        assertThat(server.get("/api/timetable/conflicts?date=2026-12-20", planner)
                        .json())
                .isEmpty();
        String planned = server.get("/api/timetable/trains/C82?date=2026-12-21")
                .json()
                .get("calls")
                .get(0)
                .get("departureLocal")
                .asText();
        // C82 leaves Vientiane onto the single line before D88 (08:00); at 08:05 it follows too close
        TestServer.Reply draft = server.postJson(
                "/api/timetable/changes",
                planner,
                "{\"title\":\"C82 later\",\"scope\":{\"from\":\"2026-12-20\"},"
                        + "\"edits\":[{\"kind\":\"MOVE\",\"train\":\"C82\",\"departure\":\"08:05\"}]}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().get("id").asText();
        TestServer.Reply refused = server.postJson("/api/timetable/changes/" + id + "/publish", planner, "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("field").asText()).isEqualTo("acceptConflicts");
        TestServer.Reply published =
                server.postJson("/api/timetable/changes/" + id + "/publish", planner, "{\"acceptConflicts\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(server.get("/api/timetable/trains/C82?date=2026-12-20")
                        .json()
                        .get("calls")
                        .get(0)
                        .get("departureLocal")
                        .asText())
                .isEqualTo("08:05");
        assertThat(server.get("/api/timetable/trains/C82?date=2026-12-21")
                        .json()
                        .get("calls")
                        .get(0)
                        .get("departureLocal")
                        .asText())
                .as("the next day keeps its time")
                .isEqualTo(planned)
                .isNotEqualTo("08:05");
        JsonNode conflicts =
                server.get("/api/timetable/conflicts?date=2026-12-20", planner).json();
        assertThat(conflicts.findValuesAsText("first")).anyMatch(o -> o.startsWith("C82@") || o.startsWith("D88@"));
        assertThat(server.get("/api/timetable/conflicts?date=2026-12-21", planner)
                        .json())
                .isEmpty();
        assertThat(server.postJson("/api/timetable/changes/" + id + "/undo", planner, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(server.get("/api/timetable/conflicts?date=2026-12-20", planner)
                        .json())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"trainType\":\"FREIGHT\",\"from\":\"XXX\",\"to\":\"VTS\",\"earliest\":\"2026-12-01T10:00+07:00\"}|from",
                "{\"trainType\":\"MAGLEV\",\"from\":\"BTN\",\"to\":\"VTS\",\"earliest\":\"2026-12-01T10:00+07:00\"}|trainType",
                "{\"trainType\":\"FREIGHT\",\"from\":\"BTN\",\"to\":\"VTS\",\"earliest\":\"tomorrow\"}|earliest",
                "{\"trainType\":\"FREIGHT\",\"from\":\"BTN\",\"to\":\"VTS\",\"earliest\":\"2026-12-01T10:00+07:00\",\"stops\":[{\"point\":\"KMS\",\"dwellMinutes\":5}]}|stops[0].point",
                "{\"trainType\":\"FREIGHT\",\"from\":\"BTN\",\"to\":\"VTS\",\"earliest\":\"2026-12-01T10:00+07:00\",\"stops\":[{\"point\":\"LPB\",\"dwellMinutes\":-5}]}|stops[0].dwellMinutes",
                "{\"trainType\":\"FREIGHT\",\"from\":\"BTN\",\"to\":\"VTS\",\"earliest\":\"2026-12-01T10:00+07:00\",\"speed\":3}|speed",
            })
    void badInsertRequestsNameTheField(String body, String field) {
        TestServer.Reply r = server.postJson("/api/timetable/insert", planner, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void aPossessionAcrossPlannedTrainsShowsAsConflicts() {
        TestServer.Reply added = server.postJson(
                "/api/timetable/possessions",
                planner,
                "{\"id\":\"tamping-1\","
                        + "\"from\":\"HHN\",\"to\":\"LPB\",\"start\":\"2026-12-10T08:00+07:00\",\"end\":\"2026-12-10T16:00+07:00\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode conflicts =
                server.get("/api/timetable/conflicts?date=2026-12-10", planner).json();
        assertThat(conflicts).isNotEmpty();
        List<String> owners = new ArrayList<>(conflicts.findValuesAsText("first"));
        owners.addAll(conflicts.findValuesAsText("second"));
        assertThat(owners).contains("tamping-1", "C82@2026-12-10");
        TestServer.Reply bad = server.postJson(
                "/api/timetable/possessions",
                planner,
                "{\"from\":\"HHN\",\"to\":\"LPB\","
                        + "\"start\":\"2026-12-10T16:00+07:00\",\"end\":\"2026-12-10T08:00+07:00\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("end");
    }

    @Test
    void runningTimesComeFromThePhysicsAndBadQueriesNameTheField() {
        JsonNode r = server.get("/api/runtime?type=CR200J&from=VTE&to=BTN&stops=PHH,VVG,LPB,MXY&dwell=3m")
                .json();
        assertThat(r.get("runningTimeSeconds").asLong()).isBetween(2L * 3600, 4L * 3600);
        assertThat(r.get("points").get(0).get("point").asText()).isEqualTo("VTE");
        assertThat(r.get("profile").size()).isGreaterThan(100);
        JsonNode slowed = server.get("/api/runtime?type=CR200J&from=VTE&to=BTN&stops=PHH,VVG,LPB,MXY&dwell=3m"
                        + "&restrictions=778.5-780:45")
                .json();
        assertThat(slowed.get("runningTimeSeconds").asLong())
                .isGreaterThan(r.get("runningTimeSeconds").asLong() + 60);
        for (String[] bad : new String[][] {
            {"type=MAGLEV&from=VTE&to=BTN", "type"},
            {"type=CR200J&from=VTE&to=XXX", "to"},
            {"type=CR200J&from=VTE&to=BTN&stops=KMS", "stops[0].point"},
            {"type=CR200J&from=VTE&to=BTN&stops=LPB&dwell=-3m", "dwell"},
            {"type=CR200J&from=VTE&to=BTN&allowance=abc", "allowance"},
            {"from=VTE&to=BTN", "type"},
            {"type=CR200J&from=VTE&to=BTN&restrictions=778.5-780:200", "restrictions[0].speedKmh"},
            {"type=CR200J&from=VTE&to=BTN&restrictions=fast", "restrictions[0]"},
            {"type=CR200J&from=VTE&to=BTN&restrictions=2000-2001:45", "restrictions[0].fromKm"}
        }) {
            TestServer.Reply reply = server.get("/api/runtime?" + bad[0]);
            assertThat(reply.status()).as(bad[0]).isEqualTo(400);
            assertThat(reply.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
    }

    @Test
    void theDiagramIsDrawnForPlannersAndBadQueriesNameTheField() {
        TestServer.Reply svg =
                server.get("/api/timetable/diagram.svg?from=KMS&to=VTE&date=2026-12-01&start=06:00&hours=12", planner);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").contains("data-train=\"D87\"", "Beijing time");
        assertThat(server.get("/api/timetable/diagram.svg?from=KMS&to=VTE&date=2026-12-01")
                        .status())
                .isEqualTo(401);
        for (String[] bad : new String[][] {
            {"from=XXX&to=VTE&date=2026-12-01", "from"},
            {"from=KMS&to=VTE", "date"},
            {"from=KMS&to=VTE&date=2026-12-01&hours=99", "hours"},
            {"from=KMS&to=VTE&date=2026-12-01&start=25:00", "start"},
            {"from=KMS&to=VTE&date=2026-12-01&lang=fr", "lang"},
            {"from=KMS&to=VTE&date=2026-12-01&zone=Mars/Base", "zone"}
        }) {
            TestServer.Reply r = server.get("/api/timetable/diagram.svg?" + bad[0], planner);
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
    }

    @Test
    void theDiagramIsDrawnPerLineAndAnUnknownLineIsRefused() {
        JsonNode lines = server.get("/api/timetable/diagram/lines", planner).json();
        assertThat(lines).as("China–Laos is one line").hasSize(1);
        JsonNode main = lines.get(0);
        assertThat(main.get("points").toString()).contains("\"KMS\"", "\"VTE\"");
        String path = "/api/timetable/diagram.svg?from=KMS&to=VTE&date=2026-12-01&start=06:00&hours=12";
        TestServer.Reply named = server.get(path + "&line=" + main.get("code").asText(), planner);
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.body())
                .as("naming the main line draws what no line draws")
                .isEqualTo(server.get(path, planner).body());
        TestServer.Reply unknown = server.get(path + "&line=NOPE", planner);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("line");
        assertThat(server.get("/api/timetable/diagram/lines").status()).isEqualTo(401);
    }

    @Test
    void theDiagramIsSentGzippedToABrowserThatTakesIt() throws IOException, InterruptedException {
        String path = "/api/timetable/diagram.svg?from=KMS&to=VTE&date=2026-12-01&start=06:00&hours=12";
        String plain = server.get(path, planner).body();
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url(path)))
                                .header("Authorization", "Bearer " + planner)
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the same drawing, in a fraction of the bytes (the diagram is text: gzip makes it far smaller)
        assertThat(unzipped).isEqualTo(plain);
        assertThat(r.body().length).isLessThan(plain.getBytes(StandardCharsets.UTF_8).length / 3);
    }

    @Test
    void theGtfsFeedIsServedAsAZip() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url("/gtfs.zip")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names)
                .contains(
                        "agency.txt",
                        "stops.txt",
                        "routes.txt",
                        "trips.txt",
                        "stop_times.txt",
                        "calendar.txt",
                        "feed_info.txt");
    }
}
