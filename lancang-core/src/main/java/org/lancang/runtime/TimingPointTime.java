package org.lancang.runtime;

import java.time.Duration;

/**
 * The times at one {@link TimingPoint}, as offsets from the departure at the path start.
 * When passing, arrival and departure are equal. The path start is reported as stopped, at zero.
 *
 * @param name             the timing point's name
 * @param positionM        its position, m from the path start
 * @param stopped          whether the train stands there (a stop, the origin or the path end)
 * @param arrival          arrival (or passing) time, allowance included
 * @param departure        departure time: arrival plus dwell when stopping
 * @param minimumArrival   arrival time with no allowance
 * @param minimumDeparture departure time with no allowance
 */
public record TimingPointTime(
        String name,
        double positionM,
        boolean stopped,
        Duration arrival,
        Duration departure,
        Duration minimumArrival,
        Duration minimumDeparture) {}
