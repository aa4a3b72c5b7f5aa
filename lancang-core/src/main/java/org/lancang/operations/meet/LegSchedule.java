package org.lancang.operations.meet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A meet problem flattened into arrays, so that one order of the trains on every line can be turned into times many
 * thousand times per re-planning: each leg leaves as early as its train, the set that forms it and the leg before it
 * on its line allow (the rules {@link FirstComeFirstServed} grants a line by, so the order it granted gives back its
 * times), put off past a road's window that forbids that departure. Orders hold the legs not yet entered; legs already
 * entered keep their times.
 */
final class LegSchedule {
    final MeetProblem problem;
    final int legs;
    final List<String> lines = new ArrayList<>();
    final int[] line;
    final boolean[] fixed;
    final boolean[] decide;
    final long[] weight; // of the leg's train: what a second of its wait costs, at most
    final int[] train;
    final int[] trainPred;
    final int[] trainSucc;
    final int[] turnPred;
    final long[] turnMin;
    final int[][] turnSucc;
    final long[] earliest;
    final long[] plannedArrival;
    final long[] run;
    final long[] standBefore;
    final long[] before;
    final long[] after;
    final long[] fixedBound;
    private final MeetProblem.Leg[] spec; // non-null only for legs a road's window binds
    final int[] lastLeg; // per train, -1 when it has none
    final int[] first; // per train, its first leg's index
    // reused by every decoding (one schedule per re-planning, one thread)
    private final int[] linePrev;
    private final int[] lineNext;
    private final int[] indegree;
    private final int[] queue;

    LegSchedule(MeetProblem p) {
        problem = p;
        int n = p.trains().stream().mapToInt(t -> t.legs().size()).sum();
        legs = n;
        line = new int[n];
        fixed = new boolean[n];
        decide = new boolean[n];
        weight = new long[n];
        train = new int[n];
        trainPred = new int[n];
        trainSucc = new int[n];
        turnPred = new int[n];
        turnMin = new long[n];
        earliest = new long[n];
        plannedArrival = new long[n];
        run = new long[n];
        standBefore = new long[n];
        before = new long[n];
        after = new long[n];
        fixedBound = new long[n];
        spec = new MeetProblem.Leg[n];
        lastLeg = new int[p.trains().size()];
        first = new int[p.trains().size()];
        linePrev = new int[n];
        lineNext = new int[n];
        indegree = new int[n];
        queue = new int[n];
        Map<String, Integer> lineIndex = new HashMap<>();
        Map<String, Integer> trainIndex = new HashMap<>();
        int[] rank = new int[n];
        int i = 0;
        for (int t = 0; t < p.trains().size(); t++) {
            MeetProblem.TrainTask task = p.trains().get(t);
            trainIndex.put(task.run(), t);
            first[t] = i;
            lastLeg[t] = task.legs().isEmpty() ? -1 : i + task.legs().size() - 1;
            for (int k = 0; k < task.legs().size(); k++, i++) {
                MeetProblem.Leg l = task.legs().get(k);
                line[i] = lineIndex.computeIfAbsent(l.line(), x -> {
                    lines.add(x);
                    return lines.size() - 1;
                });
                rank[i] = l.rank();
                fixed[i] = l.fixed();
                decide[i] = l.decide();
                weight[i] = task.weight();
                train[i] = t;
                trainPred[i] = k > 0 ? i - 1 : -1;
                trainSucc[i] = k + 1 < task.legs().size() ? i + 1 : -1;
                standBefore[i] = k > 0 ? task.legs().get(k - 1).minimumStandAfter() : 0;
                earliest[i] = fixed[i] ? l.fixedDeparture() : l.earliestDeparture();
                plannedArrival[i] = fixed[i] ? l.fixedArrival() : l.plannedArrival();
                run[i] = l.minimumRun();
                before[i] = l.before();
                after[i] = l.after();
                turnPred[i] = -1;
                spec[i] = l.windows().isEmpty() ? null : l;
            }
        }
        List<List<Integer>> turnsOut = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            turnsOut.add(new ArrayList<>());
        }
        for (MeetProblem.Turn turn : p.turns()) {
            Integer prev = trainIndex.get(turn.previous());
            Integer next = trainIndex.get(turn.next());
            // as first come, first served: a train's first leg, when not entered yet, waits for the set that forms it
            if (prev != null && next != null && lastLeg[prev] >= 0 && lastLeg[next] >= 0 && !fixed[first[next]]) {
                turnPred[first[next]] = lastLeg[prev];
                turnMin[first[next]] = turn.minimum();
                turnsOut.get(lastLeg[prev]).add(first[next]);
            }
        }
        turnSucc = new int[n][];
        List<List<Integer>> entered = new ArrayList<>();
        lines.forEach(l -> entered.add(new ArrayList<>()));
        for (int k = 0; k < n; k++) {
            if (fixed[k]) {
                entered.get(line[k]).add(k);
            }
        }
        for (int k = 0; k < n; k++) {
            turnSucc[k] = turnsOut.get(k).stream().mapToInt(Integer::intValue).toArray();
            fixedBound[k] = Long.MIN_VALUE / 4;
            for (int o : entered.get(line[k])) {
                if (rank[o] < rank[k]) {
                    fixedBound[k] = Math.max(fixedBound[k], plannedArrival[o] + after[o]); // a train already on its way
                }
            }
        }
    }

    /** For each line, its legs not yet entered in the order the solution has them enter it. */
    int[][] orders(MeetSolution s) {
        long[] dep = new long[legs];
        int i = 0;
        for (MeetProblem.TrainTask t : problem.trains()) {
            long[] d = s.departures().get(t.run());
            for (int k = 0; k < t.legs().size(); k++, i++) {
                dep[i] = d[k];
            }
        }
        List<List<Integer>> byLine = new ArrayList<>();
        lines.forEach(l -> byLine.add(new ArrayList<>()));
        for (int k = 0; k < legs; k++) {
            if (!fixed[k]) {
                byLine.get(line[k]).add(k);
            }
        }
        int[][] out = new int[lines.size()][];
        for (int l = 0; l < out.length; l++) {
            out[l] = byLine.get(l).stream()
                    .sorted((x, y) -> dep[x] != dep[y] ? Long.compare(dep[x], dep[y]) : Integer.compare(x, y))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        return out;
    }

    /**
     * The times of every leg under these line orders, each as early as allowed; false when the orders wait on each
     * other (a train would have to be ahead of itself).
     */
    boolean decode(int[][] orders, long[] dep, long[] arr) {
        Arrays.fill(linePrev, -1);
        Arrays.fill(lineNext, -1);
        for (int[] order : orders) {
            for (int k = 1; k < order.length; k++) {
                linePrev[order[k]] = order[k - 1];
                lineNext[order[k - 1]] = order[k];
            }
        }
        int head = 0;
        int tail = 0;
        for (int k = 0; k < legs; k++) {
            indegree[k] = (trainPred[k] >= 0 ? 1 : 0) + (turnPred[k] >= 0 ? 1 : 0) + (linePrev[k] >= 0 ? 1 : 0);
            if (indegree[k] == 0) {
                queue[tail++] = k;
            }
        }
        while (head < tail) {
            int k = queue[head++];
            if (fixed[k]) {
                dep[k] = earliest[k];
                arr[k] = plannedArrival[k];
            } else {
                long d = earliest[k];
                if (trainPred[k] >= 0) {
                    d = Math.max(d, arr[trainPred[k]] + standBefore[k]);
                }
                if (turnPred[k] >= 0) {
                    d = Math.max(d, arr[turnPred[k]] + turnMin[k]);
                }
                long free = fixedBound[k];
                if (linePrev[k] >= 0) {
                    free = Math.max(free, arr[linePrev[k]] + after[linePrev[k]]);
                }
                d = clear(k, Math.max(d, free + before[k]));
                dep[k] = d;
                arr[k] = Math.max(d + run[k], plannedArrival[k]);
            }
            tail = release(trainSucc[k], tail);
            tail = release(lineNext[k], tail);
            for (int s : turnSucc[k]) {
                tail = release(s, tail);
            }
        }
        return tail == legs;
    }

    /**
     * The earliest leg {@code k} may leave at or after {@code t}: a departure a road's window forbids waits until the
     * window ends, as the forecast holds the train before the bridge.
     */
    long clear(int k, long t) {
        return spec[k] == null ? t : spec[k].clearOfWindows(t);
    }

    /** The legs in the order the last successful {@link #decode} timed them: a topological order of its schedule. */
    int[] topologicalOrder() {
        return queue;
    }

    private int release(int k, int tail) {
        if (k >= 0 && --indegree[k] == 0) {
            queue[tail] = k;
            return tail + 1;
        }
        return tail;
    }

    /** The problem's objective (weighted delay at destinations) for these arrival times. */
    long objective(long[] arr) {
        long total = 0;
        for (int t = 0; t < lastLeg.length; t++) {
            if (lastLeg[t] >= 0) {
                total += lateness(t, arr[lastLeg[t]]);
            }
        }
        return total;
    }

    /** What train {@code t} adds to the objective when its last leg arrives at {@code arrival}. */
    long lateness(int t, long arrival) {
        MeetProblem.TrainTask task = problem.trains().get(t);
        return task.weight() * Math.max(0, arrival + task.toDestination() - task.plannedDestination());
    }

    /** The times as a solution of the problem. */
    MeetSolution solution(String method, long[] dep, long[] arr) {
        Map<String, long[]> departures = new HashMap<>();
        Map<String, long[]> arrivals = new HashMap<>();
        for (int t = 0; t < first.length; t++) {
            MeetProblem.TrainTask task = problem.trains().get(t);
            int n = task.legs().size();
            departures.put(task.run(), Arrays.copyOfRange(dep, first[t], first[t] + n));
            arrivals.put(task.run(), Arrays.copyOfRange(arr, first[t], first[t] + n));
        }
        return new MeetSolution(method, departures, arrivals, objective(arr), 0, "FEASIBLE", 0);
    }
}
