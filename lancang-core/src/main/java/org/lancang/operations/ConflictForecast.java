package org.lancang.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lancang.runtime.ProfilePoint;
import org.lancang.runtime.RunningTimeResult;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.Possession;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.TrainRun;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.timetable.conflict.ConflictDetector;

/**
 * The conflicts the forecast runs into: every run laid on the line at its forecast times (a late run's speed profile
 * stretched leg by leg onto them) as blocking times, through the planner's own detector, kept where they fall in the
 * look-ahead window (3 hours in Chinese dispatching's stage plan).
 */
public final class ConflictForecast {
    public static final Duration LOOK_AHEAD = Duration.ofHours(3);

    private ConflictForecast() {}

    /** Conflicts overlapping {@code [from, from + window)}, at the forecast's times. */
    public static List<Conflict> of(Forecast forecast, List<Possession> possessions, Instant from, Duration window) {
        DayGraph g = forecast.graph();
        List<ScheduledRun> runs = new ArrayList<>();
        for (DayGraph.Run r : g.runs()) {
            runs.add(asForecast(forecast, r));
        }
        Instant to = from.plus(window);
        return ConflictDetector.detect(g.planner().occupations(runs, possessions)).stream()
                .filter(c -> c.from().isBefore(to) && c.to().isAfter(from))
                .toList();
    }

    /** The run at its forecast times: the plan's own run where nothing moved, else its profile stretched onto them. */
    public static ScheduledRun asForecast(Forecast f, DayGraph.Run r) {
        DayGraph g = f.graph();
        boolean moved = false;
        for (int n = r.firstNode(); n < r.firstNode() + 2 * r.points(); n++) {
            moved |= f.time(n) != g.planned(n);
        }
        if (!moved) {
            return r.scheduled();
        }
        TrainRun plan = r.scheduled().run();
        Instant start = Instant.ofEpochSecond(f.time(r.departure(0)));
        long startS = f.time(r.departure(0));
        int n = r.points();
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        List<PointTime> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PointTime p = plan.times().get(i);
            x[2 * i] = p.arrival().toMillis() / 1000.0;
            x[2 * i + 1] = p.departure().toMillis() / 1000.0;
            y[2 * i] = i == 0 ? 0 : f.time(r.arrival(i)) - startS;
            y[2 * i + 1] = i == n - 1 ? y[2 * i] : f.time(r.departure(i)) - startS;
            if (i == 0) {
                y[0] = 0;
            }
            times.add(new PointTime(
                    p.point(),
                    p.positionM(),
                    Duration.ofSeconds((long) y[2 * i]),
                    Duration.ofSeconds((long) y[2 * i + 1]),
                    p.stops() || y[2 * i + 1] > y[2 * i]));
        }
        List<ProfilePoint> profile = new ArrayList<>();
        for (ProfilePoint p : plan.physics().profile()) {
            profile.add(new ProfilePoint(p.positionM(), p.speedMps(), warp(x, y, p.timeS())));
        }
        RunningTimeResult physics = new RunningTimeResult(
                plan.physics().timingPoints(),
                Duration.ofSeconds((long) y[2 * n - 1]),
                plan.physics().minimumTotalRunningTime(),
                profile,
                plan.physics().minimumProfile());
        return new ScheduledRun(
                r.scheduled().plan(), r.serviceDate(), new TrainRun(plan.path(), plan.type(), times, physics), start);
    }

    /** Piecewise-linear map of a planned offset onto the forecast offsets through the knots (x, y). */
    private static double warp(double[] x, double[] y, double t) {
        if (t <= x[0]) {
            return y[0] + (t - x[0]);
        }
        for (int k = 1; k < x.length; k++) {
            if (t <= x[k]) {
                double span = x[k] - x[k - 1];
                return span <= 0 ? y[k] : y[k - 1] + (t - x[k - 1]) * (y[k] - y[k - 1]) / span;
            }
        }
        return y[y.length - 1] + (t - x[x.length - 1]);
    }
}
