package org.lancang.store.sales;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.money.Currencies;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.payments.PaymentKind;
import org.lancang.ticketing.payments.PaymentStatus;
import org.lancang.ticketing.payments.Reconciliation;

/**
 * The reconciliation behind {@code lancang sales reconcile}: from the database and the payment provider's ledger, that
 * every charge is matched by a ticket or a refund (money taken = money for the tickets issued + money given back, for
 * every booking followed through its changes; see {@link Reconciliation}) and that every seat-segment is in at most
 * one live booking. For one service date, the bookings of that date with every booking they were changed from or into.
 */
public final class SalesAudit {
    /** A payment may be on its way this long (reserved, not yet captured or voided) before it counts as stuck. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    /**
     * Pairs of live bookings holding one seat of one train run on a common segment (the later booking second). The
     * same query the crash and rush tests count with.
     */
    public static final String SOLD_TWICE = "SELECT a.train, a.service_date, pa.seat_index, b.id AS first_booking,"
            + " a.id AS second_booking FROM booking a"
            + " JOIN booking_passenger pa ON pa.booking_id = a.id"
            + " JOIN booking b ON b.train = a.train AND b.service_date = a.service_date AND b.id < a.id"
            + " JOIN booking_passenger pb ON pb.booking_id = b.id AND pb.seat_index = pa.seat_index"
            + " WHERE a.status IN ('HELD','TICKETED') AND b.status IN ('HELD','TICKETED')"
            + " AND a.from_stop < b.to_stop AND b.from_stop < a.to_stop";

    /** One seat-segment in two live bookings. */
    public record SeatClash(String train, LocalDate date, int seatIndex, String firstBooking, String secondBooking) {}

    /** The outcome: money against tickets, and seats sold twice. It holds when both are clean. */
    public record Report(LocalDate date, Reconciliation.Report money, List<SeatClash> seatsSoldTwice) {
        public boolean holds() {
            return money.holds() && seatsSoldTwice.isEmpty();
        }
    }

    private static final String FACTS = "SELECT id, changed_from, status, currency, total_minor,"
            + " paid_at IS NOT NULL AS ticketed, refund_minor, change_difference_minor FROM booking";
    /**
     * The bookings of a date and every booking linked to them by a change, either way, or as the other leg of a journey
     * across networks (whose legs may run on two dates).
     */
    private static final String CHAIN_OF_DATE = "WITH RECURSIVE chain(id) AS (SELECT id FROM booking WHERE"
            + " service_date = :d UNION SELECT b.id FROM chain c LEFT JOIN journey_booking j ON c.id IN"
            + " (j.first_leg, j.second_leg) JOIN booking b ON b.changed_from = c.id OR b.changed_to = c.id"
            + " OR b.id = j.first_leg OR b.id = j.second_leg) ";

    private final Jdbi jdbi;
    private final PaymentProvider provider;
    private final Clock clock;
    private final Currencies currencies;

    public SalesAudit(Jdbi jdbi, PaymentProvider provider, Clock clock, Currencies currencies) {
        this.currencies = currencies;
        this.jdbi = jdbi;
        this.provider = provider;
        this.clock = clock;
    }

    /** Checks one service date ({@code null}: every booking). */
    public Report check(LocalDate date) {
        return jdbi.withHandle(h -> {
            List<Reconciliation.BookingFacts> bookings = facts(h, date);
            List<Reconciliation.Together> journeys = journeys(h, bookings);
            List<String> ids = new ArrayList<>(
                    bookings.stream().map(Reconciliation.BookingFacts::id).toList());
            journeys.forEach(j -> ids.add(j.id())); // a journey's charge is recorded against the journey
            List<Reconciliation.Payment> ours = ours(h, date == null ? null : ids);
            List<Reconciliation.Payment> ledger = provider.ledger(date == null ? null : ids).stream()
                    .map(e -> new Reconciliation.Payment(
                            e.key(),
                            e.reference(),
                            e.kind(),
                            e.status(),
                            e.amount().minor(),
                            e.amount().currency(),
                            e.createdAt()))
                    .toList();
            Reconciliation.Report money =
                    Reconciliation.check(bookings, journeys, ledger, ours, clock.instant(), STUCK_AFTER);
            var pairs = h.createQuery(
                    SOLD_TWICE + (date == null ? "" : " AND a.service_date = :d") + " ORDER BY a.train, pa.seat_index");
            if (date != null) {
                pairs.bind("d", date);
            }
            List<SeatClash> seats = pairs.map((rs, ctx) -> new SeatClash(
                            rs.getString("train"),
                            rs.getDate("service_date").toLocalDate(),
                            rs.getInt("seat_index"),
                            rs.getString("first_booking"),
                            rs.getString("second_booking")))
                    .list();
            return new Report(date, money, seats);
        });
    }

    private List<Reconciliation.BookingFacts> facts(Handle h, LocalDate date) {
        var query = h.createQuery(date == null ? FACTS : CHAIN_OF_DATE + FACTS + " WHERE id IN (SELECT id FROM chain)");
        if (date != null) {
            query.bind("d", date);
        }
        return query.map((rs, ctx) -> new Reconciliation.BookingFacts(
                        rs.getString("id"),
                        rs.getString("changed_from"),
                        BookingStatus.valueOf(rs.getString("status")),
                        currencies.stored(rs.getString("currency")),
                        rs.getLong("total_minor"),
                        rs.getBoolean("ticketed"),
                        (Long) rs.getObject("refund_minor"),
                        (Long) rs.getObject("change_difference_minor")))
                .list();
    }

    /** The journeys across networks (V79) whose legs are among the bookings: each paid with one charge. */
    private static List<Reconciliation.Together> journeys(Handle h, List<Reconciliation.BookingFacts> bookings) {
        UUID[] ids = bookings.stream().map(b -> UUID.fromString(b.id())).toArray(UUID[]::new);
        return h.createQuery("SELECT id, first_leg, second_leg FROM journey_booking WHERE first_leg = ANY(:ids)"
                        + " OR second_leg = ANY(:ids)")
                .bind("ids", ids)
                .map((rs, ctx) -> new Reconciliation.Together(
                        rs.getString("id"), List.of(rs.getString("first_leg"), rs.getString("second_leg"))))
                .list();
    }

    private List<Reconciliation.Payment> ours(Handle h, List<String> bookingIds) {
        String sql = "SELECT provider_key, booking_id, kind, status, amount_minor, currency, created_at FROM payment"
                + (bookingIds == null ? "" : " WHERE booking_id = ANY(:ids)");
        var query = h.createQuery(sql);
        if (bookingIds != null) {
            query.bind("ids", bookingIds.stream().map(UUID::fromString).toArray(UUID[]::new));
        }
        return query.map((rs, ctx) -> new Reconciliation.Payment(
                        rs.getString("provider_key"),
                        rs.getString("booking_id"),
                        PaymentKind.valueOf(rs.getString("kind")),
                        PaymentStatus.valueOf(rs.getString("status")),
                        rs.getLong("amount_minor"),
                        currencies.stored(rs.getString("currency")),
                        SalesRows.instant(rs, "created_at")))
                .list();
    }
}
