package org.lancang.runtime;

import java.time.Duration;

/**
 * A scheduled stop: the train's head comes to rest at {@code positionM} and stays for {@code dwell}.
 * A stop at 0 is the origin: times are counted from the departure there, so its dwell does not count.
 *
 * @param positionM position of the head at the stop, m from the path start
 * @param dwell     standing time, {@code >= 0}
 */
public record Stop(double positionM, Duration dwell) {

    public Stop {
        Require.nonNegative(positionM, "positionM");
        Require.nonNull(dwell, "dwell");
        if (dwell.isNegative()) {
            throw new IllegalArgumentException("dwell must be >= 0, was " + dwell);
        }
    }
}
