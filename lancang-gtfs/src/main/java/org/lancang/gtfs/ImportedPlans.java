package org.lancang.gtfs;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.timetable.Call;
import org.lancang.timetable.Planner;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;

/**
 * An imported train as a planner's {@link TrainPlan}, so that it runs through the running-time physics, blocking
 * times and conflict check like the shipped trains: from its first stop to its last, leaving at the feed's time, each
 * stop's departure fixed at the feed's time (the plan waits there if the physics runs faster).
 *
 * <p>GTFS lists only stops: where a train waits at a passing loop to meet another, the feed does not say, so an
 * imported single-track timetable can show conflicts its producer resolves at loops.
 */
public final class ImportedPlans {
    private static final Duration DAY = Duration.ofDays(1);
    /** The largest allowance a plan may have (the planner refuses more). */
    private static final double MAX_ALLOWANCE = 50;

    private ImportedPlans() {}

    /**
     * The plan of an imported train.
     *
     * @throws IllegalArgumentException when the train leaves its origin after its service day (a GTFS time past 24:00
     *                                  at the first stop), which a plan's departure cannot say
     */
    public static TrainPlan of(Train train, Network network) {
        return of(train, network, 0, true);
    }

    /**
     * The plan of an imported train with the running-time allowance that makes the physics take as long from first to
     * last stop as the feed says (between 0 and 50 %, as a plan's allowance may be): so that it occupies the line when
     * the feed's train does, rather than running early and waiting at every stop. Where the fitted allowance would
     * make it late at a fixed departure, the plan without allowance.
     *
     * @throws InvalidInput when even without allowance the train cannot keep the feed's departures (the feed's train
     *                      is faster than the physics of its type), or its type is not one of the network
     */
    public static TrainPlan fitted(Train train, Planner planner) {
        Network network = planner.network();
        TrainPlan free = of(train, network, 0, false);
        Duration dwells = free.stops().stream().map(StopRequest::dwell).reduce(Duration.ZERO, Duration::plus);
        double physics =
                planner.run(free, List.of()).runningTime().minus(dwells).toMillis();
        double feed = train.last()
                .arrival()
                .minus(train.first().departure())
                .minus(dwells)
                .toMillis();
        double percent = Math.max(0, Math.min(MAX_ALLOWANCE, (feed / physics - 1) * 100));
        // a tenth of a percent, so that the planner's caches see few distinct plans
        TrainPlan plan = of(train, network, Math.floor(percent * 10) / 10, true);
        try {
            planner.run(plan, List.of());
            return plan;
        } catch (InvalidInput late) {
            TrainPlan unhurried = of(train, network, 0, true);
            planner.run(unhurried, List.of());
            return unhurried;
        }
    }

    private static TrainPlan of(Train train, Network network, double allowancePercent, boolean fixed) {
        Duration start = train.first().departure();
        if (start.compareTo(DAY) >= 0) {
            throw new IllegalArgumentException(
                    "train " + train.number() + " leaves its origin at " + start + " after its service day's midnight");
        }
        List<StopRequest> stops = new ArrayList<>();
        List<Call> calls = train.calls();
        for (int i = 1; i < calls.size() - 1; i++) {
            Call c = calls.get(i);
            LocalTime departAt = train.at(train.calendar().startDate(), c.departure())
                    .atZone(network.point(c.pointCode()).orElseThrow().timeZone())
                    .toLocalTime();
            stops.add(new StopRequest(c.pointCode(), c.dwell(), fixed ? departAt : null));
        }
        return new TrainPlan(
                train.number(),
                train.operator(),
                train.trainType(),
                train.passenger(),
                train.calendar(),
                train.first().pointCode(),
                train.last().pointCode(),
                LocalTime.ofSecondOfDay(start.getSeconds()),
                stops,
                List.of(),
                true,
                allowancePercent,
                "imported from GTFS");
    }
}
