package org.lancang.customs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.lancang.operations.DepartureHold;

/**
 * The border interlock: a train may not leave its crossing's control station while any consignment on it is not
 * released. A train with consignments is held there: open while one is not released, else until the last release
 * (it may not have left before it). A train with none is not held.
 */
public final class BorderInterlock {
    private BorderInterlock() {}

    public static Optional<DepartureHold> hold(
            String train, LocalDate serviceDate, Crossing crossing, List<Consignment> consignments) {
        if (consignments.isEmpty()) {
            return Optional.empty();
        }
        List<Consignment> waiting = consignments.stream()
                .filter(c -> c.state() != ReleaseState.RELEASED)
                .toList();
        String point = crossing.control().code();
        if (!waiting.isEmpty()) {
            StringBuilder reason =
                    new StringBuilder("customs " + crossing.country().code() + ": ");
            for (int i = 0; i < waiting.size(); i++) {
                Consignment c = waiting.get(i);
                reason.append(i == 0 ? "" : ", ")
                        .append(c.consignmentNumber() == null ? c.bookingId() : c.consignmentNumber())
                        .append(' ')
                        .append(c.state());
            }
            return Optional.of(new DepartureHold(train, serviceDate, point, null, reason + " (not released)"));
        }
        Instant last = consignments.stream()
                .map(Consignment::releasedAt)
                .max(Instant::compareTo)
                .orElseThrow();
        return Optional.of(new DepartureHold(
                train,
                serviceDate,
                point,
                last,
                "customs " + crossing.country().code() + ": all " + consignments.size() + " released"));
    }
}
