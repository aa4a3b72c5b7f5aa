package org.lancang.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.timetable.LinePath;
import org.lancang.timetable.SpeedRestriction;

/**
 * Plays a day as it "really" happens: every train of the day through the same graph the forecast uses (minimum running
 * times from the physics, dwells, meets and turns in the current order), with the disturbances making activities
 * longer or departures later. Without disturbances every train runs exactly to plan, to the second.
 */
public final class DaySimulator {
    /** The real time of every event of the graph, and the running events of the day's runs in time order. */
    public record Reality(long[] times, List<RunningEvent> events) {}

    public static final String SOURCE = "simulator";

    private DaySimulator() {}

    public static Reality simulate(DayGraph graph, List<Disturbance> disturbances) {
        long[] min = graph.edgeMinimums();
        long[] lower = graph.plannedTimes();
        for (int k = 0; k < disturbances.size(); k++) {
            apply(graph, disturbances.get(k), "disturbances[" + k + "]", min, lower);
        }
        long[] none = new long[graph.nodes()];
        Arrays.fill(none, Forecast.NONE);
        long[] t = Resimulation.times(graph, min, lower, none);
        List<RunningEvent> events = new ArrayList<>();
        for (DayGraph.Run r : graph.runs()) {
            if (!r.serviceDate().equals(graph.date())) {
                continue;
            }
            for (int i = 0; i < r.points(); i++) {
                String code = r.path().points().get(i).code();
                long arr = t[r.arrival(i)];
                long dep = t[r.departure(i)];
                if (i == 0) {
                    events.add(event(r, code, EventKind.DEPARTURE, dep));
                } else if (i == r.lastPoint()) {
                    events.add(event(r, code, EventKind.ARRIVAL, arr));
                } else if (arr == dep && !r.plan().callsAt(code)) {
                    events.add(event(r, code, EventKind.PASS, arr));
                } else {
                    events.add(event(r, code, EventKind.ARRIVAL, arr));
                    events.add(event(r, code, EventKind.DEPARTURE, dep));
                }
            }
        }
        events.sort(Comparator.comparing(RunningEvent::at)); // stable: a run's events stay in travel order
        return new Reality(t, List.copyOf(events));
    }

    private static RunningEvent event(DayGraph.Run r, String point, EventKind kind, long at) {
        return new RunningEvent(r.train(), r.serviceDate(), point, kind, Instant.ofEpochSecond(at), SOURCE);
    }

    private static List<DayGraph.Run> runsOf(DayGraph graph, String train, String field) {
        List<DayGraph.Run> runs = graph.runs().stream()
                .filter(r -> r.serviceDate().equals(graph.date()) && r.train().equalsIgnoreCase(train))
                .toList();
        if (runs.isEmpty()) {
            throw new InvalidInput(field + ".train", "no train '" + train + "' runs on " + graph.date());
        }
        return runs;
    }

    private static int pointOf(DayGraph.Run r, String point, String field) {
        int i = r.path().indexOf(point);
        if (i < 0) {
            throw new InvalidInput(field + ".point", "'" + point + "' is not on the path of " + r.train());
        }
        return i;
    }

    /**
     * Whether a path runs over part of a km range of a line: one of its legs on that line shares some of the range (a
     * km names a place only with its line, so the same km on another line is not it).
     */
    static boolean runsOver(LinePath path, Line line, double fromKm, double toKm) {
        for (LinePath.Leg leg : path.legs()) {
            double lo = Math.min(leg.fromKm(), leg.toKm());
            double hi = Math.max(leg.fromKm(), leg.toKm());
            if (leg.line().code().equals(line.code()) && fromKm <= hi && toKm >= lo) {
                return true;
            }
        }
        return false;
    }

    private static void apply(DayGraph g, Disturbance d, String field, long[] min, long[] lower) {
        if (d instanceof Disturbance.LateStart s) {
            runsOf(g, s.train(), field).forEach(r -> lower[r.departure(0)] = g.planned(r.departure(0)) + s.seconds());
        } else if (d instanceof Disturbance.LongerDwell s) {
            {
                for (DayGraph.Run r : runsOf(g, s.train(), field)) {
                    int i = pointOf(r, s.point(), field);
                    int e = g.edgeBetween(r.arrival(i), r.departure(i));
                    long plannedDwell = g.planned(r.departure(i)) - g.planned(r.arrival(i));
                    min[e] = Math.max(min[e], plannedDwell + s.seconds());
                }
            }
        } else if (d instanceof Disturbance.SlowerRunning s) {
            {
                for (DayGraph.Run r : runsOf(g, s.train(), field)) {
                    for (int i = 0; i < r.lastPoint(); i++) {
                        int e = g.edgeBetween(r.departure(i), r.arrival(i + 1));
                        min[e] = Math.round(min[e] * s.factor());
                    }
                }
            }
        } else if (d instanceof Disturbance.SpeedRestriction s) {
            {
                if (!(s.toKm() > s.fromKm())) {
                    throw new InvalidInput(field + ".toKm", "must be greater than fromKm");
                }
                Network network = g.planner().network();
                Line line = s.line() == null || s.line().isBlank()
                        ? network.lineHoldingKm(s.fromKm(), s.toKm(), field + ".line")
                        : network.line(s.line().strip())
                                .orElseThrow(() -> new InvalidInput(
                                        field + ".line", "'" + s.line() + "' is not a line of the network"));
                SpeedRestriction tsr =
                        new SpeedRestriction(s.fromKm(), s.toKm(), s.speedKmh(), null, null, line.code());
                for (DayGraph.Run r : g.runs()) {
                    if (!runsOver(r.path(), line, s.fromKm(), s.toKm())) {
                        continue;
                    }
                    List<SpeedRestriction> all = new ArrayList<>(r.restrictions());
                    all.add(tsr);
                    long[] legs = DayGraph.minimumLegs(g.planner(), r.plan(), all);
                    for (int i = 0; i < r.lastPoint(); i++) {
                        int e = g.edgeBetween(r.departure(i), r.arrival(i + 1));
                        min[e] = Math.max(min[e], legs[i]);
                    }
                }
            }
        } else if (d instanceof Disturbance.FailedTrain s) {
            {
                for (DayGraph.Run r : runsOf(g, s.train(), field)) {
                    int i = pointOf(r, s.point(), field);
                    if (i == r.lastPoint()) {
                        throw new InvalidInput(field + ".point", s.point() + " is the destination of " + r.train());
                    }
                    int e = g.edgeBetween(r.departure(i), r.arrival(i + 1));
                    min[e] += s.seconds();
                }
            }
        }
    }
}
