package org.lancang.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lancang.network.Line;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Resources;
import org.lancang.timetable.RoadRailBridges;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.conflict.Occupation;

/**
 * A time when the road owns a shared road–rail bridge, as it binds one train's departure onto the single-track line
 * across it: the train may not hold the line (from {@code before} seconds ahead of its departure to {@code across}
 * seconds after it: its fastest run over the line and the release behind it) while the window is open, so it waits at
 * the line's entry, the last loop or station before the bridge, until the window ends. {@code across} is the hold's
 * lead time before the window: the run over the line at the fastest the speed restrictions in force there as the
 * window approaches allow, so a restriction over the bridge or its approach holds the train earlier. The conflict
 * detector sees the same window as a possession of the line; this is its meaning for a forecast, where a dispatcher
 * holds the train.
 *
 * @param name   the bridge and the window, e.g. {@code First Thai–Lao Friendship Bridge 2026-12-05 08:00–09:00}
 * @param start  epoch seconds the road closes the bridge to trains
 * @param end    epoch seconds the road lets trains on again
 */
public record RoadWindow(String name, long start, long end, long before, long across) {
    /** Whether a departure at {@code t} would have the train on the line while the road owns the bridge. */
    public boolean binds(long t) {
        return t - before < end && t + across > start;
    }

    /** The earliest departure clear of the window. */
    public long clearFrom() {
        return end + before;
    }

    /**
     * The road's windows on the day's single-track lines, by the departure node each binds (sorted by start). Only
     * possessions that are a road's window ({@value RoadRailBridges#ROAD_WINDOW}…) are laid here: other possessions
     * (maintenance) stay the conflict forecast's to report.
     *
     * @param step         the minimum of each run's own activity from a node to the next ({@code step[n]}: n → n + 1)
     * @param restrictions the day's speed restrictions: those over the line in force in the hour before a window opens
     *                     lengthen its lead time, even for a run whose planned passage they do not reach
     */
    static Map<Integer, List<RoadWindow>> of(
            Planner planner,
            DayPlan day,
            List<SpeedRestriction> restrictions,
            Map<String, Resources.Line> lines,
            List<DayGraph.Run> runs,
            Map<String, long[]> hold,
            long[] step) {
        Map<Integer, List<RoadWindow>> out = new HashMap<>();
        for (Occupation o : day.occupations()) {
            Resources.Line line = lines.get(o.resource());
            if (!o.possession() || line == null || !o.owner().startsWith(RoadRailBridges.ROAD_WINDOW)) {
                continue;
            }
            String name = o.owner().substring(RoadRailBridges.ROAD_WINDOW.length());
            long start = o.from().getEpochSecond();
            long end = (o.to().toEpochMilli() + 999) / 1000;
            for (DayGraph.Run r : runs) {
                long[] h = hold.get(r.owner() + "|" + line.id());
                if (h == null) {
                    continue; // the run does not use the line
                }
                int entry = DayGraph.entryPoint(r, line);
                int exit = DayGraph.exitPoint(r, line);
                int dep = r.departure(entry);
                int arr = r.arrival(exit);
                long across = h[1];
                for (int n = dep; n < arr; n++) {
                    across += step[n];
                }
                across += slowerOverTheLine(planner, restrictions, r, entry, exit, start, step);
                out.computeIfAbsent(dep, k -> new ArrayList<>()).add(new RoadWindow(name, start, end, h[0], across));
            }
        }
        out.values().forEach(l -> l.sort(Comparator.comparingLong(RoadWindow::start)));
        return out;
    }

    /** How far back before a window's start a restriction in force lengthens the lead time. */
    static final long APPROACH_SECONDS = 3600;

    /**
     * Seconds the restrictions over the line between {@code entry} and {@code exit}, in force in the hour before the
     * window opens at {@code start}, add to the run's minimum there. The run's own minimums know only the
     * restrictions its planned passage meets (a late train meets others), and never ask more than the plan: a train
     * held for the window must be off the bridge at the speed it will really be allowed.
     */
    private static long slowerOverTheLine(
            Planner planner,
            List<SpeedRestriction> restrictions,
            DayGraph.Run r,
            int entry,
            int exit,
            long start,
            long[] step) {
        // a single-track line lies on one line of the network: the run's leg there gives its km (ADR 0033)
        Line on = r.path().legOf(entry).line();
        double a = on.km(on.indexOf(r.path().points().get(entry).code()));
        double b = on.km(on.indexOf(r.path().points().get(exit).code()));
        Instant from = Instant.ofEpochSecond(start - APPROACH_SECONDS);
        Instant to = Instant.ofEpochSecond(start);
        List<SpeedRestriction> inForce = restrictions.stream()
                .filter(x -> x.line(planner.network())
                        .filter(l -> l.code().equals(on.code()))
                        .isPresent())
                .filter(x -> x.overlapsKm(Math.min(a, b), Math.max(a, b)) && x.holdsDuring(from, to))
                .map(SpeedRestriction::always)
                .toList();
        if (inForce.isEmpty()) {
            return 0;
        }
        List<SpeedRestriction> all = new ArrayList<>(r.restrictions());
        all.addAll(inForce);
        long[] legs = DayGraph.minimumLegs(planner, r.plan(), all);
        long slower = 0;
        for (int i = entry; i < exit; i++) {
            slower += Math.max(0, legs[i] - step[r.departure(i)]); // the run from point i to i + 1
        }
        return slower;
    }
}
