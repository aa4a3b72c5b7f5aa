package org.lancang.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A train kept at a point until something outside the railway lets it go (customs at a border): it may not leave
 * {@code point} (nor report any event beyond it) before {@code releasedAt}, and not at all while the hold is open
 * ({@code releasedAt} null). The forecast has it leave no earlier than the release, or, while open, than now.
 */
public record DepartureHold(String train, LocalDate serviceDate, String point, Instant releasedAt, String reason) {
    public DepartureHold {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(serviceDate, "serviceDate");
        Objects.requireNonNull(point, "point");
        reason = reason == null ? "" : reason;
    }

    public boolean open() {
        return releasedAt == null;
    }

    /** The run it holds, as the forecast names it. */
    public String run() {
        return train + "@" + serviceDate;
    }
}
