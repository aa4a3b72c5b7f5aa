package org.lancang.web.customs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.lancang.customs.AdvanceData;
import org.lancang.customs.ReleaseState;
import org.lancang.freight.ConsignmentNote;
import org.lancang.store.customs.CustomsRecords;
import org.lancang.store.customs.CustomsService;
import org.lancang.store.operations.OperationsRecords.HeldTrain;

/** The answers of the customs endpoints. */
public final class CustomsViews {
    private CustomsViews() {}

    public record StepView(ReleaseState state, String reason, String by, Instant at, String source) {}

    /**
     * A consignment at one border its train crosses: the border (its point code), the control station and the country
     * whose customs decide there, the data's due time there and the lead it is due by, and the state there.
     */
    public record BorderView(
            String border,
            String control,
            String country,
            String train,
            Instant dueAt,
            long leadMinutes,
            ReleaseState state,
            Instant releasedAt) {
        static BorderView of(CustomsRecords.Release r, CustomsService customs) {
            return new BorderView(
                    r.crossing().borderCode(),
                    r.crossing().control().code(),
                    r.crossing().country().code(),
                    r.train(),
                    customs.dueAt(r),
                    customs.rules().advanceDataLead(r.crossing().border()).toMinutes(),
                    r.consignment().state(),
                    r.consignment().releasedAt());
        }
    }

    /**
     * A consignment's release with the customs of one border its train crosses ({@code border}, {@code control},
     * {@code country}, due by {@code dueAt}), and {@code borders}: every border the train crosses, in travel order, each
     * with its own due time, lead and state.
     */
    public record ReleaseView(
            String bookingId,
            String consignmentNumber,
            String shipper,
            String train,
            LocalDate serviceDate,
            String border,
            String control,
            String country,
            Instant dueAt,
            long leadMinutes,
            ReleaseState state,
            String reason,
            String decidedBy,
            Instant decidedAt,
            Instant releasedAt,
            List<StepView> history,
            List<BorderView> borders) {
        /** {@code all}: releases of the same network, among them this consignment's at each border. */
        static ReleaseView of(CustomsRecords.Release r, CustomsService customs, List<CustomsRecords.Release> all) {
            BorderView here = BorderView.of(r, customs);
            return new ReleaseView(
                    r.consignment().bookingId(),
                    r.consignment().consignmentNumber(),
                    r.consignment().shipper(),
                    r.train(),
                    r.serviceDate(),
                    here.border(),
                    here.control(),
                    here.country(),
                    here.dueAt(),
                    here.leadMinutes(),
                    r.consignment().state(),
                    r.reason(),
                    r.decidedBy(),
                    r.decidedAt(),
                    r.consignment().releasedAt(),
                    r.history().stream()
                            .map(s -> new StepView(s.state(), s.reason(), s.by(), s.at(), s.source()))
                            .toList(),
                    all.stream()
                            .filter(x -> x.consignment()
                                    .bookingId()
                                    .equals(r.consignment().bookingId()))
                            .sorted(Comparator.comparingInt(x -> x.crossing().pathIndex()))
                            .map(x -> BorderView.of(x, customs))
                            .toList());
        }
    }

    /**
     * One consignment in the summary transport data, named after the WCO Data Model's classes as the Lao National
     * Single Window's e-manifest takes them (Lancang's own mapping, not checked against the single window's
     * specification): the transport document (the consignment number), consignor, consignee, the goods with their
     * commodity code, package quantity and gross weight, the equipment with its seals.
     */
    public record TransportDataView(
            String transportDocumentReference,
            String consignorName,
            String consignorAddress,
            String consigneeName,
            String consigneeAddress,
            String placeOfLoading,
            String placeOfDischarge,
            List<String> equipment,
            List<String> seals,
            List<GoodsItemView> goodsItems,
            int totalPackageQuantity,
            double totalGrossMassKg,
            List<String> missing) {}

    public record GoodsItemView(String description, String commodityCode, int packageQuantity, double grossMassKg) {}

    /**
     * A train's advance cargo data: the railway manifest's head (train, date, reference, the crossing: its border, the
     * control station and country), the due time (the border's lead before the arrival there) and its flags, and one
     * line per consignment in the summary transport data.
     */
    public record ManifestView(
            String manifestReference,
            String train,
            LocalDate serviceDate,
            String transportMode,
            String border,
            String control,
            String country,
            Instant arrivesAt,
            long leadMinutes,
            Instant dueAt,
            Instant submittedAt,
            boolean complete,
            boolean submitted,
            boolean late,
            int consignments,
            int totalPackageQuantity,
            double totalGrossMassKg,
            List<TransportDataView> lines) {
        static ManifestView of(AdvanceData.Manifest m, String shipper) {
            List<TransportDataView> lines = m.lines().stream()
                    .filter(l -> shipper == null || l.consignment().shipper().equals(shipper))
                    .map(CustomsViews::line)
                    .toList();
            return new ManifestView(
                    m.reference(),
                    m.train(),
                    m.serviceDate(),
                    "RAIL",
                    m.crossing().border().point().code(),
                    m.crossing().control().code(),
                    m.crossing().country().code(),
                    m.arrivesAt(),
                    Duration.between(m.dueAt(), m.arrivesAt()).toMinutes(),
                    m.dueAt(),
                    m.submittedAt(),
                    m.complete(),
                    m.submitted(),
                    m.late(),
                    m.lines().size(),
                    m.packages(),
                    m.grossMassKg(),
                    lines);
        }
    }

    static TransportDataView line(AdvanceData.Line l) {
        ConsignmentNote n = l.consignment().note();
        return new TransportDataView(
                l.consignment().consignmentNumber(),
                n == null || n.consignor() == null ? null : n.consignor().name(),
                n == null || n.consignor() == null ? null : n.consignor().address(),
                n == null || n.consignee() == null ? null : n.consignee().name(),
                n == null || n.consignee() == null ? null : n.consignee().address(),
                l.consignment().from(),
                l.consignment().to(),
                n == null
                        ? List.of()
                        : Stream.concat(n.containers().stream().map(ConsignmentNote.Box::number), n.wagons().stream())
                                .toList(),
                n == null
                        ? List.of()
                        : n.containers().stream().map(ConsignmentNote.Box::seal).toList(),
                n == null
                        ? List.of()
                        : n.goods().stream()
                                .map(g -> new GoodsItemView(g.description(), g.hsCode(), g.packages(), g.grossMassKg()))
                                .toList(),
                l.packages(),
                l.grossMassKg(),
                l.missing());
    }

    /** A train on the freight office's border board. */
    public record BoardRowView(
            String train,
            LocalDate serviceDate,
            String border,
            String control,
            String country,
            Instant arrivesAt,
            Instant dueAt,
            boolean complete,
            boolean submitted,
            boolean late,
            int consignments,
            int released,
            int inspection,
            int heldByCustoms,
            boolean held,
            String holdReason,
            Instant forecastDeparture) {
        static BoardRowView of(CustomsRecords.BoardRow r) {
            AdvanceData.Manifest m = r.manifest();
            return new BoardRowView(
                    m.train(),
                    m.serviceDate(),
                    m.crossing().border().point().code(),
                    m.crossing().control().code(),
                    m.crossing().country().code(),
                    m.arrivesAt(),
                    m.dueAt(),
                    m.complete(),
                    m.submitted(),
                    m.late(),
                    m.lines().size(),
                    count(m, ReleaseState.RELEASED),
                    count(m, ReleaseState.SELECTED_FOR_INSPECTION),
                    count(m, ReleaseState.HELD),
                    r.held(),
                    r.holdReason(),
                    r.forecastDeparture());
        }

        private static int count(AdvanceData.Manifest m, ReleaseState s) {
            return (int)
                    m.lines().stream().filter(l -> l.consignment().state() == s).count();
        }
    }

    /** A train held at a point (customs at the border): while open it may not leave; the forecast's departure. */
    public record HoldView(
            String train,
            LocalDate serviceDate,
            String point,
            boolean open,
            Instant releasedAt,
            String reason,
            Instant forecastDeparture) {
        static HoldView of(HeldTrain h) {
            return new HoldView(
                    h.hold().train(),
                    h.hold().serviceDate(),
                    h.hold().point(),
                    h.hold().open(),
                    h.hold().releasedAt(),
                    h.hold().reason(),
                    h.forecastDeparture());
        }
    }

    public record OfficerView(String username, String country) {}

    /**
     * A customs message as a receiver polls it: which train, date and border it declares, to which customs (the
     * country), its version (1, then each amendment) and the first message's reference for an amendment, the
     * consignments it declares; the UN/EDIFACT text is at {@code GET /api/freight/customs/messages/{seq}}.
     */
    public record CustomsMessageView(
            long seq,
            String network,
            String train,
            LocalDate serviceDate,
            String border,
            String control,
            String receiver,
            int version,
            String reference,
            String amends,
            List<String> consignments,
            String sentBy,
            Instant sentAt) {
        static CustomsMessageView of(CustomsRecords.Message m) {
            return new CustomsMessageView(
                    m.seq(),
                    m.network(),
                    m.train(),
                    m.serviceDate(),
                    m.border(),
                    m.control(),
                    m.receiver(),
                    m.version(),
                    m.reference(),
                    m.original(),
                    m.consignments(),
                    m.sentBy(),
                    m.createdAt());
        }
    }
}
