package org.lancang.ticketing.inventory;

import java.util.List;
import org.lancang.rollingstock.Seat;

/**
 * The seats a {@link CarRule} lets each journey use, worked out once per journey (a journey's answer never changes) and
 * kept: afterwards, restricting to them is one AND per word.
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
            List<Seat> all = map.seats();
            for (int i = 0; i < all.size(); i++) {
                if (rule.sells(all.get(i), from, to)) {
                    seats[Bits.word(i)] |= Bits.bit(i);
                }
            }
            byJourney[from][to] = seats;
        }
        return seats;
    }
}
