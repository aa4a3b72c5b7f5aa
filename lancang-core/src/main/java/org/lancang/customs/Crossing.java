package org.lancang.customs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.network.Point;

/**
 * Where a train first meets a border's controls: the border it crosses, the control station (the first of the border's
 * two control stations on its path in its direction of travel), the country whose controls are there, and the
 * station's place on the path. A train may not leave this station until its consignments are released.
 */
public record Crossing(Border border, Point control, Country country, int pathIndex) {
    /**
     * The first crossing of a path given as its points in travel order, or empty when the path crosses no border of the
     * network (or stops at none of a crossed border's control stations).
     */
    public static Optional<Crossing> first(Network network, List<Point> path) {
        return all(network, path).stream().findFirst();
    }

    /**
     * Every crossing of a path given as its points in travel order, one per border crossed (at the first of that
     * border's control stations on the path), in travel order: a train through three countries meets two borders'
     * customs, each of which declares and releases it on its own.
     */
    public static List<Crossing> all(Network network, List<Point> path) {
        if (path.size() < 2) {
            return List.of();
        }
        // the borders the path crosses, found along the lines it runs on (km of different lines do not compare)
        List<Border> crossed = network.bordersCrossed(path);
        List<Crossing> out = new ArrayList<>();
        Set<String> met = new HashSet<>();
        for (int i = 0; i < path.size(); i++) {
            Point p = path.get(i);
            for (Border b : crossed) {
                Optional<Country> side = p.code().equals(b.beforeControl().code())
                        ? Optional.of(b.before())
                        : p.code().equals(b.afterControl().code()) ? Optional.of(b.after()) : Optional.empty();
                if (side.isPresent() && met.add(b.point().code())) {
                    out.add(new Crossing(b, p, side.get(), i));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The border's key: its point's code in the network's {@code borders.csv}. */
    public String borderCode() {
        return border.point().code();
    }

    /** Whether a customs officer of {@code country} decides at this crossing. */
    public boolean decidedBy(String countryCode) {
        return country.code().equalsIgnoreCase(countryCode);
    }
}
