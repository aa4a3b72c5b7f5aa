package org.lancang.store.sales;

import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a booking's refund and change fees are waived because a published timetable change cancelled or moved its
 * train (see {@link TimetableChangeNotices}); read when a refund or a change is priced.
 */
final class FeeWaivers {
    private final Jdbi jdbi;

    FeeWaivers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    boolean waived(String bookingId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM booking_fee_waiver WHERE booking_id = :b")
                        .bind("b", UUID.fromString(bookingId))
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }
}
