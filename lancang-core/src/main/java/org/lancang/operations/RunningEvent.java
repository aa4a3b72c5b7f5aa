package org.lancang.operations;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An actual time at a timing point: train {@code train} of service date {@code serviceDate} arrived at, departed from or
 * passed {@code point} at {@code at}, as reported by {@code source} (a train describer, a dispatcher, the simulator).
 */
public record RunningEvent(
        String train, LocalDate serviceDate, String point, EventKind kind, Instant at, String source) {
    /** The run it belongs to, as blocking times and conflicts name it: {@code D887@2026-12-05}. */
    public String run() {
        return train + "@" + serviceDate;
    }

    /** Train, date, point and kind: two events with the same key are one event reported twice. */
    public String key() {
        return run() + "/" + point + "/" + kind;
    }
}
