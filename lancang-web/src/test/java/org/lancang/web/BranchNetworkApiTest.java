package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.gtfs.GtfsValidatorTest;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.TestDates;

/**
 * A third network of several lines served from a test folder (the core's branch network: main line LA Bram km 0 –
 * Jura km 50 – Aldo km 100, branch LC Jura km 0 – Cato km 40, one track at Jura), over HTTP: its points and lines, its
 * train across the junction on the diagram of each line, a conflict at the junction, and a ticket across the junction
 * priced on the way's length, and its GTFS feed as the MobilityData validator sees it. T2 (Cato → Bram) leaves 10 minutes later than the folder says, so that it reaches Jura
 * while T1 (Aldo → Cato) is there: the two meet on the branch's one track.
 */
class BranchNetworkApiTest {
    private static final LocalDate DATE = TestDates.daysAhead(3);
    private static final String T2_AS_FILED = "QC,QB,07:00";

    private static final DataFiles FOLDER =
            TestNetworkFolder.branch().with("timetable.csv", BranchNetworkApiTest::moveT2);

    private static TestServer server;
    private static String planner;

    private static String moveT2(String timetable) {
        assertThat(timetable).contains(T2_AS_FILED);
        return timetable.replace(T2_AS_FILED, "QC,QB,07:10");
    }

    @BeforeAll
    static void start() {
        server = TestServer.withOthers(List.of(FOLDER));
        planner = FreightApiTest.user(server, server.adminToken(), "jura.planner", "PLANNER");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(TestServer.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void itsPointsAndItsTwoLinesAreServed() {
        JsonNode points = ok(server.get("/api/network/points?network=branch"));
        // the folder's points.csv, every point once (the junction Jura too)
        assertThat(texts(points, "code")).containsExactlyInAnyOrder("QB", "QBJ", "QJ", "QAJ", "QA", "QCJ", "QC");

        JsonNode lines = ok(server.get("/api/timetable/diagram/lines?network=branch", planner));
        assertThat(texts(lines, "code")).containsExactly("LA", "LC");
        assertThat(lines.get(1).get("points").toString()).isEqualTo("[\"QJ\",\"QCJ\",\"QC\"]");
    }

    @Test
    void aTrainRunsAcrossTheJunctionAndIsDrawnOnTheDiagramOfEachLine() {
        JsonNode t1 = ok(server.get("/api/timetable/trains/T1?network=branch&date=" + DATE));
        assertThat(texts(t1.get("calls"), "point")).containsExactly("QA", "QAJ", "QJ", "QCJ", "QC");
        assertThat(t1.get("runsOnDate").asBoolean()).isTrue();

        String diagram = "/api/timetable/diagram.svg?network=branch&date=" + DATE + "&start=06:00&hours=4";
        TestServer.Reply main = server.get(diagram + "&from=QB&to=QA&line=LA", planner);
        assertThat(main.status()).as(main.body()).isEqualTo(200);
        assertThat(main.body()).contains(">T1<", ">T2<");
        TestServer.Reply branch = server.get(diagram + "&from=QJ&to=QC&line=LC", planner);
        assertThat(branch.status()).as(branch.body()).isEqualTo(200);
        assertThat(branch.body()).contains(">T1<", ">T2<");
        assertThat(branch.body()).as("another line's km").isNotEqualTo(main.body());

        TestServer.Reply unknown = server.get(diagram + "&from=QB&to=QA&line=LX", planner);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).contains("application/problem+json");
        assertThat(unknown.json().get("field").asText()).isEqualTo("line");

        // naming no line: the one line holding the ends given, drawn on its own km; Jura alone, or no end at all, is
        // on both lines, and the first is never taken for it (ADR 0033)
        TestServer.Reply unnamed = server.get(diagram + "&from=QJ&to=QC", planner);
        assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(200);
        assertThat(unnamed.body()).isEqualTo(branch.body());
        for (String ambiguous : List.of("&from=QJ", "")) {
            TestServer.Reply refused = server.get(diagram + ambiguous, planner);
            assertThat(refused.status()).as(ambiguous + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).contains("application/problem+json");
            assertThat(refused.json().get("field").asText()).isEqualTo("line");
            assertThat(refused.json().get("detail").asText()).contains("LA").contains("LC");
        }
    }

    @Test
    void oneEndGivenDrawsTheLineHoldingItToItsFarEnd() {
        String diagram = "/api/timetable/diagram.svg?network=branch&date=" + DATE + "&start=06:00&hours=4";
        // Cato is on the branch alone: the branch is drawn, to its other end (the junction), not to the main line's
        TestServer.Reply fromCato = server.get(diagram + "&from=QC", planner);
        assertThat(fromCato.status()).as(fromCato.body()).isEqualTo(200);
        assertThat(fromCato.body())
                .isEqualTo(server.get(diagram + "&from=QC&to=QJ", planner).body())
                .contains("data-from=\"QC\" data-to=\"QJ\"", "Cato – Jura");
        TestServer.Reply toCato = server.get(diagram + "&to=QC", planner);
        assertThat(toCato.status()).as(toCato.body()).isEqualTo(200);
        assertThat(toCato.body())
                .isEqualTo(server.get(diagram + "&from=QJ&to=QC", planner).body());
        // Aldo is on the main line: from Aldo to the main line's first point; nothing given: the whole of the line
        // named
        // (with none named either, refused naming line: see the test above)
        assertThat(server.get(diagram + "&from=QA", planner).body())
                .isEqualTo(server.get(diagram + "&from=QA&to=QB", planner).body());
        assertThat(server.get(diagram + "&line=LA", planner).body())
                .isEqualTo(server.get(diagram + "&from=QB&to=QA", planner).body());
        TestServer.Reply unknown = server.get(diagram + "&from=QZ", planner);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("from");
    }

    @Test
    void theDispatchersDiagramIsDrawnPerLineToo() {
        String live = "/api/operations/diagram.svg?network=branch&date=" + DATE + "&start=06:00&hours=4";
        TestServer.Reply branch = server.get(live + "&line=LC", planner);
        assertThat(branch.status()).as(branch.body()).isEqualTo(200);
        assertThat(branch.body()).contains(">T1<", ">T2<", "Cato").doesNotContain("Aldo loop");
        TestServer.Reply main = server.get(live + "&line=LA", planner);
        assertThat(main.status()).as(main.body()).isEqualTo(200);
        assertThat(main.body()).contains("Aldo loop").doesNotContain("Cato loop");
        TestServer.Reply none = server.get(live, planner);
        assertThat(none.status())
                .as("no line named on a network of two: never the first by default")
                .isEqualTo(400);
        assertThat(none.json().get("field").asText()).isEqualTo("line");

        TestServer.Reply unknown = server.get(live + "&line=LX", planner);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("line");
    }

    private static long seconds(String query) {
        return ok(server.get("/api/runtime?type=TINY9&minimum=true&" + query))
                .get("runningTimeSeconds")
                .asLong();
    }

    private static void refused(String query, String field) {
        TestServer.Reply r = server.get("/api/runtime?type=TINY9&minimum=true&" + query);
        assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("field").asText()).as(query).isEqualTo(field);
    }

    @Test
    void aRestrictionAskedForARunOnTheBranchSlowsItOnTheBranch() {
        // km 10–12 exists on both lines: on the main line between Bram and Bram loop, on the branch past Jura
        long free = seconds("from=QJ&to=QC");
        long slowed = seconds("from=QJ&to=QC&restrictions=10-12:45");
        assertThat(slowed).as("the branch's km 10–12, where the run is").isGreaterThan(free);
        assertThat(seconds("from=QJ&to=QC&restrictions=LC:10-12:45")).isEqualTo(slowed);
        assertThat(seconds("from=QJ&to=QC&restrictions=LA:10-12:45"))
                .as("the main line's km 10–12, off this run")
                .isEqualTo(free);

        // across the junction from Aldo: km 60–62 is on the main line's leg only
        long across = seconds("from=QA&to=QC");
        assertThat(seconds("from=QA&to=QC&restrictions=60-62:45")).isGreaterThan(across);
        assertThat(seconds("from=QA&to=QC&restrictions=10-12:45")).isGreaterThan(across);
        // from Bram both legs hold a km 10–12: the line must be named, and then each slows the run
        refused("from=QB&to=QC&restrictions=10-12:45", "restrictions[0].line");
        long fromBram = seconds("from=QB&to=QC");
        assertThat(seconds("from=QB&to=QC&restrictions=LA:10-12:45")).isGreaterThan(fromBram);
        assertThat(seconds("from=QB&to=QC&restrictions=LC:10-12:45")).isGreaterThan(fromBram);
        refused("from=QJ&to=QC&restrictions=LX:10-12:45", "restrictions[0].line");
        refused("from=QJ&to=QC&restrictions=LC:30-50:45", "restrictions[0].fromKm");
    }

    @Test
    void theTwoTrainsFromTheTwoLinesConflictAroundTheJunction() {
        JsonNode conflicts = ok(server.get("/api/timetable/conflicts?network=branch&date=" + DATE, planner));
        assertThat(conflicts).isNotEmpty();
        for (JsonNode c : conflicts) {
            assertThat(List.of(c.get("first").asText(), c.get("second").asText()))
                    .containsExactlyInAnyOrder("T1@" + DATE, "T2@" + DATE);
        }
        assertThat(texts(conflicts, "resource")).anyMatch(r -> r.contains("QJ"));
    }

    /** T1's arrival at Cato on a date, as the timetable serves it. */
    private static Instant arrivalOfT1(LocalDate date) {
        JsonNode calls = ok(server.get("/api/timetable/trains/T1?network=branch&date=" + date))
                .get("calls");
        return OffsetDateTime.parse(calls.get(calls.size() - 1).get("arrival").asText())
                .toInstant();
    }

    private static String defect(String line, String assetId, double km, double toKm, LocalDate day) {
        // valid on that day only, away from DATE, so the other tests of this class see no restriction
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return """
                {"assetId":"%s","km":%s,"severity":"HIGH","description":"Rail break",%s
                 "restriction":{"fromKm":5,"toKm":%s,"speedKmh":30,"validFrom":"%s","validTo":"%s"}}""".formatted(
                        assetId,
                        km,
                        line == null ? "" : "\"line\":\"" + line + "\",",
                        toKm,
                        from,
                        from.plus(1, ChronoUnit.DAYS));
    }

    @Test
    void aRestrictionOnTheBranchSlowsOnlyTheTrainsOnTheBranch() {
        String maintainer = FreightApiTest.user(server, server.adminToken(), "jura.maintainer", "MAINTAINER");
        String defects = "/api/maintenance/defects?network=branch";
        int before = ok(server.get(defects, maintainer)).size();

        // refused, writing nothing: a line the network has not; km 45, on the main line's extent but not the branch's
        TestServer.Reply unknown = server.postJson(
                "/api/maintenance/defects", maintainer, defect("ZZ", "TRK-QJ-QCJ", 10, 35, DATE.plusDays(10)));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.contentType()).contains("application/problem+json");
        assertThat(unknown.json().get("field").asText()).isEqualTo("line");
        TestServer.Reply beyond = server.postJson(
                "/api/maintenance/defects", maintainer, defect("LC", "TRK-QJ-QCJ", 10, 45, DATE.plusDays(10)));
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(400);
        assertThat(beyond.json().get("field").asText()).isEqualTo("restriction.toKm");
        assertThat(ok(server.get(defects, maintainer)).size()).isEqualTo(before);

        // LC km 5–35 is Jura – Cato; read as the main line's km it would be Bram – Jura, where T1 never runs
        LocalDate day = DATE.plusDays(10);
        Instant unrestricted = arrivalOfT1(day);
        TestServer.Reply onBranch = server.postJson(
                "/api/maintenance/defects?date=" + day, maintainer, defect("LC", "TRK-QJ-QCJ", 10, 35, day));
        assertThat(onBranch.status()).as(onBranch.body()).isEqualTo(201);
        assertThat(onBranch.json().at("/defect/line").asText()).isEqualTo("LC");
        System.out.println("LC km 5-35 at 30 km/h, delays: " + onBranch.json().at("/impact/trains"));
        assertThat(texts(onBranch.json().at("/impact/trains"), "train")).contains("T1");
        assertThat(arrivalOfT1(day)).as("the timetable slows T1 on the branch").isAfter(unrestricted);
        assertThat(ok(server.get(defects, maintainer)).size()).isEqualTo(before + 1);

        // an asset of the branch is edited on the branch's km (the main line's would take km 45), not on an unknown
        // line
        TestServer.Reply longer = server.send(
                "PUT",
                "/api/maintenance/assets/TRK-QCJ-QC",
                maintainer,
                "application/json",
                "{\"type\":\"TRACK\",\"name\":\"Track\",\"fromKm\":20,\"toKm\":45}".getBytes());
        assertThat(longer.status()).as(longer.body()).isEqualTo(400);
        assertThat(longer.json().get("field").asText()).isEqualTo("toKm");
        TestServer.Reply nowhere = server.postJson(
                "/api/maintenance/assets?network=branch",
                maintainer,
                "{\"id\":\"TRK-NEW\",\"type\":\"TRACK\",\"name\":\"Track\",\"fromKm\":1,\"toKm\":2,\"line\":\"ZZ\"}");
        assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(400);
        assertThat(nowhere.json().get("field").asText()).isEqualTo("line");

        // the same km on the main line (Bram – Jura): T2 runs there, T1 does not
        LocalDate other = DATE.plusDays(12);
        Instant t1There = arrivalOfT1(other);
        TestServer.Reply onMain = server.postJson(
                "/api/maintenance/defects?date=" + other, maintainer, defect(null, "TRK-QBJ-QJ", 30, 35, other));
        assertThat(onMain.status()).as(onMain.body()).isEqualTo(201);
        assertThat(onMain.json().at("/defect/line").asText())
                .as("its asset's line, named in the defect")
                .isEqualTo("LA");
        System.out.println("LA km 5-35 at 30 km/h, delays: " + onMain.json().at("/impact/trains"));
        assertThat(texts(onMain.json().at("/impact/trains"), "train")).containsExactly("T2");
        assertThat(arrivalOfT1(other)).isEqualTo(t1There);
    }

    @Test
    void theRegistersKmQueriesAreOnALine() {
        String maintainer = FreightApiTest.user(server, server.adminToken(), "lc.reader", "MAINTAINER");
        String assets = "/api/maintenance/assets?network=branch&fromKm=0&toKm=40";
        JsonNode branch = ok(server.get(assets + "&line=LC", maintainer));
        assertThat(texts(branch, "id")).contains("TRK-QCJ-QC").doesNotContain("TRK-QBJ-QJ");
        branch.forEach(a -> assertThat(a.at("/attributes/line").asText()).isEqualTo("LC"));
        // km 0–40 without a line are on both lines: refused naming the line, never read as the first line's
        TestServer.Reply ambiguous = server.get(assets, maintainer);
        assertThat(ambiguous.status()).as(ambiguous.body()).isEqualTo(400);
        assertThat(ambiguous.contentType()).contains("application/problem+json");
        assertThat(ambiguous.json().get("field").asText()).isEqualTo("line");
        // km 45–100 are the main line's only: its assets, none of the branch's
        JsonNode main = ok(server.get("/api/maintenance/assets?network=branch&fromKm=45&toKm=100", maintainer));
        assertThat(texts(main, "id")).contains("TRK-QJ-QAJ").doesNotContain("TRK-QCJ-QC");
        main.forEach(a -> assertThat(a.at("/attributes/line").asText()).isEqualTo("LA"));

        // a new asset naming no line: the one line holding its km, stored with it; km 1–2 is on both and refused
        String maintainer2 = FreightApiTest.user(server, server.adminToken(), "lc.editor", "MAINTAINER");
        TestServer.Reply both = server.postJson(
                "/api/maintenance/assets?network=branch",
                maintainer2,
                "{\"id\":\"TRK-ANY\",\"type\":\"TRACK\",\"name\":\"Track\",\"fromKm\":1,\"toKm\":2}");
        assertThat(both.status()).as(both.body()).isEqualTo(400);
        assertThat(both.json().get("field").asText()).isEqualTo("line");
        TestServer.Reply onMain = server.postJson(
                "/api/maintenance/assets?network=branch",
                maintainer2,
                "{\"id\":\"TRK-ALDO-SIDING\",\"type\":\"TRACK\",\"name\":\"Siding\",\"fromKm\":60,\"toKm\":61}");
        assertThat(onMain.status()).as(onMain.body()).isEqualTo(201);
        assertThat(onMain.json().at("/attributes/line").asText()).isEqualTo("LA");
        TestServer.Reply nowhere = server.get(assets + "&line=ZZ", maintainer);
        assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(400);
        assertThat(nowhere.json().get("field").asText()).isEqualTo("line");
    }

    @Test
    void aTicketAcrossTheJunctionIsPricedOnTheWaysLength() {
        JsonNode fare = ok(server.get("/api/networks/branch/fares?from=QA&to=QC&train=T1&class=SECOND"));
        // Aldo km 100 to Jura km 50 on the main line, then Jura km 0 to Cato km 40 on the branch
        assertThat(fare.get("parts").get(0).get("km").asDouble()).isEqualTo(90.0);
    }

    @Test
    void itsFeedHasNoValidatorError() throws IOException, InterruptedException {
        HttpResponse<byte[]> feed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url("/gtfs/branch.zip")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(feed.statusCode()).isEqualTo(200);
        // validated as of the test's day, in Portugal: the folder's stations keep Lisbon's time
        GtfsValidatorTest.Report report = GtfsValidatorTest.validate(feed.body(), "served-branch", DATE, "PT");
        report.warnings().forEach(w -> System.out.println("GTFS validator WARNING (served branch): " + w));
        assertThat(report.errors())
                .as("validator errors:\n%s", String.join("\n", report.errors()))
                .isEmpty();
    }
}
