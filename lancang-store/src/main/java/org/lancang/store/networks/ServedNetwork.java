package org.lancang.store.networks;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.network.Joins;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.TrainType;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.reference.CurrencyFiles;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.TravelDocuments;
import org.lancang.ticketing.fares.Berth;
import org.lancang.ticketing.fares.FareQuote;
import org.lancang.ticketing.fares.FareSupplements;
import org.lancang.ticketing.fares.FareTable;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Possession;
import org.lancang.timetable.RoadClosureLimits;
import org.lancang.timetable.RoadRailBridges;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;

/**
 * One network served: its reference data, operators, planner and train plans, and the files it was read from (for the
 * files a feature reads on demand, such as the GTFS stop coordinates). The home network's plans are the timetable
 * service's (the database's, changes included); another network's are its folder's {@code timetable.csv}.
 */
public final class ServedNetwork {
    /** How many evaluated days a network read from its folder keeps (it has no changes, so days never go stale). */
    private static final int DAYS_KEPT = 16;

    private final ReferenceData reference;
    private final Operators operators;
    private final Planner planner;
    private final Supplier<List<TrainPlan>> plans;
    private final DataFiles files;
    private final boolean home;
    private final Map<LocalDate, DayPlan> days = new LinkedHashMap<>();
    private final RoadRailBridges bridges;
    private final RoadClosureLimits roadLimits;
    private final Optional<FareTable> fares;
    private final TravelDocuments documents;
    private final Joins joins;
    /** The timetable its maintenance is held against, once it has one: its days then come from it. */
    private volatile TimetableService live;

    ServedNetwork(
            ReferenceData reference,
            Operators operators,
            Planner planner,
            Supplier<List<TrainPlan>> plans,
            DataFiles files,
            boolean home,
            Currencies currencies) {
        this.reference = reference;
        this.operators = operators;
        this.planner = planner;
        this.plans = plans;
        this.files = files;
        this.home = home;
        RoadRailBridges shared = optional(files, RoadRailBridges.FILE)
                .map(text -> RoadRailBridges.parse(RoadRailBridges.FILE, text, reference.network()))
                .orElse(RoadRailBridges.none());
        this.bridges = optional(files, RoadRailBridges.WINDOWS_FILE)
                .map(text -> shared.withWindows(RoadRailBridges.WINDOWS_FILE, text))
                .orElse(shared);
        this.roadLimits = optional(files, RoadClosureLimits.FILE)
                .map(text -> RoadClosureLimits.parse(text, bridges))
                .orElse(RoadClosureLimits.none());
        this.fares = fares(reference, operators, files, currencies);
        this.documents = TravelDocuments.of(files);
        this.joins = optional(files, Joins.FILE)
                .map(text -> Joins.parse(text, reference.network()))
                .orElse(new Joins(List.of()));
    }

    /**
     * The network's fares from its folder ({@value FareTable#FILE} and {@value FareTable#RATES_FILE}, with {@value
     * FareTable#ROUNDING_FILE} and {@value FareSupplements#FILE} where given, and the buyer's default currency where its
     * network.csv names one); none without a fare file.
     */
    private static Optional<FareTable> fares(
            ReferenceData reference, Operators operators, DataFiles files, Currencies currencies) {
        Optional<String> fareText = optional(files, FareTable.FILE);
        if (fareText.isEmpty()) {
            return Optional.empty();
        }
        String rates = files.read(FareTable.RATES_FILE);
        FareTable table = optional(files, FareTable.ROUNDING_FILE)
                .map(rounding ->
                        FareTable.parse(reference.network(), operators, currencies, fareText.get(), rates, rounding))
                .orElseGet(() -> FareTable.parse(reference.network(), operators, currencies, fareText.get(), rates));
        FareTable priced = CurrencyFiles.defaultOf(files, currencies)
                .map(table::withDefaultCurrency)
                .orElse(table);
        return Optional.of(optional(files, FareSupplements.FILE)
                .map(text -> priced.withSupplements(FareSupplements.parse(
                        text,
                        operators,
                        reference.rollingStock().types().stream()
                                .map(t -> t.code())
                                .toList(),
                        currencies)))
                .orElse(priced));
    }

    /**
     * The fare of a journey on one of the network's trains: the base by distance and the supplements for the train's
     * type, the class's air conditioning and the berth, the total in {@code currency}.
     *
     * @throws NotFound      (field {@code train}) when the network has no such train
     * @throws InvalidInput  naming the field: no fares on the network, the train not calling at {@code from} then
     *                       {@code to}, the class not on the train, a berth not chosen, no rate to the currency
     */
    public FareQuote quote(
            String from, String to, String trainNumber, SeatClass seatClass, Berth berth, Currency currency) {
        FareTable table = fares.orElseThrow(() -> new InvalidInput(
                "network", "the network '" + code() + "' has no fares (no " + FareTable.FILE + " in its folder)"));
        TrainPlan plan = plan(trainNumber)
                .orElseThrow(() -> new NotFound("train", "no train '" + trainNumber + "' on " + code()));
        List<String> calls = new ArrayList<>();
        calls.add(plan.from());
        plan.stops().forEach(s -> calls.add(s.point()));
        calls.add(plan.to());
        int a = calls.indexOf(from);
        int b = calls.lastIndexOf(to);
        if (a < 0) {
            throw new InvalidInput("from", "train " + plan.number() + " does not call at '" + from + "'");
        }
        if (b <= a) {
            throw new InvalidInput(
                    "to", "train " + plan.number() + " does not call at '" + to + "' after '" + from + "'");
        }
        TrainType type = reference.rollingStock().type(plan.trainType()).orElseThrow();
        if (type.seats().stream().noneMatch(s -> s.seatClass() == seatClass)) {
            throw new InvalidInput("class", "train " + plan.number() + " (" + type.code() + ") has no " + seatClass);
        }
        return table.quote(from, to, seatClass, plan, berth, currency)
                .orElseThrow(() -> new InvalidInput("class", seatClass + " has no fare on " + code()));
    }

    /** Where this network meets others, as its folder's {@value Joins#FILE} gives it (none if absent). */
    public Joins joins() {
        return joins;
    }

    /**
     * The travel documents its trains take: its folder's {@value TravelDocuments#FILE}, or where it has none the
     * fallback (a passport anywhere, a national ID card on a domestic journey).
     */
    public TravelDocuments documents() {
        return documents;
    }

    /** The network's fares, read from its folder; empty when it has none. */
    public Optional<FareTable> fares() {
        return fares;
    }

    /** Whether the network's folder has this (optional) file: dispatching rules, a skylight plan. */
    public boolean has(String name) {
        return optional(files, name).isPresent();
    }

    /** An optional file of the folder: absent is no such thing (a network without a shared bridge). */
    private static Optional<String> optional(DataFiles files, String name) {
        if (files instanceof ClasspathDataFiles folder) {
            return folder.has(name) ? Optional.of(folder.read(name)) : Optional.empty();
        }
        try {
            return Optional.of(files.read(name));
        } catch (IllegalStateException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The bridges the network's railway shares with a road (its {@value RoadRailBridges#FILE}; none if absent). */
    public RoadRailBridges roadRailBridges() {
        return bridges;
    }

    /** The road's windows on the shared bridges around a date, as possessions of the line across each bridge. */
    public List<Possession> roadWindows(LocalDate date) {
        return bridges.possessions(network(), date, network().serviceZone());
    }

    /** The limits on the road's closed time on each shared bridge (its {@value RoadClosureLimits#FILE}; none if absent). */
    public RoadClosureLimits roadLimits() {
        return roadLimits;
    }

    /** The road-closure limits the day passes on each shared bridge: the conflict check's second part. */
    public List<RoadClosureLimits.Breach> roadLimitBreaches(LocalDate date) {
        return roadLimitBreaches(day(date));
    }

    /** The road-closure limits an evaluated day passes on each shared bridge (a draft's, a forecast's, a date's). */
    public List<RoadClosureLimits.Breach> roadLimitBreaches(DayPlan day) {
        return roadLimits.breaches(bridges.closures(day, network().serviceZone()));
    }

    /** The first road-closure limit that adding {@code run} to {@code day} would pass, if any. */
    public Optional<RoadClosureLimits.Breach> roadLimitPassedBy(ScheduledRun run, DayPlan day) {
        return roadLimits.passedBy(run, day, bridges, network().serviceZone());
    }

    /** Each shared bridge's road closures on a date, counted in the network's service zone. */
    public List<RoadRailBridges.Day> roadClosures(LocalDate date) {
        return bridges.closures(day(date), network().serviceZone());
    }

    /** The home network, whose plans are the timetable service's. */
    public static ServedNetwork home(
            ReferenceData reference,
            Operators operators,
            Planner planner,
            Supplier<List<TrainPlan>> plans,
            DataFiles files,
            Currencies currencies) {
        return new ServedNetwork(reference, operators, planner, plans, files, true, currencies);
    }

    /** A network read from its folder alone, its money in the world's currencies and its folder's own. */
    public static ServedNetwork fromFiles(DataFiles files) {
        return fromFiles(files, CurrencyFiles.of(List.of(files)));
    }

    /**
     * A network read from its folder alone: reference data, operators and timetable, nothing from a database; its
     * money in {@code currencies} (the platform's table, which has the network's own currencies file in it).
     */
    public static ServedNetwork fromFiles(DataFiles files, Currencies currencies) {
        ReferenceData reference = ReferenceData.parse(files);
        Operators operators = Operators.parse(Operators.FILE, files.read(Operators.FILE), reference.network());
        Planner planner = new Planner(reference.network(), reference.rollingStock(), BlockingRules.defaults());
        List<TrainPlan> plans = TimetableFile.load(
                TimetableService.TIMETABLE_FILE, files.read(TimetableService.TIMETABLE_FILE), planner);
        return new ServedNetwork(reference, operators, planner, () -> plans, files, false, currencies);
    }

    /** The network's code (its folder's name). */
    public String code() {
        return reference.network().code();
    }

    public Network network() {
        return reference.network();
    }

    public ReferenceData reference() {
        return reference;
    }

    public Operators operators() {
        return operators;
    }

    public Planner planner() {
        return planner;
    }

    public DataFiles files() {
        return files;
    }

    /** Whether this is the home network (the database's: sales, maintenance, operations and the pages work on it). */
    public boolean home() {
        return home;
    }

    /** Every train of the network's base plan. */
    public List<TrainPlan> plans() {
        return plans.get();
    }

    /**
     * The plans of a service date: the base plan with the network's published timetable changes in force that date,
     * once it runs on a timetable service (a network read from its folder alone has none).
     */
    public List<TrainPlan> plans(LocalDate date) {
        TimetableService t = live;
        return t != null ? t.plans(date) : plans();
    }

    public Optional<TrainPlan> plan(String number) {
        return plans().stream().filter(p -> p.number().equalsIgnoreCase(number)).findFirst();
    }

    /**
     * From now on the network's days and trains are {@code timetable}'s: its plans with the road's windows and what
     * its maintenance holds against it (skylights, speed restrictions), so that every view of the network sees them.
     */
    public void runsOn(TimetableService timetable) {
        this.live = timetable;
    }

    /** The timetabled train as it runs on {@code date}, under its maintenance's speed restrictions if it has any. */
    public Train train(TrainPlan plan, LocalDate date) {
        TimetableService t = live;
        return t != null ? t.train(plan, date) : planner.train(plan, date, List.of());
    }

    /** The passenger and freight timetable, as the GTFS export takes it. */
    public Timetable timetable() {
        return planner.timetable(plans(), List.of());
    }

    /**
     * The day evaluated: runs, blocking times, conflicts. Its possessions are the road's windows on shared bridges (a
     * train crossing in one is a conflict); maintenance's are the home network's alone.
     */
    public synchronized DayPlan day(LocalDate date) {
        TimetableService t = live;
        if (t != null) {
            return t.day(date); // kept until its maintenance changes
        }
        DayPlan day = days.get(date);
        if (day == null) {
            day = planner.day(plans(), date, roadWindows(date), List.of());
            if (days.size() >= DAYS_KEPT) {
                days.remove(new ArrayList<>(days.keySet()).get(0));
            }
            days.put(date, day);
        }
        return day;
    }
}
