package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.web.http.Json;

/** The planner's commands: runtime, timetable show / check / insert, GTFS export and import. */
class TimetableCommandsTest {
    @Test
    void runtimePrintsTheTimeAtEveryPoint() {
        CommandLineTest.Run r = CommandLineTest.runWithoutDatabase(
                "runtime",
                "--type",
                "CR200J",
                "--from",
                "VTE",
                "--to",
                "BTN",
                "--stops",
                "PHH,VVG,LPB,MXY",
                "--dwell",
                "3m",
                "--allowance",
                "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("CR200J VTE → BTN: running time ").contains("LPB", "Luang Prabang", "stop");
        CommandLineTest.Run bad = CommandLineTest.runWithoutDatabase(
                "runtime", "--type", "CR200J", "--from", "VTE", "--to", "BTN", "--stops", "KMS");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("stops[0].point");
    }

    @Test
    void showGivesLocalTimesAndInstantsWithOffsets() throws Exception {
        CommandLineTest.Run r =
                CommandLineTest.run("timetable", "show", "--train", "D887", "--date", "2026-12-01", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode train = Json.MAPPER.readTree(r.out());
        assertThat(train.get("calls").get(0).get("departure").asText()).isEqualTo("2026-12-01T08:08:00+08:00");
        JsonNode last = train.get("calls").get(train.get("calls").size() - 1);
        assertThat(last.get("arrival").asText()).endsWith("+07:00");
        assertThat(CommandLineTest.run("timetable", "show", "--train", "C82", "--date", "2026-12-01")
                        .out())
                .contains("VTE", "07:45", "2026-12-01T07:45+07:00");
    }

    @Test
    void checkExitsZeroOnTheReferenceDay() {
        CommandLineTest.Run r = CommandLineTest.run("timetable", "check", "--date", "2026-12-01");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("74 trains on 2026-12-01").contains("0 conflicts");
    }

    @Test
    void insertFindsAFreightPathWithoutAddingIt() {
        CommandLineTest.Run r = CommandLineTest.run(
                "timetable",
                "insert",
                "--type",
                "FREIGHT",
                "--from",
                "BTN",
                "--to",
                "VTS",
                "--earliest",
                "2026-12-01T10:00+07:00");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("path for X9001 (FREIGHT) BTN → VTS: departs 2026-12-01T");
        assertThat(CommandLineTest.run("timetable", "show", "--train", "X9001").exitCode())
                .isEqualTo(2);
    }

    @Test
    void gtfsExportAndImportRoundTrip(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("feed.zip");
        CommandLineTest.Run out = CommandLineTest.run("gtfs", "export", "--out", zip.toString());
        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(Files.size(zip)).isPositive();
        String trips = out.out().replaceAll("(?s).*: (\\d+) trips.*", "$1");
        CommandLineTest.Run in = CommandLineTest.run("gtfs", "import", zip.toString());
        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(in.out()).contains(trips + " trains read from").contains("D887");
    }
}
