package org.lancang.money;

/**
 * The currencies Lancang can hold an amount in, by their ISO 4217 code: a fact of the world, not of a network (which
 * currency a network's operators sell in, and at what rates, is its data: {@code fares.csv}, {@code
 * exchange-rates.csv}; ADR 0025). The yuan has 100 fen; the kip's subunit (att) is not used in practice, so LAK amounts
 * are whole kip; the baht has 100 satang (SRT's fares are whole baht, a rounding its data gives).
 */
public enum Currency {
    CNY(2, "¥"),
    LAK(0, "₭"),
    /** The US dollar, in which freight is also quoted (issue 17). */
    USD(2, "US$"),
    /** The Thai baht, in which the State Railway of Thailand sells (issue 19). */
    THB(2, "฿");

    private final int decimals;
    private final String symbol;

    Currency(int decimals, String symbol) {
        this.decimals = decimals;
        this.symbol = symbol;
    }

    /** Digits after the decimal point in a price: minor units per major unit = 10^decimals. */
    public int decimals() {
        return decimals;
    }

    public String symbol() {
        return symbol;
    }
}
