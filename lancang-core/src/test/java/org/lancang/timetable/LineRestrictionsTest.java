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
    private static final List<TrainPlan> PLANS = TimetableFile.parse(
            "timetable.csv",
            FILES.read("timetable.csv")
                    + "M1,XA_RAIL,TINY9,true,daily,2026-01-01,2027-12-31,QB,QA,09:00,true,,,5.0,made up: main line only,\n",
            NETWORK);

    private static final SpeedRestriction ON_BRANCH = new SpeedRestriction(5, 35, 40).onLine("LC");
    private static final SpeedRestriction ON_MAIN = new SpeedRestriction(5, 35, 40);

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
        assertThatThrownBy(() -> planner.run(PLANS.get(0), List.of(new SpeedRestriction(5, 35, 40).onLine("LX"))))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .contains("restrictions[0].line"));
    }

    private Duration arrival(TrainPlan plan, SpeedRestriction... restrictions) {
        List<PointTime> times = planner.run(plan, List.of(restrictions)).times();
        return times.get(times.size() - 1).arrival();
    }
}
