package org.lancang.timetable;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.lancang.timetable.conflict.Occupation;

/**
 * A run's blocking times as the path search asks about them: nanosecond offsets from its departure, in the order the
 * run reaches them (by start; a line or block before a stop starting at the same time, as the search always took
 * them). The same for every departure of the run, so each try of the search adds its departure to two longs instead
 * of making an {@code Instant}, an {@code Occupation} and a candidate for each of the thousands it asks about.
 *
 * @param resources    the resource asked about first (a stop's preferred track)
 * @param alternatives a stop's tracks in order of preference; null for a line or block, the resource alone
 * @param from         when the run starts to hold it, after its departure
 * @param to           when the run releases it, after its departure
 * @param entryM       where along the path the train must have permission to enter a stop's track; NaN for a line or
 *                     block, worked out only for the one that is blocked
 */
record PathCandidates(String[] resources, String[][] alternatives, long[] from, long[] to, double[] entryM) {

    /** From a demand laid at the epoch (its instants are then offsets), a stop's tracks given by {@code tracks}. */
    static PathCandidates of(
            BlockingTimes.Demand demand, LinePath path, Function<BlockingTimes.StationStop, String[]> tracks) {
        List<Occupation> occupations = demand.occupations();
        List<BlockingTimes.StationStop> stops = demand.stationStops();
        int lines = occupations.size();
        int n = lines + stops.size();
        long[] allFrom = new long[n];
        for (int i = 0; i < n; i++) {
            allFrom[i] = OccupationIndex.nanos(
                    i < lines ? occupations.get(i).from() : stops.get(i - lines).from());
        }
        // a stable sort: equal starts keep lines and blocks before stops, in the demand's order
        int[] order = IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingLong(i -> allFrom[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        String[] resources = new String[n];
        String[][] alternatives = new String[n][];
        long[] from = new long[n];
        long[] to = new long[n];
        double[] entryM = new double[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            from[k] = allFrom[i];
            if (i < lines) {
                Occupation o = occupations.get(i);
                resources[k] = o.resource();
                to[k] = OccupationIndex.nanos(o.to());
                entryM[k] = Double.NaN;
            } else {
                BlockingTimes.StationStop s = stops.get(i - lines);
                alternatives[k] = tracks.apply(s);
                resources[k] = alternatives[k][0];
                to[k] = OccupationIndex.nanos(s.to());
                entryM[k] = path.positionM(path.indexOf(s.station().code())) - 1;
            }
        }
        return new PathCandidates(resources, alternatives, from, to, entryM);
    }

    int size() {
        return resources.length;
    }
}
