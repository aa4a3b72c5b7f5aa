package org.lancang.store.sales;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.lancang.errors.Clash;
import org.lancang.store.db.GroupCommit;
import org.lancang.store.sales.SalesRecords.WaitStatus;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.store.sales.SalesRecords.WaitlistRequest;
import org.lancang.store.timetable.TimetableService;

/**
 * Joining and leaving the waitlist of a class sold out for a journey. Seats given back on a run are offered to it by
 * {@link SeatDesk#serveWaitlist}, in the order the entries joined.
 */
final class Waitlists {
    private final SeatDesk desk;
    private final RunsInMemory runs;
    private final SalesLookups lookups;
    private final GroupCommit commits;
    private final TimetableService timetable;
    private final Clock clock;

    Waitlists(SeatDesk desk, GroupCommit commits, TimetableService timetable, Clock clock) {
        this.desk = desk;
        this.runs = desk.runs;
        this.lookups = desk.lookups;
        this.commits = commits;
        this.timetable = timetable;
        this.clock = clock;
    }

    /**
     * Puts passengers on the waitlist of a class that is sold out for their journey. Seats given back on the run go to
     * the waitlist in the order its entries joined, as a hold the passenger is told about and can pay.
     */
    WaitlistEntry joinWaitlist(String owner, WaitlistRequest r) {
        Instant now = clock.instant();
        SeatDesk.Checked c =
                desk.check(r.train(), r.date(), r.from(), r.to(), r.seatClass(), 0, r.passengers(), r.currency(), now);
        RunSales run = c.run();
        WaitlistEntry entry;
        run.lock.lock();
        try {
            if (run.inventory.availability(c.from(), c.to(), c.seatClass())
                    >= c.passengers().size()) {
                throw new Clash(
                        "seatClass",
                        "seats are still on sale for this journey: book them instead",
                        "seats-still-on-sale");
            }
            SeatDesk.refuseOverlappingDocuments(c);
            entry = new WaitlistEntry(
                    desk.newId(),
                    c.plan().number(),
                    run.date,
                    run.stops.get(c.from()),
                    run.stops.get(c.to()),
                    c.from(),
                    c.to(),
                    c.seatClass(),
                    c.currency(),
                    owner,
                    now,
                    run.departures.get(c.from()),
                    WaitStatus.WAITING,
                    null,
                    null,
                    0,
                    c.passengers());
            commits.commit(SalesRows.insert(
                    entry, desk.networkCode())); // under the lock: the queue's order is the order of commits
            run.waiting++;
        } finally {
            run.lock.unlock();
        }
        return lookups.waitlistEntry(entry.id(), owner, false);
    }

    /** Leaves the waitlist (only while waiting: an offered hold is cancelled as a booking). */
    WaitlistEntry cancelWaitlist(String entryId, String caller, boolean agent) {
        WaitlistEntry e = lookups.waitlistEntry(entryId, caller, agent);
        if (e.status() != WaitStatus.WAITING) {
            throw new Clash(
                    "status",
                    "the entry is " + e.status()
                            + (e.status() == WaitStatus.OFFERED
                                    ? "; cancel its booking " + e.bookingId() + " instead"
                                    : ""));
        }
        RunSales run = runs.run(timetable.requirePlan(e.train(), e.date(), "train"), e.date());
        run.lock.lock();
        try {
            int[] updated = new int[1];
            commits.commit(h -> updated[0] = h.createUpdate(
                            "UPDATE waitlist_entry SET status = 'CANCELLED'" + " WHERE id = :id AND status = 'WAITING'")
                    .bind("id", UUID.fromString(e.id()))
                    .execute());
            if (updated[0] == 0) {
                throw new Clash("status", "the entry was offered a seat meanwhile");
            }
            run.waiting = Math.max(0, run.waiting - 1);
        } finally {
            run.lock.unlock();
        }
        return lookups.waitlistEntry(entryId, caller, agent);
    }
}
