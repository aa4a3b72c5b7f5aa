package org.lancang.freight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lancang.errors.Clash;
import org.lancang.errors.Validation;
import org.lancang.freight.PathAnswer.Constraint;
import org.lancang.freight.PathAnswer.Kind;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.rollingstock.TractionPoint;
import org.lancang.rollingstock.TrainType;
import org.lancang.timetable.BlockingTimes;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.LinePath;
import org.lancang.timetable.Operator;
import org.lancang.timetable.PathFinder;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.Planner;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.conflict.Occupation;

/**
 * Answers a shipper's ad-hoc path request with the timetable's own path insertion ({@link PathFinder}), around the
 * trains and skylight possessions of the day, and judges the result as a freight train needs: it must fit the tracks
 * where it starts, ends and waits (useful length), start on the ruling gradient with its mass, and stop at each border
 * control station for the technical stop. When the ask cannot be met, the answer names the constraint that binds
 * (which loop, which gradient, which train or possession holds the line) and offers the earliest feasible path
 * outside the ask.
 *
 * <p>Running times are those of the data's freight train type (its mass and length); the asked mass decides whether
 * the train can start and what speed it holds on the ruling gradient, and the asked length where it can wait.
 */
public final class FreightPaths {
    /** Later departures tried, a step apart, when the path found must wait at a loop too short for the train. */
    static final Duration RETRY_STEP = Duration.ofHours(1);

    private static final double G = 9.81;

    private final Planner planner;
    private final FreightRules rules;
    private final TrainType type;
    /** One finder for every request: it keeps the day's occupations indexed while the day is unchanged. */
    private final PathFinder finder;

    public FreightPaths(Planner planner, FreightRules rules, String trainTypeCode) {
        this.planner = planner;
        this.rules = rules;
        this.type = planner.trainType(trainTypeCode, "trainType");
        this.finder = new PathFinder(planner);
    }

    public TrainType trainType() {
        return type;
    }

    /** Refuses an ask that makes no sense, naming the field, before any path is looked for. */
    public void check(PathAsk ask) {
        Network network = planner.network();
        Validation v = new Validation();
        Point from = ask.from() == null ? null : network.point(ask.from()).orElse(null);
        Point to = ask.to() == null ? null : network.point(ask.to()).orElse(null);
        // say which points are: a new network's author learns here that a yard is a point of kind FREIGHT
        List<String> yards = network.points().stream()
                .filter(p -> p.kind() == PointKind.FREIGHT)
                .map(Point::code)
                .toList();
        String notAYard = "is not a freight station of the line (a point of kind " + PointKind.FREIGHT + "): "
                + (yards.isEmpty() ? "the network has none" : "one of " + String.join(", ", yards));
        v.check(from != null && from.kind() == PointKind.FREIGHT, "from", notAYard);
        v.check(to != null && to.kind() == PointKind.FREIGHT, "to", notAYard);
        v.check(from == null || to == null || !from.equals(to), "to", "must differ from 'from'");
        v.check(
                ask.earliestDeparture() != null || ask.latestArrival() != null,
                "earliestDeparture",
                "give the earliest departure or the latest arrival");
        v.check(
                ask.earliestDeparture() == null
                        || ask.latestArrival() == null
                        || ask.latestArrival().isAfter(ask.earliestDeparture()),
                "latestArrival",
                "must be after the earliest departure");
        v.check(
                ask.trailingMassT() > 0 && ask.trailingMassT() <= 10_000,
                "trailingMassT",
                "must be more than 0 and at most 10,000 t");
        v.check(ask.lengthM() > 0 && ask.lengthM() <= 2_000, "lengthM", "must be more than 0 and at most 2,000 m");
        v.throwIfInvalid();
        way(ask); // a via that is not a junction, or not on a way between the two, is refused naming 'via'
    }

    /** The way the ask's train runs: the route between its stations through its {@code via}. */
    private LinePath way(PathAsk ask) {
        return LinePath.between(planner.network(), ask.from(), ask.to(), ask.via(), "from", "to");
    }

    /**
     * The path for {@code ask} around {@code existing} (the day's blocking times, trains and possessions), as train
     * {@code number} run by {@code operator}.
     */
    public PathAnswer answer(
            String number,
            Operator operator,
            PathAsk ask,
            List<Occupation> existing,
            List<SpeedRestriction> restrictions) {
        check(ask);
        Network network = planner.network();
        LinePath line = way(ask);
        List<String> notes = new ArrayList<>();
        double balancing = balancingSpeedKmh(ask.trailingMassT(), steepest(line));
        PathRequest request =
                request(number, operator, line, ask.via(), earliest(number, operator, line, ask, restrictions));
        // what binds whatever the traffic: the tracks at both ends, the gradient, the design mass
        for (Point end : List.of(line.origin(), line.destination())) {
            if (end.usefulLengthM() < ask.lengthM()) {
                return refused(
                        request,
                        new Constraint(
                                Kind.LOOP_LENGTH,
                                end.code(),
                                "",
                                "the tracks at " + end.code() + " are " + end.usefulLengthM() + " m long, the train "
                                        + fmt(ask.lengthM()) + " m: shorten it to " + end.usefulLengthM() + " m"),
                        balancing,
                        notes);
            }
        }
        FreightRules.RulingGradient ruling = steepest(line);
        if (ruling != null && !canStart(ask.trailingMassT(), ruling.permille())) {
            return refused(
                    request,
                    new Constraint(
                            Kind.GRADIENT,
                            ruling.from() + "–" + ruling.to(),
                            "",
                            "a " + fmt(ask.trailingMassT()) + " t train cannot start on the " + fmt(ruling.permille())
                                    + " ‰ ruling gradient between " + ruling.from() + " and " + ruling.to()
                                    + " (it needs " + fmt(startingForceKn(ask.trailingMassT(), ruling.permille()))
                                    + " kN, the locomotive gives " + fmt(startingEffortKn()) + " kN); at most "
                                    + fmt(heaviestStarting(ruling.permille())) + " t can start there"),
                    balancing,
                    notes);
        }
        if (ask.trailingMassT() > rules.maxTrailingMassT()) {
            return refused(
                    request,
                    new Constraint(
                            Kind.GRADIENT,
                            line.origin().code() + "–" + line.destination().code(),
                            "",
                            "the line is designed for trains of at most " + fmt(rules.maxTrailingMassT())
                                    + " t trailing; split the load"),
                    balancing,
                    notes);
        }
        if (ruling != null) {
            notes.add("holds about " + Math.round(balancing) + " km/h on the " + fmt(ruling.permille())
                    + " ‰ ruling gradient with " + fmt(ask.trailingMassT()) + " t");
        }
        if (ask.trailingMassT() + rules.locomotiveMassT() > type.massT()) {
            notes.add("running times are those of the " + fmt(type.massT()) + " t " + type.code()
                    + " train type; a heavier train climbs slower");
        }
        request.stops()
                .forEach(s -> notes.add(
                        "stops " + s.dwell().toMinutes() + " min at " + s.point() + " for the border technical stop"));
        InsertedPath found;
        try {
            found = finder.insert(request, existing, restrictions);
        } catch (Clash e) {
            Constraint why =
                    blocker(request, existing, restrictions).orElse(new Constraint(Kind.TRAIN, "", "", e.getMessage()));
            why = new Constraint(
                    why.kind(),
                    why.where(),
                    why.heldBy(),
                    "no conflict-free path within " + rules.maxWait().toHours() + " h of waiting: " + why.message());
            return new PathAnswer(
                    request,
                    null,
                    why,
                    alternative(
                            request,
                            existing,
                            restrictions,
                            ask,
                            request.earliestDeparture().plus(rules.maxWait())),
                    balancing,
                    notes);
        }
        Constraint tooShort = shortLoop(found, ask);
        if (tooShort != null) {
            return new PathAnswer(
                    request,
                    null,
                    tooShort,
                    alternative(
                            request,
                            existing,
                            restrictions,
                            ask,
                            request.earliestDeparture().plus(RETRY_STEP)),
                    balancing,
                    notes);
        }
        if (ask.latestArrival() != null && found.run().arrival().isAfter(ask.latestArrival())) {
            return new PathAnswer(
                    request,
                    null,
                    new Constraint(
                            Kind.LATEST_ARRIVAL,
                            line.destination().code(),
                            "",
                            "the earliest conflict-free arrival is "
                                    + found.run().arrival() + ", after the latest " + ask.latestArrival()),
                    found,
                    balancing,
                    notes);
        }
        return new PathAnswer(request, found, null, null, balancing, notes);
    }

    private PathAnswer refused(PathRequest request, Constraint why, double balancing, List<String> notes) {
        return new PathAnswer(request, null, why, null, balancing, notes);
    }

    /** The earliest path from {@code from} on whose waits all fit the train, trying later departures an hour apart. */
    private InsertedPath alternative(
            PathRequest request,
            List<Occupation> existing,
            List<SpeedRestriction> restrictions,
            PathAsk ask,
            Instant from) {
        Instant limit = request.earliestDeparture().plus(rules.maxWait().multipliedBy(2));
        for (Instant start = from; !start.isAfter(limit); start = start.plus(RETRY_STEP)) {
            try {
                InsertedPath p = finder.insert(at(request, start), existing, restrictions);
                if (shortLoop(p, ask) == null) {
                    return p;
                }
                start = p.run().departure(); // the next try leaves an hour after this one did
            } catch (Clash e) {
                return null; // nothing within the wait allowed from here: no alternative to offer
            }
        }
        return null;
    }

    /** The first place the found path waits whose tracks are shorter than the train, with what it waits for. */
    private Constraint shortLoop(InsertedPath found, PathAsk ask) {
        for (StopRequest wait : found.waits()) {
            Point p = planner.network().point(wait.point()).orElseThrow();
            if (p.usefulLengthM() < ask.lengthM()) {
                return new Constraint(
                        Kind.LOOP_LENGTH,
                        p.code(),
                        "",
                        "the path must wait " + wait.dwell().toMinutes() + " min at " + p.code() + ", whose tracks are "
                                + p.usefulLengthM() + " m long: too short for a " + fmt(ask.lengthM()) + " m train");
            }
        }
        return null;
    }

    /**
     * What holds the line in the way of the train run without waiting from its earliest departure: the first of the
     * day's occupations its own blocking times overlap.
     */
    private Optional<Constraint> blocker(
            PathRequest request, List<Occupation> existing, List<SpeedRestriction> restrictions) {
        InsertedPath free = finder.insert(request, List.of(), restrictions);
        ScheduledRun run = free.run();
        BlockingTimes.Demand demand =
                BlockingTimes.of(run.owner(), run.run(), run.departure(), planner.resources(), planner.rules());
        return demand.occupations().stream()
                .sorted(Comparator.comparing(Occupation::from))
                .map(o -> finder.firstOverlapping(existing, o))
                .filter(Objects::nonNull)
                .findFirst()
                .map(o -> new Constraint(
                        o.possession() ? Kind.POSSESSION : Kind.TRAIN,
                        o.resource(),
                        o.owner(),
                        o.resource() + " is held by " + (o.possession() ? "possession " : "train ") + o.owner()
                                + " from " + o.from() + " to " + o.to()));
    }

    /** The departure to search from: the ask's, or early enough to arrive by its latest arrival with waits. */
    private Instant earliest(
            String number, Operator operator, LinePath line, PathAsk ask, List<SpeedRestriction> restrictions) {
        if (ask.earliestDeparture() != null) {
            return ask.earliestDeparture();
        }
        PathRequest probe = request(number, operator, line, ask.via(), ask.latestArrival());
        Duration free =
                finder.insert(probe, List.of(), restrictions).run().run().runningTime();
        return ask.latestArrival().minus(free).minus(rules.maxWait());
    }

    private PathRequest request(String number, Operator operator, LinePath line, List<String> via, Instant earliest) {
        List<StopRequest> stops = new ArrayList<>();
        for (int i = 1; i < line.points().size() - 1; i++) {
            Point p = line.points().get(i);
            if (p.dwell().bordersControl() && p.canHoldTrains()) {
                stops.add(new StopRequest(p.code(), rules.borderDwell()));
            }
        }
        LocalDate date = earliest.atZone(line.origin().timeZone()).toLocalDate();
        return new PathRequest(
                number,
                operator,
                type.code(),
                false,
                new ServiceCalendar(date, date.plusDays(1), EnumSet.of(date.getDayOfWeek())),
                line.origin().code(),
                line.destination().code(),
                stops,
                earliest,
                false,
                type.supplements().allowancePercent(),
                rules.maxWait(),
                via);
    }

    private static PathRequest at(PathRequest r, Instant earliest) {
        return new PathRequest(
                r.number(),
                r.operator(),
                r.trainType(),
                r.passenger(),
                r.calendar(),
                r.from(),
                r.to(),
                r.stops(),
                earliest,
                false,
                r.allowancePercent(),
                r.maxDelay(),
                r.via());
    }

    // ---------------------------------------------------------------- the mass on the gradient

    private FreightRules.RulingGradient steepest(LinePath line) {
        return rules.on(line).stream()
                .max(Comparator.comparingDouble(FreightRules.RulingGradient::permille))
                .orElse(null);
    }

    /** Whether a train of this trailing mass can start from a stand on the gradient (‰, uphill). */
    public boolean canStart(double trailingMassT, double permille) {
        return startingForceKn(trailingMassT, permille) <= startingEffortKn();
    }

    /** The force needed to start: starting resistance of locomotive and wagons plus the grade. */
    public double startingForceKn(double trailingMassT, double permille) {
        double loco = rules.locomotiveMassT();
        return G
                / 1000
                * (loco * (rules.startResistanceLocomotiveNPerKn() + permille)
                        + trailingMassT * (rules.startResistanceWagonsNPerKn() + permille));
    }

    /** The heaviest trailing mass that can start on the gradient. */
    public double heaviestStarting(double permille) {
        double loco = rules.locomotiveMassT();
        double available = startingEffortKn() * 1000 / G - loco * (rules.startResistanceLocomotiveNPerKn() + permille);
        return Math.floor(available / (rules.startResistanceWagonsNPerKn() + permille));
    }

    private double startingEffortKn() {
        return type.tractionCurve().get(0).effortKn();
    }

    /** The highest speed at which the locomotive's effort still exceeds resistance plus grade (0 if none). */
    public double balancingSpeedKmh(double trailingMassT, FreightRules.RulingGradient ruling) {
        double permille = ruling == null ? 0 : ruling.permille();
        double mass = trailingMassT + rules.locomotiveMassT();
        double best = 0;
        for (double v = 0; v <= type.maxSpeedKmh(); v += 0.5) {
            double resistance = type.resistanceKn(v) * mass / type.massT() + mass * G * permille / 1000;
            if (effortKn(v) >= resistance) {
                best = v;
            }
        }
        return best;
    }

    private double effortKn(double v) {
        List<TractionPoint> curve = type.tractionCurve();
        for (int i = 1; i < curve.size(); i++) {
            TractionPoint a = curve.get(i - 1);
            TractionPoint b = curve.get(i);
            if (v <= b.speedKmh()) {
                return a.effortKn()
                        + (b.effortKn() - a.effortKn()) * (v - a.speedKmh()) / (b.speedKmh() - a.speedKmh());
            }
        }
        return curve.get(curve.size() - 1).effortKn();
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%,d", (long) x) : String.format(Locale.ROOT, "%.1f", x);
    }
}
