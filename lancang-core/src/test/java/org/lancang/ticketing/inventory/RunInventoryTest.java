package org.lancang.ticketing.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lancang.data.ReferenceData;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;
import org.lancang.testing.ReferenceFiles;

/** The seat inventory of a D887 run (the CR200J's 720 seats, 10 selling points). */
class RunInventoryTest {
    static final List<Seat> CR200J = ReferenceData.parse(ReferenceFiles.chinaLaos()).rollingStock().type("CR200J")
            .orElseThrow().seats();
    /** KMS YXI PUE XSB MHN | BTN MXY LPB VVG VTE: the border lies in segment 4 (Mohan → Boten). */
    static final int STOPS = 10;
    static final int BORDER_SEGMENT = 4;
    /** Approximate km of D887's stops, for seat-km. */
    static final double[] KM = {0, 106, 374, 466, 604, 616, 682.6, 783.2, 899, 1022};

    @Test
    void aSeatSoldKunmingPuerIsSoldAgainPuerVientiane() {
        RunInventory inv = new RunInventory(CR200J, STOPS, CarRule.anyCar());
        int seconds = inv.available(0, 9, SeatClass.SECOND);
        int seat = inv.allocate(0, 2, SeatClass.SECOND, SeatPreference.ANY, 1, AllocationPolicy.BEST_FIT).orElseThrow()[0];
        assertThat(inv.available(0, 9, SeatClass.SECOND)).isEqualTo(seconds - 1);
        assertThat(inv.available(2, 9, SeatClass.SECOND)).isEqualTo(seconds);
        int again = inv.allocate(2, 9, SeatClass.SECOND, SeatPreference.ANY, 1, AllocationPolicy.BEST_FIT).orElseThrow()[0];
        assertThat(again).as("best fit puts Pu'er–Vientiane on the seat sold Kunming–Pu'er").isEqualTo(seat);
        assertThat(inv.takenMask(seat)).isEqualTo(RunInventory.range(0, 9));
    }

    @Test
    void preferencesAreFollowedWhenTheyCanBe() {
        RunInventory inv = new RunInventory(CR200J, STOPS, CarRule.anyCar());
        int window = inv.allocate(0, 9, SeatClass.SECOND, new SeatPreference(SeatPosition.WINDOW, 0), 1,
                AllocationPolicy.FIRST_FIT).orElseThrow()[0];
        assertThat(CR200J.get(window).position()).isEqualTo(SeatPosition.WINDOW);
        int aisleIn6 = inv.allocate(0, 9, SeatClass.SECOND, new SeatPreference(SeatPosition.AISLE, 6), 1,
                AllocationPolicy.BEST_FIT).orElseThrow()[0];
        assertThat(CR200J.get(aisleIn6).position()).isEqualTo(SeatPosition.AISLE);
        assertThat(CR200J.get(aisleIn6).car()).isEqualTo(6);
    }

    @Test
    void aGroupOfFiveSitsTogetherInOneCar() {
        RunInventory inv = new RunInventory(CR200J, STOPS, CarRule.anyCar());
        int[] group = inv.allocate(1, 7, SeatClass.SECOND, SeatPreference.ANY, 5, AllocationPolicy.BEST_FIT).orElseThrow();
        Set<Integer> cars = new HashSet<>();
        for (int s : group) {
            cars.add(CR200J.get(s).car());
        }
        assertThat(cars).hasSize(1);
        assertThat(group[4] - group[0]).as("consecutive seats").isEqualTo(4);
    }

    @Test
    void crossBorderCarsSellOnlyCrossBorderJourneys() {
        RunInventory inv = new RunInventory(CR200J, STOPS, CarRule.crossBorderSplit(Set.of(7, 8, 9), BORDER_SEGMENT));
        int crossing = inv.allocate(0, 9, SeatClass.SECOND, SeatPreference.ANY, 1, AllocationPolicy.BEST_FIT).orElseThrow()[0];
        assertThat(CR200J.get(crossing).car()).isIn(7, 8, 9);
        int domestic = inv.allocate(0, 3, SeatClass.SECOND, SeatPreference.ANY, 1, AllocationPolicy.BEST_FIT).orElseThrow()[0];
        assertThat(CR200J.get(domestic).car()).isNotIn(7, 8, 9);
        int lao = inv.allocate(5, 9, SeatClass.SECOND, SeatPreference.ANY, 1, AllocationPolicy.FIRST_FIT).orElseThrow()[0];
        assertThat(CR200J.get(lao).car()).isNotIn(7, 8, 9);
        long crossBorderSeconds = CR200J.stream().filter(s -> s.car() >= 7 && s.seatClass() == SeatClass.SECOND).count();
        assertThat(inv.available(0, 9, SeatClass.SECOND)).isEqualTo(crossBorderSeconds - 1);
    }

    @Test
    void randomInterleavingsNeverHoldASeatSegmentTwiceAndCountsStayExact() {
        long seed = Long.getLong("lancang.seed", System.nanoTime());
        System.out.println("RunInventoryTest seed = " + seed);
        Random random = new Random(seed);
        RunInventory inv = new RunInventory(CR200J, STOPS, CarRule.crossBorderSplit(Set.of(7, 8, 9), BORDER_SEGMENT));
        long[] expected = new long[CR200J.size()];
        List<int[]> held = new ArrayList<>(); // seat, from, to
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(10);
            int from = random.nextInt(STOPS - 1);
            int to = from + 1 + random.nextInt(STOPS - 1 - from);
            if (op < 6) {
                SeatClass cls = random.nextInt(8) == 0 ? SeatClass.FIRST : SeatClass.SECOND;
                int count = 1 + random.nextInt(random.nextInt(4) == 0 ? 5 : 1);
                var got = inv.allocate(from, to, cls, SeatPreference.ANY, count,
                        random.nextBoolean() ? AllocationPolicy.BEST_FIT : AllocationPolicy.FIRST_FIT);
                for (int seat : got.orElse(new int[0])) {
                    long r = RunInventory.range(from, to);
                    assertThat(expected[seat] & r).as("seed %d step %d: seat %d sold twice", seed, step, seat).isZero();
                    assertThat(CR200J.get(seat).seatClass()).isEqualTo(cls);
                    expected[seat] |= r;
                    held.add(new int[] {seat, from, to});
                }
            } else if (op < 9 && !held.isEmpty()) {
                int[] h = held.remove(random.nextInt(held.size()));
                inv.release(h[0], h[1], h[2]);
                expected[h[0]] &= ~RunInventory.range(h[1], h[2]);
            } else {
                int seat = random.nextInt(CR200J.size());
                boolean free = (expected[seat] & RunInventory.range(from, to)) == 0;
                assertThat(inv.claim(seat, from, to)).isEqualTo(free);
                if (free) {
                    expected[seat] |= RunInventory.range(from, to);
                    held.add(new int[] {seat, from, to});
                }
            }
            if (step % 97 == 0) {
                assertConsistent(inv, expected, seed, step);
            }
        }
        assertConsistent(inv, expected, seed, -1);
    }

    private static void assertConsistent(RunInventory inv, long[] expected, long seed, int step) {
        for (int seat = 0; seat < expected.length; seat++) {
            assertThat(inv.takenMask(seat)).as("seed %d step %d seat %d", seed, step, seat).isEqualTo(expected[seat]);
            for (int s = 0; s < STOPS - 1; s++) {
                assertThat(inv.freeOnSegment(seat, s)).isEqualTo((expected[seat] & (1L << s)) == 0);
            }
        }
        int from = (step & 0x7fffffff) % (STOPS - 1);
        for (int to = from + 1; to < STOPS; to++) {
            for (SeatClass cls : List.of(SeatClass.FIRST, SeatClass.SECOND)) {
                boolean crosses = from <= BORDER_SEGMENT && to > BORDER_SEGMENT;
                int brute = 0;
                for (int seat = 0; seat < expected.length; seat++) {
                    Seat s = CR200J.get(seat);
                    boolean carOk = (s.car() >= 7 && s.car() <= 9) == crosses;
                    if (s.seatClass() == cls && carOk && (expected[seat] & RunInventory.range(from, to)) == 0) {
                        brute++;
                    }
                }
                assertThat(inv.available(from, to, cls)).as("seed %d step %d %d-%d %s", seed, step, from, to, cls)
                        .isEqualTo(brute);
            }
        }
    }

    @Test
    void bestFitSellsMoreSeatKmThanFirstFitInASellOut() {
        long seed = Long.getLong("lancang.seed", System.nanoTime());
        System.out.println("sell-out simulation seed = " + seed);
        Random random = new Random(seed);
        double bestTotal = 0;
        double firstTotal = 0;
        int bestWins = 0;
        int firstWins = 0;
        int rounds = 100;
        for (int round = 0; round < rounds; round++) {
            long roundSeed = random.nextLong();
            double best = sellOut(AllocationPolicy.BEST_FIT, new Random(roundSeed));
            double first = sellOut(AllocationPolicy.FIRST_FIT, new Random(roundSeed));
            bestTotal += best;
            firstTotal += first;
            if (best > first) {
                bestWins++;
            } else if (first > best) {
                firstWins++;
            }
        }
        System.out.printf("seat-km sold on average: best fit %.0f, first fit %.0f (+%.1f %%); best fit ahead in %d, first fit in %d"
                + " of %d rounds%n", bestTotal / rounds, firstTotal / rounds, 100 * (bestTotal / firstTotal - 1), bestWins,
                firstWins, rounds);
        assertThat(bestTotal).as("seed %d: best fit %.0f vs first fit %.0f seat-km", seed, bestTotal, firstTotal)
                .isGreaterThan(firstTotal);
        assertThat(bestWins).as("seed %d: rounds won by best fit vs first fit", seed).isGreaterThan(firstWins);
    }

    /**
     * Early buyers travel short and medium distances (random origins, 1–4 segments, 1,400 requests); then the
     * long-distance demand arrives (Kunming South or Yuxi to Vang Vieng or Vientiane) until 50 of those buyers have
     * found no seat. A request that finds no seat is lost.
     */
    private static double sellOut(AllocationPolicy policy, Random random) {
        RunInventory inv = new RunInventory(CR200J, STOPS, CarRule.anyCar());
        double seatKm = 0;
        for (int request = 0; request < 1400; request++) {
            int from = random.nextInt(STOPS - 1);
            int to = Math.min(STOPS - 1, from + 1 + random.nextInt(4));
            if (inv.allocate(from, to, SeatClass.SECOND, SeatPreference.ANY, 1, policy).isPresent()) {
                seatKm += KM[to] - KM[from];
            }
        }
        int lost = 0;
        while (lost < 50) {
            int from = random.nextInt(2);
            int to = STOPS - 1 - random.nextInt(2);
            if (inv.allocate(from, to, SeatClass.SECOND, SeatPreference.ANY, 1, policy).isPresent()) {
                seatKm += KM[to] - KM[from];
            } else {
                lost++;
            }
        }
        return seatKm;
    }
}
