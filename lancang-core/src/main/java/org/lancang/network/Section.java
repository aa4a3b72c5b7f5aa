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
        String source) {

    public Section {
        speedLimitBasis = speedLimitBasis == null ? "" : speedLimitBasis;
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
                source);
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
