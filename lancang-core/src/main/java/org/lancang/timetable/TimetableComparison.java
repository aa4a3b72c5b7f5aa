package org.lancang.timetable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.rollingstock.RollingStock;
import org.lancang.rollingstock.TrainType;

/**
 * Holds Lancang's running-time rules against a published timetable: each published train is run as a timetable would
 * run it ({@link RunningTimes#timetabled}: its stops with their usual dwells, its type's allowance and supplements),
 * and every leg between two published stops is compared, dwell at the earlier stop included (a published timetable
 * gives the arrivals). The same rules for every train: nothing is fitted to one of them.
 */
public final class TimetableComparison {

    /**
     * One leg: from one published stop to the next, minutes from the arrival at the first (the departure, at the
     * origin) to the arrival at the second.
     */
    public record Leg(String train, String from, String to, double publishedMinutes, double computedMinutes) {
        /** Computed over published: above 1 Lancang is slower than the timetable. */
        public double ratio() {
            return computedMinutes / publishedMinutes;
        }

        /** The relative error, |ratio − 1|. */
        public double error() {
            return Math.abs(ratio() - 1);
        }
    }

    /** One published train: its legs and its whole run. */
    public record TrainResult(
            String train, String trainType, List<Leg> legs, double publishedMinutes, double computedMinutes) {
        public TrainResult {
            legs = List.copyOf(legs);
        }

        public double ratio() {
            return computedMinutes / publishedMinutes;
        }

        /** Computed minus published, end to end. */
        public double differenceMinutes() {
            return computedMinutes - publishedMinutes;
        }
    }

    /** Every train compared, and the figures over all their legs. */
    public record Report(List<TrainResult> trains) {
        public Report {
            trains = List.copyOf(trains);
        }

        public List<Leg> legs() {
            return trains.stream().flatMap(t -> t.legs().stream()).toList();
        }

        /** The median of |ratio − 1| over every leg. */
        public double medianAbsoluteError() {
            double[] errors = legs().stream().mapToDouble(Leg::error).sorted().toArray();
            int n = errors.length;
            return n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
        }

        /** The {@code n} legs furthest from the published time, worst first. */
        public List<Leg> worstLegs(int n) {
            return legs().stream()
                    .sorted(Comparator.comparingDouble(Leg::error).reversed())
                    .limit(n)
                    .toList();
        }

        public TrainResult train(String number) {
            return trains.stream()
                    .filter(t -> t.train().equalsIgnoreCase(number))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInput("train", "no published train " + number + " compared"));
        }
    }

    private TimetableComparison() {}

    public static Report compare(Network network, RollingStock stock, List<PublishedTimes.Train> published) {
        List<TrainResult> results = new ArrayList<>();
        for (PublishedTimes.Train p : published) {
            results.add(compare(network, stock, p));
        }
        return new Report(results);
    }

    private static TrainResult compare(Network network, RollingStock stock, PublishedTimes.Train p) {
        TrainType type = stock.type(p.trainType())
                .orElseThrow(() -> new InvalidInput(
                        "train_type", "'" + p.trainType() + "' of " + p.number() + " is not a train type"));
        List<PublishedTimes.Stop> stops = p.stops();
        String from = stops.get(0).point();
        String to = stops.get(stops.size() - 1).point();
        List<String> calls = stops.subList(1, stops.size() - 1).stream()
                .map(PublishedTimes.Stop::point)
                .toList();
        return compare(p, type.code(), RunningTimes.timetabled(network, type, from, to, calls, List.of()));
    }

    /**
     * Holds runs already laid out (a network's timetable as planned: its own stops, dwells and meet waits) against the
     * published times: {@code runs} gives each published train's run by number.
     */
    public static Report compare(List<PublishedTimes.Train> published, Function<String, Optional<TrainRun>> runs) {
        List<TrainResult> results = new ArrayList<>();
        for (PublishedTimes.Train p : published) {
            TrainRun run = runs.apply(p.number())
                    .orElseThrow(() -> new InvalidInput("train", "no train " + p.number() + " in the timetable"));
            results.add(compare(p, p.trainType(), run));
        }
        return new Report(results);
    }

    private static TrainResult compare(PublishedTimes.Train p, String type, TrainRun run) {
        List<PublishedTimes.Stop> stops = p.stops();
        List<Leg> legs = new ArrayList<>();
        double previousComputed = 0;
        for (int i = 1; i < stops.size(); i++) {
            PublishedTimes.Stop s = stops.get(i);
            PointTime t = run.times().get(run.path().indexOf(s.point()));
            double computed = t.arrival().toMillis() / 60_000.0;
            legs.add(new Leg(
                    p.number(),
                    stops.get(i - 1).point(),
                    s.point(),
                    s.minutes() - stops.get(i - 1).minutes(),
                    computed - previousComputed));
            previousComputed = computed;
        }
        return new TrainResult(
                p.number(), type, legs, stops.get(stops.size() - 1).minutes(), previousComputed);
    }
}
