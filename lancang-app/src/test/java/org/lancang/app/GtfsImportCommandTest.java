package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lancang gtfs import}: any network's feed, the network found or named, stops' matches and conflicts said. */
class GtfsImportCommandTest {
    @Test
    void theSecondNetworksOwnFeedImportsAndIsConflictChecked(@TempDir Path dir) {
        Path zip = dir.resolve("vb.zip");
        CommandLineTest.Run out =
                CommandLineTest.run("gtfs", "export", "--network", "vientiane-bangkok", "--out", zip.toString());
        assertThat(out.exitCode()).as(out.err()).isZero();

        CommandLineTest.Run in = CommandLineTest.run("gtfs", "import", zip.toString());

        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(in.out())
                .startsWith("network: vientiane-bangkok (found from the feed's stops and agencies)")
                .contains("stop KSV ")
                .contains("by stop_id")
                .containsPattern("(?m)^133 +SRT ")
                .containsPattern("conflict check on \\d{4}-\\d{2}-\\d{2}: \\d+ runs, \\d+ conflicts");
    }

    @Test
    void eachTrainsArrivalIsPrintedInItsDestinationsLocalTime(@TempDir Path dir) {
        // D87 runs from Beijing time into Lao time, D88 the other way: the import used to print both ends in the
        // origin's zone, so D87 "arrived" at Vientiane an hour late and D88 at Kunming an hour early
        Path zip = dir.resolve("home.zip");
        CommandLineTest.Run out = CommandLineTest.run("gtfs", "export", "--out", zip.toString());
        assertThat(out.exitCode()).as(out.err()).isZero();

        CommandLineTest.Run in = CommandLineTest.run("gtfs", "import", zip.toString());

        assertThat(in.exitCode()).as(in.err()).isZero();
        for (String train : List.of("D87", "D88")) {
            CommandLineTest.Run show =
                    CommandLineTest.run("timetable", "show", "--train", train, "--date", "2026-12-10");
            assertThat(show.exitCode()).as(show.err()).isZero();
            List<String> calls = show.out().lines().toList();
            Matcher end = Pattern.compile("^([A-Z]{3}) .*? (\\d\\d:\\d\\d) ").matcher(calls.get(calls.size() - 1));
            assertThat(end.find()).as(calls.get(calls.size() - 1)).isTrue();
            assertThat(in.out())
                    .as("%s arrives at %s at %s local time", train, end.group(1), end.group(2))
                    .containsPattern("(?m)^" + train + " .* → " + end.group(1) + " " + end.group(2) + ", ");
        }
    }

    @Test
    void aFeedOfAnotherNetworkThanTheOneNamedIsRefusedNamingTheStop(@TempDir Path dir) {
        Path zip = dir.resolve("vb.zip");
        CommandLineTest.Run out =
                CommandLineTest.run("gtfs", "export", "--network", "vientiane-bangkok", "--out", zip.toString());
        assertThat(out.exitCode()).as(out.err()).isZero();

        CommandLineTest.Run in = CommandLineTest.run("gtfs", "import", "--network", "china-laos", zip.toString());

        assertThat(in.exitCode()).isEqualTo(2);
        assertThat(in.err()).contains("stops.txt:").contains("field 'stop_id'").contains("china-laos");
        CommandLineTest.Run unknown = CommandLineTest.run("gtfs", "import", "--network", "atlantis", zip.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("atlantis");
    }
}
