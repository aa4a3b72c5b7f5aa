/**
 * Money against bookings. A <em>payment</em> is a charge or a refund recorded against a booking before the payment
 * provider is asked: a charge is PENDING, then AUTHORIZED (money reserved at the provider, nothing taken yet), then
 * CAPTURED when the tickets it pays for are issued, or VOIDED when the booking can no longer be paid with it (paid by
 * another payment, cancelled, lapsed or changed meanwhile); a refund is PENDING until REFUNDED. Recording first, then
 * asking the provider, then settling is what makes every interleaving safe: a stop half-way leaves a record that
 * {@link org.lancang.ticketing.payments.PaymentRecovery} settles from the provider's ledger.
 *
 * <p>{@link org.lancang.ticketing.payments.Reconciliation} states the invariant every booking keeps, followed through
 * its changes: money taken = money for tickets issued + money refunded.
 */
package org.lancang.ticketing.payments;
