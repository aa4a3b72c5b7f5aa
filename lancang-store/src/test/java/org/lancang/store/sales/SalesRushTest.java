package org.lancang.store.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.ChangeRequest;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.store.sales.SalesRecords.WaitlistRequest;
import org.lancang.store.testing.BookingAudit;
import org.lancang.store.testing.TestDatabase;
import org.lancang.testing.Seeds;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.inventory.SeatInventory;

/**
 * Many buyers at once, in seeded random interleavings of hold, pay, cancel, change, expiry, joining and leaving the
 * waitlist, on two trains' scarce first class and their second class. Holds last a second and a half, so expiry and
 * waitlist offers happen during the rush. Afterwards: no (seat, segment) is sold twice; every seat-segment is free or in
 * exactly one live booking, in memory and in the database alike; the reconciliation holds (money taken = money for
 * tickets + money given back, by the provider's ledger); no one waits while seats for their journey are free; and a new
 * service rebuilt from the database sees the same seats. Run again with {@code -Dseed=N}.
 */
class SalesRushTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final String[] TRAINS = {"C277", "C287"}; // the same stops: KMS, YXI, PUE, XSB
    static final String[] STOPS = {"KMS", "YXI", "PUE", "XSB"};
    static final Instant START = Instant.parse("2026-11-28T02:00:00Z");
    static Platform platform;
    static SalesService sales;
    static Clock flowing;
    /** Short enough that holds lapse during the rush, long enough that most are paid first. */
    static final Duration HOLD = Duration.ofMillis(1500);
    /** Set by the first buyer told "sold out"; the others go on until then. */
    static final AtomicBoolean SOLD_OUT_SEEN = new AtomicBoolean();

    @BeforeAll
    static void start() {
        // The platform's own sales service (and its expiry job) sees a clock stopped a day earlier, so it never
        // touches this test's holds; the service under test runs on a clock that moves.
        platform = Platform.start(
                TestDatabase.fresh(),
                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                Clock.fixed(START.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        platform.users().register("pax", "Passenger", "a long password 1");
        flowing = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
        sales = service(HOLD);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static SalesService service(Duration holdTime) {
        return SalesFixtures.service(
                platform,
                "rush",
                new SimulatedPaymentProvider(platform.database().jdbi(), platform.currencies(), flowing),
                flowing,
                holdTime);
    }

    @Test
    void noSeatSegmentIsEverSoldTwiceWhateverTheInterleaving() throws Exception {
        long seed = Seeds.seed(SalesRushTest.class);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<int[]>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long threadSeed = seed * 31 + t;
            int thread = t;
            work.add(pool.submit(() -> buyer(new Random(threadSeed), thread)));
        }
        int[] done = new int[8];
        for (Future<int[]> f : work) {
            int[] counts = f.get();
            for (int i = 0; i < done.length; i++) {
                done[i] += counts[i];
            }
        }
        pool.shutdown();
        Thread.sleep(HOLD.toMillis() + 100); // let the last holds lapse
        sales.expireHolds();
        System.out.printf(
                "holds %d, sold out %d, paid %d, cancelled %d, changed %d, waitlisted %d, left %d, expiry runs %d%n",
                done[0], done[1], done[2], done[3], done[4], done[5], done[6], done[7]);
        assertThat(done[0]).as("seed %d: some holds were made", seed).isPositive();
        assertThat(done[1] + done[5])
                .as("seed %d: first class sold out at times", seed)
                .isPositive();

        Jdbi jdbi = platform.database().jdbi();
        long doubleSold = jdbi.withHandle(
                h -> h.createQuery(BookingAudit.SOLD_TWICE).mapTo(Long.class).one());
        assertThat(doubleSold).as("seed %d: (seat, segment) sold twice", seed).isZero();
        long unmatched = jdbi.withHandle(
                h -> h.createQuery(BookingAudit.UNMATCHED).mapTo(Long.class).one());
        assertThat(unmatched)
                .as("seed %d: passenger rows without their booking, or bookings without all their passengers", seed)
                .isZero();

        SalesAudit.Report audit = sales.reconcile(DAY);
        assertThat(audit.seatsSoldTwice())
                .as("seed %d: reconcile: seats sold twice", seed)
                .isEmpty();
        assertThat(audit.money().findings())
                .as("seed %d: reconcile: money taken = money for tickets + money given back", seed)
                .isEmpty();
        assertThat(audit.money().inFlight())
                .as("seed %d: payments left unsettled", seed)
                .isZero();
        assertThat(audit.holds()).isTrue();

        SalesService rebuilt = service(HOLD);
        for (String train : TRAINS) {
            Map<Integer, Long> live = liveSegments(jdbi, train);
            SeatInventory memory = sales.run(platform.timetable().requirePlan(train, "train"), DAY).inventory;
            SeatInventory fromDisk = rebuilt.run(platform.timetable().requirePlan(train, "train"), DAY).inventory;
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
        List<WaitlistEntry> waiting = jdbi.withHandle(h -> h.createQuery(
                        "SELECT e.*, (SELECT count(*) FROM"
                                + " waitlist_passenger p WHERE p.entry_id = e.id) AS people FROM waitlist_entry e WHERE status = 'WAITING'")
                .map((rs, ctx) -> SalesRows.entry(rs, rs.getInt("people"), List.of(), platform.currencies()))
                .list());
        for (WaitlistEntry e : waiting) {
            int free = sales.run(platform.timetable().requirePlan(e.train(), "train"), DAY)
                    .inventory
                    .availability(e.fromStop(), e.toStop(), e.seatClass());
            assertThat(free)
                    .as(
                            "seed %d: entry %s for %d waits while its journey has that many seats free",
                            seed, e.id(), e.ahead())
                    .isLessThan(e.ahead()); // (ahead carries the entry's number of passengers here)
        }
        long offersOutOfStep = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM waitlist_entry e JOIN booking b"
                        + " ON b.id = e.booking_id WHERE (e.status = 'OFFERED' AND b.status <> 'HELD')"
                        + " OR (e.status = 'EXPIRED' AND b.status <> 'EXPIRED')")
                .mapTo(Long.class)
                .one());
        assertThat(offersOutOfStep)
                .as("seed %d: waitlist offers follow their holds", seed)
                .isZero();
        long offers =
                jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM waitlist_entry WHERE booking_id IS NOT NULL")
                        .mapTo(Long.class)
                        .one());
        assertThat(offers)
                .as("seed %d: released seats were offered to the waitlist during the rush", seed)
                .isPositive();
    }

    /** One buyer's random session; returns counts of what happened. */
    private static int[] buyer(Random random, int thread) {
        int[] counts = new int[8];
        List<Booking> mine = new ArrayList<>();
        List<WaitlistEntry> waits = new ArrayList<>();
        // 60 steps each, and on until someone has met first class sold out: on a slow machine holds lapse before
        // others pile up, and a rush that never sells out would test nothing of the sold-out path
        for (int i = 0; i < 60 || (!SOLD_OUT_SEEN.get() && i < 2000); i++) {
            int a = random.nextInt(STOPS.length - 1);
            int b = a + 1 + random.nextInt(STOPS.length - 1 - a);
            String train = TRAINS[random.nextInt(TRAINS.length)];
            SeatClass cls = random.nextInt(8) == 0 ? SeatClass.SECOND : SeatClass.FIRST;
            List<Passenger> group = new ArrayList<>();
            for (int k = random.nextInt(3); k >= 0; k--) {
                group.add(new Passenger(
                        "Buyer " + thread + "-" + i + "-" + k,
                        "CHINESE_RESIDENT_ID",
                        "RUSH" + thread + "X" + i + "X" + k,
                        "CHN",
                        LocalDate.of(1990, 1, 1),
                        null));
            }
            try {
                int r = random.nextInt(100);
                if (r < 45 || mine.isEmpty()) {
                    try {
                        mine.add(sales.hold(
                                "pax",
                                "pax",
                                new HoldRequest(
                                        train, DAY, STOPS[a], STOPS[b], cls, null, 0, group, WorldCurrencies.CNY)));
                        counts[0]++;
                    } catch (Clash soldOut) {
                        counts[1]++;
                        SOLD_OUT_SEEN.set(true);
                        if (random.nextBoolean()) {
                            waits.add(sales.joinWaitlist(
                                    "pax",
                                    new WaitlistRequest(
                                            train, DAY, STOPS[a], STOPS[b], cls, group, WorldCurrencies.CNY)));
                            counts[5]++;
                        }
                    }
                } else if (r < 65) {
                    Booking x = mine.get(random.nextInt(mine.size()));
                    sales.pay(x.id(), "pax", false, "rush-pay-" + x.id());
                    counts[2]++;
                } else if (r < 77) {
                    Booking x = mine.remove(random.nextInt(mine.size()));
                    sales.cancel(x.id(), "pax", false);
                    counts[3]++;
                } else if (r < 89) {
                    Booking x = mine.remove(random.nextInt(mine.size()));
                    String other = x.train().equals(TRAINS[0]) ? TRAINS[1] : TRAINS[0];
                    mine.add(sales.change(
                            x.id(),
                            "pax",
                            false,
                            new ChangeRequest(
                                    other,
                                    null,
                                    random.nextBoolean() ? SeatClass.FIRST : SeatClass.SECOND,
                                    null,
                                    0,
                                    "rush-change-" + x.id())));
                    counts[4]++;
                } else if (r < 94 && !waits.isEmpty()) {
                    sales.cancelWaitlist(
                            waits.remove(random.nextInt(waits.size())).id(), "pax", false);
                    counts[6]++;
                } else {
                    sales.expireHolds();
                    counts[7]++;
                }
            } catch (Clash expectedInARush) {
                // sold out, hold lapsed, booking already changed or cancelled, entry offered meanwhile: buyers move on
            }
            if (random.nextInt(4) == 0) {
                try {
                    Thread.sleep(random.nextInt(30)); // lets some holds lapse
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return counts;
    }

    /**
     * Seat index → the segments live bookings hold it for (bit s = segment s), for one train run on {@link #DAY}; a
     * train number is unique across the networks served, so the run is found by number alone.
     */
    static Map<Integer, Long> liveSegments(Jdbi jdbi, String train) {
        Map<Integer, Long> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT p.seat_index, b.from_stop, b.to_stop FROM booking b"
                        + " JOIN booking_passenger p ON p.booking_id = b.id WHERE b.train = :t AND b.service_date = :d"
                        + " AND b.status IN ('HELD', 'TICKETED')")
                .bind("t", train)
                .bind("d", DAY)
                .map((rs, ctx) -> {
                    long mask = ((1L << rs.getInt("to_stop")) - 1) & ~((1L << rs.getInt("from_stop")) - 1);
                    out.merge(rs.getInt("seat_index"), mask, (x, y) -> {
                        assertThat(x & y)
                                .as("two live bookings on one seat-segment of %s", train)
                                .isZero();
                        return x | y;
                    });
                    return null;
                })
                .list());
        return out;
    }
}
