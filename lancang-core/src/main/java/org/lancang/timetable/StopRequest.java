package org.lancang.timetable;

import java.time.Duration;
import java.time.LocalTime;

/**
 * "Stop at this point for this long": a planner's stop. With {@code departAt} the planner has fixed the departure by
 * hand (local time at the point): the train stands at least {@code dwell}, and longer if it would otherwise leave early.
 */
public record StopRequest(String point, Duration dwell, LocalTime departAt) {
    public StopRequest(String point, Duration dwell) {
        this(point, dwell, null);
    }
}
