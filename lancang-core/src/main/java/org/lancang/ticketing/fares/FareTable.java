package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.lancang.data.CsvTable;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRates;
import org.lancang.money.Money;
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.network.Routes;
import org.lancang.rollingstock.SeatClass;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.TrainPlan;

/**
 * The fares of a network: one {@link Tariff} per operator and class (or one per currency where the operator sets its
 * prices in several), the supplements its operators add ({@link FareSupplements}), and the table of exchange rates for
 * totals.
 * <p>
 * Each operator charges for the part of a journey in its own country, in its own currency, up to the fare points of
 * each border (on the reference line: the Chinese operator per km to the border, the Lao operator from Boten, the
 * first Lao station, where its published table starts). A journey across borders pays every part; the total is shown
 * in the buyer's currency. A class has no fare on a journey when one of its parts has no tariff for it.
 */
public final class FareTable {
    public static final String FILE = "fares.csv";
    public static final String RATES_FILE = "exchange-rates.csv";
    /** How a total in each currency is rounded: currency, step, source. */
    public static final String ROUNDING_FILE = "fare-rounding.csv";

    private final Network network;
    /** The ways between stops, whose length is a fare's distance where no train's own way is given. */
    private final Routes routes;

    private final Operators operators;
    private final Sections sections;
    /** Per operator and class, its tariffs: the first in the operator's own currency, then one per other currency. */
    private final Map<Operator, Map<SeatClass, List<Tariff>>> tariffs = new HashMap<>();

    private final ExchangeRates rates;
    private final FareSupplements supplements;
    private final Map<Currency, BigDecimal> totalSteps;
    private final AgeFares ageFares;
    private final Currencies currencies;
    /** What a buyer pays in when they name nothing: the network's data says, else the first tariff's currency. */
    private final Currency defaultCurrency;

    /**
     * A fare table whose totals are rounded half up to {@code totalSteps} of their currency (a currency without a step
     * keeps the exact sum of its parts); each country's part charged by the operator {@code operators} names for it,
     * or by its infrastructure manager where {@code operators} is null. {@code currencies} is the table its files were
     * read with (what the amounts it gives may be in).
     */
    public FareTable(
            Network network,
            Operators operators,
            Currencies currencies,
            List<Tariff> tariffs,
            ExchangeRates rates,
            Map<Currency, BigDecimal> totalSteps) {
        this(
                network,
                operators,
                currencies,
                tariffs,
                rates,
                totalSteps,
                AgeFares.none(),
                FareSupplements.none(),
                tariffs.isEmpty() ? null : tariffs.get(0).currency());
    }

    private FareTable(
            Network network,
            Operators operators,
            Currencies currencies,
            List<Tariff> tariffs,
            ExchangeRates rates,
            Map<Currency, BigDecimal> totalSteps,
            AgeFares ageFares,
            FareSupplements supplements,
            Currency defaultCurrency) {
        this.currencies = Objects.requireNonNull(currencies, "currencies");
        this.defaultCurrency = defaultCurrency;
        this.ageFares = Objects.requireNonNull(ageFares, "ageFares");
        this.network = Objects.requireNonNull(network, "network");
        this.routes = new Routes(network);
        this.operators = operators;
        this.sections = new Sections(network, operators);
        this.rates = Objects.requireNonNull(rates, "rates");
        this.supplements = Objects.requireNonNull(supplements, "supplements");
        this.totalSteps = Map.copyOf(totalSteps);
        for (Tariff t : tariffs) {
            List<Tariff> same = this.tariffs
                    .computeIfAbsent(t.operator(), k -> new EnumMap<>(SeatClass.class))
                    .computeIfAbsent(t.seatClass(), k -> new ArrayList<>());
            if (same.stream().anyMatch(o -> o.currency().equals(t.currency()))) {
                throw new IllegalArgumentException(
                        "two tariffs for " + t.operator() + " " + t.seatClass() + " in " + t.currency());
            }
            same.add(t);
        }
    }

    /**
     * Reads {@value #FILE} and {@value #RATES_FILE} (their contents), naming file, line and field on errors; every
     * currency they name must be in {@code currencies}.
     */
    public static FareTable parse(Network network, Currencies currencies, String faresText, String ratesText) {
        return new FareTable(
                network,
                null,
                currencies,
                FareFileParser.parse(FILE, faresText, network, currencies),
                ExchangeRateFileParser.parse(RATES_FILE, ratesText, currencies),
                Map.of());
    }

    /** The same, each country's part charged by the operator {@code operators} names for it. */
    public static FareTable parse(
            Network network, Operators operators, Currencies currencies, String faresText, String ratesText) {
        return new FareTable(
                network,
                operators,
                currencies,
                FareFileParser.parse(FILE, faresText, network, operators, currencies),
                ExchangeRateFileParser.parse(RATES_FILE, ratesText, currencies),
                Map.of());
    }

    /** Also reads {@value #ROUNDING_FILE}: the totals are rounded the way the operator selling in each currency does. */
    public static FareTable parse(
            Network network, Currencies currencies, String faresText, String ratesText, String roundingText) {
        return parse(network, null, currencies, faresText, ratesText, roundingText);
    }

    /** The same, each country's part charged by the operator {@code operators} names for it (null: its manager). */
    public static FareTable parse(
            Network network,
            Operators operators,
            Currencies currencies,
            String faresText,
            String ratesText,
            String roundingText) {
        CsvTable table = CsvTable.parse(ROUNDING_FILE, roundingText, List.of("currency", "step", "source"));
        Map<Currency, BigDecimal> steps = new TreeMap<>();
        for (CsvTable.Row row : table.rows()) {
            Currency currency = currencies.oneOf(row, "currency");
            BigDecimal step = FareMath.positive(row, "step");
            if (!FareMath.wholeMinorUnits(step, currency)) {
                throw row.error("step", "is not a whole number of the currency's smallest unit");
            }
            row.required("source");
            if (steps.put(currency, step) != null) {
                throw row.error("currency", currency + " is listed twice");
            }
        }
        return new FareTable(
                network,
                operators,
                currencies,
                FareFileParser.parse(FILE, faresText, network, operators, currencies),
                ExchangeRateFileParser.parse(RATES_FILE, ratesText, currencies),
                steps);
    }

    /**
     * The currency a station's own operator sells in (the buyer's default there); empty at a point no operator charges
     * for, such as the border.
     */
    public Optional<Currency> localCurrency(String pointCode) {
        return network.point(pointCode)
                .flatMap(sections::chargedBy)
                .flatMap(op -> tariffs.getOrDefault(op, Map.of()).values().stream()
                        .findFirst()
                        .map(list -> list.get(0).currency()));
    }

    /** The same fares, with the child and infant fares of {@code ageFares}. */
    public FareTable withAgeFares(AgeFares ageFares) {
        return new FareTable(
                network, operators, currencies, all(), rates, totalSteps, ageFares, supplements, defaultCurrency);
    }

    /** The same fares, a buyer who names no currency paying in {@code currency} (the network's data says which). */
    public FareTable withDefaultCurrency(Currency currency) {
        return new FareTable(network, operators, currencies, all(), rates, totalSteps, ageFares, supplements, currency);
    }

    /**
     * The currency a buyer pays in when they name none: as the network's data sets it, else that of the first tariff of
     * its {@value #FILE}.
     */
    public Currency defaultCurrency() {
        return defaultCurrency;
    }

    /** The currencies the table was read with: every currency a buyer may name, and its amounts may be in. */
    public Currencies currencies() {
        return currencies;
    }

    /** The same fares, with the supplements of {@code supplements} (SRT: train type, air conditioning, berth). */
    public FareTable withSupplements(FareSupplements supplements) {
        return new FareTable(
                network, operators, currencies, all(), rates, totalSteps, ageFares, supplements, defaultCurrency);
    }

    private List<Tariff> all() {
        List<Tariff> all = new ArrayList<>();
        tariffs.values().forEach(byClass -> byClass.values().forEach(all::addAll));
        return all;
    }

    public AgeFares ageFares() {
        return ageFares;
    }

    /** The network's exchange rates, by which parts in other currencies are converted to the buyer's. */
    public ExchangeRates rates() {
        return rates;
    }

    /** The operator's tariff for a class in its own currency. */
    public Optional<Tariff> tariff(Operator operator, SeatClass seatClass) {
        List<Tariff> list = tariffs.getOrDefault(operator, Map.of()).get(seatClass);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The operator's tariff for a class in {@code currency} where it sets one, else in its own currency. */
    public Optional<Tariff> tariff(Operator operator, SeatClass seatClass, Currency currency) {
        List<Tariff> list = tariffs.getOrDefault(operator, Map.of()).get(seatClass);
        if (list == null) {
            return Optional.empty();
        }
        return Optional.of(list.stream()
                .filter(t -> t.currency().equals(currency))
                .findFirst()
                .orElse(list.get(0)));
    }

    /**
     * The fare from station {@code fromCode} to station {@code toCode} in a class, the total in {@code buyerCurrency};
     * empty when the class is not sold on some part of the journey.
     *
     * @throws InvalidInput when a code is not a point where a journey can start or end, or both are the same
     */
    public Optional<FareQuote> quote(String fromCode, String toCode, SeatClass seatClass, Currency buyerCurrency) {
        return quote(fromCode, toCode, seatClass, null, null, buyerCurrency);
    }

    /**
     * The fare built from its parts on {@code train} ({@code null}: no particular train): each operator's base fare by
     * the km the train runs between the two stops (its own way, {@link TrainPlan#via()}; with no train the shortest
     * way), plus the supplements it adds for the train's type, for the class's air conditioning and for the berth
     * ({@code berth} null for a seat). With no supplements in the data and no longer way, the same as the fare without
     * a train.
     *
     * @throws InvalidInput (field {@code berth}) when an operator prices the class's berths apart and none is chosen;
     *                      (field {@code from} or {@code to}) when the train does not pass the two stops in that order
     */
    public Optional<FareQuote> quote(
            String fromCode, String toCode, SeatClass seatClass, TrainPlan train, Berth berth, Currency buyerCurrency) {
        Point from = endpoint("from", fromCode);
        Point to = endpoint("to", toCode);
        Objects.requireNonNull(seatClass, "seatClass");
        Objects.requireNonNull(buyerCurrency, "buyerCurrency");
        if (from.equals(to)) {
            throw new InvalidInput("to", "the journey must end somewhere other than where it starts");
        }
        Route way = way(train, from, to);
        String trainType = train == null ? null : train.trainType();
        List<FarePart> parts = new ArrayList<>();
        List<FareSupplement> added = new ArrayList<>();
        for (Leg leg : legs(from, to, way)) {
            Optional<Tariff> tariff = tariff(leg.operator(), seatClass, buyerCurrency);
            if (tariff.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal km = kmAlong(way, leg.from(), leg.to());
            Money amount = tariff.get().fare(leg.from(), leg.to(), km);
            parts.add(new FarePart(leg.operator(), leg.from().code(), leg.to().code(), km.doubleValue(), amount));
            if (added.stream().noneMatch(s -> s.operator().equals(leg.operator()))) {
                added.addAll(supplements.charged(leg.operator(), trainType, seatClass, berth, buyerCurrency));
            }
        }
        return Optional.of(priced(parts, added, buyerCurrency));
    }

    /**
     * The fare of one passenger: with a date of birth, each operator's part is reduced by that operator's rule for the
     * passenger's age on {@code travelDate} (rounded the way that currency's fares are), then converted and totalled as
     * the full fare is. Without a date of birth, or at an age no rule covers, the full fare.
     */
    public Optional<PassengerFare> quote(
            String fromCode,
            String toCode,
            SeatClass seatClass,
            Currency buyerCurrency,
            LocalDate dateOfBirth,
            LocalDate travelDate) {
        return quote(fromCode, toCode, seatClass, null, null, buyerCurrency, dateOfBirth, travelDate);
    }

    /**
     * One passenger's fare on {@code train} ({@code null}: no particular train) in a berth ({@code null} for a seat):
     * the fare built from its parts on the train's way with the supplements, each operator's base part reduced for the
     * passenger's age as above.
     */
    public Optional<PassengerFare> quote(
            String fromCode,
            String toCode,
            SeatClass seatClass,
            TrainPlan train,
            Berth berth,
            Currency buyerCurrency,
            LocalDate dateOfBirth,
            LocalDate travelDate) {
        Optional<FareQuote> full = quote(fromCode, toCode, seatClass, train, berth, buyerCurrency);
        if (full.isEmpty() || dateOfBirth == null) {
            return full.map(q -> new PassengerFare(FareCategory.ADULT, q));
        }
        int age = AgeFares.age(dateOfBirth, travelDate);
        FareCategory category = null;
        List<FarePart> parts = new ArrayList<>();
        for (FarePart part : full.get().parts()) {
            Optional<AgeFare> rule = ageFares.rule(part.operator(), age);
            if (category == null) {
                category = rule.map(AgeFare::category).orElse(FareCategory.ADULT);
            }
            Money amount = rule.map(r -> reduced(part.amount(), r.percent())).orElse(part.amount());
            parts.add(new FarePart(part.operator(), part.from(), part.to(), part.km(), amount));
        }
        return Optional.of(new PassengerFare(category, priced(parts, full.get().supplements(), buyerCurrency)));
    }

    /** A part's amount times percent / 100, rounded half up to its currency's fare step (or its smallest unit). */
    private Money reduced(Money amount, BigDecimal percent) {
        BigDecimal major = BigDecimal.valueOf(amount.minor())
                .movePointLeft(amount.currency().decimals())
                .multiply(percent)
                .divide(BigDecimal.valueOf(100), FareMath.SCALE, RoundingMode.HALF_UP);
        BigDecimal step = totalSteps.getOrDefault(
                amount.currency(),
                BigDecimal.ONE.movePointLeft(amount.currency().decimals()));
        return FareMath.money(FareMath.roundToStep(major, step), amount.currency());
    }

    /**
     * The parts and supplements converted to the buyer's currency exactly, added, and the sum rounded once: to that
     * currency's step ({@value #ROUNDING_FILE}), else to its smallest unit. Rounding each converted part to a cent
     * first and then the total to the step rounded twice (42.84 EUR became 42.90 at a 0.10 step).
     *
     * @throws InvalidInput (field {@code currency}) when the rates do not convert a part to the buyer's currency
     */
    private FareQuote priced(List<FarePart> parts, List<FareSupplement> added, Currency buyerCurrency) {
        BigDecimal exact = BigDecimal.ZERO;
        List<Money> amounts = new ArrayList<>();
        parts.forEach(p -> amounts.add(p.amount()));
        added.forEach(s -> amounts.add(s.amount()));
        for (Money amount : amounts) {
            if (!rates.converts(amount.currency(), buyerCurrency)) {
                throw new InvalidInput(
                        "currency",
                        "no exchange rate from " + amount.currency() + " to " + buyerCurrency
                                + " in the network's exchange-rates.csv");
            }
            exact = exact.add(rates.exact(amount, buyerCurrency));
        }
        BigDecimal step = totalSteps.get(buyerCurrency);
        Money total = step == null
                ? Money.rounded(exact, buyerCurrency)
                : FareMath.money(FareMath.roundToStep(exact, step), buyerCurrency);
        return new FareQuote(parts, added, total);
    }

    /**
     * The way a fare is priced on: the stretch of the train's own route between the two stops (a train whose
     * {@code via} sends it the longer way round a loop is charged the longer way), or with no train the shortest way.
     */
    private Route way(TrainPlan train, Point from, Point to) {
        return train == null
                ? routes.between(from.code(), to.code(), List.of())
                : train.way(network, from.code(), to.code());
    }

    /**
     * The km between two points of a fare along the way, either way round. A fare point the way does not pass (a
     * border's fare point off a train's way, which no network has today) is measured on the shortest way.
     */
    private BigDecimal kmAlong(Route way, Point a, Point b) {
        List<String> passed = way.pointCodes();
        int i = passed.indexOf(a.code());
        int j = passed.indexOf(b.code());
        if (i < 0 || j < 0) {
            return FareMath.pathKm(routes.between(a.code(), b.code(), List.of()));
        }
        return FareMath.pathKm(i < j ? way.part(a.code(), b.code()) : way.part(b.code(), a.code()));
    }

    /** A stretch of the journey that one operator charges for. */
    private record Leg(Operator operator, Point from, Point to) {}

    /**
     * The journey cut at each border it crosses, in the order of travel. At a border, each side's operator charges up to
     * its side's fare point (the border's data: on the reference line the Chinese part runs to the border itself, the
     * Lao part from Boten, where the published Lao table starts). The borders are those on the fare's way between
     * the two stops, each crossed towards its after side where that way runs towards rising km on the border's line. A part
     * of no length is left out.
     */
    private List<Leg> legs(Point from, Point to, Route way) {
        List<Leg> legs = new ArrayList<>();
        Point start = from;
        Country country = from.country();
        for (Crossing c : crossings(from, way)) {
            Border b = c.border();
            Point end = c.rising() ? b.beforeFareEnd() : b.afterFareStart();
            legs.add(new Leg(chargedIn(country), start, end));
            start = c.rising() ? b.afterFareStart() : b.beforeFareEnd();
            country = c.rising() ? b.after() : b.before();
        }
        legs.add(new Leg(chargedIn(country), start, to));
        legs.removeIf(leg -> leg.from().code().equals(leg.to().code()));
        return joined(legs);
    }

    /** A border on the way, and whether the way crosses it towards rising km on its line. */
    private record Crossing(Border border, boolean rising) {}

    /** The borders strictly between the two stops on the way from one to the other, in the order of travel. */
    private List<Crossing> crossings(Point from, Route way) {
        List<Crossing> out = new ArrayList<>();
        for (Route.Leg leg : way.legs()) {
            int step = leg.rising() ? 1 : -1;
            for (int i = leg.fromIndex(); i != leg.toIndex(); i += step) {
                String code = leg.line().points().get(i).code();
                if (!code.equals(from.code())) {
                    network.borderAt(code).ifPresent(b -> out.add(new Crossing(b, leg.rising())));
                }
            }
        }
        return out;
    }

    /**
     * Consecutive legs one operator charges and that meet at one point, joined into one: an operator selling across a
     * border (SRT into Laos) charges its base fare on the whole distance, not twice a shorter one.
     */
    private static List<Leg> joined(List<Leg> legs) {
        List<Leg> out = new ArrayList<>();
        for (Leg leg : legs) {
            Leg last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null
                    && last.operator().equals(leg.operator())
                    && last.to().equals(leg.from())) {
                out.set(out.size() - 1, new Leg(leg.operator(), last.from(), leg.to()));
            } else {
                out.add(leg);
            }
        }
        return out;
    }

    private Operator chargedIn(Country country) {
        return sections.chargedBy(country)
                .orElseThrow(() -> new InvalidInput("from", "no operator sells tickets in " + country.code()));
    }

    private Point endpoint(String field, String code) {
        Point point = network.point(code)
                .orElseThrow(() -> new InvalidInput(field, "'" + code + "' is not a station of the line"));
        if (sections.chargedBy(point).isEmpty()) {
            throw new InvalidInput(field, "'" + point.code() + "' is the border, where no journey starts or ends");
        }
        return point;
    }
}
