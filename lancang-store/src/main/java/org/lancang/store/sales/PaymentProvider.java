package org.lancang.store.sales;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lancang.money.Money;
import org.lancang.ticketing.payments.PaymentKind;
import org.lancang.ticketing.payments.PaymentStatus;

/**
 * Where the money comes from. A real provider (card, bank, wallet) plugs in here; Lancang ships a simulated one. Money
 * moves in two steps, as with card payments: a charge is first reserved ({@link #authorize}), then taken ({@link
 * #capture}) once the ticket is issued, or released ({@link #voidCharge}) when the booking cannot be paid. Every call
 * is idempotent on its key: a retry returns the first outcome and never moves money twice, and a key used for another
 * amount or reference is refused.
 */
public interface PaymentProvider {
    /** The provider's record of one key: a charge (reserved, captured or voided) or a refund. */
    record Entry(
            String key,
            String reference,
            PaymentKind kind,
            PaymentStatus status,
            Money amount,
            String providerReference,
            Instant createdAt,
            Instant updatedAt) {}

    /** The provider said no: the payment was declined, or the key belongs to another payment. */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /** Reserves {@code amount} for the merchant's {@code reference} (the booking); nothing is taken yet. */
    Entry authorize(String key, Money amount, String reference, String description);

    /** Takes the money reserved under {@code key}; refused if it was voided. */
    Entry capture(String key);

    /** Releases the money reserved under {@code key}; refused if it was taken. */
    Entry voidCharge(String key);

    /** Gives {@code amount} back for the merchant's {@code reference}. */
    Entry refund(String key, Money amount, String reference, String description);

    /** What the provider knows about a key. */
    Optional<Entry> find(String key);

    /** The provider's entries for these references (a real provider's settlement report), or all when null. */
    List<Entry> ledger(Collection<String> references);
}
