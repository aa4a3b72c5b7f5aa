package org.lancang.ticketing.inventory;

import java.util.List;
import org.lancang.rollingstock.Seat;

/**
 * Seats taken for one journey (from stop {@code from} to stop {@code to}): their indices in the inventory (what a
 * booking stores, to {@link SeatInventory#claim claim} them again after a restart) and the seats themselves, in the
 * same order.
 */
public record Allocation(int from, int to, List<Integer> seatIndices, List<Seat> seats) {
    public Allocation {
        seatIndices = List.copyOf(seatIndices);
        seats = List.copyOf(seats);
        if (seatIndices.size() != seats.size() || seats.isEmpty()) {
            throw new IllegalArgumentException("an allocation has one or more seats, each with its index");
        }
    }

    public int size() {
        return seats.size();
    }
}
