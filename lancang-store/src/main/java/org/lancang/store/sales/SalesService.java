package org.lancang.store.sales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.Clash;
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
import org.lancang.store.sales.SalesRecords.ClassOffer;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import org.lancang.store.sales.SalesRecords.Notification;
import org.lancang.store.sales.SalesRecords.Status;
import org.lancang.store.sales.SalesRecords.WaitStatus;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.store.sales.SalesRecords.WaitlistRequest;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.fares.FareQuote;
import org.lancang.ticketing.fares.FareTable;
import org.lancang.ticketing.inventory.SeatPreference;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;

/**
 * Selling seats: journeys with availability and fares, holds, payment, tickets, cancellation with refund. Each run's
 * seats live in memory (rebuilt from the database on first use); every change is made under the run's lock and is
 * committed (group commit) before it is acknowledged, so a crash loses nothing that was acknowledged.
 */
public final class SalesService {
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(15);
    private static final Set<SeatClass> SOLD_CLASSES =
            EnumSet.of(SeatClass.FIRST, SeatClass.SECOND, SeatClass.HARD_SEAT);

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
    private final SeatDesk desk;
    private final Exchanges exchanges;
    private final Waitlists waitlists;
    private final FeeWaivers waivers;

    public SalesService(
            Jdbi jdbi,
            GroupCommit commits,
            TimetableService timetable,
            FareTable fares,
            SalesWindow window,
            RefundRules refunds,
            PaymentProvider payments,
            Clock clock,
            Duration holdTime) {
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
        this.desk = new SeatDesk(commits, timetable, fares, window, holdTime, runs, lookups, clock);
        this.waivers = new FeeWaivers(jdbi);
        this.exchanges = new Exchanges(desk, commits, timetable, refunds, waivers, payments, clock);
        this.waitlists = new Waitlists(desk, commits, timetable, clock);
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
        for (TrainPlan plan : timetable.plans(date)) { // the day's, with the published changes
            if (!plan.passenger() || !plan.calendar().runsOn(date)) {
                continue;
            }
            RunSales run = run(plan, date); // the day's times, under its speed restrictions
            List<String> stops = run.stops;
            int i = stops.indexOf(from.toUpperCase(Locale.ROOT));
            int j = stops.indexOf(to.toUpperCase(Locale.ROOT));
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
            out.add(new JourneyOption(
                    plan.number(),
                    plan.operator().name(),
                    plan.trainType(),
                    a.code(),
                    b.code(),
                    dep.atZone(a.timeZone()).toOffsetDateTime(),
                    arr.atZone(b.timeZone()).toOffsetDateTime(),
                    Duration.between(dep, arr).toMinutes(),
                    a.country() != b.country(),
                    window.onSale(plan.operator(), date, dep, a.timeZone(), clock.instant()),
                    classes));
        }
        out.sort(Comparator.comparing(JourneyOption::departure));
        return out;
    }

    private static List<SeatClass> classesOf(TrainType type) {
        return type.seats().stream()
                .map(Seat::seatClass)
                .distinct()
                .filter(SOLD_CLASSES::contains)
                .sorted()
                .toList();
    }

    // ---------------------------------------------------------------- holds

    /** Holds seats for the passengers; committed before it returns. */
    public Booking hold(String owner, String soldBy, HoldRequest r) {
        return GroupCommit.await(holdAsync(owner, soldBy, r));
    }

    /**
     * Holds seats for the passengers: checked and taken now (bad input and a sold-out class are thrown at once), the
     * future completing only once the hold is committed. A server answers when it completes, without a thread
     * waiting for the disk meanwhile.
     */
    public CompletableFuture<Booking> holdAsync(String owner, String soldBy, HoldRequest r) {
        Instant now = clock.instant();
        SeatDesk.Checked c = desk.check(
                r.train(), r.date(), r.from(), r.to(), r.seatClass(), r.car(), r.passengers(), r.currency(), now);
        RunSales run = c.run();
        Booking booking;
        run.lock.lock();
        try {
            booking = desk.take(c, new SeatPreference(r.position(), r.car()), owner, soldBy, now, false, null)
                    .orElseThrow(() -> desk.soldOut(c));
        } finally {
            run.lock.unlock();
        }
        // The seats are already taken in memory, so the run's lock need not wait for the disk: other buyers of the run
        // go on while this hold is committed (with theirs, in one group commit). It is acknowledged only once durable.
        return commits.submit(SalesRows.insert(booking)).handle((done, failure) -> {
            if (failure != null) {
                desk.giveBack(run, booking, now);
                throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
            }
            return booking;
        });
    }

    // ---------------------------------------------------------------- payment and tickets

    /** Pays a held booking (idempotent on the key) and issues its tickets. */
    public Booking pay(String bookingId, String caller, boolean agent, String idempotencyKey) {
        desk.checkKey(idempotencyKey);
        Booking b = find(bookingId, caller, agent);
        if (b.status() == Status.TICKETED && idempotencyKey.equals(lookups.paymentKey(b.id()))) {
            return b; // a retry: already paid with this key
        }
        if (b.status() != Status.HELD) {
            throw new Clash("status", "booking is " + b.status() + ", not HELD");
        }
        Instant now = clock.instant();
        if (!now.isBefore(b.holdExpiresAt())) {
            expire(b);
            throw new Clash("status", "the hold expired at " + b.holdExpiresAt());
        }
        PaymentProvider.Receipt receipt = payments.charge(
                idempotencyKey,
                new Money(b.totalMinor(), b.currency()),
                "Lancang " + b.train() + " " + b.date() + " " + b.from() + "-" + b.to());
        if (receipt == null) {
            throw new IllegalStateException("the payment provider returned no receipt");
        }
        commits.commit(h -> {
            int updated = h.createUpdate("UPDATE booking SET status = 'TICKETED', paid_at = :now, payment_key = :k"
                            + " WHERE id = :id AND status = 'HELD'")
                    .bind("now", utc(now))
                    .bind("k", idempotencyKey)
                    .bind("id", UUID.fromString(b.id()))
                    .execute();
            if (updated == 0) {
                throw new Clash("status", "booking is no longer HELD");
            }
            for (BookedPassenger p : b.passengers()) {
                h.createUpdate(
                                "UPDATE booking_passenger SET ticket_number = :t WHERE booking_id = :id AND seat_index = :s")
                        .bind("t", desk.ticketNumber(b.id(), b.train(), b.date(), p.car(), p.seat()))
                        .bind("id", UUID.fromString(b.id()))
                        .bind("s", p.seatIndex())
                        .execute();
            }
            desk.settleOffer(h, b.id(), WaitStatus.FULFILLED);
        });
        return find(bookingId, caller, agent);
    }

    // ---------------------------------------------------------------- changes and waitlist

    /**
     * Moves a live booking to another train or date (same journey; class and seat preference may change) as one
     * exchange: see {@link Exchanges}.
     */
    public Booking change(String bookingId, String caller, boolean agent, ChangeRequest r) {
        return exchanges.change(bookingId, caller, agent, r);
    }

    /** Puts passengers on the waitlist of a class sold out for their journey: see {@link Waitlists}. */
    public WaitlistEntry joinWaitlist(String owner, WaitlistRequest r) {
        return waitlists.joinWaitlist(owner, r);
    }

    /** Leaves the waitlist (only while waiting: an offered hold is cancelled as a booking). */
    public WaitlistEntry cancelWaitlist(String entryId, String caller, boolean agent) {
        return waitlists.cancelWaitlist(entryId, caller, agent);
    }

    // ---------------------------------------------------------------- cancel, refund, expiry

    /** Cancels a booking: a hold is simply released; a ticket is refunded less the fee for the time before departure. */
    public Booking cancel(String bookingId, String caller, boolean agent) {
        Booking b = find(bookingId, caller, agent);
        if (!b.live()) {
            throw new Clash("status", "booking is already " + b.status());
        }
        TrainPlan plan = timetable.requirePlan(b.train(), b.date(), "train");
        RunSales run = run(plan, b.date());
        Instant now = clock.instant();
        Money[] quote = refund(b, plan, run, now);
        Money fee = quote[1];
        Money refund = quote[2];
        run.lock.lock();
        try {
            commits.commit(h -> {
                int updated = h.createUpdate(
                                "UPDATE booking SET status = 'CANCELLED', cancelled_at = :now, fee_minor = :f,"
                                        + " refund_minor = :r WHERE id = :id AND status IN ('HELD', 'TICKETED')")
                        .bind("now", utc(now))
                        .bind("f", fee.minor())
                        .bind("r", refund.minor())
                        .bind("id", UUID.fromString(b.id()))
                        .execute();
                if (updated == 0) {
                    throw new Clash("status", "booking changed meanwhile");
                }
                desk.settleOffer(h, b.id(), WaitStatus.CANCELLED);
            });
            desk.release(run, b);
            desk.serveWaitlist(run, now);
        } finally {
            run.lock.unlock();
        }
        return find(bookingId, caller, agent);
    }

    /** What cancelling would refund now, without cancelling. */
    public Money[] refundQuote(String bookingId, String caller, boolean agent) {
        Booking b = find(bookingId, caller, agent);
        TrainPlan plan = timetable.requirePlan(b.train(), b.date(), "train");
        return refund(b, plan, run(plan, b.date()), clock.instant());
    }

    /** Paid, fee and refund if the booking were cancelled at {@code now}: a hold was not paid, so it costs nothing. */
    private Money[] refund(Booking b, TrainPlan plan, RunSales run, Instant now) {
        boolean ticketed = b.status() == Status.TICKETED;
        Duration before = Duration.between(now, run.departures.get(b.fromStop()));
        Money paid = new Money(ticketed ? b.totalMinor() : 0, b.currency());
        boolean waived = ticketed && waivers.waived(b.id()); // its train cancelled or moved by a timetable change
        Money fee = paid.percent(ticketed && !waived ? refunds.feePercent(plan.operator(), before) : 0);
        return new Money[] {paid, fee, paid.minus(fee)};
    }

    /** Releases every hold whose time is up, and closes waitlist entries whose train has left; returns the holds. */
    public int expireHolds() {
        Instant now = clock.instant();
        List<String> due = jdbi.withHandle(
                h -> h.createQuery("SELECT id FROM booking WHERE status = 'HELD'" + " AND hold_expires_at <= :now")
                        .bind("now", utc(now))
                        .mapTo(String.class)
                        .list());
        int n = 0;
        for (String id : due) {
            Booking b = load(id).orElse(null);
            if (b != null && b.status() == Status.HELD) {
                expire(b);
                n++;
            }
        }
        commits.commit(h -> h.createUpdate("UPDATE waitlist_entry SET status = 'EXPIRED' WHERE status = 'WAITING'"
                        + " AND departs_at <= :now")
                .bind("now", utc(now))
                .execute());
        return n;
    }

    private void expire(Booking b) {
        RunSales run = run(timetable.requirePlan(b.train(), b.date(), "train"), b.date());
        run.lock.lock();
        try {
            int[] updated = new int[1];
            commits.commit(h -> {
                updated[0] = h.createUpdate("UPDATE booking SET status = 'EXPIRED' WHERE id = :id AND status = 'HELD'")
                        .bind("id", UUID.fromString(b.id()))
                        .execute();
                desk.settleOffer(h, b.id(), WaitStatus.EXPIRED);
            });
            if (updated[0] == 1) {
                desk.release(run, b);
                desk.serveWaitlist(run, clock.instant());
            }
        } finally {
            run.lock.unlock();
        }
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
