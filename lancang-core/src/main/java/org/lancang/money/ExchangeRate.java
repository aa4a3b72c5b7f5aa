package org.lancang.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** How many units of {@code quote} one unit of {@code base} buys (for example 1 CNY = 2,900 LAK). */
public record ExchangeRate(Currency base, Currency quote, BigDecimal rate) {
    /** Decimals kept in a quotient, far below any currency's smallest unit. */
    static final int SCALE = 12;

    public ExchangeRate {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (rate == null || rate.signum() <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
    }

    /** Converts between the two currencies (either way), rounding half-up to the target's minor unit. */
    public Money convert(Money amount, Currency target) {
        if (amount.currency().equals(target)) {
            return amount;
        }
        return Money.rounded(exact(amount.major(), amount.currency(), target), target);
    }

    /**
     * An amount in major units of {@code from} in major units of {@code target}, not rounded (a quotient kept to
     * {@value #SCALE} decimals): a total of several conversions is rounded once, at its end.
     */
    public BigDecimal exact(BigDecimal major, Currency from, Currency target) {
        if (from.equals(target)) {
            return major;
        }
        if (from.equals(base) && target.equals(quote)) {
            return major.multiply(rate);
        }
        if (from.equals(quote) && target.equals(base)) {
            return major.divide(rate, SCALE, RoundingMode.HALF_UP);
        }
        throw new IllegalArgumentException(
                "this rate converts " + base + "/" + quote + ", not " + from + " to " + target);
    }
}
