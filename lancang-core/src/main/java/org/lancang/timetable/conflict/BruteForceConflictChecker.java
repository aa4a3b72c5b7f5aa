package org.lancang.timetable.conflict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The obvious checker: every pair of occupations, compared. Quadratic, so only a referee for {@link ConflictDetector}
 * in tests and the benchmark's baseline.
 */
public final class BruteForceConflictChecker {
    private BruteForceConflictChecker() {}

    public static List<Conflict> detect(Collection<Occupation> occupations) {
        List<Occupation> all = new ArrayList<>(occupations);
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Occupation a = all.get(i);
                Occupation b = all.get(j);
                if (a.resource().equals(b.resource()) && a.overlaps(b) && ConflictDetector.clash(a, b)) {
                    conflicts.add(Conflict.between(a, b));
                }
            }
        }
        conflicts.sort(null);
        return conflicts;
    }
}
