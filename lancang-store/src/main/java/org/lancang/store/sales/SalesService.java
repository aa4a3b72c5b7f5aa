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
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.money.Currencies;
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
import org.lancang.store.sales.SalesRecords.CategoryFare;
import org.lancang.store.sales.SalesRecords.ChangeRequest;
import org.lancang.store.sales.SalesRecords.ClassOffer;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import org.lancang.store.sales.SalesRecords.JourneyTimes;
import org.lancang.store.sales.SalesRecords.Notification;
import org.lancang.store.sales.SalesRecords.PaymentPurpose;
import org.lancang.store.sales.SalesRecords.WaitStatus;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.store.sales.SalesRecords.WaitlistRequest;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.JourneyDocuments;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.TravelDocuments;
import org.lancang.ticketing.fares.AgeFare;
import org.lancang.ticketing.fares.Berth;
import org.lancang.ticketing.fares.FareCategory;
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
    /** How long a request waits for a twin request with the same idempotency key to finish. */
    private static final Duration TWIN_PATIENCE = Duration.ofSeconds(10);

    private static final Set<SeatClass> SOLD_CLASSES =
            EnumSet.of(SeatClass.FIRST, SeatClass.SECOND, SeatClass.HARD_SEAT, SeatClass.HARD_SLEEPER);

    private final Jdbi jdbi;
    private final GroupCommit commits;
    private final TimetableService timetable;
    private final Network network;
    private final FareTable fares;
    private final TravelDocuments documents;
    private final SalesWindow window;
    private final RefundRules refunds;
    private final Clock clock;
    private final Duration holdTime;
    private final RunsInMemory runs;
    private final SalesLookups lookups;
    private final SeatDesk desk;
    private final Exchanges exchanges;
    private final Waitlists waitlists;
    private final Payments payments;
    private final FeeWaivers waivers;

    public SalesService(
            Jdbi jdbi,
            GroupCommit commits,
            TimetableService timetable,
            FareTable fares,
            TravelDocuments documents,
            SalesWindow window,
            RefundRules refunds,
            PaymentProvider payments,
            Clock clock,
            Duration holdTime) {
        this(jdbi, commits, timetable, fares, documents, window, refunds, payments, clock, holdTime, true);
    }

    /**
     * @param crossBorderQuota whether a run across a border sells a quota of its seats to cross-border journeys alone
     *                         (the reference's rule for the home network's D887/D888; none is published for another
     *                         network's trains, which sell every seat to any journey)
     */
    private SalesService(
            Jdbi jdbi,
            GroupCommit commits,
            TimetableService timetable,
            FareTable fares,
            TravelDocuments documents,
            SalesWindow window,
            RefundRules refunds,
            PaymentProvider payments,
            Clock clock,
            Duration holdTime,
            boolean crossBorderQuota) {
        this.jdbi = jdbi;
        this.commits = commits;
        this.timetable = timetable;
        this.network = timetable.planner().network();
        this.fares = fares;
        this.documents = documents;
        this.window = window;
        this.refunds = refunds;
        this.clock = clock;
        this.holdTime = holdTime;
        this.runs = new RunsInMemory(jdbi, timetable, clock, crossBorderQuota);
        this.lookups = new SalesLookups(jdbi, fares.currencies());
        this.desk = new SeatDesk(
                commits,
                timetable,
                fares,
                documents,
                window,
                holdTime,
                runs,
                lookups,
                new ReferenceNumbers(jdbi),
                clock);
        this.payments = new Payments(jdbi, payments, clock, fares.currencies());
        this.waivers = new FeeWaivers(jdbi);
        this.exchanges = new Exchanges(desk, commits, timetable, refunds, waivers, this.payments, clock);
        this.waitlists = new Waitlists(desk, commits, timetable, clock);
    }

    /**
     * The sales of another network's trains, through the same code: its own timetable, fares, travel documents and
     * sales window (so its own seats, runs and waitlists), the same database, group commit, refund rules, payment
     * provider and hold time.
     */
    public SalesService forNetwork(
            TimetableService itsTimetable, FareTable itsFares, TravelDocuments itsDocuments, SalesWindow itsWindow) {
        return new SalesService(
                jdbi,
                commits,
                itsTimetable,
                itsFares,
                itsDocuments,
                itsWindow,
                refunds,
                payments.provider(),
                clock,
                holdTime,
                false);
    }

    /** The travel documents this network's trains take (its {@value TravelDocuments#FILE}, or the fallback). */
    public TravelDocuments documents() {
        return documents;
    }

    /** The network whose trains this service sells. */
    public Network network() {
        return network;
    }

    /** Whether the train is one of this network's timetable (its number names one train across networks). */
    public boolean sells(String train) {
        return train != null && timetable.plan(train).isPresent();
    }

    /** The run's sales state in memory (loaded from the database the first time). */
    RunSales run(TrainPlan plan, LocalDate date) {
        return runs.run(plan, date);
    }

    // ---------------------------------------------------------------- journeys

    /**
     * The travel documents a journey from {@code from} to {@code to} takes, along the network's shortest way between
     * them (the countries it runs in, the borders it crosses): what a booking of that journey is checked against.
     *
     * @throws InvalidInput naming {@code from} or {@code to}: a station the network lacks, the same station twice, no
     *                      single way between them
     */
    public JourneyDocuments documents(String from, String to) {
        Validation v = new Validation();
        v.check(
                network.point(from).isPresent(),
                "from",
                "'" + from + "' is not a station of the network " + network.code(),
                "station-unknown");
        v.check(
                network.point(to).isPresent(),
                "to",
                "'" + to + "' is not a station of the network " + network.code(),
                "station-unknown");
        v.check(from == null || !from.equalsIgnoreCase(to), "to", "must differ from from", "same-stations");
        v.throwIfInvalid();
        List<String> way;
        try {
            way = network.routes().between(from, to, List.of()).pointCodes();
        } catch (InvalidInput e) {
            throw new InvalidInput("to", "no single way from " + from + " to " + to + ": " + e.getMessage());
        }
        return documents.forJourney(
                network,
                way.stream().map(code -> network.point(code).orElseThrow()).toList());
    }

    /**
     * The child and infant fares of a class on the train, by the age bands of the operator of the journey's first part:
     * priced as a booking prices them (the train's way and supplements, a sleeper as a lower berth).
     */
    private List<CategoryFare> reducedFares(
            FareQuote full, String from, String to, SeatClass cls, TrainPlan plan, Currency currency, LocalDate date) {
        List<CategoryFare> out = new ArrayList<>();
        Berth berth = Berth.sleeper(cls) ? Berth.LOWER : null;
        for (FareCategory category : List.of(FareCategory.CHILD, FareCategory.INFANT)) {
            fares.ageFares()
                    .band(full.parts().get(0).operator(), category)
                    .ifPresent(band -> fares.quote(
                                    from, to, cls, plan, berth, currency, date.minusYears(band.minAge()), date)
                            .ifPresent(f -> out.add(new CategoryFare(
                                    category,
                                    band.minAge(),
                                    band.maxAge(),
                                    f.quote().total()))));
        }
        // free on a lap where every operator of the journey carries one: the youngest upper age of them all
        List<Optional<AgeFare>> laps = fares.ageFares().lapBands(full);
        if (laps.stream().allMatch(Optional::isPresent)) {
            int minAge = laps.stream().mapToInt(b -> b.get().minAge()).max().orElseThrow();
            int maxAge = laps.stream().mapToInt(b -> b.get().maxAge()).min().orElseThrow();
            out.add(new CategoryFare(FareCategory.LAP_INFANT, minAge, maxAge, Money.zero(currency)));
        }
        return out;
    }

    /** Every passenger train calling at {@code from} and later at {@code to} on the date, with seats and fares. */
    public List<JourneyOption> journeys(String from, String to, LocalDate date, Currency currency) {
        Validation v = new Validation();
        v.check(
                network.point(from).isPresent(),
                "from",
                "'" + from + "' is not a station of the line",
                "station-unknown");
        v.check(network.point(to).isPresent(), "to", "'" + to + "' is not a station of the line", "station-unknown");
        v.check(from == null || !from.equalsIgnoreCase(to), "to", "must differ from from", "same-stations");
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
                Optional<FareQuote> fare = desk.quote(stops.get(i), stops.get(j), cls, plan, currency);
                if (fare.isPresent()) {
                    int available = 0;
                    boolean kept = false;
                    run.lock.lock();
                    try {
                        if (run.suspended() == null) {
                            available = run.inventory.availability(i, j, cls);
                            kept = available == 0 && freeInAnyCar(run, i, j, cls);
                        }
                    } finally {
                        run.lock.unlock();
                    }
                    classes.add(new ClassOffer(
                            cls,
                            available,
                            fare.get(),
                            kept,
                            reducedFares(fare.get(), stops.get(i), stops.get(j), cls, plan, currency, date)));
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
                    run.suspended() == null && window.onSale(plan.operator(), date, dep, a.timeZone(), clock.instant()),
                    classes));
        }
        out.sort(Comparator.comparing(JourneyOption::departure));
        return out;
    }

    /**
     * Whether a seat of the class is free for the whole journey in some car, whichever journeys that car sells: with
     * none free for this journey, the seats left are kept for other (cross-border) journeys. The caller holds the lock.
     */
    private static boolean freeInAnyCar(RunSales run, int from, int to, SeatClass cls) {
        List<Seat> seats = run.inventory.seats();
        for (int k = 0; k < seats.size(); k++) {
            if (seats.get(k).seatClass() == cls && run.inventory.isFree(k, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** The currency a station's own operator sells in (the default for a buyer starting there), if any. */
    public Optional<Currency> localCurrency(String pointCode) {
        return fares.localCurrency(pointCode);
    }

    /** The currency a buyer pays in when they name none and no station says (the network's data: ADR 0030). */
    public Currency defaultCurrency() {
        return fares.defaultCurrency();
    }

    /** Every currency a buyer may name: those of every network served. */
    public Currencies currencies() {
        return fares.currencies();
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
        Leg leg = checkLeg(r, now);
        RunSales run = leg.checked().run();
        Booking booking = takeLeg(leg, owner, soldBy, now).orElseThrow(() -> soldOut(leg));
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

    /**
     * Pays a held booking and issues its tickets, idempotent on the key. The charge is recorded, then reserved at the
     * provider, then the tickets are issued if the booking is still a live hold (checked under the run's lock, which
     * cancelling, expiry and changes take too), and only then is the money taken. If the booking cannot be paid with it
     * (paid by another payment, cancelled, lapsed or changed meanwhile) the reservation is voided: nothing is taken.
     * A key is one payment of one booking: a retry answers as the first call did; the key on another booking is a
     * conflict on {@code idempotencyKey}.
     */
    public Booking pay(String bookingId, String caller, boolean agent, String idempotencyKey) {
        desk.checkKey(idempotencyKey);
        Booking b = find(bookingId, caller, agent);
        refuseJourneyLeg(b);
        String providerKey = "pay:" + idempotencyKey;
        Optional<Payments.Recorded> earlier = payments.byKey(providerKey);
        if (earlier.isPresent()) {
            return retried(earlier.get(), b, caller, agent);
        }
        b.status().requireMoveTo(BookingStatus.TICKETED);
        RunSales run = run(timetable.requirePlan(b.train(), b.date(), "train"), b.date());
        desk.requireOnSale(run);
        if (!clock.instant().isBefore(b.holdExpiresAt())) {
            expire(b);
            throw new Clash("status", "the hold expired at " + b.holdExpiresAt(), "hold-expired");
        }
        Payments.Recorded charge = payments.recordCharge(
                PaymentPurpose.PAYMENT,
                providerKey,
                idempotencyKey,
                b.id(),
                b.id(),
                new Money(b.totalMinor(), b.currency()));
        if (!charge.createdNow() || !payments.begin(charge)) {
            return retried(charge, b, caller, agent); // a twin request with the same key got there first
        }
        payments.issueWith(
                charge,
                "Lancang " + b.train() + " " + b.date() + " " + b.from() + "-" + b.to(),
                reserved -> issueTickets(b, run, reserved));
        return find(bookingId, caller, agent);
    }

    /** A key seen before: the same booking's payment answers as it ended; another booking's is refused. */
    private Booking retried(Payments.Recorded earlier, Booking b, String caller, boolean agent) {
        payments.requireCapturedTwin(earlier, b.id(), TWIN_PATIENCE);
        return find(b.id(), caller, agent);
    }

    /**
     * Issues the tickets of a hold whose charge is reserved: committed only if it is still a live hold, under the run's
     * lock. Returns why it could not be, if it could not.
     */
    private Optional<String> issueTickets(Booking b, RunSales run, Payments.Recorded charge) {
        Instant now = clock.instant();
        int[] updated = new int[1];
        run.lock.lock();
        try {
            if (run.suspended() != null) {
                return Optional.of(run.suspended());
            }
            commits.commit(h -> {
                updated[0] = h.createUpdate(
                                "UPDATE booking SET status = 'TICKETED', paid_at = :now, payment_key = :k,"
                                        + " payment_id = :payment WHERE id = :id AND status = 'HELD' AND hold_expires_at > :now")
                        .bind("now", utc(now))
                        .bind("k", charge.clientKey())
                        .bind("payment", charge.id())
                        .bind("id", UUID.fromString(b.id()))
                        .execute();
                if (updated[0] == 0) {
                    return;
                }
                for (BookedPassenger p : b.passengers()) {
                    h.createUpdate("UPDATE booking_passenger SET ticket_number = :t WHERE booking_id = :id"
                                    + " AND seat_index = :s")
                            .bind("t", desk.ticketNumber(b.id(), b.train(), b.date(), p.car(), p.seat()))
                            .bind("id", UUID.fromString(b.id()))
                            .bind("s", p.seatIndex())
                            .execute();
                }
                desk.settleOffer(h, b.id(), WaitStatus.FULFILLED);
            });
        } finally {
            run.lock.unlock();
        }
        if (updated[0] == 1) {
            return Optional.empty();
        }
        Booking current = load(b.id()).orElseThrow();
        if (current.status() == BookingStatus.HELD) {
            expire(current);
            return Optional.of("the hold expired at " + current.holdExpiresAt());
        }
        return Optional.of("booking is " + current.status() + " now");
    }

    /**
     * Settles the payments left unsettled for longer than {@code olderThan} (a stop between asking the provider and
     * recording its answer) from the provider's ledger: see {@link org.lancang.ticketing.payments.PaymentRecovery}.
     */
    public int settlePayments(Duration olderThan) {
        return payments.settleUnsettled(olderThan);
    }

    /**
     * The codes of the networks the database holds bookings of, in order: a reconciliation needs each served, for the
     * currencies its folder may define.
     */
    public List<String> networksBooked() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT network FROM booking ORDER BY network")
                .mapTo(String.class)
                .list());
    }

    /** Money against tickets and seats against bookings, for one service date or all: see {@link SalesAudit}. */
    public SalesAudit.Report reconcile(LocalDate date) {
        return new SalesAudit(jdbi, payments.provider(), clock, fares.currencies()).check(date);
    }

    /** Runs whose stored bookings sell a seat twice, found when they were loaded: they are not on sale. */
    public List<SalesRecords.SalesAnomaly> anomalies() {
        return runs.anomalies();
    }

    // ---------------------------------------------------------------- changes and waitlist

    /**
     * Moves a live booking to another train or date (same journey; class and seat preference may change) as one
     * exchange: see {@link Exchanges}.
     */
    public Booking change(String bookingId, String caller, boolean agent, ChangeRequest r) {
        refuseJourneyLeg(find(bookingId, caller, agent));
        return exchanges.change(bookingId, caller, agent, r);
    }

    /** Changes a leg of a journey across networks as the same exchange, bound to its journey (JourneyBookings). */
    Booking changeLeg(String bookingId, String caller, boolean agent, ChangeRequest r, Exchanges.Binding journey) {
        return exchanges.change(bookingId, caller, agent, r, journey);
    }

    /** The booking a change with this idempotency key moved away from, if one did. */
    Optional<String> changedWithKey(String key) {
        return lookups.changedWithKey(key);
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

    /**
     * Cancels a booking: a hold is simply released; a ticket is refunded less the fee for the time before departure.
     * The booking is read again under its run's lock, so a payment that issued its tickets meanwhile is refunded, not
     * lost; the refund is recorded with the cancellation and then made.
     */
    public Booking cancel(String bookingId, String caller, boolean agent) {
        Booking seen = find(bookingId, caller, agent);
        refuseJourneyLeg(seen);
        TrainPlan plan = timetable.requirePlan(seen.train(), seen.date(), "train");
        RunSales run = run(plan, seen.date());
        Instant now = clock.instant();
        String refundKey = "refund:" + seen.id();
        RefundRules.Quote quote;
        run.lock.lock();
        try {
            Booking b = load(seen.id()).orElseThrow();
            b.status().requireMoveTo(BookingStatus.CANCELLED);
            quote = refund(b, plan, run, now);
            commits.commit(h -> {
                int updated = h.createUpdate(
                                "UPDATE booking SET status = 'CANCELLED', cancelled_at = :now, fee_minor = :f,"
                                        + " refund_minor = :r WHERE id = :id AND status = :was")
                        .bind("now", utc(now))
                        .bind("f", quote.fee().minor())
                        .bind("r", quote.refund().minor())
                        .bind("id", UUID.fromString(b.id()))
                        .bind("was", b.status().name())
                        .execute();
                if (updated == 0) {
                    throw new Clash("status", "booking changed meanwhile");
                }
                desk.settleOffer(h, b.id(), WaitStatus.CANCELLED);
                if (quote.refund().minor() > 0) {
                    payments.recordRefund(
                            h, PaymentPurpose.CANCELLATION, refundKey, null, b.id(), b.id(), quote.refund());
                }
            });
            desk.release(run, b);
            desk.serveWaitlist(run, now);
            runs.forgetIfSuspended(run);
        } finally {
            run.lock.unlock();
        }
        if (quote.refund().minor() > 0) {
            payments.byKey(refundKey).filter(payments::begin).ifPresent(r -> {
                try {
                    payments.refund(r, "Lancang refund " + seen.train() + " " + seen.date());
                } finally {
                    payments.end(r);
                }
            });
        }
        return find(bookingId, caller, agent);
    }

    /** What cancelling would refund now, without cancelling. */
    public RefundRules.Quote refundQuote(String bookingId, String caller, boolean agent) {
        Booking b = find(bookingId, caller, agent);
        TrainPlan plan = timetable.requirePlan(b.train(), b.date(), "train");
        return refund(b, plan, run(plan, b.date()), clock.instant());
    }

    /** Paid, fee and refund if the booking were cancelled at {@code now}: a hold was not paid, so it costs nothing. */
    private RefundRules.Quote refund(Booking b, TrainPlan plan, RunSales run, Instant now) {
        boolean ticketed = b.status() == BookingStatus.TICKETED;
        Duration before = Duration.between(now, run.departures.get(b.fromStop()));
        boolean waived = ticketed && waivers.waived(b.id()); // its train cancelled or moved by a timetable change
        return refunds.quote(plan.operator(), new Money(ticketed ? b.totalMinor() : 0, b.currency()), before, waived);
    }

    /** Releases every hold whose time is up, and closes waitlist entries whose train has left; returns the holds. */
    public int expireHolds() {
        Instant now = clock.instant();
        List<String> due = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM booking WHERE status = 'HELD' AND hold_expires_at <= :now AND network = :n")
                .bind("now", utc(now))
                .bind("n", network.code())
                .mapTo(String.class)
                .list());
        int n = 0;
        for (String id : due) {
            Booking b = load(id).orElse(null);
            if (b != null && b.status() == BookingStatus.HELD) {
                expire(b);
                n++;
            }
        }
        commits.commit(h -> h.createUpdate("UPDATE waitlist_entry SET status = 'EXPIRED' WHERE status = 'WAITING'"
                        + " AND departs_at <= :now AND network = :n")
                .bind("now", utc(now))
                .bind("n", network.code())
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
                runs.forgetIfSuspended(run);
            }
        } finally {
            run.lock.unlock();
        }
    }

    // ---------------------------------------------------------------- lookups

    /**
     * When the booking's train leaves and arrives, local to each station, as the timetable has it for the date now
     * (with published changes); empty when the train no longer runs that day or no longer calls at the booked stops.
     */
    public Optional<JourneyTimes> times(Booking b) {
        Optional<TrainPlan> plan = timetable.plan(b.train(), b.date());
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        Train train = run(plan.get(), b.date()).train;
        if (b.toStop() >= train.stops().size()
                || !train.stops().get(b.fromStop()).pointCode().equals(b.from())
                || !train.stops().get(b.toStop()).pointCode().equals(b.to())) {
            return Optional.empty();
        }
        Optional<Point> a = network.point(b.from());
        Optional<Point> z = network.point(b.to());
        if (a.isEmpty() || z.isEmpty()) {
            return Optional.empty();
        }
        Instant dep = train.at(b.date(), train.stops().get(b.fromStop()).departure());
        Instant arr = train.at(b.date(), train.stops().get(b.toStop()).arrival());
        return Optional.of(new JourneyTimes(
                dep.atZone(a.get().timeZone()).toOffsetDateTime(),
                a.get().timeZone().getId(),
                arr.atZone(z.get().timeZone()).toOffsetDateTime(),
                z.get().timeZone().getId()));
    }

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

    Optional<Booking> load(String id) {
        return lookups.load(id);
    }

    // ---------------------------------------------------------------- legs of a journey (JourneyBookings)

    /**
     * A leg of a journey across networks is paid, cancelled and changed only with its journey, which charges once for
     * both and refunds both (ADR 0034).
     */
    private void refuseJourneyLeg(Booking b) {
        lookups.journeyOf(b.id()).ifPresent(journey -> {
            throw new Clash(
                    "id",
                    "booking " + b.reference() + " is a leg of journey " + journey
                            + ": pay, cancel or change it through /api/journey-bookings/" + journey,
                    "journey-leg");
        });
    }

    /** A leg asked for, checked against this network's timetable, window, documents and fares; nothing taken yet. */
    record Leg(SalesService seller, SeatDesk.Checked checked, SeatPreference preference) {
        /** When the train leaves the leg's first station. */
        Instant departs() {
            RunSales run = checked.run();
            return run.train.at(run.date, run.train.stops().get(checked.from()).departure());
        }

        /** When the train reaches the leg's last station. */
        Instant arrives() {
            RunSales run = checked.run();
            return run.train.at(run.date, run.train.stops().get(checked.to()).arrival());
        }
    }

    Leg checkLeg(HoldRequest r, Instant now) {
        return new Leg(
                this,
                desk.check(
                        r.train(),
                        r.date(),
                        r.from(),
                        r.to(),
                        r.seatClass(),
                        r.car(),
                        r.passengers(),
                        r.currency(),
                        now,
                        r.berth()),
                new SeatPreference(r.position(), r.car()));
    }

    /** Takes the leg's seats in memory (not committed: the caller commits or gives them back); empty when sold out. */
    Optional<Booking> takeLeg(Leg leg, String owner, String soldBy, Instant now) {
        RunSales run = leg.checked().run();
        run.lock.lock();
        try {
            return desk.take(leg.checked(), leg.preference(), owner, soldBy, now, false, null);
        } finally {
            run.lock.unlock();
        }
    }

    /** The conflict a leg sold out answers with. */
    Clash soldOut(Leg leg) {
        return SeatDesk.soldOut(leg.checked());
    }

    /** Gives back seats taken by {@link #takeLeg} whose commit failed or whose journey could not be completed. */
    void giveBack(Leg leg, Booking taken, Instant now) {
        desk.giveBack(leg.checked().run(), taken, now);
    }

    /** The run a booking of this network is on (loaded the first time). */
    RunSales runOf(Booking b) {
        return run(timetable.requirePlan(b.train(), b.date(), "train"), b.date());
    }

    /** The ticket number of a passenger of a booking of this network. */
    static String ticketNumber(Booking b, BookedPassenger p) {
        return SeatDesk.ticketNumber(b.id(), b.train(), b.date(), p.car(), p.seat());
    }

    /** What cancelling the booking at {@code now} refunds, by its own operator's rules. */
    RefundRules.Quote refundAt(Booking b, RunSales run, Instant now) {
        return refund(b, run.plan, run, now);
    }

    /** The booking's seats go back on sale, to the waitlist first. The caller holds the run's lock. */
    void released(RunSales run, Booking b, Instant now) {
        desk.release(run, b);
        desk.serveWaitlist(run, now);
        runs.forgetIfSuspended(run);
    }

    Payments payments() {
        return payments;
    }

    GroupCommit commits() {
        return commits;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Clock clock() {
        return clock;
    }

    private static OffsetDateTime utc(Instant t) {
        return SalesRows.utc(t);
    }
}
