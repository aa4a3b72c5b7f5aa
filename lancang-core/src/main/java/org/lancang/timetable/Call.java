package org.lancang.timetable;

import java.time.Duration;
import java.util.Objects;

/**
 * A train at one point of its path. Times are offsets from midnight of the service date in the zone of the train's
 * origin, so a train that leaves Vientiane at 08:00 Lao time has departure 8h, and one arriving after midnight has
 * offsets beyond 24h. Where the train passes without stopping, arrival equals departure.
 */
public record Call(String pointCode, Duration arrival, Duration departure, boolean stops) {
    public Call {
        Objects.requireNonNull(pointCode, "pointCode");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(departure, "departure");
        if (departure.compareTo(arrival) < 0) {
            throw new IllegalArgumentException("departure before arrival at " + pointCode);
        }
    }

    public Duration dwell() {
        return departure.minus(arrival);
    }
}
