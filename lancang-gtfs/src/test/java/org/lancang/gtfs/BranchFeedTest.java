package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.TimetableFile;

/**
 * The feed of a network of several lines (the core's branch test network, with one more train: T3, Cato back to
 * Aldo): a route's two directions get direction_id 0 and 1 although its trains run down one line and up the other,
 * and the feed has no validator error.
 */
class BranchFeedTest {
    private static final Path BRANCH = Path.of("..", "lancang-core", "src", "test", "resources", "networks", "branch");
    private static final String BACK =
            "T3,XA_RAIL,TINY9,true,daily,2026-01-01,2027-12-31,QC,QA,09:00,true,QJ 2,,5.0,made up: Cato back to Aldo,QJ\n";

    private static final DataFiles FILES = new DataFiles() {
        @Override
        public String read(String name) {
            try {
                String text = Files.readString(BRANCH.resolve(name));
                return name.equals("timetable.csv") ? text + BACK : text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean has(String name) {
            return Files.exists(BRANCH.resolve(name));
        }
    };

    @Test
    void aRoutesTwoDirectionsAcrossTheJunctionDifferAndTheFeedValidates() throws IOException {
        ReferenceData data = ReferenceData.parse(FILES);
        Network network = data.network();
        Operators operators = Operators.parse(Operators.FILE, FILES.read(Operators.FILE), network);
        Timetable timetable = new Planner(network, data.rollingStock(), BlockingRules.defaults())
                .timetable(TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"), network), List.of());
        GtfsExporter exporter = new GtfsExporter(
                StopCoordinates.parse("stop-coordinates.csv", FILES.read("stop-coordinates.csv")), operators);
        Map<String, String> txt = exporter.files(network, timetable, Fixtures.feedInfo());

        Map<String, String[]> trips = new HashMap<>();
        List<String> rows = txt.get("trips.txt").lines().toList();
        List<String> header = List.of(rows.get(0).split(","));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            trips.put(f[header.indexOf("trip_id")], f);
        }
        int route = header.indexOf("route_id");
        int direction = header.indexOf("direction_id");
        assertThat(trips.get("T1")[route]).isEqualTo(trips.get("T3")[route]);
        // Aldo → Cato starts down the main line (falling km), so it is the route's direction 1; back is 0
        assertThat(trips.get("T1")[direction]).isEqualTo("1");
        assertThat(trips.get("T3")[direction]).isEqualTo("0");
        // Cato → Bram is another route (another end pair): from Bram it starts up the main line, direction 0 that way
        assertThat(trips.get("T2")[route]).isNotEqualTo(trips.get("T1")[route]);
        assertThat(trips.get("T2")[direction]).isEqualTo("1");

        GtfsValidatorTest.Report report = GtfsValidatorTest.validate(
                exporter.export(network, timetable, Fixtures.feedInfo()), "branch", LocalDate.of(2026, 12, 1), "PT");
        report.warnings().forEach(w -> System.out.println("GTFS validator WARNING (branch): " + w));
        assertThat(report.errors())
                .as("validator errors:\n%s", String.join("\n", report.errors()))
                .isEmpty();
    }
}
