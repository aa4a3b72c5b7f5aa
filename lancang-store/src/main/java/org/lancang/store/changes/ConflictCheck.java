package org.lancang.store.changes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Possession;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.change.TimetableChange;
import org.lancang.timetable.conflict.ConflictDiff;

/**
 * The new conflicts a change brings on each date of its scope. A year's scope would be a year of day evaluations (a
 * tenth of a second each), so dates that look the same to the conflict detector are evaluated once: the same plans
 * running the day before, the day itself and the day after, the same possessions at the same time of day, and speed
 * restrictions without dates of their own. A scope with more distinct dates than {@link #MAX_EVALUATIONS} is checked
 * on its first ones, and the answer says how many dates it covered.
 */
final class ConflictCheck {
    static final int MAX_EVALUATIONS = 40;

    private final TimetableService timetable;
    private final RoadLimits roadLimits;

    ConflictCheck(TimetableService timetable, RoadLimits roadLimits) {
        this.timetable = timetable;
        this.roadLimits = roadLimits;
    }

    ScopeConflicts check(List<TimetableChange> before, List<TimetableChange> after, List<LocalDate> dates) {
        Map<List<Object>, int[]> seen = new HashMap<>();
        Map<LocalDate, Integer> found = new TreeMap<>();
        Map<LocalDate, Integer> breaches = new TreeMap<>();
        int checked = 0;
        for (LocalDate date : dates) {
            List<Object> key = List.of(
                    signature(date, d -> timetable.plansWith(d, before)),
                    signature(date, d -> timetable.plansWith(d, after)));
            int[] count = seen.get(key);
            if (count == null) {
                if (seen.size() >= MAX_EVALUATIONS) {
                    break;
                }
                DayPlan is = timetable.dayWith(date, after);
                DayPlan was = timetable.dayWith(date, before);
                count = new int[] {
                    ConflictDiff.minus(is.conflicts(), was.conflicts()).size(),
                    roadLimits.newBreaches(was, is).size()
                };
                seen.put(key, count);
            }
            checked++;
            if (count[0] > 0) {
                found.put(date, count[0]);
            }
            if (count[1] > 0) {
                breaches.put(date, count[1]);
            }
        }
        return new ScopeConflicts(found, breaches, checked, dates.size());
    }

    /** What the conflict detector sees of a date, without the date itself where it does not matter. */
    private List<Object> signature(LocalDate date, Function<LocalDate, List<TrainPlan>> plansOn) {
        List<Object> key = new ArrayList<>();
        for (int k = -1; k <= 1; k++) {
            LocalDate d = date.plusDays(k);
            key.add(plansOn.apply(d).stream()
                    .filter(p -> p.calendar().runsOn(d))
                    .toList());
        }
        long dayStart = date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (Possession p : timetable.possessions(date)) {
            key.add(List.of(
                    p.fromPoint(),
                    p.toPoint(),
                    p.start().getEpochSecond() - dayStart,
                    p.end().getEpochSecond() - dayStart));
        }
        List<SpeedRestriction> restrictions = timetable.restrictions(date);
        key.add(restrictions);
        if (restrictions.stream().anyMatch(r -> r.validFrom() != null || r.validTo() != null)) {
            key.add(date); // whether a restriction holds depends on the day: no two days alike
        }
        return key;
    }
}
