package org.lancang.runtime;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The outcome of a running-time calculation.
 *
 * @param timingPoints             times at each requested timing point, in the request's order
 * @param totalRunningTime         departure at the start to arrival at the path end, allowance, supplements and
 *                                 intermediate dwell times included
 * @param minimumTotalRunningTime  the same without allowance or supplements
 * @param profile                  speed–distance–time profile with the allowance and supplements applied
 * @param minimumProfile           the profile without them (the fastest the train can run)
 */
public record RunningTimeResult(
        List<TimingPointTime> timingPoints,
        Duration totalRunningTime,
        Duration minimumTotalRunningTime,
        Profile profile,
        Profile minimumProfile) {

    public RunningTimeResult {
        timingPoints = List.copyOf(timingPoints);
    }

    /** With profiles given as points (a forecast's warped times): kept compact like the calculator's. */
    public RunningTimeResult(
            List<TimingPointTime> timingPoints,
            Duration totalRunningTime,
            Duration minimumTotalRunningTime,
            List<ProfilePoint> profile,
            List<ProfilePoint> minimumProfile) {
        this(timingPoints, totalRunningTime, minimumTotalRunningTime, Profile.of(profile), Profile.of(minimumProfile));
    }

    /** The first timing point with this name. */
    public TimingPointTime timingPoint(String name) {
        return timingPoints.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no timing point named " + name));
    }
}
