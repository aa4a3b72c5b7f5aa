package org.lancang.store.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.lancang.operations.DepartureHold;
import org.lancang.operations.TrainPriority;
import org.lancang.operations.meet.Proposal;

/** What the operations service answers with: plain records, shown as they are by the API and the command line. */
public final class OperationsRecords {
    private OperationsRecords() {}

    /** One event of a batch: its key (train@date/point/kind) and whether it was already known. */
    public record EventResult(String key, boolean duplicate) {}

    /** A batch ingested: how many were new, how many repeats, and the forecast version of the day after it. */
    public record Ingested(int accepted, int duplicates, List<EventResult> events) {}

    /** Something changed on a day: the runs whose forecast moved (empty: the whole day), and the day's new version. */
    public record Change(LocalDate date, long version, String reason, List<String> runs) {}

    /** A train held at a point (customs at the border), with the departure its forecast has from there. */
    public record HeldTrain(DepartureHold hold, Instant forecastDeparture) {}

    /** A dispatching order as recorded: who issued it, when, and what. */
    public record DispatchingOrder(
            long id,
            LocalDate serviceDate,
            String issuedBy,
            Instant issuedAt,
            String kind,
            String train,
            LocalDate trainDate,
            String point,
            Instant holdUntil,
            String waitsFor,
            String line,
            List<String> lineOrder,
            String text) {}

    /**
     * A re-planning of the day's meets: the costs (weighted seconds of delay at destinations) of the forecast as it
     * stands, of first come first served and of the solver's order, the solver's status and gap, and the proposal if
     * it saves enough to be worth applying.
     */
    public record Replan(
            LocalDate date,
            long version,
            long currentCost,
            long fcfsCost,
            long proposedCost,
            String solverStatus,
            double optimalityGap,
            long solverMillis,
            Proposal proposal) {}

    /** A train at a station on a day: planned, actual and forecast times (the station's zone for local display). */
    public record StationCall(
            String train,
            LocalDate serviceDate,
            TrainPriority priority,
            String from,
            String to,
            String station,
            ZoneId zone,
            Instant plannedArrival,
            Instant plannedDeparture,
            Instant actualArrival,
            Instant actualDeparture,
            Instant forecastArrival,
            Instant forecastDeparture,
            long delaySeconds) {}

    /** A passenger's journey on a train run, with its forecast at both ends. */
    public record JourneyForecast(
            String train,
            LocalDate serviceDate,
            String from,
            String to,
            ZoneId fromZone,
            ZoneId toZone,
            Instant plannedDeparture,
            Instant forecastDeparture,
            long departureDelaySeconds,
            Instant plannedArrival,
            Instant forecastArrival,
            long arrivalDelaySeconds) {}

    /** The server's now and how fast it runs. */
    public record ClockView(Instant now, double rate) {}
}
