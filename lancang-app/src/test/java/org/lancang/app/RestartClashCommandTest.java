package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.testing.TestNetworkFolder;

/**
 * A command started on a database that already holds its networks (a restart) with a network folder added whose train
 * number clashes with home's: refused in one line naming the number and both networks, exit code 2, as a first start
 * is; with the folder mended it runs.
 */
class RestartClashCommandTest {
    @Test
    void aRestartWithAClashingFolderAddedIsRefusedInOneLineAndTheMendedFolderRuns(@TempDir Path dir) {
        String dbUrl = TestDatabase.fresh().jdbcUrl();
        CommandLineTest.Run first = reconcile(dbUrl, "china-laos,vientiane-bangkok");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        String homeTrain = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS)
                .read("timetable.csv")
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .split(",")[0];
        Path clashing = TestNetworkFolder.branch()
                .with("timetable.csv", text -> text.replace("\nT2,", "\n" + homeTrain + ","))
                .writeTo(dir.resolve("clashing"));

        CommandLineTest.Run refused = reconcile(dbUrl, "china-laos,vientiane-bangkok," + clashing);

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err().strip())
                .as("one line, no stack trace")
                .isEqualTo("the train number '" + homeTrain + "' is in both networks 'china-laos' and 'branch':"
                        + " codes must be unique across the networks served (rename one in its folder, or serve only"
                        + " one of them with --network)");

        Path mended = TestNetworkFolder.branch().writeTo(dir.resolve("mended"));
        CommandLineTest.Run runs = reconcile(dbUrl, "china-laos,vientiane-bangkok," + mended);
        assertThat(runs.exitCode()).as(runs.out() + runs.err()).isZero();
    }

    private static CommandLineTest.Run reconcile(String dbUrl, String networks) {
        return CommandLineTest.runWithoutDatabase("sales", "reconcile", "--network", networks, "--db-url=" + dbUrl);
    }
}
