package org.lancang.timetable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lancang.timetable.conflict.Occupation;

/**
 * A day's occupations indexed per resource, sorted by start, with the latest end so far beside each start. The path
 * search asks "until when is this resource taken around this interval?" hundreds of times per request: a binary
 * search answers it where a scan from the start of the day used to.
 */
final class OccupationIndex {
    private final List<Occupation> source;
    private final int size;
    private final Map<String, Column> columns;

    private OccupationIndex(List<Occupation> source, Map<String, Column> columns) {
        this.source = source;
        this.size = source.size();
        this.columns = columns;
    }

    static OccupationIndex of(List<Occupation> occupations) {
        Map<String, List<Listed>> byResource = new HashMap<>();
        for (int i = 0; i < occupations.size(); i++) {
            Occupation o = occupations.get(i);
            byResource.computeIfAbsent(o.resource(), k -> new ArrayList<>()).add(new Listed(o, i));
        }
        Map<String, Column> columns = new HashMap<>(byResource.size() * 2);
        byResource.forEach((resource, list) -> columns.put(resource, Column.of(list)));
        return new OccupationIndex(occupations, columns);
    }

    /**
     * Whether this index was built from that list: the same instance (a day's list is immutable) of the same size (a
     * caller's list grown since is not).
     */
    boolean isOf(List<Occupation> occupations) {
        return source == occupations && size == occupations.size();
    }

    /** What {@link #takenUntil(String, long, long)} answers for a free resource. */
    static final long FREE = Long.MIN_VALUE;

    /**
     * The end of the last occupation of {@code resource} overlapping [{@code from}, {@code to}), or null if the
     * resource is free for it.
     */
    Instant takenUntil(String resource, Instant from, Instant to) {
        long end = takenUntil(resource, nanos(from), nanos(to));
        return end == FREE ? null : instant(end);
    }

    /**
     * The same in nanoseconds since the epoch ({@link #nanos}), {@link #FREE} if free: the search asks this thousands
     * of times per request, and an {@code Instant} for each bound was most of what it allocated.
     */
    long takenUntil(String resource, long from, long to) {
        Column c = columns.get(resource);
        return c == null ? FREE : c.takenUntil(from, to);
    }

    /** An instant as nanoseconds since the epoch: exact, and a long holds them until the year 2262. */
    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * The first occupation of {@code wanted}'s resource, in the order of the indexed list, that overlaps it, or null:
     * what holds the resource against it, as a scan of the list would name it.
     */
    Occupation firstOverlapping(Occupation wanted) {
        Column c = columns.get(wanted.resource());
        return c == null ? null : c.firstOverlapping(wanted);
    }

    /** An occupation with its place in the indexed list. */
    private record Listed(Occupation occupation, int place) {}

    /**
     * One resource: starts ascending (nanoseconds since the epoch), and at each index the latest end among the
     * occupations up to it; the occupations themselves and their places in the list, to name one.
     */
    private record Column(long[] starts, long[] latestEnds, Listed[] listed) {
        static Column of(List<Listed> list) {
            list.sort(Comparator.comparing(l -> l.occupation().from()));
            long[] starts = new long[list.size()];
            long[] latest = new long[list.size()];
            long max = FREE;
            for (int i = 0; i < starts.length; i++) {
                Occupation o = list.get(i).occupation();
                starts[i] = nanos(o.from());
                max = Math.max(max, nanos(o.to()));
                latest[i] = max;
            }
            return new Column(starts, latest, list.toArray(new Listed[0]));
        }

        /** Only those starting before its end can overlap it; of those, the first in the list that does. */
        Occupation firstOverlapping(Occupation wanted) {
            Listed first = null;
            for (int i = 0, before = firstAtOrAfter(nanos(wanted.to())); i < before; i++) {
                Listed l = listed[i];
                if (l.occupation().overlaps(wanted) && (first == null || l.place() < first.place())) {
                    first = l;
                }
            }
            return first == null ? null : first.occupation();
        }

        /**
         * Every occupation starting before {@code to} overlaps the interval exactly when it ends after {@code from};
         * so the latest end among them answers, if it is after {@code from}.
         */
        long takenUntil(long from, long to) {
            int before = firstAtOrAfter(to);
            if (before == 0) {
                return FREE;
            }
            long end = latestEnds[before - 1];
            return end > from ? end : FREE;
        }

        private int firstAtOrAfter(long t) {
            int i = Arrays.binarySearch(starts, t);
            if (i < 0) {
                return -i - 1;
            }
            while (i > 0 && starts[i - 1] >= t) {
                i--; // equal starts: binarySearch finds any of them
            }
            return i;
        }
    }
}
