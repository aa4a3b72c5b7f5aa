package org.lancang.operations.meet;

import java.util.Arrays;

/**
 * The heuristic's moves evaluated on the legs they can change only, giving the cost a full {@link LegSchedule#decode}
 * would give. A move reorders a few neighbouring legs of one line; the current times are kept with a topological
 * order of the current schedule, sorted by departure so that those legs lie close together in it. Everything before
 * the first of them keeps its time (none of its predecessors changed); the stretch from the first to the last of them
 * is ordered again and timed (where a cycle, a train ahead of itself, can only be); after it, only the legs whose
 * predecessor arrives at a new time are timed again, in order, and the change stops where a time does not move.
 */
final class MoveEvaluator {
    private final LegSchedule s;
    private final int[][] orders;
    private final long[] dep;
    private final long[] arr;
    private final int[] linePrev;
    private final int[] lineNext;
    private final int[] ord; // a topological order of the current schedule
    private final int[] pos; // each leg's place in it
    private long cost;
    // the move being evaluated
    private int line = -1;
    private int lo;
    private int hi;
    private int pmin;
    private int pmax;
    private final int[] stretch; // the stretch [pmin, pmax] ordered again for the move
    private final int[] indegree;
    private final int[] heap;
    private int heapSize;
    private final int[] mark;
    private int epoch;
    private final int[] logLeg;
    private final long[] logDep;
    private final long[] logArr;
    private int logSize;
    private long delta;

    /** Starts from these orders, which must decode (the caller keeps them and moves legs in them). */
    MoveEvaluator(LegSchedule s, int[][] orders) {
        this.s = s;
        this.orders = orders;
        int n = s.legs;
        dep = new long[n];
        arr = new long[n];
        linePrev = new int[n];
        lineNext = new int[n];
        ord = new int[n];
        pos = new int[n];
        stretch = new int[n];
        indegree = new int[n];
        heap = new int[n];
        mark = new int[n];
        logLeg = new int[n];
        logDep = new long[n];
        logArr = new long[n];
        reset();
    }

    /** The weighted delay of the current orders. */
    long cost() {
        return cost;
    }

    /** Times and order again from nothing (a full decode): after many moves the order is sorted by time again. */
    void reset() {
        if (!s.decode(orders, dep, arr)) {
            throw new IllegalArgumentException("the orders wait on each other");
        }
        cost = s.objective(arr);
        Arrays.fill(linePrev, -1);
        Arrays.fill(lineNext, -1);
        for (int[] o : orders) {
            link(o, 0, o.length - 1);
        }
        int[] kahn = s.topologicalOrder();
        int[] kahnPos = new int[s.legs];
        for (int i = 0; i < s.legs; i++) {
            kahnPos[kahn[i]] = i;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int k = 0; k < s.legs; k++) {
            min = Math.min(min, dep[k]);
            max = Math.max(max, dep[k]);
        }
        boolean sorted = s.legs > 0 && max - min < Long.MAX_VALUE / s.legs - 1;
        if (sorted) {
            // by departure, then by the decode's order: one primitive sort (this runs once per pass of the search)
            long[] keys = new long[s.legs];
            for (int k = 0; k < s.legs; k++) {
                keys[k] = (dep[k] - min) * s.legs + kahnPos[k];
            }
            Arrays.sort(keys);
            for (int i = 0; i < s.legs; i++) {
                ord[i] = kahn[(int) (keys[i] % s.legs)];
                pos[ord[i]] = i;
            }
        }
        if (!sorted || !topological()) {
            // a leg leaving before its predecessor (not in the data as it is): the order of the decode is always valid
            for (int i = 0; i < s.legs; i++) {
                ord[i] = kahn[i];
            }
            for (int i = 0; i < s.legs; i++) {
                pos[ord[i]] = i;
            }
        }
    }

    private boolean topological() {
        for (int k = 0; k < s.legs; k++) {
            if (before(s.trainPred[k], k) || before(s.turnPred[k], k) || before(linePrev[k], k)) {
                return false;
            }
        }
        return true;
    }

    private boolean before(int p, int k) {
        return p >= 0 && pos[p] >= pos[k];
    }

    /**
     * The cost once the legs at places {@code lo..hi} of {@code line}'s order have been reordered by the caller, or
     * {@link Long#MAX_VALUE} when the orders then wait on each other. Then {@link #commit} or, once the caller has put
     * the order back, {@link #rollback}.
     */
    long evaluate(int line, int lo, int hi) {
        this.line = line;
        this.lo = lo;
        this.hi = hi;
        int[] o = orders[line];
        link(o, lo, hi);
        int last = Math.min(hi + 1, o.length - 1);
        pmin = Integer.MAX_VALUE;
        pmax = -1;
        for (int q = lo; q <= last; q++) {
            pmin = Math.min(pmin, pos[o[q]]);
            pmax = Math.max(pmax, pos[o[q]]);
        }
        epoch++;
        logSize = 0;
        delta = 0;
        heapSize = 0;
        int head = 0;
        int tail = 0;
        for (int p = pmin; p <= pmax; p++) {
            int k = ord[p];
            indegree[k] = inStretch(s.trainPred[k]) + inStretch(s.turnPred[k]) + inStretch(linePrev[k]);
            if (indegree[k] == 0) {
                stretch[tail++] = k;
            }
        }
        while (head < tail) {
            int k = stretch[head++];
            time(k);
            tail = release(s.trainSucc[k], tail);
            tail = release(lineNext[k], tail);
            for (int x : s.turnSucc[k]) {
                tail = release(x, tail);
            }
        }
        if (tail < pmax - pmin + 1) {
            restoreTimes();
            return Long.MAX_VALUE;
        }
        while (heapSize > 0) {
            time(pop());
        }
        return cost + delta;
    }

    /** Keeps the move evaluated last. */
    void commit() {
        for (int i = 0; i <= pmax - pmin; i++) {
            ord[pmin + i] = stretch[i];
        }
        for (int p = pmin; p <= pmax; p++) {
            pos[ord[p]] = p;
        }
        cost += delta;
        line = -1;
    }

    /** Forgets the move evaluated last; the caller has put its line's order back as it was. */
    void rollback() {
        restoreTimes();
        link(orders[line], lo, hi);
        line = -1;
    }

    /** The current times (read only). */
    long[] departures() {
        return dep;
    }

    long[] arrivals() {
        return arr;
    }

    private void restoreTimes() {
        for (int i = logSize - 1; i >= 0; i--) {
            dep[logLeg[i]] = logDep[i];
            arr[logLeg[i]] = logArr[i];
        }
        logSize = 0;
    }

    /** The line links of places {@code lo..hi} of an order, and of their neighbours. */
    private void link(int[] o, int lo, int hi) {
        for (int q = Math.max(0, lo - 1); q <= Math.min(hi + 1, o.length - 1); q++) {
            linePrev[o[q]] = q > 0 ? o[q - 1] : -1;
            lineNext[o[q]] = q + 1 < o.length ? o[q + 1] : -1;
        }
    }

    private int inStretch(int k) {
        return k >= 0 && pos[k] >= pmin && pos[k] <= pmax ? 1 : 0;
    }

    private int release(int k, int tail) {
        if (inStretch(k) == 1 && --indegree[k] == 0) {
            stretch[tail] = k;
            return tail + 1;
        }
        return tail;
    }

    /** Times leg {@code k} from its predecessors, as the full decode does; a new arrival marks its successors. */
    private void time(int k) {
        long d;
        long a;
        if (s.fixed[k]) {
            d = s.earliest[k];
            a = s.plannedArrival[k];
        } else {
            d = s.earliest[k];
            if (s.trainPred[k] >= 0) {
                d = Math.max(d, arr[s.trainPred[k]] + s.standBefore[k]);
            }
            if (s.turnPred[k] >= 0) {
                d = Math.max(d, arr[s.turnPred[k]] + s.turnMin[k]);
            }
            long free = s.fixedBound[k];
            if (linePrev[k] >= 0) {
                free = Math.max(free, arr[linePrev[k]] + s.after[linePrev[k]]);
            }
            d = s.clear(k, Math.max(d, free + s.before[k]));
            a = Math.max(d + s.run[k], s.plannedArrival[k]);
        }
        if (d == dep[k] && a == arr[k]) {
            return;
        }
        logLeg[logSize] = k;
        logDep[logSize] = dep[k];
        logArr[logSize] = arr[k];
        logSize++;
        int t = s.train[k];
        if (s.lastLeg[t] == k) {
            delta += s.lateness(t, a) - s.lateness(t, arr[k]);
        }
        dep[k] = d;
        boolean moved = a != arr[k];
        arr[k] = a;
        if (moved) {
            later(s.trainSucc[k]);
            later(lineNext[k]);
            for (int x : s.turnSucc[k]) {
                later(x);
            }
        }
    }

    /** Queues a successor past the stretch (those in it are all timed anyway), once. */
    private void later(int k) {
        if (k < 0 || pos[k] <= pmax || mark[k] == epoch) {
            return;
        }
        mark[k] = epoch;
        int i = heapSize++;
        while (i > 0 && pos[heap[(i - 1) / 2]] > pos[k]) {
            heap[i] = heap[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        heap[i] = k;
    }

    private int pop() {
        int top = heap[0];
        int x = heap[--heapSize];
        int i = 0;
        while (2 * i + 1 < heapSize) {
            int c = 2 * i + 1;
            if (c + 1 < heapSize && pos[heap[c + 1]] < pos[heap[c]]) {
                c++;
            }
            if (pos[heap[c]] >= pos[x]) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = x;
        return top;
    }
}
