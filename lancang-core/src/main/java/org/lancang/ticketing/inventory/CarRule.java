package org.lancang.ticketing.inventory;

import java.util.Set;

/**
 * Which cars may sell a journey. On D887/D888 some cars carry only passengers who cross the border (they all leave
 * the train together for the border formalities) and the others only domestic passengers.
 */
@FunctionalInterface
public interface CarRule {
    /** Whether car {@code car} may carry a journey from stop {@code from} to stop {@code to}. */
    boolean sells(int car, int from, int to);

    /** Every car sells every journey. */
    static CarRule anyCar() {
        return (car, from, to) -> true;
    }

    /**
     * Cars {@code crossBorderCars} sell only journeys across the border (which lies in segment {@code borderSegment},
     * between stops borderSegment and borderSegment+1); all other cars only journeys that stay on one side.
     */
    static CarRule crossBorderSplit(Set<Integer> crossBorderCars, int borderSegment) {
        Set<Integer> cars = Set.copyOf(crossBorderCars);
        return (car, from, to) -> cars.contains(car) == (from <= borderSegment && to > borderSegment);
    }
}
