package org.lancang.tracking;

import java.time.Instant;
import org.lancang.errors.InvalidInput;

/** The order of a unit's steps in time: a step may not be dated before the unit's latest one. */
public final class BoxTimeline {
    private BoxTimeline() {}

    /**
     * Refuses {@code next} when it is dated before {@code latest} (the unit's latest step so far, or null), naming
     * {@code field}.
     */
    public static void checkAfter(Instant latest, BoxEvent next, String field) {
        if (latest != null && next.at().isBefore(latest)) {
            throw new InvalidInput(
                    field,
                    next.type() + " of " + next.unit() + " at " + next.at() + " is before its latest step (" + latest
                            + ")",
                    "tracking-before-previous");
        }
    }
}
