package org.lancang.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lancang.data.CsvTable;
import org.lancang.errors.InvalidInput;

/**
 * The routes of a network: the shortest way by km between two points, through the junctions of {@code via} in order
 * when given. Two shortest ways of the same length are a tie, refused naming {@code via}: the data must say which one
 * a train takes. A network of one line has one way between two points.
 */
public final class Routes {
    /** Two lengths closer than this (km) are the same length. */
    private static final double SAME_KM = 1e-6;

    private final Network network;
    private final Map<String, List<Edge>> edges = new HashMap<>();

    /**
     * The shortest ways found so far, by their two ends: a day's thousands of paths share a few hundred of them. A
     * refusal is not kept (it is searched again and refused again).
     */
    private final Map<List<String>, List<Route.Leg>> found = new ConcurrentHashMap<>();

    /** A section seen from one end: to the neighbour on {@code line}, from index {@code from} to {@code to}. */
    private record Edge(String neighbour, Line line, int from, int to, double km) {}

    public Routes(Network network) {
        this.network = network;
        if (network.lines().size() == 1) {
            return; // one way between two points: no graph to search (a path is built for every plan and request)
        }
        for (Line line : network.lines()) {
            for (int i = 0; i + 1 < line.points().size(); i++) {
                String a = line.points().get(i).code();
                String b = line.points().get(i + 1).code();
                double km = line.km(i + 1) - line.km(i);
                edges.computeIfAbsent(a, k -> new ArrayList<>()).add(new Edge(b, line, i, i + 1, km));
                edges.computeIfAbsent(b, k -> new ArrayList<>()).add(new Edge(a, line, i + 1, i, km));
            }
        }
    }

    /**
     * The one route between the two points a data file's row names (a speed limit, a ruling gradient, a fare pair):
     * its error names the row's {@code to} column when the two are not joined by a single shortest route.
     */
    public Route between(CsvTable.Row row, Point from, Point to) {
        return between(row, "to", from, to);
    }

    /**
     * The same, for a file whose far end is in another column ({@code toColumn}, such as a tariff's
     * {@code section_to}): one wording of the error for every data file.
     */
    public Route between(CsvTable.Row row, String toColumn, Point from, Point to) {
        try {
            return between(from.code(), to.code(), List.of());
        } catch (InvalidInput e) {
            throw row.error(toColumn, "no single route from " + from.code() + ": " + e.getMessage());
        }
    }

    /**
     * The shortest route from {@code from} to {@code to} through {@code via} (junction codes, in order; empty for
     * none). Refused, naming {@code via}, when a via is not a junction, when two routes tie, or when the route would
     * pass a point twice; naming {@code to} when no route joins the two.
     */
    public Route between(String from, String to, List<String> via) {
        for (String v : via) {
            if (!network.isJunction(v)) {
                throw new InvalidInput("via", "'" + v + "' is not a junction (a point on two lines or more)");
            }
        }
        List<String> stops = new ArrayList<>();
        stops.add(from);
        stops.addAll(via);
        stops.add(to);
        List<Route.Leg> legs = new ArrayList<>();
        for (int i = 0; i + 1 < stops.size(); i++) {
            for (Route.Leg leg : shortest(stops.get(i), stops.get(i + 1))) {
                append(legs, leg);
            }
        }
        Route route = new Route(legs);
        Set<String> seen = new HashSet<>();
        for (String code : route.pointCodes()) {
            if (!seen.add(code)) {
                throw new InvalidInput(
                        "via", "the route " + from + "–" + to + " through " + via + " passes " + code + " twice");
            }
        }
        return route;
    }

    /** Consecutive legs on one line in one direction are one leg. */
    private static void append(List<Route.Leg> legs, Route.Leg leg) {
        if (!legs.isEmpty()) {
            Route.Leg last = legs.get(legs.size() - 1);
            if (last.line().code().equals(leg.line().code())
                    && last.toIndex() == leg.fromIndex()
                    && last.rising() == leg.rising()) {
                legs.set(legs.size() - 1, new Route.Leg(leg.line(), last.fromIndex(), leg.toIndex()));
                return;
            }
        }
        legs.add(leg);
    }

    private List<Route.Leg> shortest(String from, String to) {
        List<String> ends = List.of(from, to);
        List<Route.Leg> known = found.get(ends);
        if (known != null) {
            return known;
        }
        List<Route.Leg> legs = List.copyOf(search(from, to));
        if (found.size() > 10_000) {
            found.clear(); // a long-running server asks for many pairs: keep the memory bounded
        }
        found.putIfAbsent(ends, legs);
        return legs;
    }

    /** Dijkstra over the sections, counting the shortest ways to each point to see a tie. */
    private List<Route.Leg> search(String from, String to) {
        if (from.equals(to)) {
            throw new InvalidInput("via", "the route passes " + from + " twice");
        }
        if (network.lines().size() == 1) {
            Line line = network.lines().get(0); // the network's one line
            return List.of(new Route.Leg(line, line.indexOf(from), line.indexOf(to)));
        }
        Map<String, Double> dist = new HashMap<>();
        Map<String, Integer> ways = new HashMap<>();
        Map<String, Edge> cameBy = new HashMap<>();
        Map<String, String> cameFrom = new HashMap<>();
        record Entry(String code, double km) {}
        PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> Double.compare(a.km(), b.km()));
        dist.put(from, 0.0);
        ways.put(from, 1);
        queue.add(new Entry(from, 0));
        Set<String> done = new HashSet<>();
        while (!queue.isEmpty()) {
            Entry e = queue.poll();
            if (!done.add(e.code())) {
                continue;
            }
            for (Edge edge : edges.getOrDefault(e.code(), List.of())) {
                double km = e.km() + edge.km();
                Double known = dist.get(edge.neighbour());
                if (known == null || km < known - SAME_KM) {
                    dist.put(edge.neighbour(), km);
                    ways.put(edge.neighbour(), ways.get(e.code()));
                    cameBy.put(edge.neighbour(), edge);
                    cameFrom.put(edge.neighbour(), e.code());
                    queue.add(new Entry(edge.neighbour(), km));
                } else if (Math.abs(km - known) <= SAME_KM && !done.contains(edge.neighbour())) {
                    ways.put(edge.neighbour(), Math.min(2, ways.get(edge.neighbour()) + ways.get(e.code())));
                }
            }
        }
        if (!dist.containsKey(to)) {
            throw new InvalidInput("to", "no route joins " + from + " and " + to);
        }
        if (ways.get(to) > 1) {
            throw new InvalidInput(
                    "via",
                    "two routes of " + dist.get(to) + " km join " + from + " and " + to
                            + ": name the junction to run through in via");
        }
        List<Route.Leg> reversed = new ArrayList<>();
        for (String at = to; !at.equals(from); at = cameFrom.get(at)) {
            Edge edge = cameBy.get(at);
            // the edge as seen from the point before: from its index there to the next point's
            reversed.add(new Route.Leg(edge.line(), edge.from(), edge.to()));
        }
        List<Route.Leg> legs = new ArrayList<>();
        for (int i = reversed.size() - 1; i >= 0; i--) {
            append(legs, reversed.get(i));
        }
        return legs;
    }
}
