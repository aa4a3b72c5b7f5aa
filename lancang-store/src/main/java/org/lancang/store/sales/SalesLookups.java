package org.lancang.store.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.money.Currencies;
import org.lancang.store.sales.SalesRecords.BookedPassenger;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.Notification;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.ticketing.BookingReference;
import org.lancang.ticketing.Passenger;

/**
 * Reading sales back from the database: bookings, waitlist entries and notifications, each only for whom may see it
 * (a passenger sees their own; an agent, anyone's). Someone else's booking does not exist for a passenger (404).
 */
final class SalesLookups {
    private final Jdbi jdbi;
    private final Currencies currencies;

    SalesLookups(Jdbi jdbi, Currencies currencies) {
        this.jdbi = jdbi;
        this.currencies = currencies;
    }

    /** A booking its owner (or an agent) may see. */
    public Booking find(String bookingId, String caller, boolean agent) {
        Booking b = parseId(bookingId)
                .or(() -> idOfReference(bookingId))
                .flatMap(this::load)
                .orElseThrow(() -> new NotFound("id", "no booking '" + bookingId + "'", "booking-unknown"));
        if (!agent && !b.owner().equals(caller)) {
            throw new NotFound(
                    "id",
                    "no booking '" + bookingId + "'",
                    "booking-unknown"); // others' bookings do not exist for a passenger
        }
        return b;
    }

    public List<Booking> bookingsOf(String owner) {
        List<String> ids =
                jdbi.withHandle(h -> h.createQuery("SELECT id FROM booking WHERE owner = :o ORDER BY created_at DESC")
                        .bind("o", owner)
                        .mapTo(String.class)
                        .list());
        return ids.stream().map(this::load).flatMap(Optional::stream).toList();
    }

    /** The id of the booking with this reference (as typed: any case, spaces or hyphens), if any. */
    Optional<UUID> idOfReference(String typed) {
        return BookingReference.parse(typed)
                .flatMap(ref -> jdbi.withHandle(h -> h.createQuery("SELECT id FROM booking WHERE reference = :r")
                        .bind("r", ref.value())
                        .mapTo(UUID.class)
                        .findOne()));
    }

    /** Agents find bookings by booking reference, ticket number or travel document number. */
    public List<Booking> search(String ticketOrDocument) {
        if (ticketOrDocument == null || ticketOrDocument.strip().length() < 5 || ticketOrDocument.length() > 80) {
            throw new InvalidInput(
                    "q", "a booking reference, ticket number or document number of 5–80 characters", "booking-query");
        }
        String q = ticketOrDocument.strip().toUpperCase(Locale.ROOT);
        List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT booking_id FROM booking_passenger"
                        + " WHERE ticket_number = :q OR upper(document_number) = :q"
                        + " UNION SELECT id FROM booking WHERE reference = :ref")
                .bind("q", q)
                .bind(
                        "ref",
                        BookingReference.parse(q).map(BookingReference::value).orElse(""))
                .mapTo(String.class)
                .list());
        return ids.stream().map(this::load).flatMap(Optional::stream).toList();
    }

    static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    Optional<Booking> load(String id) {
        return parseId(id).flatMap(this::load);
    }

    private Optional<Booking> load(UUID id) {
        return jdbi.withHandle(h -> {
            List<BookedPassenger> passengers = h.createQuery(
                            "SELECT * FROM booking_passenger WHERE booking_id = :id ORDER BY idx")
                    .bind("id", id)
                    .map((rs, ctx) -> SalesRows.bookedPassenger(rs))
                    .list();
            return h.createQuery("SELECT * FROM booking WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> SalesRows.booking(rs, passengers, currencies))
                    .findOne()
                    .map(b -> b.withPayments(Payments.of(h, id, currencies)));
        });
    }

    /** The journey across networks the booking is a leg of, if it is one (V79). */
    Optional<String> journeyOf(String bookingId) {
        return parseId(bookingId)
                .flatMap(id -> jdbi.withHandle(
                        h -> h.createQuery("SELECT id FROM journey_booking WHERE first_leg = :b OR second_leg = :b")
                                .bind("b", id)
                                .mapTo(String.class)
                                .findOne()));
    }

    /** The booking that was changed with this key, if any. */
    Optional<String> changedWithKey(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM booking WHERE change_key = :k")
                .bind("k", key)
                .mapTo(String.class)
                .findOne());
    }

    String changeKey(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT change_key FROM booking WHERE id = :id")
                .bind("id", UUID.fromString(id))
                .mapTo(String.class)
                .findOne()
                .orElse(null));
    }

    /** A passenger's waitlist entries, newest first. */
    public List<WaitlistEntry> waitlistOf(String owner) {
        List<String> ids = jdbi.withHandle(
                h -> h.createQuery("SELECT id FROM waitlist_entry WHERE owner = :o" + " ORDER BY seq DESC")
                        .bind("o", owner)
                        .mapTo(String.class)
                        .list());
        return ids.stream().map(id -> waitlistEntry(id, owner, false)).toList();
    }

    /** One entry its owner (or an agent) may see. */
    public WaitlistEntry waitlistEntry(String entryId, String caller, boolean agent) {
        Optional<UUID> id = parseId(entryId);
        Optional<WaitlistEntry> found = id.isEmpty()
                ? Optional.empty()
                : jdbi.withHandle(h -> {
                    List<Passenger> passengers = waitingPassengers(h, id.get());
                    return h.createQuery("SELECT e.*, (SELECT count(*) FROM waitlist_entry o WHERE o.train = e.train"
                                    + " AND o.service_date = e.service_date AND o.seat_class = e.seat_class AND o.seq < e.seq"
                                    + " AND o.status = 'WAITING') AS ahead FROM waitlist_entry e WHERE e.id = :id")
                            .bind("id", id.get())
                            .map((rs, ctx) -> SalesRows.entry(rs, rs.getInt("ahead"), passengers, currencies))
                            .findOne();
                });
        WaitlistEntry e = found.orElseThrow(() -> new NotFound("id", "no waitlist entry '" + entryId + "'"));
        if (!agent && !e.owner().equals(caller)) {
            throw new NotFound("id", "no waitlist entry '" + entryId + "'");
        }
        return e;
    }

    /** What a passenger has been told, newest first. */
    public List<Notification> notificationsOf(String owner) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM notification WHERE owner = :o ORDER BY id DESC LIMIT 100")
                .bind("o", owner)
                .map((rs, ctx) -> new Notification(
                        rs.getLong("id"),
                        SalesRows.instant(rs, "created_at"),
                        rs.getString("kind"),
                        rs.getString("booking_id"),
                        rs.getString("message")))
                .list());
    }

    /** The entries still waiting for a run, in the order they joined (without their passengers). */
    List<WaitlistEntry> waiting(String train, LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery("SELECT e.*, 0 AS ahead FROM waitlist_entry e"
                        + " WHERE train = :t AND service_date = :d AND status = 'WAITING' ORDER BY seq")
                .bind("t", train)
                .bind("d", date)
                .map((rs, ctx) -> SalesRows.entry(rs, 0, List.of(), currencies))
                .list());
    }

    /** The passengers of a waitlist entry, in the order they were given. */
    List<Passenger> waitingPassengers(UUID entryId) {
        return jdbi.withHandle(h -> waitingPassengers(h, entryId));
    }

    private static List<Passenger> waitingPassengers(Handle h, UUID entryId) {
        return h.createQuery("SELECT * FROM waitlist_passenger WHERE entry_id = :id ORDER BY idx")
                .bind("id", entryId)
                .map((rs, ctx) -> SalesRows.passenger(rs))
                .list();
    }
}
