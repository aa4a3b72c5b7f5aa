package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.timetable.Call;
import org.lancang.timetable.Operator;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;

/** Export then import gives back every passenger train with the same number, operator, calendar and stop times. */
class GtfsRoundTripTest {
    private final GtfsExporter exporter = new GtfsExporter(Fixtures.operators());
    private final GtfsImporter importer = new GtfsImporter();

    @Test
    void everyPassengerTripComesBackWithItsStopsAndTimes() {
        Timetable original = Fixtures.timetable();

        Timetable back = importer.importFeed(
                exporter.export(Fixtures.network(), original, Fixtures.feedInfo()), Fixtures.network());

        List<Train> passenger =
                original.trains().stream().filter(Train::passenger).toList();
        assertThat(back.trains())
                .extracting(Train::number)
                .containsExactlyInAnyOrderElementsOf(
                        passenger.stream().map(Train::number).toList());
        for (Train expected : passenger) {
            Train actual = back.train(expected.number()).orElseThrow();
            assertSameService(actual, expected);
        }
        assertThat(back.train("80501")).as("freight").isEmpty();
    }

    @Test
    void timesComeBackInTheOriginZone() {
        Timetable back = importer.importFeed(
                exporter.export(Fixtures.network(), Fixtures.timetable(), Fixtures.feedInfo()), Fixtures.network());

        Train c82 = back.train("C82").orElseThrow();
        assertThat(c82.originZone()).isEqualTo(Fixtures.LAOS);
        assertThat(c82.first().departure()).isEqualTo(Fixtures.time("08:00"));
        Train d887 = back.train("D887").orElseThrow();
        assertThat(d887.originZone()).isEqualTo(Fixtures.CHINA);
        assertThat(d887.last().arrival()).isEqualTo(Fixtures.time("18:27"));
    }

    @Test
    void aTrainRunningPastMidnightComesBackUnchanged() {
        Train late = Fixtures.train(
                "C99",
                Operator.valueOf("LCR"),
                "CR200J",
                true,
                ServiceCalendar.daily(Fixtures.START, Fixtures.END),
                Fixtures.LAOS,
                "VTE - 23:30",
                "PHH ~23:58",
                "VVG 24:31 24:34",
                "LPB 25:40 -");
        Timetable back = importer.importFeed(
                exporter.export(Fixtures.network(), new Timetable(List.of(late)), Fixtures.feedInfo()),
                Fixtures.network());

        assertSameService(back.trains().get(0), late);
    }

    @Test
    void exportingAnImportedFeedGivesTheSameBytes() {
        byte[] feed = exporter.export(Fixtures.network(), Fixtures.timetable(), Fixtures.feedInfo());
        Timetable back = importer.importFeed(feed, Fixtures.network());

        assertThat(exporter.export(Fixtures.network(), back, Fixtures.feedInfo()))
                .isEqualTo(feed);
    }

    private static void assertSameService(Train actual, Train expected) {
        assertThat(actual.number()).isEqualTo(expected.number());
        assertThat(actual.operator()).as(expected.number()).isEqualTo(expected.operator());
        assertThat(actual.calendar()).as(expected.number()).isEqualTo(expected.calendar());
        assertThat(actual.trainType()).as(expected.number()).isEqualTo(expected.trainType());
        assertThat(actual.originZone()).as(expected.number()).isEqualTo(expected.originZone());
        assertThat(actual.passenger()).isTrue();
        // Passing points are not in GTFS: compare the stopping calls (and the ends, which are always exported).
        List<Call> expectedStops = expected.calls().stream()
                .filter(c -> c.stops() || c == expected.first() || c == expected.last())
                .map(c -> new Call(c.pointCode(), c.arrival(), c.departure(), true))
                .toList();
        assertThat(actual.calls()).as(expected.number()).containsExactlyElementsOf(expectedStops);
    }
}
