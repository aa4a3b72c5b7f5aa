package org.lancang.ticketing.inventory;

/** The lowest-numbered free seat: every seat costs the same. See {@link AllocationPolicy#FIRST_FIT}. */
final class FirstFit implements AllocationPolicy {
    @Override
    public long cost(int freeBefore, int freeAfter, CandidateSeats candidates) {
        return 0;
    }

    @Override
    public int choose(CandidateSeats candidates) {
        return candidates.first(); // the same answer as cheapest(), without sorting seats into layers
    }

    @Override
    public String toString() {
        return "FIRST_FIT";
    }
}
