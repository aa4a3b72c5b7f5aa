package org.lancang.ticketing;

import org.lancang.money.Money;

/**
 * What a change of booking costs. A hold is not paid, so changing it costs nothing. A ticket stays a ticket: a dearer
 * fare charges the difference; a cheaper one refunds the difference less the refund fee for the time before the old
 * train's departure (the same fee as giving that much of the ticket back).
 *
 * @param charge what the passenger pays now (zero unless dearer)
 * @param refund what the passenger gets back (zero unless cheaper)
 * @param fee what the railway keeps of the difference given back
 */
public record ChangePricing(Money charge, Money refund, Money fee) {
    public ChangePricing {
        if (charge.isNegative() || refund.isNegative() || fee.isNegative()) {
            throw new IllegalArgumentException("amounts of a change are never negative");
        }
        if (charge.minor() > 0 && refund.minor() > 0) {
            throw new IllegalArgumentException("a change charges or refunds, not both");
        }
    }

    /**
     * The price of moving a booking in {@code status} from a fare of {@code oldTotal} to {@code newTotal}, with
     * {@code feePercent} the refund fee for the time left before the old departure.
     */
    public static ChangePricing of(BookingStatus status, Money oldTotal, Money newTotal, int feePercent) {
        Money zero = Money.zero(oldTotal.currency());
        if (status != BookingStatus.TICKETED) {
            return new ChangePricing(zero, zero, zero);
        }
        Money more = newTotal.minus(oldTotal);
        if (more.minor() >= 0) {
            return new ChangePricing(more, zero, zero);
        }
        Money back = zero.minus(more);
        Money fee = back.percent(feePercent);
        return new ChangePricing(zero, back.minus(fee), fee);
    }

    /**
     * The change's difference as the booking records it: positive what was charged, negative what was refunded.
     */
    public long signedDifferenceMinor() {
        return charge.minor() > 0 ? charge.minor() : -refund.minor();
    }
}
