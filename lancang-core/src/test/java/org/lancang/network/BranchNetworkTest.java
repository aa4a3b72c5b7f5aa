package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.reference.ReferenceData;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.LinePath;
import org.lancang.timetable.Planner;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.TrainRun;

/**
 * A made-up network with a branch (main line LA: Bram 0 – Jura 50 – Aldo 100; branch LC: Jura 0 – Cato 40, km rising
 * away from the junction) loads from its folder with no code change.
 */
class BranchNetworkTest {
    static final BranchFiles FILES = BranchFiles.branch();
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final Network NETWORK = DATA.network();

    @Test
    void loadsTwoLinesMeetingAtTheJunctionWithItsKmOnEach() {
        assertThat(NETWORK.lines()).extracting(Line::code).containsExactly("LA", "LC");
        Line branch = NETWORK.line("LC").orElseThrow();
        assertThat(branch.points()).extracting(Point::code).containsExactly("QJ", "QCJ", "QC");
        assertThat(branch.risingName()).isEqualTo("towards Cato");
        assertThat(NETWORK.isJunction("QJ")).isTrue();
        assertThat(NETWORK.places("QJ"))
                .extracting(p -> p.line().code() + "@" + p.km())
                .containsExactly("LA@50.0", "LC@0.0");
        assertThat(NETWORK.point("QJ").orElseThrow().km())
                .as("its km on its home line")
                .isEqualTo(50.0);
        assertThat(NETWORK.points()).hasSize(7);
        assertThat(NETWORK.sections()).hasSize(6);
        assertThat(branch.structures())
                .singleElement()
                .satisfies(s -> assertThat(s.fromKm()).isEqualTo(10.0));
    }

    static List<TrainPlan> plans() {
        return TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"), NETWORK);
    }

    @Test
    void theRouteFromAldoToCatoRunsDownTheMainLineThenUpTheBranch() {
        Route route = new Routes(NETWORK).between("QA", "QC", List.of());
        assertThat(route.legs())
                .extracting(l -> l.line().code() + (l.rising() ? " rising" : " falling"))
                .containsExactly("LA falling", "LC rising");
        assertThat(route.pointCodes()).containsExactly("QA", "QAJ", "QJ", "QCJ", "QC");
        assertThat(route.lengthKm()).as("50 km on LA, 40 km on LC").isEqualTo(90.0);
        LinePath path = LinePath.between(NETWORK, "QA", "QC");
        assertThat(path.lengthM()).isEqualTo(90_000.0);
        assertThat(path.positionM(path.indexOf("QCJ")))
                .as("the junction at 50 km, then 20 km up the branch")
                .isEqualTo(70_000.0);
        assertThat(path.rising(1)).isFalse();
        assertThat(path.rising(2)).isTrue();
        assertThat(path.positionOf(NETWORK.line("LC").orElseThrow(), 11)).isEqualTo(61_000.0);
    }

    @Test
    void aTrainRunsFromAldoAcrossTheJunctionToCato() {
        TrainPlan t1 = plans().get(0);
        assertThat(t1.via()).containsExactly("QJ");
        Planner planner = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
        TrainRun run = planner.run(t1, List.of());
        assertThat(run.times()).extracting(t -> t.point().code()).containsExactly("QA", "QAJ", "QJ", "QCJ", "QC");
        PointTime atJunction = run.times().get(2);
        assertThat(atJunction.stops()).isTrue();
        assertThat(atJunction.departure().minus(atJunction.arrival()).toMinutes())
                .isEqualTo(2);
        // the branch climbs at 8 and 3 per mille towards Cato, the main line falls towards Aldo: the climb out of the
        // junction is slower than the same distance run back down it
        TrainRun back = planner.run(plans().get(1), List.of());
        assertThat(back.path().origin().code()).isEqualTo("QC");
        assertThat(back.path().destination().code()).isEqualTo("QB");
        assertThat(run.times().get(4).arrival()).isPositive();
    }

    @Test
    void aViaThatIsNotAJunctionIsRefused() {
        assertThatThrownBy(() -> new Routes(NETWORK).between("QA", "QC", List.of("QAJ")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("via"))
                .hasMessageContaining("not a junction");
    }
}
