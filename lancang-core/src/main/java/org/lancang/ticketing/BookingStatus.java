package org.lancang.ticketing;

import java.util.EnumSet;
import java.util.Set;
import org.lancang.errors.Clash;

/**
 * Where a booking stands. A hold (HELD) is paid (TICKETED), cancelled, lapses (EXPIRED) or is changed into another
 * booking (CHANGED); a ticket is cancelled (refunded less the fee) or changed. CANCELLED, EXPIRED and CHANGED are
 * final. Whether money moves with a step is the payment's own lifecycle ({@link
 * org.lancang.ticketing.payments.PaymentStatus}): a hold is paid only once its charge is reserved at the provider, and
 * the charge is captured only once the ticket is issued.
 */
public enum BookingStatus {
    HELD,
    TICKETED,
    CANCELLED,
    EXPIRED,
    CHANGED;

    /** The statuses a booking in this status may move to. */
    public Set<BookingStatus> next() {
        return switch (this) {
            case HELD -> EnumSet.of(TICKETED, CANCELLED, EXPIRED, CHANGED);
            case TICKETED -> EnumSet.of(CANCELLED, CHANGED);
            case CANCELLED, EXPIRED, CHANGED -> EnumSet.noneOf(BookingStatus.class);
        };
    }

    public boolean canMoveTo(BookingStatus target) {
        return next().contains(target);
    }

    /** HELD and TICKETED bookings hold their seats; the others hold nothing. */
    public boolean live() {
        return this == HELD || this == TICKETED;
    }

    /** The live statuses, for queries over the seats held. */
    public static Set<BookingStatus> liveStatuses() {
        return EnumSet.of(HELD, TICKETED);
    }

    /**
     * Refuses a move the lifecycle does not allow, as a {@link Clash} on {@code status}: the booking is in a state
     * the caller did not expect (paid, cancelled or changed meanwhile, or lapsed).
     */
    public void requireMoveTo(BookingStatus target) {
        if (!canMoveTo(target)) {
            throw new Clash(
                    "status",
                    "booking is " + this + "; it cannot become " + target
                            + (next().isEmpty() ? " (it is final)" : " (from " + this + " only " + next() + ")"));
        }
    }
}
