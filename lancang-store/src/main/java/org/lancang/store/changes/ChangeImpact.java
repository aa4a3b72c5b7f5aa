package org.lancang.store.changes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.lancang.ticketing.ChangeRemedies.Remedy;

/**
 * The sold tickets a change touches: every held or ticketed booking on a run whose times it moves or that it
 * cancels, with how much the booking's own departure and arrival move and what its passengers are offered.
 */
public record ChangeImpact(List<TouchedBooking> bookings) {
    public ChangeImpact {
        bookings = List.copyOf(bookings);
    }

    /**
     * One booking and what the change does to it. Times are instants (null where the run does not exist on that side
     * of the change); shifts are in whole minutes, later positive.
     */
    public record TouchedBooking(
            String bookingId,
            String owner,
            String train,
            LocalDate date,
            String from,
            String to,
            String status,
            int passengers,
            boolean cancelled,
            Instant departureBefore,
            Instant departureAfter,
            Instant arrivalBefore,
            Instant arrivalAfter,
            long departureShiftMinutes,
            long arrivalShiftMinutes,
            Remedy remedy) {}

    public int passengers() {
        return bookings.stream().mapToInt(TouchedBooking::passengers).sum();
    }
}
