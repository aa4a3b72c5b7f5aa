package org.lancang.dispatch;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lancang.operations.meet.FirstComeFirstServed;
import org.lancang.operations.meet.MeetProblem;
import org.lancang.operations.meet.MeetSolution;
import org.lancang.operations.meet.MeetSolver;

/**
 * The meet problem as constraint programming (OR-Tools CP-SAT): per train and undecided single-track leg a departure and
 * an arrival variable, the legs of a train in sequence with its stands between them, turns at termini, and the
 * objective weighted delay at destinations. On each line (both directions share it) two legs never overlap: legs
 * still to be decided that lie within {@link #NEAR} of each other in the start solution get a Boolean "which goes
 * first" (a disjunction, as {@code AddNoOverlap} would post, but only where a swap can pay), every other pair keeps its
 * order in the start solution. Legs already entered hold their line until they leave it. A leg over the line across a
 * road–rail bridge never occupies it in the road's window: it leaves by the window's latest or once it is clear (a
 * Boolean per window its range reaches, the disjunction a no-overlap with the window as a fixed interval posts), so
 * the solver weighs holding a train for the road against letting another go first. Started from the start
 * solution, hinted in full (every variable; a feasible start is a feasible hint, as the orders kept are the start's),
 * stopped at the time limit; the gap to the best bound is reported.
 */
public final class CpSatMeetSolver implements MeetSolver {
    /** Legs further apart than this in the start solution keep their order. */
    public static final long NEAR = 3600;

    private static boolean loaded;

    /** Loads the solver's native library once per JVM (it ships inside the ortools jar for Linux x86-64). */
    public static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /**
     * The least effort per re-planning in the solver's own deterministic time (not wall-clock), so that a loaded
     * machine stops it at the same point as a quiet one unless the wall-clock budget runs out first: 0.3 proved
     * optimality in 40 of the 41 costly scenarios of {@code lancang bench ops} (the 100 scenarios' ratio to first come,
     * first served 0.61; 0.62 with 1.0) when given the wall time. A longer wall-clock limit allows
     * {@link #DETERMINISTIC_PER_SECOND} per second of it.
     */
    public static final double DETERMINISTIC_LIMIT = 0.3;

    public static final double DETERMINISTIC_PER_SECOND = 0.5;

    private final int workers;

    /** Only for the tests: every hinted variable fixed to its hint, so that an invalid hint makes the model infeasible. */
    private final boolean fixedToHint;

    public CpSatMeetSolver(int workers) {
        this(workers, false);
    }

    CpSatMeetSolver(int workers, boolean fixedToHint) {
        this.workers = workers;
        this.fixedToHint = fixedToHint;
        load();
    }

    /** A leg on a line: its rank in the current order, whether it is decided here, and where it starts from. */
    private record Use(int rank, boolean decide, LinearExpr start, LinearExpr end, long hintStart, long hintEnd) {}

    /**
     * Whether the kept train's leg {@code o} goes before leg {@code l} leaving at {@code departure} in the start: the
     * start's order, not the plan's rank, so that a start that re-orders lines (first come first served, the
     * heuristic) is a valid full hint. Legs already entered ({@code o.length == 3}) keep the rank, as FCFS does.
     */
    private static boolean before(long[] o, MeetProblem.Leg l, long departure) {
        return o[4] < departure || (o[4] == departure && o[0] < l.rank());
    }

    private static boolean before(long[] o, long[] other) {
        return o[4] < other[4] || (o[4] == other[4] && o[0] < other[0]);
    }

    @Override
    public MeetSolution solve(MeetProblem p, MeetSolution start, Duration limit) {
        long began = System.nanoTime();
        long base = p.earliest() - 3600;
        long horizon = 4L * 24 * 3600;
        CpModel m = new CpModel();
        Map<String, IntVar[]> dep = new HashMap<>();
        Map<String, IntVar[]> arr = new HashMap<>();
        Map<String, List<Use>> byLine = new HashMap<>();
        List<IntVar> delays = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        // line -> {rank, start, end} of legs already entered and of trains kept as they are
        Map<String, List<long[]>> obstacles = new HashMap<>();
        for (MeetProblem.TrainTask t : p.trains()) {
            for (MeetProblem.Leg l : t.legs()) {
                if (l.fixed()) {
                    obstacles.computeIfAbsent(l.line(), x -> new ArrayList<>()).add(new long[] {
                        l.rank(), l.fixedDeparture() - l.before() - base, l.fixedArrival() + l.after() - base
                    });
                }
            }
        }
        List<MeetProblem.TrainTask> moving = new ArrayList<>();
        for (MeetProblem.TrainTask t : p.trains()) {
            if (t.legs().stream().anyMatch(MeetProblem.Leg::decide)) {
                moving.add(t);
                continue;
            }
            long[] hd = start.departures().get(t.run());
            long[] ha = start.arrivals().get(t.run());
            for (int k = 0; k < t.legs().size(); k++) {
                MeetProblem.Leg l = t.legs().get(k);
                if (!l.fixed()) {
                    obstacles.computeIfAbsent(l.line(), x -> new ArrayList<>()).add(new long[] {
                        l.rank(), hd[k] - l.before() - base, ha[k] + l.after() - base, t.weight(), hd[k]
                    });
                }
            }
        }
        for (MeetProblem.TrainTask t : moving) {
            int n = t.legs().size();
            IntVar[] d = new IntVar[n];
            IntVar[] a = new IntVar[n];
            long[] hd = start.departures().get(t.run());
            long[] ha = start.arrivals().get(t.run());
            for (int k = 0; k < n; k++) {
                MeetProblem.Leg l = t.legs().get(k);
                String name = t.run() + "/" + l.line();
                if (l.fixed()) {
                    d[k] = m.newConstant(l.fixedDeparture() - base);
                    a[k] = m.newConstant(l.fixedArrival() - base);
                    continue;
                }
                long earliest = Math.max(0, l.earliestDeparture() - base);
                d[k] = m.newIntVar(earliest, horizon, "dep " + name);
                a[k] = m.newIntVar(
                        Math.max(earliest + l.minimumRun(), l.plannedArrival() - base), horizon, "arr " + name);
                m.addGreaterOrEqual(a[k], LinearExpr.affine(d[k], 1, l.minimumRun()));
                forbidWindows(m, d[k], l, base, earliest, hd[k] - base);
                if (k > 0) {
                    m.addGreaterOrEqual(
                            d[k],
                            LinearExpr.affine(a[k - 1], 1, t.legs().get(k - 1).minimumStandAfter()));
                }
                long busy = Long.MIN_VALUE / 4;
                for (long[] o : obstacles.getOrDefault(l.line(), List.of())) {
                    if (o.length > 3 ? before(o, l, hd[k]) : o[0] < l.rank()) {
                        busy = Math.max(busy, o[2]); // a train kept as it is (or entered), before this one, goes first
                    }
                }
                if (busy > Long.MIN_VALUE / 4) {
                    m.addGreaterOrEqual(d[k], busy + l.before());
                }
                // the first train kept as it is ranked after this leg waits for it if it runs late: count that wait
                long[] following = null;
                for (long[] o : obstacles.getOrDefault(l.line(), List.of())) {
                    if (o.length > 3 && !before(o, l, hd[k]) && (following == null || before(o, following))) {
                        following = o;
                    }
                }
                if (following != null) {
                    IntVar pushed = m.newIntVar(0, horizon, "pushes " + name);
                    m.addGreaterOrEqual(pushed, LinearExpr.affine(a[k], 1, l.after() - following[1]));
                    m.addHint(pushed, Math.max(0, ha[k] + l.after() - base - following[1]));
                    delays.add(pushed);
                    weights.add(following[3]);
                }
                m.addHint(d[k], hd[k] - base);
                m.addHint(a[k], ha[k] - base);
                byLine.computeIfAbsent(l.line(), x -> new ArrayList<>())
                        .add(new Use(
                                l.rank(),
                                l.decide(),
                                LinearExpr.affine(d[k], 1, -l.before()),
                                LinearExpr.affine(a[k], 1, l.after()),
                                hd[k] - l.before(),
                                ha[k] + l.after()));
            }
            dep.put(t.run(), d);
            arr.put(t.run(), a);
            if (n > 0) {
                IntVar delay = m.newIntVar(0, horizon, "delay " + t.run());
                m.addGreaterOrEqual(
                        delay, LinearExpr.affine(a[n - 1], 1, base + t.toDestination() - t.plannedDestination()));
                delays.add(delay);
                weights.add(t.weight());
                m.addHint(delay, Math.max(0, ha[n - 1] + t.toDestination() - t.plannedDestination()));
            }
        }
        for (MeetProblem.Turn turn : p.turns()) {
            IntVar[] prev = arr.get(turn.previous());
            IntVar[] next = dep.get(turn.next());
            if (prev != null && next != null && prev.length > 0 && next.length > 0) {
                m.addGreaterOrEqual(next[0], LinearExpr.affine(prev[prev.length - 1], 1, turn.minimum()));
            }
        }
        byLine.values().forEach(uses -> separate(m, uses));
        m.minimize(LinearExpr.weightedSum(
                delays.toArray(new IntVar[0]),
                weights.stream().mapToLong(Long::longValue).toArray()));
        CpSolver solver = new CpSolver();
        // the wall-clock limit is the caller's budget; the deterministic limit the effort
        // the limit covers the whole call: the model built above has taken some of it already
        long left = limit.toNanos() - (System.nanoTime() - began);
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.01, left / 1e9));
        solver.getParameters()
                .setMaxDeterministicTime(Math.max(
                        DETERMINISTIC_LIMIT, Math.floor(DETERMINISTIC_PER_SECOND * limit.toMillis() / 100.0) / 10.0));
        solver.getParameters().setNumWorkers(workers);
        solver.getParameters().setRandomSeed(1);
        solver.getParameters().setFixVariablesToTheirHintedValue(fixedToHint);
        // measured on the 100 scenarios of `lancang bench ops` at 600 ms: probing in presolve (up to 0.9 s on a
        // day's problem), symmetry detection and repeated presolve passes take the time the search needs; without
        // them the ratio to FCFS went from 0.76 to 0.67 at the same limit
        solver.getParameters().setCpModelProbingLevel(0);
        solver.getParameters().setSymmetryLevel(0);
        solver.getParameters().setMaxPresolveIterations(1);
        CpSolverStatus status = solver.solve(m);
        long millis = (System.nanoTime() - began) / 1_000_000;
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new MeetSolution(
                    "CP-SAT (" + status + "): the start kept",
                    start.departures(),
                    start.arrivals(),
                    start.objective(),
                    0,
                    status.name(),
                    millis);
        }
        Map<String, long[]> departures = new HashMap<>();
        Map<String, long[]> arrivals = new HashMap<>();
        for (MeetProblem.TrainTask t : p.trains()) {
            int n = t.legs().size();
            long[] d = start.departures().get(t.run()).clone();
            long[] a = start.arrivals().get(t.run()).clone();
            if (dep.containsKey(t.run())) {
                for (int k = 0; k < n; k++) {
                    d[k] = solver.value(dep.get(t.run())[k]) + base;
                    a[k] = solver.value(arr.get(t.run())[k]) + base;
                }
            }
            departures.put(t.run(), d);
            arrivals.put(t.run(), a);
        }
        // the problem's objective (delay at destinations); the solver's own also counts the waits of the trains kept
        // as they are, so its proven gap is carried over as a share
        long objective = FirstComeFirstServed.objective(p, arrivals);
        if (objective > start.objective()) {
            // stopped by its limit before it beat the start (the hint is only partly valid, so a hurried search may
            // end elsewhere): a re-planning never does worse than where it started
            return new MeetSolution(
                    "CP-SAT (" + status + ", worse than its start): the start kept",
                    start.departures(),
                    start.arrivals(),
                    start.objective(),
                    0,
                    status.name(),
                    millis);
        }
        double value = solver.objectiveValue();
        double provenGap = value <= 0 ? 0 : Math.max(0, (value - solver.bestObjectiveBound()) / value);
        return new MeetSolution(
                "CP-SAT",
                departures,
                arrivals,
                objective,
                Math.round(objective * (1 - provenGap)),
                status.name(),
                millis);
    }

    /**
     * The road's windows on a shared bridge: leg {@code l} leaves by a window's latest departure or once the window is
     * clear, never between. A window wholly after the leg's earliest departure is a choice (a Boolean, hinted as the
     * start has it); one that binds from its earliest on only raises its lower bound.
     */
    private static void forbidWindows(CpModel m, IntVar d, MeetProblem.Leg l, long base, long earliest, long hint) {
        for (MeetProblem.Window w : l.windows()) {
            long latest = w.latest() - base;
            long clear = w.clear() - base;
            if (clear <= latest + 1) {
                continue; // no whole second forbidden
            }
            if (latest < earliest) {
                m.addGreaterOrEqual(d, clear);
                continue;
            }
            BoolVar ahead = m.newBoolVar("ahead of " + w.name());
            m.addLessOrEqual(d, latest).onlyEnforceIf(ahead);
            m.addGreaterOrEqual(d, clear).onlyEnforceIf(ahead.not());
            m.addHint(ahead, hint <= latest ? 1 : 0);
        }
    }

    /**
     * No two moving legs of one line overlap: pairs of decided legs near each other choose their order, every other
     * leg follows the one before it in the start. (Far pairs are left to that chain: a proposal's orders are played through
     * the forecast graph, which keeps every line's order, so its cost is exact whatever the solver assumed.)
     */
    private static void separate(CpModel m, List<Use> uses) {
        List<Use> sorted = new ArrayList<>(uses);
        // in the start's order: its legs do not overlap, so each pair chained here holds in the hint
        sorted.sort(Comparator.comparingLong(Use::hintStart).thenComparingInt(Use::rank));
        for (int i = 0; i < sorted.size(); i++) {
            Use x = sorted.get(i);
            for (int j = i + 1; j < sorted.size(); j++) {
                Use y = sorted.get(j);
                boolean near = x.decide()
                        && y.decide()
                        && y.hintStart() - x.hintEnd() < NEAR
                        && x.hintStart() - y.hintEnd() < NEAR;
                if (near) {
                    BoolVar xFirst = m.newBoolVar("first");
                    m.addGreaterOrEqual(y.start(), x.end()).onlyEnforceIf(xFirst);
                    m.addGreaterOrEqual(x.start(), y.end()).onlyEnforceIf(xFirst.not());
                    m.addHint(xFirst, x.hintStart() <= y.hintStart() ? 1 : 0);
                } else if (j == i + 1) {
                    m.addGreaterOrEqual(y.start(), x.end());
                } else {
                    break;
                }
            }
        }
    }
}
