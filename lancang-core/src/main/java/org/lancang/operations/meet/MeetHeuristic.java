package org.lancang.operations.meet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A good order of the meets found cheaply in plain Java, as the solver's start: a priority-aware dispatch (where two
 * trains contend for a line, the one whose waiting costs less weighted delay waits; a train a road's window holds
 * before a bridge is ready only when the window ends), then a local search that moves a
 * leg up to {@link #REACH} places earlier or later on its line and keeps the move when the problem's objective (the
 * weighted delay at destinations, as first come first served and the solver count it) goes down. Its effort is counted
 * in schedules evaluated, not in time, so the same problem gets the same answer on a quiet machine and a loaded one.
 */
public final class MeetHeuristic {
    /**
     * Schedules evaluated per re-planning (each only on the legs the move can change, {@link MoveEvaluator}): on
     * {@code lancang bench ops} most searches settle (a pass finds nothing better) well before it; the rest is left
     * to the solver, which starts from where the search stopped.
     */
    public static final int BUDGET = 2000;

    /** How many places a leg may move in one step of the local search. */
    static final int REACH = 3;

    private MeetHeuristic() {}

    /**
     * The best of the starts, the priority-aware dispatch and the local search from the best of them; never worse than
     * any start. Only legs the problem lets change places ({@code decide}) are moved by the search.
     */
    public static MeetSolution solve(MeetProblem p, List<MeetSolution> starts, int budget) {
        return solve(p, starts, budget, true);
    }

    /**
     * The same, each move costed by a full decode of the day when {@code incremental} is false: the reference the
     * incremental evaluation ({@link MoveEvaluator}) must give the same answer as, and the benchmark's baseline.
     */
    public static MeetSolution solve(MeetProblem p, List<MeetSolution> starts, int budget, boolean incremental) {
        LegSchedule s = new LegSchedule(p);
        long[] dep = new long[s.legs];
        long[] arr = new long[s.legs];
        int[][] best = null;
        long bestCost = Long.MAX_VALUE;
        List<int[][]> candidates = new ArrayList<>();
        starts.forEach(start -> candidates.add(s.orders(start)));
        candidates.add(dispatch(s));
        for (int[][] orders : candidates) {
            if (s.decode(orders, dep, arr) && s.objective(arr) < bestCost) {
                best = orders;
                bestCost = s.objective(arr);
            }
        }
        MeetSolution bestStart = starts.stream()
                .min((a, b) -> Long.compare(a.objective(), b.objective()))
                .orElse(null);
        if (best == null) {
            return bestStart;
        }
        int used = candidates.size();
        MoveEvaluator moves = incremental ? new MoveEvaluator(s, best) : null;
        boolean improved = true;
        for (int pass = 0; improved && used < budget; pass++) {
            improved = false;
            if (moves != null && pass > 0) {
                moves.reset(); // sorted by the new times again
            }
            for (int l = 0; l < best.length; l++) {
                int[] order = best[l];
                for (int i = 0; i < order.length && used < budget; i++) {
                    for (int j = i + 1; j <= i + REACH && j < order.length && used < budget; j++) {
                        if (!movable(s, order, i, j)) {
                            break;
                        }
                        for (boolean forward : new boolean[] {true, false}) {
                            if (j == i + 1 && !forward) {
                                continue; // the same swap
                            }
                            move(order, i, j, forward);
                            used++;
                            long cost;
                            if (moves != null) {
                                cost = moves.evaluate(l, i, j);
                            } else {
                                cost = s.decode(best, dep, arr) ? s.objective(arr) : Long.MAX_VALUE;
                            }
                            if (cost < bestCost) {
                                bestCost = cost;
                                improved = true;
                                if (moves != null) {
                                    moves.commit();
                                }
                            } else {
                                move(order, i, j, !forward); // undo
                                if (moves != null) {
                                    moves.rollback();
                                }
                            }
                        }
                    }
                }
            }
        }
        s.decode(best, dep, arr);
        MeetSolution found = s.solution("HEURISTIC (" + used + " schedules)", dep, arr);
        return bestStart != null && bestStart.objective() < found.objective() ? bestStart : found;
    }

    private static boolean movable(LegSchedule s, int[] order, int i, int j) {
        for (int k = i; k <= j; k++) {
            if (!s.decide[order[k]]) {
                return false;
            }
        }
        return true;
    }

    /** Forward: the leg at {@code j} moves up to {@code i}; backward: the leg at {@code i} moves down to {@code j}. */
    static void move(int[] order, int i, int j, boolean forward) {
        if (forward) {
            int x = order[j];
            for (int k = j; k > i; k--) {
                order[k] = order[k - 1];
            }
            order[i] = x;
        } else {
            int x = order[i];
            for (int k = i; k < j; k++) {
                order[k] = order[k + 1];
            }
            order[j] = x;
        }
    }

    /**
     * First come, first served with priorities: the leg that can leave first is granted its line, unless another train
     * ready for the same line would lose less weighted time waiting for it than it would make that train lose (a look
     * one meet ahead: each one's wait at this line, times its weight).
     */
    static int[][] dispatch(LegSchedule s) {
        int trains = s.first.length;
        int[] next = new int[trains];
        long[] dep = new long[s.legs];
        long[] arr = new long[s.legs];
        long[] lineFree = new long[s.lines.size()];
        Arrays.fill(lineFree, Long.MIN_VALUE / 4);
        List<List<Integer>> granted = new ArrayList<>();
        s.lines.forEach(l -> granted.add(new ArrayList<>()));
        for (int t = 0; t < trains; t++) {
            next[t] = s.lastLeg[t] < 0 ? Integer.MAX_VALUE : s.first[t];
            while (next[t] <= s.lastLeg[t] && s.fixed[next[t]]) {
                dep[next[t]] = s.earliest[next[t]];
                arr[next[t]] = s.plannedArrival[next[t]];
                next[t]++;
            }
        }
        long[] start = new long[s.legs];
        long[] leave = new long[s.legs];
        List<Integer> ready = new ArrayList<>();
        while (true) {
            ready.clear();
            int x = -1;
            for (int t = 0; t < trains; t++) {
                int k = next[t];
                if (k > s.lastLeg[t]) {
                    continue;
                }
                int turn = s.turnPred[k];
                if (turn >= 0 && next[s.train[turn]] <= turn) {
                    continue; // its set has not arrived yet
                }
                long r = s.earliest[k];
                if (s.trainPred[k] >= 0) {
                    r = Math.max(r, arr[s.trainPred[k]] + s.standBefore[k]);
                }
                if (turn >= 0) {
                    r = Math.max(r, arr[turn] + s.turnMin[k]);
                }
                start[k] = r;
                leave[k] = s.clear(k, Math.max(r, Math.max(lineFree[s.line[k]], s.fixedBound[k]) + s.before[k]));
                ready.add(k);
                if (x < 0 || leave[k] < leave[x] || (leave[k] == leave[x] && k < x)) {
                    x = k;
                }
            }
            if (x < 0) {
                break;
            }
            int chosen = x;
            long bestSaving = 0;
            for (int y : ready) {
                if (y == x || s.line[y] != s.line[x]) {
                    continue;
                }
                long xFirst =
                        s.weight[y] * (s.clear(y, Math.max(leave[y], end(s, x, leave[x]) + s.before[y])) - leave[y]);
                long yFirst =
                        s.weight[x] * (s.clear(x, Math.max(leave[x], end(s, y, leave[y]) + s.before[x])) - leave[x]);
                if (xFirst - yFirst > bestSaving) {
                    bestSaving = xFirst - yFirst;
                    chosen = y;
                }
            }
            long d = leave[chosen];
            dep[chosen] = d;
            arr[chosen] = Math.max(d + s.run[chosen], s.plannedArrival[chosen]);
            lineFree[s.line[chosen]] = arr[chosen] + s.after[chosen];
            granted.get(s.line[chosen]).add(chosen);
            next[s.train[chosen]]++;
        }
        int[][] out = new int[granted.size()][];
        for (int l = 0; l < out.length; l++) {
            out[l] = granted.get(l).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** When the line is free again after leg {@code k} leaves at {@code d}. */
    private static long end(LegSchedule s, int k, long d) {
        return Math.max(d + s.run[k], s.plannedArrival[k]) + s.after[k];
    }
}
