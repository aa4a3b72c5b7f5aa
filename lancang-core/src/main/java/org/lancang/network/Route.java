package org.lancang.network;

import java.util.ArrayList;
import java.util.List;

/**
 * A way over the network between two points: its legs in travel order, each a stretch of one line in either direction
 * of that line's km, each starting where the one before ends (at a junction).
 */
public record Route(List<Route.Leg> legs) {
    /** From point {@code fromIndex} to point {@code toIndex} of {@code line}, either way. */
    public record Leg(Line line, int fromIndex, int toIndex) {
        public double lengthKm() {
            return Math.abs(line.km(toIndex) - line.km(fromIndex));
        }

        /** Whether the leg runs towards rising km on its line. */
        public boolean rising() {
            return toIndex > fromIndex;
        }
    }

    public Route {
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one leg");
        }
        legs = List.copyOf(legs);
        for (int i = 1; i < legs.size(); i++) {
            Leg a = legs.get(i - 1);
            Leg b = legs.get(i);
            if (!a.line()
                    .points()
                    .get(a.toIndex())
                    .code()
                    .equals(b.line().points().get(b.fromIndex()).code())) {
                throw new IllegalArgumentException("leg " + (i + 1) + " does not start where the one before ends");
            }
        }
    }

    /** The length: the sum of the legs' lengths, each on its own line's km. */
    public double lengthKm() {
        return legs.stream().mapToDouble(Leg::lengthKm).sum();
    }

    /**
     * The stretch of this route from point {@code from} to point {@code to}, in travel order: the way a train on this
     * route runs between two of its calls.
     *
     * @throws IllegalArgumentException when the route does not pass {@code from} and, later, {@code to}
     */
    public Route part(String from, String to) {
        List<Leg> out = new ArrayList<>();
        int start = -1;
        for (Leg leg : legs) {
            int step = leg.rising() ? 1 : -1;
            start = start < 0 ? -1 : leg.fromIndex();
            for (int i = leg.fromIndex(); ; i += step) {
                String code = leg.line().points().get(i).code();
                if (start < 0 && code.equals(from)) {
                    start = i;
                } else if (start >= 0 && code.equals(to)) {
                    out.add(new Leg(leg.line(), start, i));
                    return new Route(out);
                }
                if (i == leg.toIndex()) {
                    break;
                }
            }
            if (start >= 0 && start != leg.toIndex()) {
                out.add(new Leg(leg.line(), start, leg.toIndex()));
            }
        }
        throw new IllegalArgumentException("the route does not pass " + from + " and then " + to);
    }

    /** The codes of the points passed, in travel order, each junction once. */
    public List<String> pointCodes() {
        List<String> out = new ArrayList<>();
        for (Leg leg : legs) {
            int step = leg.rising() ? 1 : -1;
            for (int i = leg.fromIndex(); ; i += step) {
                if (out.isEmpty() || i != leg.fromIndex()) {
                    out.add(leg.line().points().get(i).code());
                }
                if (i == leg.toIndex()) {
                    break;
                }
            }
        }
        return out;
    }
}
