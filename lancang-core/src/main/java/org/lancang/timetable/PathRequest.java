package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * "Find me a path": a new train of a type from one point to another with these stops, leaving no earlier than
 * {@code earliestDeparture}. With {@code fixedDeparture} it must leave exactly then (a published passenger time) and
 * may only wait on the way.
 */
public record PathRequest(
        String number,
        Operator operator,
        String trainType,
        boolean passenger,
        ServiceCalendar calendar,
        String from,
        String to,
        List<StopRequest> stops,
        Instant earliestDeparture,
        boolean fixedDeparture,
        double allowancePercent,
        Duration maxDelay) {
    public PathRequest {
        Objects.requireNonNull(earliestDeparture, "earliestDeparture");
        stops = List.copyOf(stops);
        maxDelay = maxDelay == null ? Duration.ofHours(12) : maxDelay;
    }
}
