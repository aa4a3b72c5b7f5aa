package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.reference.ReferenceData;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Call;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.Train;

/** The shipped reference timetable, exported: the MobilityData validator finds no error, and a round trip keeps it. */
class ReferenceFeedTest {
    private static final DataFiles FILES = name -> {
        try {
            return Files.readString(Path.of("..", "data", "china-laos", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private final ReferenceData data = ReferenceData.parse(FILES);
    private final Timetable timetable = new Planner(data.network(), data.rollingStock(), BlockingRules.defaults())
            .timetable(TimetableFile.parse("timetable.csv", FILES.read("timetable.csv")), List.of());

    @Test
    void theReferenceFeedHasNoValidatorError() throws IOException {
        byte[] feed = new GtfsExporter(Fixtures.operators())
                .export(
                        data.network(),
                        timetable,
                        new FeedInfo("Lancang", "https://github.com/lancang-rail/lancang", "en", "test", "", ""));
        GtfsValidatorTest.Report report = GtfsValidatorTest.validate(feed, "reference", LocalDate.of(2026, 12, 1));
        report.warnings().forEach(w -> System.out.println("GTFS validator WARNING (reference feed): " + w));
        assertThat(report.errors())
                .as("validator errors:\n%s", String.join("\n", report.errors()))
                .isEmpty();
    }

    @Test
    void aRoundTripKeepsEveryPassengerTripAndStopTime() {
        byte[] feed = new GtfsExporter(Fixtures.operators())
                .export(
                        data.network(),
                        timetable,
                        new FeedInfo("Lancang", "https://github.com/lancang-rail/lancang", "en", "test", "", ""));
        Timetable back = new GtfsImporter().importFeed(feed, data.network());
        List<Train> passenger =
                timetable.trains().stream().filter(Train::passenger).toList();
        assertThat(back.trains()).hasSize(passenger.size());
        for (Train original : passenger) {
            Train read = back.train(original.number()).orElseThrow();
            assertThat(read.operator()).isEqualTo(original.operator());
            assertThat(read.calendar()).isEqualTo(original.calendar());
            List<Call> expected = original.calls().stream().filter(Call::stops).toList();
            assertThat(read.calls()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                Call e = expected.get(i);
                Call r = read.calls().get(i);
                assertThat(r.pointCode()).isEqualTo(e.pointCode());
                // GTFS carries whole seconds: the physics' milliseconds are rounded away
                assertThat(e.arrival().minus(r.arrival()).abs()).isLessThan(Duration.ofSeconds(1));
                assertThat(e.departure().minus(r.departure()).abs()).isLessThan(Duration.ofSeconds(1));
            }
        }
    }
}
