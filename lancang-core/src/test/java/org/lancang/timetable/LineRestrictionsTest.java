package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;

/**
 * A speed restriction's km are those of its own line (ADR 0033 step 6): on the branch network (main line LA Bram 0 –
 * Jura 50 – Aldo 100, branch LC Jura 0 – Cato 40), km 5–35 of the branch is not km 5–35 of the main line.
 */
class LineRestrictionsTest {
    private static final ReferenceFiles FILES = ReferenceFiles.branch();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Network NETWORK = DATA.network();
    /** The branch network's timetable and a train on the main line only, Bram → Jura → Aldo. */
    static final List<TrainPlan> PLANS = TimetableFile.parse(
            "timetable.csv",
            FILES.read("timetable.csv")
                    + "M1,XA_RAIL,TINY9,true,daily,2026-01-01,2027-12-31,QB,QA,09:00,true,,,5.0,made up: main line only,\n",
            NETWORK);

    private static final SpeedRestriction ON_BRANCH = new SpeedRestriction(5, 35, 40, null, null, "LC");
    private static final SpeedRestriction ON_MAIN = new SpeedRestriction(5, 35, 40, null, null, "LA");

    private final Planner planner = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());

    @Test
    void aRestrictionOnTheBranchSlowsOnlyTrainsOnTheBranch() {
        TrainPlan toCato = PLANS.get(0); // Aldo → Jura → Cato
        TrainPlan mainOnly = PLANS.get(2); // Bram → Jura → Aldo
        assertThat(arrival(toCato, ON_BRANCH)).isGreaterThan(arrival(toCato));
        assertThat(arrival(mainOnly, ON_BRANCH)).isEqualTo(arrival(mainOnly));
        // the same km named on the main line: the other way round
        assertThat(arrival(mainOnly, ON_MAIN)).isGreaterThan(arrival(mainOnly));
        assertThat(arrival(toCato, ON_MAIN)).isEqualTo(arrival(toCato));
    }

    @Test
    void aRestrictionOnAnUnknownLineIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> planner.run(PLANS.get(0), List.of(new SpeedRestriction(5, 35, 40, null, null, "LX"))))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .contains("restrictions[0].line"));
    }

    @Test
    void aRestrictionNamingNoLineIsPlacedOnTheLineTheRunIsOnThere() {
        SpeedRestriction.Asked unnamed = new SpeedRestriction.Asked(5, 35, 40, null);
        LinePath onBranch = LinePath.between(NETWORK, "QJ", "QC");
        LinePath onMain = LinePath.between(NETWORK, "QB", "QJ");
        LinePath aldoToCato = LinePath.between(NETWORK, "QA", "QC");
        assertThat(unnamed.alongRun(onBranch, "r").lineCode()).isEqualTo("LC");
        assertThat(unnamed.alongRun(onMain, "r").lineCode()).isEqualTo("LA");
        // Aldo → Cato runs on the main line at km 100–50 only: km 5–35 is the branch's
        assertThat(unnamed.alongRun(aldoToCato, "r").lineCode()).isEqualTo("LC");
        // off the run: the line holding both its ends
        assertThat(new SpeedRestriction.Asked(60, 70, 40, null)
                        .alongRun(onMain, "r")
                        .lineCode())
                .isEqualTo("LA");
        // a line named is kept, even off the run
        assertThat(new SpeedRestriction.Asked(5, 35, 40, "LC").alongRun(onMain, "r"))
                .isEqualTo(ON_BRANCH);
        // Bram → Cato holds km 5–35 on both lines
        assertThatThrownBy(() -> unnamed.alongRun(LinePath.between(NETWORK, "QB", "QC"), "restrictions[3]"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("restrictions[3].line"));
        // Aldo → Cato at km 45–48: on none of its legs, and no one line holds both its ends
        assertThatThrownBy(() -> new SpeedRestriction.Asked(45, 48, 40, null).alongRun(aldoToCato, "r"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aRestrictionIsNeverWithoutItsLine() {
        assertThatThrownBy(() -> new SpeedRestriction(5, 35, 40, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lineCode");
        assertThatThrownBy(() -> new SpeedRestriction(5, 35, 40, null, null, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Duration arrival(TrainPlan plan, SpeedRestriction... restrictions) {
        List<PointTime> times = planner.run(plan, List.of(restrictions)).times();
        return times.get(times.size() - 1).arrival();
    }
}
