package org.lancang.store.customs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.operations.CallForecast;
import org.lancang.operations.DepartureHold;
import org.lancang.operations.TrainForecast;
import org.lancang.store.customs.CustomsRecords.BoardRow;
import org.lancang.store.customs.CustomsRecords.Decision;
import org.lancang.store.customs.CustomsRecords.Message;
import org.lancang.store.customs.CustomsRecords.Release;
import org.lancang.store.customs.CustomsRecords.Step;
import org.lancang.store.db.TransactionLock;
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

    private static final CargoReport CARGO_REPORT = CargoReport.load();

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

    /** Whether {@code border} is one of this network's. */
    public boolean hasBorder(Border border) {
        return network().borders().contains(border);
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

    /** Every border's controls a train meets, in travel order (none when it crosses no border). */
    private List<Crossing> crossings(ScheduledRun run) {
        List<Point> path = run.run().times().stream().map(PointTime::point).toList();
        return Crossing.all(network(), path);
    }

    /**
     * The key of a consignment's row at a border. Rows written before customs knew several borders have border ''
     * (V85): they were made at the train's first border and are read as that border's.
     */
    private static String key(String bookingId, String border) {
        return bookingId + "\t" + border;
    }

    private static <T> T atBorder(Map<String, T> rows, String bookingId, Crossing crossing, boolean first) {
        T row = rows.get(key(bookingId, crossing.borderCode()));
        return row == null && first ? rows.get(key(bookingId, "")) : row;
    }

    private record State(
            ReleaseState state, String reason, String by, Instant at, Instant releasedAt, List<Step> history) {}

    private Map<String, State> states(Handle h, List<String> bookingIds) {
        Map<String, List<Step>> history = new HashMap<>();
        h.createQuery("SELECT * FROM customs_decision WHERE booking_id = ANY(:b) ORDER BY id")
                .bind("b", bookingIds.toArray(new String[0]))
                .map((rs, ctx) -> history.computeIfAbsent(
                                key(rs.getString("booking_id"), rs.getString("border")), k -> new ArrayList<>())
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
                        key(rs.getString("booking_id"), rs.getString("border")),
                        new State(
                                ReleaseState.valueOf(rs.getString("state")),
                                rs.getString("reason"),
                                rs.getString("decided_by"),
                                rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(rs.getObject("released_at", OffsetDateTime.class))
                                        .map(OffsetDateTime::toInstant)
                                        .orElse(null),
                                history.getOrDefault(
                                        key(rs.getString("booking_id"), rs.getString("border")), List.of()))))
                .list();
        return out;
    }

    /**
     * Every consignment on the trains of a date that cross a border (of {@code train} only, if given): one release per
     * consignment and border its train crosses, in travel order per consignment.
     */
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
            List<Crossing> crossings =
                    run(entry.getKey(), date).map(this::crossings).orElse(List.of());
            for (Booking b : entry.getValue()) {
                for (Crossing crossing : crossings) {
                    out.add(release(
                            b, date, crossing, atBorder(states, b.id(), crossing, crossing == crossings.get(0))));
                }
            }
        }
        out.sort(Comparator.comparing((Release r) -> r.consignment().bookingId())
                .thenComparing(r -> r.crossing().pathIndex()));
        return out;
    }

    private Release release(Booking b, LocalDate date, Crossing crossing, State s) {
        Optional<Note> note = noteOf(b.id());
        Consignment c = new Consignment(
                b.id(),
                note.map(Note::consignmentNumber).orElse(null),
                b.shipper(),
                b.from(),
                b.to(),
                note.map(Note::note).orElse(null),
                s == null ? ReleaseState.DRAFT : s.state(),
                s == null ? null : s.releasedAt());
        return new Release(
                c,
                b.train(),
                date,
                crossing,
                s == null ? null : s.reason(),
                s == null ? null : s.by(),
                s == null ? null : s.at(),
                s == null ? List.of() : s.history());
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

    /**
     * One consignment (by consignment number or booking id, any date) at every border its train crosses, in travel
     * order, or {@link NotFound} naming {@code field}.
     */
    public List<Release> releasesOf(String consignment, String field) {
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
        List<Release> out = releases(booking.serviceDate(), booking.train()).stream()
                .filter(r -> r.consignment().bookingId().equals(booking.id()))
                .toList();
        if (out.isEmpty()) {
            throw new NotFound(
                    field, "consignment '" + consignment + "' is on " + booking.train() + ", which crosses no border");
        }
        return out;
    }

    /** One consignment at the first border its train crosses (see {@link #releasesOf}). */
    public Release release(String consignment, String field) {
        return releasesOf(consignment, field).get(0);
    }

    /**
     * Where a booking of this network stands at each border its train crosses, in travel order (the crossing, the
     * train, its state there), or none when it is no booking of this network or its train crosses no border.
     */
    public List<BorderClearance.AtBorder> atBorders(String bookingId) {
        return freight.bookings(null).stream()
                .filter(b -> b.id().equals(bookingId))
                .findFirst()
                .map(b -> releases(b.serviceDate(), b.train()).stream()
                        .filter(r -> r.consignment().bookingId().equals(bookingId))
                        .map(r -> new BorderClearance.AtBorder(
                                r.crossing(), r.train(), r.consignment().state()))
                        .toList())
                .orElse(List.of());
    }

    // ---------------------------------------------------------------- advance data

    /** When a consignment's data is due at the border of a release: that border's lead before the train gets there. */
    public Instant dueAt(Release r) {
        return arrivesAt(r.train(), r.serviceDate(), r.crossing())
                .minus(rules.advanceDataLead(r.crossing().border()));
    }

    /** When the train reaches its crossing's control station: the live forecast, or the plan. */
    private Instant arrivesAt(String train, LocalDate date, Crossing crossing) {
        TrainForecast t = operations.train(train, date);
        CallForecast call = t.calls().get(crossing.pathIndex());
        return call.forecastArrival() != null ? call.forecastArrival() : call.forecastDeparture();
    }

    /** When the train's data was last sent to one border's customs (a row of before V85 is its first border's). */
    private Optional<Instant> submittedAt(String train, LocalDate date, Crossing crossing, boolean first) {
        return jdbi.withHandle(h -> h.createQuery("SELECT submitted_at FROM customs_manifest WHERE train = :t"
                        + " AND service_date = :d AND (border = :b OR (:first AND border = ''))"
                        + " ORDER BY border DESC LIMIT 1")
                .bind("t", train)
                .bind("d", date)
                .bind("b", crossing.borderCode())
                .bind("first", first)
                .mapTo(OffsetDateTime.class)
                .findOne()
                .map(OffsetDateTime::toInstant));
    }

    /** The consignments of a date by train and border, each train's borders in travel order. */
    private Map<String, List<Release>> byTrainAndBorder(LocalDate date) {
        Map<String, List<Release>> out = new LinkedHashMap<>();
        releases(date, null).stream()
                .sorted(Comparator.comparing(Release::train)
                        .thenComparing(r -> r.crossing().pathIndex()))
                .forEach(
                        r -> out.computeIfAbsent(r.train() + "\t" + r.crossing().borderCode(), k -> new ArrayList<>())
                                .add(r));
        return out;
    }

    /** Whether a release is at the first border its train crosses. */
    private boolean first(Release r) {
        return firstBorder(r.train(), r.serviceDate(), r.crossing());
    }

    /** Whether {@code crossing} is the first border {@code train} crosses on {@code date}. */
    private boolean firstBorder(String train, LocalDate date, Crossing crossing) {
        return run(train, date)
                .map(run -> crossings(run).get(0).borderCode().equals(crossing.borderCode()))
                .orElse(false);
    }

    /**
     * The advance cargo data of every train of a date that crosses a border with consignments on it: one manifest per
     * train and border it crosses (each due by that border's lead), by arrival at the control station.
     */
    public List<AdvanceData.Manifest> manifests(LocalDate date) {
        List<AdvanceData.Manifest> out = new ArrayList<>();
        byTrainAndBorder(date).values().forEach(list -> out.add(manifest(date, list)));
        out.sort((a, b) -> a.arrivesAt().compareTo(b.arrivesAt()));
        return out;
    }

    private AdvanceData.Manifest manifest(LocalDate date, List<Release> list) {
        Release any = list.get(0);
        Crossing crossing = any.crossing();
        return AdvanceData.assemble(
                any.train(),
                date,
                crossing,
                arrivesAt(any.train(), date, crossing),
                rules,
                list.stream().map(Release::consignment).toList(),
                submittedAt(any.train(), date, crossing, first(any)).orElse(null),
                clock.instant());
    }

    /** One train's advance cargo data for each border it crosses, in travel order, or {@link NotFound} naming it. */
    public List<AdvanceData.Manifest> manifests(String train, LocalDate date) {
        ScheduledRun run =
                run(train, date).orElseThrow(() -> new NotFound("train", "no train '" + train + "' on " + date));
        if (crossings(run).isEmpty()) {
            throw new NotFound("train", run.plan().number() + " crosses no border");
        }
        List<AdvanceData.Manifest> out = new ArrayList<>();
        byTrainAndBorder(date).forEach((k, list) -> {
            if (list.get(0).train().equals(run.plan().number())) {
                out.add(manifest(date, list));
            }
        });
        if (out.isEmpty()) {
            throw new NotFound("train", run.plan().number() + " carries no consignment on " + date);
        }
        return out;
    }

    /**
     * The manifest a submission is for: the named border's ({@code border}, its point code), else the first border in
     * travel order that has a complete draft to send (else the first border, for the refusal's words).
     */
    private AdvanceData.Manifest toSubmit(String train, LocalDate date, String border) {
        List<AdvanceData.Manifest> all = manifests(train, date);
        if (border != null && !border.isBlank()) {
            return all.stream()
                    .filter(m -> m.crossing().borderCode().equalsIgnoreCase(border.strip()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInput(
                            "border",
                            "'" + border + "' is no border " + all.get(0).train() + " crosses (it crosses "
                                    + all.stream()
                                            .map(m -> m.crossing().borderCode())
                                            .toList()
                                    + ")"));
        }
        return all.stream()
                .filter(m -> m.lines().stream()
                        .anyMatch(l -> l.complete() && l.consignment().state() == ReleaseState.DRAFT))
                .findFirst()
                .orElse(all.get(0));
    }

    /**
     * The freight office sends a train's advance data to one border's customs ({@code border}; by default the first
     * border with data to send): every complete consignment still a draft there becomes SUBMITTED (an incomplete one
     * stays a draft and is flagged); refused when none is complete.
     */
    public synchronized AdvanceData.Manifest submit(String train, LocalDate date, String border, String officer) {
        AdvanceData.Manifest m = toSubmit(train, date, border);
        Crossing crossing = m.crossing();
        boolean first = firstBorder(m.train(), date, crossing);
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
                write(
                        h,
                        l.consignment().bookingId(),
                        crossing,
                        first,
                        ReleaseState.SUBMITTED,
                        null,
                        officer,
                        now,
                        "RAILWAY");
            }
            h.createUpdate("DELETE FROM customs_manifest WHERE train = :t AND service_date = :d AND border = ''"
                            + " AND :first")
                    .bind("t", m.train())
                    .bind("d", date)
                    .bind("first", first)
                    .execute();
            send(h, m, declared(m, ready), officer, now);
            h.createUpdate("INSERT INTO customs_manifest (train, service_date, border, submitted_by, submitted_at)"
                            + " VALUES (:t, :d, :b, :u, :now) ON CONFLICT (train, service_date, border) DO UPDATE"
                            + " SET submitted_by = :u, submitted_at = :now")
                    .bind("t", m.train())
                    .bind("d", date)
                    .bind("b", crossing.borderCode())
                    .bind("u", officer)
                    .bind("now", at(now))
                    .execute();
        });
        operations.holdsChanged(date);
        return toSubmit(m.train(), date, crossing.borderCode());
    }

    /** The lines a border's customs hold once {@code ready} is sent: every one sent before, and those. */
    private static List<AdvanceData.Line> declared(AdvanceData.Manifest m, List<AdvanceData.Line> ready) {
        return m.lines().stream()
                .filter(l ->
                        ready.contains(l) || (l.complete() && l.consignment().state() != ReleaseState.DRAFT))
                .toList();
    }

    /**
     * Puts the border's customs message in the outbox, in the submission's transaction: the first report of the train
     * at that border, or an amendment (the next version, naming the first) when one went out before. Earlier messages
     * are never rewritten.
     */
    private void send(Handle h, AdvanceData.Manifest m, List<AdvanceData.Line> lines, String officer, Instant now) {
        TransactionLock.take(h, TransactionLock.CUSTOMS_MESSAGES);
        Crossing crossing = m.crossing();
        Optional<Message> last = h.createQuery("SELECT * FROM customs_message WHERE network = :n AND train = :t"
                        + " AND service_date = :d AND border = :b ORDER BY version DESC LIMIT 1")
                .bind("n", networkCode())
                .bind("t", m.train())
                .bind("d", m.serviceDate())
                .bind("b", crossing.borderCode())
                .map((rs, ctx) -> message(rs))
                .findOne();
        int version = last.map(x -> x.version() + 1).orElse(1);
        String original = last.map(x -> x.original() != null ? x.original() : x.reference())
                .orElse(null);
        long seq = h.createQuery("SELECT nextval(pg_get_serial_sequence('customs_message', 'seq'))")
                .mapTo(Long.class)
                .one();
        String reference = CargoReport.document(m, version);
        String receiver = crossing.country().code();
        String body = CARGO_REPORT.write(new CargoReport.Content(
                "LANCANG-" + networkCode(), "CUSTOMS-" + receiver, seq, reference, original, m, lines, now));
        h.createUpdate("INSERT INTO customs_message (seq, network, train, service_date, border, control, receiver,"
                        + " version, reference, original, consignments, body, sent_by, created_at) VALUES (:seq, :n,"
                        + " :t, :d, :b, :c, :r, :v, :ref, :orig, :cons, :body, :u, :now)")
                .bind("seq", seq)
                .bind("n", networkCode())
                .bind("t", m.train())
                .bind("d", m.serviceDate())
                .bind("b", crossing.borderCode())
                .bind("c", crossing.control().code())
                .bind("r", receiver)
                .bind("v", version)
                .bind("ref", reference)
                .bind("orig", original)
                .bind(
                        "cons",
                        lines.stream()
                                .map(l -> l.consignment().consignmentNumber())
                                .toArray(String[]::new))
                .bind("body", body)
                .bind("u", officer)
                .bind("now", at(now))
                .execute();
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(
                rs.getLong("seq"),
                rs.getString("network"),
                rs.getString("train"),
                rs.getObject("service_date", LocalDate.class),
                rs.getString("border"),
                rs.getString("control"),
                rs.getString("receiver"),
                rs.getInt("version"),
                rs.getString("reference"),
                rs.getString("original"),
                List.of((String[]) rs.getArray("consignments").getArray()),
                rs.getString("body"),
                rs.getString("sent_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /**
     * The customs messages after {@code after} in the order they were committed (at most {@code limit}): those for
     * {@code receiver}'s customs (a country code; every one when null), of {@code network} (every network when null).
     * The table is shared by every network's customs.
     */
    public List<Message> messages(String receiver, String network, long after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM customs_message WHERE seq > :after"
                        + " AND (CAST(:r AS text) IS NULL OR receiver = :r)"
                        + " AND (CAST(:n AS text) IS NULL OR network = :n) ORDER BY seq LIMIT :limit")
                .bind("after", after)
                .bind("r", receiver)
                .bind("n", network)
                .bind("limit", limit)
                .map((rs, ctx) -> message(rs))
                .list());
    }

    /** One customs message by its number, or {@link NotFound} naming {@code seq}. */
    public Message message(long seq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM customs_message WHERE seq = :s")
                .bind("s", seq)
                .map((rs, ctx) -> message(rs))
                .findOne()
                .orElseThrow(() -> new NotFound("seq", "no customs message " + seq)));
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
        List<Boolean> firsts = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            String prefix = prefixed ? "decisions[" + i + "]." : "";
            if (d == null) {
                throw new InvalidInput(prefixed ? "decisions[" + i + "]" : "decision", "is required");
            }
            Validation v = new Validation();
            v.check(d.state() != null, prefix + "state", "is required: one of " + ReleaseState.DECISIONS);
            v.throwIfInvalid();
            List<Release> all = releasesOf(d.consignment(), prefix + "consignment");
            Release r = target(d, all, country, prefix);
            String id = key(r.consignment().bookingId(), r.crossing().borderCode());
            ReleaseState from = after.getOrDefault(id, r.consignment().state());
            after.put(id, from.decide(d.state(), d.reason(), prefix));
            targets.add(r);
            firsts.add(r == all.get(0));
        }
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            for (int i = 0; i < decisions.size(); i++) {
                Decision d = decisions.get(i);
                write(
                        h,
                        targets.get(i).consignment().bookingId(),
                        targets.get(i).crossing(),
                        firsts.get(i),
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
                .map(r -> releasesOf(r.consignment().bookingId(), "consignment").stream()
                        .filter(x ->
                                x.crossing().borderCode().equals(r.crossing().borderCode()))
                        .findFirst()
                        .orElseThrow())
                .toList();
    }

    /**
     * The border a decision is for: the one it names ({@code border}), else the one of the consignment's borders where
     * the officer's country decides; refused naming the field when that is another country's or is not one border.
     */
    private static Release target(Decision d, List<Release> all, String country, String prefix) {
        List<Release> candidates = all;
        if (d.border() != null && !d.border().isBlank()) {
            candidates = all.stream()
                    .filter(r -> r.crossing()
                            .borderCode()
                            .equalsIgnoreCase(d.border().strip()))
                    .toList();
            if (candidates.isEmpty()) {
                throw new InvalidInput(
                        prefix + "border",
                        "consignment '" + d.consignment() + "' crosses no border '" + d.border() + "' (it crosses "
                                + all.stream()
                                        .map(r -> r.crossing().borderCode())
                                        .toList() + ")");
            }
        }
        List<Release> own =
                candidates.stream().filter(r -> r.crossing().decidedBy(country)).toList();
        if (own.isEmpty()) {
            throw new Clash(
                    prefix + "consignment",
                    "consignment '" + d.consignment() + "' is cleared at "
                            + candidates.stream()
                                    .map(r -> r.crossing().control().code() + " by the customs of "
                                            + r.crossing().country().code())
                                    .toList()
                            + ", not " + country,
                    "customs-other-border");
        }
        if (own.size() > 1) {
            throw new InvalidInput(
                    prefix + "border",
                    "consignment '" + d.consignment() + "' crosses " + own.size() + " borders where " + country
                            + " customs decide: name one of "
                            + own.stream().map(r -> r.crossing().borderCode()).toList());
        }
        return own.get(0);
    }

    /**
     * Records a consignment's new state at one border. At the train's first border ({@code first}) rows of before V85
     * (border '') are that border's: they take its code first, so the border keeps one row and its whole history.
     */
    private static void write(
            Handle h,
            String bookingId,
            Crossing crossing,
            boolean first,
            ReleaseState state,
            String reason,
            String by,
            Instant now,
            String source) {
        if (first) {
            for (String table : List.of("customs_release", "customs_decision")) {
                h.createUpdate("UPDATE " + table + " SET border = :code WHERE booking_id = :b AND border = ''")
                        .bind("code", crossing.borderCode())
                        .bind("b", bookingId)
                        .execute();
            }
        }
        h.createUpdate("INSERT INTO customs_release (booking_id, border, state, reason, decided_by, decided_at,"
                        + " released_at) VALUES (:b, :border, :s, :r, :u, :now, :rel) ON CONFLICT (booking_id, border)"
                        + " DO UPDATE SET state = :s, reason = :r, decided_by = :u, decided_at = :now,"
                        + " released_at = :rel")
                .bind("border", crossing.borderCode())
                .bind("b", bookingId)
                .bind("s", state.name())
                .bind("r", reason)
                .bind("u", by)
                .bind("now", at(now))
                .bind("rel", state == ReleaseState.RELEASED ? at(now) : null)
                .execute();
        h.createUpdate("INSERT INTO customs_decision (booking_id, border, state, reason, decided_by, decided_at,"
                        + " source) VALUES (:b, :border, :s, :r, :u, :now, :src)")
                .bind("border", crossing.borderCode())
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
            // a hold per train and border it crosses: at each, until that border's customs release every consignment
            byTrainAndBorder(d)
                    .forEach((key, list) -> BorderInterlock.hold(
                                    list.get(0).train(),
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
        operations
                .held(date)
                .forEach(h -> held.put(h.hold().train() + "\t" + h.hold().point(), h));
        List<BoardRow> out = new ArrayList<>();
        for (AdvanceData.Manifest m : manifests(date)) {
            HeldTrain h = held.get(m.train() + "\t" + m.crossing().control().code());
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
