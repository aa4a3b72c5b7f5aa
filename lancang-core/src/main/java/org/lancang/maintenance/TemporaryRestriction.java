package org.lancang.maintenance;

import java.time.Instant;
import java.util.Objects;
import org.lancang.timetable.SpeedRestriction;

/**
 * A temporary speed restriction imposed because of a defect: no train faster than {@code speedKmh} over the km range
 * from {@code validFrom} until {@code validTo}, or until it is lifted if that comes first.
 *
 * @param liftedAt when a maintainer lifted it, or {@code null}
 * @param liftedBy who lifted it, or {@code null}
 */
public record TemporaryRestriction(
        double fromKm,
        double toKm,
        int speedKmh,
        Instant validFrom,
        Instant validTo,
        Instant liftedAt,
        String liftedBy) {
    public TemporaryRestriction {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (!(toKm > fromKm) || speedKmh <= 0 || !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("a restriction needs toKm > fromKm, a positive speed and validTo after "
                    + "validFrom (Defects.report checks this and names the field)");
        }
    }

    /** When it stops being in force: the end of its validity, or its lifting if earlier. */
    public Instant effectiveEnd() {
        return liftedAt != null && liftedAt.isBefore(validTo) ? liftedAt : validTo;
    }

    /** In force from validFrom (included) to its effective end (excluded). */
    public boolean inForce(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(effectiveEnd());
    }

    public boolean lifted() {
        return liftedAt != null;
    }

    /** This restriction lifted at {@code at}; lifting again keeps the first lifting, which is the one that counted. */
    public TemporaryRestriction lift(String by, Instant at) {
        return lifted() ? this : new TemporaryRestriction(fromKm, toKm, speedKmh, validFrom, validTo, at, by);
    }

    /**
     * The form the timetable consumes: the km range of {@code line} (its defect's) and speed, and when it holds (until
     * lifted, if it was).
     */
    public SpeedRestriction toSpeedRestriction(String line) {
        return new SpeedRestriction(fromKm, toKm, speedKmh, validFrom, effectiveEnd(), line);
    }
}
