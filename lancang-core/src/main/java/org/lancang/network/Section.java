package org.lancang.network;

import java.util.ArrayList;
import java.util.List;

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
 * @param categoryLimits     lower limits for some categories of train over all or part of the section, by km
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
        String powerBasis,
        List<CategoryLimit> categoryLimits) {
    /** The electrification of a section without any. */
    public static final String NOT_ELECTRIFIED = "none";

    public Section {
        speedLimitBasis = speedLimitBasis == null ? "" : speedLimitBasis;
        electrification = electrification == null || electrification.isBlank() ? NOT_ELECTRIFIED : electrification;
        powerBasis = powerBasis == null ? "" : powerBasis;
        categoryLimits = categoryLimits == null ? List.of() : List.copyOf(categoryLimits);
    }

    /** A section without limits by category. */
    public Section(
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
        this(
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
                gaugeMm,
                electrification,
                powerBasis,
                List.of());
    }

    /** Whether the section has a power supply electric trains can draw on. */
    public boolean electrified() {
        return !electrification.equalsIgnoreCase(NOT_ELECTRIFIED);
    }

    /**
     * The section with the gauge, electrification and limits by category of {@code other} (the data files', over a
     * stored section: the database keeps neither).
     */
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
                other.powerBasis,
                other.categoryLimits);
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
                powerBasis,
                clipped(categoryLimits, newFromKm, newToKm));
    }

    /** The section with these limits by category (those reaching it, clipped to its km). */
    public Section withCategoryLimits(List<CategoryLimit> limits) {
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
                gaugeMm,
                electrification,
                powerBasis,
                clipped(limits, fromKm, toKm));
    }

    private static List<CategoryLimit> clipped(List<CategoryLimit> limits, double lo, double hi) {
        List<CategoryLimit> out = new ArrayList<>();
        for (CategoryLimit l : limits) {
            CategoryLimit c = l.clippedTo(lo, hi);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
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
