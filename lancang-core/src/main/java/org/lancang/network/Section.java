package org.lancang.network;

/**
 * The line between two consecutive points.
 *
 * @param tracks             1 (single track) or 2 (double track)
 * @param lineSpeedKmh       line speed for multiple units (EMUs)
 * @param locoHauledSpeedKmh line speed for freight and locomotive-hauled passenger trains
 * @param gradientPermille   mean gradient, positive rising towards increasing km
 * @param speedLimitKmh      a permanent limit below the line speed over the whole section (curves, gradients, or as
 *                           calibrated on published running times), for every train; 0 where none is known
 * @param speedLimitBasis    where the limit comes from, or why it is assumed or calibrated
 * @param gaugeMm            the track gauge: a train type runs only where the gauge is its own
 * @param electrification    the power supply along the section as its data names it (e.g. an overhead line's
 *                           system), or {@value #NOT_ELECTRIFIED}: electric trains cannot run there, and maintenance
 *                           registers an overhead line only where there is one
 * @param powerBasis         where the gauge and the electrification come from
 */
public record Section(
        String from,
        String to,
        double fromKm,
        double toKm,
        int tracks,
        int lineSpeedKmh,
        int locoHauledSpeedKmh,
        BlockType block,
        double gradientPermille,
        String gradientBasis,
        int speedLimitKmh,
        String speedLimitBasis,
        String source,
        int gaugeMm,
        String electrification,
        String powerBasis) {
    /** The electrification of a section without any. */
    public static final String NOT_ELECTRIFIED = "none";

    public Section {
        speedLimitBasis = speedLimitBasis == null ? "" : speedLimitBasis;
        electrification = electrification == null || electrification.isBlank() ? NOT_ELECTRIFIED : electrification;
        powerBasis = powerBasis == null ? "" : powerBasis;
    }

    /** Whether the section has a power supply electric trains can draw on. */
    public boolean electrified() {
        return !electrification.equalsIgnoreCase(NOT_ELECTRIFIED);
    }

    /** The section with the gauge and electrification of {@code other} (the data files', over a stored section). */
    public Section withPowerOf(Section other) {
        return new Section(
                from,
                to,
                fromKm,
                toKm,
                tracks,
                lineSpeedKmh,
                locoHauledSpeedKmh,
                block,
                gradientPermille,
                gradientBasis,
                speedLimitKmh,
                speedLimitBasis,
                source,
                other.gaugeMm,
                other.electrification,
                other.powerBasis);
    }

    /** The section with the same track, speeds and profile between other points (a section split by a loop). */
    public Section between(String newFrom, String newTo, double newFromKm, double newToKm) {
        return new Section(
                newFrom,
                newTo,
                newFromKm,
                newToKm,
                tracks,
                lineSpeedKmh,
                locoHauledSpeedKmh,
                block,
                gradientPermille,
                gradientBasis,
                speedLimitKmh,
                speedLimitBasis,
                source,
                gaugeMm,
                electrification,
                powerBasis);
    }

    /** {@code speedKmh} (a line speed for some kind of train), lowered to the section's permanent limit if it has one. */
    public int limited(int speedKmh) {
        return speedLimitKmh > 0 ? Math.min(speedKmh, speedLimitKmh) : speedKmh;
    }

    public double lengthKm() {
        return toKm - fromKm;
    }

    public boolean isSingleTrack() {
        return tracks == 1;
    }

    /** Whether the km lies on this section (its ends included). */
    public boolean contains(double km) {
        return km >= fromKm && km <= toKm;
    }
}
