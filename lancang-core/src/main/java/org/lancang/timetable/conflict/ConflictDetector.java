package org.lancang.timetable.conflict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds every conflict in a set of occupations by sweeping each resource's occupations in time order: each one is
 * compared only with those still open when it starts, so the work is n log n plus the conflicts found, and no overlap
 * can be missed. Occupations of one resource by the same owner never conflict (a train's own successive blocking
 * times); neither do two possessions (two works may share a window).
 */
public final class ConflictDetector {
    private ConflictDetector() {}

    public static List<Conflict> detect(Collection<Occupation> occupations) {
        Map<String, List<Occupation>> byResource = new TreeMap<>();
        for (Occupation o : occupations) {
            byResource.computeIfAbsent(o.resource(), k -> new ArrayList<>()).add(o);
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (List<Occupation> list : byResource.values()) {
            list.sort(Comparator.comparing(Occupation::from));
            List<Occupation> open = new ArrayList<>();
            for (Occupation next : list) {
                open.removeIf(o -> !o.to().isAfter(next.from()));
                for (Occupation o : open) {
                    if (clash(o, next)) {
                        conflicts.add(Conflict.between(o, next));
                    }
                }
                open.add(next);
            }
        }
        conflicts.sort(null);
        return conflicts;
    }

    /** Whether two overlapping occupations of one resource are a conflict. */
    static boolean clash(Occupation a, Occupation b) {
        return !a.owner().equals(b.owner()) && !(a.possession() && b.possession());
    }
}
