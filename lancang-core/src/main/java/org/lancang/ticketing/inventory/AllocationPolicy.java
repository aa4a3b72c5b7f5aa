package org.lancang.ticketing.inventory;

/**
 * How to choose among the seats that are free for a journey. Two are provided:
 * <ul>
 * <li>{@link #FIRST_FIT}: the lowest-numbered free seat. Simple and fast, but blind to what the seat is already sold
 * for, so short journeys end up in the middle of empty seats and cut them into pieces that long journeys cannot use.
 * </li>
 * <li>{@link #BEST_FIT}: the seat whose free stretch around the journey is shortest, so a journey fills a gap between
 * earlier sales (Kunming South–Pu'er, then Pu'er–Vientiane on the same seat) and long free stretches stay whole for
 * long journeys.</li>
 * </ul>
 * A policy rates a seat by what would be left free around the journey on it ({@link #cost}); {@link #choose} then
 * takes the cheapest, lowest-numbered seat. Policies are stateless and may be shared between inventories.
 */
public interface AllocationPolicy {
    AllocationPolicy FIRST_FIT = new FirstFit();
    AllocationPolicy BEST_FIT = new BestFit();

    /**
     * What selling the journey on a seat costs its later sales, when the seat would stay free for {@code freeBefore}
     * segments just before the journey and {@code freeAfter} just after (the rest of its free stretch). Lower is
     * better. Never negative, and never lower when either argument grows (leaving more free is never cheaper): the
     * search stops at the first cost it cannot beat.
     */
    long cost(int freeBefore, int freeAfter, CandidateSeats candidates);

    /** The seat to sell among the candidates (never empty), as an index into the inventory's seats. */
    default int choose(CandidateSeats candidates) {
        return candidates.cheapest(this);
    }
}
