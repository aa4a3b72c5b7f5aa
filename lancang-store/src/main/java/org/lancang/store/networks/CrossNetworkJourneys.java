package org.lancang.store.networks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Joins;
import org.lancang.timetable.Call;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;

/**
 * Journeys across two networks served: a train of the first to its join with the second, the transfer the join file
 * describes (by road at Vientiane, across the break of gauge), and a train of the second that leaves no sooner than
 * the minimum connection after the first arrives. Trains of the second that leave before that are named as missed.
 */
public final class CrossNetworkJourneys {
    /** One train's part of the journey. */
    public record Leg(String network, String train, String from, String to, Instant departure, Instant arrival) {}

    /** A journey: the first leg, the join crossed, the second leg, and the second network's trains it cannot catch. */
    public record Journey(Leg first, Joins.Join transfer, Leg second, Duration connection, List<Leg> missed) {}

    private final ServedNetworks networks;

    public CrossNetworkJourneys(ServedNetworks networks) {
        this.networks = networks;
    }

    /**
     * Every first-leg train leaving {@code from} on {@code date} (its service day) for the join, each with the first
     * second-leg train it can catch within two days.
     *
     * @throws InvalidInput naming {@code from} or {@code to} when a point is unknown, both lie in one network, or the
     *                      two networks have no passenger join
     */
    public List<Journey> find(String from, String to, LocalDate date) {
        ServedNetwork a = networks.ofPoint(from)
                .orElseThrow(() -> new InvalidInput("from", "'" + from + "' is not a point of any network served"));
        ServedNetwork b = networks.ofPoint(to)
                .orElseThrow(() -> new InvalidInput("to", "'" + to + "' is not a point of any network served"));
        if (a.code().equals(b.code())) {
            throw new InvalidInput(
                    "to",
                    "'" + from + "' and '" + to + "' are both on " + a.code()
                            + ": search /api/journeys for a journey within one network");
        }
        Joins.Join join = join(a, b)
                .orElseThrow(
                        () -> new InvalidInput("to", "no passenger join between " + a.code() + " and " + b.code()));
        List<Leg> seconds = new ArrayList<>();
        for (int d = 0; d <= 2; d++) {
            seconds.addAll(legs(b, join.otherPoint(), to, date.plusDays(d)));
        }
        seconds.sort(Comparator.comparing(Leg::departure));
        List<Journey> out = new ArrayList<>();
        for (Leg first : legs(a, from, join.point(), date)) {
            Instant ready = first.arrival().plus(join.minimumConnection());
            Optional<Leg> second =
                    seconds.stream().filter(l -> !l.departure().isBefore(ready)).findFirst();
            if (second.isEmpty()) {
                continue;
            }
            LocalDate arrivalDay =
                    first.arrival().atZone(b.network().serviceZone()).toLocalDate();
            List<Leg> missed = seconds.stream()
                    .filter(l -> l.departure().isBefore(ready)
                            && !l.departure().isBefore(first.arrival().minus(Duration.ofHours(1)))
                            && l.departure()
                                    .atZone(b.network().serviceZone())
                                    .toLocalDate()
                                    .equals(arrivalDay))
                    .toList();
            out.add(new Journey(
                    first,
                    join,
                    second.get(),
                    Duration.between(first.arrival(), second.get().departure()),
                    missed));
        }
        out.sort(Comparator.comparing(j -> j.first().departure()));
        return out;
    }

    private Optional<Joins.Join> join(ServedNetwork a, ServedNetwork b) {
        Optional<Joins.Join> own = a.joins().between(Joins.Kind.PASSENGER, a.code(), b.code());
        return own.isPresent() ? own : b.joins().between(Joins.Kind.PASSENGER, a.code(), b.code());
    }

    /** The passenger trains of {@code n} running on {@code day} that stop at {@code from} and later at {@code to}. */
    private static List<Leg> legs(ServedNetwork n, String from, String to, LocalDate day) {
        List<Leg> out = new ArrayList<>();
        for (TrainPlan plan : n.plans()) {
            if (!plan.passenger() || !plan.calendar().runsOn(day)) {
                continue;
            }
            Train train = n.train(plan, day);
            List<Call> stops = train.stops();
            Call board = null;
            for (Call c : stops) {
                if (board == null && c.pointCode().equals(from)) {
                    board = c;
                } else if (board != null && c.pointCode().equals(to)) {
                    out.add(new Leg(
                            n.code(),
                            plan.number(),
                            from,
                            to,
                            train.at(day, board.departure()),
                            train.at(day, c.arrival())));
                    break;
                }
            }
        }
        return out;
    }
}
