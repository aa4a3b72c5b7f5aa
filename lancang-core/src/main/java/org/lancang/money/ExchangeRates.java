package org.lancang.money;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table of exchange rates, as a network's data gives them (one row per pair: CNY–LAK, THB–LAK, CNY–THB …). An amount
 * is converted by the rate between its currency and the target (either way round), or else through one other currency
 * both have a rate with (THB → CNY → LAK when only those two rates are given); each step rounds half-up to the
 * currency's smallest unit.
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
     * The amount in {@code target}.
     *
     * @throws IllegalArgumentException when the table has no way from the amount's currency to the target
     */
    public Money convert(Money amount, Currency target) {
        if (amount.currency().equals(target)) {
            return amount;
        }
        List<ExchangeRate> path = path(amount.currency(), target)
                .orElseThrow(() ->
                        new IllegalArgumentException("no exchange rate from " + amount.currency() + " to " + target));
        Money converted = amount;
        Currency via = amount.currency();
        for (int i = 0; i < path.size(); i++) {
            ExchangeRate r = path.get(i);
            Currency next = i == path.size() - 1 ? target : (r.base().equals(via) ? r.quote() : r.base());
            converted = r.convert(converted, next);
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
