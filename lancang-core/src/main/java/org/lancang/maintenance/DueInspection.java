package org.lancang.maintenance;

import java.time.LocalDate;

/**
 * An asset whose inspection is due or overdue.
 *
 * @param lastInspected date of the latest inspection, or {@code null} if it was never inspected
 * @param dueDate       last inspection + the interval of its type (today for an asset never inspected)
 * @param daysOverdue   days since the due date; 0 when not yet overdue
 */
public record DueInspection(Asset asset, LocalDate lastInspected, LocalDate dueDate, long daysOverdue) {
    public boolean neverInspected() {
        return lastInspected == null;
    }
}
