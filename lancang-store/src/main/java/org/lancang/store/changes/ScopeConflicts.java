package org.lancang.store.changes;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The new conflicts a change brings over its scope: the dates that have some (and how many), and how many of the
 * scope's dates were checked (all of them unless the scope has more distinct dates than the check evaluates).
 */
public record ScopeConflicts(Map<LocalDate, Integer> newConflicts, int datesChecked, int datesInScope) {
    public ScopeConflicts {
        newConflicts = Collections.unmodifiableMap(new TreeMap<>(newConflicts)); // in date order
    }
}
