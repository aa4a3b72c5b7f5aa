package org.lancang.store.sales;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.db.GroupCommit;
import org.lancang.store.sales.SalesRecords.BookedPassenger;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.WaitStatus;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.JourneyDocuments;
import org.lancang.ticketing.LapInfant;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.TravelDocuments;
import org.lancang.ticketing.fares.AgeFare;
import org.lancang.ticketing.fares.Berth;
import org.lancang.ticketing.fares.FareQuote;
import org.lancang.ticketing.fares.FareTable;
import org.lancang.ticketing.fares.PassengerFare;
import org.lancang.ticketing.inventory.Allocation;
import org.lancang.ticketing.inventory.SeatInventory;
import org.lancang.ticketing.inventory.SeatPreference;
import org.lancang.timetable.TrainPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every way of selling on a run shares: checking a journey asked for, taking seats for it under the run's lock
 * and giving them back, booking ids and ticket numbers, and offering seats given back to the run's waitlist in turn.
 * Holds ({@link SalesService}), changes ({@link Exchanges}) and the waitlist ({@link Waitlists}) are built on it.
 */
final class SeatDesk {
    private static final Logger LOG = LoggerFactory.getLogger(SeatDesk.class);

    private final GroupCommit commits;
    private final TimetableService timetable;
    private final Network network;
    private final FareTable fares;
    private final TravelDocuments documents;
    private final SalesWindow window;
    private final Duration holdTime;
    private final Clock clock;
    final RunsInMemory runs;
    final SalesLookups lookups;
    private final ReferenceNumbers references;
    /** One generator per thread: booking ids stay unguessable without all buyers queueing on one generator. */
    private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SeatDesk::generator);

    SeatDesk(
            GroupCommit commits,
            TimetableService timetable,
            FareTable fares,
            TravelDocuments documents,
            SalesWindow window,
            Duration holdTime,
            RunsInMemory runs,
            SalesLookups lookups,
            ReferenceNumbers references,
            Clock clock) {
        this.references = references;
        this.clock = clock;
        this.commits = commits;
        this.timetable = timetable;
        this.network = timetable.planner().network();
        this.fares = fares;
        this.documents = documents;
        this.window = window;
        this.holdTime = holdTime;
        this.runs = runs;
        this.lookups = lookups;
    }

    // ---------------------------------------------------------------- checking a journey

    /** A journey asked for, checked against the timetable, the sales window, the documents and the fares. */
    record Checked(
            TrainPlan plan,
            RunSales run,
            int from,
            int to,
            SeatClass seatClass,
            FareQuote fare,
            Money total,
            List<Passenger> passengers,
            Currency currency,
            List<PassengerFare> passengerFares,
            Berth berth) {}

    /** Each passenger's fare (a child's or an infant's by their date of birth) and their sum. */
    private record Priced(List<PassengerFare> fares, Money total) {}

    /**
     * Each passenger's fare on the train's type (its supplements) and their sum. A sleeper is priced as a lower berth
     * until the berths are taken ({@link #priceBerths}), which prices each by the berth it got.
     */
    private Priced price(
            String from,
            String to,
            SeatClass seatClass,
            TrainPlan train,
            Currency currency,
            List<Passenger> passengers,
            LocalDate date,
            Berth chosen) {
        List<Seat> none = new ArrayList<>();
        passengers.forEach(p -> none.add(null));
        return price(from, to, seatClass, train, currency, passengers, none, date, chosen);
    }

    private Priced price(
            String from,
            String to,
            SeatClass seatClass,
            TrainPlan train,
            Currency currency,
            List<Passenger> passengers,
            List<Seat> seats,
            LocalDate date,
            Berth chosen) {
        List<PassengerFare> each = new ArrayList<>();
        Money total = Money.zero(currency);
        for (int k = 0; k < passengers.size(); k++) {
            Berth berth = seats.get(k) == null
                    ? (Berth.sleeper(seatClass) ? (chosen == null ? Berth.LOWER : chosen) : null)
                    : Berth.of(seats.get(k)).orElse(null);
            PassengerFare f = fares.quote(
                            from,
                            to,
                            seatClass,
                            train,
                            berth,
                            currency,
                            passengers.get(k).dateOfBirth(),
                            date)
                    .orElseThrow(() -> new InvalidInput(
                            "seatClass", seatClass + " is not sold on this journey", "class-not-sold"));
            each.add(f);
            total = total.plus(f.quote().total());
        }
        return new Priced(List.copyOf(each), total);
    }

    /**
     * The fare of a journey on the train (its type's supplements, the km of its own way), a sleeper's as a lower berth
     * (the berth is known once taken).
     */
    Optional<FareQuote> quote(String from, String to, SeatClass seatClass, TrainPlan train, Currency currency) {
        return fares.quote(from, to, seatClass, train, Berth.sleeper(seatClass) ? Berth.LOWER : null, currency);
    }

    /** The code of the network this desk sells on (each booking and waitlist entry is stored with it). */
    String networkCode() {
        return network.code();
    }

    /** The checked journey priced again by the berths just taken (a seat's price does not depend on which seat). */
    private Priced priceBerths(Checked c, List<Seat> seats) {
        if (!Berth.sleeper(c.seatClass())) {
            return new Priced(c.passengerFares(), c.total());
        }
        RunSales run = c.run();
        return price(
                run.stops.get(c.from()),
                run.stops.get(c.to()),
                c.seatClass(),
                c.plan(),
                c.currency(),
                c.passengers(),
                seats,
                run.date,
                c.berth());
    }

    /** Each lap infant rides with a passenger paying the adult fare, within every operator's band of the journey. */
    private void checkLapInfants(
            List<Passenger> passengers,
            Priced priced,
            FareQuote fare,
            LocalDate date,
            JourneyDocuments journeyDocuments,
            LocalDate today) {
        List<Optional<AgeFare>> bands = fares.ageFares().lapBands(fare);
        Validation infants = new Validation();
        for (int k = 0; k < passengers.size(); k++) {
            LapInfant infant = passengers.get(k).infant();
            if (infant != null) {
                LapInfant.check(
                        infants,
                        "passengers[" + k + "].",
                        infant,
                        priced.fares().get(k).category(),
                        bands,
                        date,
                        journeyDocuments,
                        today);
            }
        }
        infants.throwIfInvalid();
    }

    Checked check(
            String train,
            LocalDate date,
            String fromCode,
            String toCode,
            SeatClass seatClass,
            int car,
            List<Passenger> passengers,
            Currency currency,
            Instant now) {
        return check(train, date, fromCode, toCode, seatClass, car, passengers, currency, now, null);
    }

    /** As above, with the berth chosen in a sleeper class ({@code null}: any berth). */
    Checked check(
            String train,
            LocalDate date,
            String fromCode,
            String toCode,
            SeatClass seatClass,
            int car,
            List<Passenger> passengers,
            Currency currency,
            Instant now,
            Berth berth) {
        Validation v = new Validation();
        RunSales known = runs.loaded(train, date); // the common case under a rush: no look-up in the timetable
        if (known != null && known.cancelled) {
            known = null;
        }
        TrainPlan plan = known != null
                ? known.plan
                : train == null ? null : timetable.plan(train, date).orElse(null);
        // a train of the timetable that a published change cancelled on the date: the date is what is wrong
        boolean cancelled =
                plan == null && train != null && timetable.plan(train).isPresent();
        v.check(
                cancelled || (plan != null && plan.passenger()),
                "train",
                "'" + train + "' is not a passenger train of the timetable",
                "train-unknown");
        v.check(date != null, "date", "is required");
        v.check(seatClass != null, "seatClass", "is required");
        v.check(currency != null, "currency", "is required: a code of the network's currencies");
        int count = passengers == null ? 0 : passengers.size();
        v.check(
                count >= 1 && count <= SeatInventory.MAX_GROUP,
                "passengers",
                "1 … 5 passengers per booking",
                "passenger-count");
        v.check(car >= 0 && car <= 30, "car", "is not a car of the train", "car-unknown");
        Berth.check(v, berth, seatClass);
        v.throwIfInvalid();
        if (plan == null || !plan.calendar().runsOn(date)) {
            throw new InvalidInput("date", "train " + train + " does not run on " + date, "train-not-that-day");
        }
        RunSales run = known != null ? known : runs.run(plan, date);
        int from = run.stops.indexOf(fromCode == null ? "" : fromCode.toUpperCase(Locale.ROOT));
        int to = run.stops.indexOf(toCode == null ? "" : toCode.toUpperCase(Locale.ROOT));
        if (from < 0) {
            throw new InvalidInput(
                    "from", "train " + plan.number() + " does not call at '" + fromCode + "'", "train-does-not-call");
        }
        if (to < 0) {
            throw new InvalidInput(
                    "to", "train " + plan.number() + " does not call at '" + toCode + "'", "train-does-not-call");
        }
        if (to <= from) {
            throw new InvalidInput(
                    "to", "the destination must come after the origin on this train", "destination-before-origin");
        }
        Point boarding = network.point(run.stops.get(from)).orElseThrow();
        window.check(plan.operator(), date, run.departures.get(from), boarding.timeZone(), now, "date");
        // the documents of this journey on this network: the countries of its stops and the borders between them
        JourneyDocuments journeyDocuments = documents.forJourney(
                network,
                run.stops.subList(from, to + 1).stream()
                        .map(code -> network.point(code).orElseThrow())
                        .toList());
        Validation people = new Validation();
        LocalDate today = now.atZone(boarding.timeZone()).toLocalDate();
        for (int k = 0; k < count; k++) {
            Passenger.check(people, "passengers[" + k + "].", passengers.get(k), date, journeyDocuments, today);
        }
        people.throwIfInvalid();
        FareQuote fare = quote(run.stops.get(from), run.stops.get(to), seatClass, plan, currency)
                .orElseThrow(() ->
                        new InvalidInput("seatClass", seatClass + " is not sold on this journey", "class-not-sold"));
        Priced priced =
                price(run.stops.get(from), run.stops.get(to), seatClass, plan, currency, passengers, date, berth);
        checkLapInfants(passengers, priced, fare, date, journeyDocuments, today);
        return new Checked(
                plan,
                run,
                from,
                to,
                seatClass,
                fare,
                priced.total(),
                List.copyOf(passengers),
                currency,
                priced.fares(),
                berth);
    }

    /**
     * Takes seats for the checked journey; the caller holds the run's lock. Refuses a document that already holds an
     * overlapping journey on the run; empty, and nothing taken, when the class is sold out for the journey.
     */
    Optional<Booking> take(
            Checked c,
            SeatPreference preference,
            String owner,
            String soldBy,
            Instant now,
            boolean ticketed,
            String changedFrom) {
        RunSales run = c.run();
        requireOnSale(run);
        refuseOverlappingDocuments(c);
        Berth berth = c.berth();
        Optional<Allocation> got = berth == null
                ? run.inventory.allocate(
                        c.from(),
                        c.to(),
                        c.seatClass(),
                        preference,
                        c.passengers().size())
                : run.inventory.allocateOnly(
                        c.from(),
                        c.to(),
                        c.seatClass(),
                        preference,
                        c.passengers().size(),
                        seat -> Berth.of(seat).filter(berth::equals).isPresent());
        if (got.isEmpty()) {
            return Optional.empty();
        }
        String id = newId();
        Priced priced = priceBerths(c, got.get().seats());
        List<BookedPassenger> booked = new ArrayList<>();
        for (int k = 0; k < c.passengers().size(); k++) {
            Seat seat = got.get().seats().get(k);
            Passenger p = c.passengers().get(k);
            booked.add(new BookedPassenger(
                    p,
                    got.get().seatIndices().get(k),
                    seat.car(),
                    seat.number(),
                    ticketed ? ticketNumber(id, c.plan().number(), run.date, seat.car(), seat.number()) : null,
                    priced.fares().get(k).category().name(),
                    priced.fares().get(k).quote().total().minor()));
            run.addDocument(p.documentKey(), c.from(), c.to());
        }
        return Optional.of(new Booking(
                id,
                references.next().value(),
                c.plan().number(),
                run.date,
                run.stops.get(c.from()),
                run.stops.get(c.to()),
                c.from(),
                c.to(),
                c.seatClass(),
                ticketed ? BookingStatus.TICKETED : BookingStatus.HELD,
                owner,
                soldBy,
                now,
                now.plus(holdTime),
                c.currency(),
                priced.total().minor(),
                ticketed ? now : null,
                null,
                null,
                null,
                List.copyOf(booked),
                null,
                changedFrom,
                null,
                List.of(),
                network.code()));
    }

    /** Refuses to sell on a run taken off sale (its stored bookings sell a seat twice). */
    static void requireOnSale(RunSales run) {
        if (run.suspended() != null) {
            throw new Clash("train", run.suspended(), "train-off-sale");
        }
    }

    /** One document cannot hold two journeys on one run that overlap; the caller holds the run's lock. */
    static void refuseOverlappingDocuments(Checked c) {
        for (int k = 0; k < c.passengers().size(); k++) {
            if (c.run().documentOverlaps(c.passengers().get(k).documentKey(), c.from(), c.to())) {
                throw new Clash(
                        "passengers[" + k + "].documentNumber",
                        "this document already holds a journey on " + c.plan().number() + " on " + c.run().date
                                + " that overlaps this one",
                        "document-already-travelling");
            }
        }
    }

    static Clash soldOut(Checked c) {
        return new Clash(
                c.berth() == null ? "seatClass" : "berth",
                "sold out: no " + c.seatClass() + (c.berth() == null ? "" : " " + c.berth() + " berth")
                        + " seats left for "
                        + c.run().stops.get(c.from()) + "–" + c.run().stops.get(c.to()) + " on "
                        + c.plan().number() + " (the waitlist is open)",
                "sold-out");
    }

    /**
     * A time-ordered (version 7) UUID: 48 bits of Unix milliseconds, then 74 random bits. Still unguessable, and new
     * rows land at the end of the primary-key index instead of all over it, which keeps a rush of bookings cheap for
     * PostgreSQL (fewer pages touched and logged).
     */
    String newId() {
        SecureRandom r = random.get();
        long hi = (clockMillis() << 16) | 0x7000L | (r.nextInt() & 0x0FFFL);
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /**
     * A DRBG (NIST SP 800-90A) of this thread's own: the platform default (NativePRNG) reads the system's generator
     * under one lock shared by every instance, so buyers would queue on it after all.
     */
    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private long clockMillis() {
        return clock.millis() & 0xFFFF_FFFF_FFFFL;
    }

    static void checkKey(String idempotencyKey) {
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9._:-]{8,80}")) {
            throw new InvalidInput(
                    "idempotencyKey",
                    "8–80 letters, digits or . _ : - (the same key for every retry)",
                    "idempotency-key");
        }
    }

    /** Train, date, car and seat, then six hex digits from the random end of the booking id (its start is the time). */
    static String ticketNumber(String bookingId, String train, LocalDate date, int car, String seat) {
        String id = bookingId.replace("-", "").toUpperCase(Locale.ROOT);
        return train + "-" + date.toString().replace("-", "") + "-" + String.format("%02d", car) + seat + "-"
                + id.substring(id.length() - 6);
    }

    /** Gives back the seats of a booking that was never acknowledged (its commit failed). */
    void giveBack(RunSales run, Booking b, Instant now) {
        run.lock.lock();
        try {
            release(run, b);
            serveWaitlist(run, now);
        } finally {
            run.lock.unlock();
        }
    }

    static void release(RunSales run, Booking b) {
        for (BookedPassenger p : b.passengers()) {
            run.inventory.release(p.seatIndex(), b.fromStop(), b.toStop());
            run.removeDocument(p.passenger().documentKey(), b.fromStop(), b.toStop());
        }
    }

    /**
     * Offers seats just given back on the run to its waitlist, in the order the entries joined; an entry that cannot be
     * seated (its journey still full) keeps its place. The caller holds the run's lock. The holds, the offers and the
     * notifications are committed together.
     */
    void serveWaitlist(RunSales run, Instant now) {
        if (run.waiting == 0) {
            return;
        }
        List<WaitlistEntry> waiting = lookups.waiting(run.train.number(), run.date);
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
            List<Passenger> passengers = lookups.waitingPassengers(UUID.fromString(e.id()));
            FareQuote fare = quote(e.from(), e.to(), e.seatClass(), run.plan, e.currency())
                    .orElse(null);
            Optional<Booking> hold = Optional.empty();
            if (fare != null) {
                Priced priced =
                        price(e.from(), e.to(), e.seatClass(), run.plan, e.currency(), passengers, run.date, null);
                Checked c = new Checked(
                        run.plan,
                        run,
                        e.fromStop(),
                        e.toStop(),
                        e.seatClass(),
                        fare,
                        priced.total(),
                        passengers,
                        e.currency(),
                        priced.fares(),
                        null);
                try {
                    hold = take(c, SeatPreference.ANY, e.owner(), e.owner(), now, false, null);
                } catch (Clash documentBusy) {
                    hold = Optional.empty(); // the passenger travels on this run already: the entry waits on
                }
            }
            if (hold.isEmpty()) {
                left++;
                continue;
            }
            offered.add(hold.get());
            writes.addAll(SalesRows.insert(hold.get()));
            writes.addAll(SalesRows.offer(
                    e,
                    hold.get(),
                    now,
                    "A seat on " + e.train() + " on " + e.date() + " from "
                            + e.from() + " to " + e.to() + " (" + e.seatClass() + ") is held for you until "
                            + hold.get().holdExpiresAt() + ": pay before then to keep it."));
        }
        if (!writes.isEmpty()) {
            try {
                commits.commit(writes);
            } catch (RuntimeException e) {
                offered.forEach(b -> release(run, b));
                left = waiting.size();
                LOG.warn(
                        "offering waitlisted seats on {} {} failed; they stay on sale",
                        run.train.number(),
                        run.date,
                        e);
            }
        }
        run.waiting = left;
    }

    /** A waitlist entry whose hold leaves HELD follows it: paid → FULFILLED, expired → EXPIRED, cancelled. */
    static void settleOffer(Handle h, String bookingId, WaitStatus status) {
        h.createUpdate("UPDATE waitlist_entry SET status = :s WHERE booking_id = :b AND status = 'OFFERED'")
                .bind("s", status.name())
                .bind("b", UUID.fromString(bookingId))
                .execute();
    }
}
