package org.lancang.ticketing.fares;

import java.util.List;

import org.lancang.money.Money;

/** A fare: its parts (each in its operator's currency) and the total in the buyer's currency. */
public record FareQuote(List<FarePart> parts, Money total) {
    public FareQuote {
        parts = List.copyOf(parts);
    }
}
