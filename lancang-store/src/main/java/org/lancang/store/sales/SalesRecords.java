package org.lancang.store.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.lancang.money.Currency;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.fares.FareQuote;

/** The values the sales service takes and gives. */
public final class SalesRecords {
    private SalesRecords() {
    }

    /** A class on a train for a journey: how many seats are free and what it costs. */
    public record ClassOffer(SeatClass seatClass, int available, FareQuote fare) {
    }

    /** One train that serves a journey on a date. */
    public record JourneyOption(String train, String operator, String trainType, String from, String to,
                                OffsetDateTime departure, OffsetDateTime arrival, long durationMinutes,
                                boolean crossesBorder, boolean onSale, List<ClassOffer> classes) {
    }

    /** "Hold these seats for these passengers." */
    public record HoldRequest(String train, LocalDate date, String from, String to, SeatClass seatClass,
                              SeatPosition position, int car, List<Passenger> passengers, Currency currency) {
    }

    public enum Status { HELD, TICKETED, CANCELLED, EXPIRED }

    /** A passenger of a booking with their seat (and ticket once paid). */
    public record BookedPassenger(Passenger passenger, int seatIndex, int car, String seat, String ticketNumber) {
    }

    public record Booking(String id, String train, LocalDate date, String from, String to, int fromStop, int toStop,
                          SeatClass seatClass, Status status, String owner, String soldBy, Instant createdAt,
                          Instant holdExpiresAt, Currency currency, long totalMinor, Instant paidAt, Instant cancelledAt,
                          Long feeMinor, Long refundMinor, List<BookedPassenger> passengers) {
        public boolean live() {
            return status == Status.HELD || status == Status.TICKETED;
        }
    }
}
