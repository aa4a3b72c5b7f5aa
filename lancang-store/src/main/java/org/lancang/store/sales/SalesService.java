package org.lancang.store.sales;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.Conflict;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.TrainType;
import org.lancang.store.db.GroupCommit;
import org.lancang.store.sales.SalesRecords.BookedPassenger;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.ClassOffer;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import org.lancang.store.sales.SalesRecords.Status;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.DocumentType;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.fares.FareQuote;
import org.lancang.ticketing.fares.FareTable;
import org.lancang.ticketing.inventory.Allocation;
import org.lancang.ticketing.inventory.AllocationPolicy;
import org.lancang.ticketing.inventory.CarRule;
import org.lancang.ticketing.inventory.CrossBorderSplit;
import org.lancang.ticketing.inventory.SeatInventory;
import org.lancang.ticketing.inventory.SeatPreference;
import org.lancang.timetable.Call;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;

/**
 * Selling seats: journeys with availability and fares, holds, payment, tickets, cancellation with refund. Each run's
 * seats live in memory (rebuilt from the database on first use); every change is made under the run's lock and is
 * committed (group commit) before it is acknowledged, so a crash loses nothing that was acknowledged.
 */
public final class SalesService {
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(15);
    /** The trains whose cars are split between cross-border and domestic journeys (D887/D888, per the reference). */
    public static final Set<String> SPLIT_TRAINS = Set.of("D887", "D888");
    private static final Set<SeatClass> SOLD_CLASSES = EnumSet.of(SeatClass.FIRST, SeatClass.SECOND, SeatClass.HARD_SEAT);

    private final Jdbi jdbi;
    private final GroupCommit commits;
    private final TimetableService timetable;
    private final Network network;
    private final FareTable fares;
    private final SalesWindow window;
    private final RefundRules refunds;
    private final PaymentProvider payments;
    private final Clock clock;
    private final Duration holdTime;
    private final Map<String, RunSales> runs = new ConcurrentHashMap<>();

    public SalesService(Jdbi jdbi, GroupCommit commits, TimetableService timetable, FareTable fares, SalesWindow window,
                        RefundRules refunds, PaymentProvider payments, Clock clock, Duration holdTime) {
        this.jdbi = jdbi;
        this.commits = commits;
        this.timetable = timetable;
        this.network = timetable.planner().network();
        this.fares = fares;
        this.window = window;
        this.refunds = refunds;
        this.payments = payments;
        this.clock = clock;
        this.holdTime = holdTime;
    }

    // ---------------------------------------------------------------- journeys

    /** Every passenger train calling at {@code from} and later at {@code to} on the date, with seats and fares. */
    public List<JourneyOption> journeys(String from, String to, LocalDate date, Currency currency) {
        Validation v = new Validation();
        v.check(network.point(from).isPresent(), "from", "'" + from + "' is not a station of the line");
        v.check(network.point(to).isPresent(), "to", "'" + to + "' is not a station of the line");
        v.check(from == null || !from.equalsIgnoreCase(to), "to", "must differ from from");
        v.throwIfInvalid();
        List<JourneyOption> out = new ArrayList<>();
        for (TrainPlan plan : timetable.plans()) {
            if (!plan.passenger() || !plan.calendar().runsOn(date)) {
                continue;
            }
            Train train = timetable.train(plan);
            List<String> stops = train.stops().stream().map(Call::pointCode).toList();
            int i = stops.indexOf(from.toUpperCase(java.util.Locale.ROOT));
            int j = stops.indexOf(to.toUpperCase(java.util.Locale.ROOT));
            if (i < 0 || j <= i) {
                continue;
            }
            RunSales run = run(plan, date);
            List<ClassOffer> classes = new ArrayList<>();
            for (SeatClass cls : classesOf(timetable.planner().trainType(plan.trainType(), "train"))) {
                Optional<FareQuote> fare = fares.quote(stops.get(i), stops.get(j), cls, currency);
                if (fare.isPresent()) {
                    int available;
                    run.lock.lock();
                    try {
                        available = run.inventory.availability(i, j, cls);
                    } finally {
                        run.lock.unlock();
                    }
                    classes.add(new ClassOffer(cls, available, fare.get()));
                }
            }
            Point a = network.point(stops.get(i)).orElseThrow();
            Point b = network.point(stops.get(j)).orElseThrow();
            Instant dep = train.at(date, train.stops().get(i).departure());
            Instant arr = train.at(date, train.stops().get(j).arrival());
            out.add(new JourneyOption(plan.number(), plan.operator().name(), plan.trainType(), a.code(), b.code(),
                    dep.atZone(a.timeZone()).toOffsetDateTime(), arr.atZone(b.timeZone()).toOffsetDateTime(),
                    Duration.between(dep, arr).toMinutes(), a.country() != b.country(),
                    window.onSale(plan.operator(), date, dep, a.timeZone(), clock.instant()), classes));
        }
        out.sort(java.util.Comparator.comparing(JourneyOption::departure));
        return out;
    }

    private static List<SeatClass> classesOf(TrainType type) {
        return type.seats().stream().map(Seat::seatClass).distinct().filter(SOLD_CLASSES::contains).sorted().toList();
    }

    // ---------------------------------------------------------------- holds

    /** Holds seats for the passengers; committed before it returns. */
    public Booking hold(String owner, String soldBy, HoldRequest r) {
        Validation v = new Validation();
        TrainPlan plan = r.train() == null ? null : timetable.plan(r.train()).orElse(null);
        v.check(plan != null && plan.passenger(), "train", "'" + r.train() + "' is not a passenger train of the timetable");
        v.check(r.date() != null, "date", "is required");
        v.check(r.seatClass() != null, "seatClass", "is required");
        v.check(r.currency() != null, "currency", "is required: CNY or LAK");
        int count = r.passengers() == null ? 0 : r.passengers().size();
        v.check(count >= 1 && count <= 5, "passengers", "1 … 5 passengers per booking");
        v.check(r.car() >= 0 && r.car() <= 30, "car", "is not a car of the train");
        v.throwIfInvalid();
        if (!plan.calendar().runsOn(r.date())) {
            throw new InvalidInput("date", "train " + plan.number() + " does not run on " + r.date());
        }
        RunSales run = run(plan, r.date());
        int from = run.stops.indexOf(r.from() == null ? "" : r.from().toUpperCase(java.util.Locale.ROOT));
        int to = run.stops.indexOf(r.to() == null ? "" : r.to().toUpperCase(java.util.Locale.ROOT));
        if (from < 0) {
            throw new InvalidInput("from", "train " + plan.number() + " does not call at '" + r.from() + "'");
        }
        if (to < 0) {
            throw new InvalidInput("to", "train " + plan.number() + " does not call at '" + r.to() + "'");
        }
        if (to <= from) {
            throw new InvalidInput("to", "the destination must come after the origin on this train");
        }
        Point boarding = network.point(run.stops.get(from)).orElseThrow();
        Instant now = clock.instant();
        window.check(plan.operator(), r.date(), run.departures.get(from), boarding.timeZone(), now, "date");
        boolean crosses = boarding.country() != network.point(run.stops.get(to)).orElseThrow().country();
        Validation people = new Validation();
        LocalDate today = now.atZone(boarding.timeZone()).toLocalDate();
        for (int k = 0; k < count; k++) {
            Passenger.check(people, "passengers[" + k + "].", r.passengers().get(k), r.date(), crosses, today);
        }
        people.throwIfInvalid();
        FareQuote fare = fares.quote(run.stops.get(from), run.stops.get(to), r.seatClass(), r.currency())
                .orElseThrow(() -> new InvalidInput("seatClass", r.seatClass() + " is not sold on this journey"));
        Money total = Money.zero(r.currency());
        for (int k = 0; k < count; k++) {
            total = total.plus(fare.total());
        }
        Booking booking;
        Allocation seats;
        run.lock.lock();
        try {
            for (int k = 0; k < count; k++) {
                String key = r.passengers().get(k).documentKey();
                if (run.documentOverlaps(key, from, to)) {
                    throw new Conflict("passengers[" + k + "].documentNumber", "this document already holds a journey on "
                            + plan.number() + " on " + r.date() + " that overlaps this one");
                }
            }
            seats = run.inventory.allocate(from, to, r.seatClass(), new SeatPreference(r.position(), r.car()), count)
                    .orElseThrow(() -> new Conflict("seatClass", "sold out: no " + r.seatClass()
                    + " seats left for " + run.stops.get(from) + "–" + run.stops.get(to)));
            List<BookedPassenger> booked = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                Seat seat = seats.seats().get(k);
                booked.add(new BookedPassenger(r.passengers().get(k), seats.seatIndices().get(k), seat.car(),
                        seat.number(), null));
                run.addDocument(r.passengers().get(k).documentKey(), from, to);
            }
            booking = new Booking(UUID.randomUUID().toString(), plan.number(), r.date(), run.stops.get(from),
                    run.stops.get(to), from, to, r.seatClass(), Status.HELD, owner, soldBy, now, now.plus(holdTime),
                    r.currency(), total.minor(), null, null, null, null, List.copyOf(booked));
        } finally {
            run.lock.unlock();
        }
        // The seats are already taken in memory, so the run's lock need not wait for the disk: other buyers of the run
        // go on while this hold is committed (with theirs, in one group commit). It is acknowledged only once durable.
        try {
            commits.commit(insert(booking));
        } catch (RuntimeException e) {
            run.lock.lock();
            try {
                release(run, booking);
            } finally {
                run.lock.unlock();
            }
            throw e;
        }
        return booking;
    }

    // ---------------------------------------------------------------- payment and tickets

    /** Pays a held booking (idempotent on the key) and issues its tickets. */
    public Booking pay(String bookingId, String caller, boolean agent, String idempotencyKey) {
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9._:-]{8,80}")) {
            throw new InvalidInput("idempotencyKey", "8–80 letters, digits or . _ : - (the same key for every retry)");
        }
        Booking b = find(bookingId, caller, agent);
        if (b.status() == Status.TICKETED && idempotencyKey.equals(paymentKey(b.id()))) {
            return b; // a retry: already paid with this key
        }
        if (b.status() != Status.HELD) {
            throw new Conflict("status", "booking is " + b.status() + ", not HELD");
        }
        Instant now = clock.instant();
        if (!now.isBefore(b.holdExpiresAt())) {
            expire(b);
            throw new Conflict("status", "the hold expired at " + b.holdExpiresAt());
        }
        PaymentProvider.Receipt receipt = payments.charge(idempotencyKey, new Money(b.totalMinor(), b.currency()),
                "Lancang " + b.train() + " " + b.date() + " " + b.from() + "-" + b.to());
        commits.commit(h -> {
            int updated = h.createUpdate("UPDATE booking SET status = 'TICKETED', paid_at = :now, payment_key = :k"
                            + " WHERE id = :id AND status = 'HELD'")
                    .bind("now", utc(now)).bind("k", idempotencyKey).bind("id", UUID.fromString(b.id())).execute();
            if (updated == 0) {
                throw new Conflict("status", "booking is no longer HELD");
            }
            for (BookedPassenger p : b.passengers()) {
                h.createUpdate("UPDATE booking_passenger SET ticket_number = :t WHERE booking_id = :id AND seat_index = :s")
                        .bind("t", ticketNumber(b, p)).bind("id", UUID.fromString(b.id())).bind("s", p.seatIndex()).execute();
            }
        });
        if (receipt == null) {
            throw new IllegalStateException("the payment provider returned no receipt");
        }
        return find(bookingId, caller, agent);
    }

    private static String ticketNumber(Booking b, BookedPassenger p) {
        String id = b.id().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return b.train() + "-" + b.date().toString().replace("-", "") + "-" + String.format("%02d", p.car()) + p.seat()
                + "-" + id.substring(0, 6);
    }

    // ---------------------------------------------------------------- cancel, refund, expiry

    /** Cancels a booking: a hold is simply released; a ticket is refunded less the fee for the time before departure. */
    public Booking cancel(String bookingId, String caller, boolean agent) {
        Booking b = find(bookingId, caller, agent);
        if (!b.live()) {
            throw new Conflict("status", "booking is already " + b.status());
        }
        TrainPlan plan = timetable.requirePlan(b.train(), "train");
        RunSales run = run(plan, b.date());
        Instant now = clock.instant();
        Money[] quote = refund(b, plan, run, now);
        Money fee = quote[1];
        Money refund = quote[2];
        run.lock.lock();
        try {
            commits.commit(h -> {
                int updated = h.createUpdate("UPDATE booking SET status = 'CANCELLED', cancelled_at = :now, fee_minor = :f,"
                                + " refund_minor = :r WHERE id = :id AND status IN ('HELD', 'TICKETED')")
                        .bind("now", utc(now)).bind("f", fee.minor()).bind("r", refund.minor())
                        .bind("id", UUID.fromString(b.id())).execute();
                if (updated == 0) {
                    throw new Conflict("status", "booking changed meanwhile");
                }
            });
            release(run, b);
        } finally {
            run.lock.unlock();
        }
        return find(bookingId, caller, agent);
    }

    /** What cancelling would refund now, without cancelling. */
    public Money[] refundQuote(String bookingId, String caller, boolean agent) {
        Booking b = find(bookingId, caller, agent);
        TrainPlan plan = timetable.requirePlan(b.train(), "train");
        return refund(b, plan, run(plan, b.date()), clock.instant());
    }

    /** Paid, fee and refund if the booking were cancelled at {@code now}: a hold was not paid, so it costs nothing. */
    private Money[] refund(Booking b, TrainPlan plan, RunSales run, Instant now) {
        boolean ticketed = b.status() == Status.TICKETED;
        Duration before = Duration.between(now, run.departures.get(b.fromStop()));
        Money paid = new Money(ticketed ? b.totalMinor() : 0, b.currency());
        Money fee = paid.percent(ticketed ? refunds.feePercent(plan.operator(), before) : 0);
        return new Money[] {paid, fee, paid.minus(fee)};
    }

    /** Releases every hold whose time is up; returns how many. */
    public int expireHolds() {
        List<String> due = jdbi.withHandle(h -> h.createQuery("SELECT id FROM booking WHERE status = 'HELD'"
                + " AND hold_expires_at <= :now").bind("now", utc(clock.instant())).mapTo(String.class).list());
        int n = 0;
        for (String id : due) {
            Booking b = load(id).orElse(null);
            if (b != null && b.status() == Status.HELD) {
                expire(b);
                n++;
            }
        }
        return n;
    }

    private void expire(Booking b) {
        RunSales run = run(timetable.requirePlan(b.train(), "train"), b.date());
        run.lock.lock();
        try {
            int[] updated = new int[1];
            commits.commit(h -> updated[0] = h.createUpdate("UPDATE booking SET status = 'EXPIRED' WHERE id = :id"
                    + " AND status = 'HELD'").bind("id", UUID.fromString(b.id())).execute());
            if (updated[0] == 1) {
                release(run, b);
            }
        } finally {
            run.lock.unlock();
        }
    }

    private static void release(RunSales run, Booking b) {
        for (BookedPassenger p : b.passengers()) {
            run.inventory.release(p.seatIndex(), b.fromStop(), b.toStop());
            run.removeDocument(p.passenger().documentKey(), b.fromStop(), b.toStop());
        }
    }

    // ---------------------------------------------------------------- lookups

    /** A booking its owner (or an agent) may see. */
    public Booking find(String bookingId, String caller, boolean agent) {
        Booking b = parseId(bookingId).flatMap(this::load)
                .orElseThrow(() -> new NotFound("id", "no booking '" + bookingId + "'"));
        if (!agent && !b.owner().equals(caller)) {
            throw new NotFound("id", "no booking '" + bookingId + "'"); // others' bookings do not exist for a passenger
        }
        return b;
    }

    public List<Booking> bookingsOf(String owner) {
        List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM booking WHERE owner = :o ORDER BY created_at DESC")
                .bind("o", owner).mapTo(String.class).list());
        return ids.stream().map(this::load).flatMap(Optional::stream).toList();
    }

    /** Agents find bookings by ticket number or travel document number. */
    public List<Booking> search(String ticketOrDocument) {
        if (ticketOrDocument == null || ticketOrDocument.strip().length() < 5 || ticketOrDocument.length() > 80) {
            throw new InvalidInput("q", "a ticket number or document number of 5–80 characters");
        }
        String q = ticketOrDocument.strip().toUpperCase(java.util.Locale.ROOT);
        List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT booking_id FROM booking_passenger"
                        + " WHERE ticket_number = :q OR upper(document_number) = :q")
                .bind("q", q).mapTo(String.class).list());
        return ids.stream().map(this::load).flatMap(Optional::stream).toList();
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private Optional<Booking> load(String id) {
        return parseId(id).flatMap(this::load);
    }

    private Optional<Booking> load(UUID id) {
        return jdbi.withHandle(h -> {
            List<BookedPassenger> passengers = h.createQuery("SELECT * FROM booking_passenger WHERE booking_id = :id ORDER BY idx")
                    .bind("id", id).map((rs, ctx) -> passenger(rs)).list();
            return h.createQuery("SELECT * FROM booking WHERE id = :id").bind("id", id)
                    .map((rs, ctx) -> booking(rs, passengers)).findOne();
        });
    }

    private String paymentKey(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT payment_key FROM booking WHERE id = :id")
                .bind("id", UUID.fromString(id)).mapTo(String.class).findOne().orElse(null));
    }

    // ---------------------------------------------------------------- runs in memory

    /** The run's sales state, rebuilt from the database the first time it is needed. */
    RunSales run(TrainPlan plan, LocalDate date) {
        return runs.computeIfAbsent(plan.number() + "@" + date, k -> {
            Train train = timetable.train(plan);
            List<Call> stops = train.stops();
            List<String> codes = stops.stream().map(Call::pointCode).toList();
            List<Instant> departures = stops.stream().map(c -> train.at(date, c.departure())).toList();
            TrainType type = timetable.planner().trainType(plan.trainType(), "train");
            CarRule rule = CarRule.anyCar();
            if (SPLIT_TRAINS.contains(plan.number())) {
                java.util.OptionalInt border = CrossBorderSplit.borderSegment(codes.stream()
                        .map(c -> network.point(c).orElseThrow()).toList());
                if (border.isPresent()) {
                    rule = CrossBorderSplit.cr200j(border.getAsInt());
                }
            }
            RunSales run = new RunSales(train, date, codes, departures, new SeatInventory(type.seats(), codes.size(), rule, AllocationPolicy.BEST_FIT));
            rebuild(run);
            return run;
        });
    }

    private void rebuild(RunSales run) {
        jdbi.useHandle(h -> h.createQuery("SELECT b.from_stop, b.to_stop, p.seat_index, p.document_key FROM booking b"
                        + " JOIN booking_passenger p ON p.booking_id = b.id"
                        + " WHERE b.train = :t AND b.service_date = :d AND b.status IN ('HELD', 'TICKETED')")
                .bind("t", run.train.number()).bind("d", run.date)
                .map((rs, ctx) -> {
                    int from = rs.getInt("from_stop");
                    int to = rs.getInt("to_stop");
                    if (!run.inventory.claim(rs.getInt("seat_index"), from, to)) {
                        throw new IllegalStateException("stored bookings sell seat " + rs.getInt("seat_index") + " of "
                                + run.train.number() + " on " + run.date + " twice");
                    }
                    run.addDocument(rs.getString("document_key"), from, to);
                    return null;
                }).list());
    }

    // ---------------------------------------------------------------- SQL mapping

    private static final String INSERT_BOOKING = "INSERT INTO booking (id, train, service_date, from_code, to_code,"
            + " from_stop, to_stop, seat_class, status, owner, sold_by, created_at, hold_expires_at, currency, total_minor)"
            + " VALUES (:id, :train, :date, :from, :to, :fs, :ts, :cls, 'HELD', :owner, :soldBy, :created, :expires, :cur,"
            + " :total)";
    private static final String INSERT_PASSENGER = "INSERT INTO booking_passenger (booking_id, idx, name, document_type,"
            + " document_number, document_key, nationality, date_of_birth, document_expiry, seat_index, car, seat)"
            + " VALUES (:id, :idx, :name, :dt, :dn, :dk, :nat, :dob, :exp, :si, :car, :seat)";

    /** A new hold as plain statements, which the group commit sends in batches with other holds. */
    private static List<GroupCommit.Statement> insert(Booking b) {
        List<GroupCommit.Statement> out = new ArrayList<>();
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("id", UUID.fromString(b.id()));
        row.put("train", b.train());
        row.put("date", b.date());
        row.put("from", b.from());
        row.put("to", b.to());
        row.put("fs", b.fromStop());
        row.put("ts", b.toStop());
        row.put("cls", b.seatClass().name());
        row.put("owner", b.owner());
        row.put("soldBy", b.soldBy());
        row.put("created", utc(b.createdAt()));
        row.put("expires", utc(b.holdExpiresAt()));
        row.put("cur", b.currency().name());
        row.put("total", b.totalMinor());
        out.add(new GroupCommit.Statement(INSERT_BOOKING, row));
        int idx = 0;
        for (BookedPassenger p : b.passengers()) {
            Passenger x = p.passenger();
            Map<String, Object> pr = new java.util.HashMap<>();
            pr.put("id", UUID.fromString(b.id()));
            pr.put("idx", idx++);
            pr.put("name", x.name().strip());
            pr.put("dt", x.documentType().name());
            pr.put("dn", x.documentNumber().strip());
            pr.put("dk", x.documentKey());
            pr.put("nat", x.nationality());
            pr.put("dob", x.dateOfBirth());
            pr.put("exp", x.documentExpiry());
            pr.put("si", p.seatIndex());
            pr.put("car", p.car());
            pr.put("seat", p.seat());
            out.add(new GroupCommit.Statement(INSERT_PASSENGER, pr));
        }
        return out;
    }

    private static BookedPassenger passenger(ResultSet rs) throws SQLException {
        java.sql.Date expiry = rs.getDate("document_expiry");
        return new BookedPassenger(new Passenger(rs.getString("name"), DocumentType.valueOf(rs.getString("document_type")),
                rs.getString("document_number"), rs.getString("nationality"), rs.getDate("date_of_birth").toLocalDate(),
                expiry == null ? null : expiry.toLocalDate()), rs.getInt("seat_index"), rs.getInt("car"),
                rs.getString("seat"), rs.getString("ticket_number"));
    }

    private static Booking booking(ResultSet rs, List<BookedPassenger> passengers) throws SQLException {
        return new Booking(rs.getString("id"), rs.getString("train"), rs.getDate("service_date").toLocalDate(),
                rs.getString("from_code"), rs.getString("to_code"), rs.getInt("from_stop"), rs.getInt("to_stop"),
                SeatClass.valueOf(rs.getString("seat_class")), Status.valueOf(rs.getString("status")),
                rs.getString("owner"), rs.getString("sold_by"), instant(rs, "created_at"), instant(rs, "hold_expires_at"),
                Currency.valueOf(rs.getString("currency")), rs.getLong("total_minor"), instant(rs, "paid_at"),
                instant(rs, "cancelled_at"), (Long) rs.getObject("fee_minor"), (Long) rs.getObject("refund_minor"),
                passengers);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
