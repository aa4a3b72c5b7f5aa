package org.lancang.ticketing.inventory;

import java.util.Set;
import org.lancang.rollingstock.Seat;

/**
 * Which cars (or seats) may sell a journey, for trains whose seats are set aside for some journeys. On the
 * cross-border trains some seats carry only passengers who cross the border (they all leave the train together for the
 * border formalities) and the others only domestic passengers: see {@link CrossBorderSplit}.
 */
@FunctionalInterface
public interface CarRule {
    /** Whether car {@code car} may carry a journey from stop {@code from} to stop {@code to} (stop indices of the run). */
    boolean sells(int car, int from, int to);

    /**
     * Whether this seat may carry the journey: by default its car's answer; a rule that splits a car overrides it.
     */
    default boolean sells(Seat seat, int from, int to) {
        return sells(seat.car(), from, to);
    }

    /** Every car sells every journey. */
    static CarRule anyCar() {
        return (car, from, to) -> true;
    }

    /** Shorthand for {@code new CrossBorderSplit(crossBorderCars, borderSegment)}. */
    static CarRule crossBorderSplit(Set<Integer> crossBorderCars, int borderSegment) {
        return new CrossBorderSplit(crossBorderCars, borderSegment);
    }
}
