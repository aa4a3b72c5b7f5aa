package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistake on the command line (a file that is not there, a folder that cannot be written, a port that cannot
 * be) is told in one line with exit code 2, as picocli tells a missing option: never a stack trace.
 */
class CommandMisuseTest {
    @TempDir
    Path dir;

    private void assertOneLineRefusal(CommandLineTest.Run r, String naming) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(naming);
    }

    @Test
    void aFileToReadThatIsNotThereIsNamedInOneLine() {
        String missing = dir.resolve("no-such-file.csv").toString();
        assertOneLineRefusal(
                CommandLineTest.runWithoutDatabase("timetable", "compare", "--published", missing), missing);
        assertOneLineRefusal(
                CommandLineTest.runWithoutDatabase(
                        "timetable",
                        "build",
                        "--requests",
                        missing,
                        "--out",
                        dir.resolve("out.csv").toString()),
                missing);
        String zip = dir.resolve("no-such-feed.zip").toString();
        assertOneLineRefusal(CommandLineTest.run("gtfs", "import", zip), zip);
        assertOneLineRefusal(CommandLineTest.run("ops", "replay", missing), missing);
    }

    @Test
    void aFileToWriteWhereNoFolderIsIsNamedInOneLine() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        String out = notAFolder.resolve("feed.zip").toString();
        assertOneLineRefusal(CommandLineTest.run("gtfs", "export", "--out", out), notAFolder.toString());
    }

    @Test
    void serveRefusesAPortOrRetentionItCannotUseBeforeStartingAnything() {
        String data = dir.resolve("var").toString();
        assertOneLineRefusal(
                CommandLineTest.runWithoutDatabase("serve", "--port", "99999", "--data-dir", data), "--port");
        assertOneLineRefusal(
                CommandLineTest.runWithoutDatabase(
                        "serve", "--port", "0", "--outbox-retention-days", "0", "--data-dir", data),
                "--outbox-retention-days");
        assertThat(dir.resolve("var")).as("no database was started").doesNotExist();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a serve that did start would wait for Ctrl-C
    void serveOnAPortAnotherProgramHoldsSaysSoInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            assertOneLineRefusal(
                    CommandLineTest.runWithoutDatabase(
                            "serve",
                            "--port",
                            port,
                            "--host",
                            "127.0.0.1",
                            "--data-dir",
                            dir.resolve("var").toString()),
                    "--port: port " + port);
        }
    }

    @Test
    void aFreightQuoteOfNoBoxOrOfAnUnknownKindIsRefusedNotPricedNegative() {
        for (String item : new String[] {"BOX_40:-2", "BOX_40:0", "BOX_40:x", "BOX_40", "NOPE:3"}) {
            CommandLineTest.Run r =
                    CommandLineTest.run("freight", "quote", "--from", "YHE", "--to", "VTS", "--item", item);
            assertOneLineRefusal(r, "--item");
            assertThat(r.out()).as(item).doesNotContain("total");
        }
    }

    @Test
    void aSimulatedDayForAServerThatIsNoneIsRefusedNamingTheOption() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        for (String server : new String[] {"not-a-url", "ftp://localhost/", "http://localhost:" + closedPort}) {
            assertOneLineRefusal(
                    CommandLineTest.runWithoutDatabase(
                            "ops",
                            "simulate",
                            "--date",
                            "2026-12-10",
                            "--disturbances",
                            "none",
                            "--server",
                            server,
                            "--token",
                            "t",
                            "--speedup",
                            "0"),
                    "--server");
        }
        assertOneLineRefusal(
                CommandLineTest.runWithoutDatabase(
                        "ops",
                        "simulate",
                        "--date",
                        "2026-12-10",
                        "--speedup",
                        "-5",
                        "--out",
                        dir.resolve("day.csv").toString()),
                "--speedup");
    }
}
