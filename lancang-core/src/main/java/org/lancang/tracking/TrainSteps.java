package org.lancang.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Border;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.operations.EventKind;
import org.lancang.operations.RunningEvent;
import org.lancang.timetable.TrainPlan;

/**
 * Which step a running event of a train is for the units it carries, from where the train starts and ends and the
 * borders the network describes: the departure from the origin is DEPARTED, the arrival at the destination ARRIVED;
 * leaving the control station of the country the train leaves is BORDER_EXIT, reaching the control station of the
 * country it enters BORDER_ENTRY; any other departure or pass is PASSED. Intermediate arrivals are not a step (the
 * departure that follows is).
 *
 * <p>The unit's stretch is the route between its two stations (network {@link org.lancang.network.Routes}), walked in
 * travel order, not a km range: on a network of several lines a km names a place only with its line (ADR 0033), and a
 * box from the main line onto a branch passes the junction, not every point between the two stations' kms. Where the
 * train's plan is known, the route is the train's own ({@link TrainPlan#way}, through its {@code via}), which may be
 * longer than the shortest: a box on a train sent round a loop passes the loop's stations, not the main line's.
 */
public final class TrainSteps {
    private final Network network;
    private final BiFunction<String, LocalDate, Optional<TrainPlan>> plans;

    /** Steps along the shortest route between a unit's two stations (no train's plan is looked up). */
    public TrainSteps(Network network) {
        this(network, (train, date) -> Optional.empty());
    }

    /**
     * Steps along the way each train runs: {@code plans} gives a train's plan on a service date (a timetable's
     * {@code plan(number, date)}); a train it does not know takes the shortest route.
     */
    public TrainSteps(Network network, BiFunction<String, LocalDate, Optional<TrainPlan>> plans) {
        this.network = network;
        this.plans = plans;
    }

    /**
     * The step of a unit carried from {@code origin} to {@code destination} (its booking's stations, which may lie
     * inside the train's own run), or nothing when the event is not one (an intermediate arrival, or a point outside
     * the unit's stretch). Builds the unit's stretch for this one event: a caller with many events of the same train
     * builds it once with {@link #stretch} and reads each event from it.
     */
    public Optional<BoxEventType> of(RunningEvent e, String origin, String destination) {
        return stretch(e.train(), e.serviceDate(), origin, destination).step(e);
    }

    /**
     * The stretch of a unit carried by {@code train} on {@code serviceDate} from {@code origin} to {@code
     * destination}: its points in travel order and the control stations where it leaves and enters a country, found
     * once (a route, a walk along it) and then read for every running event of the train.
     */
    public Stretch stretch(String train, LocalDate serviceDate, String origin, String destination) {
        Optional<List<Point>> way = way(train, serviceDate, origin, destination);
        List<String[]> controls = new ArrayList<>();
        way.ifPresent(w -> {
            for (Border b : network.bordersCrossed(w)) {
                // "before" is the side of lower km on the border's line
                boolean rising = risingAt(w, b);
                Point exit = rising ? b.beforeControl() : b.afterControl();
                Point entry = rising ? b.afterControl() : b.beforeControl();
                controls.add(new String[] {exit.code(), entry.code()});
            }
        });
        return new Stretch(way.orElse(null), controls, origin, destination);
    }

    /** A unit's stretch, built once by {@link #stretch}: which step each running event of its train is. */
    public final class Stretch {
        /** The points in travel order, or null when unknown (every point then counts). */
        private final List<Point> way;
        /** Per border crossed, in order: the control station left, then the one entered. */
        private final List<String[]> controls;

        private final String origin;
        private final String destination;

        private Stretch(List<Point> way, List<String[]> controls, String origin, String destination) {
            this.way = way;
            this.controls = List.copyOf(controls);
            this.origin = origin;
            this.destination = destination;
        }

        /** The step {@code e} is for the unit, or nothing (an intermediate arrival, a point off the stretch). */
        public Optional<BoxEventType> step(RunningEvent e) {
            String point = e.point();
            if (way != null && network.point(point).isPresent() && indexOf(way, point) < 0) {
                return Optional.empty();
            }
            if (e.kind() == EventKind.DEPARTURE && point.equalsIgnoreCase(origin)) {
                return Optional.of(BoxEventType.DEPARTED);
            }
            if (e.kind() == EventKind.ARRIVAL && point.equalsIgnoreCase(destination)) {
                return Optional.of(BoxEventType.ARRIVED);
            }
            for (String[] control : controls) {
                if (e.kind() != EventKind.ARRIVAL && control[0].equalsIgnoreCase(point)) {
                    return Optional.of(BoxEventType.BORDER_EXIT);
                }
                if (e.kind() != EventKind.DEPARTURE && control[1].equalsIgnoreCase(point)) {
                    return Optional.of(BoxEventType.BORDER_ENTRY);
                }
            }
            return e.kind() == EventKind.ARRIVAL ? Optional.empty() : Optional.of(BoxEventType.PASSED);
        }
    }

    /**
     * The points from origin to destination in travel order, on the train's own way when its plan passes both (else
     * the shortest route); empty when either is unknown or no route joins them.
     */
    private Optional<List<Point>> way(String train, LocalDate serviceDate, String origin, String destination) {
        Optional<Point> a = network.point(origin);
        Optional<Point> z = network.point(destination);
        if (a.isEmpty() || z.isEmpty()) {
            return Optional.empty();
        }
        try {
            Route route = trainsWay(train, serviceDate, a.get().code(), z.get().code())
                    .orElseGet(() ->
                            network.routes().between(a.get().code(), z.get().code(), List.of()));
            return Optional.of(route.pointCodes().stream()
                    .map(c -> network.point(c).orElseThrow())
                    .toList());
        } catch (InvalidInput noRoute) {
            return Optional.empty(); // a tie or no way: every point counts, as for an unknown station
        }
    }

    /** The stretch of the event's train's own route between the two points, when its plan is known and passes both. */
    private Optional<Route> trainsWay(String train, LocalDate serviceDate, String from, String to) {
        Optional<TrainPlan> plan = plans.apply(train, serviceDate);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(plan.get().way(network, from, to));
        } catch (InvalidInput notOnItsWay) {
            return Optional.empty(); // a box booked between points its train does not pass in order: the shortest
        }
    }

    /**
     * Whether the way runs towards rising km of the border's line where it crosses the border: from a neighbour of
     * lower km on that line, or to one of higher km.
     */
    private boolean risingAt(List<Point> way, Border b) {
        int at = indexOf(way, b.point().code());
        for (Network.Place place : network.places(b.point().code())) {
            Line line = place.line();
            int before = at > 0 ? line.indexOf(way.get(at - 1).code()) : -1;
            if (before >= 0) {
                return line.km(before) < place.km();
            }
            int after = at >= 0 && at + 1 < way.size()
                    ? line.indexOf(way.get(at + 1).code())
                    : -1;
            if (after >= 0) {
                return line.km(after) > place.km();
            }
        }
        return way.get(way.size() - 1).km() > way.get(0).km(); // not reached: a crossed border lies on the way
    }

    private static int indexOf(List<Point> way, String code) {
        for (int i = 0; i < way.size(); i++) {
            if (way.get(i).code().equalsIgnoreCase(code)) {
                return i;
            }
        }
        return -1;
    }
}
