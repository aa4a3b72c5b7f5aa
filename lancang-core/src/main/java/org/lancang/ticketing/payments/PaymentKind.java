package org.lancang.ticketing.payments;

/** Money in (a charge: reserved, then captured or voided) or money out (a refund). */
public enum PaymentKind {
    CHARGE,
    REFUND
}
