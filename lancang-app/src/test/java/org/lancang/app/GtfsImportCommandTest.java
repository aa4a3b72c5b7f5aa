package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
