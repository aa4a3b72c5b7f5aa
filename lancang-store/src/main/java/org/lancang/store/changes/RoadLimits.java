package org.lancang.store.changes;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.RoadClosureLimits;

/**
 * The limits of the road's closed time on a network's shared bridges, as a change's checks need them: the road's
 * windows are possessions of the day already (a crossing in one is a conflict), but the day's closed time is a limit
 * of the day as a whole, checked on the evaluated day. A network without a shared bridge has none.
 */
@FunctionalInterface
public interface RoadLimits {
    RoadLimits NONE = day -> List.of();

    /** The limits the evaluated day passes. */
    List<RoadClosureLimits.Breach> breaches(DayPlan day);

    /** The breaches of {@code is} that {@code was} does not have (the same bridge and train, or the day's total). */
    default List<RoadClosureLimits.Breach> newBreaches(DayPlan was, DayPlan is) {
        Set<String> before = breaches(was).stream().map(RoadLimits::key).collect(Collectors.toSet());
        return breaches(is).stream().filter(b -> !before.contains(key(b))).toList();
    }

    private static String key(RoadClosureLimits.Breach b) {
        return b.bridge() + "|" + b.date() + "|" + b.train();
    }
}
