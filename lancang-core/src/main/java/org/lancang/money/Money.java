package org.lancang.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount of money: whole minor units (fen, kip) and a currency. Never floating point. */
public record Money(long minor, Currency currency) implements Comparable<Money> {
    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** From a decimal amount in major units ("470.00" CNY, "333000" LAK), rounded half-up to the currency's minor unit. */
    public static Money of(String major, Currency currency) {
        return rounded(new BigDecimal(major), currency);
    }

    /** An exact amount in major units, rounded half-up to the currency's minor unit: the one rounding of a total. */
    public static Money rounded(BigDecimal major, Currency currency) {
        return new Money(
                major.movePointRight(currency.decimals())
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact(),
                currency);
    }

    public Money plus(Money other) {
        same(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        same(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    /** {@code percent} % of this amount, rounded half-up to the minor unit. */
    public Money percent(int percent) {
        return new Money(
                BigDecimal.valueOf(minor)
                        .multiply(BigDecimal.valueOf(percent))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                        .longValueExact(),
                currency);
    }

    public BigDecimal major() {
        return BigDecimal.valueOf(minor, currency.decimals());
    }

    public boolean isNegative() {
        return minor < 0;
    }

    @Override
    public int compareTo(Money o) {
        same(o);
        return Long.compare(minor, o.minor);
    }

    private void same(Money other) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }

    /**
     * For people: "470.00 CNY", "333,000 LAK". Written out digit by digit (every booking's answer shows its fare, and a
     * format string costs several times more).
     */
    @Override
    public String toString() {
        String digits = Long.toString(minor);
        boolean negative = minor < 0;
        String magnitude = negative ? digits.substring(1) : digits;
        int decimals = currency.decimals();
        if (magnitude.length() <= decimals) {
            magnitude = "0".repeat(decimals - magnitude.length() + 1) + magnitude;
        }
        int wholeDigits = magnitude.length() - decimals;
        StringBuilder out = new StringBuilder(magnitude.length() + wholeDigits / 3 + 6);
        if (negative) {
            out.append('-');
        }
        for (int i = 0; i < wholeDigits; i++) {
            if (i > 0 && (wholeDigits - i) % 3 == 0) {
                out.append(',');
            }
            out.append(magnitude.charAt(i));
        }
        if (decimals > 0) {
            out.append('.').append(magnitude, wholeDigits, magnitude.length());
        }
        return out.append(' ').append(currency.code()).toString();
    }
}
