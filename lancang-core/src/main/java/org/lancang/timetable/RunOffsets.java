package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lancang.network.Network;
import org.lancang.timetable.conflict.BlockingTable;
import org.lancang.timetable.conflict.Occupation;

/**
 * A run's blocking times as nanosecond offsets from its departure, with each stop's station tracks in order of
 * preference: the same for every date and number the run is used for, so a day lays each run by adding its departure
 * rather than making records.
 */
record RunOffsets(
        String[] resources,
        long[] from,
        long[] to,
        boolean[] passing,
        long[] stopFrom,
        long[] stopTo,
        String[][] tracks) {

    static RunOffsets of(BlockingTimes.Demand demand, Network network) {
        List<Occupation> occupations = demand.occupations();
        int n = occupations.size();
        String[] resources = new String[n];
        long[] from = new long[n];
        long[] to = new long[n];
        for (int i = 0; i < n; i++) {
            Occupation o = occupations.get(i);
            resources[i] = o.resource();
            from[i] = nanos(o.from());
            to[i] = nanos(o.to());
        }
        List<BlockingTimes.StationStop> stops = demand.stationStops();
        int m = stops.size();
        boolean[] passing = new boolean[m];
        long[] stopFrom = new long[m];
        long[] stopTo = new long[m];
        String[][] tracks = new String[m][];
        for (int i = 0; i < m; i++) {
            BlockingTimes.StationStop s = stops.get(i);
            passing[i] = s.passing();
            stopFrom[i] = nanos(s.from());
            stopTo[i] = nanos(s.to());
            String code = s.station().code();
            tracks[i] = s.passing()
                    ? new String[] {Resources.track(code, 1)}
                    : StationTracks.preference(s, network).stream()
                            .map(t -> Resources.track(code, t))
                            .toArray(String[]::new);
        }
        return new RunOffsets(resources, from, to, passing, stopFrom, stopTo, tracks);
    }

    /** How many blocking times the run lays: its line and block occupations and its station stops. */
    int size() {
        return resources.length + passing.length;
    }

    /** The demand was laid at the epoch: its instants are offsets from the departure. */
    private static long nanos(Instant t) {
        return Duration.between(Instant.EPOCH, t).toNanos();
    }

    /** Lays the runs (station tracks allocated across all of them) and the possessions' occupations in a table. */
    static BlockingTable lay(
            BlockingTable table, List<ScheduledRun> scheduled, List<RunOffsets> offsets, List<Occupation> closed) {
        int n = scheduled.size();
        int[] owners = new int[n];
        long[] shifts = new long[n];
        // resource numbers of each distinct run: most runs of a day share a stopping pattern
        Map<RunOffsets, Numbers> numbers = new IdentityHashMap<>();
        Numbers[] numbered = new Numbers[n];
        for (int i = 0; i < n; i++) {
            ScheduledRun r = scheduled.get(i);
            RunOffsets d = offsets.get(i);
            owners[i] = table.owner(r.owner());
            shifts[i] = table.nanos(r.departure());
            numbered[i] = numbers.computeIfAbsent(d, x -> x.number(table));
            int[] res = numbered[i].resources;
            for (int k = 0; k < res.length; k++) {
                table.add(res[k], owners[i], false, d.from[k] + shifts[i], d.to[k] + shifts[i]);
            }
        }
        StationTracks.Allocation allocation = new StationTracks.Allocation(table);
        for (boolean passes : new boolean[] {true, false}) {
            for (int i = 0; i < n; i++) {
                RunOffsets d = offsets.get(i);
                for (int k = 0; k < d.passing.length; k++) {
                    if (d.passing[k] != passes) {
                        continue;
                    }
                    long from = d.stopFrom[k] + shifts[i];
                    long to = d.stopTo[k] + shifts[i];
                    int[] tracks = numbered[i].tracks[k];
                    if (passes) {
                        allocation.pass(owners[i], tracks[0], from, to);
                    } else {
                        allocation.stop(owners[i], tracks, from, to);
                    }
                }
            }
        }
        closed.forEach(table::add);
        return table;
    }

    private record Numbers(int[] resources, int[][] tracks) {}

    private Numbers number(BlockingTable table) {
        int[] res = new int[resources.length];
        for (int k = 0; k < res.length; k++) {
            res[k] = table.resource(resources[k]);
        }
        int[][] numbered = new int[tracks.length][];
        for (int k = 0; k < tracks.length; k++) {
            numbered[k] = new int[tracks[k].length];
            for (int t = 0; t < tracks[k].length; t++) {
                numbered[k][t] = table.resource(tracks[k][t]);
            }
        }
        return new Numbers(res, numbered);
    }
}
