package org.lancang.timetable;

import java.time.Duration;
import java.util.List;

/** The path found: the plan (with the waits at loops as stops), its run on the day, and what the search did. */
public record InsertedPath(
        TrainPlan plan, ScheduledRun run, List<StopRequest> waits, Duration departureDelay, int iterations) {
    public InsertedPath {
        waits = List.copyOf(waits);
    }

    public Duration totalWait() {
        return waits.stream().map(StopRequest::dwell).reduce(Duration.ZERO, Duration::plus);
    }
}
