package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * "Find me a path": a new train of a type from one point to another with these stops, leaving no earlier than
 * {@code earliestDeparture}. With {@code fixedDeparture} it must leave exactly then (a published passenger time) and
 * may only wait on the way. {@code via} names the junctions the train runs through, in order, as a plan's
 * {@link TrainPlan#via} does: where two ways join the two points, it asks for the one that is not the shortest.
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
        Duration maxDelay,
        List<String> via) {
    public PathRequest {
        Objects.requireNonNull(earliestDeparture, "earliestDeparture");
        stops = List.copyOf(stops);
        maxDelay = maxDelay == null ? Duration.ofHours(12) : maxDelay;
        via = via == null ? List.of() : List.copyOf(via);
    }

    /** A request along the shortest route. */
    public PathRequest(
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
        this(
                number,
                operator,
                trainType,
                passenger,
                calendar,
                from,
                to,
                stops,
                earliestDeparture,
                fixedDeparture,
                allowancePercent,
                maxDelay,
                List.of());
    }
}
