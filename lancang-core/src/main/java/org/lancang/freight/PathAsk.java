package org.lancang.freight;

import java.time.Instant;
import java.util.List;

/**
 * A shipper's ad-hoc request for a path: from one freight station to another, leaving no earlier than {@code
 * earliestDeparture} or arriving no later than {@code latestArrival} (one of them at least), for a train of this
 * trailing mass and length, with or without dangerous goods; through the junctions of {@code via}, in order, where the
 * shipper wants a way other than the shortest (a timetable plan's {@code via}, ADR 0033; empty for the shortest).
 */
public record PathAsk(
        String from,
        String to,
        Instant earliestDeparture,
        Instant latestArrival,
        double trailingMassT,
        double lengthM,
        boolean dangerousGoods,
        List<String> via) {
    public PathAsk {
        via = via == null ? List.of() : List.copyOf(via);
    }

    /** An ask along the shortest way. */
    public PathAsk(
            String from,
            String to,
            Instant earliestDeparture,
            Instant latestArrival,
            double trailingMassT,
            double lengthM,
            boolean dangerousGoods) {
        this(from, to, earliestDeparture, latestArrival, trailingMassT, lengthM, dangerousGoods, List.of());
    }
}
