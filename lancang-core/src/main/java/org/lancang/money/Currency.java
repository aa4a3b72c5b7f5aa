package org.lancang.money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A currency Lancang can hold an amount in: its ISO 4217 code, the digits of its minor unit and the symbol people see.
 * Which currencies there are is data ({@code currencies.csv}, read into {@link Currencies}; ADR 0030), not code: a
 * network that sells in a currency not listed before adds a row, and nothing else changes. Two currencies are the same
 * when all three agree (one table per platform never holds two rows for one code).
 *
 * @param code     the ISO 4217 alphabetic code (three capital letters)
 * @param decimals digits after the decimal point in a price: minor units per major unit = 10^decimals; 0 … 4, the
 *                 range ISO 4217 uses
 * @param symbol   what a person reads beside an amount ("¥", "₭", "฿")
 */
public record Currency(String code, int decimals, String symbol) implements Comparable<Currency> {
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    /** ISO 4217's largest minor unit (the Uruguayan and Chilean units of account have 4). */
    public static final int MAX_DECIMALS = 4;

    public Currency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(symbol, "symbol");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 code (three capital letters)");
        }
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException(code + ": decimals " + decimals + " is outside 0 … " + MAX_DECIMALS);
        }
        if (symbol.isBlank()) {
            throw new IllegalArgumentException(code + ": the symbol must not be blank");
        }
    }

    /** By code, so that amounts and totals list in one stable order whatever file defined them. */
    @Override
    public int compareTo(Currency o) {
        return code.compareTo(o.code);
    }

    /** The code, as money is written for people ("470.00 CNY") and in messages. */
    @Override
    public String toString() {
        return code;
    }
}
