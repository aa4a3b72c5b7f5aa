package org.lancang.maintenance;

import java.time.Duration;
import java.time.Period;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.lancang.errors.Validation;

/**
 * The configurable figures of maintenance. {@link #defaults()} gives the rules in the reference notes (skylight
 * minimums: secondary sources on Chinese practice) and Lancang's default inspection intervals.
 *
 * @param inspectionIntervals       how long an asset of each type may go between inspections (every type required)
 * @param inspectionLookAhead       how far ahead an inspection counts as "due" (it is "overdue" the day after its due
 *                                  date)
 * @param minMaintenanceSingleTrack shortest maintenance skylight on single track
 * @param minMaintenanceDoubleTrack shortest maintenance skylight on double track
 * @param minConstruction           shortest construction skylight
 * @param minSkylightsPerMonth      fewest skylights a section should get in a month
 */
public record MaintenanceRules(
        Map<AssetType, Period> inspectionIntervals,
        Period inspectionLookAhead,
        Duration minMaintenanceSingleTrack,
        Duration minMaintenanceDoubleTrack,
        Duration minConstruction,
        int minSkylightsPerMonth) {
    public MaintenanceRules {
        Validation v = new Validation();
        for (AssetType t : AssetType.values()) {
            Period p = inspectionIntervals == null ? null : inspectionIntervals.get(t);
            v.check(positive(p), "inspectionIntervals." + t, "must be a positive period");
        }
        v.check(
                inspectionLookAhead != null && !inspectionLookAhead.isNegative(),
                "inspectionLookAhead",
                "must be zero or a positive period");
        v.check(positive(minMaintenanceSingleTrack), "minMaintenanceSingleTrack", "must be positive");
        v.check(positive(minMaintenanceDoubleTrack), "minMaintenanceDoubleTrack", "must be positive");
        v.check(positive(minConstruction), "minConstruction", "must be positive");
        v.check(minSkylightsPerMonth >= 0 && minSkylightsPerMonth <= 31, "minSkylightsPerMonth", "must be 0 … 31");
        v.throwIfInvalid();
        inspectionIntervals = Collections.unmodifiableMap(new EnumMap<>(inspectionIntervals));
    }

    /**
     * Track geometry, turnouts: monthly; tunnels, overhead line: quarterly; bridges, stations: half-yearly; look ahead
     * 7 days. Skylights: maintenance ≥ 90 min on single track, ≥ 120 min on double track, construction ≥ 180 min, at
     * least 20 a month per section.
     */
    public static MaintenanceRules defaults() {
        Map<AssetType, Period> intervals = new EnumMap<>(AssetType.class);
        intervals.put(AssetType.TRACK, Period.ofMonths(1));
        intervals.put(AssetType.TURNOUT, Period.ofMonths(1));
        intervals.put(AssetType.TUNNEL, Period.ofMonths(3));
        intervals.put(AssetType.OVERHEAD_LINE, Period.ofMonths(3));
        intervals.put(AssetType.BRIDGE, Period.ofMonths(6));
        intervals.put(AssetType.STATION, Period.ofMonths(6));
        return new MaintenanceRules(
                intervals,
                Period.ofDays(7),
                Duration.ofMinutes(90),
                Duration.ofMinutes(120),
                Duration.ofMinutes(180),
                20);
    }

    public Period intervalFor(AssetType type) {
        return inspectionIntervals.get(type);
    }

    /** These rules with one inspection interval changed. */
    public MaintenanceRules withInterval(AssetType type, Period interval) {
        Map<AssetType, Period> intervals = new EnumMap<>(inspectionIntervals);
        intervals.put(type, interval);
        return new MaintenanceRules(
                intervals,
                inspectionLookAhead,
                minMaintenanceSingleTrack,
                minMaintenanceDoubleTrack,
                minConstruction,
                minSkylightsPerMonth);
    }

    /** The shortest skylight the rule allows for this purpose on single or double track. */
    public Duration minimumSkylight(SkylightPurpose purpose, boolean doubleTrack) {
        if (purpose == SkylightPurpose.CONSTRUCTION) {
            return minConstruction;
        }
        return doubleTrack ? minMaintenanceDoubleTrack : minMaintenanceSingleTrack;
    }

    private static boolean positive(Period p) {
        return p != null && !p.isNegative() && !p.isZero();
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
