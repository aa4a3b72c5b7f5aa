package org.lancang.timetable;

import java.time.Duration;

/** "Stop at this point for this long": a planner's stop. */
public record StopRequest(String point, Duration dwell) {
}
