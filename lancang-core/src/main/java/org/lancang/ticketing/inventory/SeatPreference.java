package org.lancang.ticketing.inventory;

import org.lancang.rollingstock.SeatPosition;

/**
 * What the buyer would like: a window or aisle seat (or any), and perhaps a car. A preference that cannot be met is
 * relaxed rather than refused: the buyer wanted a seat more than a window.
 *
 * @param position {@code null} for any
 * @param car      0 for any
 */
public record SeatPreference(SeatPosition position, int car) {
    public static final SeatPreference ANY = new SeatPreference(null, 0);
}
