package org.lancang.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;
import org.lancang.testing.WorldCurrencies;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.payments.Reconciliation.BookingFacts;
import org.lancang.ticketing.payments.Reconciliation.Payment;
import org.lancang.ticketing.payments.Reconciliation.Report;

/**
 * Money against tickets: consistent histories hold, and each way money can go wrong (charged twice, charged without a
 * ticket, cancelled without the refund, a change's difference missing, records and ledger apart) is found. The
 * property test builds random consistent histories, checks they hold, then breaks each in one random way and checks
 * that is found (seed printed; rerun with {@code -Dseed=N}).
 */
class ReconciliationTest {
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final Duration STUCK = Duration.ofMinutes(2);

    /** A history under construction: bookings, the provider's ledger and Lancang's records of it. */
    private static final class History {
        final List<BookingFacts> bookings = new ArrayList<>();
        final List<Payment> ledger = new ArrayList<>();
        final List<Payment> ours = new ArrayList<>();
        final List<Reconciliation.Together> together = new ArrayList<>();
        int keys;

        void money(String booking, PaymentKind kind, PaymentStatus status, long amount) {
            Payment p = new Payment(
                    "k" + keys++, booking, kind, status, amount, WorldCurrencies.CNY, NOW.minusSeconds(600));
            ours.add(p);
            if (status != PaymentStatus.FAILED) {
                ledger.add(p);
            }
        }

        Report check() {
            return Reconciliation.check(bookings, together, ledger, ours, NOW, STUCK);
        }
    }

    private static BookingFacts booking(
            String id, String from, BookingStatus s, long total, boolean ticketed, Long refund, Long difference) {
        return new BookingFacts(id, from, s, WorldCurrencies.CNY, total, ticketed, refund, difference);
    }

    @Test
    void aTicketPaidOnceHoldsAndATicketPaidTwiceDoesNot() {
        History h = new History();
        h.bookings.add(booking("b1", null, BookingStatus.TICKETED, 47_000, true, null, null));
        h.money("b1", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 47_000);
        h.money("b1", PaymentKind.CHARGE, PaymentStatus.VOIDED, 47_000); // a second payment, released
        assertThat(h.check().holds()).as(h.check().findings().toString()).isTrue();
        assertThat(h.check().taken().get(WorldCurrencies.CNY).minor()).isEqualTo(47_000);

        h.money("b1", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 47_000);
        Report twice = h.check();
        assertThat(twice.holds()).isFalse();
        assertThat(twice.findings()).singleElement().satisfies(f -> {
            assertThat(f.bookingId()).isEqualTo("b1");
            assertThat(f.message()).contains("took 940.00 CNY").contains("call for 470.00 CNY");
        });
    }

    @Test
    void aJourneysOneChargeIsCountedAgainstBothLegsAndEachLegsRefund() {
        History h = new History();
        h.bookings.add(booking("leg1", null, BookingStatus.TICKETED, 28_100, true, null, null));
        h.bookings.add(booking("leg2", null, BookingStatus.TICKETED, 41_300, true, null, null));
        h.together.add(new Reconciliation.Together("j1", List.of("leg1", "leg2")));
        h.money("j1", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 28_100 + 41_300);
        assertThat(h.check().holds()).as(h.check().findings().toString()).isTrue();
        assertThat(h.check().chains()).isEqualTo(1);

        History alone = new History(); // the same charge without the journey: legs unpaid, money for no booking
        alone.bookings.addAll(h.bookings);
        alone.money("j1", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 28_100 + 41_300);
        assertThat(alone.check().holds()).isFalse();

        History oneLeg = new History(); // charged the total but one leg never ticketed
        oneLeg.bookings.add(booking("leg1", null, BookingStatus.TICKETED, 28_100, true, null, null));
        oneLeg.bookings.add(booking("leg2", null, BookingStatus.EXPIRED, 41_300, false, null, null));
        oneLeg.together.add(new Reconciliation.Together("j1", List.of("leg1", "leg2")));
        oneLeg.money("j1", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 28_100 + 41_300);
        assertThat(oneLeg.check().findings())
                .singleElement()
                .satisfies(
                        f -> assertThat(f.message()).contains("took 694.00 CNY").contains("call for 281.00 CNY"));

        History cancelled = new History(); // both legs cancelled: each leg's refund by its own rules
        cancelled.bookings.add(booking("leg1", null, BookingStatus.CANCELLED, 28_100, true, 26_695L, null));
        cancelled.bookings.add(booking("leg2", null, BookingStatus.CANCELLED, 41_300, true, 41_300L, null));
        cancelled.together.add(new Reconciliation.Together("j1", List.of("leg1", "leg2")));
        cancelled.money("j1", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 28_100 + 41_300);
        cancelled.money("leg1", PaymentKind.REFUND, PaymentStatus.REFUNDED, 26_695);
        assertThat(cancelled.check().findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("gave back 266.95 CNY"));
        cancelled.money("leg2", PaymentKind.REFUND, PaymentStatus.REFUNDED, 41_300);
        assertThat(cancelled.check().holds()).isTrue();
    }

    @Test
    void aGroupNamingALegAsChangedCountsTheLegsWholeChainWithTheGroupsCharge() {
        History h = new History(); // leg2 changed to leg2b, dearer: the journey names leg2b now
        h.bookings.add(booking("leg1", null, BookingStatus.TICKETED, 28_100, true, null, null));
        h.bookings.add(booking("leg2", null, BookingStatus.CHANGED, 41_300, true, null, 12_000L));
        h.bookings.add(booking("leg2b", "leg2", BookingStatus.TICKETED, 53_300, true, null, null));
        h.together.add(new Reconciliation.Together("j1", List.of("leg1", "leg2b")));
        h.money("j1", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 28_100 + 41_300);
        Report missingDifference = h.check();
        assertThat(missingDifference.findings()).singleElement().satisfies(f -> {
            assertThat(f.bookingId()).isEqualTo("j1");
            assertThat(f.message()).contains("took 694.00 CNY").contains("call for 814.00 CNY");
        });
        h.money("leg2b", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 12_000);
        assertThat(h.check().holds()).as(h.check().findings().toString()).isTrue();
        assertThat(h.check().chains()).as("the journey is one unit").isEqualTo(1);

        // then cheaper again (leg2c), and the journey cancelled: the change's refund and the cancellation's both count
        History back = new History();
        back.bookings.add(booking("leg1", null, BookingStatus.CANCELLED, 28_100, true, 26_695L, null));
        back.bookings.add(booking("leg2", null, BookingStatus.CHANGED, 41_300, true, null, 12_000L));
        back.bookings.add(booking("leg2b", "leg2", BookingStatus.CHANGED, 53_300, true, null, -11_400L));
        back.bookings.add(booking("leg2c", "leg2b", BookingStatus.CANCELLED, 41_300, true, 39_235L, null));
        back.together.add(new Reconciliation.Together("j1", List.of("leg1", "leg2c")));
        back.money("j1", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 28_100 + 41_300);
        back.money("leg2b", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 12_000);
        back.money("leg2c", PaymentKind.REFUND, PaymentStatus.REFUNDED, 11_400);
        back.money("j1", PaymentKind.REFUND, PaymentStatus.REFUNDED, 26_695);
        assertThat(back.check().findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("gave back 380.95 CNY"));
        back.money("j1", PaymentKind.REFUND, PaymentStatus.REFUNDED, 39_235);
        assertThat(back.check().holds()).as(back.check().findings().toString()).isTrue();
    }

    @Test
    void aCancelledTicketMustHaveItsRefundAndACancelledHoldNoMoney() {
        History h = new History();
        h.bookings.add(booking("b1", null, BookingStatus.CANCELLED, 47_000, true, 44_650L, null));
        h.money("b1", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 47_000);
        assertThat(h.check().findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("gave back 0.00 CNY"));
        h.money("b1", PaymentKind.REFUND, PaymentStatus.REFUNDED, 44_650);
        assertThat(h.check().holds()).isTrue();

        History charged = new History();
        charged.bookings.add(booking("b2", null, BookingStatus.CANCELLED, 47_000, false, 0L, null));
        charged.money("b2", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 47_000);
        assertThat(charged.check().holds())
                .as("charged, cancelled, no ticket, no refund")
                .isFalse();
    }

    @Test
    void aChangeCarriesTheTicketAndItsDifferenceIsChargedOrRefundedOnTheNewBooking() {
        History h = new History();
        h.bookings.add(booking("old", null, BookingStatus.CHANGED, 47_000, true, null, 29_000L));
        h.bookings.add(booking("new", "old", BookingStatus.CHANGED, 76_000, true, null, -27_550L));
        h.bookings.add(booking("newer", "new", BookingStatus.TICKETED, 47_000, true, null, null));
        h.money("old", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 47_000);
        h.money("new", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 29_000);
        Report missingRefund = h.check();
        assertThat(missingRefund.chains()).isEqualTo(1);
        assertThat(missingRefund.holds()).isFalse();
        h.money("newer", PaymentKind.REFUND, PaymentStatus.REFUNDED, 27_550);
        assertThat(h.check().holds()).as(h.check().findings().toString()).isTrue();
    }

    @Test
    void aPaymentOnItsWayIsInFlightUntilItIsStuck() {
        History h = new History();
        h.bookings.add(booking("b1", null, BookingStatus.TICKETED, 47_000, true, null, null));
        Payment fresh = new Payment(
                "k",
                "b1",
                PaymentKind.CHARGE,
                PaymentStatus.AUTHORIZED,
                47_000,
                WorldCurrencies.CNY,
                NOW.minusSeconds(5));
        h.ledger.add(fresh);
        h.ours.add(fresh);
        Report report = h.check();
        assertThat(report.inFlight()).isEqualTo(1);
        assertThat(report.holds()).isTrue();
        Report later = Reconciliation.check(h.bookings, h.ledger, h.ours, NOW.plus(STUCK), STUCK);
        assertThat(later.holds()).isFalse();
        assertThat(later.findings().get(0).message()).contains("AUTHORIZED since");
    }

    @Test
    void recordsAndLedgerMustAgreeKeyByKey() {
        History h = new History();
        h.bookings.add(booking("b1", null, BookingStatus.HELD, 47_000, false, null, null));
        h.ours.add(new Payment("a", "b1", PaymentKind.CHARGE, PaymentStatus.VOIDED, 47_000, WorldCurrencies.CNY, NOW));
        h.ledger.add(
                new Payment("a", "b1", PaymentKind.CHARGE, PaymentStatus.VOIDED, 47_000, WorldCurrencies.CNY, NOW));
        h.ledger.add(new Payment("z", "b1", PaymentKind.CHARGE, PaymentStatus.VOIDED, 100, WorldCurrencies.CNY, NOW));
        assertThat(h.check().findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("never recorded"));
        h.ledger.add(
                new Payment("y", "nobody", PaymentKind.CHARGE, PaymentStatus.CAPTURED, 100, WorldCurrencies.CNY, NOW));
        assertThat(h.check().findings()).anySatisfy(f -> assertThat(f.message()).contains("no known booking"));
    }

    @Test
    void randomConsistentHistoriesHoldAndAnyOneBreakIsFound() {
        long seed = Seeds.seed(ReconciliationTest.class);
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            History h = consistent(random, round);
            Report ok = h.check();
            assertThat(ok.holds())
                    .as("seed %d round %d: %s", seed, round, ok.findings())
                    .isTrue();
            if (h.ledger.isEmpty()) {
                continue;
            }
            int which = random.nextInt(h.ledger.size());
            Payment p = h.ledger.get(which);
            switch (random.nextInt(3)) {
                case 0 -> h.ledger.remove(which);
                case 1 ->
                    h.ledger.set(
                            which,
                            new Payment(
                                    p.key(),
                                    p.bookingId(),
                                    p.kind(),
                                    p.status(),
                                    p.amountMinor() + 1 + random.nextInt(1000),
                                    p.currency(),
                                    p.since()));
                default ->
                    h.ledger.add(new Payment(
                            "extra" + round,
                            p.bookingId(),
                            p.kind(),
                            p.status(),
                            p.amountMinor(),
                            p.currency(),
                            p.since()));
            }
            assertThat(h.check().holds())
                    .as("seed %d round %d: breaking %s must be found", seed, round, p)
                    .isFalse();
        }
    }

    /** A random booking's life: held, maybe paid, changed up to twice, maybe cancelled; money as it should move. */
    private static History consistent(Random random, int round) {
        History h = new History();
        String id = "r" + round + "-0";
        long total = 10_000 + random.nextInt(90_000);
        boolean ticketed = false;
        String from = null;
        for (int step = 0; ; step++) {
            if (!ticketed && random.nextInt(3) > 0) {
                ticketed = true;
                if (random.nextBoolean()) { // a second payment of the hold lost the race and was voided
                    h.money(id, PaymentKind.CHARGE, PaymentStatus.VOIDED, total);
                }
                h.money(id, PaymentKind.CHARGE, PaymentStatus.CAPTURED, total);
            }
            int next = random.nextInt(4);
            if (next == 0 && step < 2) { // a change
                long newTotal = 10_000 + random.nextInt(90_000);
                String newId = "r" + round + "-" + (step + 1);
                long difference = 0;
                if (ticketed) {
                    difference = newTotal >= total ? newTotal - total : -((total - newTotal) * 95 / 100);
                    if (difference > 0) {
                        h.money(newId, PaymentKind.CHARGE, PaymentStatus.CAPTURED, difference);
                    } else if (difference < 0) {
                        h.money(newId, PaymentKind.REFUND, PaymentStatus.REFUNDED, -difference);
                    }
                }
                h.bookings.add(
                        booking(id, from, BookingStatus.CHANGED, total, ticketed, null, ticketed ? difference : null));
                from = id;
                id = newId;
                total = newTotal;
                continue;
            }
            if (next == 1) {
                long refund = ticketed ? total * (80 + random.nextInt(21)) / 100 : 0;
                if (refund > 0) {
                    h.money(id, PaymentKind.REFUND, PaymentStatus.REFUNDED, refund);
                }
                h.bookings.add(booking(id, from, BookingStatus.CANCELLED, total, ticketed, refund, null));
            } else {
                BookingStatus end = ticketed
                        ? BookingStatus.TICKETED
                        : random.nextBoolean() ? BookingStatus.HELD : BookingStatus.EXPIRED;
                h.bookings.add(booking(id, from, end, total, ticketed, null, null));
            }
            return h;
        }
    }
}
