package org.lancang.timetable.conflict;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an edit of the timetable does to its conflicts: those of one evaluation that the other does not have. A
 * conflict is "the same" before and after when the same two owners meet on the same resource, whatever the minutes.
 */
public final class ConflictDiff {
    private ConflictDiff() {}

    /** The conflicts of {@code a} that {@code b} does not have. */
    public static List<Conflict> minus(List<Conflict> a, List<Conflict> b) {
        Set<String> keys = b.stream().map(ConflictDiff::key).collect(Collectors.toCollection(HashSet::new));
        return a.stream().filter(c -> !keys.contains(key(c))).toList();
    }

    private static String key(Conflict c) {
        return c.resource() + "|" + c.first() + "|" + c.second();
    }
}
