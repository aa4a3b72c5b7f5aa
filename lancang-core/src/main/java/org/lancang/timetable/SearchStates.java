package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The states (departure and waits) the hold-and-retry searches of one request have passed through, and how each of
 * those searches ended. From a given state the search is deterministic, so a search from a later departure that
 * reaches a state an earlier one passed through would end as that one did: it is stopped there, and the answer is
 * the one the full search gives (the same path, the same holds, the same refusal).
 */
final class SearchStates {
    /** Where a search stands before its next try. */
    record State(Instant departure, Map<Integer, Duration> waits) {}

    /** How one search ended: the try at which it did, and the refusal (null when it found a path). */
    static final class Trail {
        private boolean ended;
        private int lastTry;
        private String refusal;
        private boolean outOfTries;

        void found(int atTry) {
            ended = true;
            lastTry = atTry;
        }

        void refused(int atTry, String why, boolean tooManyTries) {
            ended = true;
            lastTry = atTry;
            refusal = why;
            outOfTries = tooManyTries;
        }
    }

    private record Visit(Trail trail, int atTry) {}

    /** What an earlier search from a state tells the search that reaches it again. */
    sealed interface Known {}

    /** It found a path, and so would this one: the same path, so no earlier arrival than the best already kept. */
    record FoundBefore() implements Known {}

    /** It was refused, and this one would be, for the same reason (null: this one would run out of tries first). */
    record RefusedBefore(String why) implements Known {}

    private final Map<State, Visit> seen = new HashMap<>();

    /**
     * Records that {@code trail} is at {@code state} before try {@code atTry}; returns what an earlier search from the
     * same state tells, or null when the search must go on.
     */
    Known reach(State state, Trail trail, int atTry, int maxTries) {
        Visit before = seen.get(state);
        if (before == null || before.trail() == trail || !before.trail().ended) {
            seen.putIfAbsent(state, new Visit(trail, atTry));
            return null;
        }
        Trail t = before.trail();
        int triesLeftThen = t.lastTry - before.atTry();
        if (t.outOfTries && atTry < before.atTry()) {
            seen.put(state, new Visit(trail, atTry)); // this one has more tries left: it may get further
            return null;
        }
        if (atTry + triesLeftThen > maxTries) {
            return new RefusedBefore(null);
        }
        return t.refusal == null ? new FoundBefore() : new RefusedBefore(t.refusal);
    }
}
