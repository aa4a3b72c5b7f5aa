package org.lancang.store.customs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.lancang.customs.AdvanceData;
import org.lancang.customs.Consignment;
import org.lancang.customs.Crossing;
import org.lancang.customs.ReleaseState;

/** What the customs service keeps and answers with (the web layer turns them into views). */
public final class CustomsRecords {
    private CustomsRecords() {}

    /** Who moved a consignment to a state, when, why, and how the decision came (RAILWAY, CUSTOMS, IMPORT). */
    public record Step(ReleaseState state, String reason, String by, Instant at, String source) {}

    /** A consignment on its train with the customs of its crossing: its state now and every step before it. */
    public record Release(
            Consignment consignment,
            String train,
            LocalDate serviceDate,
            Crossing crossing,
            String reason,
            String decidedBy,
            Instant decidedAt,
            List<Step> history) {}

    /**
     * A customs decision on one consignment (its consignment number or booking id) at one border ({@code border}, its
     * point code; may be left out where the officer's country decides at only one border the consignment crosses).
     */
    public record Decision(String consignment, ReleaseState state, String reason, String border) {}

    /**
     * A train approaching its crossing, as the freight office's border board shows it: the advance data, whether the
     * train is held there and when the forecast has it leave.
     */
    public record BoardRow(AdvanceData.Manifest manifest, boolean held, String holdReason, Instant forecastDeparture) {}

    /**
     * A train's advance data as sent to one border's customs (the customs message outbox): the receiving country, the
     * version (1 the first, then each amendment) and, for an amendment, the first message's reference; the consignment
     * numbers declared and the UN/EDIFACT CUSCAR text as it went out.
     */
    public record Message(
            long seq,
            String network,
            String train,
            LocalDate serviceDate,
            String border,
            String control,
            String receiver,
            int version,
            String reference,
            String original,
            List<String> consignments,
            String body,
            String sentBy,
            Instant createdAt) {
        public Message {
            consignments = List.copyOf(consignments);
        }
    }
}
