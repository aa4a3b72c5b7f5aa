package org.lancang.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Computes running times along a path: the whole pipeline of this package (see {@code package-info}),
 * leg by leg between stops, then allowances, then the times at the requested timing points.
 * Pure: no state, no I/O; safe to call from any thread.
 */
public final class RunningTimeCalculator {

    /** The most profile samples kept per leg; a 1,000 km leg still draws smoothly with this many. */
    static final int MAX_PROFILE_POINTS_PER_LEG = 4000;

    private RunningTimeCalculator() {}

    /**
     * Runs the pipeline.
     *
     * @throws IllegalStateException when the train cannot start, or stalls, on a gradient too steep for it; the
     *                               message names the position and the gradient
     */
    public static RunningTimeResult calculate(RunningTimeRequest request) {
        return calculate(request, null);
    }

    /**
     * Runs the pipeline, taking the legs already run from {@code memo} (null: none) and keeping the new ones there.
     * The memo must only ever see requests with this request's train, track and temporary restrictions.
     */
    public static RunningTimeResult calculate(RunningTimeRequest request, LegMemo memo) {
        List<Leg> legs = runLegs(request, memo);

        Profile.Builder profile = new Profile.Builder();
        Profile.Builder minimumProfile = new Profile.Builder();
        for (Leg leg : legs) {
            // the next leg's first sample, at rest at the stop, is the departure: the dwell shows without an extra
            // point
            leg.run().addTo(profile, leg.runStartS(), leg.stretch(), MAX_PROFILE_POINTS_PER_LEG);
            leg.run().addTo(minimumProfile, leg.minimumDepartureS(), 1.0, MAX_PROFILE_POINTS_PER_LEG);
        }
        List<TimingPointTime> times = new ArrayList<>();
        for (TimingPoint point : request.timingPoints()) {
            times.add(timeAt(point, legs));
        }
        Leg last = legs.get(legs.size() - 1);
        return new RunningTimeResult(
                times,
                duration(last.arrivalS()),
                duration(last.minimumArrivalS()),
                profile.build(),
                minimumProfile.build());
    }

    /** Steps 1–5 for every leg: each starts and ends at rest; dwell times separate them. */
    private static List<Leg> runLegs(RunningTimeRequest request, LegMemo memo) {
        TrainPhysics train = request.train();
        TrackProfile track = request.track();
        Object[] physics = memo == null ? physics(request) : memo.physics(() -> physics(request));
        StaticSpeedProfile speedProfile = (StaticSpeedProfile) physics[0];
        TrainDynamics dynamics = (TrainDynamics) physics[1];

        List<Leg> legs = new ArrayList<>();
        double startM = 0.0;
        double minimumDepartureS = 0.0;
        double departureS = 0.0;
        LegSupplements supplements = request.supplements();
        for (Stop stop : legEnds(request)) {
            double endM = stop.positionM();
            double from = startM;
            Supplier<LegRun> running = () -> new LegIntegrator(
                            dynamics, LegCeiling.of(speedProfile.slice(from, endM), train.brakingDecelerationMps2()))
                    .run();
            LegRun run = memo == null ? running.get() : memo.leg(startM, endM, running);
            double minimumS = run.runningTimeS();
            double stretch = (minimumS + request.allowance().extraTimeS(minimumS, endM - startM)) / minimumS;
            Leg leg = new Leg(stop, run, minimumDepartureS, departureS, stretch, supplements);
            legs.add(leg);
            minimumDepartureS = leg.minimumArrivalS() + seconds(stop.dwell());
            departureS = leg.arrivalS() + seconds(stop.dwell());
            startM = endM;
        }
        return legs;
    }

    private static Object[] physics(RunningTimeRequest request) {
        TrainPhysics train = request.train();
        TrackProfile track = request.track();
        return new Object[] {
            StaticSpeedProfile.of(train, track, request.temporaryRestrictions()),
            new TrainDynamics(train, new AveragedGradient(track.gradients(), train.lengthM()))
        };
    }

    /**
     * The stops that end a leg: the requested ones except one at the origin, and the path end (zero dwell) if the
     * last requested stop is not there.
     */
    private static List<Stop> legEnds(RunningTimeRequest request) {
        double lengthM = request.track().lengthM();
        List<Stop> ends = new ArrayList<>();
        for (Stop stop : request.stops()) {
            if (stop.positionM() > TrackProfile.BOUNDARY_TOLERANCE_M) {
                ends.add(stop);
            }
        }
        int last = ends.size() - 1;
        if (last >= 0 && ends.get(last).positionM() >= lengthM - TrackProfile.BOUNDARY_TOLERANCE_M) {
            ends.set(last, new Stop(lengthM, ends.get(last).dwell())); // snap a rounding difference onto the path end
        } else {
            ends.add(new Stop(lengthM, Duration.ZERO));
        }
        return ends;
    }

    private static TimingPointTime timeAt(TimingPoint point, List<Leg> legs) {
        double xM = point.positionM();
        if (xM <= TrackProfile.BOUNDARY_TOLERANCE_M) {
            return new TimingPointTime(
                    point.name(), xM, true, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        for (Leg leg : legs) {
            double endM = leg.stop().positionM();
            if (Math.abs(xM - endM) <= TrackProfile.BOUNDARY_TOLERANCE_M) {
                double dwellS = seconds(leg.stop().dwell());
                return new TimingPointTime(
                        point.name(),
                        xM,
                        true,
                        duration(leg.arrivalS()),
                        duration(leg.arrivalS() + dwellS),
                        duration(leg.minimumArrivalS()),
                        duration(leg.minimumArrivalS() + dwellS));
            }
            if (xM < endM) {
                double legS = leg.run().timeAtS(xM);
                Duration passing = duration(leg.runStartS() + leg.stretch() * legS);
                Duration minimumPassing = duration(leg.minimumDepartureS() + legS);
                return new TimingPointTime(point.name(), xM, false, passing, passing, minimumPassing, minimumPassing);
            }
        }
        throw new IllegalStateException("timing point " + point.name() + " at " + xM + " m is beyond the last stop");
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /**
     * One leg's run and where it sits in time: with allowance and supplements, and without either (the minimum).
     *
     * @param stop              the stop that ends the leg
     * @param run               the minimum-time run, times from the leg's departure
     * @param minimumDepartureS departure from the leg's start without allowance or supplements, s from the path's
     *                          departure
     * @param departureS        the same with them
     * @param stretch           allowance factor on the leg's running time, {@code >= 1}
     * @param supplements       added as the leg starts and as it ends
     */
    private record Leg(
            Stop stop,
            LegRun run,
            double minimumDepartureS,
            double departureS,
            double stretch,
            LegSupplements supplements) {

        double minimumArrivalS() {
            return minimumDepartureS + run.runningTimeS();
        }

        /** When the train starts to move: the start supplement is taken before it passes anything. */
        double runStartS() {
            return departureS + supplements.startS();
        }

        double arrivalS() {
            return runStartS() + stretch * run.runningTimeS() + supplements.stopS();
        }
    }
}
