package org.lancang.timetable;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.network.CategoryLimit;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Section;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.TrackProfile;

/**
 * A train's way along the line from one point to another, in either direction: the points it passes in travel order,
 * each at its distance from the start in metres, and the track profile (speed limits and gradients as the train meets
 * them) that the running-time physics needs.
 */
public final class LinePath {
    private final Network network;
    private final List<Point> points;
    private final List<Section> sections;
    private final double[] positionsM;
    private final boolean increasingKm;

    private LinePath(Network network, int fromIndex, int toIndex) {
        this.network = network;
        this.increasingKm = toIndex > fromIndex;
        List<Point> pts = new ArrayList<>();
        List<Section> secs = new ArrayList<>();
        int step = increasingKm ? 1 : -1;
        for (int i = fromIndex; ; i += step) {
            pts.add(network.points().get(i));
            if (i == toIndex) {
                break;
            }
            secs.add(network.sections().get(increasingKm ? i : i - 1));
        }
        this.points = List.copyOf(pts);
        this.sections = List.copyOf(secs);
        this.positionsM = new double[pts.size()];
        double startKm = pts.get(0).km();
        for (int i = 0; i < pts.size(); i++) {
            positionsM[i] = Math.abs(pts.get(i).km() - startKm) * 1000.0;
        }
    }

    /** The path between two points; the codes are checked and named in the error as {@code fromField}/{@code toField}. */
    public static LinePath between(Network network, String from, String to, String fromField, String toField) {
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
        return new LinePath(network, f, t);
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

    /** Whether the train runs towards increasing km (southbound, Kunming → Vientiane). */
    public boolean increasingKm() {
        return increasingKm;
    }

    public double lengthM() {
        return positionsM[positionsM.length - 1];
    }

    public double positionM(int pointIndex) {
        return positionsM[pointIndex];
    }

    /** Index of the point in this path, or -1. */
    public int indexOf(String code) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).code().equals(code)) {
                return i; // the usual case, cheaper than ignoring case
            }
        }
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).code().equalsIgnoreCase(code)) {
                return i;
            }
        }
        return -1;
    }

    /** Distance from the start of the path of a km of the line (clamped to the path). */
    public double positionOfKm(double km) {
        double m = (increasingKm ? km - origin().km() : origin().km() - km) * 1000.0;
        return Math.max(0, Math.min(lengthM(), m));
    }

    /** Whether a km of the line lies on this path. */
    public boolean containsKm(double km) {
        double lo = Math.min(origin().km(), destination().km());
        double hi = Math.max(origin().km(), destination().km());
        return km >= lo && km <= hi;
    }

    /**
     * Speed limits (the section's line speed for EMUs, the locomotive-hauled speed otherwise, lowered to the section's
     * permanent limit where it has one, and lower still where a limit binds the train's category or type over part of
     * it) and gradients, as the train meets them: a gradient that rises with km falls for a northbound train.
     */
    public TrackProfile trackProfile(TrainType type) {
        TrackProfile.Builder b = TrackProfile.builder(lengthM());
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            double from = positionsM[i];
            double to = positionsM[i + 1];
            int speed = s.limited(type.category().usesLocoHauledSpeed() ? s.locoHauledSpeedKmh() : s.lineSpeedKmh());
            addPieces(b, s, type, from, to, speed);
            b.gradient(from, to, increasingKm ? s.gradientPermille() : -s.gradientPermille());
        }
        return b.build();
    }

    /**
     * The section's speed from {@code from} to {@code to} (metres along the path), cut where a limit for the type's
     * category starts or ends; each piece takes the lowest limit that covers it.
     */
    private void addPieces(TrackProfile.Builder b, Section s, TrainType type, double from, double to, int speed) {
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
            cuts.add(positionOfKm(l.fromKm()));
            cuts.add(positionOfKm(l.toKm()));
        }
        Double a = cuts.first();
        for (Double c = cuts.higher(a); c != null; a = c, c = cuts.higher(c)) {
            double mid = (a + c) / 2;
            int piece = speed;
            for (CategoryLimit l : binding) {
                double p = positionOfKm(l.fromKm());
                double q = positionOfKm(l.toKm());
                if (mid > Math.min(p, q) && mid < Math.max(p, q)) {
                    piece = Math.min(piece, l.speedKmh());
                }
            }
            b.speedLimitKmh(a, c, piece);
        }
    }
}
