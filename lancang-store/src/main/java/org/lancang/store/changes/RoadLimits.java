package org.lancang.store.changes;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.RoadClosureLimits;
import org.lancang.timetable.ScheduledRun;

/**
 * The limits of the road's closed time on a network's shared bridges, as a change's checks need them: the road's
 * windows are possessions of the day already (a crossing in one is a conflict), but the day's closed time is a limit
 * of the day as a whole, checked on the evaluated day and on a path found for a new train. A network without a shared
 * bridge has none.
 */
public interface RoadLimits {
    RoadLimits NONE = new RoadLimits() {
        @Override
        public List<RoadClosureLimits.Breach> breaches(DayPlan day) {
            return List.of();
        }

        @Override
        public Optional<RoadClosureLimits.Breach> passedBy(ScheduledRun added, DayPlan day) {
            return Optional.empty();
        }
    };

    /** The limits of a served network's shared bridges (its road-closure limits file). */
    static RoadLimits of(ServedNetwork network) {
        return new RoadLimits() {
            @Override
            public List<RoadClosureLimits.Breach> breaches(DayPlan day) {
                return network.roadLimitBreaches(day);
            }

            @Override
            public Optional<RoadClosureLimits.Breach> passedBy(ScheduledRun added, DayPlan day) {
                return network.roadLimitPassedBy(added, day);
            }
        };
    }

    /** The limits the evaluated day passes. */
    List<RoadClosureLimits.Breach> breaches(DayPlan day);

    /** The first limit that adding {@code added} to {@code day} would pass, which the day alone does not. */
    Optional<RoadClosureLimits.Breach> passedBy(ScheduledRun added, DayPlan day);

    /** The breaches of {@code is} that {@code was} does not have (the same bridge and train, or the day's total). */
    default List<RoadClosureLimits.Breach> newBreaches(DayPlan was, DayPlan is) {
        Set<String> before = breaches(was).stream().map(RoadLimits::key).collect(Collectors.toSet());
        return breaches(is).stream().filter(b -> !before.contains(key(b))).toList();
    }

    private static String key(RoadClosureLimits.Breach b) {
        return b.bridge() + "|" + b.date() + "|" + b.train();
    }
}
