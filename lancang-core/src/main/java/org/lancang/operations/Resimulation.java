package org.lancang.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The day computed from nothing, the obvious way: every event starts at its lower bound (or its actual time), then
 * sweeps over all events in planned order raise each to what its activities demand, until a sweep changes nothing.
 * Slow and simple: the referee of {@link Forecast}'s incremental updates, and the day simulator's "reality" (with
 * disturbed minimums and lower bounds).
 */
public final class Resimulation {
    private Resimulation() {}

    /** The forecast of every node given the reported times ({@link Forecast#NONE} where none). */
    public static long[] forecast(DayGraph graph, long[] actual) {
        return times(graph, graph.edgeMinimums(), graph.plannedTimes(), actual);
    }

    /**
     * @param edgeMin    each activity's minimum duration, s
     * @param lowerBound each event's earliest time (the plan; later for a late start), epoch s
     * @param actual     reported times, or {@link Forecast#NONE}
     */
    public static long[] times(DayGraph graph, long[] edgeMin, long[] lowerBound, long[] actual) {
        int n = graph.nodes();
        List<List<long[]>> incoming = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            incoming.add(new ArrayList<>(2));
        }
        for (int e = 0; e < graph.edges(); e++) {
            incoming.get(graph.edgeTo(e)).add(new long[] {graph.edgeFrom(e), edgeMin[e]});
        }
        long[] cap = new long[n];
        Arrays.fill(cap, Forecast.NONE);
        for (DayGraph.Run r : graph.runs()) {
            long next = Forecast.NONE;
            for (int k = r.firstNode() + 2 * r.points() - 1; k >= r.firstNode(); k--) {
                if (actual[k] != Forecast.NONE) {
                    next = actual[k];
                } else {
                    cap[k] = next;
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> lowerBound[i]).thenComparingInt(i -> i));
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = actual[i] != Forecast.NONE
                    ? actual[i]
                    : cap[i] != Forecast.NONE ? Math.min(cap[i], lowerBound[i]) : lowerBound[i];
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i : order) {
                if (actual[i] != Forecast.NONE) {
                    continue;
                }
                long v = lowerBound[i];
                for (long[] in : incoming.get(i)) {
                    v = Math.max(v, t[(int) in[0]] + in[1]);
                }
                for (RoadWindow w : graph.roadWindows(i)) { // the road owns the bridge: the train waits before it
                    if (w.binds(v)) {
                        v = w.clearFrom();
                    }
                }
                if (cap[i] != Forecast.NONE) {
                    v = Math.min(v, cap[i]);
                }
                if (v != t[i]) {
                    t[i] = v;
                    changed = true;
                }
            }
        }
        return t;
    }
}
