package org.lancang.timetable;

import java.time.LocalDate;
import java.util.List;
import org.lancang.timetable.conflict.BlockingTable;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.timetable.conflict.Occupation;

/**
 * A day of the timetable, evaluated: the runs of that day (with those of the days before and after, whose blocking
 * times can reach into it), every blocking time, and every conflict that involves a run of the day.
 */
public record DayPlan(LocalDate date, List<ScheduledRun> runs, List<Occupation> occupations, List<Conflict> conflicts) {
    public DayPlan {
        runs = List.copyOf(runs);
        // a day's table is read-only and holds millions of blocking times: kept as it is, not copied into records
        occupations = occupations instanceof BlockingTable.Occupations ? occupations : List.copyOf(occupations);
        conflicts = List.copyOf(conflicts);
    }

    /** Only the runs whose service date is the day itself. */
    public List<ScheduledRun> runsOfTheDay() {
        return runs.stream().filter(r -> r.serviceDate().equals(date)).toList();
    }
}
