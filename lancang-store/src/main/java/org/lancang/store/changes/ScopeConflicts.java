package org.lancang.store.changes;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The new conflicts a change brings over its scope: the dates that have some (and how many), the dates on which it
 * passes a limit of the road's closed time on a shared bridge that was not passed without it (and how many), and how
 * many of the scope's dates were checked (all of them unless the scope has more distinct dates than the check
 * evaluates).
 */
public record ScopeConflicts(
        Map<LocalDate, Integer> newConflicts,
        Map<LocalDate, Integer> newRoadLimitBreaches,
        int datesChecked,
        int datesInScope) {
    public ScopeConflicts {
        newConflicts = Collections.unmodifiableMap(new TreeMap<>(newConflicts)); // in date order
        newRoadLimitBreaches = Collections.unmodifiableMap(new TreeMap<>(newRoadLimitBreaches));
    }

    /** Whether publishing would make the plan worse somewhere: a new conflict or a new road-closure breach. */
    public boolean worse() {
        return !newConflicts.isEmpty() || !newRoadLimitBreaches.isEmpty();
    }
}
