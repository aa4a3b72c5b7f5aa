package org.lancang.ticketing.inventory;

import org.lancang.errors.InvalidInput;
import org.lancang.rollingstock.SeatPosition;

/**
 * What the buyer would like: a window or aisle seat (or any), and perhaps a car. A preference that cannot be met is
 * relaxed rather than refused, because the buyer wanted a seat more than a window: first the position is given up, then
 * the car, then both. A group is seated in the preferred car when it fits there; the position does not apply to groups
 * (a group that sits together takes a row's window, middle and aisle seats alike).
 *
 * @param position {@code null} for any position
 * @param car      0 for any car
 */
public record SeatPreference(SeatPosition position, int car) {
    public static final SeatPreference ANY = new SeatPreference(null, 0);

    public SeatPreference {
        if (car < 0) {
            throw new InvalidInput("car", "a car number is 1 or more (0 for any car)");
        }
    }

    public static SeatPreference window() {
        return new SeatPreference(SeatPosition.WINDOW, 0);
    }

    public static SeatPreference aisle() {
        return new SeatPreference(SeatPosition.AISLE, 0);
    }

    public static SeatPreference inCar(int car) {
        return new SeatPreference(null, car);
    }

    public boolean anyCar() {
        return car == 0;
    }

    public boolean anyPosition() {
        return position == null;
    }
}
