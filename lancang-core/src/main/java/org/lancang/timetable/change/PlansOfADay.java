package org.lancang.timetable.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lancang.timetable.TrainPlan;

/**
 * The timetable of a date: the base plan with the published changes in force that date applied, in the order they
 * were published. A date no change covers keeps the base plan itself (the same list), so it is untouched by
 * construction.
 */
public final class PlansOfADay {
    private PlansOfADay() {}

    public static List<TrainPlan> of(List<TrainPlan> base, List<TimetableChange> published, LocalDate date) {
        List<TrainPlan> plans = null;
        for (TimetableChange change : published) {
            if (change.scope().covers(date)) {
                if (plans == null) {
                    plans = new ArrayList<>(base);
                }
                apply(plans, change);
            }
        }
        return plans == null ? base : List.copyOf(plans);
    }

    /** Applies every edit of the change to the plans of one of its dates, in order. */
    static void apply(List<TrainPlan> plans, TimetableChange change) {
        for (Edit edit : change.edits()) {
            apply(plans, edit, change.scope());
        }
    }

    /**
     * One edit on one date. An edit about a train that is not in the plans that day (cancelled by an earlier change,
     * or added by a change since undone) does nothing; a train added where its number already is replaces it.
     */
    static void apply(List<TrainPlan> plans, Edit edit, ChangeScope scope) {
        int i = indexOf(plans, edit.train());
        if (edit instanceof Edit.Add add) {
            TrainPlan added = add.apply(null, scope).orElseThrow();
            if (i >= 0) {
                plans.set(i, added);
            } else {
                plans.add(added);
            }
            return;
        }
        if (i < 0) {
            return;
        }
        Optional<TrainPlan> changed = edit.apply(plans.get(i), scope);
        if (changed.isPresent()) {
            plans.set(i, changed.get());
        } else {
            plans.remove(i);
        }
    }

    static int indexOf(List<TrainPlan> plans, String number) {
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).number().equalsIgnoreCase(number)) {
                return i;
            }
        }
        return -1;
    }
}
