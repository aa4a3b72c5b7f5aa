package org.lancang.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.lancang.data.CsvTable;
import org.lancang.network.Line;

/** Something that goes wrong on the day, for the simulator to play. */
public sealed interface Disturbance {
    /** The train leaves its origin {@code seconds} late. */
    record LateStart(String train, long seconds) implements Disturbance {}

    /** The train stands {@code seconds} longer than planned at {@code point}. */
    record LongerDwell(String train, String point, long seconds) implements Disturbance {}

    /** The train runs every leg {@code factor} times its minimum running time (a weak locomotive, a cautious driver). */
    record SlowerRunning(String train, double factor) implements Disturbance {}

    /**
     * A speed restriction over a km range of a line for every train of the day that runs there (the physics computes
     * what it costs each). The km are the line's {@code line} (null or blank: the network's one line, or the one line
     * whose km hold the range; the same km on two lines must be named, ADR 0033), so a restriction on a branch slows
     * only the trains on the branch.
     */
    record SpeedRestriction(double fromKm, double toKm, int speedKmh, String line) implements Disturbance {}

    /** The train fails in the section after {@code point} and stands there {@code seconds}, blocking it. */
    record FailedTrain(String train, String point, long seconds) implements Disturbance {}

    /** The columns of a disturbances file; an optional {@code line} column names a speed restriction's line. */
    List<String> COLUMNS = List.of("kind", "train", "point", "minutes", "factor", "from_km", "to_km", "speed_kmh");

    /**
     * Reads a disturbances file: one row per disturbance, {@code kind} one of LATE_START (train, minutes),
     * LONGER_DWELL (train, point, minutes), SLOWER_RUNNING (train, factor), SPEED_RESTRICTION (from_km, to_km,
     * speed_kmh, and line: optional, see {@link SpeedRestriction}), FAILED_TRAIN (train, point, minutes); unused
     * columns empty. A line the network does not have is refused when the day is played, naming {@code line}.
     */
    static List<Disturbance> parse(String file, String text) {
        List<Disturbance> out = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.parse(file, text, COLUMNS).rows()) {
            String kind = row.required("kind").toUpperCase(Locale.ROOT);
            out.add(
                    switch (kind) {
                        case "LATE_START" ->
                            new LateStart(row.required("train"), 60L * row.integerBetween("minutes", 1, 24 * 60));
                        case "LONGER_DWELL" ->
                            new LongerDwell(
                                    row.required("train"),
                                    row.required("point"),
                                    60L * row.integerBetween("minutes", 1, 24 * 60));
                        case "SLOWER_RUNNING" ->
                            new SlowerRunning(row.required("train"), row.decimalBetween("factor", 1.0, 3.0));
                        case "SPEED_RESTRICTION" ->
                            new SpeedRestriction(
                                    row.decimal("from_km"),
                                    row.decimal("to_km"),
                                    row.integerBetween("speed_kmh", 5, 200),
                                    row.hasColumn("line") ? row.optional("line").orElse(null) : null);
                        case "FAILED_TRAIN" ->
                            new FailedTrain(
                                    row.required("train"),
                                    row.required("point"),
                                    60L * row.integerBetween("minutes", 1, 24 * 60));
                        default ->
                            throw row.error(
                                    "kind",
                                    "'" + kind
                                            + "' is not LATE_START, LONGER_DWELL, SLOWER_RUNNING, SPEED_RESTRICTION or FAILED_TRAIN");
                    });
        }
        return out;
    }

    /** One to four disturbances of random kinds on random trains of the day, from {@code random}. */
    static List<Disturbance> random(Random random, DayGraph graph) {
        return random(random, graph, r -> true);
    }

    /** The same, on trains of the day that {@code which} accepts. */
    static List<Disturbance> random(Random random, DayGraph graph, Predicate<DayGraph.Run> which) {
        List<DayGraph.Run> runs = graph.runs().stream()
                .filter(r -> r.serviceDate().equals(graph.date()))
                .filter(which)
                .toList();
        List<Disturbance> out = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int k = 0; k < count; k++) {
            DayGraph.Run r = runs.get(random.nextInt(runs.size()));
            var points = r.path().points();
            switch (random.nextInt(5)) {
                case 0 -> out.add(new LateStart(r.train(), 60L * (5 + random.nextInt(56))));
                case 1 -> {
                    var stops = r.plan().stops();
                    if (!stops.isEmpty()) {
                        out.add(new LongerDwell(
                                r.train(),
                                stops.get(random.nextInt(stops.size())).point(),
                                60L * (2 + random.nextInt(19))));
                    }
                }
                case 2 -> out.add(new SlowerRunning(r.train(), 1.05 + random.nextInt(21) / 100.0));
                case 3 -> {
                    // a few fixed places and speeds, so that runs under them are computed once and reused
                    var lines = graph.planner().resources().lines();
                    var line = lines.get(random.nextInt(lines.size()));
                    double from = Math.floor(line.fromKm()) + 1;
                    // the line its single-track line lies on, as the resource names it
                    Line on = graph.planner().network().line(line.line()).orElseThrow();
                    // 60 km/h, or half the line speed where the line is slower (a metre-gauge line at 40 km/h)
                    int slowest = on.sections().stream()
                            .filter(s -> s.toKm() > from && s.fromKm() < from + 2)
                            .mapToInt(s -> s.lineSpeedKmh())
                            .min()
                            .orElse(Integer.MAX_VALUE);
                    if (line.toKm() > from + 2) {
                        int speed = slowest > 60 ? 60 : Math.max(5, slowest / 2);
                        out.add(new SpeedRestriction(from, from + 2, speed, on.code()));
                    }
                }
                default -> {
                    int i = random.nextInt(points.size() - 1);
                    out.add(new FailedTrain(r.train(), points.get(i).code(), 60L * (10 + random.nextInt(51))));
                }
            }
        }
        return out;
    }
}
