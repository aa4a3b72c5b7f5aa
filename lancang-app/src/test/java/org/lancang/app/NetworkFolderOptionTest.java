package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.testing.TestDates;

/**
 * {@code --network ./my-line}: every one-network command reads a network folder from disk as {@code serve} does (the
 * core's test folder of Narvik – Kiruna, no network of the jar), a bad folder refused naming its file, row and column,
 * a path that is no folder refused naming {@code --network}.
 */
class NetworkFolderOptionTest {
    private static final Path OFOTBANEN =
            Path.of("..", "lancang-core", "src", "test", "resources", "networks", "ofotbanen");

    @Test
    void networkPointsListsTheFoldersPointsAndNoneOfTheJars() throws IOException {
        CommandLineTest.Run r = CommandLineTest.run("network", "points", "--format", "csv", "--network", folder());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> listed =
                r.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(codes(OFOTBANEN.resolve("points.csv")));
        assertThat(listed).doesNotContain("KMS", "VTS");
    }

    @Test
    void gtfsExportWritesTheFoldersFeedAndImportReadsItBack(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("ofot.zip");
        CommandLineTest.Run r = CommandLineTest.run("gtfs", "export", "--network", folder(), "--out", zip.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + zip + ": ofotbanen, ");
        assertThat(r.out().lines()).hasSize(1);
        try (ZipFile feed = new ZipFile(zip.toFile())) {
            String stops =
                    new String(feed.getInputStream(feed.getEntry("stops.txt")).readAllBytes());
            assertThat(stops).contains("Narvik").contains("Kiruna").doesNotContain("Kunming");
        }

        CommandLineTest.Run in = CommandLineTest.run("gtfs", "import", "--network", folder(), zip.toString());
        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(in.out()).startsWith("network: ofotbanen (--network)").containsPattern("(?m)^7001 +SJ ");
    }

    @Test
    void runtimeAndTimetableShowWorkOnTheFoldersTrains() {
        CommandLineTest.Run jar =
                CommandLineTest.runWithoutDatabase("runtime", "--type", "SJ_DAY", "--from", "NVK", "--to", "KRN");
        assertThat(jar.exitCode()).as("no network of the jar has Narvik").isEqualTo(2);

        CommandLineTest.Run runtime = CommandLineTest.runWithoutDatabase(
                "runtime", "--type", "SJ_DAY", "--from", "NVK", "--to", "KRN", "--network", folder());
        assertThat(runtime.exitCode()).as(runtime.err()).isZero();
        assertThat(runtime.out()).startsWith("SJ_DAY NVK → KRN: running time ").contains("Narvik", "Kiruna");

        CommandLineTest.Run show = CommandLineTest.run(
                "timetable", "show", "--train", "7001", "--date", "2026-12-07", "--network", folder());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).startsWith("7001 SJ_DAY KRN → NVK on 2026-12-07").contains("Narvik");
        CommandLineTest.Run notThere = CommandLineTest.run("timetable", "show", "--train", "7001");
        assertThat(notThere.exitCode()).isEqualTo(2);
    }

    @Test
    void salesJourneysSearchesTheFoldersStations() {
        String date = TestDates.daysAhead(3).toString();
        CommandLineTest.Run jar =
                CommandLineTest.run("sales", "journeys", "--from", "NVK", "--to", "KRN", "--date", date);
        assertThat(jar.exitCode()).as("no network of the jar has Narvik").isEqualTo(2);

        CommandLineTest.Run r = CommandLineTest.run(
                "sales", "journeys", "--from", "NVK", "--to", "KRN", "--date", date, "--network", folder());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^7002 +NVK 07:20 → KRN 09:48").contains("NOK");
    }

    @Test
    void runtimeRestrictionsReadTheirKmOnTheLineTheRunIsOn() {
        // the branch network: km 10–12 is on the main line LA (Bram side) and on the branch LC (past Jura)
        String branch = Path.of("..", "lancang-core", "src", "test", "resources", "networks", "branch")
                .toString();
        String free = runtimeLine(branch);
        String slowed = runtimeLine(branch, "--restrictions", "10-12:45");
        assertThat(slowed).as("the branch's km 10–12, where Jura → Cato runs").isNotEqualTo(free);
        assertThat(runtimeLine(branch, "--restrictions", "LC:10-12:45")).isEqualTo(slowed);
        assertThat(runtimeLine(branch, "--restrictions", "LA:10-12:45")).isEqualTo(free);
        CommandLineTest.Run unknown = CommandLineTest.runWithoutDatabase(
                "runtime",
                "--type",
                "TINY9",
                "--from",
                "QJ",
                "--to",
                "QC",
                "--minimum",
                "--network",
                branch,
                "--restrictions",
                "LX:10-12:45");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("restrictions[0].line");
    }

    /** The first line of {@code lancang runtime} Jura → Cato on the branch folder: the running time. */
    private static String runtimeLine(String folder, String... more) {
        List<String> args = new ArrayList<>(
                List.of("runtime", "--type", "TINY9", "--from", "QJ", "--to", "QC", "--minimum", "--network", folder));
        args.addAll(List.of(more));
        CommandLineTest.Run r = CommandLineTest.runWithoutDatabase(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().lines().findFirst().orElseThrow();
    }

    @Test
    void aBadFolderIsRefusedNamingTheFileRowAndColumnAsServeDoes(@TempDir Path dir) throws IOException {
        Path copy = copy(dir.resolve("my-line"));
        Path points = copy.resolve("points.csv");
        List<String> lines = Files.readAllLines(points);
        lines.set(3, lines.get(3).replace(",NO,9,estimated,", ",NO,nine,estimated,"));
        Files.write(points, lines);
        for (List<String> args : List.of(
                List.of("network", "sections"),
                List.of("gtfs", "export", "--out", dir.resolve("x.zip").toString()),
                List.of("freight", "slots", "--date", "2026-12-07"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--network", copy.toString()));
            CommandLineTest.Run r = CommandLineTest.run(all.toArray(String[]::new));
            assertThat(r.exitCode()).as(args + r.err()).isEqualTo(2);
            assertThat(r.err()).as(args.toString()).contains("points.csv:4").contains("'km'");
            assertThat(r.out()).as(args.toString()).isEmpty();
        }
    }

    @Test
    void aPathThatIsNoNetworkFolderIsRefusedNamingTheOption(@TempDir Path dir) {
        CommandLineTest.Run none = CommandLineTest.run("network", "points", "--network", "./no-such-line");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err())
                .isEqualTo("--network: './no-such-line' is not a network folder: no such directory with a"
                        + " network.csv" + System.lineSeparator());
        CommandLineTest.Run empty = CommandLineTest.runWithoutDatabase(
                "runtime", "--type", "SJ_DAY", "--from", "NVK", "--to", "KRN", "--network", dir.toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).startsWith("--network: '" + dir + "' is not a network folder: it has no network.csv");
    }

    @Test
    void aFolderWithTheCodeOfANetworkOfTheJarTakesItsPlace(@TempDir Path dir) throws IOException {
        Path copy = copy(Path.of("..", "data", "vientiane-bangkok"), dir.resolve("vb-edited"));
        Path points = copy.resolve("points.csv");
        Files.writeString(
                points, Files.readString(points).replace("Krung Thep Aphiwat Central Terminal", "Bang Sue Edited"));
        CommandLineTest.Run jar = CommandLineTest.run("network", "points", "--network", "vientiane-bangkok");
        assertThat(jar.out()).contains("Krung Thep Aphiwat").doesNotContain("Bang Sue Edited");
        CommandLineTest.Run edited = CommandLineTest.run("network", "points", "--network", copy.toString());
        assertThat(edited.exitCode()).as(edited.err()).isZero();
        assertThat(edited.out()).contains("KTW", "Bang Sue Edited").doesNotContain("Krung Thep Aphiwat");
    }

    private static String folder() {
        return OFOTBANEN.toString();
    }

    /** The first column of a CSV file's rows, read here, not by the code under test. */
    private static List<String> codes(Path csv) throws IOException {
        return Files.readAllLines(csv).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(',')))
                .toList();
    }

    private static Path copy(Path to) throws IOException {
        return copy(OFOTBANEN, to);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
