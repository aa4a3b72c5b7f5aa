package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;

/**
 * The day computes its trains' runs on every core ({@link Planner#day}); the same day with every run computed first,
 * one after the other on this thread, must come out the same: the same runs at the same times, the same blocking
 * times in the same order, the same conflicts. Seeded copies of the reference trains at random departures make the
 * day large enough to be split between threads, and many trains of one pattern race for the planner's caches.
 */
class ParallelDayTest {

    @Test
    void theDayIsTheSameWhenItsRunsAreComputedOneByOne() {
        long seed = Seeds.seed(ParallelDayTest.class);
        Random random = new Random(seed);
        LocalDate date = ReferenceTimetableTest.DAY;
        List<TrainPlan> plans = new ArrayList<>(ReferenceTimetableTest.PLANS);
        for (int copy = 0; copy < 300; copy++) {
            TrainPlan p = ReferenceTimetableTest.PLANS.get(random.nextInt(ReferenceTimetableTest.PLANS.size()));
            plans.add(new TrainPlan(
                    p.number() + "-" + copy,
                    p.operator(),
                    p.trainType(),
                    p.passenger(),
                    p.calendar(),
                    p.from(),
                    p.to(),
                    LocalTime.ofSecondOfDay(random.nextInt(86_400)),
                    p.stops(),
                    List.of(),
                    p.fixedDeparture(),
                    p.allowancePercent(),
                    p.note()));
        }

        Planner oneByOne = planner();
        for (TrainPlan p : plans) {
            oneByOne.run(p, List.of());
        }
        DayPlan sequential = oneByOne.day(plans, date, List.of(), List.of());
        for (int round = 0; round < 3; round++) {
            DayPlan parallel = planner().day(plans, date, List.of(), List.of());
            assertThat(parallel.runs()).hasSameSizeAs(sequential.runs());
            for (int i = 0; i < sequential.runs().size(); i++) {
                ScheduledRun a = parallel.runs().get(i);
                ScheduledRun b = sequential.runs().get(i);
                assertThat(a.plan()).as("seed %d, run %d", seed, i).isEqualTo(b.plan());
                assertThat(a.departure()).as("seed %d, run %d", seed, i).isEqualTo(b.departure());
                assertThat(a.run().times())
                        .as("seed %d, run %d", seed, i)
                        .isEqualTo(b.run().times());
            }
            assertThat(parallel.occupations()).as("seed %d", seed).isEqualTo(sequential.occupations());
            assertThat(parallel.conflicts()).as("seed %d", seed).isEqualTo(sequential.conflicts());
        }
        assertThat(sequential.conflicts()).as("a day with conflicts to compare").isNotEmpty();
    }

    private static Planner planner() {
        return new Planner(
                ReferenceTimetableTest.DATA.network(),
                ReferenceTimetableTest.DATA.rollingStock(),
                BlockingRules.defaults());
    }
}
