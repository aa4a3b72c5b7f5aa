package org.lancang.ticketing;

import java.time.Duration;
import java.util.Map;
import org.lancang.timetable.Operator;

/**
 * What a passenger is offered when a published timetable change cancels the train they booked, or moves its departure
 * from their boarding station or its arrival at their destination by at least the operator's threshold: the refund
 * fee is waived and the booking may be changed free of fee (a dearer fare is still charged its difference).
 *
 * <p>The default threshold, 30 minutes for both operators, is an <strong>assumption</strong>: neither 12306 nor the
 * LCR Ticket app publishes a figure for a planned retiming that we could cite. 12306 waives the refund fee when a train
 * is cancelled or late through the railway's fault; 30 minutes is about the shortest shift that breaks a connection at
 * Kunming South or the border formalities' margin, so smaller moves are treated as ordinary retiming.
 */
public record ChangeRemedies(Map<Operator, Duration> thresholds) {
    public enum Remedy {
        /** The move is small: the booking stands as it is, with the usual refund fee. */
        NONE,
        /** Cancelled, or moved by at least the threshold: refund without fee, or a change free of fee. */
        FREE_CHANGE_OR_REFUND
    }

    public ChangeRemedies {
        thresholds = Map.copyOf(thresholds);
    }

    public static ChangeRemedies defaults() {
        return new ChangeRemedies(Map.of()); // every operator: 30 min, the assumption of the class comment
    }

    public Duration threshold(Operator operator) {
        return thresholds.getOrDefault(operator, Duration.ofMinutes(30));
    }

    /** The remedy for a booking whose run is cancelled, or whose departure and arrival move by these amounts. */
    public Remedy remedy(Operator operator, boolean cancelled, Duration departureShift, Duration arrivalShift) {
        if (cancelled) {
            return Remedy.FREE_CHANGE_OR_REFUND;
        }
        Duration limit = threshold(operator);
        boolean large =
                departureShift.abs().compareTo(limit) >= 0 || arrivalShift.abs().compareTo(limit) >= 0;
        return large ? Remedy.FREE_CHANGE_OR_REFUND : Remedy.NONE;
    }
}
