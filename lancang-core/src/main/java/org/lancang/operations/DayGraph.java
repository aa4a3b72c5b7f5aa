package org.lancang.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.lancang.network.PointKind;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.LinePath;
import org.lancang.timetable.Planner;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.Resources;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.TrainRun;
import org.lancang.timetable.conflict.Occupation;

/**
 * A day of the timetable as an event–activity graph (Goverde 2010): every run of the day (and of the days either side,
 * whose trains meet it) has an arrival and a departure event at every point of its path; activities join them with a
 * minimum duration: running (the minimum running time from the physics plus the share of the plan's allowance a late
 * train cannot make up, per the dispatching rules), dwell (the commercial dwell; nothing where it only waits for a meet), the border handover, the order of
 * trains on each single-track line (a meet or a following move: the second enters once the first has cleared it) and
 * the turn of a set at a terminus. Immutable; {@link Forecast} holds the times.
 *
 * <p>Node ids: run {@code r}'s point {@code i} has arrival {@code r.firstNode + 2i} and departure
 * {@code r.firstNode + 2i + 1}; the origin's arrival and the destination's departure are kept (equal to their
 * neighbour) so every run has the same shape.
 */
public final class DayGraph {
    /** One run in the graph. */
    public record Run(
            int index,
            String owner,
            ScheduledRun scheduled,
            TrainPriority priority,
            int firstNode,
            int points,
            List<SpeedRestriction> restrictions) {
        public String train() {
            return scheduled.plan().number();
        }

        public LocalDate serviceDate() {
            return scheduled.serviceDate();
        }

        public TrainPlan plan() {
            return scheduled.plan();
        }

        public LinePath path() {
            return scheduled.run().path();
        }

        public int arrival(int point) {
            return firstNode + 2 * point;
        }

        public int departure(int point) {
            return firstNode + 2 * point + 1;
        }

        public int lastPoint() {
            return points - 1;
        }

        /** The node of the destination's arrival. */
        public int lastNode() {
            return arrival(points - 1);
        }
    }

    private final LocalDate date;
    private final Planner planner;
    private final List<Run> runs;
    private final Map<String, Run> byOwner = new HashMap<>();
    private final Map<String, Run> byTrain = new HashMap<>();
    private final Set<String> trains = new HashSet<>();
    private final long[] planned;
    private final int[] nodeRun;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final long[] edgeMin;
    private final ActivityKind[] edgeKind;
    private final int[] inStart;
    private final int[] inEdges;
    private final int[] outStart;
    private final int[] outEdges;
    private final int[] topo;
    private final int[] topoPos;
    private final Map<String, List<String>> lineOrders;
    private final Map<String, Resources.Line> lines = new HashMap<>();
    private final Map<String, long[]> lineHold;
    private final DayPlan day;
    private final List<SpeedRestriction> restrictions;
    private final DispatchRules rules;
    private final LineOrders overrides;
    private final Base base;

    /**
     * What does not depend on the line orders: the runs' own activities, each line's runs in the plan's order, and the
     * turns. Kept so that the same day with other orders rebuilds only the order arcs (a re-planning plays several).
     */
    private record Base(
            List<long[]> edges,
            List<ActivityKind> kinds,
            Map<String, List<String>> planSequences,
            List<long[]> turnEdges,
            List<ActivityKind> turnKinds,
            Map<Integer, List<RoadWindow>> roadWindows) {}

    private DayGraph(
            Base base,
            DayPlan day,
            List<SpeedRestriction> restrictions,
            DispatchRules rules,
            LineOrders overrides,
            Planner planner,
            List<Run> runs,
            long[] planned,
            List<long[]> edges,
            List<ActivityKind> kinds,
            Map<String, List<String>> lineOrders,
            Map<String, long[]> lineHold) {
        this.base = base;
        this.date = day.date();
        this.day = day;
        this.restrictions = List.copyOf(restrictions);
        this.rules = rules;
        this.overrides = overrides;
        this.lineHold = Map.copyOf(lineHold);
        this.planner = planner;
        this.runs = List.copyOf(runs);
        runs.forEach(r -> {
            byOwner.put(r.owner(), r);
            byTrain.put(r.train().toUpperCase(Locale.ROOT) + "@" + r.serviceDate(), r);
            trains.add(r.train().toUpperCase(Locale.ROOT));
        });
        this.planned = planned;
        int n = planned.length;
        nodeRun = new int[n];
        for (Run r : runs) {
            for (int k = 0; k < 2 * r.points(); k++) {
                nodeRun[r.firstNode() + k] = r.index();
            }
        }
        int m = edges.size();
        edgeFrom = new int[m];
        edgeTo = new int[m];
        edgeMin = new long[m];
        edgeKind = kinds.toArray(new ActivityKind[0]);
        for (int e = 0; e < m; e++) {
            edgeFrom[e] = (int) edges.get(e)[0];
            edgeTo[e] = (int) edges.get(e)[1];
            edgeMin[e] = edges.get(e)[2];
        }
        inStart = new int[n + 1];
        outStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            inStart[edgeTo[e] + 1]++;
            outStart[edgeFrom[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            inStart[i + 1] += inStart[i];
            outStart[i + 1] += outStart[i];
        }
        inEdges = new int[m];
        outEdges = new int[m];
        int[] inFill = inStart.clone();
        int[] outFill = outStart.clone();
        for (int e = 0; e < m; e++) {
            inEdges[inFill[edgeTo[e]]++] = e;
            outEdges[outFill[edgeFrom[e]]++] = e;
        }
        topo = new int[n];
        topoPos = new int[n];
        sortTopologically();
        this.lineOrders = Map.copyOf(lineOrders);
        planner.resources().lines().forEach(l -> lines.put(l.id(), l));
    }

    /** Kahn's algorithm, earliest planned event first: the order in which a forecast is computed. */
    private void sortTopologically() {
        int n = planned.length;
        int[] indegree = new int[n];
        for (int e = 0; e < edgeTo.length; e++) {
            indegree[edgeTo[e]]++;
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(
                Comparator.<Integer>comparingLong(i -> planned[i]).thenComparingInt(i -> i));
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        int k = 0;
        while (!ready.isEmpty()) {
            int v = ready.poll();
            topoPos[v] = k;
            topo[k++] = v;
            for (int j = outStart[v]; j < outStart[v + 1]; j++) {
                int w = edgeTo[outEdges[j]];
                if (--indegree[w] == 0) {
                    ready.add(w);
                }
            }
        }
        if (k != n) {
            throw new IllegalArgumentException(
                    "the train orders contradict each other: a train would wait for itself (" + cycle(indegree) + ")");
        }
    }

    /** A cycle among the nodes left with incoming arcs, described for the error message. */
    private String cycle(int[] indegree) {
        int v = 0;
        while (indegree[v] == 0) {
            v++;
        }
        LinkedHashMap<Integer, Integer> seen = new LinkedHashMap<>();
        while (!seen.containsKey(v)) {
            seen.put(v, seen.size());
            int back = -1;
            for (int k = inStart[v]; k < inStart[v + 1] && back < 0; k++) {
                int u = edgeFrom[inEdges[k]];
                if (indegree[u] > 0) {
                    back = u;
                }
            }
            v = back;
        }
        StringBuilder sb = new StringBuilder();
        int start = seen.get(v);
        seen.keySet().stream().skip(start).forEach(x -> sb.append(describe(x)).append(" <- "));
        return sb.toString();
    }

    private String describe(int node) {
        Run r = runOf(node);
        return r.owner()
                + (isArrival(node) ? " arr " : " dep ")
                + r.path().points().get(pointOf(node)).code();
    }

    /** The day's graph: its runs (and the neighbouring days'), activities from the plan, lines in the given orders. */
    public static DayGraph build(
            Planner planner,
            DayPlan day,
            List<SpeedRestriction> restrictions,
            DispatchRules rules,
            LineOrders overrides) {
        List<Run> runs = new ArrayList<>();
        int next = 0;
        for (ScheduledRun s : day.runs()) {
            int points = s.run().path().points().size();
            runs.add(new Run(
                    runs.size(),
                    s.owner(),
                    s,
                    TrainPriority.of(s.plan(), planner.network()),
                    next,
                    points,
                    planner.applying(s.plan(), s.serviceDate(), restrictions)));
            next += 2 * points;
        }
        long[] planned = new long[next];
        List<long[]> edges = new ArrayList<>();
        List<ActivityKind> kinds = new ArrayList<>();
        for (Run r : runs) {
            TrainRun run = r.scheduled().run();
            long start = r.scheduled().departure().getEpochSecond();
            for (int i = 0; i < r.points(); i++) {
                PointTime t = run.times().get(i);
                planned[r.arrival(i)] = start + wholeSeconds(t.arrival());
                planned[r.departure(i)] = start + wholeSeconds(t.departure());
            }
            planned[r.arrival(0)] = planned[r.departure(0)];
            planned[r.departure(r.lastPoint())] = planned[r.arrival(r.lastPoint())];
            long[] minLegs = minimumLegs(planner, r.plan(), r.restrictions());
            for (int i = 0; i < r.points(); i++) {
                long plannedDwell = planned[r.departure(i)] - planned[r.arrival(i)];
                boolean endpoint = i == 0 || i == r.lastPoint();
                long dwell = endpoint ? 0 : Math.min(plannedDwell, commercialDwell(r.plan(), r.path(), i));
                ActivityKind kind = !endpoint && dwell > 0 && nextToBorder(r.path(), i)
                        ? ActivityKind.BORDER_HANDOVER
                        : ActivityKind.DWELL;
                add(edges, kinds, r.arrival(i), r.departure(i), dwell, kind);
                if (i < r.lastPoint()) {
                    long plannedLeg = planned[r.arrival(i + 1)] - planned[r.departure(i)];
                    add(
                            edges,
                            kinds,
                            r.departure(i),
                            r.arrival(i + 1),
                            rules.recoverableLeg(minLegs[i], plannedLeg),
                            ActivityKind.RUN);
                }
            }
        }
        Map<String, long[]> hold = new HashMap<>();
        Map<String, List<String>> sequences = planSequences(planner, day, runs, planned, hold);
        long[] step = new long[next];
        for (long[] e : edges) {
            if (e[1] == e[0] + 1) {
                step[(int) e[0]] = e[2];
            }
        }
        Map<String, Resources.Line> lineById = new HashMap<>();
        planner.resources().lines().forEach(l -> lineById.put(l.id(), l));
        Map<Integer, List<RoadWindow>> roadWindows =
                RoadWindow.of(planner, day, restrictions, lineById, runs, hold, step);
        List<long[]> turnEdges = new ArrayList<>();
        List<ActivityKind> turnKinds = new ArrayList<>();
        turns(planner, runs, planned, rules, turnEdges, turnKinds);
        return assemble(
                new Base(edges, kinds, sequences, turnEdges, turnKinds, Map.copyOf(roadWindows)),
                day,
                restrictions,
                rules,
                overrides,
                planner,
                runs,
                planned,
                hold);
    }

    /** The graph from its order-free parts and the line orders: the runs' activities, the order arcs, the turns. */
    private static DayGraph assemble(
            Base base,
            DayPlan day,
            List<SpeedRestriction> restrictions,
            DispatchRules rules,
            LineOrders overrides,
            Planner planner,
            List<Run> runs,
            long[] planned,
            Map<String, long[]> hold) {
        List<long[]> edges = new ArrayList<>(base.edges());
        List<ActivityKind> kinds = new ArrayList<>(base.kinds());
        Map<String, List<String>> used =
                orders(planner, base.planSequences(), runs, planned, overrides, edges, kinds, hold);
        edges.addAll(base.turnEdges());
        kinds.addAll(base.turnKinds());
        return new DayGraph(
                base, day, restrictions, rules, overrides, planner, runs, planned, edges, kinds, used, hold);
    }

    /**
     * The same day with the dispatcher's orders on some lines instead (the others as now). Only the order arcs are laid
     * again: the runs, their physics and the turns are this graph's.
     */
    public DayGraph withOrders(LineOrders orders) {
        return assemble(base, day, restrictions, rules, overrides.with(orders), planner, runs, planned, lineHold);
    }

    /** The orders given by the dispatcher so far (lines not named follow the plan). */
    public LineOrders overrides() {
        return overrides;
    }

    public DispatchRules rules() {
        return rules;
    }

    public DayPlan dayPlan() {
        return day;
    }

    /**
     * The road's windows on a shared bridge that bind a departure (the run's entry onto the line across the bridge),
     * sorted by start; empty for every other node.
     */
    public List<RoadWindow> roadWindows(int node) {
        return base.roadWindows().getOrDefault(node, List.of());
    }

    /** Whether any departure of the day is bound by a road's window (most networks have none). */
    public boolean hasRoadWindows() {
        return !base.roadWindows().isEmpty();
    }

    /**
     * Seconds a run holds a single-track line before leaving its entry (route setting) and after arriving at its
     * exit (tail clearing, release): {@code {before, after}}, or null if it does not use the line.
     */
    public long[] lineHold(String owner, String line) {
        return lineHold.get(owner + "|" + line);
    }

    private static void add(List<long[]> edges, List<ActivityKind> kinds, int from, int to, long min, ActivityKind k) {
        edges.add(new long[] {from, to, min});
        kinds.add(k);
    }

    static long wholeSeconds(Duration d) {
        return Math.round(d.toMillis() / 1000.0);
    }

    /** Seconds the train needs from each point to the next at its fastest (no allowance), with its stops. */
    static long[] minimumLegs(Planner planner, TrainPlan plan, List<SpeedRestriction> restrictions) {
        TrainRun fastest = planner.run(fastest(plan), restrictions);
        List<PointTime> t = fastest.times();
        long[] legs = new long[t.size() - 1];
        for (int i = 0; i < legs.length; i++) {
            legs[i] = Math.max(
                    0, wholeSeconds(t.get(i + 1).arrival().minus(t.get(i).departure())));
        }
        return legs;
    }

    /** The plan without its allowance, with the same stops (departures fixed by hand become plain dwells). */
    static TrainPlan fastest(TrainPlan plan) {
        return new TrainPlan(
                plan.number(),
                plan.operator(),
                plan.trainType(),
                plan.passenger(),
                plan.calendar(),
                plan.from(),
                plan.to(),
                plan.departure(),
                plan.stops().stream()
                        .map(s -> new StopRequest(s.point(), s.dwell()))
                        .toList(),
                plan.meets().stream()
                        .map(s -> new StopRequest(s.point(), s.dwell()))
                        .toList(),
                false,
                0,
                plan.note());
    }

    private static long commercialDwell(TrainPlan plan, LinePath path, int i) {
        String code = path.points().get(i).code();
        return plan.stops().stream()
                .filter(s -> s.point().equalsIgnoreCase(code))
                .mapToLong(s -> s.dwell().toSeconds())
                .sum();
    }

    private static boolean nextToBorder(LinePath path, int i) {
        var pts = path.points();
        return (i > 0 && pts.get(i - 1).kind() == PointKind.BORDER)
                || (i + 1 < pts.size() && pts.get(i + 1).kind() == PointKind.BORDER);
    }

    /** Each single-track line's runs in the plan's order, and how long each holds it before and after ({@code hold}). */
    private static Map<String, List<String>> planSequences(
            Planner planner, DayPlan day, List<Run> runs, long[] planned, Map<String, long[]> hold) {
        Map<String, Run> byOwner = new HashMap<>();
        runs.forEach(r -> byOwner.put(r.owner(), r));
        Map<String, Resources.Line> lines = new HashMap<>();
        planner.resources().lines().forEach(l -> lines.put(l.id(), l));
        Map<String, List<Occupation>> byLine = new TreeMap<>();
        for (Occupation o : day.occupations()) {
            if (!o.possession() && lines.containsKey(o.resource()) && byOwner.containsKey(o.owner())) {
                byLine.computeIfAbsent(o.resource(), k -> new ArrayList<>()).add(o);
            }
        }
        Map<String, List<String>> sequences = new TreeMap<>();
        for (var entry : byLine.entrySet()) {
            Resources.Line line = lines.get(entry.getKey());
            List<String> sequence = entry.getValue().stream()
                    .sorted(Comparator.comparing(Occupation::from).thenComparing(Occupation::owner))
                    .map(Occupation::owner)
                    .toList();
            sequences.put(line.id(), sequence);
            for (Occupation o : entry.getValue()) {
                Run r = byOwner.get(o.owner());
                long enters = planned[r.departure(entryPoint(r, line))];
                long leaves = planned[r.arrival(exitPoint(r, line))];
                hold.put(o.owner() + "|" + line.id(), new long[] {
                    Math.max(0, ceilSeconds(enters * 1000 - o.from().toEpochMilli())),
                    Math.max(0, ceilSeconds(o.to().toEpochMilli() - leaves * 1000))
                });
            }
        }
        return sequences;
    }

    /**
     * Order arcs on every single-track line: consecutive runs in the plan's order (or the dispatcher's), the second
     * entering once the first has cleared: the first's arrival at its exit, then its tail and the release, then the
     * second's route setting. From the plan the arc never asks more than the plan's own gap, so a day run to plan
     * forecasts the plan.
     */
    private static Map<String, List<String>> orders(
            Planner planner,
            Map<String, List<String>> planSequences,
            List<Run> runs,
            long[] planned,
            LineOrders overrides,
            List<long[]> edges,
            List<ActivityKind> kinds,
            Map<String, long[]> hold) {
        Map<String, Run> byOwner = new HashMap<>();
        runs.forEach(r -> byOwner.put(r.owner(), r));
        Map<String, Resources.Line> lines = new HashMap<>();
        planner.resources().lines().forEach(l -> lines.put(l.id(), l));
        Map<String, List<String>> used = new HashMap<>();
        for (var entry : planSequences.entrySet()) {
            Resources.Line line = lines.get(entry.getKey());
            List<String> sequence = entry.getValue();
            Set<String> onLine = new HashSet<>(sequence);
            List<String> wanted = overrides.byLine().get(line.id());
            boolean override = wanted != null;
            if (override) {
                // the runs the dispatcher ordered take, in their new order, the places they held; the others stay put
                List<String> ordered = wanted.stream().filter(onLine::contains).toList();
                Iterator<String> next = ordered.iterator();
                List<String> merged = new ArrayList<>();
                for (String o : sequence) {
                    merged.add(ordered.contains(o) ? next.next() : o);
                }
                sequence = merged;
            }
            used.put(line.id(), sequence);
            for (int k = 0; k + 1 < sequence.size(); k++) {
                Run a = byOwner.get(sequence.get(k));
                Run b = byOwner.get(sequence.get(k + 1));
                int exitA = a.arrival(exitPoint(a, line));
                int entryB = b.departure(entryPoint(b, line));
                long headway = hold.get(a.owner() + "|" + line.id())[1] + hold.get(b.owner() + "|" + line.id())[0];
                long gap = planned[entryB] - planned[exitA];
                // blocking times run in milliseconds and the forecast in whole seconds: stretched onto its new
                // times, a run can hold the line a fraction of a second longer than planned, so an order that binds
                // keeps a second's margin, the dispatcher's and the plan's alike (a re-planning that frees the second
                // train leaves it held only by the plan's order); the plan's order never asks more than its own gap
                if (override) {
                    add(edges, kinds, exitA, entryB, headway + ORDER_MARGIN_SECONDS, ActivityKind.MEET_ORDER);
                } else if (gap >= 0) {
                    add(
                            edges,
                            kinds,
                            exitA,
                            entryB,
                            Math.min(headway + ORDER_MARGIN_SECONDS, gap),
                            ActivityKind.MEET_ORDER);
                }
            }
        }
        return used;
    }

    private static final long ORDER_MARGIN_SECONDS = 1;

    private static long ceilSeconds(long millis) {
        return Math.floorDiv(millis + 999, 1000);
    }

    /** Index on the run's path of the point where it enters the line. */
    public static int entryPoint(Run r, Resources.Line line) {
        int a = r.path().indexOf(line.fromCode());
        int b = r.path().indexOf(line.toCode());
        return a < 0 || b < 0 ? -1 : Math.min(a, b);
    }

    /** Index on the run's path of the point where it leaves the line. */
    public static int exitPoint(Run r, Resources.Line line) {
        int a = r.path().indexOf(line.fromCode());
        int b = r.path().indexOf(line.toCode());
        return a < 0 || b < 0 ? -1 : Math.max(a, b);
    }

    /**
     * At each terminus the set that arrived first forms the next departure of the same train type from there, once
     * its turnaround has passed (no published circulation plan: Lancang derives one, first in first out, within 12 h).
     */
    private static void turns(
            Planner planner,
            List<Run> runs,
            long[] planned,
            DispatchRules rules,
            List<long[]> edges,
            List<ActivityKind> kinds) {
        Map<String, List<Run>> arriving = new HashMap<>();
        Map<String, List<Run>> leaving = new HashMap<>();
        for (Run r : runs) {
            String type = r.plan().trainType();
            arriving.computeIfAbsent(r.plan().to() + "/" + type, k -> new ArrayList<>())
                    .add(r);
            leaving.computeIfAbsent(r.plan().from() + "/" + type, k -> new ArrayList<>())
                    .add(r);
        }
        for (var entry : leaving.entrySet()) {
            List<Run> in = new ArrayList<>(arriving.getOrDefault(entry.getKey(), List.of()));
            in.sort(Comparator.comparingLong(r -> planned[r.lastNode()]));
            List<Run> out = new ArrayList<>(entry.getValue());
            out.sort(Comparator.comparingLong(r -> planned[r.departure(0)]));
            boolean[] used = new boolean[in.size()];
            for (Run b : out) {
                long dep = planned[b.departure(0)];
                long turn = rules.turnaround(planner.trainType(b.plan().trainType(), "trainType")
                                .category())
                        .toSeconds();
                for (int k = 0; k < in.size(); k++) {
                    long arr = planned[in.get(k).lastNode()];
                    if (!used[k] && arr + turn <= dep && dep - arr <= 12 * 3600) {
                        used[k] = true;
                        add(edges, kinds, in.get(k).lastNode(), b.departure(0), turn, ActivityKind.TURN);
                        break;
                    }
                }
            }
        }
    }

    public LocalDate date() {
        return date;
    }

    public Planner planner() {
        return planner;
    }

    public List<Run> runs() {
        return runs;
    }

    public Optional<Run> run(String owner) {
        return Optional.ofNullable(byOwner.get(owner));
    }

    /** The run of a train (any case) on a service date. */
    public Optional<Run> find(String train, LocalDate serviceDate) {
        return Optional.ofNullable(byTrain.get(train.strip().toUpperCase(Locale.ROOT) + "@" + serviceDate));
    }

    /** Whether the graph holds a run of this train on any date. */
    public boolean knowsTrain(String train) {
        return trains.contains(train.strip().toUpperCase(Locale.ROOT));
    }

    public Run runOf(int node) {
        return runs.get(nodeRun[node]);
    }

    /** The point of the run's path a node belongs to. */
    public int pointOf(int node) {
        return (node - runOf(node).firstNode()) / 2;
    }

    public boolean isArrival(int node) {
        return ((node - runOf(node).firstNode()) & 1) == 0;
    }

    public int nodes() {
        return planned.length;
    }

    public long planned(int node) {
        return planned[node];
    }

    public Instant plannedInstant(int node) {
        return Instant.ofEpochSecond(planned[node]);
    }

    public int edges() {
        return edgeFrom.length;
    }

    public int edgeFrom(int e) {
        return edgeFrom[e];
    }

    public int edgeTo(int e) {
        return edgeTo[e];
    }

    public long edgeMin(int e) {
        return edgeMin[e];
    }

    public ActivityKind edgeKind(int e) {
        return edgeKind[e];
    }

    /** A copy of every activity's minimum duration, to disturb (the simulator) or to read. */
    public long[] edgeMinimums() {
        return edgeMin.clone();
    }

    /** A copy of every event's planned time (epoch seconds): the lower bound of its forecast. */
    public long[] plannedTimes() {
        return planned.clone();
    }

    /** The activities leading into a node (edge indices). */
    public int[] incoming(int node) {
        return Arrays.copyOfRange(inEdges, inStart[node], inStart[node + 1]);
    }

    int inStart(int node) {
        return inStart[node];
    }

    int inEnd(int node) {
        return inStart[node + 1];
    }

    int inEdge(int k) {
        return inEdges[k];
    }

    int outStart(int node) {
        return outStart[node];
    }

    int outEnd(int node) {
        return outStart[node + 1];
    }

    int outEdge(int k) {
        return outEdges[k];
    }

    /** Nodes in an order where every activity goes forward. */
    int topo(int k) {
        return topo[k];
    }

    int topoPos(int node) {
        return topoPos[node];
    }

    /** For each single-track line, the runs in the order the graph has them use it. */
    public Map<String, List<String>> lineOrders() {
        return lineOrders;
    }

    /** The runs just before this one on each single-track line it uses, in the graph's order: line → run. */
    public Map<String, String> predecessorsOnLines(String owner) {
        Map<String, String> out = new TreeMap<>();
        lineOrders.forEach((line, order) -> {
            int i = order.indexOf(owner);
            if (i > 0) {
                out.put(line, order.get(i - 1));
            }
        });
        return out;
    }

    public Resources.Line line(String id) {
        return lines.get(id);
    }

    /** The edge index of the activity of this kind from {@code from} to {@code to}, or -1. */
    public int edgeBetween(int from, int to) {
        for (int k = outStart[from]; k < outStart[from + 1]; k++) {
            if (edgeTo[outEdges[k]] == to) {
                return outEdges[k];
            }
        }
        return -1;
    }
}
