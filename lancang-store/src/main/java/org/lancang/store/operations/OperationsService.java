package org.lancang.store.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.dispatch.WallClockBudget;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.operations.CallForecast;
import org.lancang.operations.ConflictForecast;
import org.lancang.operations.DayGraph;
import org.lancang.operations.DepartureHold;
import org.lancang.operations.DispatchRules;
import org.lancang.operations.EventBatch;
import org.lancang.operations.EventKind;
import org.lancang.operations.Forecast;
import org.lancang.operations.LineOrders;
import org.lancang.operations.RunningEvent;
import org.lancang.operations.TrainForecast;
import org.lancang.operations.TrainPriority;
import org.lancang.operations.meet.MeetReplanner;
import org.lancang.operations.meet.MeetSolver;
import org.lancang.operations.meet.Proposal;
import org.lancang.store.operations.OperationsRecords.Change;
import org.lancang.store.operations.OperationsRecords.DispatchingOrder;
import org.lancang.store.operations.OperationsRecords.EventResult;
import org.lancang.store.operations.OperationsRecords.HeldTrain;
import org.lancang.store.operations.OperationsRecords.Ingested;
import org.lancang.store.operations.OperationsRecords.JourneyForecast;
import org.lancang.store.operations.OperationsRecords.Replan;
import org.lancang.store.operations.OperationsRecords.StationCall;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.conflict.Conflict;

/**
 * Live operations as the platform keeps them: running events in PostgreSQL (stored before they are acknowledged), each
 * day's forecast in memory (rebuilt from the stored events when first asked for, or when the timetable changed),
 * the conflict forecast, the meet re-planning and the dispatching orders that apply it, and the notices to booked
 * passengers whose arrival moves. One writer at a time: every change holds this service's lock.
 */
public final class OperationsService {
    /** Passengers are told each time their forecast arrival passes another multiple of this. */
    public static final Duration NOTICE_STEP = Duration.ofMinutes(15);

    /** Days whose forecast is kept in memory (a day's graph and events take a few megabytes). */
    static final int DAYS_IN_MEMORY = 16;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Jdbi jdbi;
    private final TimetableService timetable;
    private final DispatchRules rules;
    private final MeetSolver solver;
    private final Duration solverLimit;
    private final Clock clock;
    /** The network whose trains these are: its events, orders and bookings are the only ones read or written. */
    private final String network;

    private final Map<LocalDate, Day> days = new HashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final List<StoreHook> storeHooks = new CopyOnWriteArrayList<>();
    /** Re-plannings being computed, by date and version: a second caller waits for the first one's. */
    private final Map<String, CompletableFuture<Replan>> solves = new HashMap<>();
    /**
     * The departure holds in force for the trains of a date and its neighbours (customs at the border): asked under
     * this service's lock, so it must not call back into this service.
     */
    private volatile Function<LocalDate, List<DepartureHold>> holdsSource = date -> List.of();
    /** How many limits of the road's closed time on a shared bridge a forecast passes (none on most networks). */
    private volatile ToIntFunction<Forecast> roadLimitBreaches = f -> 0;

    /** A day held in memory: its forecast, the stored events of its runs, and what was computed from them. */
    private static final class Day {
        Forecast forecast;
        List<RunningEvent> events;
        long timetableVersion;
        long version;
        Replan replan;
        List<Conflict> conflicts;
        long conflictsVersion = -1;
        Instant conflictsFrom;
        /** The forecast with the proposal applied, for the version it was computed at. */
        List<TrainForecast> proposed;

        long proposedVersion = -1;
        /**
         * Events of the days either side, stored but not yet applied to this day's forecast: applied when the day is
         * next read or gets events of its own (a neighbour's events move only the runs this day shares with it).
         */
        final List<RunningEvent> pending = new ArrayList<>();
        /** The departure holds in force, and the minute an open one was last brought up to ("now" while open). */
        List<DepartureHold> holds = List.of();

        Instant holdsAt;
    }

    public OperationsService(
            Jdbi jdbi,
            TimetableService timetable,
            DispatchRules rules,
            MeetSolver solver,
            Duration solverLimit,
            Clock clock) {
        this.jdbi = jdbi;
        this.timetable = timetable;
        this.rules = rules;
        this.solver = solver;
        this.solverLimit = solverLimit;
        this.clock = clock;
        this.network = timetable.planner().network().code();
    }

    /**
     * The limits of the road's closed time on the network's shared bridges, as the re-planning holds its proposals to
     * them: {@code breaches} counts those a forecast passes.
     */
    public void roadLimits(ToIntFunction<Forecast> breaches) {
        this.roadLimitBreaches = breaches;
    }

    /** The code of the network whose trains this service runs. */
    public String network() {
        return network;
    }

    /** The timetable this network's forecast is built on (its plans, possessions and restrictions). */
    public TimetableService timetable() {
        return timetable;
    }

    /** Whether the train is one of this network's (train numbers are unique across the networks served). */
    public boolean runs(String trainNumber) {
        return trainNumber != null && timetable.plan(trainNumber.strip()).isPresent();
    }

    /** Whether the point is one of this network's. */
    public boolean has(String pointCode) {
        return pointCode != null
                && timetable
                        .planner()
                        .network()
                        .point(pointCode.strip().toUpperCase(Locale.ROOT))
                        .isPresent();
    }

    /** The zone the network's service day is counted in ("today" for operations). */
    public ZoneId serviceZone() {
        return timetable.planner().network().serviceZone();
    }

    public Clock clock() {
        return clock;
    }

    public DispatchRules rules() {
        return rules;
    }

    /** Where the departure holds come from (the customs service); the days in memory take them at once. */
    public synchronized void holdsFrom(Function<LocalDate, List<DepartureHold>> source) {
        holdsSource = source;
        for (LocalDate date : List.copyOf(days.keySet())) {
            holdsChanged(date);
        }
    }

    /**
     * The holds of {@code date}'s trains changed (a customs decision is committed): every day in memory that holds
     * those trains takes the holds again; its forecast moves and its listeners hear of it.
     */
    public synchronized void holdsChanged(LocalDate date) {
        Instant now = clock.instant();
        for (LocalDate near : List.of(date.minusDays(1), date, date.plusDays(1))) {
            Day d = days.get(near);
            if (d == null || d.timetableVersion != timetable.version()) {
                continue;
            }
            d.holds = holdsSource.apply(near);
            d.holdsAt = now.truncatedTo(ChronoUnit.MINUTES);
            Forecast.Change c = d.forecast.hold(d.holds, now);
            d.version++;
            Change change = new Change(near, d.version, "border hold", c.runs());
            listeners.forEach(l -> l.accept(change));
        }
    }

    /** The trains held on a day (customs at the border), each with when the forecast has it leave. */
    public synchronized List<HeldTrain> held(LocalDate date) {
        Forecast f = day(date).forecast;
        return f.holds().stream()
                .filter(h -> h.serviceDate().equals(date))
                .map(h -> new HeldTrain(h, f.heldUntil(h).orElse(null)))
                .toList();
    }

    /**
     * Work that must be committed with the running events or not at all (freight tracking derives the steps of the
     * boxes on each train): called inside the events' transaction with the new events only (repeats left out).
     */
    @FunctionalInterface
    public interface StoreHook {
        void stored(Handle h, List<RunningEvent> events, Instant now);
    }

    /** Adds work done in the same transaction as every batch of new running events (see {@link StoreHook}). */
    public void onStore(StoreHook hook) {
        storeHooks.add(hook);
    }

    /** Called with every change of a day's forecast, after it is committed (the web layer turns it into events). */
    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    // ---- events ----

    /**
     * Checks every event (the whole batch is refused if one is wrong, naming it), updates the forecasts of the events'
     * days, and stores the new events and the notices to booked passengers whose arrival moved in one transaction:
     * both or neither. If the transaction fails, the days touched are dropped from memory (rebuilt from what is
     * committed when next read) and nothing is acknowledged. Listeners hear of the change after the commit.
     *
     * @param prefixed whether field names carry the event's place in the batch ({@code events[3].at})
     */
    public synchronized Ingested ingest(List<RunningEvent> events, String user, boolean prefixed) {
        Instant now = clock.instant();
        EventBatch batch = new EventBatch();
        List<Forecast.Checked> checked = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            RunningEvent e = events.get(i);
            String prefix = prefixed ? "events[" + i + "]." : "";
            if (e.serviceDate() == null) {
                throw new InvalidInput(prefix + "serviceDate", "is required");
            }
            LocalDate today =
                    now.atZone(timetable.planner().network().serviceZone()).toLocalDate();
            if (e.serviceDate().isAfter(today.plusDays(1))) {
                // refused before a day that has not begun is laid out in memory for nothing
                throw new InvalidInput(
                        prefix + "serviceDate", e.serviceDate() + " has not begun (today is " + today + ")");
            }
            checked.add(day(e.serviceDate()).forecast.check(e, now, prefix, batch));
        }
        List<RunningEvent> fresh = checked.stream()
                .filter(c -> !c.duplicate())
                .map(Forecast.Checked::event)
                .toList();
        if (!fresh.isEmpty()) {
            List<LocalDate> touched = new ArrayList<>();
            List<Change> changes = apply(fresh, touched);
            try {
                jdbi.useTransaction(h -> {
                    store(h, fresh, user, now);
                    for (StoreHook hook : storeHooks) {
                        hook.stored(h, fresh, now);
                    }
                    for (Change c : changes) {
                        notifyPassengers(h, c.date(), c.runs(), now);
                    }
                });
            } catch (RuntimeException e) {
                touched.forEach(days::remove);
                throw e;
            }
            changes.forEach(c -> listeners.forEach(l -> l.accept(c)));
        }
        List<EventResult> results = checked.stream()
                .map(c -> new EventResult(c.event().key(), c.duplicate()))
                .toList();
        return new Ingested(fresh.size(), events.size() - fresh.size(), results);
    }

    /** One statement for the whole batch (arrays unnested into rows), in the caller's transaction. */
    private void store(Handle h, List<RunningEvent> events, String user, Instant now) {
        int n = events.size();
        String[] trains = new String[n];
        LocalDate[] dates = new LocalDate[n];
        String[] points = new String[n];
        String[] kinds = new String[n];
        OffsetDateTime[] ats = new OffsetDateTime[n];
        String[] sources = new String[n];
        for (int i = 0; i < n; i++) {
            RunningEvent e = events.get(i);
            trains[i] = e.train();
            dates[i] = e.serviceDate();
            points[i] = e.point();
            kinds[i] = e.kind().name();
            ats[i] = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
            sources[i] = e.source() == null || e.source().isBlank() ? user : e.source();
        }
        h.createUpdate("INSERT INTO running_event (train, service_date, point, kind, at,"
                        + " source, received_by, received_at, network)"
                        + " SELECT t, d, p, k, a, s, :u, :now, :n FROM unnest(:t::text[], :d::date[], :p::text[],"
                        + " :k::text[], :a::timestamptz[], :s::text[]) AS x(t, d, p, k, a, s)"
                        + " ON CONFLICT (service_date, train, point, kind) DO NOTHING")
                .bind("t", trains)
                .bind("d", dates)
                .bind("p", points)
                .bind("k", kinds)
                .bind("a", ats)
                .bind("s", sources)
                .bind("u", user)
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .bind("n", network)
                .execute();
    }

    /**
     * Brings the events' own days in memory up to date (with what was pending from their neighbours) and leaves the
     * events pending on the neighbouring days in memory: they are applied when that day is next read or gets events
     * of its own. Adds to {@code touched} every day changed in memory.
     */
    private List<Change> apply(List<RunningEvent> events, List<LocalDate> touched) {
        Map<LocalDate, List<RunningEvent>> byDate = new LinkedHashMap<>();
        events.forEach(e ->
                byDate.computeIfAbsent(e.serviceDate(), k -> new ArrayList<>()).add(e));
        List<Change> changes = new ArrayList<>();
        for (var entry : new ArrayList<>(days.entrySet())) {
            LocalDate date = entry.getKey();
            Day day = entry.getValue();
            List<RunningEvent> own = byDate.getOrDefault(date, List.of());
            List<RunningEvent> near = new ArrayList<>(byDate.getOrDefault(date.minusDays(1), List.of()));
            near.addAll(byDate.getOrDefault(date.plusDays(1), List.of()));
            if (own.isEmpty() && near.isEmpty()) {
                continue;
            }
            touched.add(date);
            day.pending.addAll(near);
            if (!own.isEmpty()) {
                day.pending.addAll(own);
                changes.add(catchUp(date, day));
            }
        }
        return changes;
    }

    /** Applies a day's pending events to its forecast: the change, its version counted. */
    private static Change catchUp(LocalDate date, Day day) {
        List<RunningEvent> mine = new ArrayList<>(day.pending);
        day.pending.clear();
        day.events.addAll(mine);
        Forecast.Change c = day.forecast.apply(mine);
        day.version++;
        return new Change(date, day.version, "events", c.runs());
    }

    /** The events stored for a day's runs, in the order they arrived. */
    public synchronized List<RunningEvent> events(LocalDate date) {
        return List.copyOf(day(date).events).stream()
                .filter(e -> e.serviceDate().equals(date))
                .toList();
    }

    // ---- the day in memory ----

    private Day day(LocalDate date) {
        Day day = days.get(date);
        if (day != null && day.timetableVersion == timetable.version()) {
            Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            if (day.holds.stream().anyMatch(DepartureHold::open) && !minute.equals(day.holdsAt)) {
                // an open hold keeps its train at least until now: the forecast follows the clock, minute by minute
                day.holdsAt = minute;
                day.forecast.hold(day.holds, clock.instant());
            }
            if (!day.pending.isEmpty()) {
                // its neighbours' events, committed already: its passengers' notices in a transaction of their own
                Change c = catchUp(date, day);
                Instant now = clock.instant();
                jdbi.useTransaction(h -> notifyPassengers(h, date, c.runs(), now));
                listeners.forEach(l -> l.accept(c));
            }
            return day;
        }
        Day fresh = new Day();
        fresh.timetableVersion = timetable.version();
        fresh.events = new ArrayList<>(loadEvents(date.minusDays(1), date.plusDays(1)));
        DayGraph graph = DayGraph.build(
                timetable.planner(), timetable.day(date), timetable.restrictions(date), rules, loadOrders(date));
        fresh.holds = holdsSource.apply(date);
        fresh.holdsAt = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        fresh.forecast = Forecast.replay(graph, fresh.events, fresh.holds, clock.instant());
        fresh.version = day == null ? 1 : day.version + 1;
        while (days.size() >= DAYS_IN_MEMORY) { // forget the day farthest from this one
            days.keySet().stream()
                    .max(Comparator.comparingLong(d -> Math.abs(d.toEpochDay() - date.toEpochDay())))
                    .ifPresent(days::remove);
        }
        days.put(date, fresh);
        if (!fresh.events.isEmpty()) {
            // a day built from the stored events checks every booking on it: what a crash may have left untold (the
            // notices of a neighbour's events, applied lazily) is told now; a threshold already told is not told again
            List<String> runs = graph.runs().stream().map(DayGraph.Run::owner).toList();
            Instant now = clock.instant();
            jdbi.useTransaction(h -> notifyPassengers(h, date, runs, now));
        }
        return fresh;
    }

    private List<RunningEvent> loadEvents(LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM running_event WHERE service_date BETWEEN :f AND :t AND network = :n ORDER BY id")
                .bind("n", network)
                .bind("f", from)
                .bind("t", to)
                .map((rs, ctx) -> new RunningEvent(
                        rs.getString("train"),
                        rs.getObject("service_date", LocalDate.class),
                        rs.getString("point"),
                        EventKind.valueOf(rs.getString("kind")),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("source")))
                .list());
    }

    private LineOrders loadOrders(LocalDate date) {
        Map<String, List<String>> byLine = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT line, line_order FROM dispatching_order"
                        + " WHERE network = :n AND service_date = :d AND kind = 'LINE_ORDER' ORDER BY id")
                .bind("n", network)
                .bind("d", date)
                .map((rs, ctx) -> Map.entry(rs.getString("line"), List.of((String[])
                        rs.getArray("line_order").getArray())))
                .forEach(e -> byLine.put(e.getKey(), e.getValue())));
        return new LineOrders(byLine);
    }

    /** The day's forecast version: grows with every event, applied proposal or timetable change. */
    public synchronized long version(LocalDate date) {
        return day(date).version;
    }

    // ---- forecasts ----

    /** Every run of the day with its forecast. */
    public synchronized List<TrainForecast> forecast(LocalDate date) {
        return day(date).forecast.day();
    }

    public synchronized TrainForecast train(String number, LocalDate date) {
        Forecast f = day(date).forecast;
        DayGraph.Run run = f.graph()
                .find(number, date)
                .orElseThrow(() -> f.graph().knowsTrain(number)
                        ? new NotFound("date", number + " does not run on " + date)
                        : new NotFound("number", "no train '" + number + "' in the timetable"));
        return f.of(run);
    }

    /** The day's trains stopping at (or starting or ending at) a station, by forecast time there. */
    public synchronized List<StationCall> station(String code, LocalDate date) {
        Forecast f = day(date).forecast;
        if (f.graph().planner().network().point(code).isEmpty()) {
            throw new NotFound("code", "'" + code + "' is not a point of the line");
        }
        List<StationCall> out = new ArrayList<>();
        for (TrainForecast t : f.day()) {
            for (CallForecast c : t.calls()) {
                boolean end = c.plannedArrival() == null || c.plannedDeparture() == null;
                if (c.point().equalsIgnoreCase(code) && (c.stops() || end)) {
                    out.add(new StationCall(
                            t.train(),
                            t.serviceDate(),
                            t.priority(),
                            t.from(),
                            t.to(),
                            c.point(),
                            c.zone(),
                            c.plannedArrival(),
                            c.plannedDeparture(),
                            c.actualArrival(),
                            c.actualDeparture(),
                            c.forecastArrival(),
                            c.forecastDeparture(),
                            c.forecastDeparture() != null ? c.departureDelaySeconds() : c.arrivalDelaySeconds()));
                }
            }
        }
        out.sort(
                Comparator.comparing(s -> s.forecastDeparture() != null ? s.forecastDeparture() : s.forecastArrival()));
        return out;
    }

    /** Passenger trains from one station to a later one on a day, with the forecast at both. */
    public synchronized List<JourneyForecast> journeys(String from, String to, LocalDate date) {
        Forecast f = day(date).forecast;
        List<JourneyForecast> out = new ArrayList<>();
        for (TrainForecast t : f.day()) {
            journey(t, from, to).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<JourneyForecast> journey(TrainForecast t, String from, String to) {
        CallForecast a = null;
        CallForecast b = null;
        for (CallForecast c : t.calls()) {
            boolean stops = c.stops() || c.plannedArrival() == null || c.plannedDeparture() == null;
            if (a == null && stops && c.point().equalsIgnoreCase(from) && c.plannedDeparture() != null) {
                a = c;
            } else if (a != null && stops && c.point().equalsIgnoreCase(to) && c.plannedArrival() != null) {
                b = c;
            }
        }
        if (a == null || b == null || t.priority() != TrainPriority.PASSENGER) {
            return Optional.empty();
        }
        return Optional.of(new JourneyForecast(
                t.train(),
                t.serviceDate(),
                a.point(),
                b.point(),
                a.zone(),
                b.zone(),
                a.plannedDeparture(),
                a.forecastDeparture(),
                a.departureDelaySeconds(),
                b.plannedArrival(),
                b.forecastArrival(),
                b.arrivalDelaySeconds()));
    }

    /** A booking's journey with its forecast; only its owner, or {@code anyOwner} (agents), may see it. */
    public JourneyForecast booking(UUID id, String user, boolean anyOwner) {
        record Row(String owner, String train, LocalDate date, String from, String to) {}
        Row row = jdbi.withHandle(h -> h.createQuery(
                                "SELECT owner, train, service_date, from_code, to_code FROM booking"
                                        + " WHERE id = :id AND network = :n")
                        .bind("id", id)
                        .bind("n", network)
                        .map((rs, ctx) -> new Row(
                                rs.getString("owner"),
                                rs.getString("train"),
                                rs.getObject("service_date", LocalDate.class),
                                rs.getString("from_code"),
                                rs.getString("to_code")))
                        .findOne())
                .filter(r -> anyOwner || r.owner().equals(user))
                .orElseThrow(() -> new NotFound("id", "no booking " + id));
        TrainForecast t = train(row.train(), row.date());
        return journey(t, row.from(), row.to())
                .orElseThrow(() -> new NotFound("id", "booking " + id + " is not on a passenger train's stops"));
    }

    // ---- passengers ----

    /** Tells the booked passengers of changed runs of {@code date} once per 15-minute step their arrival moved. */
    private void notifyPassengers(Handle h, LocalDate date, List<String> runs, Instant now) {
        Forecast f = days.get(date).forecast;
        List<String> trains = runs.stream()
                .filter(r -> r.endsWith("@" + date))
                .map(r -> r.substring(0, r.indexOf('@')))
                .toList();
        if (trains.isEmpty()) {
            return;
        }
        record Booked(UUID id, String owner, String train, String to) {}
        {
            List<Booked> booked = h.createQuery("SELECT id, owner, train, to_code FROM booking"
                            + " WHERE network = :n AND service_date = :d AND train = ANY(:t)"
                            + " AND status IN ('HELD', 'TICKETED')")
                    .bind("n", network)
                    .bind("d", date)
                    .bind("t", trains.toArray(new String[0]))
                    .map((rs, ctx) -> new Booked(
                            rs.getObject("id", UUID.class),
                            rs.getString("owner"),
                            rs.getString("train"),
                            rs.getString("to_code")))
                    .list();
            for (Booked b : booked) {
                TrainForecast t = f.of(f.graph().find(b.train(), date).orElseThrow());
                CallForecast at = t.calls().stream()
                        .filter(c -> c.point().equalsIgnoreCase(b.to()))
                        .findFirst()
                        .orElse(null);
                if (at == null || at.forecastArrival() == null) {
                    continue;
                }
                long steps = at.arrivalDelaySeconds() / NOTICE_STEP.toSeconds();
                boolean told = false;
                for (long k = 1; k <= steps; k++) {
                    told |= h.createUpdate("INSERT INTO forecast_notice (booking_id, threshold, notified_at)"
                                            + " VALUES (:b, :k, :now) ON CONFLICT DO NOTHING")
                                    .bind("b", b.id())
                                    .bind("k", (int) (k * NOTICE_STEP.toMinutes()))
                                    .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                                    .execute()
                            == 1;
                }
                if (told) {
                    notice(h, b.owner(), b.id(), t, at, now);
                }
            }
        }
    }

    private static void notice(Handle h, String owner, UUID booking, TrainForecast t, CallForecast at, Instant now) {
        String local = at.forecastArrival().atZone(at.zone()).toLocalTime().format(HH_MM);
        String message = "Train " + t.train() + " of " + t.serviceDate() + " is now expected at " + at.point() + " at "
                + local + " local time, " + at.arrivalDelaySeconds() / 60 + " min late.";
        h.createUpdate("INSERT INTO notification (owner, created_at, kind, booking_id, message)"
                        + " VALUES (:o, :now, 'FORECAST', :b, :m)")
                .bind("o", owner)
                .bind("now", Timestamp.from(now))
                .bind("b", booking)
                .bind("m", message)
                .execute();
    }

    // ---- conflicts ----

    /** Conflicts of the forecast in the look-ahead from now (3 hours), computed anew after each change. */
    public synchronized List<Conflict> conflicts(LocalDate date) {
        Day d = day(date);
        Instant from = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (d.conflictsVersion != d.version || !from.equals(d.conflictsFrom)) {
            d.conflicts =
                    ConflictForecast.of(d.forecast, timetable.possessions(date), from, ConflictForecast.LOOK_AHEAD);
            d.conflictsVersion = d.version;
            d.conflictsFrom = from;
        }
        return d.conflicts;
    }

    // ---- re-planning and orders ----

    /**
     * The day's meets re-planned (computed once per forecast version). The solver runs on a copy of the forecast and
     * outside the service's lock, so that events, forecasts and pages are answered meanwhile (it may take seconds); two
     * callers asking for the same version share one solve.
     */
    public Replan replan(LocalDate date) {
        Forecast snapshot;
        List<RunningEvent> events;
        long version;
        CompletableFuture<Replan> solving;
        boolean mine = false;
        synchronized (this) {
            Day d = day(date);
            if (d.replan != null && d.replan.version() == d.version) {
                return d.replan;
            }
            version = d.version;
            events = List.copyOf(d.events);
            snapshot = Forecast.replay(d.forecast.graph(), events, d.holds, clock.instant());
            String key = date + "#" + version;
            solving = solves.get(key);
            if (solving == null) {
                solving = new CompletableFuture<>();
                solves.put(key, solving);
                mine = true;
            }
        }
        if (!mine) {
            return solving.join();
        }
        try {
            MeetReplanner.Outcome o = MeetReplanner.replan(
                    snapshot,
                    events,
                    WallClockBudget.startingNow(solver, solverLimit),
                    solverLimit,
                    Long.MAX_VALUE,
                    roadLimitBreaches);
            Replan r = new Replan(
                    date,
                    version,
                    o.currentCost(),
                    o.fcfsCost(),
                    o.proposedCost(),
                    o.solved().status(),
                    o.solved().gap(),
                    o.solved().millis(),
                    o.proposal().orElse(null));
            synchronized (this) {
                Day d = days.get(date);
                if (d != null && d.version == version) {
                    d.replan = r;
                }
                solves.remove(date + "#" + version);
            }
            solving.complete(r);
            return r;
        } catch (RuntimeException e) {
            synchronized (this) {
                solves.remove(date + "#" + version);
            }
            solving.completeExceptionally(e);
            throw e;
        }
    }

    /** The day's re-planning if it is already computed for the forecast as it stands; never starts the solver. */
    public synchronized Optional<Replan> replanIfReady(LocalDate date) {
        Day d = day(date);
        return d.replan != null && d.replan.version() == d.version ? Optional.of(d.replan) : Optional.empty();
    }

    /**
     * The day's forecast as it would be with the proposal applied (what the dispatcher's diagram draws dotted), or
     * nothing when there is no proposal or it is not computed yet for the forecast as it stands ({@link #replan} computes
     * it; this never waits for the solver). Nothing is changed or recorded.
     */
    public synchronized List<TrainForecast> proposedForecast(LocalDate date) {
        Replan r = replanIfReady(date).orElse(null);
        if (r == null || r.proposal() == null) {
            return List.of();
        }
        Day d = day(date);
        if (d.proposed == null || d.proposedVersion != d.version) {
            d.proposed = Forecast.replay(
                            d.forecast.graph().withOrders(r.proposal().orders()), d.events, d.holds, clock.instant())
                    .day();
            d.proposedVersion = d.version;
        }
        return d.proposed;
    }

    /**
     * Applies the day's proposal as one action: its holds and line orders recorded as dispatching orders (who and when
     * from the signed-in user and the server's clock), then the forecast follows them. Refused if the forecast moved
     * since {@code basedOn} (the dispatcher would apply what they have not seen) or if there is no proposal.
     */
    public List<DispatchingOrder> apply(LocalDate date, long basedOn, String user) {
        return apply(date, basedOn, user, replan(date)); // the solve (if any) outside the lock
    }

    private synchronized List<DispatchingOrder> apply(LocalDate date, long basedOn, String user, Replan r) {
        if (day(date).version != r.version()) {
            throw new Clash(
                    "basedOn",
                    "the forecast has changed while the proposal was computed (now version " + day(date).version
                            + "): look at the new proposal first");
        }
        if (r.proposal() == null) {
            throw new Clash(
                    "date", "there is no proposal to apply for " + date + ": the meets are as good as they get");
        }
        if (basedOn != r.version()) {
            throw new Clash(
                    "basedOn",
                    "the forecast has changed since version " + basedOn + " (now " + r.version()
                            + "): look at the new proposal first");
        }
        Proposal p = r.proposal();
        Instant now = clock.instant();
        Day d = days.get(date);
        Forecast before = d.forecast;
        d.forecast = Forecast.replay(d.forecast.graph().withOrders(p.orders()), d.events, d.holds, now);
        Change change = new Change(
                date,
                d.version + 1,
                "proposal applied",
                d.forecast.graph().runs().stream().map(DayGraph.Run::owner).toList());
        try {
            jdbi.useTransaction(h -> {
                applyOrders(h, date, p, user, now);
                notifyPassengers(h, date, change.runs(), now); // the notices with the orders: both or neither
            });
        } catch (RuntimeException e) {
            d.forecast = before;
            throw e;
        }
        d.version++;
        listeners.forEach(l -> l.accept(change));
        return orders(date);
    }

    private void applyOrders(Handle h, LocalDate date, Proposal p, String user, Instant now) {
        {
            for (Proposal.Hold hold : p.holds()) {
                String local = hold.until()
                        .atZone(timetable
                                .planner()
                                .network()
                                .point(hold.point())
                                .orElseThrow()
                                .timeZone())
                        .toLocalTime()
                        .format(HH_MM);
                h.createUpdate("INSERT INTO dispatching_order (service_date, issued_by, issued_at, kind, train,"
                                + " train_date, point, hold_until, waits_for, text, network)"
                                + " VALUES (:d, :u, :now, 'HOLD', :t, :td, :p, :until, :w, :text, :n)")
                        .bind("n", network)
                        .bind("d", date)
                        .bind("u", user)
                        .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .bind("t", hold.train())
                        .bind("td", hold.serviceDate())
                        .bind("p", hold.point())
                        .bind("until", OffsetDateTime.ofInstant(hold.until(), ZoneOffset.UTC))
                        .bind("w", hold.waitsFor())
                        .bind(
                                "text",
                                hold.train() + ": hold at " + hold.point() + " until " + local + " local time, for "
                                        + hold.waitsFor())
                        .execute();
            }
            for (Proposal.LineChange c : p.lineChanges()) {
                h.createUpdate("INSERT INTO dispatching_order (service_date, issued_by, issued_at, kind, line,"
                                + " line_order, text, network) VALUES (:d, :u, :now, 'LINE_ORDER', :l, :o, :text, :n)")
                        .bind("n", network)
                        .bind("d", date)
                        .bind("u", user)
                        .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .bind("l", c.line())
                        .bind("o", c.after().toArray(new String[0]))
                        .bind("text", c.line() + ": trains in the order " + String.join(", ", c.after()))
                        .execute();
            }
        }
    }

    public List<DispatchingOrder> orders(LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM dispatching_order WHERE network = :n AND service_date = :d ORDER BY id")
                .bind("n", network)
                .bind("d", date)
                .map((rs, ctx) -> new DispatchingOrder(
                        rs.getLong("id"),
                        rs.getObject("service_date", LocalDate.class),
                        rs.getString("issued_by"),
                        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        rs.getString("kind"),
                        rs.getString("train"),
                        rs.getObject("train_date", LocalDate.class),
                        rs.getString("point"),
                        Optional.ofNullable(rs.getObject("hold_until", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null),
                        rs.getString("waits_for"),
                        rs.getString("line"),
                        rs.getArray("line_order") == null
                                ? List.of()
                                : List.of((String[]) rs.getArray("line_order").getArray()),
                        rs.getString("text")))
                .list());
    }
}
