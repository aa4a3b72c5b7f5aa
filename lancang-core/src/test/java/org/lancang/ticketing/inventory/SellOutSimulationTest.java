package org.lancang.ticketing.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.Seeds;

/**
 * Best fit against first fit, selling out D887 runs (KMS YXI PUE XSB MHN BTN MXY LPB VVG VTE, km from the reference
 * network) with the same random buyers for both. The case best fit is for: short journeys are bought first (600 …
 * 2,200 buyers of 1–3 segments, a random number per round), then long-distance buyers (5 segments or more) come until
 * nothing more can be sold to them: no long journey has a seat left in either class. A buyer who finds no seat is
 * lost. One buyer in 13 wants first class (56 of the 720 seats). Run with {@code -Dseed=…} to repeat a run.
 */
class SellOutSimulationTest {
    private static final int ROUNDS = 100;
    private static final int STOPS = D887.STOPS.size();
    private static final int LONG = 5;

    @Test
    void bestFitSellsMoreSeatKmThanFirstFitWhenTheWholeTrainSellsEveryJourney() {
        long seed = Seeds.seed(SellOutSimulationTest.class);
        Totals totals = compare(seed, false);
        System.out.println("whole train: " + totals);
        assertThat(totals.best).as("seed %d: %s", seed, totals).isGreaterThan(totals.first);
        assertThat(totals.bestWins).as("seed %d: %s", seed, totals).isGreaterThan(totals.firstWins);
    }

    /**
     * With the D87 split (the 350-seat quota in cars 2–4 and 6) the policy makes no difference here, and that is
     * expected, not a failure of best fit: every cross-border journey uses the border segment, so a cross-border seat holds one
     * journey whichever seat it is; the domestic cars sell two halves of only four segments each. Reported, not
     * asserted beyond "best fit is not worse on average".
     */
    @Test
    void withTheCrossBorderSplitThePolicyHardlyMatters() {
        long seed = Seeds.seed(SellOutSimulationTest.class);
        Totals totals = compare(seed, true);
        System.out.println("cross-border split: " + totals);
        assertThat(totals.best).as("seed %d: %s", seed, totals).isGreaterThanOrEqualTo(totals.first);
    }

    private static Totals compare(long seed, boolean split) {
        Random rounds = new Random(seed);
        Totals totals = new Totals();
        for (int round = 0; round < ROUNDS; round++) {
            long roundSeed = rounds.nextLong();
            Result best = sellOut(AllocationPolicy.BEST_FIT, new Random(roundSeed), split);
            Result first = sellOut(AllocationPolicy.FIRST_FIT, new Random(roundSeed), split);
            totals.add(best, first);
        }
        return totals;
    }

    private record Result(double seatKm, int longJourneys) {}

    private static Result sellOut(AllocationPolicy policy, Random random, boolean split) {
        SeatInventory run = split ? D887.split(policy) : D887.anyCar(policy);
        double seatKm = 0;
        int longJourneys = 0;
        int earlyBuyers = 600 + random.nextInt(1601);
        for (int buyer = 0; buyer < earlyBuyers; buyer++) {
            int[] journey = journey(random, 1, 3);
            if (run.allocate(journey[0], journey[1], seatClass(random), SeatPreference.ANY, 1)
                    .isPresent()) {
                seatKm += D887.km(journey[0], journey[1]);
            }
        }
        while (longJourneyStillSellable(run)) {
            int[] journey = journey(random, LONG, STOPS - 1);
            if (run.allocate(journey[0], journey[1], seatClass(random), SeatPreference.ANY, 1)
                    .isPresent()) {
                seatKm += D887.km(journey[0], journey[1]);
                longJourneys++;
            }
        }
        run.audit();
        return new Result(seatKm, longJourneys);
    }

    private static boolean longJourneyStillSellable(SeatInventory run) {
        for (int from = 0; from + LONG < STOPS; from++) {
            for (int to = from + LONG; to < STOPS; to++) {
                if (run.availability(from, to, SeatClass.SECOND) > 0
                        || run.availability(from, to, SeatClass.FIRST) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A journey of {@code min} … {@code max} segments, every such journey equally likely. */
    private static int[] journey(Random random, int min, int max) {
        while (true) {
            int a = random.nextInt(STOPS);
            int b = random.nextInt(STOPS);
            int from = Math.min(a, b);
            int to = Math.max(a, b);
            if (to - from >= min && to - from <= max) {
                return new int[] {from, to};
            }
        }
    }

    private static SeatClass seatClass(Random random) {
        return random.nextInt(13) == 0 ? SeatClass.FIRST : SeatClass.SECOND;
    }

    private static final class Totals {
        double best;
        double first;
        long bestLong;
        long firstLong;
        int bestWins;
        int firstWins;

        void add(Result b, Result f) {
            best += b.seatKm();
            first += f.seatKm();
            bestLong += b.longJourneys();
            firstLong += f.longJourneys();
            bestWins += b.seatKm() > f.seatKm() ? 1 : 0;
            firstWins += f.seatKm() > b.seatKm() ? 1 : 0;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "seat-km sold per run on average over %d runs: best fit %,.0f,"
                            + " first fit %,.0f (%+.2f %%); long journeys sold %.1f vs %.1f; best fit sold more in %d runs,"
                            + " first fit in %d",
                    ROUNDS,
                    best / ROUNDS,
                    first / ROUNDS,
                    100 * (best / first - 1),
                    bestLong / (double) ROUNDS,
                    firstLong / (double) ROUNDS,
                    bestWins,
                    firstWins);
        }
    }
}
