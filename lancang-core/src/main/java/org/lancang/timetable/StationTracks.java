package org.lancang.timetable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Section;
import org.lancang.timetable.conflict.BlockingTable;

/**
 * Gives every stop a station track, as a station master would, trains taken in order of priority: a train passing a single-track station takes the main
 * line (track 1); a stopping train takes a loop or side track that is free for its whole stay, a main line only as a
 * last resort. When every track is taken the stop goes to its first choice anyway, and the overlap shows up as a
 * conflict: a station has only as many tracks as the data says.
 */
public final class StationTracks {
    private StationTracks() {}

    /**
     * The allocation of one day, stop by stop, into a {@link BlockingTable}. Callers give every pass first (a train
     * passing a single-track station takes the main line), then the stops in the timetable's order of priority: a
     * train added later never moves the track of one planned before it, so path insertion and the day's check see the
     * same allocation.
     */
    static final class Allocation {
        private final BlockingTable table;
        private final List<Track> byResource = new ArrayList<>();

        Allocation(BlockingTable table) {
            this.table = table;
        }

        /** A pass through a single-track station: the main line, whatever else holds it. */
        void pass(int owner, int mainLine, long from, long to) {
            take(mainLine, owner, from, to);
        }

        /** A stop: the first track of {@code preference} free for the whole stay, else the first one. */
        void stop(int owner, int[] preference, long from, long to) {
            int chosen = preference[0];
            for (int track : preference) {
                Track taken = track < byResource.size() ? byResource.get(track) : null;
                if (taken == null || taken.freeFor(owner, from, to)) {
                    chosen = track;
                    break;
                }
            }
            take(chosen, owner, from, to);
        }

        private void take(int track, int owner, long from, long to) {
            table.add(track, owner, false, from, to);
            while (byResource.size() <= track) {
                byResource.add(null);
            }
            Track t = byResource.get(track);
            if (t == null) {
                t = new Track();
                byResource.set(track, t);
            }
            t.add(owner, from, to);
        }
    }

    /**
     * One track's occupations by start time, as sorted primitive columns. A busy station sees thousands of stops a
     * day: only those starting within the longest stay before the new one can overlap it, so each check looks at a
     * few, not all.
     */
    private static final class Track {
        private long[] starts = new long[8];
        private long[] ends = new long[8];
        private int[] owners = new int[8];
        private int size;
        private long longest;

        void add(int owner, long from, long to) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                owners = Arrays.copyOf(owners, size * 2);
            }
            int at = firstStartingAtOrAfter(from + 1); // after those starting at the same time, as added
            System.arraycopy(starts, at, starts, at + 1, size - at);
            System.arraycopy(ends, at, ends, at + 1, size - at);
            System.arraycopy(owners, at, owners, at + 1, size - at);
            starts[at] = from;
            ends[at] = to;
            owners[at] = owner;
            size++;
            longest = Math.max(longest, to - from);
        }

        boolean freeFor(int owner, long from, long to) {
            for (int i = firstStartingAtOrAfter(from - longest); i < size && starts[i] < to; i++) {
                if (from < ends[i] && owners[i] != owner) {
                    return false;
                }
            }
            return true;
        }

        private int firstStartingAtOrAfter(long t) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
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
            order.add(s.rising() ? 1 : 2);
        } else {
            order.add(1);
        }
        return order;
    }

    /** Whether a double-track section reaches the station on any of its lines. */
    static boolean isDoubleTrackStation(Point p, Network network) {
        for (Network.Place place : network.places(p.code())) {
            List<Section> sections = place.line().sections();
            int i = place.index();
            if ((i > 0 && sections.get(i - 1).tracks() >= 2)
                    || (i < sections.size() && sections.get(i).tracks() >= 2)) {
                return true;
            }
        }
        return false;
    }
}
