package org.lancang.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table of exchange rates, as a network's data gives them (one row per pair: CNY–LAK, THB–LAK, CNY–THB …). An amount
 * is converted by the rate between its currency and the target (either way round), or else through one other currency
 * both have a rate with (THB → CNY → LAK when only those two rates are given), each exchange rounded half-up to its
 * currency's smallest unit (through a currency between, the amount is in whole units of it, as two exchanges are). A
 * sum of conversions ({@link #exact}: the last exchange not rounded) is rounded once as a whole by its caller, never
 * part by part.
 */
public final class ExchangeRates {
    private final List<ExchangeRate> rates;

    public ExchangeRates(List<ExchangeRate> rates) {
        this.rates = List.copyOf(rates);
        for (int i = 0; i < this.rates.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (samePair(this.rates.get(i), this.rates.get(j))) {
                    throw new IllegalArgumentException(
                            "two rates between " + this.rates.get(i).base() + " and "
                                    + this.rates.get(i).quote());
                }
            }
        }
    }

    public static ExchangeRates of(ExchangeRate... rates) {
        return new ExchangeRates(List.of(rates));
    }

    public List<ExchangeRate> rates() {
        return rates;
    }

    /** Whether an amount in {@code from} can be converted to {@code to}. */
    public boolean converts(Currency from, Currency to) {
        return from.equals(to) || path(from, to).isPresent();
    }

    /**
     * The amount in {@code target}, rounded once, half-up to its smallest unit.
     *
     * @throws IllegalArgumentException when the table has no way from the amount's currency to the target
     */
    public Money convert(Money amount, Currency target) {
        if (amount.currency().equals(target)) {
            return amount;
        }
        return Money.rounded(exact(amount, target), target);
    }

    /**
     * The amount in major units of {@code target}, the last exchange not rounded: to add to others and round once.
     *
     * @throws IllegalArgumentException when the table has no way from the amount's currency to the target
     */
    public BigDecimal exact(Money amount, Currency target) {
        if (amount.currency().equals(target)) {
            return amount.major();
        }
        List<ExchangeRate> path = path(amount.currency(), target)
                .orElseThrow(() ->
                        new IllegalArgumentException("no exchange rate from " + amount.currency() + " to " + target));
        BigDecimal converted = amount.major();
        Currency via = amount.currency();
        for (int i = 0; i < path.size(); i++) {
            ExchangeRate r = path.get(i);
            Currency next = i == path.size() - 1 ? target : (r.base().equals(via) ? r.quote() : r.base());
            converted = r.exact(converted, via, next);
            if (i < path.size() - 1) {
                // through a currency between is two exchanges, each paid in whole units of its currency
                converted = Money.rounded(converted, next).major();
            }
            via = next;
        }
        return converted;
    }

    /** The direct rate, or two rates through one currency between them. */
    private Optional<List<ExchangeRate>> path(Currency from, Currency to) {
        Optional<ExchangeRate> direct = between(from, to);
        if (direct.isPresent()) {
            return Optional.of(List.of(direct.get()));
        }
        for (ExchangeRate first : rates) {
            Currency via =
                    first.base().equals(from) ? first.quote() : first.quote().equals(from) ? first.base() : null;
            if (via != null && !via.equals(to)) {
                Optional<ExchangeRate> second = between(via, to);
                if (second.isPresent()) {
                    List<ExchangeRate> two = new ArrayList<>();
                    two.add(first);
                    two.add(second.get());
                    return Optional.of(List.copyOf(two));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ExchangeRate> between(Currency a, Currency b) {
        return rates.stream()
                .filter(r -> (r.base().equals(a) && r.quote().equals(b))
                        || (r.base().equals(b) && r.quote().equals(a)))
                .findFirst();
    }

    private static boolean samePair(ExchangeRate x, ExchangeRate y) {
        return (x.base().equals(y.base()) && x.quote().equals(y.quote()))
                || (x.base().equals(y.quote()) && x.quote().equals(y.base()));
    }
}
