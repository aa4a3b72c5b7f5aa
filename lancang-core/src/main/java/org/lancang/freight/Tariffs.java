package org.lancang.freight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lancang.data.CsvTable;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRate;
import org.lancang.money.ExchangeRates;
import org.lancang.money.Money;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;

/**
 * What carrying goods costs, section by section. Each carrier charges its own section of the line in its own
 * currency, by China Railway's published structure: a terminal base rate plus a running base rate times the tariff
 * kilometres, times the chargeable mass for a wagonload (the wagon's marked capacity, as China Railway charges a
 * wagonload), or per box for a container. The Lao section's rates are configurable (no published tariff was found).
 * A quote gives each section in its carrier's currency and the through total in CNY, LAK and USD at the rates of the
 * data.
 */
public final class Tariffs {
    public static final String FILE = "freight-tariffs.csv";
    public static final String RATES_FILE = "freight-exchange-rates.csv";

    /** One carrier's rate for one tariff class on its section of the line. */
    public record Rate(
            String carrier,
            String sectionFrom,
            String sectionTo,
            double fromKm,
            double toKm,
            Currency currency,
            String tariff,
            boolean perBox,
            BigDecimal terminalRate,
            BigDecimal runningRatePerKm,
            String source) {}

    /** What is carried: so many boxes or wagons of a kind; {@code massT} is the gross mass of each. */
    public record Item(EquipmentKind kind, int count, double massT) {}

    /** One section of the journey, charged by its carrier. */
    public record SectionCharge(
            String carrier, String from, String to, double tariffKm, Money amount, Map<Currency, Money> converted) {}

    public record Quote(List<SectionCharge> sections, Map<Currency, Money> total, List<ExchangeRate> rates) {}

    private final List<Rate> rates;
    private final ExchangeRates exchange;
    /** The currencies a quote's totals are given in: those of the carriers and of the rates, ordered by code. */
    private final List<Currency> quoted;
    /** The table its files were read with: what a declared value or a stored amount may be in. */
    private final Currencies currencies;

    private Tariffs(List<Rate> rates, List<ExchangeRate> exchange, Currencies currencies) {
        this.currencies = currencies;
        this.rates = List.copyOf(rates);
        this.exchange = new ExchangeRates(exchange);
        SortedSet<Currency> named = new TreeSet<>();
        rates.forEach(r -> named.add(r.currency()));
        exchange.forEach(r -> {
            named.add(r.base());
            named.add(r.quote());
        });
        this.quoted = List.copyOf(named);
    }

    /** The currencies every quote's total is given in (the carriers' and those of the rates). */
    public List<Currency> quotedCurrencies() {
        return quoted;
    }

    /** Reads {@value #FILE} and {@value #RATES_FILE}; every currency they name must be in {@code currencies}. */
    public static Tariffs parse(Network network, Currencies currencies, String tariffText, String ratesText) {
        CsvTable table = CsvTable.parse(
                FILE,
                tariffText,
                List.of(
                        "carrier",
                        "section_from",
                        "section_to",
                        "currency",
                        "tariff",
                        "unit",
                        "terminal_rate",
                        "running_rate_per_km",
                        "source"));
        List<Rate> rates = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Point a = network.point(row.required("section_from"))
                    .orElseThrow(() -> row.error("section_from", "unknown point"));
            Point b = network.point(row.required("section_to"))
                    .orElseThrow(() -> row.error("section_to", "unknown point"));
            network.routes().between(row, "section_to", a, b); // the section is the way between the two
            String unit = row.required("unit");
            if (!unit.equals("t") && !unit.equals("box")) {
                throw row.error("unit", "must be t (per tonne, wagonload) or box (per container)");
            }
            rates.add(new Rate(
                    row.required("carrier"),
                    a.code(),
                    b.code(),
                    Math.min(a.km(), b.km()),
                    Math.max(a.km(), b.km()),
                    currencies.oneOf(row, "currency"),
                    row.required("tariff"),
                    unit.equals("box"),
                    BigDecimal.valueOf(row.decimalBetween("terminal_rate", 0, 1e9)),
                    BigDecimal.valueOf(row.decimalBetween("running_rate_per_km", 0, 1e9)),
                    row.required("source")));
        }
        CsvTable fx = CsvTable.parse(RATES_FILE, ratesText, List.of("base", "quote", "rate", "source"));
        List<ExchangeRate> exchange = new ArrayList<>();
        for (CsvTable.Row row : fx.rows()) {
            row.required("source");
            exchange.add(new ExchangeRate(
                    currencies.oneOf(row, "base"),
                    currencies.oneOf(row, "quote"),
                    BigDecimal.valueOf(row.decimalBetween("rate", 1e-9, 1e9))));
        }
        return new Tariffs(rates, exchange, currencies);
    }

    /** The currencies its files were read with (those of every network served, where the platform read them). */
    public Currencies currencies() {
        return currencies;
    }

    public List<Rate> rates() {
        return rates;
    }

    /** The exchange rates of {@value #RATES_FILE}. */
    public List<ExchangeRate> exchangeRates() {
        return exchange.rates();
    }

    /**
     * The quote for carrying {@code items} from one point to another with no train named: along the shortest way
     * between them.
     */
    public Quote quote(Network network, String from, String to, List<Item> items) {
        Point a = network.point(from).orElseThrow(() -> new InvalidInput("from", "'" + from + "' is not a station"));
        Point b = network.point(to).orElseThrow(() -> new InvalidInput("to", "'" + to + "' is not a station"));
        if (a.equals(b)) {
            throw new InvalidInput("to", "must differ from 'from'");
        }
        return quote(network, network.routes().between(a.code(), b.code(), List.of()), items);
    }

    /**
     * The quote for carrying {@code items} along {@code way} (on a train, the stretch of its own route between loading
     * and unloading, {@code TrainPlan.way}): each carrier charges the km of the way that lie on its section.
     */
    public Quote quote(Network network, Route way, List<Item> items) {
        if (items.isEmpty()) {
            throw new InvalidInput("items", "needs at least one box or wagon");
        }
        for (int i = 0; i < items.size(); i++) {
            // a count below one would be charged as a negative sum: a refund no one asked for
            if (items.get(i).count() < 1) {
                throw new InvalidInput("items[" + i + "].count", "must be 1 or more");
            }
        }
        List<SectionCharge> sections = new ArrayList<>();
        // each total is the exact sum of the sections' conversions, rounded once (as fares are, ADR 0025 and 0030)
        Map<Currency, BigDecimal> exact = new TreeMap<>();
        for (Currency c : quoted) {
            exact.put(c, BigDecimal.ZERO);
        }
        for (Stretch stretch : stretches(network, way)) {
            List<Rate> carrierRates = stretch.rates();
            double km = stretch.km();
            BigDecimal sum = BigDecimal.ZERO;
            for (Item item : items) {
                Rate rate = carrierRates.stream()
                        .filter(r -> r.tariff().equals(item.kind().tariff()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                FILE + " has no rate " + item.kind().tariff() + " for " + stretch.carrier()));
                BigDecimal perUnit =
                        rate.terminalRate().add(rate.runningRatePerKm().multiply(BigDecimal.valueOf(km)));
                BigDecimal units = rate.perBox()
                        ? BigDecimal.valueOf(item.count())
                        : BigDecimal.valueOf(item.kind().payloadT() * item.count());
                sum = sum.add(perUnit.multiply(units));
            }
            Money amount = money(sum, carrierRates.get(0).currency());
            Map<Currency, Money> converted = new TreeMap<>();
            for (Currency c : quoted) {
                converted.put(c, convert(amount, c));
                exact.merge(c, exchange.exact(amount, c), BigDecimal::add);
            }
            sections.add(new SectionCharge(
                    stretch.carrier(), stretch.from(), stretch.to(), Math.round(km * 10) / 10.0, amount, converted));
        }
        Map<Currency, Money> total = new TreeMap<>();
        exact.forEach((c, sum) -> total.put(c, Money.rounded(sum, c)));
        return new Quote(sections, total, exchange.rates());
    }

    /** The carriers whose sections {@code way} runs on, in the order it reaches them. */
    public List<String> carriers(Network network, Route way) {
        return stretches(network, way).stream().map(Stretch::carrier).toList();
    }

    /**
     * A carrier's part of a way: where the way enters and leaves the carrier's section, and its runs there in travel
     * order, each a stretch of one line on that line's km.
     */
    public record CarrierPart(String carrier, String from, String to, List<Route.Leg> runs) {
        public CarrierPart {
            runs = List.copyOf(runs);
        }
    }

    /** Each carrier's part of {@code way}, in the order the way reaches them (what {@link #quote} charges). */
    public List<CarrierPart> parts(Network network, Route way) {
        return stretches(network, way).stream()
                .map(s -> new CarrierPart(s.carrier(), s.from(), s.to(), s.runs()))
                .toList();
    }

    /**
     * What one carrier charges of a way: its rates, the km of the way on its section, where the way enters and leaves
     * it and the runs of the way on it.
     */
    private record Stretch(String carrier, List<Rate> rates, double km, String from, String to, List<Route.Leg> runs) {}

    /** A section of a line between two neighbouring points, either way: its line and the lower of the two indices. */
    private record Link(String line, int index) {}

    /**
     * Each carrier's stretch of the way, in the order the way reaches them. A carrier's section is the shortest way
     * between its two points; each run of the way on it counts its km as the difference of the run's two ends on their
     * line (one subtraction, as a km range on one line always was). A stretch of the way no carrier's section covers is
     * charged by none.
     */
    private List<Stretch> stretches(Network network, Route way) {
        Map<String, List<Rate>> byCarrier = new LinkedHashMap<>();
        rates.forEach(r ->
                byCarrier.computeIfAbsent(r.carrier(), k -> new ArrayList<>()).add(r));
        Map<Link, String> carrierOf = new HashMap<>();
        byCarrier.forEach((carrier, list) -> {
            Rate any = list.get(0);
            for (Route.Leg leg : network.routes()
                    .between(any.sectionFrom(), any.sectionTo(), List.of())
                    .legs()) {
                for (int i = Math.min(leg.fromIndex(), leg.toIndex());
                        i < Math.max(leg.fromIndex(), leg.toIndex());
                        i++) {
                    carrierOf.putIfAbsent(new Link(leg.line().code(), i), carrier);
                }
            }
        });
        Map<String, double[]> kmOf = new LinkedHashMap<>();
        Map<String, String[]> endsOf = new LinkedHashMap<>();
        Map<String, List<Route.Leg>> runsOf = new HashMap<>();
        for (Route.Leg leg : way.legs()) {
            int step = leg.rising() ? 1 : -1;
            int runStart = leg.fromIndex();
            String runCarrier = null;
            for (int i = leg.fromIndex(); ; i += step) {
                String carrier = i == leg.toIndex()
                        ? null
                        : carrierOf.get(new Link(leg.line().code(), Math.min(i, i + step)));
                if (i == leg.toIndex() || !Objects.equals(carrier, runCarrier)) {
                    if (runCarrier != null && i != runStart) {
                        double km = Math.abs(leg.line().km(i) - leg.line().km(runStart));
                        kmOf.computeIfAbsent(runCarrier, k -> new double[1])[0] += km;
                        String enters = leg.line().points().get(runStart).code();
                        String[] ends = endsOf.computeIfAbsent(runCarrier, k -> new String[] {enters, null});
                        ends[1] = leg.line().points().get(i).code();
                        runsOf.computeIfAbsent(runCarrier, k -> new ArrayList<>())
                                .add(new Route.Leg(leg.line(), runStart, i));
                    }
                    runStart = i;
                    runCarrier = carrier;
                }
                if (i == leg.toIndex()) {
                    break;
                }
            }
        }
        List<Stretch> out = new ArrayList<>();
        kmOf.forEach((carrier, km) -> {
            if (km[0] > 0) {
                String[] ends = endsOf.get(carrier);
                out.add(new Stretch(carrier, byCarrier.get(carrier), km[0], ends[0], ends[1], runsOf.get(carrier)));
            }
        });
        return out;
    }

    /** Converts by the rate joining the two currencies, or through a third (the yuan) when none does. */
    public Money convert(Money amount, Currency target) {
        if (!exchange.converts(amount.currency(), target)) {
            throw new IllegalStateException(RATES_FILE + " has no rate from " + amount.currency() + " to " + target);
        }
        return exchange.convert(amount, target);
    }

    private static Money money(BigDecimal major, Currency c) {
        return new Money(
                major.setScale(c.decimals(), RoundingMode.HALF_UP)
                        .movePointRight(c.decimals())
                        .longValueExact(),
                c);
    }
}
