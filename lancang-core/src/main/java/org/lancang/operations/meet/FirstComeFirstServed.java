package org.lancang.operations.meet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The baseline: the train that is ready first for a single-track line gets it first, as a station master without a plan
 * would do. A discrete-event run over the problem: the next leg granted is always the one that can start earliest.
 */
public final class FirstComeFirstServed {
    private FirstComeFirstServed() {}

    public static MeetSolution solve(MeetProblem p) {
        return dispatch(p, false, "FCFS");
    }

    /**
     * The same run of the day with every line kept in its current order (a leg goes only when the one ranked before it
     * on its line has gone): the forecast as it stands, in the problem's terms, and a feasible start for a solver.
     */
    public static MeetSolution keepingOrder(MeetProblem p) {
        return dispatch(p, true, "CURRENT ORDER");
    }

    private static MeetSolution dispatch(MeetProblem p, boolean keepOrder, String method) {
        Map<String, TreeSet<Integer>> waitingRanks = new HashMap<>();
        for (MeetProblem.TrainTask t : p.trains()) {
            for (MeetProblem.Leg l : t.legs()) {
                if (!l.fixed()) {
                    waitingRanks.computeIfAbsent(l.line(), x -> new TreeSet<>()).add(l.rank());
                }
            }
        }
        Map<String, MeetProblem.TrainTask> byRun = new HashMap<>();
        p.trains().forEach(t -> byRun.put(t.run(), t));
        Map<String, long[]> dep = new HashMap<>();
        Map<String, long[]> arr = new HashMap<>();
        Map<String, Integer> next = new HashMap<>();
        Map<String, Long> ready = new HashMap<>();
        Map<String, Long> lineFree = new HashMap<>();
        Map<String, List<long[]>> fixedUses = new HashMap<>(); // legs already entered: {rank, end}
        Map<String, MeetProblem.Turn> turnInto = new HashMap<>();
        p.turns().forEach(t -> turnInto.put(t.next(), t));
        for (MeetProblem.TrainTask t : p.trains()) {
            dep.put(t.run(), new long[t.legs().size()]);
            arr.put(t.run(), new long[t.legs().size()]);
            int k = 0;
            long r = Long.MIN_VALUE;
            while (k < t.legs().size() && t.legs().get(k).fixed()) {
                MeetProblem.Leg l = t.legs().get(k);
                dep.get(t.run())[k] = l.fixedDeparture();
                arr.get(t.run())[k] = l.fixedArrival();
                fixedUses
                        .computeIfAbsent(l.line(), x -> new ArrayList<>())
                        .add(new long[] {l.rank(), l.fixedArrival() + l.after()});
                r = l.fixedArrival() + l.minimumStandAfter();
                k++;
            }
            next.put(t.run(), k);
            ready.put(t.run(), r);
        }
        while (true) {
            String best = null;
            long bestStart = Long.MAX_VALUE;
            for (MeetProblem.TrainTask t : p.trains()) {
                int k = next.get(t.run());
                if (k >= t.legs().size()) {
                    continue;
                }
                long r = ready.get(t.run());
                if (k == 0 && turnInto.containsKey(t.run())) {
                    MeetProblem.Turn turn = turnInto.get(t.run());
                    MeetProblem.TrainTask prev = byRun.get(turn.previous());
                    if (prev != null && !prev.legs().isEmpty()) {
                        if (next.get(prev.run()) < prev.legs().size()) {
                            continue; // its set has not arrived yet
                        }
                        r = Math.max(r, arr.get(prev.run())[prev.legs().size() - 1] + turn.minimum());
                    }
                }
                MeetProblem.Leg l = t.legs().get(k);
                if (keepOrder && waitingRanks.get(l.line()).first() != l.rank()) {
                    continue; // a train ranked before it on this line has not gone yet
                }
                // a train the road's window holds before a bridge is not ready for the line until the window ends
                long start = l.clearOfWindows(Math.max(r, l.earliestDeparture()));
                if (start < bestStart || (start == bestStart && t.run().compareTo(best) < 0)) {
                    bestStart = start;
                    best = t.run();
                }
            }
            if (best == null) {
                if (keepOrder
                        && next.entrySet().stream()
                                .anyMatch(e -> e.getValue()
                                        < byRun.get(e.getKey()).legs().size())) {
                    keepOrder = false; // the orders wait on each other: let the rest go first come, first served
                    method = method + " (orders wait on each other: the rest first come, first served)";
                    continue;
                }
                break;
            }
            MeetProblem.TrainTask t = byRun.get(best);
            int k = next.get(best);
            MeetProblem.Leg l = t.legs().get(k);
            long free = lineFree.getOrDefault(l.line(), Long.MIN_VALUE / 4);
            for (long[] u : fixedUses.getOrDefault(l.line(), List.of())) {
                if (u[0] < l.rank()) {
                    free = Math.max(free, u[1]); // a train already on its way, ranked before this one
                }
            }
            long d = l.clearOfWindows(Math.max(bestStart, free + l.before()));
            long a = Math.max(d + l.minimumRun(), l.plannedArrival());
            dep.get(best)[k] = d;
            arr.get(best)[k] = a;
            lineFree.put(l.line(), a + l.after());
            ready.put(best, a + l.minimumStandAfter());
            next.put(best, k + 1);
            waitingRanks.get(l.line()).remove(l.rank());
        }
        long objective = objective(p, arr);
        return new MeetSolution(method, dep, arr, objective, 0, "FEASIBLE", 0);
    }

    /** The problem's objective for these arrival times. */
    public static long objective(MeetProblem p, Map<String, long[]> arrivals) {
        long total = 0;
        for (MeetProblem.TrainTask t : p.trains()) {
            long[] a = arrivals.get(t.run());
            if (a == null || a.length == 0) {
                continue;
            }
            long dest = a[a.length - 1] + t.toDestination();
            total += t.weight() * Math.max(0, dest - t.plannedDestination());
        }
        return total;
    }

    /** For each line, the runs in the order the solution has them enter it. */
    public static Map<String, List<String>> lineOrders(MeetProblem p, MeetSolution s) {
        Map<String, List<String>> out = new HashMap<>();
        Map<String, TreeMap<Long, List<String>>> byLine = new HashMap<>();
        for (MeetProblem.TrainTask t : p.trains()) {
            long[] d = s.departures().get(t.run());
            for (int k = 0; k < t.legs().size(); k++) {
                byLine.computeIfAbsent(t.legs().get(k).line(), x -> new TreeMap<>())
                        .computeIfAbsent(d[k], x -> new ArrayList<>())
                        .add(t.run());
            }
        }
        byLine.forEach((line, m) -> {
            List<String> order = new ArrayList<>();
            m.values().forEach(order::addAll);
            out.put(line, order);
        });
        return out;
    }
}
