package org.lancang.store.sales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Money;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.db.GroupCommit;
import org.lancang.store.sales.SalesRecords.BookedPassenger;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.ChangeRequest;
import org.lancang.store.sales.SalesRecords.PaymentPurpose;
import org.lancang.store.sales.SalesRecords.WaitStatus;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.ChangePricing;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.inventory.SeatPreference;
import org.lancang.ticketing.payments.PaymentStatus;
import org.lancang.timetable.TrainPlan;

/** Changing a booking to another train, date or class as one exchange. */
final class Exchanges {
    /**
     * What a booking bound to others adds to its exchange: a leg of a journey across networks (ADR 0034) checks the
     * connection with its other leg and moves the journey to the new leg in the exchange's own transaction. A booking
     * alone is bound to nothing.
     */
    interface Binding {
        /** Refuses the replacement asked for before any seat is taken (the connection with the other leg). */
        void check(SeatDesk.Checked replacement);

        /** Runs in the exchange's transaction once the old booking is moved: refuses it by throwing, writes with it. */
        void commit(Handle h, Booking old, Booking replacement);
    }

    /** A booking alone: nothing to check or to write beside the exchange. */
    static final Binding ALONE = new Binding() {
        @Override
        public void check(SeatDesk.Checked replacement) {}

        @Override
        public void commit(Handle h, Booking old, Booking replacement) {}
    };

    /** How long a request waits for a twin request with the same idempotency key to finish. */
    private static final Duration TWIN_PATIENCE = Duration.ofSeconds(10);

    private final SeatDesk desk;
    private final RunsInMemory runs;
    private final SalesLookups lookups;
    private final GroupCommit commits;
    private final TimetableService timetable;
    private final RefundRules refunds;
    private final FeeWaivers waivers;
    private final Payments payments;
    private final Clock clock;
    private final KeyClaims claims = new KeyClaims();

    Exchanges(
            SeatDesk desk,
            GroupCommit commits,
            TimetableService timetable,
            RefundRules refunds,
            FeeWaivers waivers,
            Payments payments,
            Clock clock) {
        this.desk = desk;
        this.runs = desk.runs;
        this.lookups = desk.lookups;
        this.commits = commits;
        this.timetable = timetable;
        this.refunds = refunds;
        this.waivers = waivers;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * Moves a live booking to another train or date (same journey; class and seat preference may change) as one
     * exchange: the new seats are taken first, and the old ones are given back only once the new booking is committed.
     * A ticket stays a ticket, priced by {@link ChangePricing}: a dearer fare's difference is reserved at the provider
     * before the exchange is committed and taken after (voided if the exchange cannot be made); a cheaper fare's refund
     * is recorded with the exchange and then made. The old booking is moved only from the status it was priced in,
     * under its run's lock, so a payment, cancellation or expiry meanwhile makes the change a conflict, not a loss. A
     * hold becomes a new hold. A retry with the same key returns the same new booking; a twin sent at the same moment
     * waits for the first and answers as it did (the same new booking, or the same refusal); the key on another booking is a conflict on
     * {@code idempotencyKey}.
     */
    Booking change(String bookingId, String caller, boolean agent, ChangeRequest r) {
        return change(bookingId, caller, agent, r, ALONE);
    }

    /** As {@link #change(String, String, boolean, ChangeRequest)}, for a booking bound to others as {@code binding} says. */
    Booking change(String bookingId, String caller, boolean agent, ChangeRequest r, Binding binding) {
        desk.checkKey(r.idempotencyKey());
        // the key is claimed before any seat is taken: a twin takes none, and answers as the first did (with the change
        // it made, found committed, or with its refusal)
        return claims.once(
                r.idempotencyKey(),
                TWIN_PATIENCE,
                () -> changeClaimed(bookingId, caller, agent, r, binding),
                Exchanges::inProgress);
    }

    private Booking changeClaimed(String bookingId, String caller, boolean agent, ChangeRequest r, Binding binding) {
        Booking old = lookups.find(bookingId, caller, agent);
        Optional<String> keyHolder = lookups.changedWithKey(r.idempotencyKey());
        if (keyHolder.isPresent() && !keyHolder.get().equals(old.id())) {
            throw keyOfAnotherBooking();
        }
        if (old.status() == BookingStatus.CHANGED && r.idempotencyKey().equals(lookups.changeKey(old.id()))) {
            return lookups.find(old.changedTo(), caller, agent); // a retry of this change
        }
        String chargeKey = "change:" + r.idempotencyKey();
        Optional<Payments.Recorded> earlier = payments.byKey(chargeKey);
        if (earlier.isPresent()) {
            Payments.Recorded charge = earlier.get();
            if (!charge.requestedOn().equals(old.id())) {
                throw keyOfAnotherBooking();
            }
            throw new Clash(
                    "idempotencyKey",
                    charge.status().settled(charge.kind())
                            ? "the change with this key did not happen (its charge was " + charge.status()
                                    + "): change with a new key"
                            : inProgress().getMessage());
        }
        if (!old.live()) {
            throw new Clash(
                    "status", "booking is " + old.status() + "; only a held or ticketed booking can be changed");
        }
        Instant now = clock.instant();
        TrainPlan oldPlan = timetable.requirePlan(old.train(), old.date(), "train");
        RunSales oldRun = runs.run(oldPlan, old.date());
        Duration beforeOld = Duration.between(now, oldRun.departures.get(old.fromStop()));
        if (beforeOld.isNegative() || beforeOld.isZero()) {
            throw new Clash(
                    "status", old.train() + " has left " + old.from() + "; the booking can no longer be changed");
        }
        String train = r.train() == null || r.train().isBlank()
                ? old.train()
                : r.train().strip().toUpperCase(Locale.ROOT);
        LocalDate date = r.date() == null ? old.date() : r.date();
        SeatClass seatClass = r.seatClass() == null ? old.seatClass() : r.seatClass();
        if (train.equals(old.train()) && date.equals(old.date()) && seatClass == old.seatClass()) {
            throw new InvalidInput("train", "a change needs another train, date or class", "change-nothing");
        }
        List<Passenger> people =
                old.passengers().stream().map(BookedPassenger::passenger).toList();
        SeatDesk.Checked c =
                desk.check(train, date, old.from(), old.to(), seatClass, r.car(), people, old.currency(), now);
        binding.check(c);
        boolean ticketed = old.status() == BookingStatus.TICKETED;
        Booking replacement;
        List<RunSales> locked = lockInOrder(oldRun, c.run());
        try {
            // The old journey's documents step aside so that the new one may overlap it (a later train, same day).
            for (BookedPassenger p : old.passengers()) {
                oldRun.removeDocument(p.passenger().documentKey(), old.fromStop(), old.toStop());
            }
            Optional<Booking> taken;
            try {
                taken = desk.take(
                        c,
                        new SeatPreference(r.position(), r.car()),
                        old.owner(),
                        old.soldBy(),
                        now,
                        ticketed,
                        old.id());
            } catch (RuntimeException e) {
                restoreDocuments(oldRun, old);
                throw e;
            }
            if (taken.isEmpty()) {
                restoreDocuments(oldRun, old);
                throw desk.soldOut(c);
            }
            replacement = taken.get();
        } finally {
            locked.forEach(run -> run.lock.unlock());
        }
        ChangePricing price = ChangePricing.of(
                old.status(),
                new Money(old.totalMinor(), old.currency()),
                new Money(replacement.totalMinor(), old.currency()),
                // no fee when a timetable change cancelled or moved the old train (a free change)
                waivers.waived(old.id()) ? 0 : refunds.feePercent(oldPlan.operator(), beforeOld));
        String refundKey = "change-refund:" + r.idempotencyKey();
        Payments.Recorded charge = null;
        try {
            if (price.charge().minor() > 0) {
                charge = payments.recordCharge(
                        PaymentPurpose.CHANGE,
                        chargeKey,
                        r.idempotencyKey(),
                        old.id(),
                        replacement.id(),
                        price.charge());
                if (!charge.createdNow() || !payments.begin(charge)) {
                    Payments.Recorded twin = charge;
                    charge = null; // another request with this key owns it
                    throw twin.requestedOn().equals(old.id()) ? inProgress() : keyOfAnotherBooking();
                }
                charge = payments.authorize(
                        charge,
                        "Lancang change " + old.train() + " " + old.date() + " to " + replacement.train() + " "
                                + replacement.date());
            }
            Payments.Recorded paidWith = charge;
            oldRun.lock.lock();
            try {
                commits.commit(h -> {
                    GroupCommit.execute(h, SalesRows.insert(replacement));
                    if (paidWith != null) {
                        h.createUpdate("UPDATE booking SET payment_id = :p WHERE id = :id")
                                .bind("p", paidWith.id())
                                .bind("id", UUID.fromString(replacement.id()))
                                .execute();
                    }
                    int updated = h.createUpdate("UPDATE booking SET status = 'CHANGED', changed_to = :to,"
                                    + " change_key = :k, change_difference_minor = :d, cancelled_at = :now WHERE id = :id"
                                    + " AND status = :was")
                            .bind("to", UUID.fromString(replacement.id()))
                            .bind("k", r.idempotencyKey())
                            .bind("d", ticketed ? price.signedDifferenceMinor() : null)
                            .bind("now", SalesRows.utc(now))
                            .bind("id", UUID.fromString(old.id()))
                            .bind("was", old.status().name())
                            .execute();
                    if (updated == 0) {
                        throw new Clash("status", "booking changed meanwhile");
                    }
                    binding.commit(h, old, replacement);
                    desk.settleOffer(h, old.id(), WaitStatus.FULFILLED);
                    if (price.refund().minor() > 0) {
                        payments.recordRefund(
                                h,
                                PaymentPurpose.CHANGE,
                                refundKey,
                                r.idempotencyKey(),
                                old.id(),
                                replacement.id(),
                                price.refund());
                    }
                });
            } finally {
                oldRun.lock.unlock();
            }
        } catch (RuntimeException e) {
            RunSales newRun = c.run();
            newRun.lock.lock();
            try {
                desk.release(newRun, replacement);
            } finally {
                newRun.lock.unlock();
            }
            oldRun.lock.lock();
            try {
                if (lookups.load(old.id()).map(Booking::live).orElse(false)) {
                    restoreDocuments(oldRun, old); // still the passengers' journey (not cancelled meanwhile)
                }
            } finally {
                oldRun.lock.unlock();
            }
            if (charge != null) {
                if (charge.status() == PaymentStatus.AUTHORIZED) {
                    payments.voidCharge(charge, "the change did not happen: " + e.getMessage());
                }
                payments.end(charge);
            }
            throw SalesConflicts.keyClash(e, "booking_change_key") ? keyOfAnotherBooking() : e;
        }
        if (charge != null) {
            try {
                payments.capture(charge);
            } finally {
                payments.end(charge);
            }
        }
        if (price.refund().minor() > 0) {
            payments.byKey(refundKey).filter(payments::begin).ifPresent(back -> {
                try {
                    payments.refund(back, "Lancang change refund " + old.train() + " " + old.date());
                } finally {
                    payments.end(back);
                }
            });
        }
        oldRun.lock.lock();
        try {
            for (BookedPassenger p : old.passengers()) {
                oldRun.inventory.release(p.seatIndex(), old.fromStop(), old.toStop());
            }
            desk.serveWaitlist(oldRun, now);
            runs.forgetIfSuspended(oldRun);
        } finally {
            oldRun.lock.unlock();
        }
        return lookups.find(replacement.id(), caller, agent);
    }

    private static Clash inProgress() {
        return new Clash("idempotencyKey", "a change with this key is in progress: retry in a moment");
    }

    private static Clash keyOfAnotherBooking() {
        return new Clash(
                "idempotencyKey", "this idempotency key was used for another booking: use a new key for each change");
    }

    private static void restoreDocuments(RunSales run, Booking b) {
        for (BookedPassenger p : b.passengers()) {
            run.addDocument(p.passenger().documentKey(), b.fromStop(), b.toStop());
        }
    }

    /** Locks two runs (or one) in a fixed order, so that two changes in opposite directions cannot deadlock. */
    static List<RunSales> lockInOrder(RunSales a, RunSales b) {
        List<RunSales> order = a == b ? List.of(a) : a.key().compareTo(b.key()) < 0 ? List.of(a, b) : List.of(b, a);
        order.forEach(run -> run.lock.lock());
        return order;
    }
}
