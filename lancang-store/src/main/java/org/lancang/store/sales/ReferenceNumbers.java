package org.lancang.store.sales;

import org.jdbi.v3.core.Jdbi;
import org.lancang.ticketing.BookingReference;

/**
 * Hands out booking references: numbers are taken from the database in blocks of {@link #BLOCK} (one sequence call per
 * block, so a rush of bookings does not ask the database for each), and each number becomes its reference. Numbers of
 * a block a crash left unused are simply never used; two servers never get the same block.
 */
final class ReferenceNumbers {
    static final int BLOCK = 1000;

    private final Jdbi jdbi;
    private long next;
    private long end;

    ReferenceNumbers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    synchronized BookingReference next() {
        if (next >= end) {
            long block = jdbi.withHandle(h -> h.createQuery("SELECT nextval('booking_reference_block')")
                    .mapTo(Long.class)
                    .one());
            next = block * BLOCK;
            end = next + BLOCK;
        }
        return BookingReference.numbered(next++);
    }
}
