package org.lancang.network;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a passenger train usually stands at a point when it calls there: the dwell a timetable gives it unless the
 * planner says otherwise. At a border control station a cross-border train stands for the formalities instead: longer
 * at the first such station of its journey (exit or entry control with every passenger and their luggage) than at
 * the second.
 *
 * @param usual        the usual dwell of a passenger train calling here; zero where passenger trains do not call
 * @param firstBorder  the formalities when this is the first border control station of a cross-border journey; zero
 *                     at points that are not border control stations
 * @param secondBorder the formalities when it is the second
 * @param basis        where the figures come from, or the assumption behind them
 */
public record StopDwell(Duration usual, Duration firstBorder, Duration secondBorder, String basis) {
    public StopDwell {
        Objects.requireNonNull(usual, "usual");
        Objects.requireNonNull(firstBorder, "firstBorder");
        Objects.requireNonNull(secondBorder, "secondBorder");
        basis = basis == null ? "" : basis;
    }

    /** No usual dwell and no border control. */
    public static StopDwell none() {
        return new StopDwell(Duration.ZERO, Duration.ZERO, Duration.ZERO, "");
    }

    /** Whether cross-border passenger trains stand here for border formalities. */
    public boolean bordersControl() {
        return !firstBorder.isZero() || !secondBorder.isZero();
    }
}
