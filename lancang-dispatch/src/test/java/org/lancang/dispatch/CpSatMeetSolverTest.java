package org.lancang.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.operations.DayGraph;
import org.lancang.operations.DaySimulator;
import org.lancang.operations.DispatchRules;
import org.lancang.operations.Disturbance;
import org.lancang.operations.EventBatch;
import org.lancang.operations.EventKind;
import org.lancang.operations.Forecast;
import org.lancang.operations.LineOrders;
import org.lancang.operations.RunningEvent;
import org.lancang.operations.TrainPriority;
import org.lancang.operations.meet.FirstComeFirstServed;
import org.lancang.operations.meet.MeetHeuristic;
import org.lancang.operations.meet.MeetReplanner;
import org.lancang.operations.meet.MeetSolution;
import org.lancang.operations.meet.Proposal;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.Seeds;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Planner;
import org.lancang.timetable.TimetableFile;

/**
 * CP-SAT on the reference day: no proposal on a clean day; a late international train's planned meets are already
 * the cheapest; a late freight train ahead of it gets the meets re-ordered; never worse than its start.
 */
class CpSatMeetSolverTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    static final DataFiles FILES = name -> {
        try {
            return Files.readString(Path.of("..", "data", "china-laos", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final Planner PLANNER = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());
    static final DayGraph GRAPH = DayGraph.build(
            PLANNER,
            PLANNER.day(TimetableFile.parse("timetable.csv", FILES.read("timetable.csv")), DAY, List.of(), List.of()),
            List.of(),
            DispatchRules.parse(FILES.read(DispatchRules.FILE)),
            LineOrders.PLAN);
    final CpSatMeetSolver solver = new CpSatMeetSolver(2);
    final CpSatMeetSolver hinted = new CpSatMeetSolver(1, true);

    static DayGraph.Run international() {
        return GRAPH.runs().stream()
                .filter(r -> r.serviceDate().equals(DAY)
                        && r.plan().passenger()
                        && r.path().rising(0))
                .filter(r ->
                        r.path().origin().country() != r.path().destination().country())
                .min(Comparator.comparing(r -> r.scheduled().departure()))
                .orElseThrow();
    }

    static RunningEvent lateStart(DayGraph.Run r, long seconds) {
        return new RunningEvent(
                r.train(),
                r.serviceDate(),
                r.path().origin().code(),
                EventKind.DEPARTURE,
                Instant.ofEpochSecond(GRAPH.planned(r.departure(0)) + seconds),
                "test");
    }

    static Forecast forecast(List<RunningEvent> events) {
        Forecast f = new Forecast(GRAPH);
        EventBatch batch = new EventBatch();
        f.apply(events.stream().map(e -> f.check(e, null, "", batch).event()).toList());
        return f;
    }

    @Test
    void aCleanDayNeedsNoProposal() {
        MeetReplanner.Outcome o = MeetReplanner.replan(new Forecast(GRAPH), List.of(), solver, Duration.ofSeconds(2));
        assertThat(o.currentCost()).isZero();
        assertThat(o.proposal()).isEmpty();
        assertThat(o.solved().objective()).isZero();
    }

    @Test
    void aLateInternationalTrainGetsMeetsReorderedCheaperThanThePlansOrderAndFirstComeFirstServed() {
        RunningEvent late = lateStart(international(), 25 * 60);
        Forecast f = forecast(List.of(late));
        MeetReplanner.Outcome o = MeetReplanner.replan(f, List.of(late), solver, Duration.ofSeconds(20));
        assertThat(o.currentCost()).isPositive();
        assertThat(o.fcfsCost()).isGreaterThan(o.currentCost());
        assertThat(o.solved().status()).isEqualTo("OPTIMAL");
        // the solver's objective is what its arrivals cost, and never more than keeping the plan's order
        assertThat(o.solved().objective())
                .isEqualTo(
                        FirstComeFirstServed.objective(o.problem(), o.solved().arrivals()));
        assertThat(o.solved().objective())
                .isLessThanOrEqualTo(
                        FirstComeFirstServed.keepingOrder(o.problem()).objective());
        // played in full, a proposal exists exactly when it saves the rules' least improvement, and beats FCFS
        boolean worthIt = o.proposedCost() <= o.currentCost() - GRAPH.rules().meetImprovementSeconds();
        assertThat(o.proposal().isPresent()).isEqualTo(worthIt);
        o.proposal().ifPresent(p -> {
            assertThat(p.proposedCost()).isLessThan(p.fcfsCost()).isLessThan(p.currentCost());
            assertThat(p.conflicts()).isZero();
        });
    }

    @Test
    void aLateFreightTrainAheadOfTheInternationalTrainHasTheMeetsReordered() {
        DayGraph.Run intl = international();
        MeetReplanner.replan(
                forecast(List.of(lateStart(intl, 25 * 60))),
                List.of(lateStart(intl, 25 * 60)),
                solver,
                Duration.ofMillis(700));
        Optional<Proposal> found = Optional.empty();
        for (String previous : GRAPH.predecessorsOnLines(intl.owner()).values()) {
            DayGraph.Run freight = GRAPH.run(previous).orElseThrow();
            if (freight.priority() == TrainPriority.PASSENGER
                    || !freight.serviceDate().equals(DAY)) {
                continue;
            }
            List<RunningEvent> events = List.of(lateStart(intl, 25 * 60), lateStart(freight, 40 * 60));
            Forecast f = forecast(events);
            MeetReplanner.Outcome o = MeetReplanner.replan(f, events, solver, Duration.ofSeconds(10));
            System.out.printf(
                    "%s late: current %d fcfs %d proposed %d solver %s %d bound %d in %d ms, decided %d%n",
                    freight.owner(),
                    o.currentCost(),
                    o.fcfsCost(),
                    o.proposedCost(),
                    o.solved().status(),
                    o.solved().objective(),
                    o.solved().bound(),
                    o.solved().millis(),
                    o.problem().trains().stream()
                            .flatMap(t -> t.legs().stream())
                            .filter(l -> l.decide())
                            .count());
            if (o.proposal().isPresent()) {
                Proposal p = o.proposal().get();
                assertThat(p.proposedCost()).isLessThan(p.currentCost()).isLessThan(p.fcfsCost());
                assertThat(p.conflicts()).isZero();
                assertThat(p.lineChanges()).isNotEmpty();
                assertThat(p.holds()).isNotEmpty();
                // applied, the forecast follows it
                Forecast applied = Forecast.replay(GRAPH.withOrders(p.orders()), events);
                assertThat(applied.weightedDelay(GRAPH.rules())).isEqualTo(p.proposedCost());
                found = o.proposal();
                break;
            }
        }
        assertThat(found)
                .as("a proposal for some late freight train ahead of %s", intl.train())
                .isPresent();
    }

    @Test
    void onSeededDisruptionsTheSolverNeverDoesWorseThanItsStart() {
        long seed = Seeds.seed(CpSatMeetSolverTest.class);
        Random random = new Random(seed);
        for (int s = 0; s < 10; s++) {
            List<Disturbance> ds = Disturbance.random(random, GRAPH);
            DaySimulator.Reality reality = DaySimulator.simulate(GRAPH, ds);
            Instant cut = GRAPH.plannedInstant(international().departure(0)).plusSeconds(3600L * random.nextInt(10));
            List<RunningEvent> seen = new ArrayList<>();
            for (RunningEvent e : reality.events()) {
                if (!e.at().isAfter(cut)) {
                    seen.add(e);
                }
            }
            Forecast f = forecast(seen);
            int scenario = s;
            MeetReplanner.Outcome o = MeetReplanner.replan(f, seen, solver, Duration.ofSeconds(2));
            MeetSolution keep = FirstComeFirstServed.keepingOrder(o.problem());
            MeetSolution start = keep.objective() <= o.fcfs().objective() ? keep : o.fcfs();
            MeetSolution cp = o.solved();
            assertThat(cp.objective()).as("scenario %d %s", s, ds).isLessThanOrEqualTo(start.objective());
            // a feasible start is a valid full hint: with every variable fixed to it, the model is still feasible
            MeetSolution heuristic = MeetHeuristic.solve(o.problem(), List.of(keep, o.fcfs()), MeetHeuristic.BUDGET);
            for (MeetSolution hint : List.of(heuristic, o.fcfs())) {
                MeetSolution fixed = hinted.solve(o.problem(), hint, Duration.ofSeconds(5));
                assertThat(fixed.status())
                        .as("scenario %d %s, %s", s, ds, hint.method())
                        .isIn("OPTIMAL", "FEASIBLE");
                assertThat(fixed.objective()).as("scenario %d", s).isEqualTo(hint.objective());
            }
            assertThat(cp.bound()).isLessThanOrEqualTo(cp.objective());
            // whatever it proposes brings no conflict the planner's own detector would find, and saves what the rules
            // ask
            o.proposal().ifPresent(p -> {
                assertThat(MeetReplanner.newLineConflicts(f, o.proposed()))
                        .as("scenario %d %s", scenario, ds)
                        .isZero();
                assertThat(p.conflicts()).isLessThanOrEqualTo(MeetReplanner.lineConflicts(f));
                assertThat(p.proposedCost())
                        .isLessThanOrEqualTo(p.currentCost() - GRAPH.rules().meetImprovementSeconds());
            });
        }
    }
}
