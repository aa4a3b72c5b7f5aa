package org.lancang.operations;

import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A seeded disruption scenario for meet re-planning, the same for the tests and {@code lancang bench ops}: a day
 * disturbed at random on trains that use the single track, seen up to a random moment within an hour after the first
 * report that is off the plan (before it the forecast knows nothing of the disruption).
 *
 * @param disturbances what goes wrong
 * @param forecast     the forecast from the events seen
 * @param seen         the events reported up to the cut
 */
public record DisruptedDay(List<Disturbance> disturbances, Forecast forecast, List<RunningEvent> seen) {
    public DisruptedDay {
        disturbances = List.copyOf(disturbances);
        seen = List.copyOf(seen);
    }

    /** The next scenario drawn from {@code random}, or null when its disturbances delay no one (not a disruption). */
    public static DisruptedDay draw(DayGraph graph, Random random) {
        List<Disturbance> ds = Disturbance.random(
                random, graph, r -> graph.lineOrders().values().stream().anyMatch(o -> o.contains(r.owner())));
        List<RunningEvent> events = DaySimulator.simulate(graph, ds).events();
        Instant first = null;
        for (RunningEvent e : events) {
            DayGraph.Run r = graph.find(e.train(), e.serviceDate()).orElseThrow();
            int i = r.path().indexOf(e.point());
            int node = e.kind() == EventKind.DEPARTURE ? r.departure(i) : r.arrival(i);
            if (e.at().getEpochSecond() != graph.planned(node)) {
                first = e.at();
                break;
            }
        }
        if (first == null) {
            return null;
        }
        Instant cut = first.plusSeconds(random.nextInt(3600));
        List<RunningEvent> seen =
                events.stream().filter(e -> !e.at().isAfter(cut)).toList();
        return new DisruptedDay(ds, Forecast.replay(graph, seen), seen);
    }
}
