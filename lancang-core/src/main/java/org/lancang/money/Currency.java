package org.lancang.money;

/**
 * The line's two currencies, and the US dollar freight is also quoted in. The yuan has 100 fen; the kip's subunit
 * (att) is not used in practice, so LAK amounts are whole kip.
 */
public enum Currency {
    CNY(2, "¥"),
    LAK(0, "₭"),
    /** The US dollar, in which freight is also quoted (issue 17). */
    USD(2, "US$");

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
