package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.testing.Ref;

/**
 * Path insertion reuses the runs of the same shape of path (stops and waits) whatever the train's number and
 * departure; on seeded random freight
 * requests on the reference day with its skylights it gives exactly what the search gives working everything out
 * afresh (the same path and run, the same waits, the same number of holds, or the same refusal), and the path it finds brings
 * no conflict when the day is checked with it.
 */
class PathFinderReuseTest {
    @Test
    void reusingWorkChangesNoAnswerOnRandomRequests() {
        long seed = Long.getLong("lancang.seed", System.nanoTime());
        System.out.println("PathFinderReuseTest seed = " + seed + " (rerun with -Dlancang.seed=" + seed + ")");
        Random random = new Random(seed);
        Planner planner = new Planner(
                ReferenceTimetableTest.DATA.network(),
                ReferenceTimetableTest.DATA.rollingStock(),
                BlockingRules.defaults());
        DayPlan day = planner.day(
                ReferenceTimetableTest.PLANS,
                ReferenceTimetableTest.DAY,
                ReferenceTimetableTest.skylights(ReferenceTimetableTest.DAY),
                List.of());
        List<Point> freight = planner.network().points().stream()
                .filter(p -> p.kind() == PointKind.FREIGHT)
                .toList();
        Instant dayStart = ReferenceTimetableTest.DAY
                .atStartOfDay(planner.network().serviceZone())
                .toInstant();
        int found = 0;
        int refused = 0;
        for (int round = 0; round < 16; round++) {
            Point from = freight.get(random.nextInt(freight.size()));
            Point to = freight.get(random.nextInt(freight.size()));
            if (from.equals(to)) {
                continue;
            }
            PathRequest request = new PathRequest(
                    "X" + round,
                    Ref.CR_KUNMING,
                    "FREIGHT",
                    false,
                    ServiceCalendar.daily(ReferenceTimetableTest.DAY, ReferenceTimetableTest.DAY),
                    from.code(),
                    to.code(),
                    List.of(),
                    dayStart.plusSeconds(60L * random.nextInt(24 * 60)),
                    random.nextInt(5) == 0,
                    6,
                    Duration.ofHours(1 + random.nextInt(12)));
            InsertedPath fast = null;
            InsertedPath afresh = null;
            String fastRefusal = null;
            String afreshRefusal = null;
            try {
                fast = new PathFinder(planner).insert(request, new ArrayList<>(day.occupations()), List.of());
            } catch (Clash e) {
                fastRefusal = e.getMessage();
            }
            try {
                afresh = new PathFinder(planner, false).insert(request, new ArrayList<>(day.occupations()), List.of());
            } catch (Clash e) {
                afreshRefusal = e.getMessage();
            }
            assertThat(fastRefusal)
                    .as("seed %d round %d: the refusal", seed, round)
                    .isEqualTo(afreshRefusal);
            assertThat(summary(fast))
                    .as("seed %d round %d: the path", seed, round)
                    .isEqualTo(summary(afresh));
            if (fast == null) {
                refused++;
                continue;
            }
            found++;
            // the run itself, to the last profile sample (its path is compared above by its stations and times)
            assertThat(fast.run().run().times()).isEqualTo(afresh.run().run().times());
            assertThat(fast.run().run().physics()).isEqualTo(afresh.run().run().physics());
            List<TrainPlan> with = new ArrayList<>(ReferenceTimetableTest.PLANS);
            with.add(fast.plan());
            LocalDate date = fast.run().serviceDate();
            String owner = fast.run().owner();
            assertThat(planner.day(with, date, ReferenceTimetableTest.skylights(date), List.of())
                            .conflicts())
                    .as("seed %d round %d: conflicts of the new train", seed, round)
                    .noneMatch(c -> c.first().equals(owner) || c.second().equals(owner));
        }
        System.out.println("PathFinderReuseTest: " + found + " paths found, " + refused + " refused");
        assertThat(found)
                .as("seed %d: the requests must find paths to compare", seed)
                .isPositive();
    }

    /** What a planner reads of a path (the whole record's text is the run's every profile sample). */
    private static String summary(InsertedPath p) {
        return p == null
                ? "none"
                : p.plan() + " leaves " + p.run().departure() + " arrives "
                        + p.run().arrival() + " waits " + p.waits() + " delayed " + p.departureDelay() + " after "
                        + p.iterations() + " tries";
    }
}
