package org.lancang.store.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.conflict.Conflict;

/**
 * What a change of speed restrictions does to a service day: the trains whose arrival moved, by how much, and the
 * conflicts that appeared or went away.
 *
 * @param trains          the trains of the day whose arrival at their destination changed, in timetable order
 * @param newConflicts    conflicts of the day under {@code after} that it did not have under {@code before}
 * @param goneConflicts   conflicts of the day under {@code before} that {@code after} no longer has
 */
public record RestrictionImpact(
        LocalDate date,
        List<SpeedRestriction> before,
        List<SpeedRestriction> after,
        List<TrainDelay> trains,
        List<Conflict> newConflicts,
        List<Conflict> goneConflicts) {
    public RestrictionImpact {
        before = List.copyOf(before);
        after = List.copyOf(after);
        trains = List.copyOf(trains);
        newConflicts = List.copyOf(newConflicts);
        goneConflicts = List.copyOf(goneConflicts);
    }

    /**
     * One train's arrival at its destination before and after (whole seconds, as the timetable states them).
     *
     * @param delaySeconds after − before: positive when the train now arrives later, negative when earlier
     */
    public record TrainDelay(
            String train, String from, String to, Instant arrivalBefore, Instant arrivalAfter, long delaySeconds) {}
}
