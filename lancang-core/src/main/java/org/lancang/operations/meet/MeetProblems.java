package org.lancang.operations.meet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lancang.operations.ActivityKind;
import org.lancang.operations.DayGraph;
import org.lancang.operations.Forecast;
import org.lancang.timetable.Resources;

/** Reads the meet problem of the single-track lines off a forecast: what is left to decide, from now on. */
public final class MeetProblems {
    private MeetProblems() {}

    /** The whole day and its neighbours' trains re-planned. */
    public static MeetProblem of(Forecast f) {
        return of(f, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Legs of the day's runs whose forecast departure is before {@code until} (epoch seconds) re-planned; later ones,
     * and the neighbouring days' runs, keep their place in the current order.
     */
    public static MeetProblem of(Forecast f, long from, long until) {
        DayGraph g = f.graph();
        Map<String, List<Resources.Line>> linesOf = new HashMap<>();
        g.lineOrders()
                .forEach((line, owners) -> owners.forEach(
                        o -> linesOf.computeIfAbsent(o, k -> new ArrayList<>()).add(g.line(line))));
        List<MeetProblem.TrainTask> tasks = new ArrayList<>();
        Map<String, Boolean> variableEnd = new HashMap<>();
        Map<String, List<Long>> delayedUses = delayedUses(f, linesOf);
        for (DayGraph.Run r : g.runs()) {
            List<Resources.Line> lines = new ArrayList<>(linesOf.getOrDefault(r.owner(), List.of()));
            if (lines.isEmpty()) {
                continue;
            }
            lines.sort(Comparator.comparingInt(l -> DayGraph.entryPoint(r, l)));
            boolean lastVariable = !f.isActual(r.departure(DayGraph.entryPoint(r, lines.get(lines.size() - 1))));
            variableEnd.put(
                    r.owner(), lastVariable && DayGraph.exitPoint(r, lines.get(lines.size() - 1)) == r.lastPoint());
        }
        for (DayGraph.Run r : g.runs()) {
            List<Resources.Line> lines = new ArrayList<>(linesOf.getOrDefault(r.owner(), List.of()));
            if (lines.isEmpty()) {
                continue;
            }
            lines.sort(Comparator.comparingInt(l -> DayGraph.entryPoint(r, l)));
            List<MeetProblem.Leg> legs = new ArrayList<>();
            boolean previousVariable = false;
            for (int k = 0; k < lines.size(); k++) {
                Resources.Line line = lines.get(k);
                int entry = DayGraph.entryPoint(r, line);
                int exit = DayGraph.exitPoint(r, line);
                int depNode = r.departure(entry);
                int arrNode = r.arrival(exit);
                long[] hold = g.lineHold(r.owner(), line.id());
                long run = minimumBetween(g, depNode, arrNode);
                long stand = k + 1 < lines.size() ? minimumBetween(g, arrNode, r.departure(exit)) : 0;
                boolean fixed = f.isActual(depNode);
                boolean decide = !fixed
                        && r.serviceDate().equals(g.date())
                        && f.time(depNode) < until // overdue legs too
                        && nearDelay(f, line.id(), f.time(depNode), delayedUses);
                long earliest = g.planned(depNode);
                if (!fixed && !previousVariable) {
                    earliest = Math.max(earliest, ownEarliest(f, depNode, variableEnd));
                }
                legs.add(new MeetProblem.Leg(
                        line.id(),
                        g.lineOrders().get(line.id()).indexOf(r.owner()),
                        decide,
                        r.path().points().get(entry).code(),
                        r.path().points().get(exit).code(),
                        earliest,
                        g.planned(arrNode),
                        run,
                        stand,
                        hold[0],
                        hold[1],
                        fixed,
                        f.time(depNode),
                        f.time(arrNode),
                        g.roadWindows(depNode).stream()
                                .map(w -> new MeetProblem.Window(w.name(), w.start() - w.across(), w.clearFrom()))
                                .toList()));
                previousVariable = !fixed;
            }
            int lastExit = r.arrival(DayGraph.exitPoint(r, lines.get(lines.size() - 1)));
            tasks.add(new MeetProblem.TrainTask(
                    r.owner(),
                    g.rules().weight(r.priority()),
                    legs,
                    minimumBetween(g, lastExit, r.lastNode()),
                    g.planned(r.lastNode())));
        }
        List<MeetProblem.Turn> turns = new ArrayList<>();
        for (int e = 0; e < g.edges(); e++) {
            if (g.edgeKind(e) != ActivityKind.TURN) {
                continue;
            }
            DayGraph.Run prev = g.runOf(g.edgeFrom(e));
            DayGraph.Run next = g.runOf(g.edgeTo(e));
            if (variableEnd.getOrDefault(prev.owner(), false) && linesOf.containsKey(next.owner())) {
                turns.add(new MeetProblem.Turn(prev.owner(), next.owner(), g.edgeMin(e)));
            }
        }
        return new MeetProblem(g.date(), from, until, tasks, turns);
    }

    /** Legs nearer than this to a delayed train's leg on the same line are re-planned; the others keep their order. */
    public static final long NEAR = 3600;

    /** For each line, the forecast departures onto it that are not as planned (late, or held). */
    private static Map<String, List<Long>> delayedUses(Forecast f, Map<String, List<Resources.Line>> linesOf) {
        DayGraph g = f.graph();
        Map<String, List<Long>> out = new HashMap<>();
        for (DayGraph.Run r : g.runs()) {
            for (Resources.Line l : linesOf.getOrDefault(r.owner(), List.of())) {
                int dep = r.departure(DayGraph.entryPoint(r, l));
                if (f.time(dep) != g.planned(dep)) {
                    out.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(f.time(dep));
                }
            }
        }
        return out;
    }

    private static boolean nearDelay(Forecast f, String line, long departure, Map<String, List<Long>> delayedUses) {
        return delayedUses.getOrDefault(line, List.of()).stream().anyMatch(t -> Math.abs(t - departure) < NEAR);
    }

    /**
     * The earliest a train can leave its first undecided leg whatever the others do: its own arrival there plus its
     * dwell, and the set that forms it if that one is decided already.
     */
    private static long ownEarliest(Forecast f, int depNode, Map<String, Boolean> variableEnd) {
        DayGraph g = f.graph();
        long t = g.planned(depNode);
        for (int e : g.incoming(depNode)) {
            ActivityKind kind = g.edgeKind(e);
            if (kind == ActivityKind.MEET_ORDER) {
                continue;
            }
            if (kind == ActivityKind.TURN
                    && variableEnd.getOrDefault(g.runOf(g.edgeFrom(e)).owner(), false)) {
                continue;
            }
            t = Math.max(t, f.time(g.edgeFrom(e)) + g.edgeMin(e));
        }
        return t;
    }

    /** The least time from one node of a run to a later one of the same run, along its own activities. */
    static long minimumBetween(DayGraph g, int from, int to) {
        long total = 0;
        for (int n = from; n < to; n++) {
            int e = g.edgeBetween(n, n + 1);
            total += e < 0 ? 0 : g.edgeMin(e);
        }
        return total;
    }
}
