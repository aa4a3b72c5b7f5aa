package org.lancang.freight;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRate;
import org.lancang.money.ExchangeRates;
import org.lancang.money.Money;
import org.lancang.network.Network;

/**
 * A through consignment's price and route across two networks that meet at a transshipment yard: the first leg from
 * the origin to the yard on one network, the boxes moved across the break of gauge, the second leg from the yard to
 * the destination on the other. Each leg's sections are charged by their carriers in their own currencies (each
 * network's tariffs); the through total is given in every currency asked, at the rates of both networks' tables (the
 * first network's rate where both give one for the same pair).
 */
public record ThroughQuote(
        Leg first,
        Transshipment yard,
        int boxes,
        int batches,
        Duration transshipmentTime,
        Leg second,
        Map<Currency, Money> total,
        List<ExchangeRate> rates) {

    /** One network's part: its sections, each in its carrier's currency and converted to every currency of the total. */
    public record Leg(String network, String from, String to, List<Section> sections) {}

    public record Section(
            String carrier, String from, String to, double tariffKm, Money amount, Map<Currency, Money> converted) {}

    /** One network with its freight tariffs. */
    public record Side(Network network, Tariffs tariffs) {}

    /**
     * The quote for {@code items} (boxes only: goods in wagons would have to be unloaded and loaded again, which is
     * not modelled) from {@code from} on the first side to {@code to} on the second, through {@code yard} (given by
     * the second side's network, its other point on the first).
     */
    public static ThroughQuote of(
            Side first,
            Side second,
            Transshipment yard,
            String from,
            String to,
            List<Tariffs.Item> items,
            List<Currency> totalIn) {
        if (first.network().point(from).isEmpty()) {
            throw new InvalidInput(
                    "from",
                    "'" + from + "' is not a point of " + first.network().code());
        }
        if (second.network().point(to).isEmpty()) {
            throw new InvalidInput(
                    "to", "'" + to + "' is not a point of " + second.network().code());
        }
        if (items.isEmpty()) {
            throw new InvalidInput("equipment", "needs at least one box");
        }
        int boxes = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).kind().isBox()) {
                throw new InvalidInput(
                        "equipment[" + i + "].kind",
                        items.get(i).kind() + " is a wagon: only boxes change trains at " + yard.otherPoint() + "–"
                                + yard.point() + " across the break of gauge");
            }
            boxes += items.get(i).count();
        }
        if (from.equalsIgnoreCase(yard.otherPoint()) || to.equalsIgnoreCase(yard.point())) {
            throw new InvalidInput(
                    from.equalsIgnoreCase(yard.otherPoint()) ? "from" : "to",
                    "is the transshipment yard itself: quote the other network's leg with POST /api/freight/quote");
        }
        ExchangeRates rates = rates(first.tariffs(), second.tariffs());
        // each total is the exact sum of every section's conversion, rounded once (as fares are, ADR 0025 and 0030)
        Map<Currency, BigDecimal> exact = new TreeMap<>();
        totalIn.forEach(c -> exact.put(c, BigDecimal.ZERO));
        Leg a = leg(first, from, yard.otherPoint(), items, rates, exact);
        Leg b = leg(second, yard.point(), to, items, rates, exact);
        Map<Currency, Money> total = new TreeMap<>();
        exact.forEach((c, sum) -> total.put(c, Money.rounded(sum, c)));
        return new ThroughQuote(a, yard, boxes, yard.batches(boxes), yard.time(boxes), b, total, rates.rates());
    }

    private static Leg leg(
            Side side,
            String from,
            String to,
            List<Tariffs.Item> items,
            ExchangeRates rates,
            Map<Currency, BigDecimal> exact) {
        List<Section> out = new ArrayList<>();
        for (Tariffs.SectionCharge s :
                side.tariffs().quote(side.network(), from, to, items).sections()) {
            Map<Currency, Money> converted = new TreeMap<>();
            for (Currency c : exact.keySet()) {
                converted.put(c, rates.convert(s.amount(), c));
                exact.merge(c, rates.exact(s.amount(), c), BigDecimal::add);
            }
            out.add(new Section(s.carrier(), s.from(), s.to(), s.tariffKm(), s.amount(), converted));
        }
        return new Leg(side.network().code(), from, to, out);
    }

    /** Both tables as one: the first's rates, then the second's for the pairs the first lacks. */
    private static ExchangeRates rates(Tariffs first, Tariffs second) {
        List<ExchangeRate> all = new ArrayList<>(first.exchangeRates());
        for (ExchangeRate r : second.exchangeRates()) {
            boolean known = all.stream()
                    .anyMatch(o -> (o.base().equals(r.base()) && o.quote().equals(r.quote()))
                            || (o.base().equals(r.quote()) && o.quote().equals(r.base())));
            if (!known) {
                all.add(r);
            }
        }
        return new ExchangeRates(all);
    }

    /** Every carrier on the route in order, as the consignment note lists them. */
    public List<String> carriers() {
        List<String> out = new ArrayList<>();
        for (Leg leg : List.of(first, second)) {
            leg.sections().stream()
                    .map(Section::carrier)
                    .filter(c -> !out.contains(c))
                    .forEach(out::add);
        }
        return out;
    }
}
