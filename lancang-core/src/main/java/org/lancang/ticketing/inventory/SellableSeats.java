package org.lancang.ticketing.inventory;

/**
 * The seats a {@link CarRule} lets each journey use, worked out once per journey (the rule asks about cars, and a
 * journey's answer never changes) and kept: afterwards, restricting to them is one AND per word.
 */
final class SellableSeats {
    private final SeatMap map;
    private final CarRule rule;
    private final long[][][] byJourney;

    SellableSeats(SeatMap map, CarRule rule, int stops) {
        this.map = map;
        this.rule = rule;
        this.byJourney = new long[stops][stops][];
    }

    long[] forJourney(int from, int to) {
        long[] seats = byJourney[from][to];
        if (seats == null) {
            seats = new long[map.words()];
            for (int car = 0; car <= map.maxCar(); car++) {
                long[] inCar = map.inCar(car);
                if (inCar != null && rule.sells(car, from, to)) {
                    for (int w = 0; w < seats.length; w++) {
                        seats[w] |= inCar[w];
                    }
                }
            }
            byJourney[from][to] = seats;
        }
        return seats;
    }
}
