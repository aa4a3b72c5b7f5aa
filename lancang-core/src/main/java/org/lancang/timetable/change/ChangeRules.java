package org.lancang.timetable.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.lancang.errors.Clash;
import org.lancang.errors.Validation;
import org.lancang.timetable.TrainPlan;

/**
 * Whether a change makes sense against the timetable it would apply to: each edit is tried on every date of the scope
 * after the edits before it. A move, cancel or replacement must find its train running on at least one date of the
 * scope; an added train's number must be free on every date of it.
 */
public final class ChangeRules {
    private ChangeRules() {}

    /**
     * Throws {@code InvalidInput} naming {@code edits[i].train} for an edit with nothing to act on, and {@code Clash}
     * naming {@code edits[i].number} for a train added under a number already running in the scope.
     */
    public static void check(TimetableChange change, Function<LocalDate, List<TrainPlan>> plansOn) {
        Validation v = new Validation();
        v.check(!change.edits().isEmpty(), "edits", "a change needs at least one edit", "change-no-edit");
        v.throwIfInvalid();
        int n = change.edits().size();
        boolean[] found = new boolean[n];
        String[] clash = new String[n];
        Set<String> added = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (change.edits().get(i) instanceof Edit.Add add
                    && !added.add(add.train().toUpperCase(Locale.ROOT))) {
                v.add(
                        "edits[" + i + "].number",
                        "train " + add.train() + " is added twice in this change",
                        "train-added-twice");
            }
        }
        for (LocalDate date : change.scope().dates()) {
            List<TrainPlan> plans = new ArrayList<>(plansOn.apply(date));
            for (int i = 0; i < n; i++) {
                Edit edit = change.edits().get(i);
                int at = PlansOfADay.indexOf(plans, edit.train());
                boolean runs = at >= 0 && plans.get(at).calendar().runsOn(date);
                if (edit instanceof Edit.Add) {
                    if (runs && clash[i] == null) {
                        clash[i] = date.toString();
                    }
                } else if (runs) {
                    found[i] = true;
                }
                PlansOfADay.apply(plans, edit, change.scope());
            }
        }
        for (int i = 0; i < n; i++) {
            Edit edit = change.edits().get(i);
            if (!(edit instanceof Edit.Add) && !found[i]) {
                v.add(
                        "edits[" + i + "].train",
                        "train " + edit.train() + " does not run on any date of the scope",
                        "train-not-in-scope");
            }
        }
        v.throwIfInvalid();
        for (int i = 0; i < n; i++) {
            if (clash[i] != null) {
                throw new Clash(
                        "edits[" + i + "].number",
                        "train " + change.edits().get(i).train() + " already runs on " + clash[i],
                        "train-already-runs");
            }
        }
    }
}
