package org.lancang.ticketing.fares;

import java.util.List;
import org.lancang.money.Money;

/**
 * A fare: its parts in the order of travel, each in its operator's currency, and the total in the buyer's currency
 * (each part converted at the configured rate, rounded half-up to the buyer's minor unit, then added).
 */
public record FareQuote(List<FarePart> parts, Money total) {
    public FareQuote {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a fare has at least one part");
        }
    }
}
