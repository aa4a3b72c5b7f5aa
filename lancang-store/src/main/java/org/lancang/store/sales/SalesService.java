package org.lancang.store.sales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.Conflict;
import org.lancang.errors.InvalidInput;
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
import org.lancang.store.sales.SalesRecords.ChangeRequest;
import org.lancang.store.sales.SalesRecords.Notification;
import org.lancang.store.sales.SalesRecords.WaitStatus;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.store.sales.SalesRecords.WaitlistRequest;
import org.lancang.store.sales.SalesRecords.ClassOffer;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import org.lancang.store.sales.SalesRecords.Status;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.fares.FareQuote;
import org.lancang.ticketing.fares.FareTable;
import org.lancang.ticketing.inventory.Allocation;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SalesService.class);
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(15);
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
    private final RunsInMemory runs;
    private final SalesLookups lookups;
    /** One generator per thread: booking ids stay unguessable without all buyers queueing on one generator. */
    private final ThreadLocal<java.security.SecureRandom> random = ThreadLocal.withInitial(java.security.SecureRandom::new);

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
        this.runs = new RunsInMemory(jdbi, timetable);
        this.lookups = new SalesLookups(jdbi);
    }

    /** The run's sales state in memory (loaded from the database the first time). */
    RunSales run(TrainPlan plan, LocalDate date) {
        return runs.run(plan, date);
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
            RunSales run = run(plan, date); // the day's times, under its speed restrictions
            List<String> stops = run.stops;
            int i = stops.indexOf(from.toUpperCase(java.util.Locale.ROOT));
            int j = stops.indexOf(to.toUpperCase(java.util.Locale.ROOT));
            if (i < 0 || j <= i) {
                continue;
            }
            Train train = run.train;
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

    // ---------------------------------------------------------------- checking a journey

    /** A journey asked for, checked against the timetable, the sales window, the documents and the fares. */
    private record Checked(TrainPlan plan, RunSales run, int from, int to, SeatClass seatClass, FareQuote fare,
                           Money total, List<Passenger> passengers, Currency currency) {
    }

    private Checked check(String train, LocalDate date, String fromCode, String toCode, SeatClass seatClass, int car,
                          List<Passenger> passengers, Currency currency, Instant now) {
        Validation v = new Validation();
        RunSales known = runs.loaded(train, date); // the common case under a rush: no look-up in the timetable
        TrainPlan plan = known != null ? known.plan : train == null ? null : timetable.plan(train).orElse(null);
        v.check(plan != null && plan.passenger(), "train", "'" + train + "' is not a passenger train of the timetable");
        v.check(date != null, "date", "is required");
        v.check(seatClass != null, "seatClass", "is required");
        v.check(currency != null, "currency", "is required: CNY or LAK");
        int count = passengers == null ? 0 : passengers.size();
        v.check(count >= 1 && count <= SeatInventory.MAX_GROUP, "passengers", "1 … 5 passengers per booking");
        v.check(car >= 0 && car <= 30, "car", "is not a car of the train");
        v.throwIfInvalid();
        if (!plan.calendar().runsOn(date)) {
            throw new InvalidInput("date", "train " + plan.number() + " does not run on " + date);
        }
        RunSales run = known != null ? known : run(plan, date);
        int from = run.stops.indexOf(fromCode == null ? "" : fromCode.toUpperCase(java.util.Locale.ROOT));
        int to = run.stops.indexOf(toCode == null ? "" : toCode.toUpperCase(java.util.Locale.ROOT));
        if (from < 0) {
            throw new InvalidInput("from", "train " + plan.number() + " does not call at '" + fromCode + "'");
        }
        if (to < 0) {
            throw new InvalidInput("to", "train " + plan.number() + " does not call at '" + toCode + "'");
        }
        if (to <= from) {
            throw new InvalidInput("to", "the destination must come after the origin on this train");
        }
        Point boarding = network.point(run.stops.get(from)).orElseThrow();
        window.check(plan.operator(), date, run.departures.get(from), boarding.timeZone(), now, "date");
        boolean crosses = boarding.country() != network.point(run.stops.get(to)).orElseThrow().country();
        Validation people = new Validation();
        LocalDate today = now.atZone(boarding.timeZone()).toLocalDate();
        for (int k = 0; k < count; k++) {
            Passenger.check(people, "passengers[" + k + "].", passengers.get(k), date, crosses, today);
        }
        people.throwIfInvalid();
        FareQuote fare = fares.quote(run.stops.get(from), run.stops.get(to), seatClass, currency)
                .orElseThrow(() -> new InvalidInput("seatClass", seatClass + " is not sold on this journey"));
        Money total = Money.zero(currency);
        for (int k = 0; k < count; k++) {
            total = total.plus(fare.total());
        }
        return new Checked(plan, run, from, to, seatClass, fare, total, List.copyOf(passengers), currency);
    }

    /**
     * Takes seats for the checked journey; the caller holds the run's lock. Refuses a document that already holds an
     * overlapping journey on the run; empty, and nothing taken, when the class is sold out for the journey.
     */
    private Optional<Booking> take(Checked c, SeatPreference preference, String owner, String soldBy, Instant now,
                                   boolean ticketed, String changedFrom) {
        RunSales run = c.run();
        for (int k = 0; k < c.passengers().size(); k++) {
            if (run.documentOverlaps(c.passengers().get(k).documentKey(), c.from(), c.to())) {
                throw new Conflict("passengers[" + k + "].documentNumber", "this document already holds a journey on "
                        + c.plan().number() + " on " + run.date + " that overlaps this one");
            }
        }
        Optional<Allocation> got = run.inventory.allocate(c.from(), c.to(), c.seatClass(), preference,
                c.passengers().size());
        if (got.isEmpty()) {
            return Optional.empty();
        }
        String id = newId();
        List<BookedPassenger> booked = new ArrayList<>();
        for (int k = 0; k < c.passengers().size(); k++) {
            Seat seat = got.get().seats().get(k);
            Passenger p = c.passengers().get(k);
            booked.add(new BookedPassenger(p, got.get().seatIndices().get(k), seat.car(), seat.number(),
                    ticketed ? ticketNumber(id, c.plan().number(), run.date, seat.car(), seat.number()) : null));
            run.addDocument(p.documentKey(), c.from(), c.to());
        }
        return Optional.of(new Booking(id, c.plan().number(), run.date, run.stops.get(c.from()), run.stops.get(c.to()),
                c.from(), c.to(), c.seatClass(), ticketed ? Status.TICKETED : Status.HELD, owner, soldBy, now,
                now.plus(holdTime), c.currency(), c.total().minor(), ticketed ? now : null, null, null, null,
                List.copyOf(booked), null, changedFrom, null));
    }

    private static Conflict soldOut(Checked c) {
        return new Conflict("seatClass", "sold out: no " + c.seatClass() + " seats left for " + c.run().stops.get(c.from())
                + "–" + c.run().stops.get(c.to()) + " on " + c.plan().number() + " (the waitlist is open)");
    }

    // ---------------------------------------------------------------- holds

    /** Holds seats for the passengers; committed before it returns. */
    public Booking hold(String owner, String soldBy, HoldRequest r) {
        try {
            return holdAsync(owner, soldBy, r).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Holds seats for the passengers: checked and taken now (bad input and a sold-out class are thrown at once), the
     * future completing only once the hold is committed. A server answers when it completes, without a thread
     * waiting for the disk meanwhile.
     */
    public java.util.concurrent.CompletableFuture<Booking> holdAsync(String owner, String soldBy, HoldRequest r) {
        Instant now = clock.instant();
        Checked c = check(r.train(), r.date(), r.from(), r.to(), r.seatClass(), r.car(), r.passengers(), r.currency(), now);
        RunSales run = c.run();
        Booking booking;
        run.lock.lock();
        try {
            booking = take(c, new SeatPreference(r.position(), r.car()), owner, soldBy, now, false, null)
                    .orElseThrow(() -> soldOut(c));
        } finally {
            run.lock.unlock();
        }
        // The seats are already taken in memory, so the run's lock need not wait for the disk: other buyers of the run
        // go on while this hold is committed (with theirs, in one group commit). It is acknowledged only once durable.
        return commits.submit(SalesRows.insert(booking)).handle((done, failure) -> {
            if (failure != null) {
                giveBack(run, booking, now);
                throw failure instanceof java.util.concurrent.CompletionException ce ? ce
                        : new java.util.concurrent.CompletionException(failure);
            }
            return booking;
        });
    }

    // ---------------------------------------------------------------- payment and tickets

    /** Pays a held booking (idempotent on the key) and issues its tickets. */
    public Booking pay(String bookingId, String caller, boolean agent, String idempotencyKey) {
        checkKey(idempotencyKey);
        Booking b = find(bookingId, caller, agent);
        if (b.status() == Status.TICKETED && idempotencyKey.equals(lookups.paymentKey(b.id()))) {
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
        if (receipt == null) {
            throw new IllegalStateException("the payment provider returned no receipt");
        }
        commits.commit(h -> {
            int updated = h.createUpdate("UPDATE booking SET status = 'TICKETED', paid_at = :now, payment_key = :k"
                            + " WHERE id = :id AND status = 'HELD'")
                    .bind("now", utc(now)).bind("k", idempotencyKey).bind("id", UUID.fromString(b.id())).execute();
            if (updated == 0) {
                throw new Conflict("status", "booking is no longer HELD");
            }
            for (BookedPassenger p : b.passengers()) {
                h.createUpdate("UPDATE booking_passenger SET ticket_number = :t WHERE booking_id = :id AND seat_index = :s")
                        .bind("t", ticketNumber(b.id(), b.train(), b.date(), p.car(), p.seat()))
                        .bind("id", UUID.fromString(b.id())).bind("s", p.seatIndex()).execute();
            }
            settleOffer(h, b.id(), WaitStatus.FULFILLED);
        });
        return find(bookingId, caller, agent);
    }

    /** A random (version 4) UUID. */
    private String newId() {
        java.security.SecureRandom r = random.get();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private static void checkKey(String idempotencyKey) {
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9._:-]{8,80}")) {
            throw new InvalidInput("idempotencyKey", "8–80 letters, digits or . _ : - (the same key for every retry)");
        }
    }

    private static String ticketNumber(String bookingId, String train, LocalDate date, int car, String seat) {
        String id = bookingId.replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return train + "-" + date.toString().replace("-", "") + "-" + String.format("%02d", car) + seat + "-"
                + id.substring(0, 6);
    }

    // ---------------------------------------------------------------- changes

    /**
     * Moves a live booking to another train or date (same journey; class and seat preference may change) as one
     * exchange: the new seats are taken first, and the old ones are given back only once the new booking is committed.
     * A ticket stays a ticket: a dearer fare charges the difference (idempotent on the key), a cheaper one refunds the
     * difference less the refund fee for the time before the old train's departure. A hold becomes a new hold.
     */
    public Booking change(String bookingId, String caller, boolean agent, ChangeRequest r) {
        checkKey(r.idempotencyKey());
        Booking old = find(bookingId, caller, agent);
        if (old.status() == Status.CHANGED && r.idempotencyKey().equals(lookups.changeKey(old.id()))) {
            return find(old.changedTo(), caller, agent); // a retry of this change
        }
        if (!old.live()) {
            throw new Conflict("status", "booking is " + old.status() + "; only a held or ticketed booking can be changed");
        }
        Instant now = clock.instant();
        TrainPlan oldPlan = timetable.requirePlan(old.train(), "train");
        RunSales oldRun = run(oldPlan, old.date());
        Duration beforeOld = Duration.between(now, oldRun.departures.get(old.fromStop()));
        if (beforeOld.isNegative() || beforeOld.isZero()) {
            throw new Conflict("status", old.train() + " has left " + old.from() + "; the booking can no longer be changed");
        }
        String train = r.train() == null || r.train().isBlank() ? old.train() : r.train().strip().toUpperCase(java.util.Locale.ROOT);
        LocalDate date = r.date() == null ? old.date() : r.date();
        SeatClass seatClass = r.seatClass() == null ? old.seatClass() : r.seatClass();
        if (train.equals(old.train()) && date.equals(old.date()) && seatClass == old.seatClass()) {
            throw new InvalidInput("train", "a change needs another train, date or class");
        }
        List<Passenger> people = old.passengers().stream().map(BookedPassenger::passenger).toList();
        Checked c = check(train, date, old.from(), old.to(), seatClass, r.car(), people, old.currency(), now);
        boolean ticketed = old.status() == Status.TICKETED;
        Booking replacement;
        List<RunSales> locked = lockInOrder(oldRun, c.run());
        try {
            // The old journey's documents step aside so that the new one may overlap it (a later train, same day).
            for (BookedPassenger p : old.passengers()) {
                oldRun.removeDocument(p.passenger().documentKey(), old.fromStop(), old.toStop());
            }
            Optional<Booking> taken;
            try {
                taken = take(c, new SeatPreference(r.position(), r.car()), old.owner(), old.soldBy(), now, ticketed,
                        old.id());
            } catch (RuntimeException e) {
                restoreDocuments(oldRun, old);
                throw e;
            }
            if (taken.isEmpty()) {
                restoreDocuments(oldRun, old);
                throw soldOut(c);
            }
            replacement = taken.get();
        } finally {
            locked.forEach(run -> run.lock.unlock());
        }
        long difference = 0;
        try {
            if (ticketed) {
                long more = replacement.totalMinor() - old.totalMinor();
                if (more > 0) {
                    payments.charge("change:" + r.idempotencyKey(), new Money(more, old.currency()), "Lancang change "
                            + old.train() + " " + old.date() + " to " + replacement.train() + " " + replacement.date());
                    difference = more;
                } else if (more < 0) {
                    Money back = new Money(-more, old.currency());
                    difference = -back.minus(back.percent(refunds.feePercent(oldPlan.operator(), beforeOld))).minor();
                }
            }
            long recorded = difference;
            Booking written = replacement;
            commits.commit(h -> {
                GroupCommit.execute(h, SalesRows.insert(written));
                int updated = h.createUpdate("UPDATE booking SET status = 'CHANGED', changed_to = :to, change_key = :k,"
                                + " change_difference_minor = :d, cancelled_at = :now WHERE id = :id"
                                + " AND status IN ('HELD', 'TICKETED')")
                        .bind("to", UUID.fromString(written.id())).bind("k", r.idempotencyKey())
                        .bind("d", ticketed ? recorded : null).bind("now", utc(now))
                        .bind("id", UUID.fromString(old.id())).execute();
                if (updated == 0) {
                    throw new Conflict("status", "booking changed meanwhile");
                }
                settleOffer(h, old.id(), WaitStatus.FULFILLED);
            });
        } catch (RuntimeException e) {
            RunSales newRun = c.run();
            newRun.lock.lock();
            try {
                release(newRun, replacement);
            } finally {
                newRun.lock.unlock();
            }
            oldRun.lock.lock();
            try {
                if (load(old.id()).map(Booking::live).orElse(false)) {
                    restoreDocuments(oldRun, old); // still the passengers' journey (not cancelled meanwhile)
                }
            } finally {
                oldRun.lock.unlock();
            }
            throw e;
        }
        oldRun.lock.lock();
        try {
            for (BookedPassenger p : old.passengers()) {
                oldRun.inventory.release(p.seatIndex(), old.fromStop(), old.toStop());
            }
            serveWaitlist(oldRun, now);
        } finally {
            oldRun.lock.unlock();
        }
        return find(replacement.id(), caller, agent);
    }

    private static void restoreDocuments(RunSales run, Booking b) {
        for (BookedPassenger p : b.passengers()) {
            run.addDocument(p.passenger().documentKey(), b.fromStop(), b.toStop());
        }
    }

    /** Locks two runs (or one) in a fixed order, so that two changes in opposite directions cannot deadlock. */
    private static List<RunSales> lockInOrder(RunSales a, RunSales b) {
        List<RunSales> order = a == b ? List.of(a) : a.key().compareTo(b.key()) < 0 ? List.of(a, b) : List.of(b, a);
        order.forEach(run -> run.lock.lock());
        return order;
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
                settleOffer(h, b.id(), WaitStatus.CANCELLED);
            });
            release(run, b);
            serveWaitlist(run, now);
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

    /** Releases every hold whose time is up, and closes waitlist entries whose train has left; returns the holds. */
    public int expireHolds() {
        Instant now = clock.instant();
        List<String> due = jdbi.withHandle(h -> h.createQuery("SELECT id FROM booking WHERE status = 'HELD'"
                + " AND hold_expires_at <= :now").bind("now", utc(now)).mapTo(String.class).list());
        int n = 0;
        for (String id : due) {
            Booking b = load(id).orElse(null);
            if (b != null && b.status() == Status.HELD) {
                expire(b);
                n++;
            }
        }
        commits.commit(h -> h.createUpdate("UPDATE waitlist_entry SET status = 'EXPIRED' WHERE status = 'WAITING'"
                + " AND departs_at <= :now").bind("now", utc(now)).execute());
        return n;
    }

    private void expire(Booking b) {
        RunSales run = run(timetable.requirePlan(b.train(), "train"), b.date());
        run.lock.lock();
        try {
            int[] updated = new int[1];
            commits.commit(h -> {
                updated[0] = h.createUpdate("UPDATE booking SET status = 'EXPIRED' WHERE id = :id AND status = 'HELD'")
                        .bind("id", UUID.fromString(b.id())).execute();
                settleOffer(h, b.id(), WaitStatus.EXPIRED);
            });
            if (updated[0] == 1) {
                release(run, b);
                serveWaitlist(run, clock.instant());
            }
        } finally {
            run.lock.unlock();
        }
    }

    /** Gives back the seats of a booking that was never acknowledged (its commit failed). */
    private void giveBack(RunSales run, Booking b, Instant now) {
        run.lock.lock();
        try {
            release(run, b);
            serveWaitlist(run, now);
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

    // ---------------------------------------------------------------- waitlist

    /**
     * Puts passengers on the waitlist of a class that is sold out for their journey. Seats given back on the run go to
     * the waitlist in the order its entries joined, as a hold the passenger is told about and can pay.
     */
    public WaitlistEntry joinWaitlist(String owner, WaitlistRequest r) {
        Instant now = clock.instant();
        Checked c = check(r.train(), r.date(), r.from(), r.to(), r.seatClass(), 0, r.passengers(), r.currency(), now);
        RunSales run = c.run();
        WaitlistEntry entry;
        run.lock.lock();
        try {
            if (run.inventory.availability(c.from(), c.to(), c.seatClass()) >= c.passengers().size()) {
                throw new Conflict("seatClass", "seats are still on sale for this journey: book them instead");
            }
            for (int k = 0; k < c.passengers().size(); k++) {
                if (run.documentOverlaps(c.passengers().get(k).documentKey(), c.from(), c.to())) {
                    throw new Conflict("passengers[" + k + "].documentNumber", "this document already holds a journey"
                            + " on " + c.plan().number() + " on " + run.date + " that overlaps this one");
                }
            }
            entry = new WaitlistEntry(newId(), c.plan().number(), run.date,
                    run.stops.get(c.from()), run.stops.get(c.to()), c.from(), c.to(), c.seatClass(), c.currency(), owner,
                    now, run.departures.get(c.from()), WaitStatus.WAITING, null, null, 0, c.passengers());
            commits.commit(SalesRows.insert(entry)); // under the lock: the queue's order is the order of commits
            run.waiting++;
        } finally {
            run.lock.unlock();
        }
        return waitlistEntry(entry.id(), owner, false);
    }

    /** Leaves the waitlist (only while waiting: an offered hold is cancelled as a booking). */
    public WaitlistEntry cancelWaitlist(String entryId, String caller, boolean agent) {
        WaitlistEntry e = waitlistEntry(entryId, caller, agent);
        if (e.status() != WaitStatus.WAITING) {
            throw new Conflict("status", "the entry is " + e.status() + (e.status() == WaitStatus.OFFERED
                    ? "; cancel its booking " + e.bookingId() + " instead" : ""));
        }
        RunSales run = run(timetable.requirePlan(e.train(), "train"), e.date());
        run.lock.lock();
        try {
            int[] updated = new int[1];
            commits.commit(h -> updated[0] = h.createUpdate("UPDATE waitlist_entry SET status = 'CANCELLED'"
                    + " WHERE id = :id AND status = 'WAITING'").bind("id", UUID.fromString(e.id())).execute());
            if (updated[0] == 0) {
                throw new Conflict("status", "the entry was offered a seat meanwhile");
            }
            run.waiting = Math.max(0, run.waiting - 1);
        } finally {
            run.lock.unlock();
        }
        return waitlistEntry(entryId, caller, agent);
    }

    /**
     * Offers seats just given back on the run to its waitlist, in the order the entries joined; an entry that cannot be
     * seated (its journey still full) keeps its place. The caller holds the run's lock. The holds, the offers and the
     * notifications are committed together.
     */
    private void serveWaitlist(RunSales run, Instant now) {
        if (run.waiting == 0) {
            return;
        }
        List<WaitlistEntry> waiting = jdbi.withHandle(h -> h.createQuery("SELECT e.*, 0 AS ahead FROM waitlist_entry e"
                        + " WHERE train = :t AND service_date = :d AND status = 'WAITING' ORDER BY seq")
                .bind("t", run.train.number()).bind("d", run.date).map((rs, ctx) -> SalesRows.entry(rs, 0, List.of()))
                .list());
        List<GroupCommit.Statement> writes = new ArrayList<>();
        List<Booking> offered = new ArrayList<>();
        int left = 0;
        for (WaitlistEntry e : waiting) {
            if (!now.isBefore(e.departsAt())) {
                continue; // closed by the expiry job
            }
            if (run.inventory.availability(e.fromStop(), e.toStop(), e.seatClass()) == 0) {
                left++;
                continue;
            }
            WaitlistEntry full = waitlistEntry(e.id(), e.owner(), false);
            TrainPlan plan = timetable.requirePlan(e.train(), "train");
            FareQuote fare = fares.quote(e.from(), e.to(), e.seatClass(), e.currency()).orElse(null);
            Optional<Booking> hold = Optional.empty();
            if (fare != null) {
                Money total = Money.zero(e.currency());
                for (int k = 0; k < full.passengers().size(); k++) {
                    total = total.plus(fare.total());
                }
                Checked c = new Checked(plan, run, e.fromStop(), e.toStop(), e.seatClass(), fare, total,
                        full.passengers(), e.currency());
                try {
                    hold = take(c, SeatPreference.ANY, e.owner(), e.owner(), now, false, null);
                } catch (Conflict documentBusy) {
                    hold = Optional.empty(); // the passenger travels on this run already: the entry waits on
                }
            }
            if (hold.isEmpty()) {
                left++;
                continue;
            }
            offered.add(hold.get());
            writes.addAll(SalesRows.insert(hold.get()));
            writes.addAll(SalesRows.offer(e, hold.get(), now, "A seat on " + e.train() + " on " + e.date() + " from "
                    + e.from() + " to " + e.to() + " (" + e.seatClass() + ") is held for you until "
                    + hold.get().holdExpiresAt() + ": pay before then to keep it."));
        }
        if (!writes.isEmpty()) {
            try {
                commits.commit(writes);
            } catch (RuntimeException e) {
                offered.forEach(b -> release(run, b));
                left = waiting.size();
                LOG.warn("offering waitlisted seats on {} {} failed; they stay on sale", run.train.number(), run.date, e);
            }
        }
        run.waiting = left;
    }

    /** A waitlist entry whose hold leaves HELD follows it: paid → FULFILLED, expired → EXPIRED, cancelled. */
    private static void settleOffer(org.jdbi.v3.core.Handle h, String bookingId, WaitStatus status) {
        h.createUpdate("UPDATE waitlist_entry SET status = :s WHERE booking_id = :b AND status = 'OFFERED'")
                .bind("s", status.name()).bind("b", UUID.fromString(bookingId)).execute();
    }

    // ---------------------------------------------------------------- lookups

    /** A booking its owner (or an agent) may see. */
    public Booking find(String bookingId, String caller, boolean agent) {
        return lookups.find(bookingId, caller, agent);
    }

    public List<Booking> bookingsOf(String owner) {
        return lookups.bookingsOf(owner);
    }

    /** Agents find bookings by ticket number or travel document number. */
    public List<Booking> search(String ticketOrDocument) {
        return lookups.search(ticketOrDocument);
    }

    /** A passenger's waitlist entries, newest first. */
    public List<WaitlistEntry> waitlistOf(String owner) {
        return lookups.waitlistOf(owner);
    }

    /** One waitlist entry its owner (or an agent) may see. */
    public WaitlistEntry waitlistEntry(String entryId, String caller, boolean agent) {
        return lookups.waitlistEntry(entryId, caller, agent);
    }

    /** What a passenger has been told, newest first. */
    public List<Notification> notificationsOf(String owner) {
        return lookups.notificationsOf(owner);
    }

    private Optional<Booking> load(String id) {
        return lookups.load(id);
    }

    private static OffsetDateTime utc(Instant t) {
        return SalesRows.utc(t);
    }
}
