package org.lancang.store.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
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
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.testing.Seeds;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.payments.PaymentKind;
import org.lancang.ticketing.payments.PaymentStatus;

/**
 * Paying races everything else that can happen to a booking: two payments with different keys, the same key twice,
 * a cancellation, the hold lapsing, a change, and (once paid) a change against a cancellation, each pair started at
 * the same instant with a seeded jitter. Whatever wins, money is never wrong: at most one charge of a booking is
 * taken, a charge that lost is voided, a ticket cancelled is refunded, and in the provider's ledger money taken =
 * money for tickets issued + money given back, for every booking (the reconciliation holds). Rerun a failure with
 * {@code -Dseed=N}.
 */
class PaymentRaceTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final Instant START = Instant.parse("2026-11-28T02:00:00Z");
    static final TestClock CLOCK = new TestClock(START);
    static Platform platform;
    static SalesService sales;
    static SimulatedPaymentProvider provider;
    static ExecutorService pool;

    enum Race {
        PAY_PAY,
        PAY_SAME_KEY_TWICE,
        PAY_CANCEL,
        PAY_EXPIRY,
        PAY_CHANGE,
        TICKET_CHANGE_CANCEL
    }

    @BeforeAll
    static void start() {
        // The platform's own sales service sees a clock stopped a day earlier: it never touches this test's bookings.
        platform = Platform.start(
                TestDatabase.fresh(),
                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                Clock.fixed(START.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        platform.users().register("pax", "Passenger", "a long password 1");
        provider = new SimulatedPaymentProvider(platform.database().jdbi(), platform.currencies(), CLOCK);
        sales = SalesFixtures.service(platform, "races", provider, CLOCK, SalesService.DEFAULT_HOLD);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        platform.close();
    }

    @Test
    void whateverRacesAPaymentMoneyTakenIsMoneyForTicketsPlusMoneyGivenBack() throws Exception {
        long seed = Seeds.seed(PaymentRaceTest.class);
        Random random = new Random(seed);
        int[] seen = new int[Race.values().length];
        for (int round = 0; round < 60; round++) {
            Race race = Race.values()[random.nextInt(Race.values().length)];
            seen[race.ordinal()]++;
            String context = "seed " + seed + " round " + round + " " + race;
            Booking held = hold(round, random.nextBoolean() ? "C277" : "C287");
            switch (race) {
                case PAY_PAY -> {
                    Outcome[] o =
                            together(random, () -> pay(held, "a-" + held.id()), () -> pay(held, "b-" + held.id()));
                    assertThat(o[0].ok() ^ o[1].ok())
                            .as(context + ": exactly one payment wins")
                            .isTrue();
                    assertThat(status(held)).as(context).isEqualTo(BookingStatus.TICKETED);
                    assertThat(captured(held.id()))
                            .as(context + ": one charge taken")
                            .isEqualTo(held.totalMinor());
                }
                case PAY_SAME_KEY_TWICE -> {
                    Outcome[] o =
                            together(random, () -> pay(held, "k-" + held.id()), () -> pay(held, "k-" + held.id()));
                    assertThat(o[0].ok() && o[1].ok())
                            .as(context + ": a retry answers as the first")
                            .isTrue();
                    assertThat(captured(held.id())).as(context).isEqualTo(held.totalMinor());
                    assertThat(provider.ledger(List.of(held.id()))).as(context).hasSize(1);
                }
                case PAY_CANCEL -> {
                    Outcome[] o = together(
                            random, () -> pay(held, "c-" + held.id()), () -> sales.cancel(held.id(), "pax", false));
                    assertThat(o[1].ok())
                            .as(context + ": a live booking can always be cancelled")
                            .isTrue();
                    Booking after = sales.find(held.id(), "pax", false);
                    assertThat(after.status()).isEqualTo(BookingStatus.CANCELLED);
                    long refund = after.refundMinor() == null ? 0 : after.refundMinor();
                    if (o[0].ok()) {
                        assertThat(captured(held.id())).as(context).isEqualTo(held.totalMinor());
                        assertThat(refund)
                                .as(context + ": the ticket paid is refunded")
                                .isPositive();
                    } else {
                        assertThat(captured(held.id()))
                                .as(context + ": nothing taken")
                                .isZero();
                    }
                    assertThat(refunded(held.id())).as(context).isEqualTo(refund);
                }
                case PAY_EXPIRY -> {
                    CLOCK.set(held.holdExpiresAt()
                            .minusMillis(1 + random.nextInt(3))
                            .toString());
                    Outcome[] o = together(random, () -> pay(held, "e-" + held.id()), () -> {
                        CLOCK.set(held.holdExpiresAt().plusMillis(1).toString());
                        return sales.expireHolds();
                    });
                    BookingStatus after = status(held);
                    assertThat(after).as(context).isIn(BookingStatus.TICKETED, BookingStatus.EXPIRED);
                    assertThat(o[0].ok()).as(context).isEqualTo(after == BookingStatus.TICKETED);
                    assertThat(captured(held.id()))
                            .as(context)
                            .isEqualTo(after == BookingStatus.TICKETED ? held.totalMinor() : 0);
                }
                case PAY_CHANGE -> {
                    Outcome[] o =
                            together(random, () -> pay(held, "p-" + held.id()), () -> change(held, "x-" + held.id()));
                    Booking after = sales.find(held.id(), "pax", false);
                    assertThat(o[0].ok() || o[1].ok())
                            .as(context + ": one of them happens")
                            .isTrue();
                    if (o[0].ok()) {
                        assertThat(captured(held.id())).as(context).isEqualTo(held.totalMinor());
                    } else {
                        assertThat(after.status()).as(context).isEqualTo(BookingStatus.CHANGED);
                        assertThat(captured(held.id()))
                                .as(context + ": nothing taken")
                                .isZero();
                    }
                }
                case TICKET_CHANGE_CANCEL -> {
                    assertThat(pay(held, "t-" + held.id())).isNotNull();
                    Outcome[] o = together(
                            random, () -> change(held, "y-" + held.id()), () -> sales.cancel(held.id(), "pax", false));
                    assertThat(o[0].ok() ^ o[1].ok())
                            .as(context + ": the change or the cancellation")
                            .isTrue();
                }
            }
            SalesAudit.Report audit = sales.reconcile(DAY);
            assertThat(audit.money().findings()).as(context).isEmpty();
            assertThat(audit.seatsSoldTwice()).as(context).isEmpty();
            assertThat(audit.money().inFlight())
                    .as(context + ": every payment settled")
                    .isZero();
        }
        System.out.printf("races run: %s%n", Arrays.toString(seen));
        SalesAudit.Report all = sales.reconcile(null);
        assertThat(all.holds()).as("seed %d: %s", seed, all.money().findings()).isTrue();
        assertThat(all.money().taken().get(WorldCurrencies.CNY).minor()).isPositive();
    }

    private static Booking hold(int round, String train) {
        return sales.hold("pax", "pax", SalesFixtures.oneTraveller(train, DAY, "RACE" + (100_000 + round)));
    }

    private static Booking pay(Booking b, String key) {
        return sales.pay(b.id(), "pax", false, key);
    }

    /** To first class on the other train: dearer once it is a ticket. */
    private static Booking change(Booking b, String key) {
        String other = b.train().equals("C277") ? "C287" : "C277";
        return sales.change(b.id(), "pax", false, new ChangeRequest(other, null, SeatClass.FIRST, null, 0, key));
    }

    private static BookingStatus status(Booking b) {
        return sales.find(b.id(), "pax", false).status();
    }

    /** What the provider took for this booking (charges captured, from its ledger). */
    private static long captured(String bookingId) {
        return sum(bookingId, PaymentKind.CHARGE, PaymentStatus.CAPTURED);
    }

    private static long refunded(String bookingId) {
        return sum(bookingId, PaymentKind.REFUND, PaymentStatus.REFUNDED);
    }

    private static long sum(String bookingId, PaymentKind kind, PaymentStatus status) {
        return provider.ledger(List.of(bookingId)).stream()
                .filter(e -> e.kind() == kind && e.status() == status)
                .mapToLong(e -> e.amount().minor())
                .sum();
    }

    /** What one side of a race did: it returned, or was refused with a conflict. */
    record Outcome(boolean ok, Clash refusal) {}

    /** Runs both at the same instant (each after a seeded spin of up to a millisecond or two). */
    private static Outcome[] together(Random random, Supplier<?> first, Supplier<?> second) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Supplier<?> side : List.of(first, second)) {
            long spin = random.nextInt(3) == 0 ? 0 : random.nextInt(1_500_000);
            futures.add(pool.submit(() -> {
                go.await();
                long until = System.nanoTime() + spin;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                try {
                    side.get();
                    return new Outcome(true, null);
                } catch (Clash refused) {
                    return new Outcome(false, refused);
                }
            }));
        }
        go.countDown();
        return new Outcome[] {futures.get(0).get(), futures.get(1).get()};
    }
}
