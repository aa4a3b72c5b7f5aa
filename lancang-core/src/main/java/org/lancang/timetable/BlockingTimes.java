package org.lancang.timetable;

import java.time.Duration;
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
    /** A stop (or a pass through a single-track station) that needs a station track. */
    public record StationStop(
            String owner, Point station, boolean increasingKm, boolean passing, Instant from, Instant to) {}

    /** What a run needs: line and block occupations, and station tracks to allocate. */
    public record Demand(List<Occupation> occupations, List<StationStop> stationStops) {}

    private BlockingTimes() {}

    public static Demand of(String owner, TrainRun run, Instant departure, Resources resources, BlockingRules rules) {
        LinePath path = run.path();
        List<Occupation> occupations = new ArrayList<>();
        List<StationStop> stops = new ArrayList<>();
        double length = run.type().lengthM();
        List<PointTime> times = run.times();

        // single-track lines: from the route set at the entry point until the tail clears the exit point
        for (Resources.Line line : resources.lines()) {
            int entry = path.indexOf(path.increasingKm() ? line.fromCode() : line.toCode());
            int exit = path.indexOf(path.increasingKm() ? line.toCode() : line.fromCode());
            if (entry < 0 || exit < 0) {
                continue;
            }
            Instant from = at(departure, times.get(entry).departure()).minus(rules.singleTrackSetup());
            Instant to = at(departure, tailClears(run, exit)).plus(rules.singleTrackRelease());
            occupations.add(new Occupation(line.id(), owner, false, from, to));
        }

        // double-track block sections in the train's direction
        for (Resources.Block block : resources.blocks()) {
            if (block.increasingKm() != path.increasingKm()
                    || !path.containsKm(block.fromKm())
                    || !path.containsKm(block.toKm())) {
                continue;
            }
            double start = path.positionOfKm(path.increasingKm() ? block.fromKm() : block.toKm());
            double end = path.positionOfKm(path.increasingKm() ? block.toKm() : block.fromKm());
            double approach = start - (end - start); // the signal one block back must already show clear
            Duration enter = entryTime(run, approach, start);
            Duration clear = clearTime(run, end, length);
            occupations.add(new Occupation(
                    block.id(),
                    owner,
                    false,
                    at(departure, enter).minus(rules.blockSetup()),
                    at(departure, clear).plus(rules.blockRelease())));
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
                Instant from = first
                        ? at(departure, t.departure()).minus(rules.platformBeforeDeparture())
                        : at(departure, t.arrival()).minus(rules.stationSetup());
                Instant to = last
                        ? at(departure, t.arrival()).plus(rules.platformAfterArrival())
                        : at(departure, t.departure()).plus(rules.stationRelease());
                stops.add(new StationStop(owner, p, path.increasingKm(), false, from, to));
            } else if (singleTrackAt(path, i)) {
                Instant from = at(departure, t.arrival()).minus(rules.stationSetup());
                Instant to = at(departure, tailClears(run, i)).plus(rules.stationRelease());
                stops.add(new StationStop(owner, p, path.increasingKm(), true, from, to));
            }
        }
        return new Demand(occupations, stops);
    }

    /** Whether the track on either side of path point i is single. */
    private static boolean singleTrackAt(LinePath path, int i) {
        List<Section> sections = path.sections();
        return (i > 0 && sections.get(i - 1).isSingleTrack())
                || (i < sections.size() && sections.get(i).isSingleTrack());
    }

    /** When the tail has cleared path point i: on arrival if the train stops there, else once it has run its length on. */
    private static Duration tailClears(TrainRun run, int i) {
        PointTime t = run.times().get(i);
        if (t.stops() || i == run.times().size() - 1) {
            return t.arrival();
        }
        double pos = Math.min(t.positionM() + run.type().lengthM(), run.path().lengthM());
        return seconds(run.secondsAt(pos));
    }

    /**
     * When the approach to a block starts: the head at {@code approachM}, or, if the train is standing at a stop between
     * there and the block, its departure from that stop.
     */
    private static Duration entryTime(TrainRun run, double approachM, double startM) {
        Duration entry = seconds(run.secondsAt(Math.max(0, approachM)));
        List<PointTime> times = run.times();
        for (int i = firstAtOrAfter(times, approachM);
                i < times.size() && times.get(i).positionM() <= startM;
                i++) {
            PointTime t = times.get(i);
            if (t.stops() || t.positionM() == 0) {
                entry = t.departure();
            }
        }
        return entry;
    }

    /** When the tail clears a block ending at {@code endM}; a train stopping at its end is inside the station then. */
    private static Duration clearTime(TrainRun run, double endM, double length) {
        List<PointTime> times = run.times();
        // the points within a metre of the end, looked up by position (a line has thousands of blocks)
        for (int i = firstAtOrAfter(times, endM - 2);
                i < times.size() && times.get(i).positionM() <= endM + 2;
                i++) {
            PointTime t = times.get(i);
            if (Math.abs(t.positionM() - endM) < 1
                    && (t.stops() || t.positionM() == run.path().lengthM())) {
                return t.arrival();
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

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static Instant at(Instant departure, Duration offset) {
        return departure.plus(offset);
    }
}
