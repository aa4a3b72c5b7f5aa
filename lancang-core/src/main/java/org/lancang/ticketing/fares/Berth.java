package org.lancang.ticketing.fares;

import java.util.Optional;
import org.lancang.errors.Validation;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;

/** Which berth of a sleeper section: SRT prices upper and lower berths differently (the lower is wider). */
public enum Berth {
    UPPER,
    LOWER;

    /** Whether a class sells berths (a sleeper) rather than seats. */
    public static boolean sleeper(SeatClass seatClass) {
        return seatClass == SeatClass.HARD_SLEEPER || seatClass == SeatClass.SOFT_SLEEPER;
    }

    /** Refuses, naming the field {@code berth}, a berth asked of a class that sells seats rather than berths. */
    public static void check(Validation v, Berth berth, SeatClass seatClass) {
        v.check(
                berth == null || seatClass == null || sleeper(seatClass),
                "berth",
                "only a sleeper class has berths; " + seatClass + " has seats",
                "berth-not-sleeper");
    }

    /**
     * The berth a sleeper seat is. A car's layout names a section's berths in order, lower first (a convention of
     * {@code cars.csv}, said in its sources): seat letter A is the lower berth, every other letter the upper; a seat
     * of a class that is no sleeper has none.
     */
    public static Optional<Berth> of(Seat seat) {
        return of(seat.seatClass(), seat.number());
    }

    /** The berth a seat number of a class is (a booking keeps the seat's number, not the seat). */
    public static Optional<Berth> of(SeatClass seatClass, String seatNumber) {
        if (!sleeper(seatClass)) {
            return Optional.empty();
        }
        return Optional.of(seatNumber.endsWith("A") ? LOWER : UPPER);
    }
}
