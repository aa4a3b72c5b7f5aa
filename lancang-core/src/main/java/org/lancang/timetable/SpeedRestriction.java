package org.lancang.timetable;

import java.time.Instant;

/**
 * A temporary speed restriction: over a km range of the line, no train faster than {@code speedKmh}, from
 * {@code validFrom} until {@code validTo} (either may be null: open on that side; both null: always, as the
 * running-time calculation takes it).
 */
public record SpeedRestriction(double fromKm, double toKm, int speedKmh, Instant validFrom, Instant validTo) {
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

    /** A restriction that always holds. */
    public SpeedRestriction(double fromKm, double toKm, int speedKmh) {
        this(fromKm, toKm, speedKmh, null, null);
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
        return validFrom == null && validTo == null ? this : new SpeedRestriction(fromKm, toKm, speedKmh);
    }
}
