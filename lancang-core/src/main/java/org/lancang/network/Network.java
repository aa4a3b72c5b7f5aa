package org.lancang.network;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The line as a whole: its points in km order, the sections between consecutive points, and its named structures.
 * Immutable; a network that breaks one of the rules in {@link #violations} cannot be built.
 */
public final class Network {
    /** Sane bounds: no railway here is faster, steeper or has more tracks. */
    public static final int MAX_SPEED_KMH = 350;

    public static final double MAX_GRADIENT_PERMILLE = 40.0;
    public static final int MAX_TRACKS = 4;
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final ZoneId LAOS = ZoneId.of("Asia/Vientiane");

    private final List<Point> points;
    private final List<Section> sections;
    private final List<Structure> structures;
    private final Map<String, Integer> indexByCode;

    public Network(List<Point> points, List<Section> sections, List<Structure> structures) {
        List<Violation> found = violations(points, sections, structures);
        if (!found.isEmpty()) {
            throw new IllegalArgumentException(found.get(0).toString());
        }
        this.points = List.copyOf(points);
        this.sections = List.copyOf(sections);
        this.structures = List.copyOf(structures);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            index.put(points.get(i).code(), i);
        }
        this.indexByCode = Map.copyOf(index);
    }

    public List<Point> points() {
        return points;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Structure> structures() {
        return structures;
    }

    public Optional<Point> point(String code) {
        Integer i = code == null ? null : indexByCode.get(code.strip().toUpperCase(Locale.ROOT));
        return i == null ? Optional.empty() : Optional.of(points.get(i));
    }

    /** Position of the point in km order, or -1 when the code is unknown. */
    public int indexOf(String code) {
        Integer i = code == null ? null : indexByCode.get(code.strip().toUpperCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /** The published points only, without the passing loops Lancang assumes. */
    public List<Point> referencePoints() {
        return points.stream().filter(p -> !p.assumed()).toList();
    }

    /** The sections between consecutive published points: sections split by assumed loops joined again. */
    public List<Section> referenceSections() {
        List<Section> out = new ArrayList<>();
        Section open = null;
        for (Section s : sections) {
            open = open == null ? s : open.between(open.from(), s.to(), open.fromKm(), s.toKm());
            if (!point(s.to()).orElseThrow().assumed()) {
                out.add(open);
                open = null;
            }
        }
        return out;
    }

    public double lengthKm() {
        return points.get(points.size() - 1).km() - points.get(0).km();
    }

    /** The border point (exactly one exists). */
    public Point border() {
        return points.stream()
                .filter(p -> p.kind() == PointKind.BORDER)
                .findFirst()
                .orElseThrow();
    }

    /** A rule the network breaks: which list, which element, which field. */
    public record Violation(Subject subject, int index, String field, String problem) {
        @Override
        public String toString() {
            return subject.name().toLowerCase(Locale.ROOT) + " " + (index + 1) + ": field '" + field + "': " + problem;
        }
    }

    public enum Subject {
        POINT,
        SECTION,
        STRUCTURE
    }

    /**
     * Every rule a network must keep: km strictly increasing; each point in its country's time zone; exactly one border
     * point, between the last Chinese point and the first Lao point; sections contiguous from the first point to the
     * last; speeds, gradients and track counts within sane bounds; structures inside the line.
     */
    public static List<Violation> violations(List<Point> points, List<Section> sections, List<Structure> structures) {
        List<Violation> out = new ArrayList<>();
        checkPoints(points, out);
        checkSections(points, sections, out);
        checkStructures(points, structures, out);
        return out;
    }

    private static void checkPoints(List<Point> points, List<Violation> out) {
        if (points.size() < 2) {
            out.add(new Violation(Subject.POINT, 0, "code", "a line needs at least two points"));
            return;
        }
        Set<String> codes = new HashSet<>();
        int borderIndex = -1;
        int lastChina = -1;
        int firstLaos = -1;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!p.code().matches("[A-Z][A-Z0-9]{1,7}")) {
                out.add(new Violation(
                        Subject.POINT, i, "code", "'" + p.code() + "' is not 2–8 capital letters or digits"));
            }
            if (!codes.add(p.code())) {
                out.add(new Violation(Subject.POINT, i, "code", "'" + p.code() + "' appears twice"));
            }
            if (p.names().en().isBlank()) {
                out.add(new Violation(Subject.POINT, i, "name_en", "an English name is required"));
            }
            if (i > 0 && !(p.km() > points.get(i - 1).km())) {
                out.add(new Violation(
                        Subject.POINT,
                        i,
                        "km",
                        p.km() + " is not greater than the previous point's "
                                + points.get(i - 1).km() + " (km must be strictly increasing)"));
            }
            if (p.stationTracks() < 0 || p.stationTracks() > 40) {
                out.add(new Violation(Subject.POINT, i, "station_tracks", p.stationTracks() + " is outside 0 … 40"));
            }
            checkDwell(p, i, out);
            if (p.usefulLengthM() < 0 || p.usefulLengthM() > 2000) {
                out.add(new Violation(Subject.POINT, i, "useful_length_m", p.usefulLengthM() + " is outside 0 … 2000"));
            }
            ZoneId expected = switch (p.country()) {
                case CN, CN_LA -> CHINA;
                case LA -> LAOS;
            };
            if (!p.timeZone().equals(expected)) {
                out.add(new Violation(
                        Subject.POINT,
                        i,
                        "time_zone",
                        p.timeZone() + " is not the zone of " + p.country().code() + " (" + expected + ")"));
            }
            if (p.kind() == PointKind.BORDER) {
                if (borderIndex >= 0) {
                    out.add(new Violation(
                            Subject.POINT,
                            i,
                            "kind",
                            "a second border point (the first is "
                                    + points.get(borderIndex).code() + ")"));
                }
                borderIndex = i;
                if (p.country() != Country.CN_LA) {
                    out.add(new Violation(Subject.POINT, i, "country", "the border point must be CN/LA"));
                }
            } else if (p.country() == Country.CN_LA) {
                out.add(new Violation(Subject.POINT, i, "country", "only the border point is CN/LA"));
            }
            if (p.country() == Country.CN) {
                lastChina = i;
            }
            if (p.country() == Country.LA && firstLaos < 0) {
                firstLaos = i;
            }
        }
        if (borderIndex < 0) {
            out.add(new Violation(Subject.POINT, points.size() - 1, "kind", "no border point"));
        } else if (lastChina > borderIndex) {
            out.add(new Violation(Subject.POINT, lastChina, "country", "a Chinese point after the border"));
        } else if (firstLaos >= 0 && firstLaos < borderIndex) {
            out.add(new Violation(Subject.POINT, firstLaos, "country", "a Lao point before the border"));
        }
    }

    /** A dwell is never negative, and only a point where trains can stand has one. */
    private static void checkDwell(Point p, int i, List<Violation> out) {
        StopDwell d = p.dwell();
        if (d.usual().isNegative()
                || d.firstBorder().isNegative()
                || d.secondBorder().isNegative()) {
            out.add(new Violation(Subject.POINT, i, "usual_dwell_min", "a dwell must not be negative"));
        } else if (!p.canHoldTrains() && (!d.usual().isZero() || d.bordersControl())) {
            out.add(new Violation(
                    Subject.POINT, i, "usual_dwell_min", p.code() + " has no track to stand on, so no dwell"));
        } else if (d.bordersControl()
                && (d.firstBorder().isZero() || d.secondBorder().isZero())) {
            out.add(new Violation(
                    Subject.POINT,
                    i,
                    "border_second_dwell_min",
                    "a border control station needs both the first and the second formalities"));
        }
    }

    private static void checkSections(List<Point> points, List<Section> sections, List<Violation> out) {
        if (sections.size() != points.size() - 1) {
            out.add(new Violation(
                    Subject.SECTION,
                    Math.max(0, sections.size() - 1),
                    "from",
                    sections.size() + " sections for " + points.size()
                            + " points: they must join every consecutive pair"));
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (i < points.size() - 1) {
                Point from = points.get(i);
                Point to = points.get(i + 1);
                if (!s.from().equals(from.code())) {
                    out.add(new Violation(
                            Subject.SECTION,
                            i,
                            "from",
                            "'" + s.from() + "' should be '" + from.code()
                                    + "': sections must be contiguous in km order"));
                } else if (!s.to().equals(to.code())) {
                    out.add(new Violation(
                            Subject.SECTION,
                            i,
                            "to",
                            "'" + s.to() + "' should be '" + to.code() + "': sections must be contiguous in km order"));
                } else if (s.fromKm() != from.km() || s.toKm() != to.km()) {
                    out.add(new Violation(Subject.SECTION, i, "from", "km range does not match its points"));
                }
            }
            if (s.tracks() < 1 || s.tracks() > MAX_TRACKS) {
                out.add(new Violation(Subject.SECTION, i, "tracks", s.tracks() + " is outside 1 … " + MAX_TRACKS));
            }
            if (s.lineSpeedKmh() < 10 || s.lineSpeedKmh() > MAX_SPEED_KMH) {
                out.add(new Violation(
                        Subject.SECTION, i, "line_speed_kmh", s.lineSpeedKmh() + " is outside 10 … " + MAX_SPEED_KMH));
            }
            if (s.locoHauledSpeedKmh() < 10 || s.locoHauledSpeedKmh() > s.lineSpeedKmh()) {
                out.add(new Violation(
                        Subject.SECTION,
                        i,
                        "loco_hauled_speed_kmh",
                        s.locoHauledSpeedKmh() + " is outside 10 … the line speed " + s.lineSpeedKmh()));
            }
            if (s.speedLimitKmh() != 0 && (s.speedLimitKmh() < 10 || s.speedLimitKmh() > s.lineSpeedKmh())) {
                out.add(new Violation(
                        Subject.SECTION,
                        i,
                        "speed_limit_kmh",
                        s.speedLimitKmh() + " is outside 10 … the line speed " + s.lineSpeedKmh()
                                + " (leave it blank where there is no limit)"));
            }
            if (Math.abs(s.gradientPermille()) > MAX_GRADIENT_PERMILLE) {
                out.add(new Violation(
                        Subject.SECTION,
                        i,
                        "gradient_permille",
                        s.gradientPermille() + " is steeper than ±" + MAX_GRADIENT_PERMILLE + " ‰"));
            }
            if (s.isSingleTrack() != (s.block() == BlockType.INTER_STATION)) {
                out.add(
                        new Violation(
                                Subject.SECTION,
                                i,
                                "block",
                                s.block() + " does not fit " + s.tracks()
                                        + " track(s): single track works by inter-station block, double track by automatic block"));
            }
        }
    }

    private static void checkStructures(List<Point> points, List<Structure> structures, List<Violation> out) {
        if (points.isEmpty()) {
            return;
        }
        double start = points.get(0).km();
        double end = points.get(points.size() - 1).km();
        for (int i = 0; i < structures.size(); i++) {
            Structure s = structures.get(i);
            if (!(s.fromKm() < s.toKm())) {
                out.add(new Violation(Subject.STRUCTURE, i, "km_to", "must be greater than km_from"));
            } else if (s.fromKm() < start || s.toKm() > end) {
                out.add(new Violation(Subject.STRUCTURE, i, "km_from", "lies outside the line " + start + " … " + end));
            } else if (Math.abs((s.toKm() - s.fromKm()) * 1000 - s.lengthM()) > Math.max(50, 0.05 * s.lengthM())) {
                out.add(new Violation(
                        Subject.STRUCTURE,
                        i,
                        "length_m",
                        s.lengthM() + " m does not match its km range (" + (s.toKm() - s.fromKm()) + " km)"));
            }
        }
    }
}
