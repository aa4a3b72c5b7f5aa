package org.lancang.store.sales;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lancang.money.Money;

/**
 * A payment provider that always accepts, for demonstrations and tests; idempotent on the key like a real one.
 * Charges are counted so tests can prove a retried payment is charged once.
 */
public final class SimulatedPaymentProvider implements PaymentProvider {
    private final Map<String, Receipt> charges = new ConcurrentHashMap<>();

    @Override
    public Receipt charge(String idempotencyKey, Money amount, String description) {
        return charges.computeIfAbsent(idempotencyKey, k -> new Receipt("SIM-" + UUID.randomUUID(), amount));
    }

    public int charges() {
        return charges.size();
    }
}
