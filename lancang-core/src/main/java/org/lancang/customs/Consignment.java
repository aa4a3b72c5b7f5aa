package org.lancang.customs;

import java.time.Instant;
import org.lancang.freight.ConsignmentNote;

/**
 * A booking on a train as customs see it: its consignment note (null until the shipper fills it in, and then it has
 * no consignment number yet) and where it stands, with when it was released.
 */
public record Consignment(
        String bookingId,
        String consignmentNumber,
        String shipper,
        String from,
        String to,
        ConsignmentNote note,
        ReleaseState state,
        Instant releasedAt) {
    public Consignment {
        state = state == null ? ReleaseState.DRAFT : state;
        if (state == ReleaseState.RELEASED && releasedAt == null) {
            throw new IllegalArgumentException("a released consignment has its release time");
        }
    }
}
