package org.lancang.ticketing.inventory;

/**
 * The seat whose free stretch fits the journey most tightly. See {@link AllocationPolicy#BEST_FIT}.
 * <p>
 * First by the free segments the sale leaves around the journey on that seat (the length of the free stretch that
 * holds the journey, less the journey): a journey that fills a gap exactly costs 0, and an empty seat is the last
 * choice, kept for a journey that needs it whole. Among equal leftovers, fewer pieces are better: three free segments
 * on one side still sell a journey of three, one and two on either side do not. Among equal seats the lowest-numbered
 * wins, which keeps a car's sales together.
 */
final class BestFit implements AllocationPolicy {
    @Override
    public long cost(int freeBefore, int freeAfter, CandidateSeats candidates) {
        int pieces = (freeBefore > 0 ? 1 : 0) + (freeAfter > 0 ? 1 : 0);
        return 3L * (freeBefore + freeAfter) + pieces; // pieces (0 … 2) only break ties between equal leftovers
    }

    @Override
    public String toString() {
        return "BEST_FIT";
    }
}
