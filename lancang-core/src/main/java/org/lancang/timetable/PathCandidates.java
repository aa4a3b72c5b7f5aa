package org.lancang.timetable;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.lancang.network.Point;

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

    /** What the search needs of a station: its tracks in order of preference for a pass or a stop. */
    interface Tracks {
        String[] of(Point station, boolean passing, boolean rising);
    }

    /** The run's blocking times ({@link BlockingTimes#offsets}), a stop's tracks given by {@code tracks}. */
    static PathCandidates of(TrainRun run, Resources resources, BlockingRules rules, Tracks tracks) {
        Collected all = new Collected(resources.lines().size()
                + resources.blocks().size()
                + run.times().size());
        LinePath path = run.path();
        BlockingTimes.offsets(run, resources, rules, new BlockingTimes.Sink() {
            @Override
            public void section(String resource, long from, long to) {
                all.add(resource, null, from, to, Double.NaN);
            }

            @Override
            public void station(Point station, boolean rising, boolean passing, long from, long to) {
                String[] alternatives = tracks.of(station, passing, rising);
                double entryM = path.positionM(path.indexOf(station.code())) - 1;
                all.add(alternatives[0], alternatives, from, to, entryM);
            }
        });
        return all.sorted();
    }

    /** The blocking times in the order the run's sink gives them: lines, blocks, then stations. */
    private static final class Collected {
        private final String[] resources;
        private final String[][] alternatives;
        private final long[] from;
        private final long[] to;
        private final double[] entryM;
        private int n;

        Collected(int capacity) {
            resources = new String[capacity];
            alternatives = new String[capacity][];
            from = new long[capacity];
            to = new long[capacity];
            entryM = new double[capacity];
        }

        void add(String resource, String[] choices, long start, long end, double entry) {
            resources[n] = resource;
            alternatives[n] = choices;
            from[n] = start;
            to[n] = end;
            entryM[n] = entry;
            n++;
        }

        /** By start; a stable sort, so equal starts keep lines and blocks before stations, in the sink's order. */
        PathCandidates sorted() {
            int[] order = IntStream.range(0, n)
                    .boxed()
                    .sorted(Comparator.comparingLong(i -> from[i]))
                    .mapToInt(Integer::intValue)
                    .toArray();
            PathCandidates c =
                    new PathCandidates(new String[n], new String[n][], new long[n], new long[n], new double[n]);
            for (int k = 0; k < n; k++) {
                int i = order[k];
                c.resources[k] = resources[i];
                c.alternatives[k] = alternatives[i];
                c.from[k] = from[i];
                c.to[k] = to[i];
                c.entryM[k] = entryM[i];
            }
            return c;
        }
    }

    int size() {
        return resources.length;
    }
}
