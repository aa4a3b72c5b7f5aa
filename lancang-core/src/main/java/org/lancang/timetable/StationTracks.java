package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.conflict.Occupation;

/**
 * Gives every stop a station track, as a station master would, trains taken in order of priority: a train passing a single-track station takes the main
 * line (track 1); a stopping train takes a loop or side track that is free for its whole stay, a main line only as a
 * last resort. When every track is taken the stop goes to its first choice anyway, and the overlap shows up as a
 * conflict: a station has only as many tracks as the data says.
 */
public final class StationTracks {
    private StationTracks() {}

    public static List<Occupation> allocate(List<BlockingTimes.StationStop> stops, Network network) {
        Map<String, Track> byTrack = new HashMap<>();
        List<Occupation> out = new ArrayList<>();
        for (BlockingTimes.StationStop s : stops) {
            if (s.passing()) {
                Occupation o =
                        new Occupation(Resources.track(s.station().code(), 1), s.owner(), false, s.from(), s.to());
                byTrack.computeIfAbsent(o.resource(), k -> new Track()).add(o);
                out.add(o);
            }
        }
        // in the order given, which is the timetable's order of priority: a train added later never moves the track of
        // one planned before it, so path insertion and the day's check see the same allocation
        for (BlockingTimes.StationStop s :
                stops.stream().filter(s -> !s.passing()).toList()) {
            List<Integer> preference = preference(s, network);
            String chosen = Resources.track(s.station().code(), preference.get(0));
            for (int track : preference) {
                String id = Resources.track(s.station().code(), track);
                Track taken = byTrack.get(id);
                if (taken == null || taken.freeFor(s.owner(), s.from(), s.to())) {
                    chosen = id;
                    break;
                }
            }
            Occupation o = new Occupation(chosen, s.owner(), false, s.from(), s.to());
            byTrack.computeIfAbsent(chosen, k -> new Track()).add(o);
            out.add(o);
        }
        return out;
    }

    /**
     * One track's occupations by start time. A busy station sees thousands of stops a day: only those starting
     * within the longest stay before the new one can overlap it, so each check looks at a few, not all.
     */
    private static final class Track {
        private final TreeMap<Instant, List<Occupation>> byStart = new TreeMap<>();
        private Duration longest = Duration.ZERO;

        void add(Occupation o) {
            byStart.computeIfAbsent(o.from(), k -> new ArrayList<>(1)).add(o);
            Duration length = Duration.between(o.from(), o.to());
            if (length.compareTo(longest) > 0) {
                longest = length;
            }
        }

        boolean freeFor(String owner, Instant from, Instant to) {
            for (List<Occupation> starting :
                    byStart.subMap(from.minus(longest), true, to, false).values()) {
                for (Occupation o : starting) {
                    if (o.from().isBefore(to)
                            && from.isBefore(o.to())
                            && !o.owner().equals(owner)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Tracks in the order a stopping train should get them: loops and side tracks first, then its own main line. */
    static List<Integer> preference(BlockingTimes.StationStop s, Network network) {
        Point p = s.station();
        int tracks = p.stationTracks();
        boolean doubleTrack = isDoubleTrackStation(p, network);
        List<Integer> order = new ArrayList<>();
        int firstSide = doubleTrack ? 3 : 2;
        for (int t = firstSide; t <= tracks; t++) {
            order.add(t);
        }
        if (doubleTrack && tracks >= 2) {
            order.add(s.increasingKm() ? 1 : 2);
        } else {
            order.add(1);
        }
        return order;
    }

    static boolean isDoubleTrackStation(Point p, Network network) {
        int i = network.indexOf(p.code());
        boolean before = i > 0 && network.sections().get(i - 1).tracks() >= 2;
        boolean after =
                i < network.sections().size() && network.sections().get(i).tracks() >= 2;
        return before || after;
    }
}
