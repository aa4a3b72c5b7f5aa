package org.lancang.maintenance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lancang.errors.InvalidInput;

/**
 * Works out which inspections are due from the latest result per asset and the intervals of the rules.
 *
 * <p>The due date is the latest inspection date plus the interval, in calendar terms: monthly from 31 January is due
 * on 28 (or 29) February, quarterly from 30 November on 28 February. An asset never inspected is due today, since
 * nothing says when it was last looked at. Results dated after today are ignored (they have not happened yet as of
 * today), as are results for assets not in the list.
 */
public record InspectionPlan(MaintenanceRules rules) {
    public InspectionPlan {
        Objects.requireNonNull(rules, "rules");
    }

    public static InspectionPlan withDefaults() {
        return new InspectionPlan(MaintenanceRules.defaults());
    }

    /** The due date of the next inspection of an asset last inspected on {@code lastInspected}. */
    public LocalDate nextDue(AssetType type, LocalDate lastInspected) {
        return lastInspected.plus(rules.intervalFor(type));
    }

    public InspectionSchedule due(Collection<Asset> assets, Collection<InspectionResult> results, LocalDate today) {
        if (today == null) {
            throw new InvalidInput("today", "is required");
        }
        Map<String, LocalDate> latest = new HashMap<>();
        for (InspectionResult r : results) {
            if (!r.date().isAfter(today)) {
                latest.merge(r.assetId(), r.date(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        LocalDate horizon = today.plus(rules.inspectionLookAhead());
        List<DueInspection> overdue = new ArrayList<>();
        List<DueInspection> due = new ArrayList<>();
        for (Asset asset : assets) {
            LocalDate last = latest.get(asset.id());
            LocalDate dueDate = last == null ? today : nextDue(asset.type(), last);
            if (dueDate.isBefore(today)) {
                overdue.add(new DueInspection(asset, last, dueDate, ChronoUnit.DAYS.between(dueDate, today)));
            } else if (!dueDate.isAfter(horizon)) {
                due.add(new DueInspection(asset, last, dueDate, 0));
            }
        }
        Comparator<DueInspection> order = Comparator.comparing(DueInspection::dueDate)
                .thenComparingDouble(d -> d.asset().fromKm())
                .thenComparing(d -> d.asset().id());
        overdue.sort(order);
        due.sort(order);
        return new InspectionSchedule(today, overdue, due);
    }
}
