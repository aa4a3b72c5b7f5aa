package org.lancang.ticketing.payments;

import java.util.Optional;

/**
 * Settling a payment that was left unsettled (the server stopped between asking the provider and recording the
 * answer), from what the provider's ledger says about its key and whether its booking was issued with it. The rule
 * is the one the live path follows: a charge is captured only for a ticket issued with it, otherwise voided; a
 * refund that is owed is made.
 */
public final class PaymentRecovery {
    private PaymentRecovery() {}

    /** What to do with an unsettled payment. */
    public enum Step {
        /** Take the money reserved: the ticket was issued with this charge. */
        CAPTURE,
        /** Release the reservation: the booking was not issued with this charge. */
        VOID,
        /** The provider captured it and the ticket was issued with it: record that. */
        RECORD_CAPTURED,
        /** The provider voided it: record that. */
        RECORD_VOIDED,
        /** The provider reserved nothing: the charge failed. */
        RECORD_FAILED,
        /** The provider took money for a booking not issued with it: give it back (and record the charge). */
        REFUND_CAPTURED,
        /** Ask the provider for the refund owed (idempotent on its key). */
        REFUND,
        /** The provider made the refund: record that. */
        RECORD_REFUNDED,
        /** Settled already. */
        NOTHING
    }

    /**
     * @param kind charge or refund
     * @param ours the status Lancang recorded
     * @param provider the status of the key in the provider's ledger, empty if the provider never saw it
     * @param bookingIssuedWithIt for a charge: whether its booking was ticketed with this charge
     */
    public static Step settle(
            PaymentKind kind, PaymentStatus ours, Optional<PaymentStatus> provider, boolean bookingIssuedWithIt) {
        if (ours.settled(kind)) {
            return Step.NOTHING;
        }
        if (kind == PaymentKind.REFUND) {
            return provider.filter(s -> s == PaymentStatus.REFUNDED).isPresent() ? Step.RECORD_REFUNDED : Step.REFUND;
        }
        if (provider.isEmpty()) {
            return Step.RECORD_FAILED;
        }
        return switch (provider.get()) {
            case AUTHORIZED -> bookingIssuedWithIt ? Step.CAPTURE : Step.VOID;
            case CAPTURED -> bookingIssuedWithIt ? Step.RECORD_CAPTURED : Step.REFUND_CAPTURED;
            case VOIDED -> Step.RECORD_VOIDED;
            case PENDING, FAILED, REFUNDED -> Step.RECORD_FAILED;
        };
    }
}
