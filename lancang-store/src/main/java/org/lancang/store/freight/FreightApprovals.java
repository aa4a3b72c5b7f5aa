package org.lancang.store.freight;

import java.util.List;
import org.lancang.freight.PathAnswer;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;

/**
 * How an approved freight path joins its network's plan: through the network's timetable change service, as a
 * published change of origin FREIGHT (kept in timetable_change and restored by that service at every start). A network
 * with a shared road–rail bridge also refuses a path that would push the road's closed time past its limits: a rule of
 * the day as a whole that the path search, sweeping resources, does not see.
 */
interface FreightApprovals {
    /** The path the approval added, the change that added it and the plan's timetable line (kept with the request). */
    record Approved(InsertedPath path, String changeId, String planCsv) {}

    /** The answer as this network judges it: a path that breaks a rule the path search does not see is refused. */
    PathAnswer judged(PathAnswer answer, DayPlan day);

    /** Finds the path again around the day as it is now and adds its train to its date. */
    Approved approve(PathRequest request, String title, String officer);

    /** Home's approvals: its network has no rule beyond the path search's. */
    static FreightApprovals throughChanges(TimetableChangeService changes) {
        return throughChanges(changes, (answer, day) -> answer);
    }

    /** A served network's approvals, judged against its shared bridges' road-closure limits. */
    static FreightApprovals throughChanges(TimetableChangeService changes, ServedNetwork network) {
        return throughChanges(changes, (answer, day) -> withinRoadLimits(answer, day, network));
    }

    private static FreightApprovals throughChanges(TimetableChangeService changes, Judge judge) {
        return new FreightApprovals() {
            @Override
            public PathAnswer judged(PathAnswer answer, DayPlan day) {
                return judge.judged(answer, day);
            }

            @Override
            public Approved approve(PathRequest request, String title, String officer) {
                InsertedPath path = changes.findPath(request, List.of());
                TimetableChangeService.Outcome outcome = changes.publishNew(
                        new TimetableChange(
                                title,
                                ChangeOrigin.FREIGHT,
                                ChangeScope.on(path.run().serviceDate()),
                                List.of(new Edit.Add(path.plan()))),
                        officer,
                        false);
                return new Approved(path, outcome.change().id(), TimetableFile.format(List.of(path.plan())));
            }
        };
    }

    /** A rule an approval judges a found path by. */
    interface Judge {
        PathAnswer judged(PathAnswer answer, DayPlan day);
    }

    private static PathAnswer withinRoadLimits(PathAnswer answer, DayPlan day, ServedNetwork network) {
        if (!answer.feasible()) {
            return answer;
        }
        // the road's closed time is a limit of the day as a whole, not of a resource the search sweeps
        return network.roadLimitPassedBy(answer.path().run(), day)
                .map(b -> new PathAnswer(
                        answer.request(),
                        null,
                        new PathAnswer.Constraint(
                                PathAnswer.Kind.ROAD_CLOSURE_LIMIT,
                                b.bridge(),
                                b.train(),
                                "no path: the binding constraint is " + b.bridge() + ": " + b.message()),
                        null,
                        answer.balancingSpeedKmh(),
                        answer.notes()))
                .orElse(answer);
    }
}
