package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lancang.timetable.RoadWindowsTest.BRIDGES;
import static org.lancang.timetable.RoadWindowsTest.DATA;
import static org.lancang.timetable.RoadWindowsTest.DATE;
import static org.lancang.timetable.RoadWindowsTest.FILES;
import static org.lancang.timetable.RoadWindowsTest.PLANNER;
import static org.lancang.timetable.RoadWindowsTest.PLANS;
import static org.lancang.timetable.RoadWindowsTest.ZONE;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;

/**
 * The road's closed time on the First Thai–Lao Friendship Bridge is limited: a day over the limit, or one crossing over
 * its own, is reported naming the bridge and the figures; a new path that would pass a limit is found out.
 */
class RoadClosureLimitsTest {
    private static final String BRIDGE = BRIDGES.bridges().get(0).name();
    private static final String HEADER = "bridge,max_closed_min_per_day,max_single_closure_min,source\n";
    private static final List<Possession> WINDOWS = BRIDGES.possessions(DATA.network(), DATE, ZONE);
    private static final DayPlan DAY = PLANNER.day(PLANS, DATE, WINDOWS, List.of());

    private static RoadClosureLimits limits(Object perDay, Object single) {
        return RoadClosureLimits.parse(HEADER + BRIDGE + "," + perDay + "," + single + ",test\n", BRIDGES);
    }

    private static RoadRailBridges.Day today() {
        return BRIDGES.closures(DAY, ZONE).get(0);
    }

    @Test
    void theShippedDayKeepsWithinTheShippedLimits() {
        RoadClosureLimits shipped = RoadClosureLimits.parse(FILES.read(RoadClosureLimits.FILE), BRIDGES);
        RoadClosureLimits.Limit limit = shipped.of(BRIDGE).orElseThrow();
        System.out.printf(
                "road closed %d min on %s over %d crossings; limits %d min a day, %d min a crossing%n",
                today().roadClosed().toMinutes(),
                DATE,
                today().closures().size(),
                limit.perDay().toMinutes(),
                limit.single().toMinutes());
        assertThat(shipped.breaches(BRIDGES.closures(DAY, ZONE))).isEmpty();
    }

    @Test
    void aDayOverItsLimitIsReportedNamingTheBridgeAndTheFigures() {
        long closed = today().roadClosed().toMinutes();
        assertThat(limits(closed, "").breaches(List.of(today()))).isEmpty();
        List<RoadClosureLimits.Breach> over = limits(closed - 1, "").breaches(List.of(today()));
        assertThat(over).singleElement().satisfies(b -> {
            assertThat(b.perDay()).isTrue();
            assertThat(b.actual()).isEqualTo(today().roadClosed());
            assertThat(b.limit()).isEqualTo(Duration.ofMinutes(closed - 1));
            assertThat(b.message()).contains(BRIDGE).contains(closed + " min").contains((closed - 1) + " min a day");
        });
    }

    @Test
    void aCrossingOverItsOwnLimitNamesTheTrain() {
        RoadRailBridges.Closure longest = today().closures().stream()
                .max(Comparator.comparing(RoadRailBridges.Closure::length))
                .orElseThrow();
        long minutes = longest.length().toMinutes();
        List<RoadClosureLimits.Breach> over = limits("", minutes - 1).breaches(List.of(today()));
        assertThat(over).isNotEmpty().allSatisfy(b -> assertThat(b.perDay()).isFalse());
        assertThat(over).extracting(RoadClosureLimits.Breach::train).contains(longest.train());
        assertThat(over.get(0).message()).contains(BRIDGE).contains("for one crossing");
        assertThat(limits("", minutes + 1).breaches(List.of(today()))).isEmpty();
    }

    @Test
    void aNewPathThatWouldPassTheDaysLimitIsFoundOutAndOneThatFitsIsNot() {
        TrainPlan shuttle =
                PLANS.stream().filter(p -> p.number().equals("F01")).findFirst().orElseThrow();
        PathRequest request = new PathRequest(
                "F97",
                shuttle.operator(),
                shuttle.trainType(),
                false,
                shuttle.calendar(),
                shuttle.from(),
                shuttle.to(),
                List.of(),
                DATE.atTime(LocalTime.of(17, 0)).atZone(ZONE).toInstant(),
                false,
                shuttle.allowancePercent(),
                Duration.ofHours(4));
        InsertedPath found = new PathFinder(PLANNER).insert(request, DAY, WINDOWS, List.of());
        List<ScheduledRun> runs = new ArrayList<>(DAY.runs());
        runs.add(found.run());
        Duration with = BRIDGES.closures(runs, DATE, ZONE).get(0).roadClosed();
        Duration added = with.minus(today().roadClosed());
        System.out.printf(
                "F97 adds %d min of road closure (%d → %d)%n",
                added.toMinutes(), today().roadClosed().toMinutes(), with.toMinutes());
        assertThat(added).isPositive();

        assertThat(limits(with.toMinutes(), "").passedBy(found.run(), DAY, BRIDGES, ZONE))
                .isEmpty();
        Optional<RoadClosureLimits.Breach> refused =
                limits(with.toMinutes() - 1, "").passedBy(found.run(), DAY, BRIDGES, ZONE);
        assertThat(refused).hasValueSatisfying(b -> {
            assertThat(b.bridge()).isEqualTo(BRIDGE);
            assertThat(b.actual()).isEqualTo(with);
        });
        // a day already over its limit is the day's fault, not the newcomer's
        assertThat(limits(today().roadClosed().toMinutes() - 1, "").passedBy(found.run(), DAY, BRIDGES, ZONE))
                .isEmpty();
    }

    @Test
    void aLimitNamingNoBridgeOrAnImpossibleFigureIsRefused() {
        assertThatThrownBy(() -> RoadClosureLimits.parse(HEADER + "Second Bridge,100,20,x\n", BRIDGES))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("bridge"));
        assertThatThrownBy(() -> limits(0, 20))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("max_closed_min_per_day"));
        assertThatThrownBy(() -> limits(100, 999))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("max_single_closure_min"));
    }
}
