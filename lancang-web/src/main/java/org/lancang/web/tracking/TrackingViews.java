package org.lancang.web.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lancang.customs.BorderClearance;
import org.lancang.customs.ReleaseState;
import org.lancang.network.Network;
import org.lancang.store.tracking.TrackingRecords;
import org.lancang.tracking.BoxEvent;
import org.lancang.tracking.BoxEventType;

/** The answers of the tracking API: views, never the core's or the store's own records. */
public final class TrackingViews {
    private TrackingViews() {}

    /** Where an event happened: the point's code (Lancang's; no UN/LOCODE is kept) and its name. */
    public record LocationView(String facilityCode, String locationName) {}

    /** The train a transport event belongs to. */
    public record TransportCallView(
            String modeOfTransport, String transportCallReference, String trainNumber, LocalDate serviceDate) {}

    public record DocumentReferenceView(String documentReferenceType, String documentReferenceValue) {}

    /**
     * A tracking event in the shape of a DCSA Track & Trace event: {@code eventType} TRANSPORT (the train's steps),
     * EQUIPMENT (the box's at terminals) or SHIPMENT (customs release), {@code eventClassifierCode} PLN, EST or ACT,
     * with the DCSA code of the step; {@code lancangEventType} names Lancang's own step (DCSA has no code for a pass or
     * a border crossing: those are sent as DEPA/ARRI at the place).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DcsaEventView(
            @JsonProperty("eventID") UUID eventID,
            @JsonProperty("eventType") String eventType,
            @JsonProperty("eventClassifierCode") String eventClassifierCode,
            @JsonProperty("eventDateTime") Instant eventDateTime,
            @JsonProperty("eventCreatedDateTime") Instant eventCreatedDateTime,
            @JsonProperty("transportEventTypeCode") String transportEventTypeCode,
            @JsonProperty("equipmentEventTypeCode") String equipmentEventTypeCode,
            @JsonProperty("shipmentEventTypeCode") String shipmentEventTypeCode,
            @JsonProperty("documentTypeCode") String documentTypeCode,
            @JsonProperty("equipmentReference") String equipmentReference,
            @JsonProperty("emptyIndicatorCode") String emptyIndicatorCode,
            @JsonProperty("eventLocation") LocationView eventLocation,
            @JsonProperty("transportCall") TransportCallView transportCall,
            @JsonProperty("documentReferences") List<DocumentReferenceView> documentReferences,
            @JsonProperty("lancangEventType") BoxEventType lancangEventType,
            @JsonProperty("seq") Long seq,
            @JsonProperty("network") String network,
            @JsonProperty("carrier") String carrier,
            @JsonProperty("eventTimeZone") String eventTimeZone,
            @JsonProperty("eventDateTimeLocal") String eventDateTimeLocal,
            @JsonProperty("detail") String detail) {

        /**
         * A stored (actual) event, with the network and carrier it happened with, and its time in its point's zone
         * ({@code eventDateTimeLocal}, {@code eventTimeZone}).
         */
        static DcsaEventView of(TrackingRecords.Tracked t, Network network) {
            return of(t.event(), t.eventId(), t.classifier(), t.recordedAt(), network, t.seq(), t.where());
        }

        static DcsaEventView of(
                BoxEvent e,
                UUID id,
                String classifier,
                Instant created,
                Network network,
                Long seq,
                TrackingRecords.Where where) {
            String eventType;
            String transport = null;
            String equipment = null;
            String shipment = null;
            String document = null;
            String empty = null;
            switch (e.type()) {
                case DEPARTED, PASSED, BORDER_EXIT -> {
                    eventType = "TRANSPORT";
                    transport = "DEPA";
                }
                case ARRIVED, BORDER_ENTRY -> {
                    eventType = "TRANSPORT";
                    transport = "ARRI";
                }
                case GATE_IN -> {
                    eventType = "EQUIPMENT";
                    equipment = "GTIN";
                    empty = "LADEN";
                }
                case LOADED -> {
                    eventType = "EQUIPMENT";
                    equipment = "LOAD";
                    empty = "LADEN";
                }
                case TRANSSHIPPED -> {
                    eventType = "EQUIPMENT";
                    equipment = "DISC";
                    empty = "LADEN";
                }
                case DELIVERED -> {
                    eventType = "EQUIPMENT";
                    equipment = "GTOT";
                    empty = "LADEN";
                }
                case EMPTY_RETURNED -> {
                    eventType = "EQUIPMENT";
                    equipment = "GTIN";
                    empty = "EMPTY";
                }
                case CUSTOMS_RELEASE -> {
                    eventType = "SHIPMENT";
                    shipment = "APPR";
                    document = "CUS";
                }
                case CUSTOMS_HOLD -> {
                    eventType = "SHIPMENT";
                    shipment = "HOLD";
                    document = "CUS";
                }
                default -> throw new IllegalStateException("unmapped " + e.type());
            }
            String name = network.point(e.location()).map(p -> p.names().en()).orElse(e.location());
            // an event stored before its zone was kept (or an estimate) takes its point's zone
            String zone = where != null && where.zone() != null
                    ? where.zone()
                    : network.point(e.location()).map(p -> p.timeZone().getId()).orElse(null);
            List<DocumentReferenceView> refs = new ArrayList<>();
            refs.add(new DocumentReferenceView("BKG", e.bookingId()));
            return new DcsaEventView(
                    id,
                    eventType,
                    classifier,
                    e.at(),
                    created,
                    transport,
                    equipment,
                    shipment,
                    document,
                    e.unit().isEmpty() ? null : e.unit(), // a consignment's estimate names no box
                    e.unit().isEmpty() ? null : empty,
                    new LocationView(e.location(), name),
                    e.train() == null
                            ? null
                            : new TransportCallView(
                                    "RAIL", e.train() + "@" + e.serviceDate(), e.train(), e.serviceDate()),
                    refs,
                    e.type(),
                    seq,
                    where != null && where.network() != null ? where.network() : network.code(),
                    where == null ? null : where.carrier(),
                    zone,
                    zone == null
                            ? null
                            : e.at().atZone(ZoneId.of(zone)).toLocalDateTime().toString(),
                    where == null ? null : where.detail());
        }

        /** A planned or estimated event: its id names the estimate (a new estimate is a new event, as DCSA has it). */
        static DcsaEventView estimate(BoxEvent e, String classifier, Instant created, Network network) {
            UUID id = UUID.nameUUIDFromBytes(
                    (e.eventId() + "/" + classifier + "/" + e.at()).getBytes(StandardCharsets.UTF_8));
            return of(e, id, classifier, created, network, null, null);
        }
    }

    public record UnitView(String unit, String kind, BoxEventType lastType, String lastLocation, Instant lastAt) {}

    /** A consignment with its ETA (instant and the destination's local time) and each unit's latest step. */
    public record ConsignmentView(
            String bookingId,
            String network,
            String consignmentNumber,
            String shipper,
            String train,
            LocalDate serviceDate,
            String from,
            String to,
            String destinationZone,
            Instant plannedDeparture,
            Instant plannedArrival,
            Instant forecastArrival,
            long arrivalDelaySeconds,
            Instant plannedEta,
            Instant eta,
            String etaLocal,
            List<UnitView> units,
            List<DcsaEventView> events,
            OnwardLegView onward,
            List<BorderView> customs) {
        static ConsignmentView of(TrackingRecords.Consignment c, List<DcsaEventView> events, List<BorderView> customs) {
            return new ConsignmentView(
                    c.bookingId(),
                    c.network(),
                    c.consignmentNumber(),
                    c.shipper(),
                    c.train(),
                    c.serviceDate(),
                    c.from(),
                    c.to(),
                    c.destinationZone().getId(),
                    c.plannedDeparture(),
                    c.plannedArrival(),
                    c.forecastArrival(),
                    c.arrivalDelaySeconds(),
                    c.plannedEta(),
                    c.eta(),
                    c.eta() == null
                            ? null
                            : c.eta()
                                    .atZone(c.destinationZone())
                                    .toLocalDateTime()
                                    .toString(),
                    c.units().stream()
                            .map(u -> new UnitView(u.unit(), u.kind(), u.lastType(), u.lastLocation(), u.lastAt()))
                            .toList(),
                    events,
                    OnwardLegView.of(c.onward()),
                    customs);
        }
    }

    /**
     * Customs at one border the consignment's legs cross (in travel order; null on the list of consignments): the
     * border point, the country whose customs decide there and its control station, the train that crosses, and the
     * consignment's state there (DRAFT: its declaration not sent yet).
     */
    public record BorderView(
            String border, String country, String control, String train, ReleaseState state, String network) {
        static BorderView of(BorderClearance.AtBorder b, String network) {
            return new BorderView(
                    b.crossing().border().point().code(),
                    b.crossing().country().code(),
                    b.crossing().control().code(),
                    b.train(),
                    b.state(),
                    network);
        }
    }

    /**
     * The onward leg of a through consignment (null for any other): where it goes on to, and once it has one, its train
     * from the transshipment point with departure and arrival planned and forecast, each also in its point's local
     * time and zone, and the ETA where the train leaves the boxes ({@code arrivesAt}; {@code reachesDestination} false
     * when the train ends short of the destination).
     */
    public record OnwardLegView(
            String network,
            String to,
            String bookingId,
            String train,
            LocalDate serviceDate,
            String from,
            String fromZone,
            Instant plannedDeparture,
            Instant forecastDeparture,
            String departureLocal,
            String arrivesAt,
            boolean reachesDestination,
            String arrivalZone,
            Instant plannedArrival,
            Instant forecastArrival,
            Instant eta,
            String etaLocal) {
        static OnwardLegView of(TrackingRecords.OnwardLeg o) {
            if (o == null) {
                return null;
            }
            Instant departure = o.forecastDeparture() != null ? o.forecastDeparture() : o.plannedDeparture();
            return new OnwardLegView(
                    o.network(),
                    o.to(),
                    o.bookingId(),
                    o.train(),
                    o.serviceDate(),
                    o.from(),
                    o.fromZone() == null ? null : o.fromZone().getId(),
                    o.plannedDeparture(),
                    o.forecastDeparture(),
                    local(departure, o.fromZone()),
                    o.arrivesAt(),
                    o.reachesDestination(),
                    o.arrivalZone() == null ? null : o.arrivalZone().getId(),
                    o.plannedArrival(),
                    o.forecastArrival(),
                    o.eta(),
                    local(o.eta(), o.arrivalZone()));
        }

        private static String local(Instant t, ZoneId zone) {
            return t == null || zone == null
                    ? null
                    : t.atZone(zone).toLocalDateTime().toString();
        }
    }

    public record OutcomeView(UUID eventID, boolean duplicate) {}

    public record RecordedView(int accepted, int duplicates, List<OutcomeView> events) {
        static RecordedView of(TrackingRecords.Recorded r) {
            return new RecordedView(
                    r.accepted(),
                    r.duplicates(),
                    r.events().stream()
                            .map(o -> new OutcomeView(o.eventId(), o.duplicate()))
                            .toList());
        }
    }

    /** An event given up for a subscription after the retry limit. */
    public record DeadLetterView(
            UUID subscriptionId,
            String owner,
            String callbackUrl,
            long seq,
            UUID eventID,
            int attempts,
            Instant lastAttemptAt,
            String lastError,
            Instant deadAt) {
        static DeadLetterView of(TrackingRecords.DeadLetter d) {
            return new DeadLetterView(
                    d.subscriptionId(),
                    d.owner(),
                    d.callbackUrl(),
                    d.seq(),
                    d.eventId(),
                    d.attempts(),
                    d.lastAttemptAt(),
                    d.lastError(),
                    d.deadAt());
        }
    }

    /** A subscription; {@code secret} only in the answer that created it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(
            UUID id,
            String owner,
            boolean everyConsignment,
            String bookingId,
            String callbackUrl,
            String secret,
            String signatureHeader,
            Instant createdAt,
            Instant cancelledAt,
            long pending,
            long delivered,
            String lastError) {
        static SubscriptionView of(TrackingRecords.Subscription s) {
            return new SubscriptionView(
                    s.id(),
                    s.owner(),
                    s.everyConsignment(),
                    s.bookingId(),
                    s.callbackUrl(),
                    s.secret(),
                    WebhookSender.SIGNATURE_HEADER,
                    s.createdAt(),
                    s.cancelledAt(),
                    s.pending(),
                    s.delivered(),
                    s.lastError());
        }
    }
}
