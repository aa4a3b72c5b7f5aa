package org.lancang.runtime;

/**
 * A static line speed limit over {@code [fromM, toM)} along the path.
 *
 * @param fromM    start, m from the path start
 * @param toM      end, m, greater than {@code fromM}
 * @param speedMps the limit, m/s, {@code > 0}
 */
public record SpeedLimit(double fromM, double toM, double speedMps) {

    public SpeedLimit {
        Require.increasingRange(fromM, toM, "fromM", "toM");
        Require.positive(speedMps, "speedMps");
    }
}
