package org.lancang.customs;

import java.util.List;
import java.util.Optional;
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
        if (path.size() < 2) {
            return Optional.empty();
        }
        // the borders the path crosses, found along the lines it runs on (km of different lines do not compare)
        List<Border> crossed = network.bordersCrossed(path);
        for (int i = 0; i < path.size(); i++) {
            Point p = path.get(i);
            for (Border b : crossed) {
                if (p.code().equals(b.beforeControl().code())) {
                    return Optional.of(new Crossing(b, p, b.before(), i));
                }
                if (p.code().equals(b.afterControl().code())) {
                    return Optional.of(new Crossing(b, p, b.after(), i));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a customs officer of {@code country} decides at this crossing. */
    public boolean decidedBy(String countryCode) {
        return country.code().equalsIgnoreCase(countryCode);
    }
}
