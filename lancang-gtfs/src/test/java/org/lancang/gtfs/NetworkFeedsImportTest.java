package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lancang.testing.Seeds;
import org.lancang.timetable.Call;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;

/**
 * Each shipped network's own feed, and the same timetable as a third party would publish it, import to the network's
 * trains and times, the network found from the feed alone.
 */
class NetworkFeedsImportTest {
    private final GtfsImporter importer = new GtfsImporter();

    @ParameterizedTest
    @ValueSource(strings = {ShippedNetworks.CHINA_LAOS, ShippedNetworks.VIENTIANE_BANGKOK})
    void eachNetworksOwnFeedComesBackWithTheSameTrainsAndTimes(String folder) {
        ShippedNetworks.Shipped shipped = ShippedNetworks.get(folder);

        GtfsImport read = importer.read(Zips.zip(shipped.feed()), ShippedNetworks.both());

        assertThat(read.network()).isEqualTo(folder);
        assertSameTrains(read.timetable(), shipped.timetable());
        assertThat(read.stops()).allSatisfy(s -> assertThat(s.how()).isEqualTo("stop_id"));
        assertThat(read.notes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {ShippedNetworks.CHINA_LAOS, ShippedNetworks.VIENTIANE_BANGKOK})
    void aThirdPartysFeedOfTheSameTimetableImportsToTheSameTrains(String folder) {
        long seed = Seeds.seed(NetworkFeedsImportTest.class);
        ShippedNetworks.Shipped shipped = ShippedNetworks.get(folder);
        for (int round = 0; round < 5; round++) {
            ThirdPartyFeeds.Rewritten feed =
                    ThirdPartyFeeds.rewrite(shipped.feed(), shipped.network(), new Random(seed + round));

            GtfsImport read = importer.read(Zips.zip(feed.files()), ShippedNetworks.both());

            assertThat(read.network()).as("seed %d", seed + round).isEqualTo(folder);
            assertSameTrains(read.timetable(), shipped.timetable());
            for (GtfsImport.MatchedStop s : read.stops()) {
                assertThat(s.how())
                        .as("seed %d, stop %s", seed + round, s.stopId())
                        .startsWith(feed.styles().get(s.stopId()).how);
            }
        }
    }

    /** The passenger trains of {@code shipped}, with the same operator, type, calendar and stop times. */
    static void assertSameTrains(Timetable read, Timetable shipped) {
        List<Train> passenger =
                shipped.trains().stream().filter(Train::passenger).toList();
        assertThat(read.trains())
                .extracting(Train::number)
                .containsExactlyInAnyOrderElementsOf(
                        passenger.stream().map(Train::number).toList());
        for (Train original : passenger) {
            Train back = read.train(original.number()).orElseThrow();
            assertThat(back.operator()).as(original.number()).isEqualTo(original.operator());
            assertThat(back.trainType()).as(original.number()).isEqualTo(original.trainType());
            assertThat(back.calendar()).as(original.number()).isEqualTo(original.calendar());
            assertThat(back.originZone()).as(original.number()).isEqualTo(original.originZone());
            List<Call> expected = original.calls().stream().filter(Call::stops).toList();
            assertThat(back.calls()).as(original.number()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                Call e = expected.get(i);
                Call r = back.calls().get(i);
                assertThat(r.pointCode()).as(original.number()).isEqualTo(e.pointCode());
                // GTFS carries whole seconds: the physics' milliseconds are rounded away
                assertThat(e.arrival().minus(r.arrival()).abs()).isLessThan(Duration.ofSeconds(1));
                assertThat(e.departure().minus(r.departure()).abs()).isLessThan(Duration.ofSeconds(1));
            }
        }
    }
}
