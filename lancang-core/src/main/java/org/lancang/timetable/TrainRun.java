package org.lancang.timetable;

import java.time.Duration;
import java.util.List;
import org.lancang.rollingstock.TrainType;
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
        return physics.profile().secondsAt(positionM);
    }
}
