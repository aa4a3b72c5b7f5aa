package org.lancang.store.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.money.Money;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.ChangeRequest;
import org.lancang.store.sales.SalesRecords.PaymentPurpose;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.payments.PaymentKind;
import org.lancang.ticketing.payments.PaymentStatus;

/**
 * A booking's payments as recorded against the provider's ledger: a key is one payment of one booking, each charge,
 * void and refund is on the booking with its outcome, and a payment a stop left half-way is settled at the next start.
 */
class PaymentRecordsTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final TestClock CLOCK = TestClock.at("2026-11-28T02:00:00Z");
    static Platform platform;
    static SalesService sales;
    static SimulatedPaymentProvider provider;
    static int documents;

    @BeforeAll
    static void start() {
        platform = Platform.start(TestDatabase.fresh(), new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), CLOCK);
        platform.users().register("pax", "Passenger", "a long password 1");
        sales = platform.sales();
        provider = new SimulatedPaymentProvider(platform.database().jdbi(), platform.currencies(), CLOCK);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Booking hold(String train) {
        return sales.hold("pax", "pax", SalesFixtures.oneTraveller(train, DAY, "KEYS" + (100_000 + documents++)));
    }

    @Test
    void aKeyUsedForOneBookingIsRefusedOnAnotherAndChargesNothing() {
        Booking first = hold("C277");
        Booking second = hold("C277");
        sales.pay(first.id(), "pax", false, "one-key-for-one-booking");
        assertThatThrownBy(() -> sales.pay(second.id(), "pax", false, "one-key-for-one-booking"))
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
        assertThat(sales.find(second.id(), "pax", false).status()).isEqualTo(BookingStatus.HELD);
        assertThat(provider.ledger(List.of(second.id())))
                .as("nothing reserved for the second")
                .isEmpty();
        assertThat(provider.ledger(List.of(first.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(PaymentStatus.CAPTURED));

        sales.change(
                first.id(), "pax", false, new ChangeRequest("C287", null, SeatClass.FIRST, null, 0, "change-key-a1"));
        Booking other = sales.pay(second.id(), "pax", false, "second-booking-pay");
        assertThatThrownBy(() -> sales.change(
                        other.id(),
                        "pax",
                        false,
                        new ChangeRequest("C287", null, SeatClass.FIRST, null, 0, "change-key-a1")))
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
        assertThat(sales.find(other.id(), "pax", false).status()).isEqualTo(BookingStatus.TICKETED);
        assertThat(sales.reconcile(DAY).holds()).isTrue();
    }

    @Test
    void theBookingShowsEachChargeVoidAndRefundWithItsKeysOutcome() {
        Booking held = hold("C287");
        Booking paid = sales.pay(held.id(), "pax", false, "shown-key-0001");
        assertThatThrownBy(() -> sales.pay(held.id(), "pax", false, "shown-key-0002"))
                .isInstanceOf(Clash.class);
        Booking cancelled = sales.cancel(held.id(), "pax", false);
        assertThat(cancelled.payments())
                .extracting(p -> p.kind() + " " + p.purpose() + " " + p.status() + " " + p.idempotencyKey())
                .containsExactly("CHARGE PAYMENT CAPTURED shown-key-0001", "REFUND CANCELLATION REFUNDED null");
        assertThat(cancelled.payments().get(0).amountMinor()).isEqualTo(paid.totalMinor());
        assertThat(cancelled.payments().get(1).amountMinor()).isEqualTo(cancelled.refundMinor());
        assertThat(cancelled.payments())
                .allSatisfy(p -> assertThat(p.providerReference()).startsWith("SIM-"));
        assertThat(sales.pay(held.id(), "pax", false, "shown-key-0001").status())
                .as("a retry of the key that paid answers the booking as it is now")
                .isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void paymentsLeftHalfWayByAStopAreSettledFromTheProvidersLedgerAtTheNextStart() {
        Jdbi jdbi = platform.database().jdbi();
        // 1: reserved and the ticket issued, the server stopped before taking the money: it is taken.
        Booking issued = hold("C277");
        String issuedKey = "pay:stopped-after-ticket";
        long issuedCharge = recordCharge(jdbi, issued, issuedKey, PaymentStatus.AUTHORIZED);
        provider.authorize(issuedKey, money(issued), issued.id(), "test");
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE booking SET status = 'TICKETED', paid_at = now(), payment_id = :p" + " WHERE id = :id")
                .bind("p", issuedCharge)
                .bind("id", UUID.fromString(issued.id()))
                .execute());
        // 2: reserved, the server stopped before issuing: the reservation is released.
        Booking notIssued = hold("C277");
        recordCharge(jdbi, notIssued, "pay:stopped-before-ticket", PaymentStatus.PENDING);
        provider.authorize("pay:stopped-before-ticket", money(notIssued), notIssued.id(), "test");
        // 3: recorded, the provider never asked: it failed, nothing was taken.
        Booking neverAsked = hold("C277");
        recordCharge(jdbi, neverAsked, "pay:never-asked", PaymentStatus.PENDING);
        // 4: a refund owed, the server stopped before asking for it: it is made.
        Booking refundOwed = hold("C277");
        jdbi.useHandle(h -> new Payments(jdbi, provider, CLOCK, platform.currencies())
                .recordRefund(
                        h,
                        PaymentPurpose.CANCELLATION,
                        "refund:stopped",
                        null,
                        refundOwed.id(),
                        refundOwed.id(),
                        new Money(100, WorldCurrencies.CNY)));

        // what the next start does
        assertThat(sales.settlePayments(Duration.ZERO)).isEqualTo(4);

        assertThat(provider.find(issuedKey).orElseThrow().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(provider.find("pay:stopped-before-ticket").orElseThrow().status())
                .isEqualTo(PaymentStatus.VOIDED);
        assertThat(provider.find("pay:never-asked")).isEmpty();
        assertThat(provider.find("refund:stopped").orElseThrow().kind()).isEqualTo(PaymentKind.REFUND);
        assertThat(sales.find(issued.id(), "pax", false).payments())
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.CAPTURED));
        assertThat(sales.find(notIssued.id(), "pax", false).payments())
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.VOIDED));
        assertThat(sales.find(neverAsked.id(), "pax", false).payments())
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.FAILED));
        assertThat(sales.settlePayments(Duration.ZERO)).as("nothing left").isZero();
    }

    private static Money money(Booking b) {
        return new Money(b.totalMinor(), b.currency());
    }

    private static long recordCharge(Jdbi jdbi, Booking b, String key, PaymentStatus status) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO payment (provider_key, client_key, requested_on,"
                        + " booking_id, kind, purpose, status, amount_minor, currency, created_at) VALUES (:k, :k, :b,"
                        + " :b, 'CHARGE', 'PAYMENT', :s, :a, 'CNY', :t)")
                .bind("k", key)
                .bind("b", UUID.fromString(b.id()))
                .bind("s", status.name())
                .bind("a", b.totalMinor())
                .bind("t", SalesRows.utc(CLOCK.instant()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }
}
