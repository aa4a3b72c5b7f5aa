package org.lancang.timetable.conflict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds every conflict in a set of occupations by sweeping each resource's occupations in time order: each one is
 * compared only with those still open when it starts, so the work is n log n plus the conflicts found, and no overlap
 * can be missed. Occupations of one resource by the same owner never conflict (a train's own successive blocking
 * times); neither do two possessions (two works may share a window). The sweep runs on a {@link BlockingTable}'s
 * primitive columns; conflicts are sorted as numbers and made into records last, in their final order.
 */
public final class ConflictDetector {
    private ConflictDetector() {}

    public static List<Conflict> detect(Collection<Occupation> occupations) {
        return detect(tableOf(occupations), owner -> true, c -> true);
    }

    /**
     * The conflicts of the table, in {@link Conflict}'s order, that involve an owner of interest or a possession that
     * {@code possessionKept} accepts. A day keeps the conflicts of its own runs: asked once per owner, not made into
     * records for the neighbouring days' conflicts between themselves.
     */
    public static List<Conflict> detect(
            BlockingTable table, Predicate<String> ofInterest, Predicate<Conflict> possessionKept) {
        Pairs pairs = sweep(table);
        List<String> owners = table.ownerIds();
        boolean[] interesting = new boolean[owners.size()];
        for (int i = 0; i < interesting.length; i++) {
            interesting[i] = ofInterest.test(owners.get(i));
        }
        int[] order = new int[pairs.size];
        int kept = 0;
        for (int k = 0; k < pairs.size; k++) {
            int a = pairs.first[k];
            int b = pairs.second[k];
            boolean possession = table.possessionAt(a) || table.possessionAt(b);
            if (interesting[table.ownerAt(a)]
                    || interesting[table.ownerAt(b)]
                    || (possession && possessionKept.test(conflict(table, pairs, k)))) {
                order[kept++] = k;
            }
        }
        order = Arrays.copyOf(order, kept);
        int[] resourceRank = ranks(table.resourceIds());
        int[] ownerRank = ranks(table.ownerIds());
        // Conflict's order (from, resource, first, second, to), compared on numbers: the ranks order as the ids do
        IndexSort.sort(order, 0, order.length, (x, y) -> {
            int c = Long.compare(pairs.from[x], pairs.from[y]);
            if (c == 0) {
                c = Integer.compare(
                        resourceRank[table.resourceAt(pairs.first[x])], resourceRank[table.resourceAt(pairs.first[y])]);
            }
            if (c == 0) {
                c = Integer.compare(ownerRank[table.ownerAt(pairs.first[x])], ownerRank[table.ownerAt(pairs.first[y])]);
            }
            if (c == 0) {
                c = Integer.compare(
                        ownerRank[table.ownerAt(pairs.second[x])], ownerRank[table.ownerAt(pairs.second[y])]);
            }
            return c != 0 ? c : Long.compare(pairs.to[x], pairs.to[y]);
        });
        List<Conflict> conflicts = new ArrayList<>(order.length);
        for (int k : order) {
            conflicts.add(conflict(table, pairs, k));
        }
        return conflicts;
    }

    private static Conflict conflict(BlockingTable table, Pairs pairs, int k) {
        int a = pairs.first[k];
        int b = pairs.second[k];
        List<String> owners = table.ownerIds();
        return new Conflict(
                table.resourceId(table.resourceAt(a)),
                owners.get(table.ownerAt(a)),
                owners.get(table.ownerAt(b)),
                table.possessionAt(a) || table.possessionAt(b),
                table.instant(pairs.from[k]),
                table.instant(pairs.to[k]));
    }

    private static BlockingTable tableOf(Collection<Occupation> occupations) {
        if (occupations instanceof BlockingTable.Occupations view
                && view.size() == view.table().size()) {
            return view.table();
        }
        return BlockingTable.of(occupations);
    }

    /** The conflicting pairs, each as (the occupation that starts first, the other) and the overlap. */
    private static final class Pairs {
        int size;
        int[] first = new int[256];
        int[] second = new int[256];
        long[] from = new long[256];
        long[] to = new long[256];

        void add(int a, int b, long overlapFrom, long overlapTo) {
            if (size == first.length) {
                first = Arrays.copyOf(first, size * 2);
                second = Arrays.copyOf(second, size * 2);
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            first[size] = a;
            second[size] = b;
            from[size] = overlapFrom;
            to[size] = overlapTo;
            size++;
        }
    }

    private static Pairs sweep(BlockingTable t) {
        int n = t.size();
        // group by resource (a counting sort keeps each resource's occupations in the order given)
        int[] start = new int[t.resources() + 1];
        for (int i = 0; i < n; i++) {
            start[t.resourceAt(i) + 1]++;
        }
        for (int r = 0; r < t.resources(); r++) {
            start[r + 1] += start[r];
        }
        int[] next = Arrays.copyOf(start, start.length);
        int[] byResource = new int[n];
        for (int i = 0; i < n; i++) {
            byResource[next[t.resourceAt(i)]++] = i;
        }
        List<String> owners = t.ownerIds();
        Pairs pairs = new Pairs();
        int[] open = new int[16];
        IndexSort.Order byFrom = (x, y) -> Long.compare(t.fromAt(x), t.fromAt(y));
        for (int r = 0; r < t.resources(); r++) {
            IndexSort.sort(byResource, start[r], start[r + 1], byFrom);
            int openCount = 0;
            for (int k = start[r]; k < start[r + 1]; k++) {
                int b = byResource[k];
                long bFrom = t.fromAt(b);
                int kept = 0;
                for (int j = 0; j < openCount; j++) {
                    int a = open[j];
                    if (t.toAt(a) > bFrom) {
                        open[kept++] = a;
                        if (clash(t, a, b)) {
                            int early = earlier(t, owners, a, b);
                            pairs.add(early, early == a ? b : a, bFrom, Math.min(t.toAt(a), t.toAt(b)));
                        }
                    }
                }
                openCount = kept;
                if (openCount == open.length) {
                    open = Arrays.copyOf(open, openCount * 2);
                }
                open[openCount++] = b;
            }
        }
        return pairs;
    }

    /** Of two overlapping occupations, the one that starts first (the smaller owner id on a tie): Conflict's first. */
    private static int earlier(BlockingTable t, List<String> owners, int a, int b) {
        long fa = t.fromAt(a);
        long fb = t.fromAt(b);
        if (fa != fb) {
            return fa < fb ? a : b;
        }
        return owners.get(t.ownerAt(a)).compareTo(owners.get(t.ownerAt(b))) <= 0 ? a : b;
    }

    private static boolean clash(BlockingTable t, int a, int b) {
        return t.ownerAt(a) != t.ownerAt(b) && !(t.possessionAt(a) && t.possessionAt(b));
    }

    /** Whether two overlapping occupations of one resource are a conflict. */
    static boolean clash(Occupation a, Occupation b) {
        return !a.owner().equals(b.owner()) && !(a.possession() && b.possession());
    }

    /** For each id, its place among the ids in their natural order. */
    private static int[] ranks(List<String> ids) {
        Integer[] sorted = new Integer[ids.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        Arrays.sort(sorted, (x, y) -> ids.get(x).compareTo(ids.get(y)));
        int[] rank = new int[ids.size()];
        for (int i = 0; i < sorted.length; i++) {
            rank[sorted[i]] = i;
        }
        return rank;
    }
}
