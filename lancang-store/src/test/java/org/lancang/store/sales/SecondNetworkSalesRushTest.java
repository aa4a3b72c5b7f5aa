package org.lancang.store.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.ChangeRequest;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.testing.BookingAudit;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.timetable.TimetableService;
import org.lancang.testing.Seeds;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.fares.Berth;
import org.lancang.ticketing.inventory.SeatInventory;
import org.lancang.timetable.TrainPlan;

/**
 * The second network's trains under a rush, through the same sales code as home's (ADR 0027): 16 buyers in seeded
 * random interleavings of hold, pay, cancel and change between 133 and 147 (which share Udon Thani – Khamsavath) on
 * their third class, second class and scarce berths, half the sleeper buyers choosing a lower or an upper berth (which
 * they get or are refused, never the other). Afterwards no (seat, segment) is in two live bookings, every
 * booking is keyed by its network, and memory, the live bookings and an inventory rebuilt from the database agree seat
 * by seat. Run again with {@code -Dseed=N}.
 */
class SecondNetworkSalesRushTest {
    static final String NETWORK = "vientiane-bangkok";
    static final LocalDate DAY = SalesRushTest.DAY; // the day SalesRushTest.liveSegments reads
    static final String[] TRAINS = {"133", "147"};
    static final SeatClass[] CLASSES = {
        SeatClass.HARD_SLEEPER, SeatClass.HARD_SLEEPER, SeatClass.SECOND, SeatClass.HARD_SEAT
    };
    /** Within SRT's sales window of {@code DAY} (7 days, its operators.csv giving none). */
    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    static Platform platform;
    static SalesService sales;

    @BeforeAll
    static void start() {
        platform = Platform.start(
                TestDatabase.fresh(),
                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                List.of(new ClasspathDataFiles(NETWORK)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        platform.users().register("pax", "Passenger", "a long password 1");
        sales = platform.networkSales().ofTrain("133");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theSecondNetworksTrainsAreSoldByTheirOwnService() {
        assertThat(sales.network().code()).isEqualTo(NETWORK);
        assertThat(platform.networkSales().ofTrain("D87")).isSameAs(platform.sales());
        assertThat(platform.networkSales().ofStation("KTW")).isSameAs(sales);
    }

    @Test
    void noSeatSegmentIsEverSoldTwiceWhateverTheInterleaving() throws Exception {
        long seed = Seeds.seed(SecondNetworkSalesRushTest.class);
        Map<String, List<String>> stops = new HashMap<>();
        for (String train : TRAINS) {
            stops.put(train, sales.run(plan(train), DAY).stops);
        }
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<int[]>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long threadSeed = seed * 31 + t;
            int thread = t;
            work.add(pool.submit(() -> buyer(new Random(threadSeed), thread, stops)));
        }
        int[] done = new int[6];
        for (Future<int[]> f : work) {
            int[] counts = f.get();
            for (int i = 0; i < done.length; i++) {
                done[i] += counts[i];
            }
        }
        pool.shutdown();
        System.out.printf(
                "holds %d, sold out %d, paid %d, cancelled %d, changed %d%n",
                done[0], done[1], done[2], done[3], done[4]);
        assertThat(done[0]).as("seed %d: some holds were made", seed).isPositive();
        assertThat(done[1]).as("seed %d: the berths sold out at times", seed).isPositive();
        assertThat(done[5]).as("seed %d: berths chosen and held", seed).isPositive();

        Jdbi jdbi = platform.database().jdbi();
        long doubleSold = jdbi.withHandle(
                h -> h.createQuery(BookingAudit.SOLD_TWICE).mapTo(Long.class).one());
        assertThat(doubleSold).as("seed %d: (seat, segment) sold twice", seed).isZero();
        long unmatched = jdbi.withHandle(
                h -> h.createQuery(BookingAudit.UNMATCHED).mapTo(Long.class).one());
        assertThat(unmatched)
                .as("seed %d: passenger rows without their booking", seed)
                .isZero();
        List<String> networks = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT network FROM booking")
                .mapTo(String.class)
                .list());
        assertThat(networks)
                .as("every booking is keyed by the network of its train")
                .containsExactly(NETWORK);

        ServedNetwork served = platform.networks().ofTrain("133").orElseThrow();
        SalesService rebuilt = platform.sales()
                .forNetwork(
                        TimetableService.fromPlans(served.planner(), served.plans()),
                        served.fares().orElseThrow(),
                        served.documents(),
                        SalesWindow.of(served.operators()));
        for (String train : TRAINS) {
            Map<Integer, Long> live = SalesRushTest.liveSegments(jdbi, train);
            SeatInventory memory = sales.run(plan(train), DAY).inventory;
            SeatInventory fromDisk = rebuilt.run(plan(train), DAY).inventory;
            memory.audit();
            for (int seat = 0; seat < memory.seats().size(); seat++) {
                long stored = live.getOrDefault(seat, 0L);
                assertThat(memory.heldSegments(seat))
                        .as("seed %d: %s seat %d in memory vs live bookings", seed, train, seat)
                        .isEqualTo(stored);
                assertThat(fromDisk.heldSegments(seat))
                        .as("seed %d: %s seat %d rebuilt", seed, train, seat)
                        .isEqualTo(stored);
            }
        }
        // the home network's runs of the day know nothing of these bookings
        assertThat(platform.sales().journeys("KMS", "VTE", DAY, WorldCurrencies.CNY))
                .allSatisfy(j -> assertThat(j.classes())
                        .allSatisfy(c -> assertThat(c.available()).isPositive()));
    }

    private static TrainPlan plan(String train) {
        return platform.networks().ofTrain(train).orElseThrow().plan(train).orElseThrow();
    }

    /** One buyer's random session; returns counts of what happened. */
    private static int[] buyer(Random random, int thread, Map<String, List<String>> stops) {
        int[] counts = new int[6];
        List<Booking> mine = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String train = TRAINS[random.nextInt(TRAINS.length)];
            List<String> calls = stops.get(train);
            int a = random.nextInt(calls.size() - 1);
            int b = a + 1 + random.nextInt(calls.size() - 1 - a);
            SeatClass cls = CLASSES[random.nextInt(CLASSES.length)];
            List<Passenger> group = new ArrayList<>();
            for (int k = random.nextInt(3); k >= 0; k--) {
                group.add(new Passenger(
                        "Buyer " + thread + "-" + i + "-" + k,
                        "PASSPORT",
                        "VB" + thread + "X" + i + "X" + k,
                        "THA",
                        LocalDate.of(1990, 1, 1),
                        LocalDate.of(2031, 1, 1)));
            }
            try {
                int r = random.nextInt(100);
                if (r < 55 || mine.isEmpty()) {
                    // a sleeper buyer may choose the berth: any, lower or upper
                    Berth berth = cls == SeatClass.HARD_SLEEPER
                            ? new Berth[] {null, Berth.LOWER, Berth.UPPER}[random.nextInt(3)]
                            : null;
                    try {
                        Booking held = sales.hold(
                                "pax",
                                "pax",
                                new HoldRequest(
                                        train,
                                        DAY,
                                        calls.get(a),
                                        calls.get(b),
                                        cls,
                                        null,
                                        0,
                                        group,
                                        WorldCurrencies.THB,
                                        berth));
                        if (berth != null) {
                            held.passengers()
                                    .forEach(p -> assertThat(Berth.of(cls, p.seat()))
                                            .as("the berth chosen, never the other")
                                            .contains(berth));
                            counts[5]++;
                        }
                        mine.add(held);
                        counts[0]++;
                    } catch (Clash soldOut) {
                        counts[1]++;
                    }
                } else if (r < 75) {
                    Booking x = mine.get(random.nextInt(mine.size()));
                    sales.pay(x.id(), "pax", false, "vb-pay-" + x.id());
                    counts[2]++;
                } else if (r < 90) {
                    Booking x = mine.remove(random.nextInt(mine.size()));
                    sales.cancel(x.id(), "pax", false);
                    counts[3]++;
                } else {
                    Booking x = mine.get(random.nextInt(mine.size()));
                    String other = x.train().equals(TRAINS[0]) ? TRAINS[1] : TRAINS[0];
                    if (stops.get(other).contains(x.from()) && stops.get(other).contains(x.to())) {
                        mine.remove(x);
                        mine.add(sales.change(
                                x.id(),
                                "pax",
                                false,
                                new ChangeRequest(other, null, null, null, 0, "vb-change-" + x.id())));
                        counts[4]++;
                    }
                }
            } catch (Clash expectedInARush) {
                // sold out, booking already changed or cancelled: buyers move on
            }
        }
        return counts;
    }
}
