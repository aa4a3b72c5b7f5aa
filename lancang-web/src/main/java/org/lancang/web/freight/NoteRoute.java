package org.lancang.web.freight;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.lancang.freight.Tariffs;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;

/**
 * The consignment note's route box along the way the booking is carried (its train's own route, through the train's
 * {@code via}), not a km range: on a network of several lines a km names a place only with its line (ADR 0033).
 */
final class NoteRoute {
    private NoteRoute() {}

    /**
     * The border control stations the way passes between its ends, in the order the network lists its points (the
     * note's order since it was first printed).
     */
    static List<Point> borderStations(Network network, Route way) {
        List<String> passed = way.pointCodes();
        Set<String> between = new HashSet<>(passed.subList(1, passed.size() - 1));
        return network.points().stream()
                .filter(p -> between.contains(p.code()) && p.dwell().bordersControl())
                .toList();
    }

    /**
     * A carrier's part as the note prints it: where it starts and ends and its km. Where the part's km carry on from
     * one run to the next (one line, or lines counted on from one origin, as SRT counts both its lines from Bangkok),
     * one range, its lower end first as on a km post: "A – B, km 0–120"; else each run on its own line in travel order:
     * "A – C, km 100–50 LA, 0–40 LC".
     */
    static String part(Tariffs.CarrierPart part) {
        List<Range> ranges = ranges(part.runs());
        if (ranges.size() == 1) {
            Range r = ranges.get(0);
            boolean rising = r.toKm() >= r.fromKm();
            return String.format(
                    Locale.ROOT,
                    "%s – %s, km %.0f–%.0f",
                    rising ? r.from() : r.to(),
                    rising ? r.to() : r.from(),
                    Math.min(r.fromKm(), r.toKm()),
                    Math.max(r.fromKm(), r.toKm()));
        }
        return part.from() + " – " + part.to() + ", km "
                + ranges.stream()
                        .map(r -> String.format(Locale.ROOT, "%.0f–%.0f %s", r.fromKm(), r.toKm(), r.lines()))
                        .collect(Collectors.joining(", "));
    }

    /** Runs whose km carry on merged: from and to are point codes, {@code lines} the lines' codes joined by "/". */
    private record Range(String from, String to, double fromKm, double toKm, String lines) {}

    private static List<Range> ranges(List<Route.Leg> runs) {
        List<Range> out = new ArrayList<>();
        for (Route.Leg run : runs) {
            Line line = run.line();
            Range next = new Range(
                    line.points().get(run.fromIndex()).code(),
                    line.points().get(run.toIndex()).code(),
                    line.km(run.fromIndex()),
                    line.km(run.toIndex()),
                    line.code());
            Range last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.toKm() == next.fromKm() && run.rising() == (last.toKm() > last.fromKm())) {
                out.set(
                        out.size() - 1,
                        new Range(
                                last.from(), next.to(), last.fromKm(), next.toKm(), last.lines() + "/" + next.lines()));
            } else {
                out.add(next);
            }
        }
        return out;
    }
}
