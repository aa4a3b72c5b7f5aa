package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A train on one service date: its plan, its computed run, and the instant it leaves its origin. */
public record ScheduledRun(TrainPlan plan, LocalDate serviceDate, TrainRun run, Instant departure) {
    /** The id used for it in blocking times and conflicts: {@code D887@2026-12-01}. */
    public String owner() {
        return plan.number() + "@" + serviceDate;
    }

    public Instant at(Duration offset) {
        return departure.plus(offset);
    }

    public Instant arrival() {
        return departure.plus(run.runningTime());
    }
}
