package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lancang.timetable.Call;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;

/**
 * The feed of the Narvik – Kiruna folder a stranger wrote from the docs (lancang-core's test resources): on
 * Europe/Oslo with a Swedish stop_timezone, the night train past 24:00, Northern Sámi names in translations.txt, no
 * MobilityData validator error, and read back by the importer as the same trains.
 */
class OfotbanenFeedTest {
    private static final Path FOLDER =
            Path.of("..", "lancang-core", "src", "test", "resources", "networks", "ofotbanen");

    @Test
    void itsFeedHasNoValidatorErrorAndReadsBackAsItsTrains() throws IOException {
        ShippedNetworks.Shipped ofotbanen = ShippedNetworks.at(FOLDER);
        Timetable timetable = ofotbanen.timetable();
        Map<String, String> txt = ofotbanen.feed();
        byte[] feed = Zips.zip(txt);

        GtfsValidatorTest.Report report =
                GtfsValidatorTest.validate(feed, "ofotbanen", LocalDate.of(2026, 12, 1), "NO");

        report.warnings().forEach(w -> System.out.println("GTFS validator WARNING (ofotbanen): " + w));
        assertThat(report.errors())
                .as("validator errors:\n%s", String.join("\n", report.errors()))
                .isEmpty();
        assertThat(txt.get("stops.txt")).contains("Europe/Stockholm");
        assertThat(txt.get("translations.txt")).contains(",se,Giron,");
        assertThat(txt.get("stop_times.txt").lines().filter(l -> l.startsWith("95,") && l.contains(",25:")))
                .as("the night train reaches Kiruna after midnight")
                .isNotEmpty();

        Timetable read =
                new GtfsImporter().read(feed, List.of(ofotbanen.network())).timetable();
        List<Train> passenger =
                timetable.trains().stream().filter(Train::passenger).toList();
        assertThat(read.trains()).hasSameSizeAs(passenger);
        for (Train t : passenger) {
            Train back = read.train(t.number()).orElseThrow();
            // passing points are not in GTFS: the stopping calls and the two ends come back
            List<Call> stops = t.calls().stream()
                    .filter(c -> c.stops() || c == t.first() || c == t.last())
                    .map(c -> new Call(c.pointCode(), c.arrival(), c.departure(), true))
                    .toList();
            assertThat(back.calls()).as("train %s", t.number()).containsExactlyElementsOf(stops);
        }
    }
}
