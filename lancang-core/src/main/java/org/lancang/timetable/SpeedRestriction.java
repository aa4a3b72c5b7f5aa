package org.lancang.timetable;

import java.time.Instant;
import java.util.Optional;
import org.lancang.network.Line;
import org.lancang.network.Network;

/**
 * A temporary speed restriction: over a km range of the line, no train faster than {@code speedKmh}, from
 * {@code validFrom} until {@code validTo} (either may be null: open on that side; both null: always, as the
 * running-time calculation takes it). The km are those of the line {@code lineCode} (null: the network's main line, ADR
 * 0033), so a restriction on a branch slows only the trains that run on the branch.
 */
public record SpeedRestriction(
        double fromKm, double toKm, int speedKmh, Instant validFrom, Instant validTo, String lineCode) {
    public SpeedRestriction {
        if (!(toKm > fromKm)) {
            throw new IllegalArgumentException("toKm must be greater than fromKm");
        }
        if (speedKmh <= 0) {
            throw new IllegalArgumentException("speedKmh must be positive");
        }
        if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("validTo must be after validFrom");
        }
    }

    /** A restriction on the main line. */
    public SpeedRestriction(double fromKm, double toKm, int speedKmh, Instant validFrom, Instant validTo) {
        this(fromKm, toKm, speedKmh, validFrom, validTo, null);
    }

    /** A restriction on the main line that always holds. */
    public SpeedRestriction(double fromKm, double toKm, int speedKmh) {
        this(fromKm, toKm, speedKmh, null, null);
    }

    /** The same restriction on the line with this code (null: the main line). */
    public SpeedRestriction onLine(String code) {
        return new SpeedRestriction(fromKm, toKm, speedKmh, validFrom, validTo, code);
    }

    /** The line its km are on: the one named, or the main line; empty when the network has no such line. */
    public Optional<Line> line(Network network) {
        return lineCode == null || lineCode.isBlank() ? Optional.of(network.mainLine()) : network.line(lineCode);
    }

    public boolean overlapsKm(double lo, double hi) {
        return fromKm < hi && toKm > lo;
    }

    /** Whether it holds at some moment of {@code [from, to)}. */
    public boolean holdsDuring(Instant from, Instant to) {
        return (validFrom == null || validFrom.isBefore(to)) && (validTo == null || validTo.isAfter(from));
    }

    /** The same restriction without its validity: what a run computed under it depends on. */
    public SpeedRestriction always() {
        return validFrom == null && validTo == null
                ? this
                : new SpeedRestriction(fromKm, toKm, speedKmh, null, null, lineCode);
    }
}
