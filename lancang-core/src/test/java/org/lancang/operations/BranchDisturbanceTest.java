package org.lancang.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * A disturbance's speed restriction is on a line (ADR 0033): on the branch network (main line LA Bram 0 – Jura 50 –
 * Aldo 100, branch LC Jura 0 – Cato 40; T1 Aldo → Cato, T2 Cato → Bram, M1 Bram → Aldo at 12:00, well after T2 has turned), km 5–35 of the
 * branch slows the trains on the branch and not M1, and the same km on the main line slows M1 and T2, not T1.
 */
class BranchDisturbanceTest {
    static final ReferenceFiles FILES = ReferenceFiles.branch();
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final List<TrainPlan> PLANS = TimetableFile.parse(
            "timetable.csv",
            FILES.read("timetable.csv")
                    + "M1,XA_RAIL,TINY9,true,daily,2026-01-01,2027-12-31,QB,QA,12:00,true,,,5.0,made up: main line only,\n",
            DATA.network());
    static final Planner PLANNER = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());
    static final DayPlan PLAN = PLANNER.day(PLANS, LocalDate.of(2026, 12, 5), List.of(), List.of());
    static final DayGraph GRAPH = DayGraph.build(
            PLANNER, PLAN, List.of(), DispatchRules.parse(FILES.read(DispatchRules.FILE)), LineOrders.PLAN);
    static final Map<String, Long> PLANNED = arrivals(List.of());

    @Test
    void aRestrictionOnTheBranchSlowsOnlyTheTrainsOnTheBranch() {
        Map<String, Long> slowed = arrivals(List.of(new Disturbance.SpeedRestriction(5, 35, 30, "LC")));
        assertThat(slowed.get("T1")).isGreaterThan(PLANNED.get("T1"));
        assertThat(slowed.get("T2")).isGreaterThan(PLANNED.get("T2"));
        assertThat(slowed.get("M1")).isEqualTo(PLANNED.get("M1"));
    }

    @Test
    void theSameKmOnTheMainLineSlowTheTrainsThere() {
        Map<String, Long> slowed = arrivals(List.of(new Disturbance.SpeedRestriction(5, 35, 30, "LA")));
        assertThat(slowed.get("M1")).isGreaterThan(PLANNED.get("M1"));
        assertThat(slowed.get("T2")).isGreaterThan(PLANNED.get("T2"));
        assertThat(slowed.get("T1")).isEqualTo(PLANNED.get("T1"));
    }

    @Test
    void aRestrictionNamingNoLineIsOnTheOneLineHoldingItsKmAndNeverGuessed() {
        // km 60–70 is on the main line only (the branch ends at km 40): Bram → Aldo and Aldo → Cato pass it
        Map<String, Long> slowed = arrivals(List.of(new Disturbance.SpeedRestriction(60, 70, 30, null)));
        assertThat(slowed.get("M1")).isGreaterThan(PLANNED.get("M1"));
        assertThat(slowed.get("T1")).isGreaterThan(PLANNED.get("T1"));
        assertThat(slowed.get("T2")).as("Cato → Bram never reaches km 60").isEqualTo(PLANNED.get("T2"));
        // km 5–35 is on both lines: the main line is not taken for granted
        for (String none : new String[] {null, ""}) {
            assertThatThrownBy(() -> arrivals(List.of(new Disturbance.SpeedRestriction(5, 35, 30, none))))
                    .as("line '%s'", none)
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("disturbances[0].line"));
        }
    }

    @Test
    void anUnknownLineIsRefusedNamingIt() {
        assertThatThrownBy(() -> arrivals(List.of(new Disturbance.SpeedRestriction(5, 35, 30, "LX"))))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("disturbances[0].line"));
    }

    @Test
    void aDisturbancesFileNamesTheLineInAnOptionalColumn() {
        String header = String.join(",", Disturbance.COLUMNS);
        assertThat(Disturbance.parse("d.csv", header + "\nSPEED_RESTRICTION,,,,,5,35,30\n"))
                .containsExactly(new Disturbance.SpeedRestriction(5, 35, 30, null));
        assertThat(Disturbance.parse("d.csv", header + ",line\nSPEED_RESTRICTION,,,,,5,35,30,LC\n"))
                .containsExactly(new Disturbance.SpeedRestriction(5, 35, 30, "LC"));
    }

    /** The real arrival at its destination of each run of the day under the disturbances, by train. */
    static Map<String, Long> arrivals(List<Disturbance> disturbances) {
        DaySimulator.Reality reality = DaySimulator.simulate(GRAPH, disturbances);
        Map<String, Long> out = new TreeMap<>();
        for (DayGraph.Run r : GRAPH.runs()) {
            if (r.serviceDate().equals(GRAPH.date())) {
                out.put(r.train(), reality.times()[r.arrival(r.lastPoint())]);
            }
        }
        return out;
    }
}
