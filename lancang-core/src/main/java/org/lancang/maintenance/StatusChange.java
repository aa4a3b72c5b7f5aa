package org.lancang.maintenance;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a work order's history.
 *
 * @param from   the status before, or {@code null} for the creation of the order
 * @param detail what went with the step (the window and crew planned, a lifted restriction, the user's note)
 */
public record StatusChange(WorkOrderStatus from, WorkOrderStatus to, String by, Instant at, String detail) {
    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
    }
}
