package org.lancang.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.ticketing.inventory.AllocationPolicy;
import org.lancang.ticketing.inventory.CarRule;
import org.lancang.ticketing.inventory.CrossBorderSplit;
import org.lancang.ticketing.inventory.SeatInventory;
import org.lancang.ticketing.inventory.SeatPreference;

/**
 * {@code lancang bench sales}: the in-process seat inventory of a D87 run (720 seats, 10 selling points, the
 * cross-border quota set apart), one thread.
 * Allocation throughput counts every allocation with the releases that keep the run from selling out; availability is
 * timed in batches (the clock is too coarse for one call) against a straightforward seat-by-seat count as baseline.
 */
final class SalesBench {
    private static final int STOPS = 10;
    private final PrintWriter out;

    SalesBench(PrintWriter out) {
        this.out = out;
    }

    void run() {
        List<Seat> seats = ReferenceData.parse(new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS))
                .rollingStock()
                .type("CR200J")
                .orElseThrow()
                .seats();
        out.printf(
                "lancang bench sales: D87 run, %d seats, %d selling points, Java %s, %d cores%n",
                seats.size(), STOPS, Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (AllocationPolicy policy : List.of(AllocationPolicy.FIRST_FIT, AllocationPolicy.BEST_FIT)) {
            allocations(seats, policy, 400); // warm-up: lets the JIT compile the allocation path first
            double[] rates = new double[7];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = allocations(seats, policy, 100);
            }
            Arrays.sort(rates);
            out.printf(
                    Locale.ROOT,
                    "seat allocations per second, one thread, %-9s median %,12.0f  (target ≥ 1,000,000: %s)%n",
                    policy == AllocationPolicy.FIRST_FIT ? "FIRST_FIT" : "BEST_FIT",
                    rates[rates.length / 2],
                    rates[rates.length / 2] >= 1_000_000 ? "met" : "NOT met");
        }
        SeatInventory inv = halfSold(seats);
        double availability = medianNanos(() -> inv.availability(1, 8, SeatClass.SECOND));
        int[][] masks = masks(inv, seats.size());
        double baseline = medianNanos(() -> naiveAvailable(masks, seats, 1, 8, SeatClass.SECOND));
        out.printf(
                Locale.ROOT,
                "availability of one O-D and class: median %.0f ns (target < 1 µs: %s); seat-by-seat"
                        + " baseline %.0f ns → %.1f× faster%n",
                availability,
                availability < 1000 ? "met" : "NOT met",
                baseline,
                baseline / availability);
        out.flush();
    }

    /** Allocations per second over {@code rounds} sell-outs of the run (each followed by releasing everything). */
    private static double allocations(List<Seat> seats, AllocationPolicy policy, int rounds) {
        Random random = new Random(42);
        SeatInventory inv = new SeatInventory(seats, STOPS, CrossBorderSplit.cr200j(seats, 4), policy);
        int[] seat = new int[8000];
        int[] from = new int[8000];
        int[] to = new int[8000];
        long allocations = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            int n = 0;
            int misses = 0;
            while (misses < 50 && n < seat.length) {
                int a = random.nextInt(STOPS - 1);
                int b = a + 1 + random.nextInt(STOPS - 1 - a);
                var got = inv.allocate(a, b, SeatClass.SECOND, SeatPreference.ANY, 1);
                if (got.isPresent()) {
                    seat[n] = got.get().seatIndices().get(0);
                    from[n] = a;
                    to[n] = b;
                    n++;
                    allocations++;
                } else {
                    misses++;
                }
            }
            for (int i = 0; i < n; i++) {
                inv.release(seat[i], from[i], to[i]);
            }
        }
        return allocations / ((System.nanoTime() - t0) / 1e9);
    }

    private static SeatInventory halfSold(List<Seat> seats) {
        SeatInventory inv = new SeatInventory(seats, STOPS, CarRule.anyCar(), AllocationPolicy.BEST_FIT);
        Random random = new Random(7);
        for (int i = 0; i < 900; i++) {
            int a = random.nextInt(STOPS - 1);
            int b = a + 1 + random.nextInt(STOPS - 1 - a);
            inv.allocate(a, b, SeatClass.SECOND, SeatPreference.ANY, 1);
        }
        return inv;
    }

    private static int[][] masks(SeatInventory inv, int n) {
        int[][] m = new int[n][1];
        for (int i = 0; i < n; i++) {
            m[i][0] = (int) inv.heldSegments(i);
        }
        return m;
    }

    /** The straightforward way: look at every seat. */
    private static int naiveAvailable(int[][] masks, List<Seat> seats, int from, int to, SeatClass cls) {
        int range = ((1 << to) - 1) & ~((1 << from) - 1);
        int count = 0;
        for (int i = 0; i < masks.length; i++) {
            if (seats.get(i).seatClass() == cls && (masks[i][0] & range) == 0) {
                count++;
            }
        }
        return count;
    }

    /** Median time of one call, from 200 batches of 10,000 calls after a warm-up. */
    private static double medianNanos(IntSupplier call) {
        long sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += call.getAsInt();
        }
        double[] perCall = new double[200];
        for (int b = 0; b < perCall.length; b++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                sink += call.getAsInt();
            }
            perCall[b] = (System.nanoTime() - t0) / 10_000.0;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the JIT from dropping the calls
        }
        Arrays.sort(perCall);
        return perCall[perCall.length / 2];
    }
}
