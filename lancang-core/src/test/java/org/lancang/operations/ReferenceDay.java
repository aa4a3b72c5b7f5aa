package org.lancang.operations;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/** The shipped timetable on one day, as the operations tests use it (built once per JVM: the physics is costly). */
public final class ReferenceDay {
    public static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    public static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    public static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));
    public static final Planner PLANNER = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());
    public static final DispatchRules RULES = DispatchRules.parse(FILES.read(DispatchRules.FILE));
    static final DayPlan PLAN = PLANNER.day(PLANS, DAY, List.of(), List.of());
    public static final DayGraph GRAPH = DayGraph.build(PLANNER, PLAN, List.of(), RULES, LineOrders.PLAN);

    private ReferenceDay() {}

    /** The first passenger train of the day that crosses the border southbound (the international train). */
    static DayGraph.Run firstCrossBorderPassengerSouthbound() {
        return GRAPH.runs().stream()
                .filter(r -> r.serviceDate().equals(DAY) && r.plan().passenger())
                .filter(r -> r.path().rising(0))
                .filter(r ->
                        r.path().origin().country() != r.path().destination().country())
                .min(Comparator.comparing(r -> r.scheduled().departure()))
                .orElseThrow();
    }
}
