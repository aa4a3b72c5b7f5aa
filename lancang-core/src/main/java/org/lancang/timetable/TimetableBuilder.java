package org.lancang.timetable;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.lancang.timetable.conflict.Occupation;

/**
 * Builds a conflict-free timetable the way a planner does, one train at a time in order of priority: each train is
 * slotted in by {@link PathFinder} around those already placed (on the day and the days either side, since the
 * timetable repeats) and around the line's regular possessions (its skylight windows), its published departure kept
 * where it is fixed, with the meets it needs.
 */
public final class TimetableBuilder {
    private final Planner planner;
    private final PathFinder finder;

    public TimetableBuilder(Planner planner) {
        this.planner = planner;
        this.finder = new PathFinder(planner);
    }

    /** The plans in priority order, rebuilt with the meets (and, where free, the departures) that avoid conflicts. */
    public List<TrainPlan> build(List<TrainPlan> requests, LocalDate referenceDate) {
        return build(requests, referenceDate, List.of());
    }

    /**
     * The same, keeping clear of {@code possessions} as well: the regular skylights reaching into the reference date
     * (those starting the day before and after included, as a day's check takes them).
     */
    public List<TrainPlan> build(List<TrainPlan> requests, LocalDate referenceDate, List<Possession> possessions) {
        List<Occupation> closed = new ArrayList<>();
        for (Possession p : possessions) {
            closed.addAll(planner.possessionOccupations(p));
        }
        List<TrainPlan> placed = new ArrayList<>();
        for (TrainPlan request : requests) {
            List<ScheduledRun> runs = new ArrayList<>();
            for (TrainPlan p : placed) { // priority order, as the day's check takes them
                for (LocalDate d = referenceDate.minusDays(1);
                        !d.isAfter(referenceDate.plusDays(1));
                        d = d.plusDays(1)) {
                    if (p.calendar().runsOn(d)) {
                        runs.add(planner.schedule(p, d, List.of()));
                    }
                }
            }
            List<Occupation> existing = planner.occupations(runs, List.of());
            existing.addAll(closed);
            PathRequest path = new PathRequest(
                    request.number(),
                    request.operator(),
                    request.trainType(),
                    request.passenger(),
                    request.calendar(),
                    request.from(),
                    request.to(),
                    request.stops(),
                    referenceDate
                            .atTime(request.departure())
                            .atZone(planner.network()
                                    .point(request.from())
                                    .orElseThrow()
                                    .timeZone())
                            .toInstant(),
                    request.fixedDeparture(),
                    request.allowancePercent(),
                    Duration.ofHours(12),
                    request.via());
            InsertedPath found = finder.insert(path, existing, List.of());
            TrainPlan plan = found.plan();
            placed.add(new TrainPlan(
                    plan.number(),
                    plan.operator(),
                    plan.trainType(),
                    plan.passenger(),
                    request.calendar(),
                    plan.from(),
                    plan.to(),
                    plan.departure(),
                    plan.stops(),
                    plan.meets(),
                    request.fixedDeparture(),
                    request.allowancePercent(),
                    request.note(),
                    request.via()));
        }
        return placed;
    }
}
