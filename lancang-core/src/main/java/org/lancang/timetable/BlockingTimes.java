package org.lancang.timetable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lancang.network.Point;
import org.lancang.network.Section;
import org.lancang.timetable.conflict.Occupation;

/**
 * Turns one train run into its blocking times (blocking-time theory, as OSRD does): for every resource it uses, the
 * interval from the moment the route must be set before the head arrives until the tail has cleared it and the route
 * is released. Station tracks are not chosen here: stops are returned as {@link StationStop}s for the
 * {@link StationTracks} allocation, which sees every train at a station at once.
 */
public final class BlockingTimes {
    /**
     * A stop (or a pass through a single-track station) that needs a station track; {@code rising}: the train runs
     * towards rising km of its line there.
     */
    public record StationStop(String owner, Point station, boolean rising, boolean passing, Instant from, Instant to) {}

    /** What a run needs: line and block occupations, and station tracks to allocate. */
    public record Demand(List<Occupation> occupations, List<StationStop> stationStops) {}

    private BlockingTimes() {}

    /** Receives a run's blocking times as nanosecond offsets from its departure. */
    interface Sink {
        /** A line or block section held from {@code from} until {@code to}. */
        void section(String resource, long from, long to);

        /** A station track needed from {@code from} until {@code to}, for a stop or a pass, in direction {@code rising}. */
        void station(Point station, boolean rising, boolean passing, long from, long to);
    }

    public static Demand of(String owner, TrainRun run, Instant departure, Resources resources, BlockingRules rules) {
        List<Occupation> occupations = new ArrayList<>();
        List<StationStop> stops = new ArrayList<>();
        offsets(run, resources, rules, new Sink() {
            @Override
            public void section(String resource, long from, long to) {
                occupations.add(
                        new Occupation(resource, owner, false, departure.plusNanos(from), departure.plusNanos(to)));
            }

            @Override
            public void station(Point station, boolean rising, boolean passing, long from, long to) {
                stops.add(new StationStop(
                        owner, station, rising, passing, departure.plusNanos(from), departure.plusNanos(to)));
            }
        });
        return new Demand(occupations, stops);
    }

    /**
     * The run's blocking times, in the order {@link #of} lists them, as offsets: the path search asks for those of
     * every run it tries, and an {@code Instant} and a {@code Duration} per figure were most of what it allocated.
     */
    static void offsets(TrainRun run, Resources resources, BlockingRules rules, Sink sink) {
        LinePath path = run.path();
        double length = run.type().lengthM();
        List<PointTime> times = run.times();

        // single-track lines: from the route set at the entry point until the tail clears the exit point
        for (Resources.Line line : resources.lines()) {
            int a = path.indexOf(line.fromCode());
            int b = path.indexOf(line.toCode());
            if (a < 0 || b < 0) {
                continue;
            }
            int entry = Math.min(a, b);
            int exit = Math.max(a, b);
            sink.section(
                    line.id(),
                    times.get(entry).departure().toNanos()
                            - rules.singleTrackSetup().toNanos(),
                    tailClears(run, exit) + rules.singleTrackRelease().toNanos());
        }

        // double-track block sections in the train's direction on their line
        for (Resources.Block block : resources.blocks()) {
            LinePath.Leg leg = legOver(path, block);
            if (leg == null) {
                continue;
            }
            double start = leg.positionOf(leg.rising() ? block.fromKm() : block.toKm());
            double end = leg.positionOf(leg.rising() ? block.toKm() : block.fromKm());
            double approach = start - (end - start); // the signal one block back must already show clear
            sink.section(
                    block.id(),
                    entryTime(run, approach, start) - rules.blockSetup().toNanos(),
                    clearTime(run, end, length) + rules.blockRelease().toNanos());
        }

        // stations: every stop holds a track; on single track a pass holds the main track
        for (int i = 0; i < times.size(); i++) {
            PointTime t = times.get(i);
            Point p = t.point();
            if (!p.canHoldTrains()) {
                continue;
            }
            boolean first = i == 0;
            boolean last = i == times.size() - 1;
            if (t.stops() || first || last) {
                long from = first
                        ? t.departure().toNanos()
                                - rules.platformBeforeDeparture().toNanos()
                        : t.arrival().toNanos() - rules.stationSetup().toNanos();
                long to = last
                        ? t.arrival().toNanos() + rules.platformAfterArrival().toNanos()
                        : t.departure().toNanos() + rules.stationRelease().toNanos();
                sink.station(p, path.risingAt(i), false, from, to);
            } else if (singleTrackAt(path, i)) {
                sink.station(
                        p,
                        path.risingAt(i),
                        true,
                        t.arrival().toNanos() - rules.stationSetup().toNanos(),
                        tailClears(run, i) + rules.stationRelease().toNanos());
            }
        }
    }

    /** The leg of the path that runs over the whole block in the block's direction, or null. */
    static LinePath.Leg legOver(LinePath path, Resources.Block block) {
        for (LinePath.Leg leg : path.legs()) {
            if (leg.rising() == block.rising()
                    && leg.line().code().equals(block.line())
                    && leg.containsKm(block.fromKm())
                    && leg.containsKm(block.toKm())) {
                return leg;
            }
        }
        return null;
    }

    /** Whether the track on either side of path point i is single. */
    private static boolean singleTrackAt(LinePath path, int i) {
        List<Section> sections = path.sections();
        return (i > 0 && sections.get(i - 1).isSingleTrack())
                || (i < sections.size() && sections.get(i).isSingleTrack());
    }

    /** When the tail has cleared path point i: on arrival if the train stops there, else once it has run its length on. */
    private static long tailClears(TrainRun run, int i) {
        PointTime t = run.times().get(i);
        if (t.stops() || i == run.times().size() - 1) {
            return t.arrival().toNanos();
        }
        double pos = Math.min(t.positionM() + run.type().lengthM(), run.path().lengthM());
        return seconds(run.secondsAt(pos));
    }

    /**
     * When the approach to a block starts: the head at {@code approachM}, or, if the train is standing at a stop between
     * there and the block, its departure from that stop.
     */
    private static long entryTime(TrainRun run, double approachM, double startM) {
        long entry = seconds(run.secondsAt(Math.max(0, approachM)));
        List<PointTime> times = run.times();
        for (int i = firstAtOrAfter(times, approachM);
                i < times.size() && times.get(i).positionM() <= startM;
                i++) {
            PointTime t = times.get(i);
            if (t.stops() || t.positionM() == 0) {
                entry = t.departure().toNanos();
            }
        }
        return entry;
    }

    /** When the tail clears a block ending at {@code endM}; a train stopping at its end is inside the station then. */
    private static long clearTime(TrainRun run, double endM, double length) {
        List<PointTime> times = run.times();
        // the points within a metre of the end, looked up by position (a line has thousands of blocks)
        for (int i = firstAtOrAfter(times, endM - 2);
                i < times.size() && times.get(i).positionM() <= endM + 2;
                i++) {
            PointTime t = times.get(i);
            if (Math.abs(t.positionM() - endM) < 1
                    && (t.stops() || t.positionM() == run.path().lengthM())) {
                return t.arrival().toNanos();
            }
        }
        return seconds(run.secondsAt(Math.min(endM + length, run.path().lengthM())));
    }

    /** The first point at or after {@code positionM}: a run's points are in path order, so by position. */
    private static int firstAtOrAfter(List<PointTime> times, double positionM) {
        int lo = 0;
        int hi = times.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times.get(mid).positionM() < positionM) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whole milliseconds, as the run's times were always rounded, in nanoseconds. */
    private static long seconds(double s) {
        return Math.round(s * 1000) * 1_000_000L;
    }
}
