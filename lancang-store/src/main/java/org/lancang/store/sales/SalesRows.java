package org.lancang.store.sales;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lancang.money.Currencies;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.db.GroupCommit.Statement;
import org.lancang.store.sales.SalesRecords.BookedPassenger;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.WaitStatus;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.LapInfant;
import org.lancang.ticketing.Passenger;

/** Bookings and waitlist entries as rows: the statements that write them and the mappers that read them back. */
final class SalesRows {
    private SalesRows() {}

    /** The lap infant a passenger carries (V65): the same columns on booked and waiting passengers. */
    private static final String INFANT_COLUMNS = " infant_name, infant_date_of_birth, infant_document_type,"
            + " infant_document_number, infant_nationality, infant_document_expiry";

    private static final String INFANT_VALUES = " :iName, :iDob, :iDt, :iDn, :iNat, :iExp";
    private static final String INSERT_BOOKING =
            "INSERT INTO booking (id, reference, train, service_date, from_code, to_code,"
                    + " from_stop, to_stop, seat_class, status, owner, sold_by, created_at, hold_expires_at, currency, total_minor,"
                    + " paid_at, changed_from, network) VALUES (:id, :reference, :train, :date, :from, :to, :fs, :ts, :cls, :status,"
                    + " :owner, :soldBy, :created, :expires, :cur, :total, :paid, :changedFrom, :network)";
    private static final String INSERT_PASSENGER =
            "INSERT INTO booking_passenger (booking_id, idx, name, document_type,"
                    + " document_number, document_key, nationality, date_of_birth, document_expiry, seat_index, car, seat,"
                    + " ticket_number, fare_category, fare_minor," + INFANT_COLUMNS
                    + ") VALUES (:id, :idx, :name, :dt, :dn, :dk, :nat,"
                    + " :dob, :exp, :si, :car, :seat, :ticket, :fareCategory, :fareMinor," + INFANT_VALUES + ")";
    private static final String INSERT_ENTRY =
            "INSERT INTO waitlist_entry (id, train, service_date, from_code, to_code,"
                    + " from_stop, to_stop, seat_class, currency, owner, created_at, departs_at, status, network) VALUES (:id, :train,"
                    + " :date, :from, :to, :fs, :ts, :cls, :cur, :owner, :created, :departs, 'WAITING', :network)";
    private static final String INSERT_WAITING_PASSENGER = "INSERT INTO waitlist_passenger (entry_id, idx, name,"
            + " document_type, document_number, nationality, date_of_birth, document_expiry," + INFANT_COLUMNS
            + ") VALUES (:id, :idx, :name, :dt, :dn, :nat, :dob, :exp," + INFANT_VALUES + ")";
    private static final String OFFER = "UPDATE waitlist_entry SET status = 'OFFERED', booking_id = :booking,"
            + " offered_at = :now WHERE id = :id AND status = 'WAITING'";
    private static final String NOTIFY = "INSERT INTO notification (owner, created_at, kind, booking_id, message)"
            + " VALUES (:owner, :now, :kind, :booking, :message)";

    /** A new booking (held, or ticketed when it replaces a ticket) as plain statements for the group commit. */
    static List<Statement> insert(Booking b) {
        List<Statement> out = new ArrayList<>();
        Map<String, Object> row = new HashMap<>();
        row.put("id", UUID.fromString(b.id()));
        row.put("reference", b.reference());
        row.put("train", b.train());
        row.put("network", b.network());
        row.put("date", b.date());
        row.put("from", b.from());
        row.put("to", b.to());
        row.put("fs", b.fromStop());
        row.put("ts", b.toStop());
        row.put("cls", b.seatClass().name());
        row.put("status", b.status().name());
        row.put("owner", b.owner());
        row.put("soldBy", b.soldBy());
        row.put("created", utc(b.createdAt()));
        row.put("expires", utc(b.holdExpiresAt()));
        row.put("cur", b.currency().code());
        row.put("total", b.totalMinor());
        row.put("paid", b.paidAt() == null ? null : utc(b.paidAt()));
        row.put("changedFrom", b.changedFrom() == null ? null : UUID.fromString(b.changedFrom()));
        out.add(new Statement(INSERT_BOOKING, row));
        int idx = 0;
        for (BookedPassenger p : b.passengers()) {
            Map<String, Object> pr = passengerValues(UUID.fromString(b.id()), idx++, p.passenger());
            pr.put("dk", p.passenger().documentKey());
            pr.put("si", p.seatIndex());
            pr.put("car", p.car());
            pr.put("seat", p.seat());
            pr.put("ticket", p.ticketNumber());
            pr.put("fareCategory", p.fareCategory());
            pr.put("fareMinor", p.fareMinor());
            out.add(new Statement(INSERT_PASSENGER, pr));
        }
        return out;
    }

    /** A new waitlist entry with its passengers. */
    static List<Statement> insert(WaitlistEntry e, String network) {
        List<Statement> out = new ArrayList<>();
        Map<String, Object> row = new HashMap<>();
        row.put("id", UUID.fromString(e.id()));
        row.put("network", network);
        row.put("train", e.train());
        row.put("date", e.date());
        row.put("from", e.from());
        row.put("to", e.to());
        row.put("fs", e.fromStop());
        row.put("ts", e.toStop());
        row.put("cls", e.seatClass().name());
        row.put("cur", e.currency().code());
        row.put("owner", e.owner());
        row.put("created", utc(e.createdAt()));
        row.put("departs", utc(e.departsAt()));
        out.add(new Statement(INSERT_ENTRY, row));
        int idx = 0;
        for (Passenger p : e.passengers()) {
            out.add(new Statement(INSERT_WAITING_PASSENGER, passengerValues(UUID.fromString(e.id()), idx++, p)));
        }
        return out;
    }

    /** The entry now has a hold, and its owner is told. */
    static List<Statement> offer(WaitlistEntry e, Booking hold, Instant now, String message) {
        Map<String, Object> offer = new HashMap<>();
        offer.put("booking", UUID.fromString(hold.id()));
        offer.put("now", utc(now));
        offer.put("id", UUID.fromString(e.id()));
        Map<String, Object> note = new HashMap<>();
        note.put("owner", e.owner());
        note.put("now", utc(now));
        note.put("kind", "WAITLIST_OFFER");
        note.put("booking", UUID.fromString(hold.id()));
        note.put("message", message);
        return List.of(new Statement(OFFER, offer), new Statement(NOTIFY, note));
    }

    private static Map<String, Object> passengerValues(UUID id, int idx, Passenger x) {
        Map<String, Object> pr = new HashMap<>();
        pr.put("id", id);
        pr.put("idx", idx);
        pr.put("name", x.name().strip());
        pr.put("dt", x.documentType());
        pr.put("dn", x.documentNumber().strip());
        pr.put("nat", x.nationality());
        pr.put("dob", x.dateOfBirth());
        pr.put("exp", x.documentExpiry());
        LapInfant i = x.infant();
        pr.put("iName", i == null ? null : i.name().strip());
        pr.put("iDob", i == null ? null : i.dateOfBirth());
        pr.put("iDt", i == null ? null : i.documentType());
        pr.put(
                "iDn",
                i == null || i.documentNumber() == null
                        ? null
                        : i.documentNumber().strip());
        pr.put("iNat", i == null ? null : i.nationality());
        pr.put("iExp", i == null ? null : i.documentExpiry());
        return pr;
    }

    static Passenger passenger(ResultSet rs) throws SQLException {
        Date expiry = rs.getDate("document_expiry");
        Date dateOfBirth = rs.getDate("date_of_birth");
        return new Passenger(
                rs.getString("name"),
                rs.getString("document_type"),
                rs.getString("document_number"),
                rs.getString("nationality"),
                dateOfBirth == null ? null : dateOfBirth.toLocalDate(),
                expiry == null ? null : expiry.toLocalDate(),
                lapInfant(rs));
    }

    private static LapInfant lapInfant(ResultSet rs) throws SQLException {
        String name = rs.getString("infant_name");
        if (name == null) {
            return null;
        }
        String type = rs.getString("infant_document_type");
        Date expiry = rs.getDate("infant_document_expiry");
        return new LapInfant(
                name,
                rs.getDate("infant_date_of_birth").toLocalDate(),
                type,
                rs.getString("infant_document_number"),
                rs.getString("infant_nationality"),
                expiry == null ? null : expiry.toLocalDate());
    }

    static BookedPassenger bookedPassenger(ResultSet rs) throws SQLException {
        return new BookedPassenger(
                passenger(rs),
                rs.getInt("seat_index"),
                rs.getInt("car"),
                rs.getString("seat"),
                rs.getString("ticket_number"),
                rs.getString("fare_category"),
                rs.getObject("fare_minor", Long.class));
    }

    static Booking booking(ResultSet rs, List<BookedPassenger> passengers, Currencies currencies) throws SQLException {
        return new Booking(
                rs.getString("id"),
                rs.getString("reference"),
                rs.getString("train"),
                rs.getDate("service_date").toLocalDate(),
                rs.getString("from_code"),
                rs.getString("to_code"),
                rs.getInt("from_stop"),
                rs.getInt("to_stop"),
                SeatClass.valueOf(rs.getString("seat_class")),
                BookingStatus.valueOf(rs.getString("status")),
                rs.getString("owner"),
                rs.getString("sold_by"),
                instant(rs, "created_at"),
                instant(rs, "hold_expires_at"),
                currencies.stored(rs.getString("currency")),
                rs.getLong("total_minor"),
                instant(rs, "paid_at"),
                instant(rs, "cancelled_at"),
                (Long) rs.getObject("fee_minor"),
                (Long) rs.getObject("refund_minor"),
                passengers,
                rs.getString("changed_to"),
                rs.getString("changed_from"),
                (Long) rs.getObject("change_difference_minor"),
                List.of(),
                rs.getString("network"));
    }

    static WaitlistEntry entry(ResultSet rs, int ahead, List<Passenger> passengers, Currencies currencies)
            throws SQLException {
        return new WaitlistEntry(
                rs.getString("id"),
                rs.getString("train"),
                rs.getDate("service_date").toLocalDate(),
                rs.getString("from_code"),
                rs.getString("to_code"),
                rs.getInt("from_stop"),
                rs.getInt("to_stop"),
                SeatClass.valueOf(rs.getString("seat_class")),
                currencies.stored(rs.getString("currency")),
                rs.getString("owner"),
                instant(rs, "created_at"),
                instant(rs, "departs_at"),
                WaitStatus.valueOf(rs.getString("status")),
                rs.getString("booking_id"),
                instant(rs, "offered_at"),
                ahead,
                passengers);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
