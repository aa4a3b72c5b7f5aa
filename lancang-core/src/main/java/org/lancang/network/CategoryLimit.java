package org.lancang.network;

/**
 * A permanent speed limit for one category of train over a range of chainage, on top of the limit every train obeys:
 * freight held to a lower speed than passenger trains on the same track, for instance.
 *
 * @param category  the train category it binds (a category the rolling stock names, such as {@code FREIGHT}) or one
 *                  train type's code; matched without regard to case
 * @param fromKm    where it starts (lower km)
 * @param toKm      where it ends (higher km)
 * @param speedKmh  the limit
 * @param basis     where the figure comes from, or that it is an assumption
 */
public record CategoryLimit(String category, double fromKm, double toKm, int speedKmh, String basis) {
    public CategoryLimit {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("category must be given");
        }
        if (!(toKm > fromKm)) {
            throw new IllegalArgumentException("toKm must exceed fromKm");
        }
        if (speedKmh <= 0) {
            throw new IllegalArgumentException("speedKmh must be positive");
        }
        basis = basis == null ? "" : basis;
    }

    /** Whether it binds a train of this category or of this type code. */
    public boolean binds(String trainCategory, String typeCode) {
        return category.equalsIgnoreCase(trainCategory) || category.equalsIgnoreCase(typeCode);
    }

    /** The part of the limit within {@code [lo, hi]} km, or null where it does not reach it. */
    CategoryLimit clippedTo(double lo, double hi) {
        double a = Math.max(lo, fromKm);
        double b = Math.min(hi, toKm);
        return b > a ? new CategoryLimit(category, a, b, speedKmh, basis) : null;
    }
}
