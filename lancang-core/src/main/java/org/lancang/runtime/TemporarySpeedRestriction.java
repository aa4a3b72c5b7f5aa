package org.lancang.runtime;

/**
 * A temporary speed restriction (TSR, "slow order") over {@code [fromM, toM)} along the path. Like every limit,
 * it holds until the train's tail has passed {@code toM}. The caller decides which restrictions are valid at the
 * time of the run; this package applies all it is given.
 *
 * @param fromM    start, m from the path start
 * @param toM      end, m, greater than {@code fromM}
 * @param speedMps restricted speed, m/s, {@code > 0}
 */
public record TemporarySpeedRestriction(double fromM, double toM, double speedMps) {

    public TemporarySpeedRestriction {
        Require.increasingRange(fromM, toM, "fromM", "toM");
        Require.positive(speedMps, "speedMps");
    }
}
