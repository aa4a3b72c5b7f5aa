package org.lancang.maintenance;

import java.time.LocalDate;
import java.util.List;

/**
 * What needs inspecting as of {@code today}.
 *
 * @param overdue due date before today, most overdue first
 * @param due     due date from today to today + the look-ahead, soonest first
 */
public record InspectionSchedule(LocalDate today, List<DueInspection> overdue, List<DueInspection> due) {
    public InspectionSchedule {
        overdue = List.copyOf(overdue);
        due = List.copyOf(due);
    }
}
