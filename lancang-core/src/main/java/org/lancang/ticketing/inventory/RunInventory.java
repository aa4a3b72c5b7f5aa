package org.lancang.ticketing.inventory;

import java.util.List;
import java.util.Optional;

import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;

/**
 * The first shape of the seat inventory, kept so that lancang-store's sales service compiles unchanged: seat indices
 * in plain arrays and the policy passed with each request. Everything is done by {@link SeatInventory}; new code should
 * use that directly, and this class goes once the sales service has moved.
 */
public final class RunInventory {
    private final SeatInventory inventory;

    public RunInventory(List<Seat> seats, int stops, CarRule carRule) {
        this.inventory = new SeatInventory(seats, stops, carRule);
    }

    public SeatInventory inventory() {
        return inventory;
    }

    public List<Seat> seats() {
        return inventory.seats();
    }

    public int stops() {
        return inventory.stops();
    }

    /** See {@link SeatInventory#availability}. */
    public int available(int from, int to, SeatClass seatClass) {
        return inventory.availability(from, to, seatClass);
    }

    /** See {@link SeatInventory#allocate(int, int, SeatClass, SeatPreference, int, AllocationPolicy)}. */
    public Optional<int[]> allocate(int from, int to, SeatClass seatClass, SeatPreference preference, int count,
                                    AllocationPolicy policy) {
        return inventory.allocate(from, to, seatClass, preference, count, policy)
                .map(a -> a.seatIndices().stream().mapToInt(Integer::intValue).toArray());
    }

    public boolean isFree(int seat, int from, int to) {
        return inventory.isFree(seat, from, to);
    }

    public boolean claim(int seat, int from, int to) {
        return inventory.claim(seat, from, to);
    }

    public void release(int seat, int from, int to) {
        inventory.release(seat, from, to);
    }

    public long takenMask(int seat) {
        return inventory.heldSegments(seat);
    }
}
