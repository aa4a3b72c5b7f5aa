package org.lancang.operations.meet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.operations.ReferenceDay.DAY;
import static org.lancang.operations.ReferenceDay.GRAPH;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.operations.ActivityKind;
import org.lancang.operations.Cause;
import org.lancang.operations.DayGraph;
import org.lancang.operations.DaySimulator;
import org.lancang.operations.DisruptedDay;
import org.lancang.operations.Disturbance;
import org.lancang.operations.Forecast;
import org.lancang.operations.RunningEvent;
import org.lancang.testing.Seeds;

/**
 * The heuristic on seeded disruptions of single-track trains (seed printed): never worse than first come first served
 * nor than its starts, a schedule the problem allows (checked here leg by leg, not by the heuristic's own decoder),
 * conflict-free on the lines by the planner's detector once played through the forecast, the same answer twice and
 * the same as with every move costed by a full decode of the day. Better than first come first served is a claim on a
 * sample, not an invariant (on a rare draw FCFS is already optimal everywhere: seed 27416292266047), so it is checked
 * on one fixed sample of days.
 */
class MeetHeuristicTest {
    private static final int SCENARIOS = 25;

    @Test
    void neverWorseThanItsStartsFeasibleConflictFreeAndDeterministic() {
        long seed = Seeds.seed(MeetHeuristicTest.class);
        Random random = new Random(seed);
        long heuristicTotal = 0;
        long fcfsTotal = 0;
        int cases = 0;
        while (cases < SCENARIOS) {
            DisruptedDay c = DisruptedDay.draw(GRAPH, random);
            if (c == null) {
                continue;
            }
            cases++;
            MeetProblem p = MeetProblems.of(c.forecast());
            MeetSolution fcfs = FirstComeFirstServed.solve(p);
            MeetSolution now = FirstComeFirstServed.keepingOrder(p);
            MeetSolution h = MeetHeuristic.solve(p, List.of(now, fcfs), MeetHeuristic.BUDGET);
            String what = "seed " + seed + ", " + c.disturbances();
            assertThat(h.objective()).as(what).isLessThanOrEqualTo(fcfs.objective());
            assertThat(h.objective()).as(what).isLessThanOrEqualTo(now.objective());
            assertThat(h.objective()).as(what).isEqualTo(FirstComeFirstServed.objective(p, h.arrivals()));
            assertFeasible(p, h, what);
            Forecast played = MeetReplanner.play(c.forecast(), c.seen(), FirstComeFirstServed.lineOrders(p, h));
            assertThat(MeetReplanner.newLineConflicts(c.forecast(), played))
                    .as(what)
                    .isZero();
            MeetSolution again = MeetHeuristic.solve(p, List.of(now, fcfs), MeetHeuristic.BUDGET);
            MeetSolution full = MeetHeuristic.solve(p, List.of(now, fcfs), MeetHeuristic.BUDGET, false);
            assertThat(h.method()).as(what).isEqualTo(full.method());
            assertThat(h.objective()).as(what).isEqualTo(full.objective());
            for (MeetProblem.TrainTask t : p.trains()) {
                assertThat(h.departures().get(t.run()))
                        .as(what)
                        .isEqualTo(full.departures().get(t.run()));
            }
            assertThat(again.objective()).as(what).isEqualTo(h.objective());
            assertThat(FirstComeFirstServed.lineOrders(p, again))
                    .as(what)
                    .isEqualTo(FirstComeFirstServed.lineOrders(p, h));
            heuristicTotal += h.objective();
            fcfsTotal += fcfs.objective();
        }
        assertThat(heuristicTotal).as("seed %d", seed).isLessThanOrEqualTo(fcfsTotal);
    }

    /** A fixed sample of disrupted days (seed 1, as the operations bench draws them): the heuristic gains somewhere. */
    @Test
    void betterThanFirstComeFirstServedOnAFixedSampleOfDays() {
        Random random = new Random(1);
        long heuristicTotal = 0;
        long fcfsTotal = 0;
        for (int cases = 0; cases < SCENARIOS; ) {
            DisruptedDay c = DisruptedDay.draw(GRAPH, random);
            if (c == null) {
                continue;
            }
            cases++;
            MeetProblem p = MeetProblems.of(c.forecast());
            MeetSolution fcfs = FirstComeFirstServed.solve(p);
            MeetSolution now = FirstComeFirstServed.keepingOrder(p);
            heuristicTotal += MeetHeuristic.solve(p, List.of(now, fcfs), MeetHeuristic.BUDGET)
                    .objective();
            fcfsTotal += fcfs.objective();
        }
        assertThat(heuristicTotal).isLessThan(fcfsTotal);
    }

    /**
     * The day seed 29344758528226 drew: K11 fails after MNG for 40 min, seen up to 12:46:32. The heuristic re-orders
     * other lines and so frees C86 to follow K11 onto KSI–BPD, a line whose order it keeps: C86 then waits only for
     * the plan's order, at the headway in whole seconds, and K11's profile stretched onto its forecast times released
     * the line 0.211 s after it entered. An order that binds keeps a second's margin, the plan's as the dispatcher's.
     */
    @Test
    void aTrainFreedToFollowAnotherOnALineWhoseOrderIsKeptBringsNoConflict() {
        List<Disturbance> failed = List.of(new Disturbance.FailedTrain("K11", "MNG", 40 * 60));
        var cut = DAY.atTime(12, 46, 32).toInstant(ZoneOffset.UTC);
        List<RunningEvent> seen = DaySimulator.simulate(GRAPH, failed).events().stream()
                .filter(e -> !e.at().isAfter(cut))
                .toList();
        Forecast current = Forecast.replay(GRAPH, seen);
        MeetProblem p = MeetProblems.of(current);
        MeetSolution h = MeetHeuristic.solve(
                p, List.of(FirstComeFirstServed.keepingOrder(p), FirstComeFirstServed.solve(p)), MeetHeuristic.BUDGET);
        Forecast played = MeetReplanner.play(current, seen, FirstComeFirstServed.lineOrders(p, h));
        // the case itself: C86 leaves BPD held by nothing but K11 ahead of it on the line
        DayGraph.Run c86 = played.graph().find("C86", DAY).orElseThrow();
        Cause held = played.cause(c86.departure(c86.path().indexOf("BPD")));
        assertThat(held.kind()).isEqualTo(ActivityKind.MEET_ORDER.name());
        assertThat(held.train()).isEqualTo("K11");
        assertThat(MeetReplanner.newLineConflicts(current, played)).isZero();
    }

    @Test
    void decodingTheOrderFirstComeFirstServedGrantedGivesItsTimesBack() {
        long seed = Seeds.seed(MeetHeuristicTest.class);
        Random random = new Random(seed);
        for (int cases = 0; cases < 5; ) {
            DisruptedDay c = DisruptedDay.draw(GRAPH, random);
            if (c == null) {
                continue;
            }
            cases++;
            MeetProblem p = MeetProblems.of(c.forecast());
            MeetSolution fcfs = FirstComeFirstServed.solve(p);
            LegSchedule s = new LegSchedule(p);
            long[] dep = new long[s.legs];
            long[] arr = new long[s.legs];
            assertThat(s.decode(s.orders(fcfs), dep, arr)).isTrue();
            MeetSolution decoded = s.solution("decoded", dep, arr);
            for (MeetProblem.TrainTask t : p.trains()) {
                assertThat(decoded.departures().get(t.run()))
                        .as("seed %d, %s", seed, t.run())
                        .isEqualTo(fcfs.departures().get(t.run()));
            }
        }
    }

    /** Every constraint of the problem, checked on the times themselves. */
    static void assertFeasible(MeetProblem p, MeetSolution s, String what) {
        List<long[]> uses = new ArrayList<>(); // line index, start, end
        List<String> lines = new ArrayList<>();
        for (MeetProblem.TrainTask t : p.trains()) {
            long[] d = s.departures().get(t.run());
            long[] a = s.arrivals().get(t.run());
            for (int k = 0; k < t.legs().size(); k++) {
                MeetProblem.Leg l = t.legs().get(k);
                if (l.fixed()) {
                    assertThat(d[k]).as(what).isEqualTo(l.fixedDeparture());
                    continue;
                }
                assertThat(d[k]).as(what).isGreaterThanOrEqualTo(l.earliestDeparture());
                assertThat(a[k]).as(what).isGreaterThanOrEqualTo(Math.max(d[k] + l.minimumRun(), l.plannedArrival()));
                if (k > 0) {
                    assertThat(d[k])
                            .as(what)
                            .isGreaterThanOrEqualTo(
                                    a[k - 1] + t.legs().get(k - 1).minimumStandAfter());
                }
                if (!lines.contains(l.line())) {
                    lines.add(l.line());
                }
                uses.add(new long[] {lines.indexOf(l.line()), d[k] - l.before(), a[k] + l.after()});
            }
        }
        for (int i = 0; i < uses.size(); i++) {
            for (int j = i + 1; j < uses.size(); j++) {
                long[] x = uses.get(i);
                long[] y = uses.get(j);
                if (x[0] == y[0]) {
                    assertThat(x[2] <= y[1] || y[2] <= x[1])
                            .as("%s: two legs overlap on %s", what, lines.get((int) x[0]))
                            .isTrue();
                }
            }
        }
    }
}
