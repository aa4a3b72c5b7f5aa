package org.lancang.timetable;

import java.time.Duration;
import java.util.List;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.ProfilePoint;
import org.lancang.runtime.RunningTimeResult;

/**
 * One computed run of a train type along a path: the time at every point (offsets from the departure) and the
 * speed–distance–time profile behind them.
 */
public record TrainRun(LinePath path, TrainType type, List<PointTime> times, RunningTimeResult physics) {
    public TrainRun {
        times = List.copyOf(times);
    }

    public Duration runningTime() {
        return times.get(times.size() - 1).arrival();
    }

    /**
     * When the head of the train is at {@code positionM} (interpolated on the profile); at a stop, the moment it
     * arrives. Seconds from the departure.
     */
    public double secondsAt(double positionM) {
        List<ProfilePoint> profile = physics.profile();
        int lo = 0;
        int hi = profile.size() - 1;
        if (positionM <= profile.get(0).positionM()) {
            return profile.get(0).timeS();
        }
        if (positionM >= profile.get(hi).positionM()) {
            return profile.get(hi).timeS();
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (profile.get(mid).positionM() < positionM) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        ProfilePoint a = profile.get(lo);
        ProfilePoint b = profile.get(hi);
        // the first sample at a position is the arrival there; a dwell shows as a later sample at the same position
        if (b.positionM() == a.positionM()) {
            return a.timeS();
        }
        double f = (positionM - a.positionM()) / (b.positionM() - a.positionM());
        return a.timeS() + f * (b.timeS() - a.timeS());
    }
}
