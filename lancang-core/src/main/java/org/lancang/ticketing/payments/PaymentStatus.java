package org.lancang.ticketing.payments;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment stands, on Lancang's side and in the provider's ledger alike. A charge is recorded (PENDING) before
 * the provider is asked, reserved (AUTHORIZED: nothing taken yet), then CAPTURED once the ticket is issued, or VOIDED
 * when the booking cannot be paid (paid by another payment, cancelled, lapsed, changed meanwhile); FAILED when the
 * provider reserved nothing. A refund is recorded (PENDING) with the cancellation or change that owes it, then
 * REFUNDED; it is owed, so it never fails for good: it is asked for again until the provider confirms it.
 */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    CAPTURED,
    VOIDED,
    FAILED,
    REFUNDED;

    /** The statuses a payment of {@code kind} in this status may move to. */
    public Set<PaymentStatus> next(PaymentKind kind) {
        if (kind == PaymentKind.REFUND) {
            return this == PENDING ? EnumSet.of(REFUNDED) : EnumSet.noneOf(PaymentStatus.class);
        }
        return switch (this) {
            case PENDING -> EnumSet.of(AUTHORIZED, FAILED);
            case AUTHORIZED -> EnumSet.of(CAPTURED, VOIDED);
            case CAPTURED, VOIDED, FAILED, REFUNDED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    public boolean canMoveTo(PaymentKind kind, PaymentStatus target) {
        return next(kind).contains(target);
    }

    /** Whether a payment in this status can end up in {@code target}, in one step or more. */
    public boolean leadsTo(PaymentKind kind, PaymentStatus target) {
        for (PaymentStatus step : next(kind)) {
            if (step == target || step.leadsTo(kind, target)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the payment is over: nothing more will happen to it. */
    public boolean settled(PaymentKind kind) {
        return next(kind).isEmpty();
    }
}
