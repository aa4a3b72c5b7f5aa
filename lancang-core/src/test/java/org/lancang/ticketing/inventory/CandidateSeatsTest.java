package org.lancang.ticketing.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;

/**
 * The word-parallel answers of {@link CandidateSeats} against the same questions asked seat by seat, on random runs.
 * Run with {@code -Dseed=…} to repeat a run.
 */
class CandidateSeatsTest {
    private static final int SEATS = 300;
    private static final int SEGMENTS = 12;

    @Test
    void layersAndTheCheapestSeatAgreeWithASeatBySeatSearch() {
        long seed = Seeds.seed(CandidateSeatsTest.class);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            Occupancy occupancy = new Occupancy(SEATS, SEGMENTS);
            int sales = random.nextInt(SEATS * SEGMENTS / 2);
            for (int k = 0; k < sales; k++) {
                int seat = random.nextInt(SEATS);
                int from = random.nextInt(SEGMENTS);
                int to = from + 1 + random.nextInt(Math.min(3, SEGMENTS - from));
                if (occupancy.isFree(seat, Bits.segments(from, to))) {
                    occupancy.take(seat, from, to);
                }
            }
            int from = random.nextInt(SEGMENTS);
            int to = from + 1 + random.nextInt(SEGMENTS - from);
            String context = "seed " + seed + " round " + round + " journey " + from + "→" + to;
            check(occupancy, from, to, context);
        }
    }

    private static void check(Occupancy occupancy, int from, int to, String context) {
        int words = (SEATS + 63) / 64;
        long[] free = new long[words];
        for (int seat = 0; seat < SEATS; seat++) {
            if (occupancy.isFree(seat, Bits.segments(from, to))) {
                free[seat >>> 6] |= 1L << seat;
            }
        }
        CandidateSeats candidates = new CandidateSeats(occupancy, words);
        candidates.reset(from, to, 0, words - 1);
        candidates.narrow(free, null, null);

        int bestSeat = -1;
        long bestCost = Long.MAX_VALUE;
        for (int seat = 0; seat < SEATS; seat++) {
            if (!candidates.contains(seat)) {
                continue;
            }
            int before = 0;
            while (from - before - 1 >= 0 && (occupancy.held(seat) & (1L << (from - before - 1))) == 0) {
                before++;
            }
            int after = 0;
            while (to + after < SEGMENTS && (occupancy.held(seat) & (1L << (to + after))) == 0) {
                after++;
            }
            assertThat(candidates.freeBefore(seat))
                    .as(context + " seat " + seat)
                    .isEqualTo(before);
            assertThat(candidates.freeAfter(seat)).as(context + " seat " + seat).isEqualTo(after);
            long cost = AllocationPolicy.BEST_FIT.cost(before, after, candidates);
            if (cost < bestCost) {
                bestCost = cost;
                bestSeat = seat;
            }
            int lowestWithSameStretch = -1;
            for (int other = 0; other <= seat && lowestWithSameStretch < 0; other++) {
                if (candidates.contains(other)
                        && candidates.freeBefore(other) == before
                        && candidates.freeAfter(other) == after) {
                    lowestWithSameStretch = other;
                }
            }
            assertThat(candidates.firstWithFreeAround(before, after))
                    .as(context)
                    .isEqualTo(lowestWithSameStretch);
        }
        assertThat(AllocationPolicy.BEST_FIT.choose(candidates)).as(context).isEqualTo(bestSeat);
        assertThat(AllocationPolicy.FIRST_FIT.choose(candidates)).as(context).isEqualTo(candidates.first());
    }
}
