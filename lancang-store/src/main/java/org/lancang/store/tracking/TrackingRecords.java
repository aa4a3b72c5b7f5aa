package org.lancang.store.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.lancang.tracking.BoxEvent;
import org.lancang.tracking.BoxEventType;

/** What the tracking service keeps and answers with (the web layer turns them into views). */
public final class TrackingRecords {
    private TrackingRecords() {}

    /** A step reported by a terminal or a shipper; {@code location} may be left out for the usual place. */
    public record Report(String bookingId, String unit, BoxEventType type, String location, Instant at) {}

    /**
     * A stored event: its place in the order of storage ({@code seq}), whose consignment, who recorded it; {@code
     * classifier} ACT for a step that happened, EST for an estimated arrival of the consignment (unit blank).
     */
    public record Tracked(
            long seq,
            UUID eventId,
            String shipper,
            BoxEvent event,
            String source,
            Instant recordedAt,
            String classifier,
            Where where) {
        public boolean actual() {
            return "ACT".equals(classifier);
        }
    }

    /**
     * Where an event happened beyond its point: the network, the carrier (operator) that had the unit there, the
     * point's time zone, and what happened in words (the train; the gauges at a transshipment). Null when unknown.
     */
    public record Where(String network, String carrier, String zone, String detail) {}

    /** One report of a batch: the event's id and whether it was already known. */
    public record Outcome(UUID eventId, boolean duplicate) {}

    public record Recorded(int accepted, int duplicates, List<Outcome> events) {}

    /** A unit of a consignment with its latest step (null before the first). */
    public record UnitPosition(String unit, String kind, BoxEventType lastType, String lastLocation, Instant lastAt) {}

    /**
     * A consignment (a freight booking) as tracked: its train, the planned and forecast arrival of the train at the
     * destination, the ETA (forecast arrival plus the terminal's release time) in the destination's zone.
     */
    public record Consignment(
            String bookingId,
            String network,
            String consignmentNumber,
            String shipper,
            String train,
            LocalDate serviceDate,
            String from,
            String to,
            ZoneId destinationZone,
            Instant plannedDeparture,
            Instant plannedArrival,
            Instant forecastArrival,
            long arrivalDelaySeconds,
            Instant plannedEta,
            Instant eta,
            List<UnitPosition> units,
            OnwardLeg onward) {}

    /**
     * The onward leg of a through consignment beyond its yard (issue 19): the network and point it goes on to, and once
     * it has one, its train from the transshipment point with the planned and forecast departure there and arrival
     * where the train leaves the boxes ({@code arrivesAt}: the destination, or the train's end short of it), each in
     * its point's zone, and the ETA there (forecast arrival + that terminal's time).
     */
    public record OnwardLeg(
            String network,
            String to,
            String bookingId,
            String train,
            LocalDate serviceDate,
            String from,
            String arrivesAt,
            boolean reachesDestination,
            ZoneId fromZone,
            ZoneId arrivalZone,
            Instant plannedDeparture,
            Instant forecastDeparture,
            Instant plannedArrival,
            Instant forecastArrival,
            Instant eta) {}

    /** A webhook subscription; the secret is shown once, when it is made. */
    public record Subscription(
            UUID id,
            String owner,
            boolean everyConsignment,
            String bookingId,
            String callbackUrl,
            String secret,
            Instant createdAt,
            Instant cancelledAt,
            long pending,
            long delivered,
            String lastError) {}

    /** Events due for delivery to one subscription. */
    public record Due(UUID subscriptionId, String callbackUrl, String secret, int attempts, List<Tracked> events) {}

    /** An event given up for a subscription after the retry limit (a dead letter), with the last error. */
    public record DeadLetter(
            UUID subscriptionId,
            String owner,
            String callbackUrl,
            long seq,
            UUID eventId,
            int attempts,
            Instant lastAttemptAt,
            String lastError,
            Instant deadAt) {}

    /** When to try again after {@code attempts} failed tries: doubling from {@code first}, at most {@code cap}. */
    public record Retry(Duration first, Duration cap) {
        public Duration after(int attempts) {
            long f = first.toMillis();
            long ms = attempts >= 30 ? cap.toMillis() : Math.min(cap.toMillis(), f * (1L << Math.max(0, attempts - 1)));
            return Duration.ofMillis(ms);
        }
    }
}
