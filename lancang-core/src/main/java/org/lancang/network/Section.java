package org.lancang.network;

/**
 * The line between two consecutive points.
 *
 * @param tracks             1 (single track) or 2 (double track)
 * @param lineSpeedKmh       line speed for multiple units (EMUs)
 * @param locoHauledSpeedKmh line speed for freight and locomotive-hauled passenger trains
 * @param gradientPermille   mean gradient, positive rising towards increasing km
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
        String source) {

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
