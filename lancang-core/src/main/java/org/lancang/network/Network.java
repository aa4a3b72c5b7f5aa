package org.lancang.network;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.lancang.errors.InvalidInput;

/**
 * The network as a whole: its {@link Line lines}, each a chain of points in its own km order with the sections between
 * neighbours and its named structures, meeting at junctions (points on more than one line). A network of one line is
 * that line's points, sections and structures. Immutable; a network whose lines break one of the rules in
 * {@link #violations}, or that are not connected through their junctions, cannot be built.
 */
public final class Network {
    /** Sane bounds: no railway here is faster, steeper or has more tracks. */
    public static final int MAX_SPEED_KMH = 350;

    public static final double MAX_GRADIENT_PERMILLE = 40.0;
    public static final int MAX_TRACKS = 4;
    private final NetworkProfile profile;
    private final List<Border> borders;
    private final List<Point> points;
    private final List<Section> sections;
    private final List<Structure> structures;
    private final List<Line> lines;
    private final Map<String, Integer> indexByCode;
    private final Map<String, List<Place>> placesByCode;
    private final Map<String, Country> countryByCode;

    /** Built on first use: most networks read from files are only looked up, never searched for a route. */
    private volatile Routes routes;

    /**
     * A network that describes nothing about itself beyond its points: its countries are those of its points, its
     * borders are derived from its border points (each side's control at the nearest station holding border
     * formalities, fares meeting at the border and at the first passenger station after it), and its service day and
     * feed run on the zone of its first point.
     */
    public Network(List<Point> points, List<Section> sections, List<Structure> structures) {
        this(derivedProfile(points), List.of(), points, sections, structures);
    }

    /**
     * A network with its profile (code, names, service and feed zone, countries) and its borders; a border point that
     * {@code borders} does not describe gets a derived one (see {@link #Network(List, List, List)}).
     */
    public Network(
            NetworkProfile profile,
            List<Border> borders,
            List<Point> points,
            List<Section> sections,
            List<Structure> structures) {
        this(profile, borders, points, List.of(oneLine(profile, points, sections, structures)));
    }

    /**
     * A network of several lines meeting at junctions: {@code points} lists every point once, with its km on its home
     * line; a line lists a junction with its km on that line.
     */
    public Network(NetworkProfile profile, List<Border> borders, List<Point> points, List<Line> lines) {
        for (Line line : lines) {
            List<Violation> found = violations(line.points(), line.sections(), line.structures());
            if (!found.isEmpty()) {
                throw new IllegalArgumentException(
                        (lines.size() > 1 ? "line " + line.code() + ": " : "") + found.get(0));
            }
        }
        List<Violation> joined = junctionProblems(points, lines);
        if (!joined.isEmpty()) {
            throw new IllegalArgumentException(joined.get(0).toString());
        }
        this.profile = profile;
        this.points = List.copyOf(points);
        this.lines = List.copyOf(lines);
        this.sections = lines.stream().flatMap(l -> l.sections().stream()).toList();
        this.structures = lines.stream().flatMap(l -> l.structures().stream()).toList();
        Map<String, List<Place>> places = new HashMap<>();
        for (Line line : lines) {
            for (int i = 0; i < line.points().size(); i++) {
                places.computeIfAbsent(line.points().get(i).code(), c -> new ArrayList<>())
                        .add(new Place(line, i, line.km(i)));
            }
        }
        places.replaceAll((c, l) -> List.copyOf(l));
        this.placesByCode = Map.copyOf(places);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            index.put(points.get(i).code(), i);
        }
        this.indexByCode = Map.copyOf(index);
        Map<String, Country> byCode = new LinkedHashMap<>();
        profile.countries().forEach(c -> byCode.put(c.code(), c));
        points.forEach(p -> byCode.putIfAbsent(p.country().code(), p.country()));
        structures.forEach(s -> byCode.putIfAbsent(s.country().code(), s.country()));
        this.countryByCode = Collections.unmodifiableMap(byCode);
        List<Border> complete = new ArrayList<>();
        for (Line line : this.lines) {
            for (Border b : completeBorders(borders, line.points())) {
                if (complete.stream()
                        .noneMatch(c -> c.point().code().equals(b.point().code()))) {
                    complete.add(b);
                }
            }
        }
        this.borders = List.copyOf(complete);
    }

    /**
     * The routes of this network, built once and shared: every path of every plan searches them, and they remember
     * the ways already found.
     */
    public Routes routes() {
        Routes built = routes;
        if (built == null) {
            built = new Routes(this);
            routes = built; // two threads racing build equal routes: either may be kept
        }
        return built;
    }

    /** The one line of a network read as a single chain: it takes the network's code and names. */
    private static Line oneLine(
            NetworkProfile profile, List<Point> points, List<Section> sections, List<Structure> structures) {
        return new Line(
                profile.code(),
                profile.names(),
                Line.RISING,
                Line.FALLING,
                points,
                sections,
                structures,
                "the network's one line");
    }

    /**
     * Where a point lies on a line: the line, its index there and its km on that line (a junction has one place per
     * line).
     */
    public record Place(Line line, int index, double km) {}

    /**
     * The rules that join lines into one network: every line is connected to the first through junctions, a point on
     * several lines is the same point on each (country, zone, kind), every point of {@code points} lies on a line, and
     * no two sections join the same pair of points (a section is found by its two ends).
     */
    public static List<Violation> junctionProblems(List<Point> points, List<Line> lines) {
        List<Violation> out = new ArrayList<>();
        if (lines.isEmpty()) {
            out.add(new Violation(Subject.LINE, 0, "code", "a network needs at least one line"));
            return out;
        }
        Map<String, Point> seen = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        Set<String> lineCodes = new HashSet<>();
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            if (!lineCodes.add(line.code())) {
                out.add(new Violation(Subject.LINE, l, "code", "'" + line.code() + "' appears twice"));
            }
            for (Point p : line.points()) {
                Point other = seen.putIfAbsent(p.code(), p);
                if (other != null
                        && (!other.country().equals(p.country())
                                || !other.timeZone().equals(p.timeZone())
                                || other.kind() != p.kind())) {
                    out.add(new Violation(
                            Subject.LINE,
                            l,
                            "code",
                            "junction " + p.code() + " must have the same country, zone and kind on every line"));
                }
            }
            for (Section s : line.sections()) {
                String pair = s.from().compareTo(s.to()) < 0 ? s.from() + "-" + s.to() : s.to() + "-" + s.from();
                if (!pairs.add(pair)) {
                    out.add(new Violation(
                            Subject.LINE,
                            l,
                            "code",
                            "a second section joins " + s.from() + " and " + s.to()
                                    + " (a section is found by its two points)"));
                }
            }
        }
        for (int i = 0; i < points.size(); i++) {
            if (!seen.containsKey(points.get(i).code())) {
                out.add(new Violation(Subject.POINT, i, "line", points.get(i).code() + " lies on no line"));
            }
        }
        Set<String> reachedPoints =
                new HashSet<>(lines.get(0).points().stream().map(Point::code).toList());
        Set<Integer> reached = new HashSet<>(List.of(0));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int l = 0; l < lines.size(); l++) {
                Line line = lines.get(l);
                if (!reached.contains(l) && line.points().stream().anyMatch(p -> reachedPoints.contains(p.code()))) {
                    reached.add(l);
                    line.points().forEach(p -> reachedPoints.add(p.code()));
                    grew = true;
                }
            }
        }
        for (int l = 0; l < lines.size(); l++) {
            if (!reached.contains(l)) {
                out.add(new Violation(
                        Subject.LINE,
                        l,
                        "code",
                        "line " + lines.get(l).code() + " shares no junction with line "
                                + lines.get(0).code() + " nor with a line joined to it"));
            }
        }
        return out;
    }

    private static NetworkProfile derivedProfile(List<Point> points) {
        Map<String, Country> countries = new LinkedHashMap<>();
        for (Point p : points) {
            if (!p.country().isShared()) {
                countries.putIfAbsent(p.country().code(), p.country());
            }
        }
        ZoneId zone = points.isEmpty() ? ZoneId.systemDefault() : points.get(0).timeZone();
        return new NetworkProfile(
                "network",
                new Names("Network", "", ""),
                zone,
                zone,
                List.copyOf(countries.values()),
                "derived from the points");
    }

    /** The borders given, and a derived one for every border point they leave out, in km order. */
    private static List<Border> completeBorders(List<Border> given, List<Point> points) {
        List<Border> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.kind() != PointKind.BORDER) {
                continue;
            }
            Optional<Border> described = given.stream()
                    .filter(b -> b.point().code().equals(p.code()))
                    .findFirst();
            out.add(described.orElseGet(() -> derivedBorder(points, p)));
        }
        return out;
    }

    private static Border derivedBorder(List<Point> points, Point border) {
        int at = points.indexOf(border);
        Point before = neighbour(points, at, -1, q -> !q.country().isShared()).orElseThrow();
        Point after = neighbour(points, at, +1, q -> !q.country().isShared()).orElseThrow();
        return new Border(
                border,
                before.country(),
                neighbour(
                                points,
                                at,
                                -1,
                                q -> q.dwell().bordersControl() && q.country().equals(before.country()))
                        .orElse(border),
                after.country(),
                neighbour(
                                points,
                                at,
                                +1,
                                q -> q.dwell().bordersControl() && q.country().equals(after.country()))
                        .orElse(border),
                border,
                neighbour(
                                points,
                                at,
                                +1,
                                q -> q.kind() == PointKind.PASSENGER
                                        && q.country().equals(after.country()))
                        .orElse(border),
                "derived from the points: controls at the nearest border stations, fares meeting at the border and"
                        + " at the first passenger station after it");
    }

    /** The nearest point from {@code at} in direction {@code step} (not crossing another border) that matches. */
    private static Optional<Point> neighbour(List<Point> points, int at, int step, Predicate<Point> matches) {
        for (int i = at + step; i >= 0 && i < points.size(); i += step) {
            Point q = points.get(i);
            if (q.kind() == PointKind.BORDER) {
                return Optional.empty();
            }
            if (matches.test(q)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    public NetworkProfile profile() {
        return profile;
    }

    /** The network's code, unique across the networks served together. */
    public String code() {
        return profile.code();
    }

    /** The zone the service day is counted in: a run's date, the sales day, the maintenance day. */
    public ZoneId serviceZone() {
        return profile.serviceZone();
    }

    /** The zone the network's GTFS feed is written in. */
    public ZoneId feedZone() {
        return profile.feedZone();
    }

    /** The real countries the network runs through (not the shared ones of its borders). */
    public List<Country> countries() {
        return countryByCode.values().stream().filter(c -> !c.isShared()).toList();
    }

    /** The country (or shared border country, {@code A/B}) with this code. */
    public Optional<Country> country(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(countryByCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The borders, in km order; none on a domestic line. */
    public List<Border> borders() {
        return borders;
    }

    /** The border at this border point. */
    public Optional<Border> borderAt(String pointCode) {
        return borders.stream()
                .filter(b -> b.point().code().equalsIgnoreCase(pointCode))
                .findFirst();
    }

    /** What the time of a zone is called, from the countries on that zone's clock. */
    public Optional<Names> timeName(ZoneId zone) {
        return countries().stream()
                .filter(c -> c.timeZone().equals(zone) && !c.timeNames().en().isBlank())
                .map(Country::timeNames)
                .findFirst();
    }

    /** Every point once, with its km on its home line: on a network of one line, that line's points in km order. */
    public List<Point> points() {
        return points;
    }

    /** The lines, the first one the main line. */
    public List<Line> lines() {
        return lines;
    }

    /**
     * The first line, listed first wherever lines are offered (the diagram's picker, the lines' endpoint). It is never
     * where a km range that names no line lies: such a range is placed once at the edge by {@link #lineHoldingKm} or
     * refused (ADR 0033).
     */
    public Line mainLine() {
        return lines.get(0);
    }

    /**
     * The line a km range that names no line lies on, as an edge (a request, a file) resolves it once: the network's
     * one line, or the one line whose km hold the whole range (on Vientiane–Bangkok each km is on one line but the
     * junction's). The same km on two lines is never guessed.
     *
     * @throws InvalidInput naming {@code field} when no one line holds the range, or more than one does
     */
    public Line lineHoldingKm(double fromKm, double toKm, String field) {
        if (lines.size() == 1) {
            return lines.get(0);
        }
        double lo = Math.min(fromKm, toKm);
        double hi = Math.max(fromKm, toKm);
        List<Line> holding = lines.stream()
                .filter(l -> l.first().km() <= lo && hi <= l.last().km())
                .toList();
        if (holding.size() == 1) {
            return holding.get(0);
        }
        String range = lo == hi ? "km " + lo : "km " + lo + "–" + hi;
        throw new InvalidInput(
                field,
                holding.isEmpty()
                        ? range + " is on no one line of the network " + code() + ": name the line"
                        : range + " is on " + holding.stream().map(Line::code).collect(Collectors.joining(" and "))
                                + ": name the line");
    }

    /** The lines holding both points, in the network's order (more than one only where both are junctions). */
    public List<Line> linesHolding(String a, String b) {
        return lines.stream()
                .filter(l -> l.indexOf(a) >= 0 && l.indexOf(b) >= 0)
                .toList();
    }

    /** The network with these sections instead of its own (the same pairs of points, in {@link #sections()} order). */
    public Network withSections(List<Section> replaced) {
        if (replaced.size() != sections.size()) {
            throw new IllegalArgumentException(replaced.size() + " sections for " + sections.size());
        }
        List<Line> out = new ArrayList<>();
        int at = 0;
        for (Line l : lines) {
            List<Section> own = replaced.subList(at, at + l.sections().size());
            at += own.size();
            out.add(new Line(
                    l.code(), l.names(), l.risingName(), l.fallingName(), l.points(), own, l.structures(), l.source()));
        }
        return new Network(profile, borders, points, out);
    }

    /**
     * The line holding both points: the main line when it does, else the first in the network's order; empty when no
     * line holds both (or a code is unknown). The same code twice gives the first line holding that point.
     */
    public Optional<Line> lineHolding(String a, String b) {
        return lines.stream()
                .filter(l -> l.indexOf(a) >= 0 && l.indexOf(b) >= 0)
                .findFirst();
    }

    /** The line with this code. */
    public Optional<Line> line(String code) {
        return lines.stream().filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }

    /** Where the point lies: one place on its line, one per line at a junction; none for an unknown code. */
    public List<Place> places(String code) {
        List<Place> p = code == null ? null : placesByCode.get(code.strip().toUpperCase(Locale.ROOT));
        return p == null ? List.of() : p;
    }

    /** Whether the point lies on more than one line. */
    public boolean isJunction(String code) {
        return places(code).size() > 1;
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

    /** Position of the point in {@link #points()} (km order on a network of one line), or -1 when the code is unknown. */
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

    /** The first border point; see {@link #borders()} for all of them. */
    public Point border() {
        return borders.stream()
                .map(Border::point)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the network crosses no border"));
    }

    /**
     * The borders on a line, in that line's km order: a border lies on the line of its point. On a network of one line,
     * {@link #borders()}.
     */
    public List<Border> borders(Line line) {
        return borders.stream()
                .filter(b -> line.indexOf(b.point().code()) >= 0)
                .sorted(Comparator.comparingDouble(b -> kmOn(line, b)))
                .toList();
    }

    /**
     * The country of a km range on a line: a real country when the range stays on one side of every border of the line
     * (a range ending at a border point counts on the side it comes from), the shared country of the border it crosses
     * otherwise.
     */
    public Country countryOf(Line line, double fromKm, double toKm) {
        List<Border> along = borders(line);
        Country country =
                along.isEmpty() ? line.first().country() : along.get(0).before();
        for (Border b : along) {
            double km = kmOn(line, b);
            if (fromKm < km && toKm > km) {
                return b.point().country();
            }
            if (fromKm >= km) {
                country = b.after();
            }
        }
        return country;
    }

    /**
     * The borders a path crosses, in its order, found by walking it: a border point passed between its ends, or lying
     * between two consecutive points of the path on the line they share. The path is points in travel order (every
     * point passed, or only some, such as the stops).
     */
    public List<Border> bordersCrossed(List<Point> path) {
        List<Border> out = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            String a = path.get(i).code();
            String b = path.get(i + 1).code();
            for (Place pa : places(a)) {
                int j = pa.line().indexOf(b);
                if (j < 0) {
                    continue;
                }
                double from = pa.km();
                double lo = Math.min(from, pa.line().km(j));
                double hi = Math.max(from, pa.line().km(j));
                List<Border> nearestFirst = new ArrayList<>(borders(pa.line()));
                nearestFirst.sort(Comparator.comparingDouble(x -> Math.abs(kmOn(pa.line(), x) - from)));
                for (Border border : nearestFirst) {
                    double km = kmOn(pa.line(), border);
                    boolean between = km > lo && km < hi;
                    boolean passed = i > 0 && border.point().code().equals(a);
                    if ((between || passed) && !out.contains(border)) {
                        out.add(border);
                    }
                }
            }
        }
        return out;
    }

    private static double kmOn(Line line, Border b) {
        return line.km(line.indexOf(b.point().code()));
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
        STRUCTURE,
        LINE
    }

    /**
     * Every rule a network must keep: km strictly increasing; each point in its country's time zone; a border point
     * (in the shared country of both sides) wherever the country changes, and only there; sections contiguous from the first point to the
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
        Country lastCountry = null;
        boolean borderSince = false;
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
            checkZone(points, p, i, out);
            if (p.kind() == PointKind.BORDER) {
                checkBorder(points, p, i, out);
            } else if (p.country().isShared()) {
                out.add(new Violation(
                        Subject.POINT,
                        i,
                        "country",
                        "only a border point lies in two countries (" + p.country() + ")"));
            } else if (lastCountry != null && !lastCountry.equals(p.country()) && !borderSince) {
                out.add(new Violation(
                        Subject.POINT,
                        i,
                        "country",
                        "the line passes from " + lastCountry + " to " + p.country() + " without a border point"));
            }
            if (p.kind() == PointKind.BORDER) {
                borderSince = true;
            } else if (!p.country().isShared()) {
                lastCountry = p.country();
                borderSince = false;
            }
        }
    }

    /** Each point keeps its country's clock; a border point that of one of its two countries. */
    private static void checkZone(List<Point> points, Point p, int i, List<Violation> out) {
        Set<ZoneId> allowed = new HashSet<>();
        allowed.add(p.country().timeZone());
        if (p.country().isShared()) {
            for (Point q : points) {
                if (p.country().members().contains(q.country().code())) {
                    allowed.add(q.country().timeZone());
                }
            }
        }
        if (!allowed.contains(p.timeZone())) {
            out.add(new Violation(
                    Subject.POINT,
                    i,
                    "time_zone",
                    p.timeZone() + " is not the zone of " + p.country().code() + " ("
                            + p.country().timeZone() + ")"));
        }
    }

    /** A border point lies in the shared country of the two countries either side of it. */
    private static void checkBorder(List<Point> points, Point p, int i, List<Violation> out) {
        if (!p.country().isShared()) {
            out.add(new Violation(
                    Subject.POINT, i, "country", "a border point lies in two countries (A/B), not " + p.country()));
            return;
        }
        Optional<Point> before = neighbour(points, i, -1, q -> true);
        Optional<Point> after = neighbour(points, i, +1, q -> true);
        if (before.isEmpty() || after.isEmpty()) {
            out.add(new Violation(Subject.POINT, i, "kind", "a border point needs a point on each side"));
        } else if (before.get().country().equals(after.get().country())
                || !p.country().members().contains(before.get().country().code())
                || !p.country().members().contains(after.get().country().code())) {
            out.add(new Violation(
                    Subject.POINT,
                    i,
                    "country",
                    p.country() + " does not join " + before.get().country() + " (before it) and "
                            + after.get().country() + " (after it)"));
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
