package org.lancang.rollingstock;

import java.time.Duration;
import java.util.Objects;

/**
 * What a timetable adds to a train type's bare running time, as Chinese timetabling does: a start supplement each time
 * the train leaves a stop and a stop supplement each time it comes to one (起停附加时分), and a running-time allowance in
 * percent of each leg's running time. With the physics these give the times a published timetable shows.
 *
 * @param start            added to every leg that starts at a stop (every leg: a leg runs from stop to stop)
 * @param stop             added to every leg that ends at a stop
 * @param allowancePercent the running-time allowance, in percent of each leg's minimum running time
 * @param basis            where the figures come from, or how they were calibrated
 */
public record TimetableSupplements(Duration start, Duration stop, double allowancePercent, String basis) {
    public TimetableSupplements {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        if (start.isNegative() || stop.isNegative()) {
            throw new IllegalArgumentException("supplements must not be negative");
        }
        if (!(allowancePercent >= 0 && allowancePercent <= 50)) {
            throw new IllegalArgumentException("allowancePercent must be 0 … 50, was " + allowancePercent);
        }
        basis = basis == null ? "" : basis;
    }

    /** Nothing added: the bare physics. */
    public static TimetableSupplements none() {
        return new TimetableSupplements(Duration.ZERO, Duration.ZERO, 0, "");
    }
}
