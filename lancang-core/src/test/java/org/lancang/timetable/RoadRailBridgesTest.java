package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.Seeds;

/**
 * The road on the First Thai–Lao Friendship Bridge is closed while a train crosses: each crossing closes it at least
 * the minimum, from before the train reaches the bridge until after it has left; the day's road-closed time counts
 * overlapping closures once.
 */
class RoadRailBridgesTest {
    private static final Path FOLDER = Path.of("..", "data", "vientiane-bangkok");
    private static final DataFiles FILES = name -> {
        try {
            return Files.readString(FOLDER.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final RoadRailBridges BRIDGES =
            RoadRailBridges.parse(RoadRailBridges.FILE, FILES.read(RoadRailBridges.FILE), DATA.network());
    private static final Planner PLANNER = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());
    private static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));

    @Test
    void everyTrainCrossingTheBridgeClosesTheRoadAtLeastTheMinimum() {
        LocalDate date = LocalDate.of(2026, 12, 1);
        DayPlan day = PLANNER.day(PLANS, date, List.of(), List.of());
        RoadRailBridges.Day closed =
                BRIDGES.closures(day, DATA.network().serviceZone()).get(0);
        RoadRailBridges.Bridge bridge = closed.bridge();
        // the trains whose path spans the bridge: those running between Thailand and Laos
        List<String> crossing = day.runsOfTheDay().stream()
                .filter(r -> {
                    double a = r.run().times().get(0).point().km();
                    double b = r.run()
                            .times()
                            .get(r.run().times().size() - 1)
                            .point()
                            .km();
                    return Math.min(a, b) < bridge.fromKm() && Math.max(a, b) > bridge.toKm();
                })
                .map(r -> r.plan().number())
                .toList();
        assertThat(crossing).contains("133", "134", "147", "148").doesNotContain("25", "26");
        assertThat(closed.closures()).extracting(RoadRailBridges.Closure::train).containsAll(crossing);
        for (RoadRailBridges.Closure c : closed.closures()) {
            assertThat(c.length()).isGreaterThanOrEqualTo(bridge.minimum());
        }
        Duration sum =
                closed.closures().stream().map(RoadRailBridges.Closure::length).reduce(Duration.ZERO, Duration::plus);
        assertThat(closed.roadClosed()).isPositive().isLessThanOrEqualTo(sum);
        System.out.printf(
                "road closed on %s: %d crossings, %d min in the day%n",
                date, closed.closures().size(), closed.roadClosed().toMinutes());
    }

    /** Seeded: the day's road-closed time is the measure of the union of the closures, checked minute by minute. */
    @Test
    void theRoadClosedTimeIsTheUnionOfTheClosures() {
        long seed = Seeds.seed(RoadRailBridgesTest.class);
        Random random = new Random(seed);
        for (int k = 0; k < 20; k++) {
            LocalDate date = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
            DayPlan day = PLANNER.day(PLANS, date, List.of(), List.of());
            RoadRailBridges.Day closed =
                    BRIDGES.closures(day, DATA.network().serviceZone()).get(0);
            var start = date.atStartOfDay(DATA.network().serviceZone()).toInstant();
            long minutes = 0;
            for (int m = 0; m < 24 * 60; m++) {
                var t = start.plusSeconds(60L * m + 30);
                if (closed.closures().stream().anyMatch(c -> !t.isBefore(c.from()) && t.isBefore(c.to()))) {
                    minutes++;
                }
            }
            assertThat((double) closed.roadClosed().toSeconds() / 60)
                    .as("seed %d, %s", seed, date)
                    .isCloseTo(minutes, Offset.offset(2.0 * closed.closures().size() + 1));
        }
    }
}
