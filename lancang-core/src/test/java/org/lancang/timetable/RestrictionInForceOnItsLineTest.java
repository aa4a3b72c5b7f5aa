package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;

/**
 * A time-limited restriction holds for the trains that run over its own line's km while it is in force (ADR 0033): on
 * the branch network (main line LA Bram 0 – Jura 50 – Aldo 100, branch LC Jura 0 – Cato 40) km 5–35 is on both lines.
 * The windows are set from each train's unrestricted run, beyond the half hour of margin the planner allows.
 */
class RestrictionInForceOnItsLineTest {
    private static final ReferenceFiles FILES = ReferenceFiles.branch();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Network NETWORK = DATA.network();
    /** The branch network's timetable and M1, a train on the main line only (as in {@link LineRestrictionsTest}). */
    private static final List<TrainPlan> PLANS = LineRestrictionsTest.PLANS;

    private static final TrainPlan CATO_TO_BRAM = PLANS.get(1); // T2: Cato → Jura on LC, Jura → Bram on LA
    private static final TrainPlan MAIN_ONLY = PLANS.get(2); // M1: Bram → Jura → Aldo
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    private static final Duration BEYOND_MARGIN = Duration.ofMinutes(31);

    private final Planner planner = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());

    @Test
    void aBranchRestrictionAllDayLeavesATrainOnTheMainLineAtTheSameKmAlone() {
        Instant dayStart =
                DAY.atStartOfDay(NETWORK.point("QB").orElseThrow().timeZone()).toInstant();
        SpeedRestriction onBranch = restriction("LC", dayStart, dayStart.plus(Duration.ofDays(1)));
        SpeedRestriction onMain = restriction("LA", dayStart, dayStart.plus(Duration.ofDays(1)));

        assertThat(planner.applying(MAIN_ONLY, DAY, List.of(onBranch))).isEmpty();
        assertThat(planner.applying(MAIN_ONLY, DAY, List.of(onMain))).containsExactly(onMain.always());
    }

    @Test
    void aBranchRestrictionHoldsWhileTheTrainIsOnTheBranchNotWhileItRunsOnTheMainLine() {
        Instant leavesBranch = when(CATO_TO_BRAM, "QJ", PointTime::departure);
        Instant atBram = when(CATO_TO_BRAM, "QB", PointTime::arrival);
        // from after the train left the branch: it then runs at the same km numbers, but of the main line
        SpeedRestriction afterItLeft =
                restriction("LC", leavesBranch.plus(BEYOND_MARGIN), atBram.plus(Duration.ofHours(2)));
        assertThat(planner.applying(CATO_TO_BRAM, DAY, List.of(afterItLeft))).isEmpty();
        // while it is on the branch
        SpeedRestriction whileOnBranch = restriction("LC", leavesBranch.minus(Duration.ofMinutes(5)), leavesBranch);
        assertThat(planner.applying(CATO_TO_BRAM, DAY, List.of(whileOnBranch))).containsExactly(whileOnBranch.always());
        Instant reachesMain = when(CATO_TO_BRAM, "QJ", PointTime::arrival);
        // the main line's km 5–35 at that time: the train only reaches them later
        SpeedRestriction mainBeforeItComes =
                restriction("LA", leavesBranch.minus(Duration.ofHours(3)), reachesMain.minus(BEYOND_MARGIN));
        assertThat(planner.applying(CATO_TO_BRAM, DAY, List.of(mainBeforeItComes)))
                .isEmpty();
    }

    private static SpeedRestriction restriction(String line, Instant from, Instant to) {
        return new SpeedRestriction(5, 35, 40, from, to, line);
    }

    /** When the plan's unrestricted run on {@link #DAY} arrives at or departs from {@code point}. */
    private Instant when(TrainPlan plan, String point, Function<PointTime, Duration> event) {
        TrainRun run = planner.run(plan, List.of());
        Instant start = DAY.atTime(plan.departure())
                .atZone(run.path().origin().timeZone())
                .toInstant();
        PointTime t = run.times().get(run.path().indexOf(point));
        return start.plus(event.apply(t));
    }
}
