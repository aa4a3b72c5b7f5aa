package org.lancang.timetable;

/** A temporary speed restriction in force: over a km range of the line, no train faster than {@code speedKmh}. */
public record SpeedRestriction(double fromKm, double toKm, int speedKmh) {
    public SpeedRestriction {
        if (!(toKm > fromKm)) {
            throw new IllegalArgumentException("toKm must be greater than fromKm");
        }
        if (speedKmh <= 0) {
            throw new IllegalArgumentException("speedKmh must be positive");
        }
    }

    public boolean overlapsKm(double lo, double hi) {
        return fromKm < hi && toKm > lo;
    }
}
