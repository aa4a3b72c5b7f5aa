package org.lancang.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.money.Money;
import org.lancang.testing.Ref;
import org.lancang.testing.WorldCurrencies;

/** The booking's lifecycle and the price of a change or a cancellation. */
class BookingLifecycleTest {
    private static Money cny(long minor) {
        return new Money(minor, WorldCurrencies.CNY);
    }

    @Test
    void aHoldIsPaidCancelledLapsesOrChangesAndOnlyATicketMovesOnFromThere() {
        assertThat(BookingStatus.HELD.next())
                .containsExactlyInAnyOrder(
                        BookingStatus.TICKETED, BookingStatus.CANCELLED, BookingStatus.EXPIRED, BookingStatus.CHANGED);
        assertThat(BookingStatus.TICKETED.next())
                .containsExactlyInAnyOrder(BookingStatus.CANCELLED, BookingStatus.CHANGED);
        for (BookingStatus end : EnumSet.of(BookingStatus.CANCELLED, BookingStatus.EXPIRED, BookingStatus.CHANGED)) {
            assertThat(end.next()).as(end + " is final").isEmpty();
            assertThat(end.live()).isFalse();
        }
        assertThat(BookingStatus.liveStatuses()).containsExactlyInAnyOrder(BookingStatus.HELD, BookingStatus.TICKETED);
        assertThat(BookingStatus.TICKETED.canMoveTo(BookingStatus.EXPIRED))
                .as("a ticket never lapses")
                .isFalse();
        assertThat(BookingStatus.TICKETED.canMoveTo(BookingStatus.TICKETED))
                .as("a ticket is not paid twice")
                .isFalse();
    }

    @Test
    void aMoveTheLifecycleRefusesIsAConflictOnStatus() {
        assertThatThrownBy(() -> BookingStatus.CANCELLED.requireMoveTo(BookingStatus.TICKETED))
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("status"))
                .hasMessageContaining("CANCELLED")
                .hasMessageContaining("final");
        BookingStatus.HELD.requireMoveTo(BookingStatus.TICKETED); // allowed: no exception
    }

    @Test
    void changingAHoldCostsNothingWhateverTheFares() {
        ChangePricing p = ChangePricing.of(BookingStatus.HELD, cny(47_000), cny(76_000), 20);
        assertThat(p.charge()).isEqualTo(cny(0));
        assertThat(p.refund()).isEqualTo(cny(0));
        assertThat(p.signedDifferenceMinor()).isZero();
    }

    @Test
    void aDearerTicketChargesTheDifferenceAndACheaperOneRefundsItLessTheFee() {
        ChangePricing dearer = ChangePricing.of(BookingStatus.TICKETED, cny(47_000), cny(76_000), 20);
        assertThat(dearer.charge()).isEqualTo(cny(29_000));
        assertThat(dearer.refund()).isEqualTo(cny(0));
        assertThat(dearer.signedDifferenceMinor()).isEqualTo(29_000);

        ChangePricing cheaper = ChangePricing.of(BookingStatus.TICKETED, cny(76_000), cny(47_000), 5);
        assertThat(cheaper.charge()).isEqualTo(cny(0));
        assertThat(cheaper.fee()).isEqualTo(cny(1_450));
        assertThat(cheaper.refund()).isEqualTo(cny(27_550));
        assertThat(cheaper.signedDifferenceMinor()).isEqualTo(-27_550);
        assertThat(cheaper.refund().plus(cheaper.fee())).isEqualTo(cny(29_000));

        ChangePricing same = ChangePricing.of(BookingStatus.TICKETED, cny(47_000), cny(47_000), 20);
        assertThat(same.signedDifferenceMinor()).isZero();
    }

    @Test
    void aCancelledTicketIsRefundedLessTheFeeForTheTimeBeforeDeparture() {
        RefundRules rules = RefundRules.defaults();
        RefundRules.Quote threeDays = rules.quote(Ref.LCR, cny(10_000), Duration.ofDays(3));
        assertThat(threeDays.fee()).isEqualTo(cny(500));
        assertThat(threeDays.refund()).isEqualTo(cny(9_500));
        RefundRules.Quote gone = rules.quote(Ref.LCR, cny(10_000), Duration.ofMinutes(-1));
        assertThat(gone.refund()).as("after departure nothing comes back").isEqualTo(cny(0));
        RefundRules.Quote hold = rules.quote(Ref.LCR, cny(0), Duration.ofDays(3));
        assertThat(hold.refund()).isEqualTo(cny(0));
    }
}
