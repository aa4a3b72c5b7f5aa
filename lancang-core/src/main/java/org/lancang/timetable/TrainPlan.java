package org.lancang.timetable;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;

/**
 * What a planner fixes for a train: who runs it, with what, on which days, from where to where, its first departure
 * (local time at the origin) and its stops with their dwell times. Every other time is computed: running time from the
 * physics, plus the allowance, plus the dwells.
 *
 * @param stops            commercial stops, where passengers or goods are handled
 * @param meets            operational waits (for a meet or to be overtaken on single track), found by path insertion
 * @param fixedDeparture   a published time the planner will not move; otherwise path insertion may leave later
 * @param allowancePercent running-time allowance added to every leg, in percent of the minimum running time
 * @param via              the junctions the train runs through, in order, where the shortest route is not its own
 *                         (or two routes tie); empty for the shortest route
 */
public record TrainPlan(
        String number,
        Operator operator,
        String trainType,
        boolean passenger,
        ServiceCalendar calendar,
        String from,
        String to,
        LocalTime departure,
        List<StopRequest> stops,
        List<StopRequest> meets,
        boolean fixedDeparture,
        double allowancePercent,
        String note,
        List<String> via) {
    public TrainPlan {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(trainType, "trainType");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(departure, "departure");
        stops = List.copyOf(stops);
        meets = List.copyOf(meets);
        note = note == null ? "" : note;
        via = via == null ? List.of() : List.copyOf(via);
    }

    /** A plan on the shortest route. */
    public TrainPlan(
            String number,
            Operator operator,
            String trainType,
            boolean passenger,
            ServiceCalendar calendar,
            String from,
            String to,
            LocalTime departure,
            List<StopRequest> stops,
            List<StopRequest> meets,
            boolean fixedDeparture,
            double allowancePercent,
            String note) {
        this(
                number,
                operator,
                trainType,
                passenger,
                calendar,
                from,
                to,
                departure,
                stops,
                meets,
                fixedDeparture,
                allowancePercent,
                note,
                List.of());
    }

    public TrainPlan withMeets(List<StopRequest> newMeets) {
        return new TrainPlan(
                number,
                operator,
                trainType,
                passenger,
                calendar,
                from,
                to,
                departure,
                stops,
                newMeets,
                fixedDeparture,
                allowancePercent,
                note,
                via);
    }

    /** The same train with one commercial stop instead of its own (for what-if checks). */
    public TrainPlan withStops(String point, Duration dwell) {
        return new TrainPlan(
                number,
                operator,
                trainType,
                passenger,
                calendar,
                from,
                to,
                departure,
                List.of(new StopRequest(point, dwell)),
                List.of(),
                fixedDeparture,
                allowancePercent,
                note,
                via);
    }

    public TrainPlan withDeparture(LocalTime newDeparture) {
        return new TrainPlan(
                number,
                operator,
                trainType,
                passenger,
                calendar,
                from,
                to,
                newDeparture,
                stops,
                meets,
                fixedDeparture,
                allowancePercent,
                note,
                via);
    }

    /** The same train on other days (a train a change adds runs only on the dates of its scope). */
    public TrainPlan withCalendar(ServiceCalendar newCalendar) {
        return new TrainPlan(
                number,
                operator,
                trainType,
                passenger,
                newCalendar,
                from,
                to,
                departure,
                stops,
                meets,
                fixedDeparture,
                allowancePercent,
                note,
                via);
    }

    /** The same train with other commercial stops and meets (a dispatcher's re-planning, a planner's edit). */
    public TrainPlan withStopsAndMeets(List<StopRequest> newStops, List<StopRequest> newMeets) {
        return new TrainPlan(
                number,
                operator,
                trainType,
                passenger,
                calendar,
                from,
                to,
                departure,
                newStops,
                newMeets,
                fixedDeparture,
                allowancePercent,
                note,
                via);
    }

    /**
     * Where the train stands still, in travel order as given: each commercial stop and each meet, with their dwell
     * added where both fall on one point.
     */
    public List<StopRequest> allStops(LinePath path) {
        Map<Integer, Duration> dwell = new TreeMap<>();
        Map<Integer, String> code = new TreeMap<>();
        Map<Integer, LocalTime> departAt = new TreeMap<>();
        List<StopRequest> unplaced = new ArrayList<>();
        for (StopRequest s : concat()) {
            int i = s.point() == null ? -1 : path.indexOf(s.point());
            if (i < 0 || s.dwell() == null) {
                unplaced.add(s); // left for the running-time checks to name
                continue;
            }
            dwell.merge(i, s.dwell(), Duration::plus);
            code.put(i, s.point());
            if (s.departAt() != null) {
                departAt.put(i, s.departAt());
            }
        }
        if (!unplaced.isEmpty()) {
            return concat();
        }
        List<StopRequest> out = new ArrayList<>();
        dwell.forEach((i, d) -> out.add(new StopRequest(code.get(i), d, departAt.get(i))));
        return out;
    }

    private List<StopRequest> concat() {
        List<StopRequest> all = new ArrayList<>(stops);
        all.addAll(meets);
        return all;
    }

    /** Whether the train calls commercially at {@code code}. */
    public boolean callsAt(String code) {
        return stops.stream().anyMatch(s -> s.point().equalsIgnoreCase(code));
    }

    /**
     * The way this train runs from point {@code from} to point {@code to}: the stretch of its own route (through its
     * {@link #via}) between the two, which is longer than the shortest way where a via sends it round a loop. Its km
     * are what a ticket or a consignment on the train is charged for.
     *
     * @throws InvalidInput naming {@code from} or {@code to} when the train does not pass them in that order
     */
    public Route way(Network network, String from, String to) {
        Route whole = network.routes().between(code(network, this.from), code(network, this.to), via);
        List<String> passed = whole.pointCodes();
        int a = passed.indexOf(from);
        if (a < 0) {
            throw new InvalidInput("from", "train " + number + " does not pass '" + from + "'");
        }
        if (passed.indexOf(to) <= a) {
            throw new InvalidInput("to", "train " + number + " does not pass '" + to + "' after '" + from + "'");
        }
        return whole.part(from, to);
    }

    /** The point's code as the network writes it (a plan made through the API may have it in another case). */
    private static String code(Network network, String point) {
        return network.point(point).map(Point::code).orElse(point);
    }
}
