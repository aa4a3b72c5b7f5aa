package org.lancang.ticketing.inventory;

import java.util.Arrays;

/**
 * Seats a group of 2 … {@value SeatInventory#MAX_GROUP} together when it can: a block of consecutive seat numbers in
 * one car, in the same row or two consecutive rows (a 3+2 row seats five, a 2+2 row four). The order of attempts:
 * <ol>
 * <li>a block in the preferred car, then a block in any car (sitting together matters more than the car);</li>
 * <li>spread over the preferred car, then over any one car with room;</li>
 * <li>spread over the train.</li>
 * </ol>
 * Blocks are compared by the allocation policy's cost summed over their seats; spread seats are chosen one at a time
 * by the policy.
 */
final class GroupSeating {
    private final SeatMap map;
    private final CandidateSeats candidates;
    private final long[] base;

    GroupSeating(SeatMap map, CandidateSeats candidates) {
        this.map = map;
        this.candidates = candidates;
        this.base = new long[map.words()];
    }

    /**
     * Chooses {@code count} seats among {@code free} (the seats free for the journey, words lo … hi of the candidate
     * set), or returns null when there are not enough.
     */
    int[] choose(long[] free, int count, int preferredCar, AllocationPolicy policy) {
        for (int w = candidates.lo(); w <= candidates.hi(); w++) {
            base[w] = free[w];
        }
        long[] preferred = preferredCar == 0 ? null : map.inCar(preferredCar);
        if (preferred != null && candidates.narrow(base, preferred, null)) {
            int[] block = block(count, policy);
            if (block != null) {
                return block;
            }
        }
        if (candidates.narrow(base, null, null)) {
            int[] block = block(count, policy);
            if (block != null) {
                return block;
            }
        }
        if (preferred != null && candidates.narrow(base, preferred, null) && candidates.count() >= count) {
            return spread(count, policy);
        }
        for (int car = 1; car <= map.maxCar(); car++) {
            long[] inCar = map.inCar(car);
            if (inCar != null && candidates.narrow(base, inCar, null) && candidates.count() >= count) {
                return spread(count, policy);
            }
        }
        candidates.narrow(base, null, null);
        return candidates.count() >= count ? spread(count, policy) : null;
    }

    /** The cheapest block of {@code count} candidates sitting together (lowest-numbered among equals), or null. */
    private int[] block(int count, AllocationPolicy policy) {
        int bestStart = -1;
        long bestCost = Long.MAX_VALUE;
        for (int start = candidates.first(); start >= 0; start = candidates.next(start)) {
            if (!together(start, count)) {
                continue;
            }
            long cost = 0;
            for (int seat = start; seat < start + count; seat++) {
                cost += policy.cost(candidates.freeBefore(seat), candidates.freeAfter(seat), candidates);
            }
            if (cost < bestCost) {
                bestCost = cost;
                bestStart = start;
                if (cost == 0) {
                    break; // nothing is cheaper, and later blocks are higher-numbered
                }
            }
        }
        if (bestStart < 0) {
            return null;
        }
        int[] seats = new int[count];
        for (int k = 0; k < count; k++) {
            seats[k] = bestStart + k;
        }
        return seats;
    }

    private boolean together(int start, int count) {
        int last = start + count - 1;
        if (last >= map.size()
                || map.car(last) != map.car(start)
                || map.row(last) - map.row(start) > 1
                || map.row(start) < 0) {
            return false;
        }
        for (int seat = start + 1; seat <= last; seat++) {
            if (!candidates.contains(seat)) {
                return false;
            }
        }
        return true;
    }

    private int[] spread(int count, AllocationPolicy policy) {
        int[] seats = new int[count];
        for (int k = 0; k < count; k++) {
            seats[k] = policy.choose(candidates);
            candidates.remove(seats[k]);
        }
        Arrays.sort(seats);
        return seats;
    }
}
