package org.lancang.operations.meet;

import java.util.Map;

/**
 * Departure and arrival times of every leg of every train, as one method found them, with the objective (weighted
 * seconds of delay at destinations, as the problem counts it), the best bound the method proved, and its status.
 */
public record MeetSolution(
        String method,
        Map<String, long[]> departures,
        Map<String, long[]> arrivals,
        long objective,
        long bound,
        String status,
        long millis) {
    public MeetSolution {
        departures = Map.copyOf(departures);
        arrivals = Map.copyOf(arrivals);
    }

    /** (objective − bound) / objective: 0 when proven optimal. */
    public double gap() {
        return objective <= 0 ? 0 : Math.max(0, (double) (objective - bound) / objective);
    }
}
