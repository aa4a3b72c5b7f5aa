package org.lancang.store.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.fares.Berth;
import org.lancang.ticketing.fares.FareCategory;
import org.lancang.ticketing.fares.FareQuote;
import org.lancang.ticketing.payments.PaymentKind;
import org.lancang.ticketing.payments.PaymentStatus;

/** The values the sales service takes and gives. */
public final class SalesRecords {
    private SalesRecords() {}

    /**
     * A class on a train for a journey: how many seats are free and what it costs. {@code keptForCrossBorder}: none is
     * free for this journey, yet seats of the class are free on it in cars kept for passengers crossing the border (so
     * the class is not sold out: it is kept, and a cross-border journey could still have it).
     */
    public record ClassOffer(
            SeatClass seatClass,
            int available,
            FareQuote fare,
            boolean keptForCrossBorder,
            List<CategoryFare> reducedFares) {}

    /**
     * The fare of a child or an infant in a class (the first operator's age band: at least {@code minAge}, under
     * {@code maxAge} on the day of travel).
     */
    public record CategoryFare(FareCategory category, int minAge, int maxAge, Money total) {}

    /** One train that serves a journey on a date. */
    public record JourneyOption(
            String train,
            String operator,
            String trainType,
            String from,
            String to,
            OffsetDateTime departure,
            OffsetDateTime arrival,
            long durationMinutes,
            boolean crossesBorder,
            boolean onSale,
            List<ClassOffer> classes) {}

    /**
     * When a booking's train leaves its first station and reaches its last, as the timetable now has it: local times
     * with their offset, and the IANA zone of each station (the two differ on a cross-border journey).
     */
    public record JourneyTimes(
            OffsetDateTime departure, String departureZone, OffsetDateTime arrival, String arrivalZone) {}

    /** "Hold these seats for these passengers." */
    /** @param berth the berth chosen in a sleeper class (never relaxed: it is priced apart), or null for any */
    public record HoldRequest(
            String train,
            LocalDate date,
            String from,
            String to,
            SeatClass seatClass,
            SeatPosition position,
            int car,
            List<Passenger> passengers,
            Currency currency,
            Berth berth) {
        /** A hold with no berth chosen. */
        public HoldRequest(
                String train,
                LocalDate date,
                String from,
                String to,
                SeatClass seatClass,
                SeatPosition position,
                int car,
                List<Passenger> passengers,
                Currency currency) {
            this(train, date, from, to, seatClass, position, car, passengers, currency, null);
        }
    }

    /** Why money moved: a hold paid, a change's difference, a cancelled ticket given back. */
    public enum PaymentPurpose {
        PAYMENT,
        CHANGE,
        CANCELLATION
    }

    /**
     * One charge or refund recorded against a booking, with the client's idempotency key (null for a refund Lancang
     * owes of itself) and its outcome: a charge CAPTURED took the money, VOIDED or FAILED took nothing ({@code note}
     * says why); a refund REFUNDED gave it back.
     */
    public record Payment(
            PaymentKind kind,
            PaymentPurpose purpose,
            PaymentStatus status,
            Currency currency,
            long amountMinor,
            String idempotencyKey,
            String providerReference,
            Instant createdAt,
            Instant settledAt,
            String note) {}

    /** A passenger of a booking with their seat (and ticket once paid). */
    /**
     * A passenger with their seat and ticket, and the fare they pay: {@code fareCategory} (ADULT, CHILD, INFANT) and
     * {@code fareMinor} in the booking's currency; both null for a booking made before fares were kept per passenger.
     */
    public record BookedPassenger(
            Passenger passenger,
            int seatIndex,
            int car,
            String seat,
            String ticketNumber,
            String fareCategory,
            Long fareMinor) {}

    /**
     * A booking: {@code id} is its UUID, {@code reference} the short code a person reads out at a window (see
     * the core's BookingReference). {@code network} is the code of the network whose train it is sold on.
     */
    public record Booking(
            String id,
            String reference,
            String train,
            LocalDate date,
            String from,
            String to,
            int fromStop,
            int toStop,
            SeatClass seatClass,
            BookingStatus status,
            String owner,
            String soldBy,
            Instant createdAt,
            Instant holdExpiresAt,
            Currency currency,
            long totalMinor,
            Instant paidAt,
            Instant cancelledAt,
            Long feeMinor,
            Long refundMinor,
            List<BookedPassenger> passengers,
            String changedTo,
            String changedFrom,
            Long changeDifferenceMinor,
            List<Payment> payments,
            String network) {
        public boolean live() {
            return status.live();
        }

        /** The same booking with its payments as recorded. */
        public Booking withPayments(List<Payment> recorded) {
            return new Booking(
                    id,
                    reference,
                    train,
                    date,
                    from,
                    to,
                    fromStop,
                    toStop,
                    seatClass,
                    status,
                    owner,
                    soldBy,
                    createdAt,
                    holdExpiresAt,
                    currency,
                    totalMinor,
                    paidAt,
                    cancelledAt,
                    feeMinor,
                    refundMinor,
                    passengers,
                    changedTo,
                    changedFrom,
                    changeDifferenceMinor,
                    List.copyOf(recorded),
                    network);
        }
    }

    /**
     * "Move this booking to another train or date" (the same journey; class and seat preference may change). The key
     * makes a retry return the same new booking and never charge the difference twice.
     */
    public record ChangeRequest(
            String train, LocalDate date, SeatClass seatClass, SeatPosition position, int car, String idempotencyKey) {}

    /** "Put these passengers on the waitlist for this sold-out class and journey." */
    public record WaitlistRequest(
            String train,
            LocalDate date,
            String from,
            String to,
            SeatClass seatClass,
            List<Passenger> passengers,
            Currency currency) {}

    /** A waitlist entry: WAITING in turn; OFFERED a held booking; then FULFILLED (paid), EXPIRED or CANCELLED. */
    public enum WaitStatus {
        WAITING,
        OFFERED,
        FULFILLED,
        EXPIRED,
        CANCELLED
    }

    /**
     * A place on a waitlist. {@code ahead} is how many entries for the same run and class joined earlier and still wait
     * (while WAITING). {@code bookingId} is the hold made for it once OFFERED.
     */
    public record WaitlistEntry(
            String id,
            String train,
            LocalDate date,
            String from,
            String to,
            int fromStop,
            int toStop,
            SeatClass seatClass,
            Currency currency,
            String owner,
            Instant createdAt,
            Instant departsAt,
            WaitStatus status,
            String bookingId,
            Instant offeredAt,
            int ahead,
            List<Passenger> passengers) {}

    /**
     * A seat sold twice in the stored bookings of a run, found when the run was loaded: the run is not on sale until
     * one of the bookings is cancelled (an agent or the operator decides which).
     */
    public record SalesAnomaly(
            String train,
            LocalDate date,
            int seatIndex,
            int car,
            String seat,
            List<String> bookings,
            Instant detectedAt,
            String message) {}

    /** Something the passenger is told, such as a waitlisted seat now held for them. */
    public record Notification(long id, Instant createdAt, String kind, String bookingId, String message) {}
}
