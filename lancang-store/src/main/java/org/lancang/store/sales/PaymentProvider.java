package org.lancang.store.sales;

import org.lancang.money.Money;

/** Where the money comes from. A real provider (card, bank, wallet) plugs in here; Lancang ships a simulated one. */
public interface PaymentProvider {
    /** A charge the provider confirmed, with its own reference. */
    record Receipt(String providerReference, Money amount) {}

    /**
     * Charges {@code amount} once per {@code idempotencyKey}: a retry with the same key returns the first receipt and
     * never charges twice.
     */
    Receipt charge(String idempotencyKey, Money amount, String description);
}
