package org.lancang.store.freight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.lancang.freight.PathAnswer;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;

/**
 * How an approved freight path joins its network's plan. Home's goes through the timetable change service (a published
 * change of origin FREIGHT, kept in timetable_change). A network read from its folder has no change service, so the
 * approved train is kept with its request (its plan's timetable line) and laid on its date in the network's own
 * timetable, now and at every start; its paths must also keep a shared bridge's road closures within their limits.
 */
interface FreightApprovals {
    /** The path the approval added, the change that added it (home) and the plan's timetable line (elsewhere). */
    record Approved(InsertedPath path, String changeId, String planCsv) {}

    /** The answer as this network judges it: a path that breaks a rule the path search does not see is refused. */
    PathAnswer judged(PathAnswer answer, DayPlan day);

    /** Finds the path again around the day as it is now and adds its train to its date. */
    Approved approve(PathRequest request, String title, String officer);

    /** Lays the trains approved before the last start on their dates again. */
    void restore(FreightService freight);

    static FreightApprovals throughChanges(TimetableChangeService changes) {
        return new FreightApprovals() {
            @Override
            public PathAnswer judged(PathAnswer answer, DayPlan day) {
                return answer;
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
                return new Approved(path, outcome.change().id(), null);
            }

            @Override
            public void restore(FreightService freight) {
                // the change service restores its own published changes
            }
        };
    }

    static FreightApprovals kept(Jdbi jdbi, ServedNetwork network, TimetableService timetable) {
        return new Kept(jdbi, network, timetable);
    }

    /** A network's approvals kept with their requests and held in its in-memory timetable as published changes. */
    final class Kept implements FreightApprovals {
        private final Jdbi jdbi;
        private final ServedNetwork network;
        private final TimetableService timetable;
        private final List<TimetableChange> added = new ArrayList<>();

        Kept(Jdbi jdbi, ServedNetwork network, TimetableService timetable) {
            this.jdbi = jdbi;
            this.network = network;
            this.timetable = timetable;
        }

        @Override
        public PathAnswer judged(PathAnswer answer, DayPlan day) {
            if (!answer.feasible()) {
                return answer;
            }
            // the road's closed time is a limit of the day as a whole, not of a resource the search sweeps
            return network.roadLimits()
                    .passedBy(
                            answer.path().run(),
                            day,
                            network.roadRailBridges(),
                            network.network().serviceZone())
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

        @Override
        public synchronized Approved approve(PathRequest request, String title, String officer) {
            // the network's own insertion: around its day as it is now, the road's windows and limits respected
            InsertedPath path = network.insert(request, timetable.serviceDate(request));
            lay(title, path.run().serviceDate(), path.plan());
            return new Approved(path, null, TimetableFile.format(List.of(path.plan())));
        }

        @Override
        public synchronized void restore(FreightService freight) {
            jdbi.useHandle(h -> h.createQuery("SELECT id, train, service_date, plan_csv FROM freight_request WHERE"
                            + " network = :network AND status = 'APPROVED' AND plan_csv IS NOT NULL"
                            + " ORDER BY decided_at, id")
                    .bind("network", freight.networkCode())
                    .map((rs, ctx) -> {
                        lay(
                                "Freight path " + rs.getString("train") + " (" + rs.getString("id") + ")",
                                rs.getObject("service_date", LocalDate.class),
                                TimetableFile.parse("freight_request", rs.getString("plan_csv"))
                                        .get(0));
                        return 0;
                    })
                    .list());
        }

        private void lay(String title, LocalDate date, TrainPlan plan) {
            added.add(new TimetableChange(
                    title, ChangeOrigin.FREIGHT, ChangeScope.on(date), List.of(new Edit.Add(plan))));
            timetable.changes(List.copyOf(added), List.of());
        }
    }
}
