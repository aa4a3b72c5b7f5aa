package org.lancang.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The legs already run for one train on one track under one set of temporary restrictions. A leg runs from rest to
 * rest between two positions, and what it does depends on nothing else (dwells, allowance and supplements are added
 * after): a search that adds stops one at a time, like path insertion holding a train at one loop after another, runs
 * each leg once instead of running the whole path again. Give a memo only to requests with the same train, track and
 * restrictions. Safe to share between threads; bounded.
 */
public final class LegMemo {
    /** More legs than this and the memo starts again: a long-running planner meets many plans. */
    static final int MAX_LEGS = 4_000;

    private record Span(double startM, double endM) {}

    private final Map<Span, LegRun> legs = new ConcurrentHashMap<>();
    private volatile Object[] physics; // the speed profile and the dynamics, built once for the first request

    LegRun leg(double startM, double endM, Supplier<LegRun> run) {
        if (legs.size() > MAX_LEGS) {
            legs.clear();
        }
        return legs.computeIfAbsent(new Span(startM, endM), s -> run.get());
    }

    Object[] physics(Supplier<Object[]> build) {
        Object[] p = physics;
        if (p == null) {
            p = build.get();
            physics = p;
        }
        return p;
    }

    /** How many legs are kept (for tests). */
    public int size() {
        return legs.size();
    }
}
