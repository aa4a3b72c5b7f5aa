package org.lancang.store.customs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.customs.AdvanceData;
import org.lancang.customs.BorderClearance;
import org.lancang.customs.BorderInterlock;
import org.lancang.customs.Consignment;
import org.lancang.customs.Crossing;
import org.lancang.customs.CustomsRules;
import org.lancang.customs.ReleaseState;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.operations.CallForecast;
import org.lancang.operations.DepartureHold;
import org.lancang.operations.TrainForecast;
import org.lancang.store.customs.CustomsRecords.BoardRow;
import org.lancang.store.customs.CustomsRecords.Decision;
import org.lancang.store.customs.CustomsRecords.Release;
import org.lancang.store.customs.CustomsRecords.Step;
import org.lancang.store.freight.FreightRecords.Booking;
import org.lancang.store.freight.FreightRecords.Note;
import org.lancang.store.freight.FreightService;
import org.lancang.store.operations.OperationsRecords.HeldTrain;
import org.lancang.store.operations.OperationsService;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.ScheduledRun;

/**
 * Customs at the border: advance cargo data per train, release states per consignment, and the interlock's holds for
 * live operations. Writers are serialised ({@code synchronized}); a decision is committed (state and history in one
 * transaction) before operations is told, and operations asks for the holds without taking this lock. Lock order:
 * customs → operations → timetable.
 */
public final class CustomsService {
    private final Jdbi jdbi;
    private final FreightService freight;
    private final OperationsService operations;
    private final TimetableService timetable;
    private final CustomsRules rules;
    private final Clock clock;
    private final List<DecisionHook> decisionHooks = new CopyOnWriteArrayList<>();

    /**
     * Work committed with a release or a hold or not at all (freight tracking records each box's customs release and
     * hold at its border): called inside the decisions' transaction with the consignments so decided, the control
     * station, the decision (RELEASED or HELD) and the time.
     */
    @FunctionalInterface
    public interface DecisionHook {
        void decided(Handle h, List<String> bookingIds, String controlPoint, ReleaseState state, Instant at);
    }

    /** Adds work done in the same transaction as every release and hold (see {@link DecisionHook}). */
    public void onDecision(DecisionHook hook) {
        decisionHooks.add(hook);
    }

    public CustomsService(
            Jdbi jdbi,
            FreightService freight,
            OperationsService operations,
            TimetableService timetable,
            CustomsRules rules,
            Clock clock) {
        this.jdbi = jdbi;
        this.freight = freight;
        this.operations = operations;
        this.timetable = timetable;
        this.rules = rules;
        this.clock = clock;
        operations.holdsFrom(this::holds);
    }

    public CustomsRules rules() {
        return rules;
    }

    private Network network() {
        return timetable.planner().network();
    }

    /** The code of the network whose borders this service's customs work at. */
    public String networkCode() {
        return network().code();
    }

    /** Whether {@code country} has border controls on this network (a side of one of its borders). */
    public boolean controls(String countryCode) {
        return network().borders().stream()
                .anyMatch(b -> b.before().code().equalsIgnoreCase(countryCode)
                        || b.after().code().equalsIgnoreCase(countryCode));
    }

    /**
     * A booking's consignment note: its own, or, for the onward leg of a through consignment (its wagons booked on
     * this network), the note of the booking it goes on from: the same goods, boxes and seals cross this border too.
     */
    private Optional<Note> noteOf(String bookingId) {
        return freight.noteOf(bookingId)
                .or(() -> jdbi.withHandle(
                                h -> h.createQuery("SELECT booking_id FROM freight_through WHERE onward_booking = :b")
                                        .bind("b", bookingId)
                                        .mapTo(String.class)
                                        .findOne())
                        .flatMap(freight::noteOf));
    }

    // ---------------------------------------------------------------- officers

    /** The country a customs user works for, if an administrator assigned one. */
    public Optional<String> countryOf(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT country FROM customs_officer WHERE username = :u")
                .bind("u", username)
                .mapTo(String.class)
                .findOne());
    }

    /** The countries with border controls on this network (the sides of its borders), by code. */
    public List<String> controlCountries() {
        return network().countries().stream()
                .filter(c -> !c.isShared())
                .map(Country::code)
                .toList();
    }

    /** Ties a customs user to a country of the network (one that has border controls). */
    public synchronized String assign(String username, String countryCode, String admin) {
        Country country = countryCode == null
                ? null
                : network().country(countryCode.strip()).orElse(null);
        if (country == null || country.isShared()) {
            throw new InvalidInput(
                    "country",
                    "must be one of "
                            + network().countries().stream()
                                    .filter(c -> !c.isShared())
                                    .map(Country::code)
                                    .toList());
        }
        jdbi.useTransaction(h -> {
            boolean known = h.createQuery("SELECT count(*) FROM app_user WHERE username = :u")
                            .bind("u", username)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (!known) {
                throw new NotFound("username", "no user '" + username + "'");
            }
            h.createUpdate("INSERT INTO customs_officer (username, country, assigned_by, assigned_at)"
                            + " VALUES (:u, :c, :a, :now) ON CONFLICT (username) DO UPDATE SET country = :c,"
                            + " assigned_by = :a, assigned_at = :now")
                    .bind("u", username)
                    .bind("c", country.code())
                    .bind("a", admin)
                    .bind("now", at(clock.instant()))
                    .execute();
        });
        return country.code();
    }

    // ---------------------------------------------------------------- trains and consignments

    /** The run of a train on a date, or empty. */
    private Optional<ScheduledRun> run(String train, LocalDate date) {
        return timetable.day(date).runsOfTheDay().stream()
                .filter(r -> r.plan().number().equalsIgnoreCase(train)
                        && r.serviceDate().equals(date))
                .findFirst();
    }

    /** Where a train meets a border's controls first, or empty when it crosses none. */
    public Optional<Crossing> crossing(ScheduledRun run) {
        List<Point> path = run.run().times().stream().map(PointTime::point).toList();
        return Crossing.first(network(), path);
    }

    private record State(
            ReleaseState state, String reason, String by, Instant at, Instant releasedAt, List<Step> history) {}

    private Map<String, State> states(Handle h, List<String> bookingIds) {
        Map<String, List<Step>> history = new HashMap<>();
        h.createQuery("SELECT * FROM customs_decision WHERE booking_id = ANY(:b) ORDER BY id")
                .bind("b", bookingIds.toArray(new String[0]))
                .map((rs, ctx) -> history.computeIfAbsent(rs.getString("booking_id"), k -> new ArrayList<>())
                        .add(new Step(
                                ReleaseState.valueOf(rs.getString("state")),
                                rs.getString("reason"),
                                rs.getString("decided_by"),
                                rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                                rs.getString("source"))))
                .list();
        Map<String, State> out = new HashMap<>();
        h.createQuery("SELECT * FROM customs_release WHERE booking_id = ANY(:b)")
                .bind("b", bookingIds.toArray(new String[0]))
                .map((rs, ctx) -> out.put(
                        rs.getString("booking_id"),
                        new State(
                                ReleaseState.valueOf(rs.getString("state")),
                                rs.getString("reason"),
                                rs.getString("decided_by"),
                                rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(rs.getObject("released_at", OffsetDateTime.class))
                                        .map(OffsetDateTime::toInstant)
                                        .orElse(null),
                                history.getOrDefault(rs.getString("booking_id"), List.of()))))
                .list();
        return out;
    }

    /** Every consignment on the trains of a date that cross a border (of {@code train} only, if given). */
    private List<Release> releases(LocalDate date, String train) {
        Map<String, List<Booking>> byTrain = new HashMap<>();
        for (Booking b : freight.bookings(null)) {
            if (b.serviceDate().equals(date) && (train == null || b.train().equalsIgnoreCase(train))) {
                byTrain.computeIfAbsent(b.train(), k -> new ArrayList<>()).add(b);
            }
        }
        if (byTrain.isEmpty()) {
            return List.of();
        }
        List<String> ids =
                byTrain.values().stream().flatMap(List::stream).map(Booking::id).toList();
        Map<String, State> states = jdbi.withHandle(h -> states(h, ids));
        List<Release> out = new ArrayList<>();
        for (var entry : byTrain.entrySet()) {
            Optional<Crossing> crossing = run(entry.getKey(), date).flatMap(this::crossing);
            if (crossing.isEmpty()) {
                continue;
            }
            for (Booking b : entry.getValue()) {
                Optional<Note> note = noteOf(b.id());
                State s = states.get(b.id());
                Consignment c = new Consignment(
                        b.id(),
                        note.map(Note::consignmentNumber).orElse(null),
                        b.shipper(),
                        b.from(),
                        b.to(),
                        note.map(Note::note).orElse(null),
                        s == null ? ReleaseState.DRAFT : s.state(),
                        s == null ? null : s.releasedAt());
                out.add(new Release(
                        c,
                        b.train(),
                        date,
                        crossing.get(),
                        s == null ? null : s.reason(),
                        s == null ? null : s.by(),
                        s == null ? null : s.at(),
                        s == null ? List.of() : s.history()));
            }
        }
        out.sort((a, b) -> a.consignment().bookingId().compareTo(b.consignment().bookingId()));
        return out;
    }

    /**
     * The consignments of a date: every one for the railway ({@code country} null), those decided at {@code country}'s
     * control stations for its customs, a shipper's own for a shipper.
     */
    public List<Release> releases(LocalDate date, String country, String shipper) {
        return releases(date, null).stream()
                .filter(r -> country == null || r.crossing().decidedBy(country))
                .filter(r -> shipper == null || r.consignment().shipper().equals(shipper))
                .toList();
    }

    /** One consignment, by consignment number or booking id (any date), or {@link NotFound} naming {@code field}. */
    public Release release(String consignment, String field) {
        if (consignment == null || consignment.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        String key = consignment.strip();
        Booking booking = freight.bookings(null).stream()
                .filter(b -> b.id().equals(key)
                        || noteOf(b.id())
                                .map(n -> n.consignmentNumber().equals(key))
                                .orElse(false))
                .findFirst()
                .orElseThrow(() -> new NotFound(field, "no consignment '" + consignment + "'"));
        return releases(booking.serviceDate(), booking.train()).stream()
                .filter(r -> r.consignment().bookingId().equals(booking.id()))
                .findFirst()
                .orElseThrow(() -> new NotFound(
                        field,
                        "consignment '" + consignment + "' is on " + booking.train() + ", which crosses no border"));
    }

    /**
     * Where a booking of this network stands at the border its train crosses (the crossing, the train, its state), or
     * empty when it is no booking of this network or its train crosses no border.
     */
    public Optional<BorderClearance.AtBorder> atBorder(String bookingId) {
        return freight.bookings(null).stream()
                .filter(b -> b.id().equals(bookingId))
                .findFirst()
                .flatMap(b -> releases(b.serviceDate(), b.train()).stream()
                        .filter(r -> r.consignment().bookingId().equals(bookingId))
                        .findFirst())
                .map(r -> new BorderClearance.AtBorder(
                        r.crossing(), r.train(), r.consignment().state()));
    }

    // ---------------------------------------------------------------- advance data

    /** When the train reaches its crossing's control station: the live forecast, or the plan. */
    private Instant arrivesAt(String train, LocalDate date, Crossing crossing) {
        TrainForecast t = operations.train(train, date);
        CallForecast call = t.calls().get(crossing.pathIndex());
        return call.forecastArrival() != null ? call.forecastArrival() : call.forecastDeparture();
    }

    private Optional<Instant> submittedAt(String train, LocalDate date) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT submitted_at FROM customs_manifest WHERE train = :t AND service_date = :d")
                        .bind("t", train)
                        .bind("d", date)
                        .mapTo(OffsetDateTime.class)
                        .findOne()
                        .map(OffsetDateTime::toInstant));
    }

    /** The advance cargo data of every train of a date that crosses a border with consignments on it. */
    public List<AdvanceData.Manifest> manifests(LocalDate date) {
        Map<String, List<Release>> byTrain = new HashMap<>();
        releases(date, null)
                .forEach(r -> byTrain.computeIfAbsent(r.train(), k -> new ArrayList<>())
                        .add(r));
        List<AdvanceData.Manifest> out = new ArrayList<>();
        byTrain.forEach((train, list) -> out.add(manifest(train, date, list)));
        out.sort((a, b) -> a.arrivesAt().compareTo(b.arrivesAt()));
        return out;
    }

    private AdvanceData.Manifest manifest(String train, LocalDate date, List<Release> list) {
        Crossing crossing = list.get(0).crossing();
        return AdvanceData.assemble(
                list.get(0).train(),
                date,
                crossing,
                arrivesAt(list.get(0).train(), date, crossing),
                rules,
                list.stream().map(Release::consignment).toList(),
                submittedAt(list.get(0).train(), date).orElse(null),
                clock.instant());
    }

    /** One train's advance cargo data, or {@link NotFound} naming the field. */
    public AdvanceData.Manifest manifest(String train, LocalDate date) {
        ScheduledRun run =
                run(train, date).orElseThrow(() -> new NotFound("train", "no train '" + train + "' on " + date));
        if (crossing(run).isEmpty()) {
            throw new NotFound("train", run.plan().number() + " crosses no border");
        }
        List<Release> list = releases(date, run.plan().number());
        if (list.isEmpty()) {
            throw new NotFound("train", run.plan().number() + " carries no consignment on " + date);
        }
        return manifest(run.plan().number(), date, list);
    }

    /**
     * The freight office sends a train's advance data: every complete consignment still a draft becomes SUBMITTED (an
     * incomplete one stays a draft and is flagged); refused when none is complete.
     */
    public synchronized AdvanceData.Manifest submit(String train, LocalDate date, String officer) {
        AdvanceData.Manifest m = manifest(train, date);
        List<AdvanceData.Line> ready = m.lines().stream()
                .filter(l -> l.complete() && l.consignment().state() == ReleaseState.DRAFT)
                .toList();
        if (ready.isEmpty()) {
            throw new Clash(
                    "train",
                    m.complete()
                            ? "the advance data of " + m.train() + " was sent already"
                            : "no consignment of " + m.train() + " has complete data: "
                                    + m.lines().stream()
                                            .filter(l -> !l.complete())
                                            .map(l -> l.consignment().bookingId() + " lacks " + l.missing())
                                            .toList());
        }
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            for (AdvanceData.Line l : ready) {
                write(h, l.consignment().bookingId(), ReleaseState.SUBMITTED, null, officer, now, "RAILWAY");
            }
            h.createUpdate("INSERT INTO customs_manifest (train, service_date, submitted_by, submitted_at)"
                            + " VALUES (:t, :d, :u, :now) ON CONFLICT (train, service_date) DO UPDATE"
                            + " SET submitted_by = :u, submitted_at = :now")
                    .bind("t", m.train())
                    .bind("d", date)
                    .bind("u", officer)
                    .bind("now", at(now))
                    .execute();
        });
        operations.holdsChanged(date);
        return manifest(m.train(), date);
    }

    // ---------------------------------------------------------------- decisions

    /**
     * Customs decide on consignments, all or none: each must be known, at a control station of the officer's
     * country, and its new state must follow from the one it is in. Field names are {@code decisions[i].…} when
     * {@code prefixed}. Committed in one transaction, then live operations take the new holds.
     */
    public synchronized List<Release> decide(List<Decision> decisions, String officer, boolean prefixed) {
        String country = countryOf(officer)
                .orElseThrow(() -> new Clash(
                        "user",
                        officer + " is not assigned to a country's customs: an administrator assigns one",
                        "customs-no-country"));
        if (decisions == null || decisions.isEmpty()) {
            throw new InvalidInput("decisions", "is required: at least one decision");
        }
        Map<String, ReleaseState> after = new HashMap<>();
        List<Release> targets = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            String prefix = prefixed ? "decisions[" + i + "]." : "";
            if (d == null) {
                throw new InvalidInput(prefixed ? "decisions[" + i + "]" : "decision", "is required");
            }
            Validation v = new Validation();
            v.check(d.state() != null, prefix + "state", "is required: one of " + ReleaseState.DECISIONS);
            v.throwIfInvalid();
            Release r = release(d.consignment(), prefix + "consignment");
            if (!r.crossing().decidedBy(country)) {
                throw new Clash(
                        prefix + "consignment",
                        "consignment '" + d.consignment() + "' is cleared at "
                                + r.crossing().control().code() + " by the customs of "
                                + r.crossing().country().code() + ", not " + country,
                        "customs-other-border");
            }
            String id = r.consignment().bookingId();
            ReleaseState from = after.getOrDefault(id, r.consignment().state());
            after.put(id, from.decide(d.state(), d.reason(), prefix));
            targets.add(r);
        }
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            for (int i = 0; i < decisions.size(); i++) {
                Decision d = decisions.get(i);
                write(
                        h,
                        targets.get(i).consignment().bookingId(),
                        d.state(),
                        d.reason() == null || d.reason().isBlank()
                                ? null
                                : d.reason().strip(),
                        officer,
                        now,
                        prefixed ? "IMPORT" : "CUSTOMS");
            }
            // the consignments released and held, by control station and decision, told in that order
            Map<String, List<String>> decided = new TreeMap<>();
            for (int i = 0; i < decisions.size(); i++) {
                ReleaseState s = decisions.get(i).state();
                if (s == ReleaseState.RELEASED || s == ReleaseState.HELD) {
                    Release r = targets.get(i);
                    decided.computeIfAbsent(r.crossing().control().code() + "\t" + s, k -> new ArrayList<>())
                            .add(r.consignment().bookingId());
                }
            }
            decided.forEach((key, ids) -> {
                String[] parts = key.split("\t");
                ReleaseState s = ReleaseState.valueOf(parts[1]);
                decisionHooks.forEach(hook -> hook.decided(h, ids, parts[0], s, now));
            });
        });
        targets.stream().map(Release::serviceDate).distinct().forEach(operations::holdsChanged);
        return targets.stream()
                .map(r -> release(r.consignment().bookingId(), "consignment"))
                .toList();
    }

    private static void write(
            Handle h, String bookingId, ReleaseState state, String reason, String by, Instant now, String source) {
        h.createUpdate("INSERT INTO customs_release (booking_id, state, reason, decided_by, decided_at, released_at)"
                        + " VALUES (:b, :s, :r, :u, :now, :rel) ON CONFLICT (booking_id) DO UPDATE SET state = :s,"
                        + " reason = :r, decided_by = :u, decided_at = :now, released_at = :rel")
                .bind("b", bookingId)
                .bind("s", state.name())
                .bind("r", reason)
                .bind("u", by)
                .bind("now", at(now))
                .bind("rel", state == ReleaseState.RELEASED ? at(now) : null)
                .execute();
        h.createUpdate("INSERT INTO customs_decision (booking_id, state, reason, decided_by, decided_at, source)"
                        + " VALUES (:b, :s, :r, :u, :now, :src)")
                .bind("b", bookingId)
                .bind("s", state.name())
                .bind("r", reason)
                .bind("u", by)
                .bind("now", at(now))
                .bind("src", source)
                .execute();
    }

    // ---------------------------------------------------------------- the interlock and the board

    /**
     * The departure holds of the trains of a date and the days either side (a day's forecast holds its neighbours'
     * runs that meet it). Asked by operations under its lock: reads only, takes no lock of this service.
     */
    public List<DepartureHold> holds(LocalDate date) {
        List<DepartureHold> out = new ArrayList<>();
        for (LocalDate d : List.of(date.minusDays(1), date, date.plusDays(1))) {
            Map<String, List<Release>> byTrain = new HashMap<>();
            releases(d, null)
                    .forEach(r -> byTrain.computeIfAbsent(r.train(), k -> new ArrayList<>())
                            .add(r));
            byTrain.forEach((train, list) -> BorderInterlock.hold(
                            train,
                            d,
                            list.get(0).crossing(),
                            list.stream().map(Release::consignment).toList())
                    .ifPresent(out::add));
        }
        return out;
    }

    /** The trains of a date approaching their crossing, with their data and whether (and until when) they are held. */
    public List<BoardRow> board(LocalDate date) {
        Map<String, HeldTrain> held = new HashMap<>();
        operations.held(date).forEach(h -> held.put(h.hold().train(), h));
        List<BoardRow> out = new ArrayList<>();
        for (AdvanceData.Manifest m : manifests(date)) {
            HeldTrain h = held.get(m.train());
            boolean open = h != null && h.hold().open();
            out.add(new BoardRow(
                    m, open, h == null ? null : h.hold().reason(), h == null ? null : h.forecastDeparture()));
        }
        return out;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
