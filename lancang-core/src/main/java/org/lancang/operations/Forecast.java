package org.lancang.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.network.Point;

/**
 * The times of a day as they will be, from the events so far: every event's forecast is its actual time where reported,
 * otherwise the latest of its planned time and, over each activity leading to it, the time of the event before plus the
 * activity's minimum; an event not reported although a later one of its train was is no later than that one. An event
 * updates only what lies downstream of it, in the graph's topological order, and stops where a time does not move.
 * Not thread-safe: one writer at a time (the store serialises events per day).
 */
public final class Forecast {
    public static final long NONE = Long.MIN_VALUE;
    private static final int PLANNED = -1;
    private static final int ACTUAL = -2;
    private static final int PASSED = -3;
    private static final int HELD = -4;
    private static final int ROAD = -5;

    /** An event that passed the checks, in its canonical spelling; a duplicate is acknowledged but changes nothing. */
    public record Checked(RunningEvent event, boolean duplicate) {}

    /** What one batch of events changed: the runs whose forecast moved, and the forecast's new version. */
    public record Change(long version, List<String> runs) {}

    private final DayGraph graph;
    private final long[] actual;
    private final long[] cap;
    private final long[] time;
    private final int[] cause;
    private final int[] lastNode;
    private final long[] lastAt;
    private final RunningEvent[] lastEvent;
    private final Map<String, RunningEvent> events = new HashMap<>();
    private final boolean[] queued;
    /** The earliest time of a held departure ({@link #NONE} where none): the holds' release, or now while open. */
    private final long[] floor;
    /**
     * The holds in force, by run, each with the departure node it holds, in travel order: a train crossing several
     * borders is held at each border's control station by that border's customs.
     */
    private final Map<String, List<Held>> holds = new HashMap<>();
    /** Whether the day has road windows on a shared bridge: the forecast holds trains out of them. */
    private final boolean roadWindows;

    private long version;

    private record Held(DepartureHold hold, int node) {}

    public Forecast(DayGraph graph) {
        this.graph = graph;
        int n = graph.nodes();
        actual = new long[n];
        cap = new long[n];
        time = new long[n];
        cause = new int[n];
        queued = new boolean[n];
        floor = new long[n];
        Arrays.fill(floor, NONE);
        Arrays.fill(actual, NONE);
        Arrays.fill(cap, NONE);
        roadWindows = graph.hasRoadWindows();
        int runs = graph.runs().size();
        lastNode = new int[runs];
        lastAt = new long[runs];
        lastEvent = new RunningEvent[runs];
        for (DayGraph.Run r : graph.runs()) {
            lastNode[r.index()] = r.firstNode() - 1;
            lastAt[r.index()] = Long.MIN_VALUE;
        }
        computeAll();
    }

    /** A forecast with events already accepted (read back from storage): those that fit this graph, applied at once. */
    public static Forecast replay(DayGraph graph, List<RunningEvent> accepted) {
        Forecast f = new Forecast(graph);
        for (RunningEvent e : accepted) {
            try {
                Checked c = f.check(e, null, "", new EventBatch());
                if (!c.duplicate()) {
                    f.record(c.event());
                }
            } catch (InvalidInput ignored) {
                // an event of a run this graph does not hold (or no longer fits it) says nothing about this day
            }
        }
        f.computeAll();
        f.version++;
        return f;
    }

    /** As {@link #replay(DayGraph, List)}, then the holds in force at {@code now}. */
    public static Forecast replay(DayGraph graph, List<RunningEvent> accepted, List<DepartureHold> holds, Instant now) {
        Forecast f = replay(graph, accepted);
        if (!holds.isEmpty()) {
            f.hold(holds, now);
        }
        return f;
    }

    /**
     * Puts these holds in force in place of those before (an open hold keeps its train at least until {@code now}) and
     * brings the forecast downstream up to date. A hold of a run this graph does not hold, at a point not on its path
     * or at its destination, or of a train that has left that point already, is left out: it holds nothing any more.
     */
    public Change hold(List<DepartureHold> newHolds, Instant now) {
        Set<Integer> seeds = new HashSet<>();
        for (List<Held> list : holds.values()) {
            for (Held h : list) {
                floor[h.node()] = NONE;
                seeds.add(h.node());
            }
        }
        holds.clear();
        for (DepartureHold h : newHolds) {
            DayGraph.Run run = graph.run(h.run()).orElse(null);
            int i = run == null ? -1 : run.path().indexOf(h.point());
            if (i < 0 || i == run.lastPoint() || lastNode[run.index()] >= run.departure(i)) {
                continue;
            }
            int node = run.departure(i);
            List<Held> list = holds.computeIfAbsent(run.owner(), k -> new ArrayList<>());
            list.add(new Held(h, node));
            list.sort((a, b) -> Integer.compare(a.node(), b.node()));
            floor[node] = h.open() ? now.getEpochSecond() : h.releasedAt().getEpochSecond();
            seeds.add(node);
        }
        BitSet changedRuns = propagate(seeds);
        version++;
        List<String> runs = new ArrayList<>();
        changedRuns.stream().forEach(r -> runs.add(graph.runs().get(r).owner()));
        return new Change(version, runs);
    }

    /** The holds in force, with the forecast departure of each from its point. */
    public List<DepartureHold> holds() {
        return holds.values().stream().flatMap(List::stream).map(Held::hold).toList();
    }

    /** The forecast departure of a hold in force from its point, if it is in force. */
    public Optional<Instant> heldUntil(DepartureHold hold) {
        return holds.getOrDefault(hold.run(), List.of()).stream()
                .filter(h -> h.hold().point().equals(hold.point()))
                .findFirst()
                .map(h -> Instant.ofEpochSecond(time[h.node()]));
    }

    public DayGraph graph() {
        return graph;
    }

    public long version() {
        return version;
    }

    /** Epoch seconds of a node's forecast. */
    public long time(int node) {
        return time[node];
    }

    /** A copy of every node's actual time ({@link #NONE} where not reported). */
    public long[] actuals() {
        return actual.clone();
    }

    /** A copy of every node's forecast. */
    public long[] times() {
        return time.clone();
    }

    public boolean isActual(int node) {
        return actual[node] != NONE;
    }

    public Optional<RunningEvent> lastEvent(DayGraph.Run run) {
        return Optional.ofNullable(lastEvent[run.index()]);
    }

    /** Every accepted event, by key. */
    public Map<String, RunningEvent> events() {
        return Map.copyOf(events);
    }

    /**
     * Checks an event against the day and the events before it (recorded, and earlier in {@code batch}): the train must
     * run that day, the point be on its path, the kind fit the point, the event come after the train's last report in
     * travel order and time, and not after {@code now}. Field names get {@code prefix} (e.g. {@code events[3].}).
     */
    public Checked check(RunningEvent e, Instant now, String prefix, EventBatch batch) {
        Validation v = new Validation();
        v.check(e.train() != null && !e.train().isBlank(), prefix + "train", "is required");
        v.check(e.serviceDate() != null, prefix + "serviceDate", "is required");
        v.check(e.point() != null && !e.point().isBlank(), prefix + "point", "is required");
        v.check(e.kind() != null, prefix + "kind", "is required: ARRIVAL, DEPARTURE or PASS");
        v.check(e.at() != null, prefix + "at", "is required");
        v.throwIfInvalid();
        DayGraph.Run run = graph.find(e.train(), e.serviceDate()).orElse(null); // by key: ingest checks thousands
        if (run == null) {
            boolean known = graph.knowsTrain(e.train());
            v.add(
                    known ? prefix + "serviceDate" : prefix + "train",
                    known
                            ? e.train() + " does not run on " + e.serviceDate()
                            : "no train '" + e.train() + "' in the timetable");
            v.throwIfInvalid();
        }
        int i = run.path().indexOf(e.point().strip());
        if (i < 0) {
            boolean known = graph.planner().network().point(e.point().strip()).isPresent();
            v.add(
                    prefix + "point",
                    known
                            ? "'" + e.point() + "' is not on the path of " + run.train() + " ("
                                    + run.path().origin().code() + "–"
                                    + run.path().destination().code() + ")"
                            : "'" + e.point() + "' is not a point of the line");
            v.throwIfInvalid();
        }
        Point point = run.path().points().get(i);
        RunningEvent canonical =
                new RunningEvent(run.train(), run.serviceDate(), point.code(), e.kind(), e.at(), e.source());
        boolean first = i == 0;
        boolean last = i == run.lastPoint();
        switch (e.kind()) {
            case ARRIVAL ->
                v.check(
                        !first,
                        prefix + "kind",
                        point.code() + " is the origin of " + run.train() + ": it has no arrival there");
            case DEPARTURE ->
                v.check(
                        !last,
                        prefix + "kind",
                        point.code() + " is the destination of " + run.train() + ": it has no departure there");
            case PASS ->
                v.check(
                        !first && !last && !run.plan().callsAt(point.code()),
                        prefix + "kind",
                        run.train() + " " + (first || last ? "starts or ends" : "stops") + " at " + point.code()
                                + ": report its ARRIVAL and DEPARTURE");
        }
        v.throwIfInvalid();
        String key = canonical.key();
        RunningEvent recorded = events.get(key);
        Instant before = recorded != null ? recorded.at() : batch.atByKey.get(key);
        if (before != null) {
            // a repeat is acknowledged (a describer may send twice); a repeat at another time is not the same report,
            // and taking either time silently would lose the other: the sender must be told
            if (before.getEpochSecond() != e.at().getEpochSecond()) {
                throw new Clash(
                        prefix + "at",
                        canonical.train() + " " + canonical.kind() + " at " + canonical.point() + " on "
                                + canonical.serviceDate() + " was already reported at " + before
                                + "; a report is not corrected by sending it again at " + e.at());
            }
            return new Checked(recorded != null ? recorded : canonical, true);
        }
        int firstNode = e.kind() == EventKind.DEPARTURE ? run.departure(i) : run.arrival(i);
        int lastOfEvent = e.kind() == EventKind.ARRIVAL ? run.arrival(i) : run.departure(i);
        long[] overlay = batch.lastByRun.get(run.owner());
        int previousNode = overlay != null ? (int) overlay[0] : lastNode[run.index()];
        long previousAt = overlay != null ? overlay[1] : lastAt[run.index()];
        if (firstNode <= previousNode) {
            int p = graph.pointOf(previousNode);
            v.add(
                    prefix + "point",
                    "out of order: " + run.train() + " was last reported "
                            + (graph.isArrival(previousNode) ? "arriving at " : "leaving ")
                            + run.path().points().get(p).code() + ", after " + point.code() + " ("
                            + e.kind() + ")");
        } else if (e.at().getEpochSecond() < previousAt) {
            v.add(
                    prefix + "at",
                    e.at() + " is before " + run.train() + "'s previous report (" + Instant.ofEpochSecond(previousAt)
                            + ")");
        }
        if (now != null && e.at().isAfter(now)) {
            v.add(prefix + "at", e.at() + " is later than now (" + now + ")");
        }
        v.throwIfInvalid();
        for (Held held : holds.getOrDefault(run.owner(), List.of())) {
            if (lastOfEvent < held.node()) {
                break; // in travel order: the event is not past this hold's point, nor any later one's
            }
            DepartureHold h = held.hold();
            if (h.open()) {
                throw new Clash(
                        prefix + "point",
                        run.train() + " is held at " + h.point() + " and may not go past it: " + h.reason(),
                        "departure-held");
            }
            if (e.at().isBefore(h.releasedAt())) {
                throw new Clash(
                        prefix + "at",
                        run.train() + " may not leave " + h.point() + " before its release at " + h.releasedAt() + ": "
                                + h.reason(),
                        "departure-held");
            }
        }
        batch.lastByRun.put(run.owner(), new long[] {lastOfEvent, e.at().getEpochSecond()});
        batch.atByKey.put(key, e.at());
        return new Checked(canonical, false);
    }

    /** Records checked, new events and brings every forecast downstream of them up to date. */
    public Change apply(List<RunningEvent> checked) {
        Set<Integer> seeds = new HashSet<>();
        for (RunningEvent e : checked) {
            seeds.addAll(record(e));
        }
        BitSet changedRuns = propagate(seeds);
        version++;
        List<String> runs = new ArrayList<>();
        changedRuns.stream().forEach(r -> runs.add(graph.runs().get(r).owner()));
        return new Change(version, runs);
    }

    private List<Integer> record(RunningEvent e) {
        DayGraph.Run run = graph.run(e.run()).orElseThrow();
        int i = run.path().indexOf(e.point());
        int from = e.kind() == EventKind.DEPARTURE ? run.departure(i) : run.arrival(i);
        int to = e.kind() == EventKind.ARRIVAL ? run.arrival(i) : run.departure(i);
        long at = e.at().getEpochSecond();
        List<Integer> seeds = new ArrayList<>();
        for (int k = Math.max(run.firstNode(), lastNode[run.index()] + 1); k < from; k++) {
            if (actual[k] == NONE) {
                cap[k] = at;
                seeds.add(k);
            }
        }
        for (int k = from; k <= to; k++) {
            actual[k] = at;
            seeds.add(k);
        }
        lastNode[run.index()] = to;
        lastAt[run.index()] = at;
        lastEvent[run.index()] = e;
        events.put(e.key(), e);
        return seeds;
    }

    private BitSet propagate(Set<Integer> seeds) {
        BitSet changedRuns = new BitSet();
        PriorityQueue<Integer> queue =
                new PriorityQueue<>(Math.max(16, seeds.size()), (a, b) -> graph.topoPos(a) - graph.topoPos(b));
        for (int s : seeds) {
            queued[s] = true;
            queue.add(s);
        }
        while (!queue.isEmpty()) {
            int n = queue.poll();
            queued[n] = false;
            long before = time[n];
            evaluate(n);
            if (time[n] != before) {
                changedRuns.set(graph.runOf(n).index());
            }
            if (time[n] != before || seeds.contains(n)) {
                for (int k = graph.outStart(n); k < graph.outEnd(n); k++) {
                    int w = graph.edgeTo(graph.outEdge(k));
                    if (!queued[w]) {
                        queued[w] = true;
                        queue.add(w);
                    }
                }
            }
        }
        return changedRuns;
    }

    private void evaluate(int n) {
        if (actual[n] != NONE) {
            time[n] = actual[n];
            cause[n] = ACTUAL;
            return;
        }
        long v = graph.planned(n);
        int c = PLANNED;
        for (int k = graph.inStart(n); k < graph.inEnd(n); k++) {
            int e = graph.inEdge(k);
            long candidate = time[graph.edgeFrom(e)] + graph.edgeMin(e);
            if (candidate > v) {
                v = candidate;
                c = e;
            }
        }
        if (floor[n] != NONE && v < floor[n]) {
            v = floor[n];
            c = HELD;
        }
        if (roadWindows) {
            for (RoadWindow w : graph.roadWindows(n)) { // by start: a wait past one window may meet the next
                if (w.binds(v)) {
                    v = w.clearFrom();
                    c = ROAD;
                }
            }
        }
        if (cap[n] != NONE && v > cap[n]) {
            v = cap[n];
            c = PASSED;
        }
        time[n] = v;
        cause[n] = c;
    }

    /** Every forecast computed anew, in topological order: what a whole-day re-forecast costs. */
    public void computeAll() {
        for (int k = 0; k < graph.nodes(); k++) {
            evaluate(graph.topo(k));
        }
    }

    // ---- views ----

    public Cause cause(int node) {
        int c = cause[node];
        if (c == PLANNED) {
            return Cause.PLAN;
        }
        if (c == ACTUAL) {
            return Cause.ACTUAL;
        }
        if (c == PASSED) {
            return Cause.PASSED;
        }
        if (c == HELD || c == ROAD) {
            DayGraph.Run run = graph.runOf(node);
            return new Cause(
                    c == HELD ? Cause.HOLD : Cause.ROAD_WINDOW,
                    null,
                    run.path().points().get(graph.pointOf(node)).code());
        }
        int from = graph.edgeFrom(c);
        DayGraph.Run source = graph.runOf(from);
        String point = source.path().points().get(graph.pointOf(from)).code();
        return new Cause(graph.edgeKind(c).name(), source.train(), point);
    }

    /**
     * The road's window on a shared bridge that holds this departure back, if one does: the train waits at the last
     * loop or station before the bridge until the window ends.
     */
    public Optional<RoadWindow> roadWindow(int node) {
        if (cause[node] != ROAD) {
            return Optional.empty();
        }
        return graph.roadWindows(node).stream()
                .filter(w -> w.clearFrom() == time[node])
                .findFirst();
    }

    public TrainForecast of(DayGraph.Run r) {
        List<CallForecast> calls = new ArrayList<>();
        for (int i = 0; i < r.points(); i++) {
            Point p = r.path().points().get(i);
            int a = r.arrival(i);
            int d = r.departure(i);
            boolean first = i == 0;
            boolean last = i == r.lastPoint();
            int shown = last ? a : d;
            calls.add(new CallForecast(
                    p.code(),
                    p.timeZone(),
                    r.scheduled().run().times().get(i).stops(),
                    first ? null : graph.plannedInstant(a),
                    last ? null : graph.plannedInstant(d),
                    first || actual[a] == NONE ? null : Instant.ofEpochSecond(actual[a]),
                    last || actual[d] == NONE ? null : Instant.ofEpochSecond(actual[d]),
                    first ? null : Instant.ofEpochSecond(time[a]),
                    last ? null : Instant.ofEpochSecond(time[d]),
                    first ? 0 : time[a] - graph.planned(a),
                    last ? 0 : time[d] - graph.planned(d),
                    cause(shown)));
        }
        RunningEvent latest = lastEvent[r.index()];
        long delayNow = latest == null ? 0 : time[lastNode[r.index()]] - graph.planned(lastNode[r.index()]);
        int dest = r.lastNode();
        return new TrainForecast(
                r.train(),
                r.serviceDate(),
                r.priority(),
                r.plan().from(),
                r.plan().to(),
                latest,
                delayNow,
                Instant.ofEpochSecond(time[dest]),
                time[dest] - graph.planned(dest),
                calls);
    }

    /** The forecast of every run whose service date is the graph's day. */
    public List<TrainForecast> day() {
        return graph.runs().stream()
                .filter(r -> r.serviceDate().equals(graph.date()))
                .map(this::of)
                .toList();
    }

    /**
     * Weighted delay at the destinations of every run of the graph (the day's and the neighbouring days' that meet
     * them), in weighted seconds: what re-planning minimises.
     */
    public long weightedDelay(DispatchRules rules) {
        long total = 0;
        for (DayGraph.Run r : graph.runs()) {
            int dest = r.lastNode();
            total += rules.weight(r.priority()) * Math.max(0, time[dest] - graph.planned(dest));
        }
        return total;
    }
}
