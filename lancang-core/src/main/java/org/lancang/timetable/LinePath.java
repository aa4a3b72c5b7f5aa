package org.lancang.timetable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.network.CategoryLimit;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.network.Routes;
import org.lancang.network.Section;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.TrackProfile;

/**
 * A train's way over the network from one point to another: one or more legs, each a stretch of one line in either
 * direction of its km; the points it passes in travel order, each at its distance from the start in metres; and the
 * track profile (speed limits and gradients as the train meets them) that the running-time physics needs. A km names a
 * place only together with its line, so positions are asked for by line and km.
 */
public final class LinePath {
    /**
     * A stretch of one line: from point {@code fromIndex} to point {@code toIndex} of the line (either way), starting
     * {@code startM} metres along the path.
     */
    public record Leg(Line line, int fromIndex, int toIndex, double startM) {
        /** Whether the leg runs towards rising km on its line. */
        public boolean rising() {
            return toIndex > fromIndex;
        }

        public double fromKm() {
            return line.km(fromIndex);
        }

        public double toKm() {
            return line.km(toIndex);
        }

        public double lengthM() {
            return Math.abs(toKm() - fromKm()) * 1000.0;
        }

        public double endM() {
            return startM + lengthM();
        }

        /** Whether a km of the leg's line lies on the leg (its ends included). */
        public boolean containsKm(double km) {
            return km >= Math.min(fromKm(), toKm()) && km <= Math.max(fromKm(), toKm());
        }

        /** Distance from the start of the path of a km of the leg's line, clamped to the leg. */
        public double positionOf(double km) {
            double m = (rising() ? km - fromKm() : fromKm() - km) * 1000.0;
            return startM + Math.max(0, Math.min(lengthM(), m));
        }
    }

    private final Network network;
    private final List<Leg> legs;
    private final List<Point> points;
    private final List<Section> sections;
    private final int[] legOfSection;
    private final double[] positionsM;

    /**
     * Point indices by code, exact and ignoring case (the first point that matches, as a scan would find it): the
     * blocking times ask a path for both ends of every line resource of the network, most of them not on the path.
     */
    private final Map<String, Integer> indexByCode;

    private final Map<String, Integer> indexIgnoringCase;

    private LinePath(Network network, Route route) {
        this.network = network;
        List<Leg> legList = new ArrayList<>();
        List<Point> pts = new ArrayList<>();
        List<Section> secs = new ArrayList<>();
        List<Integer> legOf = new ArrayList<>();
        List<Double> positions = new ArrayList<>();
        double startM = 0;
        for (Route.Leg st : route.legs()) {
            Leg leg = new Leg(st.line(), st.fromIndex(), st.toIndex(), startM);
            legList.add(leg);
            Line line = st.line();
            int step = leg.rising() ? 1 : -1;
            for (int i = st.fromIndex(); ; i += step) {
                if (pts.isEmpty() || i != st.fromIndex()) {
                    Point p = line.points().get(i);
                    pts.add(network.point(p.code()).orElse(p));
                    positions.add(startM + Math.abs(line.km(i) - leg.fromKm()) * 1000.0);
                }
                if (i == st.toIndex()) {
                    break;
                }
                secs.add(line.sections().get(leg.rising() ? i : i - 1));
                legOf.add(legList.size() - 1);
            }
            startM = leg.endM();
        }
        this.legs = List.copyOf(legList);
        this.points = List.copyOf(pts);
        this.sections = List.copyOf(secs);
        this.legOfSection = legOf.stream().mapToInt(Integer::intValue).toArray();
        this.positionsM = positions.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Integer> exact = new HashMap<>();
        Map<String, Integer> anyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < points.size(); i++) {
            exact.putIfAbsent(points.get(i).code(), i);
            anyCase.putIfAbsent(points.get(i).code(), i);
        }
        this.indexByCode = exact;
        this.indexIgnoringCase = anyCase;
    }

    /** The path along a route's legs. */
    public static LinePath of(Network network, Route route) {
        return new LinePath(network, route);
    }

    /** The path between two points; the codes are checked and named in the error as {@code fromField}/{@code toField}. */
    public static LinePath between(Network network, String from, String to, String fromField, String toField) {
        return between(network, from, to, List.of(), fromField, toField);
    }

    /**
     * The path along the shortest route between two points through the junctions of {@code via} ({@link Routes}); the
     * codes are checked and named in the error as {@code fromField}/{@code toField}, the route's refusals as
     * {@code via}.
     */
    public static LinePath between(
            Network network, String from, String to, List<String> via, String fromField, String toField) {
        int f = network.indexOf(from);
        int t = network.indexOf(to);
        List<FieldError> errors = new ArrayList<>();
        if (f < 0) {
            errors.add(new FieldError(fromField, "'" + from + "' is not a point of the line"));
        }
        if (t < 0) {
            errors.add(new FieldError(toField, "'" + to + "' is not a point of the line"));
        }
        if (errors.isEmpty() && f == t) {
            errors.add(new FieldError(toField, "must differ from " + fromField));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String f0 = network.points().get(f).code();
        String t0 = network.points().get(t).code();
        try {
            return new LinePath(network, network.routes().between(f0, t0, via));
        } catch (InvalidInput e) {
            String field = e.field().equals("to") ? toField : e.field();
            throw new InvalidInput(field, e.errors().get(0).message());
        }
    }

    public static LinePath between(Network network, String from, String to) {
        return between(network, from, to, "from", "to");
    }

    public Network network() {
        return network;
    }

    /** The points in travel order, origin first. */
    public List<Point> points() {
        return points;
    }

    /** The sections in travel order; section i joins points i and i+1. */
    public List<Section> sections() {
        return sections;
    }

    public Point origin() {
        return points.get(0);
    }

    public Point destination() {
        return points.get(points.size() - 1);
    }

    /** The legs in travel order: one on a path that stays on one line. */
    public List<Leg> legs() {
        return legs;
    }

    /** The leg that section {@code sectionIndex} of the path belongs to. */
    public Leg legOf(int sectionIndex) {
        return legs.get(legOfSection[sectionIndex]);
    }

    /** Whether the train runs over section {@code sectionIndex} of the path towards rising km on its line. */
    public boolean rising(int sectionIndex) {
        return legOf(sectionIndex).rising();
    }

    /** The direction the train has at path point {@code pointIndex}: that of the section it leaves by (arrives by, last). */
    public boolean risingAt(int pointIndex) {
        return rising(Math.min(pointIndex, sections.size() - 1));
    }

    public double lengthM() {
        return positionsM[positionsM.length - 1];
    }

    public double positionM(int pointIndex) {
        return positionsM[pointIndex];
    }

    /** Index of the point in this path, or -1. */
    public int indexOf(String code) {
        Integer exact = indexByCode.get(code);
        if (exact != null) {
            return exact; // the usual case, cheaper than ignoring case
        }
        Integer anyCase = indexIgnoringCase.get(code);
        return anyCase != null ? anyCase : -1;
    }

    /**
     * Distance from the start of the path of a km of {@code line}: on the leg of that line whose km range holds it, or
     * clamped to the nearest leg of that line.
     */
    public double positionOf(Line line, double km) {
        Leg nearest = null;
        double gap = Double.MAX_VALUE;
        for (Leg leg : legs) {
            if (!leg.line().code().equals(line.code())) {
                continue;
            }
            if (leg.containsKm(km)) {
                return leg.positionOf(km);
            }
            double d = Math.min(Math.abs(km - leg.fromKm()), Math.abs(km - leg.toKm()));
            if (d < gap) {
                gap = d;
                nearest = leg;
            }
        }
        if (nearest == null) {
            throw new IllegalArgumentException("the path does not run on line " + line.code());
        }
        return nearest.positionOf(km);
    }

    /** Whether a km of {@code line} lies on this path. */
    public boolean containsKm(Line line, double km) {
        for (Leg leg : legs) {
            if (leg.line().code().equals(line.code()) && leg.containsKm(km)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Speed limits (the section's line speed for EMUs, the locomotive-hauled speed otherwise, lowered to the section's
     * permanent limit where it has one, and lower still where a limit binds the train's category or type over part of
     * it) and gradients, as the train meets them: a gradient that rises with its line's km falls for a train running
     * towards falling km.
     */
    public TrackProfile trackProfile(TrainType type) {
        TrackProfile.Builder b = TrackProfile.builder(lengthM());
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            double from = positionsM[i];
            double to = positionsM[i + 1];
            int speed = s.limited(type.category().usesLocoHauledSpeed() ? s.locoHauledSpeedKmh() : s.lineSpeedKmh());
            addPieces(b, legOf(i), s, type, from, to, speed);
            b.gradient(from, to, rising(i) ? s.gradientPermille() : -s.gradientPermille());
        }
        return b.build();
    }

    /**
     * The section's speed from {@code from} to {@code to} (metres along the path), cut where a limit for the type's
     * category starts or ends; each piece takes the lowest limit that covers it.
     */
    private static void addPieces(
            TrackProfile.Builder b, Leg leg, Section s, TrainType type, double from, double to, int speed) {
        List<CategoryLimit> binding = new ArrayList<>();
        for (CategoryLimit l : s.categoryLimits()) {
            if (l.speedKmh() < speed && l.binds(type.category().name(), type.code())) {
                binding.add(l);
            }
        }
        if (binding.isEmpty()) {
            b.speedLimitKmh(from, to, speed);
            return;
        }
        TreeSet<Double> cuts = new TreeSet<>(List.of(from, to));
        for (CategoryLimit l : binding) {
            cuts.add(leg.positionOf(l.fromKm()));
            cuts.add(leg.positionOf(l.toKm()));
        }
        Double a = cuts.first();
        for (Double c = cuts.higher(a); c != null; a = c, c = cuts.higher(c)) {
            double mid = (a + c) / 2;
            int piece = speed;
            for (CategoryLimit l : binding) {
                double p = leg.positionOf(l.fromKm());
                double q = leg.positionOf(l.toKm());
                if (mid > Math.min(p, q) && mid < Math.max(p, q)) {
                    piece = Math.min(piece, l.speedKmh());
                }
            }
            b.speedLimitKmh(a, c, piece);
        }
    }
}
