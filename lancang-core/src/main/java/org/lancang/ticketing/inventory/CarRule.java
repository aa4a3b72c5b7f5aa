package org.lancang.ticketing.inventory;

import java.util.Set;

/**
 * Which cars may sell a journey, for trains whose cars are set aside for some journeys. On D887/D888 some cars carry
 * only passengers who cross the border (they all leave the train together for the border formalities) and the others
 * only domestic passengers: see {@link CrossBorderSplit}.
 */
@FunctionalInterface
public interface CarRule {
    /** Whether car {@code car} may carry a journey from stop {@code from} to stop {@code to} (stop indices of the run). */
    boolean sells(int car, int from, int to);

    /** Every car sells every journey. */
    static CarRule anyCar() {
        return (car, from, to) -> true;
    }

    /** Shorthand for {@code new CrossBorderSplit(crossBorderCars, borderSegment)}. */
    static CarRule crossBorderSplit(Set<Integer> crossBorderCars, int borderSegment) {
        return new CrossBorderSplit(crossBorderCars, borderSegment);
    }
}
