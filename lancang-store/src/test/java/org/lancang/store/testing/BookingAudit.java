package org.lancang.store.testing;

import org.lancang.store.sales.SalesAudit;

/** Queries over the sales tables that must count zero after any rush or crash. */
public final class BookingAudit {
    private BookingAudit() {}

    /** Pairs of live bookings holding one seat of one train run on a common segment. */
    public static final String SOLD_TWICE = "SELECT count(*) FROM (" + SalesAudit.SOLD_TWICE + ") t";

    /**
     * Passenger rows without their booking, bookings without a first passenger, and gaps in a booking's passenger
     * numbers: what the dropped foreign key from passenger to booking guarded, and more.
     */
    public static final String UNMATCHED = "SELECT"
            + " (SELECT count(*) FROM booking_passenger p WHERE NOT EXISTS (SELECT 1 FROM booking b WHERE b.id = p.booking_id))"
            + " + (SELECT count(*) FROM booking b WHERE NOT EXISTS"
            + " (SELECT 1 FROM booking_passenger p WHERE p.booking_id = b.id AND p.idx = 0))"
            + " + (SELECT count(*) FROM booking_passenger p WHERE p.idx > 0 AND NOT EXISTS"
            + " (SELECT 1 FROM booking_passenger q WHERE q.booking_id = p.booking_id AND q.idx = p.idx - 1))";
}
