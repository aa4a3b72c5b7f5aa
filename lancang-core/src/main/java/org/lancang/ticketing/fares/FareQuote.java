package org.lancang.ticketing.fares;

import java.util.List;
import org.lancang.money.Money;

/**
 * A fare: its parts in the order of travel, each in its operator's currency, the supplements the operators add (SRT:
 * train type, air conditioning, berth; none on the reference line), and the total in the buyer's currency (each part
 * and supplement converted at the network's rates, rounded half-up to the buyer's minor unit, then added).
 */
public record FareQuote(List<FarePart> parts, List<FareSupplement> supplements, Money total) {
    public FareQuote {
        parts = List.copyOf(parts);
        supplements = List.copyOf(supplements);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a fare has at least one part");
        }
    }

    /** A fare of base parts alone. */
    public FareQuote(List<FarePart> parts, Money total) {
        this(parts, List.of(), total);
    }
}
