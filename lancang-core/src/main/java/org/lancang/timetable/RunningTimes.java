package org.lancang.timetable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Section;
import org.lancang.network.StopDwell;
import org.lancang.rollingstock.Traction;
import org.lancang.rollingstock.TractionPoint;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.Allowance;
import org.lancang.runtime.LegMemo;
import org.lancang.runtime.LegSupplements;
import org.lancang.runtime.RunningTimeCalculator;
import org.lancang.runtime.RunningTimeRequest;
import org.lancang.runtime.RunningTimeResult;
import org.lancang.runtime.Stop;
import org.lancang.runtime.TemporarySpeedRestriction;
import org.lancang.runtime.TimingPoint;
import org.lancang.runtime.TimingPointTime;
import org.lancang.runtime.TooSteepForTraction;
import org.lancang.runtime.TrainPhysics;

/**
 * Running times on the network: turns a train type, a path, stops, speed restrictions and an allowance into the
 * physics' request (positions in metres along the path), checks every input first, and reads the times back per point.
 */
public final class RunningTimes {
    /** No planner asks for a dwell longer than this at one stop. */
    public static final Duration MAX_DWELL = Duration.ofHours(12);

    private RunningTimes() {}

    /**
     * The run of {@code type} from {@code from} to {@code to} with these stops (each with its dwell), under the
     * restrictions, with the allowance and the supplements added to every leg ({@link Allowance#none()} and
     * {@link LegSupplements#none()} for the bare physics; {@link #supplements(TrainType)} for the type's own).
     */
    /**
     * A train type runs only on its own gauge, and an electric one only under electrification: the first section of the
     * path that does not fit is named (field {@code trainType}).
     */
    static void checkGaugeAndPower(Validation v, LinePath path, TrainType type) {
        for (Section s : path.sections()) {
            if (s.gaugeMm() != type.gaugeMm()) {
                v.check(
                        false,
                        "trainType",
                        type.code() + " runs on " + type.gaugeMm() + " mm gauge and cannot run over " + s.from() + "–"
                                + s.to() + " (" + s.gaugeMm() + " mm)");
                return;
            }
            if (type.traction() == Traction.ELECTRIC && !s.electrified()) {
                v.check(
                        false,
                        "trainType",
                        type.code() + " is electric and cannot run over " + s.from() + "–" + s.to()
                                + ", which is not electrified");
                return;
            }
        }
    }

    public static TrainRun compute(
            Network network,
            TrainType type,
            String from,
            String to,
            List<StopRequest> stops,
            List<SpeedRestriction> restrictions,
            Allowance allowance,
            LegSupplements supplements) {
        return compute(network, type, from, to, stops, restrictions, allowance, supplements, null);
    }

    /**
     * As {@link #compute(Network, TrainType, String, String, List, List, Allowance, LegSupplements)}, with the legs
     * already run for this type, path and restrictions taken from {@code memo} (null: none).
     */
    public static TrainRun compute(
            Network network,
            TrainType type,
            String from,
            String to,
            List<StopRequest> stops,
            List<SpeedRestriction> restrictions,
            Allowance allowance,
            LegSupplements supplements,
            LegMemo memo) {
        return compute(LinePath.between(network, from, to), type, stops, restrictions, allowance, supplements, memo);
    }

    /** The run of {@code type} along {@code path}, as {@link #compute(Network, TrainType, String, String, List, List,
     * Allowance, LegSupplements, LegMemo)}. */
    public static TrainRun compute(
            LinePath path,
            TrainType type,
            List<StopRequest> stops,
            List<SpeedRestriction> restrictions,
            Allowance allowance,
            LegSupplements supplements,
            LegMemo memo) {
        Validation v = new Validation();
        checkGaugeAndPower(v, path, type);
        v.throwIfInvalid();
        checkStops(v, path, type, stops);
        checkRestrictions(v, path, type, restrictions);
        v.throwIfInvalid();

        List<Stop> physicsStops = new ArrayList<>();
        for (StopRequest s : stops) {
            physicsStops.add(new Stop(path.positionM(path.indexOf(s.point())), s.dwell()));
        }
        List<TemporarySpeedRestriction> tsrs = new ArrayList<>();
        for (SpeedRestriction r : restrictions) {
            Line restricted = r.line(path.network()).orElseThrow(); // checked above; its km are on this line only
            for (LinePath.Leg leg : path.legs()) {
                if (!leg.line().code().equals(restricted.code())
                        || (!leg.containsKm(r.fromKm())
                                && !leg.containsKm(r.toKm())
                                && !(r.fromKm() < Math.min(leg.fromKm(), leg.toKm())
                                        && r.toKm() > Math.max(leg.fromKm(), leg.toKm())))) {
                    continue; // not on this leg
                }
                double a = leg.positionOf(r.fromKm());
                double b = leg.positionOf(r.toKm());
                if (Math.abs(b - a) > 0) {
                    tsrs.add(new TemporarySpeedRestriction(Math.min(a, b), Math.max(a, b), r.speedKmh() / 3.6));
                }
            }
        }
        List<TimingPoint> timingPoints = new ArrayList<>();
        for (int i = 0; i < path.points().size(); i++) {
            timingPoints.add(new TimingPoint(path.points().get(i).code(), path.positionM(i)));
        }
        RunningTimeRequest request = new RunningTimeRequest(
                physics(type), path.trackProfile(type), physicsStops, tsrs, allowance, timingPoints, supplements);
        RunningTimeResult result;
        try {
            result = RunningTimeCalculator.calculate(request, memo);
        } catch (TooSteepForTraction e) {
            throw new InvalidInput("trainType", tooSteep(path, type, e));
        }
        List<PointTime> times = new ArrayList<>();
        for (int i = 0; i < path.points().size(); i++) {
            Point p = path.points().get(i);
            TimingPointTime t = result.timingPoints().get(i);
            boolean endpoint = i == 0 || i == path.points().size() - 1;
            times.add(new PointTime(p, path.positionM(i), t.arrival(), t.departure(), t.stopped() || endpoint));
        }
        return new TrainRun(path, type, times, result);
    }

    /**
     * A train that cannot climb a gradient of its path, said in the line's terms: the two points it stalls between and
     * how far past the first, so that whoever wrote the train type or the gradients knows which row to look at.
     */
    private static String tooSteep(LinePath path, TrainType type, TooSteepForTraction e) {
        int i = 0;
        while (i < path.points().size() - 2 && path.positionM(i + 1) <= e.positionM()) {
            i++;
        }
        return String.format(
                Locale.ROOT,
                "%s cannot run %s → %s: it stalls between %s and %s, %.1f km past %s, where the gradient averaged over"
                        + " its length is %.1f ‰, too steep for its traction (its mass, traction curve or the"
                        + " section's gradient_permille)",
                type.code(),
                path.origin().code(),
                path.destination().code(),
                path.points().get(i).code(),
                path.points().get(i + 1).code(),
                (e.positionM() - path.positionM(i)) / 1000.0,
                path.points().get(i).code(),
                e.gradientPermille());
    }

    /**
     * The run a timetable would show for {@code type} calling at {@code stopCodes}: each stop with its usual dwell (the
     * border formalities at the border control stations of a cross-border journey), the type's allowance and its
     * supplements at every stop.
     */
    public static TrainRun timetabled(
            Network network,
            TrainType type,
            String from,
            String to,
            List<String> stopCodes,
            List<SpeedRestriction> restrictions) {
        return compute(
                network,
                type,
                from,
                to,
                usualStops(network, from, to, stopCodes),
                restrictions,
                allowance(type.supplements().allowancePercent()),
                supplements(type));
    }

    /**
     * The stops with the dwell a timetable usually gives a passenger train there: the point's usual dwell, and on a
     * journey that crosses the border the formalities at its border control stations (the first one it meets, the
     * origin included, takes the first formalities, the next the second). Codes that are not points are kept with no
     * dwell, for the running-time checks to name.
     */
    public static List<StopRequest> usualStops(Network network, String from, String to, List<String> stopCodes) {
        Optional<Point> origin = network.point(from);
        Optional<Point> destination = network.point(to);
        boolean crossesBorder = origin.isPresent()
                && destination.isPresent()
                && !origin.get().country().equals(destination.get().country());
        int controls = crossesBorder && origin.get().dwell().bordersControl() ? 1 : 0;
        List<StopRequest> stops = new ArrayList<>();
        for (String code : stopCodes) {
            Optional<Point> p = network.point(code);
            if (p.isEmpty()) {
                stops.add(new StopRequest(code, Duration.ZERO));
                continue;
            }
            StopDwell dwell = p.get().dwell();
            Duration d = dwell.usual();
            if (crossesBorder && dwell.bordersControl()) {
                d = controls == 0 ? dwell.firstBorder() : dwell.secondBorder();
                controls++;
            }
            stops.add(new StopRequest(p.get().code(), d));
        }
        return stops;
    }

    /** A percent allowance, or none at zero. */
    public static Allowance allowance(double percent) {
        return percent == 0 ? Allowance.none() : Allowance.percent(percent);
    }

    /** The start and stop supplements a timetable gives every leg of a train of this type. */
    public static LegSupplements supplements(TrainType type) {
        return new LegSupplements(
                type.supplements().start().toMillis() / 1000.0,
                type.supplements().stop().toMillis() / 1000.0);
    }

    /** The physics' view of a train type, converted from the railway units of the data files. */
    public static TrainPhysics physics(TrainType type) {
        double[] speeds = type.tractionCurve().stream()
                .mapToDouble(TractionPoint::speedKmh)
                .toArray();
        double[] efforts = type.tractionCurve().stream()
                .mapToDouble(TractionPoint::effortKn)
                .toArray();
        return TrainPhysics.fromRailwayUnits(
                type.massT(),
                type.rotatingMassFactor(),
                type.lengthM(),
                type.maxSpeedKmh(),
                speeds,
                efforts,
                type.davisAKn(),
                type.davisBKnPerKmh(),
                type.davisCKnPerKmh2(),
                type.brakingMps2());
    }

    private static void checkStops(Validation v, LinePath path, TrainType type, List<StopRequest> stops) {
        int previous = 0;
        for (int i = 0; i < stops.size(); i++) {
            StopRequest s = stops.get(i);
            String field = "stops[" + i + "]";
            int index = s.point() == null ? -1 : path.indexOf(s.point());
            if (index < 0) {
                boolean known =
                        s.point() != null && path.network().point(s.point()).isPresent();
                v.add(
                        field + ".point",
                        "'" + s.point() + "' is "
                                + (known
                                        ? "not on the path " + path.origin().code() + "–"
                                                + path.destination().code()
                                        : "not a point of the line"));
                continue;
            }
            if (index == 0 || index == path.points().size() - 1) {
                v.add(field + ".point", "'" + s.point() + "' is the origin or destination, not an intermediate stop");
            } else if (index <= previous) {
                v.add(field + ".point", "'" + s.point() + "' is out of travel order");
            }
            Point p = path.points().get(index);
            if (!p.canHoldTrains()) {
                v.add(field + ".point", p.code() + " has no track a train can stop on");
            } else if (p.usefulLengthM() < type.lengthM()) {
                v.add(
                        field + ".point",
                        p.code() + "'s tracks (" + p.usefulLengthM() + " m) are too short for " + type.code() + " ("
                                + Math.round(type.lengthM()) + " m)");
            }
            if (s.dwell() == null || s.dwell().isNegative()) {
                v.add(field + ".dwell", "must be zero or more");
            } else if (s.dwell().compareTo(MAX_DWELL) > 0) {
                v.add(field + ".dwell", "must be at most " + MAX_DWELL.toHours() + " h");
            }
            previous = Math.max(previous, index);
        }
    }

    private static void checkRestrictions(
            Validation v, LinePath path, TrainType type, List<SpeedRestriction> restrictions) {
        for (int i = 0; i < restrictions.size(); i++) {
            SpeedRestriction r = restrictions.get(i);
            String field = "restrictions[" + i + "]";
            Line line = r.line(path.network()).orElse(null);
            if (line == null) {
                v.add(field + ".line", "'" + r.lineCode() + "' is not a line of the network");
                continue;
            }
            double lineStart = line.first().km();
            double lineEnd = line.last().km();
            if (r.fromKm() < lineStart || r.toKm() > lineEnd) {
                v.add(
                        field + ".fromKm",
                        "the range " + r.fromKm() + "–" + r.toKm() + " km is outside the line " + lineStart + "–"
                                + lineEnd + " km");
                continue;
            }
            for (Section s : line.sections()) {
                if (r.overlapsKm(s.fromKm(), s.toKm()) && r.speedKmh() >= s.lineSpeedKmh()) {
                    v.add(
                            field + ".speedKmh",
                            r.speedKmh() + " km/h is not below the line speed of " + s.from() + "–" + s.to() + " ("
                                    + s.lineSpeedKmh() + " km/h)");
                    break;
                }
            }
        }
    }
}
