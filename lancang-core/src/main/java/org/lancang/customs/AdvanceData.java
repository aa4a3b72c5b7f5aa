package org.lancang.customs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.lancang.freight.ConsignmentNote;

/**
 * A train's advance cargo data, assembled from its consignment notes: one line per consignment with what the railway
 * manifest and the summary transport data carry (sender, receiver, goods with HS code, packages and gross mass,
 * boxes and seals, wagons), the fields still missing, and when the whole is due (the lead of the border it crosses
 * before the train reaches its crossing) and whether it is late.
 */
public final class AdvanceData {
    private AdvanceData() {}

    /** One consignment's data, with the fields it still lacks (empty when complete). */
    public record Line(Consignment consignment, List<String> missing) {
        public Line {
            missing = List.copyOf(missing);
        }

        public boolean complete() {
            return missing.isEmpty();
        }

        public double grossMassKg() {
            return consignment.note() == null ? 0 : consignment.note().grossMassKg();
        }

        public int packages() {
            return consignment.note() == null
                    ? 0
                    : consignment.note().goods().stream()
                            .mapToInt(ConsignmentNote.Goods::packages)
                            .sum();
        }
    }

    /**
     * The data of one train at its crossing.
     *
     * @param reference   the manifest reference: train, date and control station
     * @param arrivesAt   when the train reaches the control station (the forecast where there is one)
     * @param dueAt       when the data is due there
     * @param submittedAt when the railway last sent it (null if never)
     * @param late        not complete and submitted by the due time (judged at {@code now})
     */
    public record Manifest(
            String train,
            LocalDate serviceDate,
            String reference,
            Crossing crossing,
            Instant arrivesAt,
            Instant dueAt,
            Instant submittedAt,
            List<Line> lines,
            boolean late) {
        public Manifest {
            lines = List.copyOf(lines);
        }

        public boolean complete() {
            return lines.stream().allMatch(Line::complete);
        }

        /** Whether every consignment's data has been sent (none is a draft any more). */
        public boolean submitted() {
            return lines.stream().noneMatch(l -> l.consignment().state() == ReleaseState.DRAFT);
        }

        public double grossMassKg() {
            return lines.stream().mapToDouble(Line::grossMassKg).sum();
        }

        public int packages() {
            return lines.stream().mapToInt(Line::packages).sum();
        }
    }

    /** The manifest of a train that reaches {@code crossing} at {@code arrivesAt}, judged at {@code now}. */
    public static Manifest assemble(
            String train,
            LocalDate serviceDate,
            Crossing crossing,
            Instant arrivesAt,
            CustomsRules rules,
            List<Consignment> consignments,
            Instant submittedAt,
            Instant now) {
        List<Line> lines = new ArrayList<>();
        for (Consignment c : consignments) {
            lines.add(new Line(c, missing(c)));
        }
        Instant due = arrivesAt.minus(rules.advanceDataLead(crossing.border())); // the lead of the border crossed
        boolean allIn =
                lines.stream().allMatch(l -> l.complete() && l.consignment().state() != ReleaseState.DRAFT);
        boolean late =
                !lines.isEmpty() && ((!allIn && now.isAfter(due)) || (submittedAt != null && submittedAt.isAfter(due)));
        String reference = train + "-" + serviceDate.toString().replace("-", "") + "-"
                + crossing.control().code();
        return new Manifest(train, serviceDate, reference, crossing, arrivesAt, due, submittedAt, lines, late);
    }

    /** The fields of the data that a consignment still lacks, named as in the consignment note. */
    public static List<String> missing(Consignment c) {
        List<String> out = new ArrayList<>();
        ConsignmentNote n = c.note();
        if (n == null || c.consignmentNumber() == null) {
            out.add("note");
            return out;
        }
        blank(
                out,
                "consignor.name",
                n.consignor() == null ? null : n.consignor().name());
        blank(
                out,
                "consignor.address",
                n.consignor() == null ? null : n.consignor().address());
        blank(
                out,
                "consignee.name",
                n.consignee() == null ? null : n.consignee().name());
        blank(
                out,
                "consignee.address",
                n.consignee() == null ? null : n.consignee().address());
        if (n.containers().isEmpty() && n.wagons().isEmpty()) {
            out.add("containers");
        }
        for (int i = 0; i < n.containers().size(); i++) {
            blank(out, "containers[" + i + "].seal", n.containers().get(i).seal());
        }
        if (n.goods().isEmpty()) {
            out.add("goods");
        }
        for (int i = 0; i < n.goods().size(); i++) {
            ConsignmentNote.Goods g = n.goods().get(i);
            blank(out, "goods[" + i + "].description", g.description());
            blank(out, "goods[" + i + "].hsCode", g.hsCode());
            if (g.packages() <= 0) {
                out.add("goods[" + i + "].packages");
            }
            if (g.grossMassKg() <= 0) {
                out.add("goods[" + i + "].grossMassKg");
            }
        }
        return out;
    }

    private static void blank(List<String> out, String field, String value) {
        if (value == null || value.isBlank()) {
            out.add(field);
        }
    }
}
