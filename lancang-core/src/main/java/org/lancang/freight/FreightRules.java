package org.lancang.freight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lancang.data.CsvTable;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.timetable.LinePath;

/**
 * The figures a freight path is judged by, each from the data with its source: the border technical stop, the starting
 * resistances and the locomotive's mass (can the train start?), the heaviest trailing load the line is designed for,
 * how long a path may wait in all, and the ruling gradient of each stretch of line.
 */
public record FreightRules(
        Duration borderDwell,
        double startResistanceLocomotiveNPerKn,
        double startResistanceWagonsNPerKn,
        double locomotiveMassT,
        double maxTrailingMassT,
        Duration maxWait,
        double locomotiveLengthM,
        double wagonLengthM,
        List<RulingGradient> gradients) {
    public static final String FILE = "freight-rules.csv";
    public static final String GRADIENTS_FILE = "freight-gradients.csv";

    /**
     * The steepest sustained gradient a train must climb between two points (in ‰, either direction), over the route
     * between them: on a network of several lines each leg on its own line's km (a km names a place only with its
     * line, ADR 0033).
     */
    public record RulingGradient(String from, String to, Route route, double permille) {
        /**
         * Whether the path runs over part of this gradient's route: a leg of the path and a leg of the route on the same
         * line share more than a point (a path that only starts or ends where the gradient does never climbs it).
         */
        public boolean metOn(LinePath path) {
            for (Route.Leg own : route.legs()) {
                double lo = Math.min(own.line().km(own.fromIndex()), own.line().km(own.toIndex()));
                double hi = Math.max(own.line().km(own.fromIndex()), own.line().km(own.toIndex()));
                for (LinePath.Leg leg : path.legs()) {
                    boolean sameLine = leg.line().code().equals(own.line().code());
                    if (sameLine
                            && Math.min(leg.fromKm(), leg.toKm()) < hi
                            && Math.max(leg.fromKm(), leg.toKm()) > lo) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    public FreightRules {
        gradients = List.copyOf(gradients);
    }

    public static FreightRules parse(Network network, String rulesText, String gradientsText) {
        CsvTable rules = CsvTable.parse(FILE, rulesText, List.of("rule", "value", "unit", "source"));
        Map<String, Double> values = new HashMap<>();
        for (CsvTable.Row row : rules.rows()) {
            row.required("source");
            values.put(row.required("rule"), row.decimalBetween("value", 0, 100_000));
        }
        CsvTable table = CsvTable.parse(
                GRADIENTS_FILE, gradientsText, List.of("from", "to", "ruling_gradient_permille", "source"));
        List<RulingGradient> gradients = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            row.required("source");
            Point a = network.point(row.required("from")).orElseThrow(() -> row.error("from", "unknown point"));
            Point b = network.point(row.required("to")).orElseThrow(() -> row.error("to", "unknown point"));
            if (a.code().equals(b.code())) {
                throw row.error("to", "must be another point than from");
            }
            gradients.add(new RulingGradient(
                    a.code(),
                    b.code(),
                    network.routes().between(row, a, b),
                    row.decimalBetween("ruling_gradient_permille", 0, Network.MAX_GRADIENT_PERMILLE)));
        }
        return new FreightRules(
                Duration.ofMinutes(Math.round(need(values, "border_dwell"))),
                need(values, "start_resistance_locomotive"),
                need(values, "start_resistance_wagons"),
                need(values, "locomotive_mass"),
                need(values, "max_trailing_mass"),
                Duration.ofHours(Math.round(need(values, "max_wait"))),
                need(values, "locomotive_length"),
                need(values, "wagon_length"),
                gradients);
    }

    private static double need(Map<String, Double> values, String rule) {
        Double v = values.get(rule);
        if (v == null) {
            throw new IllegalArgumentException(FILE + " has no rule '" + rule + "'");
        }
        return v;
    }

    /** How many wagons a train of this length hauls. */
    public int wagonsFor(double trainLengthM) {
        return (int) Math.max(0, Math.floor((trainLengthM - locomotiveLengthM) / wagonLengthM));
    }

    /** The ruling gradients a train meets along {@code path}. */
    public List<RulingGradient> on(LinePath path) {
        return gradients.stream().filter(g -> g.metOn(path)).toList();
    }
}
