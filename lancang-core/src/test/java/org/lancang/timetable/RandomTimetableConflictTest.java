package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.timetable.conflict.BruteForceConflictChecker;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.timetable.conflict.ConflictDetector;
import org.lancang.timetable.conflict.Occupation;

/**
 * On a thousand seeded random timetables of real trains on the real line (random trains, random departures, random
 * possessions), the sweep finds exactly the conflicts the brute-force pairwise checker finds.
 */
class RandomTimetableConflictTest {
    @Test
    void sweepAgreesWithBruteForceOnRandomTimetables() {
        long seed = seed();
        Random random = new Random(seed);
        Planner planner = planner();
        List<TrainPlan> pool = ReferenceTimetableTest.PLANS;
        List<TrainRun> runs = pool.stream().map(p -> planner.run(p, List.of())).toList();
        LocalDate date = ReferenceTimetableTest.DAY;
        Instant base = date.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        String[] codes = {"XSB", "GLB", "MLA", "MHN", "BTN", "MXY", "LPB", "VVG", "VTE"};
        int timetablesWithConflicts = 0;
        for (int round = 0; round < 1000; round++) {
            List<ScheduledRun> scheduled = new ArrayList<>();
            int trains = 2 + random.nextInt(5);
            for (int t = 0; t < trains; t++) {
                int i = random.nextInt(pool.size());
                Instant departure = base.plusSeconds(random.nextInt(6 * 3600));
                TrainPlan plan = pool.get(i);
                scheduled.add(new ScheduledRun(
                        renamed(plan, plan.number() + "-" + t, plan.departure(), plan.meets()),
                        date,
                        runs.get(i),
                        departure));
            }
            List<Possession> possessions = new ArrayList<>();
            if (random.nextBoolean()) {
                Instant start = base.plusSeconds(random.nextInt(8 * 3600));
                possessions.add(new Possession(
                        "P" + round,
                        codes[random.nextInt(codes.length)],
                        codes[random.nextInt(codes.length)],
                        start,
                        start.plus(Duration.ofMinutes(30 + random.nextInt(180))),
                        "random works"));
            }
            List<Occupation> occupations = planner.occupations(scheduled, possessions);
            var expected = BruteForceConflictChecker.detect(occupations);
            assertThat(ConflictDetector.detect(occupations))
                    .as("seed %d round %d", seed, round)
                    .isEqualTo(expected);
            if (!expected.isEmpty()) {
                timetablesWithConflicts++;
            }
        }
        assertThat(timetablesWithConflicts)
                .as("random timetables that have conflicts")
                .isGreaterThan(200);
    }

    /**
     * The whole day (runs of the day and of its neighbours laid in the table, station tracks allocated, conflicts
     * filtered to the day's own runs and the possessions over it) keeps exactly what brute force on the day's blocking
     * times keeps with the same rule.
     */
    @Test
    void theDayKeepsWhatBruteForceOnItsBlockingTimesKeeps() {
        long seed = seed();
        Random random = new Random(seed);
        Planner planner = planner();
        List<TrainPlan> pool = ReferenceTimetableTest.PLANS;
        LocalDate date = ReferenceTimetableTest.DAY;
        ZoneId zone = planner.network().serviceZone();
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        String[] codes = {"XSB", "GLB", "MLA", "MHN", "BTN", "MXY", "LPB", "VVG", "VTE"};
        int daysWithConflicts = 0;
        int neighboursOnly = 0;
        for (int round = 0; round < 150; round++) {
            List<TrainPlan> plans = new ArrayList<>();
            int trains = 2 + random.nextInt(5);
            for (int t = 0; t < trains; t++) {
                TrainPlan plan = pool.get(random.nextInt(pool.size()));
                // any time of day, without its meets: late ones reach into the next day
                plans.add(renamed(
                        plan, plan.number() + "-" + t, LocalTime.ofSecondOfDay(random.nextInt(86_400)), List.of()));
            }
            List<Possession> possessions = new ArrayList<>();
            if (random.nextBoolean()) {
                Instant start = dayStart.plusSeconds(random.nextInt(36 * 3600) - 6 * 3600L);
                possessions.add(new Possession(
                        "P" + round,
                        codes[random.nextInt(codes.length)],
                        codes[random.nextInt(codes.length)],
                        start,
                        start.plus(Duration.ofMinutes(30 + random.nextInt(240))),
                        "random works"));
            }
            DayPlan day = planner.day(plans, date, possessions, List.of());
            String suffix = "@" + date;
            List<Conflict> all = BruteForceConflictChecker.detect(day.occupations());
            List<Conflict> expected = all.stream()
                    .filter(c -> c.first().endsWith(suffix)
                            || c.second().endsWith(suffix)
                            || (c.possessionInvolved()
                                    && c.to().isAfter(dayStart)
                                    && c.from().isBefore(dayEnd)))
                    .toList();
            assertThat(day.conflicts()).as("seed %d round %d", seed, round).isEqualTo(expected);
            daysWithConflicts += expected.isEmpty() ? 0 : 1;
            neighboursOnly += all.size() - expected.size();
        }
        assertThat(daysWithConflicts).as("random days that have conflicts").isGreaterThan(30);
        assertThat(neighboursOnly)
                .as("conflicts of the neighbouring days only, left out")
                .isPositive();
    }

    private static long seed() {
        long seed = Long.getLong("lancang.seed", System.nanoTime());
        System.out.println("RandomTimetableConflictTest seed = " + seed + " (rerun with -Dlancang.seed=" + seed + ")");
        return seed;
    }

    private static Planner planner() {
        return new Planner(
                ReferenceTimetableTest.DATA.network(),
                ReferenceTimetableTest.DATA.rollingStock(),
                BlockingRules.defaults());
    }

    /** The plan under another number, leaving at another time. */
    private static TrainPlan renamed(TrainPlan plan, String number, LocalTime departure, List<StopRequest> meets) {
        return new TrainPlan(
                number,
                plan.operator(),
                plan.trainType(),
                plan.passenger(),
                plan.calendar(),
                plan.from(),
                plan.to(),
                departure,
                plan.stops(),
                meets,
                plan.fixedDeparture(),
                plan.allowancePercent(),
                plan.note());
    }
}
