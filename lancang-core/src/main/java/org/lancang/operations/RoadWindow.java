package org.lancang.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Resources;
import org.lancang.timetable.RoadRailBridges;
import org.lancang.timetable.conflict.Occupation;

/**
 * A time when the road owns a shared road–rail bridge, as it binds one train's departure onto the single-track line
 * across it: the train may not hold the line (from {@code before} seconds ahead of its departure to {@code across}
 * seconds after it: its fastest run over the line and the release behind it) while the window is open, so it waits at
 * the line's entry, the last loop or station before the bridge, until the window ends. The conflict detector sees the
 * same window as a possession of the line; this is its meaning for a forecast, where a dispatcher holds the train.
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
     * @param step the minimum of each run's own activity from a node to the next ({@code step[n]}: n → n + 1)
     */
    static Map<Integer, List<RoadWindow>> of(
            DayPlan day,
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
                int dep = r.departure(DayGraph.entryPoint(r, line));
                int arr = r.arrival(DayGraph.exitPoint(r, line));
                long across = h[1];
                for (int n = dep; n < arr; n++) {
                    across += step[n];
                }
                out.computeIfAbsent(dep, k -> new ArrayList<>()).add(new RoadWindow(name, start, end, h[0], across));
            }
        }
        out.values().forEach(l -> l.sort(Comparator.comparingLong(RoadWindow::start)));
        return out;
    }
}
