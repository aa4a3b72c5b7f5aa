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
import org.lancang.testing.Seeds;

/**
 * The fast path search (the day indexed per resource, runs reused by shape, a search stopped where an earlier one
 * passed) against the search as it was ({@link BruteForcePathFinder}), on seeded random requests on the reference day
 * with its skylights: the same path, run, waits, departure delay and number of holds, or the same refusal; and every
 * path found brings no conflict when the day is checked with it.
 */
class PathFinderSearchTest {
    static final Planner PLANNER = new Planner(
            ReferenceTimetableTest.DATA.network(),
            ReferenceTimetableTest.DATA.rollingStock(),
            BlockingRules.defaults());

    @Test
    void givesTheAnswersOfTheFullSearchOnRandomRequests() {
        long seed = Seeds.seed(PathFinderSearchTest.class);
        Random random = new Random(seed);
        LocalDate date = ReferenceTimetableTest.DAY;
        DayPlan day =
                PLANNER.day(ReferenceTimetableTest.PLANS, date, ReferenceTimetableTest.skylights(date), List.of());
        List<Point> freight = PLANNER.network().points().stream()
                .filter(p -> p.kind() == PointKind.FREIGHT)
                .toList();
        Instant dayStart = date.atStartOfDay(PLANNER.network().serviceZone()).toInstant();
        PathFinder fast = new PathFinder(PLANNER); // one finder for all: its day index is reused, as in the service
        int found = 0;
        int refused = 0;
        // at least 14 requests, and on until three found a path (many random asks are refused), at most 80
        for (int round = 0; round < 80 && (round < 14 || found < 3); round++) {
            Point from = freight.get(random.nextInt(freight.size()));
            Point to = freight.get(random.nextInt(freight.size()));
            if (from.equals(to)) {
                continue;
            }
            PathRequest request = request(round, from, to, dayStart.plusSeconds(60L * random.nextInt(24 * 60)), random);
            Answer got = answer(() -> fast.insert(request, day.occupations(), List.of()));
            Answer expected = answer(() ->
                    new BruteForcePathFinder(PLANNER).insert(request, new ArrayList<>(day.occupations()), List.of()));
            assertThat(got.text())
                    .as("seed %d round %d: %s–%s", seed, round, from.code(), to.code())
                    .isEqualTo(expected.text());
            if (got.path() == null) {
                refused++;
                continue;
            }
            found++;
            assertThat(got.path().run().run().times())
                    .as("seed %d round %d: the run", seed, round)
                    .isEqualTo(expected.path().run().run().times());
            assertNoConflict(got.path(), seed, round);
        }
        System.out.println("PathFinderSearchTest: " + found + " paths found, " + refused + " refused");
        assertThat(found)
                .as("seed %d: the requests must find paths to compare", seed)
                .isPositive();
    }

    @Test
    void aDayChangedSinceIsIndexedAfresh() {
        LocalDate date = ReferenceTimetableTest.DAY;
        DayPlan day =
                PLANNER.day(ReferenceTimetableTest.PLANS, date, ReferenceTimetableTest.skylights(date), List.of());
        Point from = PLANNER.network().points().stream()
                .filter(p -> p.kind() == PointKind.FREIGHT)
                .findFirst()
                .orElseThrow();
        Point to = PLANNER.network().points().stream()
                .filter(p -> p.kind() == PointKind.FREIGHT)
                .reduce((a, b) -> b)
                .orElseThrow();
        Instant morning = date.atTime(8, 0).atZone(from.timeZone()).toInstant();
        PathFinder finder = new PathFinder(PLANNER);
        InsertedPath one = finder.insert(fixed("X1", from, to, morning), day.occupations(), List.of());
        // the same train again on the day that now has the first one: the finder must see the first one in the way
        List<TrainPlan> with = new ArrayList<>(ReferenceTimetableTest.PLANS);
        with.add(one.plan());
        DayPlan after = PLANNER.day(with, date, ReferenceTimetableTest.skylights(date), List.of());
        PathRequest second = fixed("X2", from, to, morning);
        Answer reused = answer(() -> finder.insert(second, after.occupations(), List.of()));
        Answer fresh = answer(() -> new PathFinder(PLANNER).insert(second, after.occupations(), List.of()));
        Answer before = answer(() -> new PathFinder(PLANNER).insert(second, day.occupations(), List.of()));
        assertThat(reused.text()).isEqualTo(fresh.text()).isNotEqualTo(before.text());
    }

    private static PathRequest fixed(String number, Point from, Point to, Instant at) {
        return new PathRequest(
                number,
                Ref.CR_KUNMING,
                "FREIGHT",
                false,
                ServiceCalendar.daily(ReferenceTimetableTest.DAY, ReferenceTimetableTest.DAY.plusDays(1)),
                from.code(),
                to.code(),
                List.of(),
                at,
                false,
                6,
                Duration.ofHours(12));
    }

    private static PathRequest request(int round, Point from, Point to, Instant earliest, Random random) {
        return new PathRequest(
                "X" + round,
                Ref.CR_KUNMING,
                "FREIGHT",
                false,
                ServiceCalendar.daily(ReferenceTimetableTest.DAY, ReferenceTimetableTest.DAY.plusDays(1)),
                from.code(),
                to.code(),
                List.of(),
                earliest,
                random.nextInt(5) == 0,
                6,
                Duration.ofHours(1 + random.nextInt(12)));
    }

    private static void assertNoConflict(InsertedPath path, long seed, int round) {
        List<TrainPlan> with = new ArrayList<>(ReferenceTimetableTest.PLANS);
        with.add(path.plan());
        LocalDate date = path.run().serviceDate();
        String owner = path.run().owner();
        assertThat(PLANNER.day(with, date, ReferenceTimetableTest.skylights(date), List.of())
                        .conflicts())
                .as("seed %d round %d: conflicts of the new train", seed, round)
                .noneMatch(c -> c.first().equals(owner) || c.second().equals(owner));
    }

    private record Answer(InsertedPath path, String text) {}

    private interface Search {
        InsertedPath run();
    }

    private static Answer answer(Search search) {
        try {
            InsertedPath p = search.run();
            return new Answer(
                    p,
                    p.plan() + " leaves " + p.run().departure() + " arrives "
                            + p.run().arrival() + " waits " + p.waits() + " delayed " + p.departureDelay() + " after "
                            + p.iterations() + " tries");
        } catch (Clash e) {
            return new Answer(null, "refused: " + e.getMessage());
        }
    }
}
