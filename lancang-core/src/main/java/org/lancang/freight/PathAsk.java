package org.lancang.freight;

import java.time.Instant;

/**
 * A shipper's ad-hoc request for a path: from one freight station to another, leaving no earlier than {@code
 * earliestDeparture} or arriving no later than {@code latestArrival} (one of them at least), for a train of this
 * trailing mass and length, with or without dangerous goods.
 */
public record PathAsk(
        String from,
        String to,
        Instant earliestDeparture,
        Instant latestArrival,
        double trailingMassT,
        double lengthM,
        boolean dangerousGoods) {}
