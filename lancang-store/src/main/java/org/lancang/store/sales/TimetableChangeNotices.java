package org.lancang.store.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What a timetable change needs from sales: the live bookings of the runs it touches, and, when it is published, the
 * passengers told and the refund fee waived where the operator's rules say so. The waiver is read back by refunds and
 * changes ({@link FeeWaivers}).
 */
public final class TimetableChangeNotices {
    public static final String KIND = "TIMETABLE_CHANGE";

    /** A held or ticketed booking on a run: who holds it, where it boards and leaves, for how many passengers. */
    public record LiveBooking(
            String id,
            String owner,
            String train,
            LocalDate date,
            String from,
            String to,
            int fromStop,
            int toStop,
            String status,
            int passengers) {}

    private final Jdbi jdbi;

    public TimetableChangeNotices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The held and ticketed bookings of these trains between two dates (both included), by date and train. */
    public List<LiveBooking> liveBookings(Collection<String> trains, LocalDate from, LocalDate to) {
        if (trains.isEmpty()) {
            return List.of();
        }
        String[] numbers = trains.stream().map(t -> t.toUpperCase(Locale.ROOT)).toArray(String[]::new);
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT b.id, b.owner, b.train, b.service_date, b.from_code, b.to_code, b.from_stop,"
                                + " b.to_stop, b.status, (SELECT count(*) FROM booking_passenger p"
                                + " WHERE p.booking_id = b.id) AS passengers FROM booking b WHERE b.train = ANY(:trains)"
                                + " AND b.service_date BETWEEN :from AND :to AND b.status IN ('HELD', 'TICKETED')"
                                + " ORDER BY b.service_date, b.train, b.created_at, b.id")
                .bind("trains", numbers)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new LiveBooking(
                        rs.getString("id"),
                        rs.getString("owner"),
                        rs.getString("train"),
                        rs.getObject("service_date", LocalDate.class),
                        rs.getString("from_code"),
                        rs.getString("to_code"),
                        rs.getInt("from_stop"),
                        rs.getInt("to_stop"),
                        rs.getString("status"),
                        rs.getInt("passengers")))
                .list());
    }

    /** Tells the booking's owner (in the same transaction as the change's publication). */
    public static void notify(Handle h, LiveBooking b, String message, Instant now) {
        h.createUpdate("INSERT INTO notification (owner, created_at, kind, booking_id, message)"
                        + " VALUES (:owner, :now, :kind, :booking, :message)")
                .bind("owner", b.owner())
                .bind("now", SalesRows.utc(now))
                .bind("kind", KIND)
                .bind("booking", UUID.fromString(b.id()))
                .bind("message", message)
                .execute();
    }

    /**
     * Waives the booking's refund fee (and the fee of a change) because of a change; a booking already waived keeps
     * its first waiver.
     */
    public static void waive(
            Handle h,
            LiveBooking b,
            String changeId,
            boolean cancelled,
            long departureShift,
            long arrivalShift,
            Instant now) {
        h.createUpdate("INSERT INTO booking_fee_waiver (booking_id, change_id, reason, departure_shift_minutes,"
                        + " arrival_shift_minutes, created_at) VALUES (:b, :c, :r, :d, :a, :now)"
                        + " ON CONFLICT (booking_id) DO NOTHING")
                .bind("b", UUID.fromString(b.id()))
                .bind("c", changeId)
                .bind("r", cancelled ? "CANCELLED" : "MOVED")
                .bind("d", cancelled ? null : (Integer) (int) departureShift)
                .bind("a", cancelled ? null : (Integer) (int) arrivalShift)
                .bind("now", SalesRows.utc(now))
                .execute();
    }
}
