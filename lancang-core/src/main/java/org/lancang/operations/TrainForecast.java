package org.lancang.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A run's forecast: every call, the last reported event, the delay now (of the last report, 0 before the first) and the
 * forecast arrival at the destination with its delay.
 */
public record TrainForecast(
        String train,
        LocalDate serviceDate,
        TrainPriority priority,
        String from,
        String to,
        RunningEvent lastEvent,
        long delayNowSeconds,
        Instant destinationArrival,
        long destinationDelaySeconds,
        List<CallForecast> calls) {
    public TrainForecast {
        calls = List.copyOf(calls);
    }
}
