package org.lancang.store.freight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.lancang.freight.ConsignmentNote;
import org.lancang.freight.EquipmentKind;
import org.lancang.freight.PathAnswer;
import org.lancang.freight.PathAsk;
import org.lancang.freight.Slot;

/** What the freight service keeps and answers with (the web layer turns them into views). */
public final class FreightRecords {
    private FreightRecords() {}

    public enum RequestStatus {
        /** A path was found; the freight office has not decided. */
        PROPOSED,
        /** No path as asked: the binding constraint and the alternative are kept. */
        NO_PATH,
        /** Approved: the train was added to its date by a timetable change. */
        APPROVED,
        /** Refused by the freight office, with its reason. */
        REFUSED
    }

    public record Request(
            String id,
            String shipper,
            String train,
            PathAsk ask,
            LocalDate serviceDate,
            Instant departure,
            Instant arrival,
            String bindingKind,
            String binding,
            Instant alternativeDeparture,
            RequestStatus status,
            Instant createdAt,
            String decidedBy,
            Instant decidedAt,
            String reason,
            String changeId) {}

    /** A request as just answered: the record kept and the whole answer (notes, waits, the alternative). */
    public record Answered(Request request, PathAnswer answer) {}

    /** A catalogue slot on one date: where and when its train runs that day, and how much is left. */
    public record SlotOnDate(
            Slot slot,
            LocalDate date,
            boolean runs,
            String from,
            String to,
            LocalTime departure,
            Instant departureAt,
            Instant arrivalAt,
            Instant cutOffAt,
            int wagonsLeft,
            int teuLeft) {}

    /** So many boxes or wagons of a kind. */
    public record Equipment(EquipmentKind kind, int count) {}

    public record Unit(String unit, EquipmentKind kind, String owner) {}

    public record Booking(
            String id,
            String shipper,
            String slotId,
            String requestId,
            String train,
            LocalDate serviceDate,
            String from,
            String to,
            int wagons,
            int teu,
            Instant createdAt,
            List<Unit> units) {}

    public record Note(String bookingId, String consignmentNumber, LocalDate acceptedOn, ConsignmentNote note) {}

    /** Boxes loaded each way on a date, and the empties the lighter direction leaves to return. */
    public record Imbalance(
            LocalDate date,
            String towardsA,
            int loadedTowardsA,
            String towardsB,
            int loadedTowardsB,
            int emptiesToReturn,
            String emptiesTowards) {}

    /** A freight train of the day with its load. */
    public record TrainLoad(
            String train, String from, String to, Instant departure, int wagons, int teu, int bookings) {}
}
