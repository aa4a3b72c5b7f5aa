package org.lancang.operations;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A train at one point of its path: planned, actual (where reported) and forecast times, the delay of the forecast
 * against the plan in seconds, and its cause. The origin has no arrival and the destination no departure (null).
 */
public record CallForecast(
        String point,
        ZoneId zone,
        boolean stops,
        Instant plannedArrival,
        Instant plannedDeparture,
        Instant actualArrival,
        Instant actualDeparture,
        Instant forecastArrival,
        Instant forecastDeparture,
        long arrivalDelaySeconds,
        long departureDelaySeconds,
        Cause cause) {}
