package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.testing.TestDates;
import org.lancang.timetable.TimetableFile;
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
    void runtimeShowsTheTimetabledTimesByDefaultAndTheBarePhysicsWithMinimum() throws Exception {
        String[] d87 = {
            "runtime",
            "--type",
            "CR200J",
            "--from",
            "KMS",
            "--to",
            "VTE",
            "--stops",
            "YXI,PUE,XSB,MHN,BTN,MXY,LPB,VVG",
            "--format",
            "json"
        };
        CommandLineTest.Run timetabled = CommandLineTest.runWithoutDatabase(d87);
        assertThat(timetabled.exitCode()).as(timetabled.err()).isZero();
        JsonNode view = Json.MAPPER.readTree(timetabled.out());
        assertThat(view.get("minimum").asBoolean()).isFalse();
        assertThat(view.get("allowancePercent").asDouble()).isEqualTo(5.0);
        assertThat(view.get("startSupplementSeconds").asLong()).isEqualTo(120);
        JsonNode points = view.get("points");
        JsonNode mohan = point(points, "MHN");
        assertThat(mohan.get("departureSeconds").asLong()
                        - mohan.get("arrivalSeconds").asLong())
                .as("the first border station: 54 min of formalities")
                .isEqualTo(54 * 60);
        JsonNode boten = point(points, "BTN");
        assertThat(boten.get("departureSeconds").asLong()
                        - boten.get("arrivalSeconds").asLong())
                .isEqualTo(52 * 60);
        long arrives = point(points, "VTE").get("arrivalSeconds").asLong();
        assertThat(arrives / 60.0).as("D87 is published at 576 min").isBetween(571.0, 581.0);

        String[] bare = Arrays.copyOf(d87, d87.length + 1);
        bare[d87.length] = "--minimum";
        JsonNode minimum =
                Json.MAPPER.readTree(CommandLineTest.runWithoutDatabase(bare).out());
        assertThat(minimum.get("minimum").asBoolean()).isTrue();
        assertThat(minimum.get("allowancePercent").asDouble()).isZero();
        assertThat(point(minimum.get("points"), "VTE").get("arrivalSeconds").asLong())
                .as("no allowance, no supplements, the same dwells")
                .isLessThan(arrives - 20 * 60);

        CommandLineTest.Run text = CommandLineTest.runWithoutDatabase(
                "runtime", "--type", "CR200J", "--from", "VTE", "--to", "LPB", "--stops", "PHH,VVG");
        assertThat(text.out()).startsWith("CR200J VTE → LPB: running time ").contains("as timetabled");
    }

    private static JsonNode point(JsonNode points, String code) {
        for (JsonNode p : points) {
            if (p.get("point").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no point " + code);
    }

    @Test
    void compareHoldsTheRulesAgainstThePublishedTimes(@TempDir Path dir) throws Exception {
        Path published = Path.of("..", "data", "china-laos", "published-times-2026.csv");
        CommandLineTest.Run r =
                CommandLineTest.runWithoutDatabase("timetable", "compare", "--published", published.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("D87 (CR200J) Kunming South → Vientiane")
                .contains("MXY → LPB")
                .contains("median absolute error")
                .contains("worst legs:")
                .doesNotContain("outside ±10 %");
        JsonNode json = Json.MAPPER.readTree(CommandLineTest.runWithoutDatabase(
                        "timetable", "compare", "--published", published.toString(), "--format", "json")
                .out());
        assertThat(json.get("medianAbsoluteErrorPercent").asDouble()).isLessThanOrEqualTo(4.0);
        assertThat(json.get("trains")).hasSize(5);
        assertThat(json.get("worstLegs")).hasSize(5);

        Path mine = dir.resolve("mine.csv");
        Files.writeString(mine, "train,stop,minutes\nC261,Kunming,0\nC261,Kunming South,20\nC261,XSB,250\n");
        CommandLineTest.Run other =
                CommandLineTest.runWithoutDatabase("timetable", "compare", "--published", mine.toString());
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(other.out())
                .contains("C261 (CR200J) Kunming → Xishuangbanna")
                .contains("KMG → KMS");
        Files.writeString(mine, "train,stop,minutes\nC261,Kunming,5\nC261,XSB,250\n");
        CommandLineTest.Run bad =
                CommandLineTest.runWithoutDatabase("timetable", "compare", "--published", mine.toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("mine.csv:2").contains("minutes");
    }

    @Test
    void compareHoldsTheSecondNetworksTimetableAsPlannedAgainstItsPublishedTimes() throws Exception {
        // issue 19: 133, 134, 25, 147 and 148 within ±10 % of data/vientiane-bangkok's targets, as planned (their
        // allowance and meet waits are in timetable.csv); it was refused, the command knowing home's points only
        Path published = Path.of("..", "data", "vientiane-bangkok", "published-times-2026.csv");
        String[] args = {
            "timetable", "compare", "--network", "vientiane-bangkok", "--planned", "--published", published.toString()
        };
        CommandLineTest.Run r = CommandLineTest.runWithoutDatabase(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("the timetable of vientiane-bangkok as planned")
                .contains("133 (SRT_RAPID) Krung Thep Aphiwat Central Terminal → Vientiane Khamsavath");
        String[] json = Arrays.copyOf(args, args.length + 2);
        json[args.length] = "--format";
        json[args.length + 1] = "json";
        JsonNode trains = Json.MAPPER
                .readTree(CommandLineTest.runWithoutDatabase(json).out())
                .get("trains");
        assertThat(trains).extracting(t -> t.get("train").asText()).containsExactly("133", "134", "25", "147", "148");
        for (JsonNode t : trains) {
            assertThat(t.get("ratio").asDouble()).as(t.get("train").asText()).isBetween(0.90, 1.10);
        }
        // 133 reaches Khamsavath 728 min after Krung Thep Aphiwat, held at Nong Khai for the road's window
        assertThat(trains.get(0).get("computedMinutes").asDouble()).isBetween(720.0, 735.0);
    }

    @Test
    void showGivesLocalTimesAndInstantsWithOffsets() throws Exception {
        CommandLineTest.Run r =
                CommandLineTest.run("timetable", "show", "--train", "D87", "--date", "2026-12-01", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode train = Json.MAPPER.readTree(r.out());
        assertThat(train.get("calls").get(0).get("departure").asText()).isEqualTo("2026-12-01T08:00:00+08:00");
        JsonNode last = train.get("calls").get(train.get("calls").size() - 1);
        assertThat(last.get("arrival").asText()).endsWith("+07:00");
        assertThat(CommandLineTest.run("timetable", "show", "--train", "C82", "--date", "2026-12-01")
                        .out())
                .contains("VTE", "07:30", "2026-12-01T07:30+07:00");
    }

    @Test
    void checkAndShowWithoutADateTakeTodayFromTheCommandsClock() {
        // "today" is LANCANG_CLOCK's, as every command's now (the pom sets it to the tests' day), not the machine's
        String today = TestDates.today().toString();
        assertThat(CommandLineTest.run("timetable", "check").out()).contains(" trains on " + today + ",");
        assertThat(CommandLineTest.run("timetable", "check", "--network", "vientiane-bangkok")
                        .out())
                .contains(" trains on " + today + ",");
        assertThat(CommandLineTest.run("timetable", "show", "--train", "D87").out())
                .contains(" on " + today);
        assertThat(CommandLineTest.run("timetable", "show", "--train", "C82").out())
                .contains(" on " + today);
    }

    @Test
    void checkExitsZeroOnTheReferenceDay() {
        CommandLineTest.Run r = CommandLineTest.run("timetable", "check", "--date", "2026-12-01");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("85 trains on 2026-12-01").contains("0 conflicts");
        // issue 19: the second network's day, its meets planned on the single track and the road's window a
        // possession, is conflict-free too (the command checked home only)
        CommandLineTest.Run second =
                CommandLineTest.run("timetable", "check", "--date", "2026-12-01", "--network", "vientiane-bangkok");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out())
                .contains("trains on 2026-12-01")
                .contains(" 0 conflicts")
                .doesNotContain("85 trains");
    }

    @Test
    void aChangeOnOneDateIsKeptAsADraftPublishedShownAndUndone() {
        // a daily passenger train from Vientiane, looked up (numbers change with the reference data)
        String train = TimetableFile.parse(
                        "timetable.csv", new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS).read("timetable.csv"))
                .stream()
                .filter(p -> p.passenger()
                        && p.from().equals("VTE")
                        && p.calendar().days().size() == 7)
                .filter(p -> p.departure().getHour() < 20)
                .findFirst()
                .orElseThrow()
                .number();
        CommandLineTest.Run draft = CommandLineTest.run(
                "timetable", "change", "move", "--train", train, "--date", "2026-12-09", "--departure", "23:10");
        assertThat(draft.exitCode()).as(draft.err()).isZero();
        assertThat(draft.out()).contains("kept as a draft").contains("0 booking(s)");
        String id = draft.out().substring(0, draft.out().indexOf(' '));
        assertThat(CommandLineTest.run("timetable", "change", "list").out())
                .contains(id)
                .contains("DRAFT");
        CommandLineTest.Run published = CommandLineTest.run("timetable", "change", "publish", id, "--accept-conflicts");
        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(CommandLineTest.run("timetable", "show", "--train", train, "--date", "2026-12-09")
                        .out())
                .contains("23:10");
        assertThat(CommandLineTest.run("timetable", "show", "--train", train, "--date", "2026-12-10")
                        .out())
                .doesNotContain("23:10");
        assertThat(CommandLineTest.run("timetable", "change", "undo", id).exitCode())
                .isZero();
        assertThat(CommandLineTest.run("timetable", "show", "--train", train, "--date", "2026-12-09")
                        .out())
                .doesNotContain("23:10");
        CommandLineTest.Run bad =
                CommandLineTest.run("timetable", "change", "cancel", "--train", "NOPE1", "--date", "2026-12-09");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("edits[0].train");
    }

    @Test
    void aChangeOfTheSecondNetworkIsDraftedWithItsNetworkPublishedAndUndone() {
        CommandLineTest.Run draft = CommandLineTest.run(
                "timetable",
                "change",
                "move",
                "--network",
                "vientiane-bangkok",
                "--train",
                "147",
                "--date",
                "2026-12-09",
                "--departure",
                "15:30");
        assertThat(draft.exitCode()).as(draft.err()).isZero();
        String id = draft.out().substring(0, draft.out().indexOf(' '));
        assertThat(CommandLineTest.run("timetable", "change", "list", "--network", "vientiane-bangkok")
                        .out())
                .contains(id);
        assertThat(CommandLineTest.run("timetable", "change", "list").out())
                .as("home's list")
                .doesNotContain(id);
        CommandLineTest.Run published = CommandLineTest.run("timetable", "change", "publish", id, "--accept-conflicts");
        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(CommandLineTest.run("timetable", "show", "--train", "147", "--date", "2026-12-09")
                        .out())
                .contains("15:30");
        assertThat(CommandLineTest.run("timetable", "show", "--train", "147", "--date", "2026-12-10")
                        .out())
                .doesNotContain("15:30");
        assertThat(CommandLineTest.run("timetable", "change", "undo", id).exitCode())
                .isZero();
        assertThat(CommandLineTest.run("timetable", "show", "--train", "147", "--date", "2026-12-09")
                        .out())
                .doesNotContain("15:30");
        CommandLineTest.Run bad = CommandLineTest.run(
                "timetable", "change", "cancel", "--network", "atlantis", "--train", "147", "--date", "2026-12-09");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--network");
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

        // the home network is one line: Mohan is no junction, and the refusal names --via's field
        CommandLineTest.Run via = CommandLineTest.run(
                "timetable",
                "insert",
                "--type",
                "FREIGHT",
                "--from",
                "BTN",
                "--to",
                "VTS",
                "--earliest",
                "2026-12-01T10:00+07:00",
                "--via",
                "MHN");
        assertThat(via.exitCode()).as(via.out() + via.err()).isEqualTo(2);
        assertThat(via.err()).startsWith("via: ").contains("MHN");
    }

    @Test
    void insertFindsAndAddsAPathOnTheNetworkNamed() {
        String[] ask = {
            "timetable",
            "insert",
            "--type",
            "SRT_SHUTTLE",
            "--from",
            "NTA",
            "--to",
            "TNL",
            "--earliest",
            "2026-12-15T08:00+07:00",
            "--number",
            "X9701"
        };
        CommandLineTest.Run home = CommandLineTest.run(ask);
        assertThat(home.exitCode()).as("the type is not home's").isEqualTo(2);
        assertThat(home.err()).startsWith("type: ");

        List<String> onSecond = new ArrayList<>(List.of(ask));
        onSecond.addAll(List.of("--network", "vientiane-bangkok", "--add"));
        CommandLineTest.Run added = CommandLineTest.run(onSecond.toArray(String[]::new));
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out())
                .startsWith("path for X9701 (SRT_SHUTTLE) NTA → TNL: departs 2026-12-15T")
                .contains("added to the timetable of 2026-12-15 as change ");
        String id = added.out()
                .substring(added.out().indexOf(" as change ") + " as change ".length())
                .split("\\s")[0];
        assertThat(CommandLineTest.run("timetable", "change", "list", "--network", "vientiane-bangkok")
                        .out())
                .contains(id);
        assertThat(CommandLineTest.run("timetable", "change", "list").out())
                .as("home's list")
                .doesNotContain(id);
        assertThat(CommandLineTest.run("timetable", "change", "undo", id).exitCode())
                .isZero();

        List<String> unknown = new ArrayList<>(List.of(ask));
        unknown.addAll(List.of("--network", "atlantis"));
        CommandLineTest.Run bad = CommandLineTest.run(unknown.toArray(String[]::new));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--network").contains("vientiane-bangkok");
    }

    @Test
    void gtfsExportAndImportRoundTrip(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("feed.zip");
        CommandLineTest.Run out = CommandLineTest.run("gtfs", "export", "--out", zip.toString());
        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(Files.size(zip)).isPositive();
        String trips = out.out().replaceAll("(?s)[^\n]*?: china-laos, (\\d+) trips.*", "$1");
        CommandLineTest.Run in = CommandLineTest.run("gtfs", "import", zip.toString());
        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(in.out()).contains(trips + " trains read from").contains("D87");
    }
}
