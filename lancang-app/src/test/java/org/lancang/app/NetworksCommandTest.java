package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.testing.TestDates;

/** The command line finds the trains and points of every network of data/, and writes each network's GTFS feed. */
class NetworksCommandTest {
    @Test
    void timetableShowFindsATrainOfTheSecondNetwork() {
        CommandLineTest.Run r = CommandLineTest.run("timetable", "show", "--train", "133", "--date", "2026-12-01");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("133 SRT_RAPID KTW → KSV on 2026-12-01");
        assertThat(r.out()).contains("Nong Khai").contains("2026-12-02T"); // arrives the next morning
        CommandLineTest.Run unknown = CommandLineTest.run("timetable", "show", "--train", "X77");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("X77");
    }

    @Test
    void salesJourneysFindTheSecondNetworksTrainsFromTheirOrigin() {
        String date = TestDates.daysAhead(3).toString();
        CommandLineTest.Run r = CommandLineTest.run(
                "sales", "journeys", "--from", "KTW", "--to", "KSV", "--date", date, "--currency", "THB");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("133 ").contains("KTW").contains("THB").contains("(UTC+07:00)");
    }

    @Test
    void runtimeFindsTheNetworkOfItsOrigin() {
        CommandLineTest.Run r = CommandLineTest.runWithoutDatabase(
                "runtime", "--type", "SRT_RAPID", "--from", "UDN", "--to", "KSV", "--stops", "NKI");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("SRT_RAPID UDN → KSV: running time ");
        // an origin no network has is named, not the type home (where the search falls back) lacks
        CommandLineTest.Run unknown =
                CommandLineTest.runWithoutDatabase("runtime", "--type", "SRT_RAPID", "--from", "NKP", "--to", "KSV");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("from: 'NKP'");
    }

    @Test
    void runtimeBetweenTwoNetworksNamesTheNetworkOfEachPoint() {
        CommandLineTest.Run r =
                CommandLineTest.runWithoutDatabase("runtime", "--type", "SRT_RAPID", "--from", "KTW", "--to", "VTE");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("to: 'VTE' is not a point of vientiane-bangkok (the network of from 'KTW'); it is on"
                        + " china-laos: running times are per network");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void networkPointsAndSectionsOfAnyNetwork() {
        CommandLineTest.Run points =
                CommandLineTest.run("network", "points", "--network", "vientiane-bangkok", "--format", "csv");
        assertThat(points.exitCode()).as(points.err()).isZero();
        List<String> rows = points.out().lines().skip(1).toList();
        assertThat(rows.get(0)).startsWith("KTW,");
        assertThat(rows.get(rows.size() - 1)).startsWith("KSV,");
        assertThat(points.out()).contains("Nong Khai").doesNotContain("KMS,");
        CommandLineTest.Run json =
                CommandLineTest.run("network", "points", "--network", "vientiane-bangkok", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"th\"").contains("\"KSV\"");

        CommandLineTest.Run sections =
                CommandLineTest.run("network", "sections", "--network", "vientiane-bangkok", "--format", "csv");
        assertThat(sections.exitCode()).as(sections.err()).isZero();
        List<String> lines = sections.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("from,to,from_km,to_km,length_km,tracks,line_speed_kmh,gauge_mm,electrification");
        assertThat(lines).hasSize(rows.size()); // a header and one section fewer than the points
        assertThat(lines.get(1)).startsWith("KTW,").contains(",1000,none");
        CommandLineTest.Run home = CommandLineTest.run("network", "sections");
        assertThat(home.exitCode()).as(home.err()).isZero();
        assertThat(home.out()).contains("KMG").contains("25 kV 50 Hz AC").doesNotContain("KTW");

        CommandLineTest.Run unknown = CommandLineTest.run("network", "points", "--network", "atlantis");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("atlantis").contains("vientiane-bangkok");
    }

    @Test
    void roadClosuresOfTheFriendshipBridge() {
        CommandLineTest.Run r = CommandLineTest.run(
                "network", "road-closures", "--date", "2026-12-01", "--network", "vientiane-bangkok");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("Friendship Bridge on 2026-12-01: road closed \\d+ min \\(\\d+ crossings\\)");
        assertThat(r.out()).contains("133").contains("148");
    }

    @Test
    void gtfsExportWritesEveryNetworksFeedOrOne(@TempDir Path dir) throws IOException {
        CommandLineTest.Run all = CommandLineTest.run(
                "gtfs", "export", "--out", dir.resolve("feeds").toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(agency(dir.resolve("feeds/china-laos.zip"))).contains("LCR");
        assertThat(agency(dir.resolve("feeds/vientiane-bangkok.zip"))).contains("SRT");

        Path one = dir.resolve("not-yet/vb.zip"); // a folder that does not exist yet is made
        CommandLineTest.Run single =
                CommandLineTest.run("gtfs", "export", "--network", "vientiane-bangkok", "--out", one.toString());
        assertThat(single.exitCode()).as(single.err()).isZero();
        assertThat(agency(one)).contains("SRT").doesNotContain("LCR");
        assertThat(single.out()).contains("vientiane-bangkok").doesNotContain("china-laos");

        CommandLineTest.Run unknown =
                CommandLineTest.run("gtfs", "export", "--network", "atlantis", "--out", one.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("atlantis");
    }

    private static String agency(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("agency.txt")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no agency.txt in " + zip);
    }
}
