package org.lancang.operations.meet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.lancang.operations.ActivityKind;
import org.lancang.operations.Cause;
import org.lancang.operations.ConflictForecast;
import org.lancang.operations.DayGraph;
import org.lancang.operations.Forecast;
import org.lancang.operations.LineOrders;
import org.lancang.operations.RunningEvent;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.conflict.ConflictDetector;
import org.lancang.timetable.conflict.Occupation;

/**
 * Re-plans the meets of a forecast: the problem read off it, first come first served as the baseline, the
 * {@link MeetHeuristic} started from it and from the current order, the solver started from the heuristic, and each
 * order played through the forecast graph (so every cost is counted the same way, the forecast's): the cheapest that
 * brings no line conflict is proposed, if it saves at least the rules' least improvement against the forecast as it
 * stands.
 */
public final class MeetReplanner {
    /** Everything a re-planning found, proposal or not. */
    public record Outcome(
            MeetProblem problem,
            MeetSolution fcfs,
            MeetSolution solved,
            long currentCost,
            long fcfsCost,
            long proposedCost,
            Forecast proposed,
            Optional<Proposal> proposal) {}

    private MeetReplanner() {}

    /** The whole day re-planned. */
    public static Outcome replan(Forecast current, List<RunningEvent> events, MeetSolver solver, Duration limit) {
        return replan(current, events, solver, limit, Long.MAX_VALUE);
    }

    /**
     * Share of the budget kept for what comes before the solve (the problem read off the forecast, FCFS) and after it
     * (both orders played through the forecast and checked for conflicts): 20–150 ms together on the reference day.
     * The core reads no clock, so the share is fixed rather than measured.
     */
    static final double AROUND_SOLVE_SHARE = 0.25;

    /**
     * Legs leaving before {@code until} (epoch seconds) re-planned; the order of later ones kept. {@code limit} is the
     * wall-clock budget of the whole re-planning: the solver gets three quarters of it, the rest is kept for the steps
     * around it.
     */
    public static Outcome replan(
            Forecast current, List<RunningEvent> events, MeetSolver solver, Duration limit, long until) {
        return replan(current, events, solver, limit, until, f -> 0);
    }

    /**
     * As above, on a network whose shared road–rail bridges limit the road's closed time: {@code roadLimitBreaches}
     * counts the limits a forecast passes (the day's closed time, one crossing's). The road's windows themselves are
     * the forecast's to keep (a train waits before the bridge, {@link org.lancang.operations.RoadWindow}); a new order
     * can still close the road longer in all, by spreading crossings that overlapped, so an order that passes more
     * limits than the forecast as it stands is not proposed, as one that brings a line conflict is not.
     */
    public static Outcome replan(
            Forecast current,
            List<RunningEvent> events,
            MeetSolver solver,
            Duration limit,
            long until,
            ToIntFunction<Forecast> roadLimitBreaches) {
        DayGraph g = current.graph();
        MeetProblem problem = MeetProblems.of(current, Long.MIN_VALUE, until);
        MeetSolution fcfs = FirstComeFirstServed.solve(problem);
        MeetSolution now = FirstComeFirstServed.keepingOrder(problem);
        MeetSolution heuristic = MeetHeuristic.solve(problem, List.of(now, fcfs), MeetHeuristic.BUDGET);
        Duration forSolver = Duration.ofMillis(Math.round(limit.toMillis() * (1 - AROUND_SOLVE_SHARE)));
        MeetSolution solved = solver.solve(problem, heuristic, forSolver);
        long currentCost = current.weightedDelay(g.rules());
        // each order played through the forecast and judged there: the problem is the forecast in short, so an order
        // cheaper in the problem's terms may cost more played in full
        Map<String, List<String>> heuristicOrders = FirstComeFirstServed.lineOrders(problem, heuristic);
        Map<String, List<String>> solvedOrders = FirstComeFirstServed.lineOrders(problem, solved);
        Forecast fcfsForecast = play(current, events, FirstComeFirstServed.lineOrders(problem, fcfs));
        long fcfsCost = fcfsForecast.weightedDelay(g.rules());
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(candidate(
                current, events, solvedOrders.equals(heuristicOrders) ? "HEURISTIC" : "CP-SAT", solvedOrders));
        if (!solvedOrders.equals(heuristicOrders)) {
            candidates.add(candidate(current, events, "HEURISTIC", heuristicOrders));
        }
        candidates.add(new Candidate(
                "FCFS", changed(g, FirstComeFirstServed.lineOrders(problem, fcfs)), fcfsForecast, fcfsCost));
        candidates.sort(Comparator.comparingLong(Candidate::cost)); // stable: the solver's first at equal cost
        // each forecast's line conflicts computed once (the detector over the whole day is the costliest step here)
        Map<Forecast, Set<String>> conflicts = new IdentityHashMap<>();
        Function<Forecast, Set<String>> keys = f -> conflicts.computeIfAbsent(f, MeetReplanner::lineConflictKeys);
        Candidate chosen = new Candidate("none", new LineOrders(Map.of()), current, currentCost);
        int breachesNow = roadLimitBreaches.applyAsInt(current);
        for (Candidate c : candidates) {
            if (newLineConflicts(keys, current, c.forecast()) == 0
                    && roadLimitBreaches.applyAsInt(c.forecast()) <= breachesNow) {
                chosen = c; // a proposal brings no conflict the model did not see, nor closes the road over a limit
                break;
            }
        }
        LineOrders orders = chosen.orders();
        Forecast proposed = chosen.forecast();
        long proposedCost = chosen.cost();
        String ordersFrom = chosen.from();
        Optional<Proposal> proposal = Optional.empty();
        if (!orders.byLine().isEmpty()
                && proposedCost <= currentCost - g.rules().meetImprovementSeconds()) {
            proposal = Optional.of(new Proposal(
                    g.date(),
                    current.version(),
                    currentCost,
                    fcfsCost,
                    proposedCost,
                    ordersFrom,
                    solved.status(),
                    solved.objective(),
                    solved.bound(),
                    solved.gap(),
                    solved.millis(),
                    lineChanges(g, orders),
                    holds(proposed),
                    delays(current, proposed),
                    keys.apply(proposed).size(),
                    orders));
        }
        return new Outcome(problem, fcfs, solved, currentCost, fcfsCost, proposedCost, proposed, proposal);
    }

    /** An order of the lines played through the forecast. */
    private record Candidate(String from, LineOrders orders, Forecast forecast, long cost) {}

    private static Candidate candidate(
            Forecast current, List<RunningEvent> events, String from, Map<String, List<String>> lineOrders) {
        Forecast f = play(current, events, lineOrders);
        return new Candidate(
                from,
                changed(current.graph(), lineOrders),
                f,
                f.weightedDelay(current.graph().rules()));
    }

    /** The forecast with these line orders instead of the current ones, from the same events. */
    public static Forecast play(Forecast current, List<RunningEvent> events, Map<String, List<String>> orders) {
        DayGraph g = current.graph();
        LineOrders changed = changed(g, orders);
        if (changed.byLine().isEmpty()) {
            return current;
        }
        return Forecast.replay(g.withOrders(changed), events);
    }

    /** Only the lines whose order differs from the graph's. */
    private static LineOrders changed(DayGraph g, Map<String, List<String>> orders) {
        Map<String, List<String>> out = new HashMap<>();
        orders.forEach((line, order) -> {
            List<String> now = g.lineOrders().get(line);
            List<String> kept =
                    now == null ? order : now.stream().filter(order::contains).toList();
            if (!order.equals(kept)) {
                out.put(line, order);
            }
        });
        return new LineOrders(out);
    }

    private static List<Proposal.LineChange> lineChanges(DayGraph g, LineOrders orders) {
        List<Proposal.LineChange> out = new ArrayList<>();
        orders.byLine().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(new Proposal.LineChange(
                        e.getKey(), g.lineOrders().getOrDefault(e.getKey(), List.of()), e.getValue())));
        return out;
    }

    /**
     * Where a train not yet gone waits: for another at a meet (the departure a meet order holds back), or before a
     * shared bridge until the road's window on it ends ({@code waitsFor} names the bridge and the window).
     */
    static List<Proposal.Hold> holds(Forecast f) {
        DayGraph g = f.graph();
        List<Proposal.Hold> out = new ArrayList<>();
        for (DayGraph.Run r : g.runs()) {
            for (int i = 0; i < r.lastPoint(); i++) {
                int dep = r.departure(i);
                if (f.isActual(dep)) {
                    continue;
                }
                Cause c = f.cause(dep);
                String waitsFor = c.kind().equals(ActivityKind.MEET_ORDER.name())
                        ? c.train()
                        : f.roadWindow(dep).map(w -> ROAD_WINDOW + w.name()).orElse(null);
                if (waitsFor != null) {
                    out.add(new Proposal.Hold(
                            r.train(),
                            r.serviceDate(),
                            r.path().points().get(i).code(),
                            Instant.ofEpochSecond(f.time(dep)),
                            waitsFor));
                }
            }
        }
        return out;
    }

    /** How a hold for the road's window names what it waits for: the bridge and the window follow. */
    public static final String ROAD_WINDOW = "the road's window on ";

    private static List<Proposal.TrainDelay> delays(Forecast now, Forecast proposed) {
        List<Proposal.TrainDelay> out = new ArrayList<>();
        DayGraph g = now.graph();
        for (DayGraph.Run r : g.runs()) {
            int dest = r.lastNode();
            long a = now.time(dest) - g.planned(dest);
            DayGraph.Run p = proposed.graph().run(r.owner()).orElseThrow();
            long b = proposed.time(p.lastNode()) - g.planned(dest);
            if (a != 0 || b != 0) {
                out.add(new Proposal.TrainDelay(r.train(), r.serviceDate(), a, b));
            }
        }
        return out;
    }

    /** Conflicts on single-track lines at the forecast's times, over the whole day and its neighbours. */
    public static int lineConflicts(Forecast f) {
        return lineConflictKeys(f).size();
    }

    /**
     * Line conflicts of {@code after} that {@code before} does not have (same line, same two runs). The forecast runs
     * in whole seconds and blocking times in milliseconds, so a disturbed forecast can show sub-second overlaps that
     * no order removes; a proposal is judged by the conflicts it brings.
     */
    public static int newLineConflicts(Forecast before, Forecast after) {
        return newLineConflicts(MeetReplanner::lineConflictKeys, before, after);
    }

    private static int newLineConflicts(Function<Forecast, Set<String>> keys, Forecast before, Forecast after) {
        if (before == after) {
            return 0;
        }
        Set<String> had = keys.apply(before);
        return (int) keys.apply(after).stream().filter(k -> !had.contains(k)).count();
    }

    /**
     * The conflicts on single-track lines: only the runs that use one are laid on the line (the others cannot meet on
     * it), and only their line occupations go through the detector, which judges each resource on its own; the same
     * answer as the whole conflict forecast filtered to lines, for a fraction of its work.
     */
    private static Set<String> lineConflictKeys(Forecast f) {
        DayGraph g = f.graph();
        Set<String> onLines = new HashSet<>();
        g.lineOrders().values().forEach(onLines::addAll);
        List<ScheduledRun> runs = new ArrayList<>();
        for (DayGraph.Run r : g.runs()) {
            if (onLines.contains(r.owner())) {
                runs.add(ConflictForecast.asForecast(f, r));
            }
        }
        List<Occupation> lines = g.planner().occupations(runs, List.of()).stream()
                .filter(o -> o.resource().startsWith(LINE))
                .toList();
        Set<String> keys = new HashSet<>();
        ConflictDetector.detect(lines).forEach(c -> keys.add(c.resource() + "|" + c.first() + "|" + c.second()));
        return keys;
    }

    private static final String LINE = "LINE:";
}
