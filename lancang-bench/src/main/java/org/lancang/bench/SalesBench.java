package org.lancang.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.ticketing.inventory.AllocationPolicy;
import org.lancang.ticketing.inventory.CarRule;
import org.lancang.ticketing.inventory.CrossBorderSplit;
import org.lancang.ticketing.inventory.SeatInventory;
import org.lancang.ticketing.inventory.SeatPreference;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * {@code lancang bench sales}: the in-process seat inventory of one run, one thread. At home (China–Laos) a D87 run:
 * 720 seats, 10 selling points, the cross-border quota set apart; on another network served ({@code --network}) its
 * first passenger train's run, every call a selling point, the class with the most seats (berths too), no quota.
 * Allocation throughput counts every allocation with the releases that keep the run from selling out; availability is
 * timed in batches (the clock is too coarse for one call) against a straightforward seat-by-seat count as baseline.
 * A workload that degenerates (nothing allocated, the run sold out before availability is measured) fails loudly.
 */
final class SalesBench {
    private final PrintWriter out;
    private final String networkName;

    SalesBench(PrintWriter out) {
        this(out, ClasspathDataFiles.CHINA_LAOS);
    }

    SalesBench(PrintWriter out, String network) {
        this.out = out;
        this.networkName = network;
    }

    /** The run measured: its seats, its selling points, the class sold and how the quota sets seats apart. */
    private record Run(String label, List<Seat> seats, int stops, SeatClass seatClass, CarRule quota) {}

    private Run measuredRun() {
        ReferenceData data = ReferenceData.parse(new ClasspathDataFiles(networkName));
        if (networkName.equals(ClasspathDataFiles.CHINA_LAOS)) {
            List<Seat> seats = data.rollingStock().type("CR200J").orElseThrow().seats();
            return new Run("D87 run", seats, 10, SeatClass.SECOND, CrossBorderSplit.cr200j(seats, 4));
        }
        ClasspathDataFiles files = new ClasspathDataFiles(networkName);
        TrainPlan first = TimetableFile.parse("timetable.csv", files.read("timetable.csv")).stream()
                .filter(TrainPlan::passenger)
                .findFirst()
                .orElseThrow(() -> new SalesHttpBench.Degenerated(
                        "the network " + networkName + " has no passenger train to sell"));
        List<Seat> seats =
                data.rollingStock().type(first.trainType()).orElseThrow().seats();
        Map<SeatClass, Long> perClass =
                seats.stream().collect(Collectors.groupingBy(Seat::seatClass, Collectors.counting()));
        SeatClass most = Collections.max(perClass.entrySet(), Map.Entry.comparingByValue())
                .getKey();
        return new Run(
                first.number() + " run of " + networkName + ", " + perClass.get(most) + " " + most,
                seats,
                first.stops().size() + 2,
                most,
                CarRule.anyCar());
    }

    void run() {
        Run run = measuredRun();
        List<Seat> seats = run.seats();
        int stops = run.stops();
        out.printf(
                "lancang bench sales: %s, %d seats, %d selling points, Java %s, %d cores%n",
                run.label(),
                seats.size(),
                stops,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        for (AllocationPolicy policy : List.of(AllocationPolicy.FIRST_FIT, AllocationPolicy.BEST_FIT)) {
            allocations(run, policy, 400); // warm-up: lets the JIT compile the allocation path first
            double[] rates = new double[7];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = allocations(run, policy, 100);
            }
            Arrays.sort(rates);
            out.printf(
                    Locale.ROOT,
                    "seat allocations per second, one thread, %-9s median %,12.0f  (target ≥ 1,000,000: %s)%n",
                    policy == AllocationPolicy.FIRST_FIT ? "FIRST_FIT" : "BEST_FIT",
                    rates[rates.length / 2],
                    rates[rates.length / 2] >= 1_000_000 ? "met" : "NOT met");
        }
        SeatInventory inv = halfSold(run);
        int to = Math.min(8, stops - 2);
        int free = inv.availability(1, to, run.seatClass());
        if (free == 0) {
            throw new SalesHttpBench.Degenerated("the " + run.label() + " is sold out from 1 to " + to
                    + " before availability is measured: it would measure a sold-out run");
        }
        double availability = medianNanos(() -> inv.availability(1, to, run.seatClass()));
        int[][] masks = masks(inv, seats.size());
        double baseline = medianNanos(() -> naiveAvailable(masks, seats, 1, to, run.seatClass()));
        out.printf(
                Locale.ROOT,
                "availability of one O-D and class: median %.0f ns (target < 1 µs: %s); seat-by-seat"
                        + " baseline %.0f ns → %s faster%n",
                availability,
                availability < 1000 ? "met" : "NOT met",
                baseline,
                SalesHttpBench.ratio(baseline, availability));
        out.flush();
    }

    /** Allocations per second over {@code rounds} sell-outs of the run (each followed by releasing everything). */
    private static double allocations(Run run, AllocationPolicy policy, int rounds) {
        Random random = new Random(42);
        int stops = run.stops();
        SeatInventory inv = new SeatInventory(run.seats(), stops, run.quota(), policy);
        int[] seat = new int[8000];
        int[] from = new int[8000];
        int[] to = new int[8000];
        long allocations = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            int n = 0;
            int misses = 0;
            while (misses < 50 && n < seat.length) {
                int a = random.nextInt(stops - 1);
                int b = a + 1 + random.nextInt(stops - 1 - a);
                var got = inv.allocate(a, b, run.seatClass(), SeatPreference.ANY, 1);
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
            if (n == 0) {
                throw new SalesHttpBench.Degenerated("the " + run.label() + ": 50 requests in a row refused on an"
                        + " empty run, nothing allocated: it would measure refusals, not allocations");
            }
            for (int i = 0; i < n; i++) {
                inv.release(seat[i], from[i], to[i]);
            }
        }
        return allocations / ((System.nanoTime() - t0) / 1e9);
    }

    /** The run with random journeys sold: as many requests as a quarter more than its seats (900 for 720). */
    private static SeatInventory halfSold(Run run) {
        int stops = run.stops();
        SeatInventory inv = new SeatInventory(run.seats(), stops, CarRule.anyCar(), AllocationPolicy.BEST_FIT);
        Random random = new Random(7);
        for (int i = 0; i < run.seats().size() * 5 / 4; i++) {
            int a = random.nextInt(stops - 1);
            int b = a + 1 + random.nextInt(stops - 1 - a);
            inv.allocate(a, b, run.seatClass(), SeatPreference.ANY, 1);
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
