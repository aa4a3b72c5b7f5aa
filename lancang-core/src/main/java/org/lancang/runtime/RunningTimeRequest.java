package org.lancang.runtime;

import java.util.List;

/**
 * Everything a running-time calculation needs. The train departs from rest at position 0; the path end is always a
 * stop (added with zero dwell when {@code stops} does not end there).
 *
 * @param train                 the train's physics
 * @param track                 speed limits and gradients along the path
 * @param stops                 scheduled stops, strictly increasing positions within the path
 * @param temporaryRestrictions temporary speed restrictions to apply, each within the path
 * @param allowance             running-time supplement, {@link Allowance#none()} for the minimum running time
 * @param timingPoints          places at which the result reports times, each within the path
 * @param supplements           time added to every leg at its start and its end, {@link LegSupplements#none()} for the
 *                              minimum running time
 */
public record RunningTimeRequest(
        TrainPhysics train,
        TrackProfile track,
        List<Stop> stops,
        List<TemporarySpeedRestriction> temporaryRestrictions,
        Allowance allowance,
        List<TimingPoint> timingPoints,
        LegSupplements supplements) {

    public RunningTimeRequest {
        Require.nonNull(supplements, "supplements");
        Require.nonNull(train, "train");
        Require.nonNull(track, "track");
        stops = List.copyOf(Require.nonNull(stops, "stops"));
        temporaryRestrictions = List.copyOf(Require.nonNull(temporaryRestrictions, "temporaryRestrictions"));
        Require.nonNull(allowance, "allowance");
        timingPoints = List.copyOf(Require.nonNull(timingPoints, "timingPoints"));

        double lengthM = track.lengthM();
        for (int i = 0; i < stops.size(); i++) {
            double positionM = stops.get(i).positionM();
            requireWithinPath(positionM, lengthM, "stops[" + i + "].positionM");
            if (i > 0 && positionM <= stops.get(i - 1).positionM()) {
                throw new IllegalArgumentException(
                        "stops[" + i + "].positionM (" + positionM + ") must be greater than stops[" + (i - 1)
                                + "].positionM (" + stops.get(i - 1).positionM() + ")");
            }
        }
        for (int i = 0; i < temporaryRestrictions.size(); i++) {
            requireWithinPath(temporaryRestrictions.get(i).toM(), lengthM, "temporaryRestrictions[" + i + "].toM");
        }
        for (int i = 0; i < timingPoints.size(); i++) {
            requireWithinPath(timingPoints.get(i).positionM(), lengthM, "timingPoints[" + i + "].positionM");
        }
    }

    /** A request without supplements. */
    public RunningTimeRequest(
            TrainPhysics train,
            TrackProfile track,
            List<Stop> stops,
            List<TemporarySpeedRestriction> temporaryRestrictions,
            Allowance allowance,
            List<TimingPoint> timingPoints) {
        this(train, track, stops, temporaryRestrictions, allowance, timingPoints, LegSupplements.none());
    }

    /** A request without temporary restrictions, allowance or intermediate stops. */
    public static RunningTimeRequest of(TrainPhysics train, TrackProfile track, List<TimingPoint> timingPoints) {
        return new RunningTimeRequest(train, track, List.of(), List.of(), Allowance.none(), timingPoints);
    }

    /** The same request with another allowance. */
    public RunningTimeRequest withAllowance(Allowance newAllowance) {
        return new RunningTimeRequest(
                train, track, stops, temporaryRestrictions, newAllowance, timingPoints, supplements);
    }

    /** The same request with other supplements. */
    public RunningTimeRequest withSupplements(LegSupplements newSupplements) {
        return new RunningTimeRequest(
                train, track, stops, temporaryRestrictions, allowance, timingPoints, newSupplements);
    }

    private static void requireWithinPath(double positionM, double lengthM, String field) {
        if (positionM > lengthM + TrackProfile.BOUNDARY_TOLERANCE_M) {
            throw new IllegalArgumentException(
                    field + " (" + positionM + ") is beyond the path end (" + lengthM + " m)");
        }
    }
}
