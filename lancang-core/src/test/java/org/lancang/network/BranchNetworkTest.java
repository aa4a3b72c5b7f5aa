package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.Seeds;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.LinePath;
import org.lancang.timetable.Planner;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.TrainRun;
import org.lancang.timetable.conflict.BruteForceConflictChecker;
import org.lancang.timetable.conflict.Conflict;

/**
 * A made-up network with a branch (main line LA: Bram 0 – Jura 50 – Aldo 100; branch LC: Jura 0 – Cato 40, km rising
 * away from the junction) loads from its folder with no code change.
 */
class BranchNetworkTest {
    static final ReferenceFiles FILES = ReferenceFiles.branch();
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final Network NETWORK = DATA.network();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

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

    @Test
    void theLineHoldingTwoPointsIsTheMainLineFirstThenTheBranch() {
        assertThat(NETWORK.lineHolding("QB", "QA")).map(Line::code).contains("LA");
        assertThat(NETWORK.lineHolding("QJ", "QA"))
                .as("the junction lies on both: the main line first")
                .map(Line::code)
                .contains("LA");
        assertThat(NETWORK.lineHolding("qj", "QC")).map(Line::code).contains("LC");
        assertThat(NETWORK.lineHolding("QC", "QC"))
                .as("one point")
                .map(Line::code)
                .contains("LC");
        assertThat(NETWORK.lineHolding("QA", "QC")).as("on two lines, not one").isEmpty();
        assertThat(NETWORK.lineHolding("QA", "ZZ")).isEmpty();
        assertThat(NETWORK.lineHolding(null, "QA")).isEmpty();
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
        assertThat(run.path().legs())
                .extracting(l -> l.line().code() + (l.rising() ? " rising" : " falling"))
                .containsExactly("LA falling", "LC rising");
        // T2 has no via: the shortest route from Cato to Bram is the only one, down the branch and the main line
        TrainRun back = planner.run(plans().get(1), List.of());
        assertThat(back.times()).extracting(t -> t.point().code()).containsExactly("QC", "QCJ", "QJ", "QBJ", "QB");
        assertThat(back.path().legs())
                .extracting(l -> l.line().code() + (l.rising() ? " rising" : " falling"))
                .containsExactly("LC falling", "LA falling");
    }

    @Test
    void aViaThatIsNotAJunctionIsRefused() {
        assertThatThrownBy(() -> new Routes(NETWORK).between("QA", "QC", List.of("QAJ")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("via"))
                .hasMessageContaining("not a junction");
    }

    /** A train from {@code from} to {@code to} with no stop, on the timetable's calendar. */
    private static TrainPlan train(String number, String from, String to, LocalTime departure) {
        TrainPlan t1 = plans().get(0);
        return new TrainPlan(
                number,
                t1.operator(),
                t1.trainType(),
                true,
                t1.calendar(),
                from,
                to,
                departure,
                List.of(),
                List.of(),
                true,
                5.0,
                "",
                List.of());
    }

    /** The two trains, from Aldo down the main line and from Cato down the branch, reaching Jura {@code apart}. */
    private static List<Conflict> conflictsOfTwoTrainsReachingTheJunction(Planner planner, Duration apart) {
        LocalTime eight = LocalTime.of(8, 0);
        Duration down = planner.run(train("X1", "QA", "QJ", eight), List.of())
                .times()
                .get(2)
                .arrival();
        Duration up = planner.run(train("Y1", "QC", "QJ", eight), List.of())
                .times()
                .get(2)
                .arrival();
        LocalTime upDeparture =
                eight.plus(down.minus(up).plus(apart)).withSecond(0).withNano(0);
        DayPlan day = planner.day(
                List.of(train("X1", "QA", "QJ", eight), train("Y1", "QC", "QJ", upDeparture)),
                DAY,
                List.of(),
                List.of());
        return day.conflicts();
    }

    @Test
    void twoTrainsFromTwoLinesOnTheJunctionsOneTrackAtOnceConflictThere() {
        Planner planner = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
        assertThat(conflictsOfTwoTrainsReachingTheJunction(planner, Duration.ZERO))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.resource()).isEqualTo("TRACK:QJ:1");
                    assertThat(List.of(c.first(), c.second())).containsExactlyInAnyOrder("X1@" + DAY, "Y1@" + DAY);
                });
        assertThat(conflictsOfTwoTrainsReachingTheJunction(planner, Duration.ofHours(1)))
                .as("an hour apart")
                .isEmpty();
    }

    @Test
    void aLineOfSeveralLinesNamesItsResourcesByLine() {
        Planner planner = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
        assertThat(planner.resources().lines())
                .extracting(l -> l.id())
                .containsExactly(
                        "LINE:LA:QB-QBJ",
                        "LINE:LA:QBJ-QJ",
                        "LINE:LA:QJ-QAJ",
                        "LINE:LA:QAJ-QA",
                        "LINE:LC:QJ-QCJ",
                        "LINE:LC:QCJ-QC");
    }

    /**
     * Seeded random days of trains between the ends and the junction: the sweep keeps exactly the conflicts the
     * brute-force pairwise checker finds among the day's own runs, junction tracks included.
     */
    @Test
    void sweepAndBruteForceAgreeOnRandomDaysOfTheBranchNetwork() {
        long seed = Seeds.seed(BranchNetworkTest.class);
        Random random = new Random(seed);
        Planner planner = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
        String[] stations = {"QA", "QB", "QC", "QJ"};
        String suffix = "@" + DAY;
        int atTheJunction = 0;
        for (int round = 0; round < 60; round++) {
            List<TrainPlan> plans = new ArrayList<>();
            int trains = 2 + random.nextInt(8);
            for (int t = 0; t < trains; t++) {
                String from = stations[random.nextInt(stations.length)];
                String to = stations[random.nextInt(stations.length)];
                if (from.equals(to)) {
                    continue;
                }
                // within four hours, so that trains meet
                plans.add(train("R" + t, from, to, LocalTime.ofSecondOfDay(6 * 3600 + random.nextInt(4 * 3600))));
            }
            DayPlan day = planner.day(plans, DAY, List.of(), List.of());
            List<Conflict> expected = BruteForceConflictChecker.detect(day.occupations()).stream()
                    .filter(c -> c.first().endsWith(suffix) || c.second().endsWith(suffix))
                    .toList();
            assertThat(day.conflicts()).as("seed %d round %d", seed, round).isEqualTo(expected);
            atTheJunction += (int) expected.stream()
                    .filter(c -> c.resource().startsWith("TRACK:QJ:"))
                    .count();
        }
        assertThat(atTheJunction)
                .as("conflicts on the junction's track, over all days")
                .isPositive();
    }
}
