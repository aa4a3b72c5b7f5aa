package org.lancang.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** How many units of {@code quote} one unit of {@code base} buys (for example 1 CNY = 2,900 LAK). */
public record ExchangeRate(Currency base, Currency quote, BigDecimal rate) {
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
        BigDecimal major = amount.major();
        BigDecimal converted;
        if (amount.currency().equals(base) && target.equals(quote)) {
            converted = major.multiply(rate);
        } else if (amount.currency().equals(quote) && target.equals(base)) {
            converted = major.divide(rate, 12, RoundingMode.HALF_UP);
        } else {
            throw new IllegalArgumentException(
                    "this rate converts " + base + "/" + quote + ", not " + amount.currency() + " to " + target);
        }
        return new Money(
                converted
                        .movePointRight(target.decimals())
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact(),
                target);
    }
}
