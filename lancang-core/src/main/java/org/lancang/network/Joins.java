package org.lancang.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lancang.data.CsvTable;

/**
 * Where a network meets another ({@value #FILE} in a network's folder, optional): a point of this network, the other
 * network's point, how one changes between them (by road, by transshipment across a break of gauge), the minimum time
 * that takes and the distance. Passenger joins chain two networks' trains into one journey.
 */
public final class Joins {
    public static final String FILE = "joins.csv";

    /** What crosses the join. */
    public enum Kind {
        PASSENGER,
        FREIGHT
    }

    /**
     * One join, seen from the network whose file gives it.
     *
     * @param minimumConnection the shortest time from arriving at {@code point} to leaving {@code otherPoint} (or the
     *                          other way), the transfer included
     */
    public record Join(
            Kind kind,
            String network,
            String point,
            String otherNetwork,
            String otherPoint,
            String mode,
            Duration minimumConnection,
            double distanceKm,
            String source) {
        /** The same join seen from the other network. */
        public Join reversed() {
            return new Join(
                    kind, otherNetwork, otherPoint, network, point, mode, minimumConnection, distanceKm, source);
        }
    }

    private final List<Join> joins;

    public Joins(List<Join> joins) {
        this.joins = List.copyOf(joins);
    }

    /** Reads {@value #FILE} of {@code network}; each point must be one of the network's. */
    public static Joins parse(String text, Network network) {
        CsvTable table = CsvTable.parse(
                FILE,
                text,
                List.of(
                        "kind",
                        "point",
                        "other_network",
                        "other_point",
                        "mode",
                        "minimum_connection_min",
                        "distance_km",
                        "source"));
        List<Join> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String point = row.required("point");
            if (network.point(point).isEmpty()) {
                throw row.error("point", "'" + point + "' is not a point of " + network.code());
            }
            out.add(new Join(
                    row.oneOf("kind", Kind.class),
                    network.code(),
                    point,
                    row.required("other_network"),
                    row.required("other_point"),
                    row.required("mode"),
                    Duration.ofMinutes(row.integerBetween("minimum_connection_min", 0, 24 * 60)),
                    row.decimalBetween("distance_km", 0, 1000),
                    row.required("source")));
        }
        return new Joins(out);
    }

    public List<Join> all() {
        return joins;
    }

    /** The join of {@code kind} between two networks, seen from {@code from}, whichever of the two gives it. */
    public Optional<Join> between(Kind kind, String from, String to) {
        for (Join j : joins) {
            if (j.kind() == kind && j.network().equals(from) && j.otherNetwork().equals(to)) {
                return Optional.of(j);
            }
            if (j.kind() == kind && j.network().equals(to) && j.otherNetwork().equals(from)) {
                return Optional.of(j.reversed());
            }
        }
        return Optional.empty();
    }
}
