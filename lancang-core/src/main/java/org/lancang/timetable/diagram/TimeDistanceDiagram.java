package org.lancang.timetable.diagram;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lancang.network.KmQuality;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.network.Section;
import org.lancang.runtime.ProfilePoint;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.Possession;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.timetable.conflict.Occupation;

/**
 * The time-distance diagram (graphic timetable) of a day plan as a standalone SVG document, drawn the railway way:
 * distance down the side with the stretch's points as horizontal lines (names at the left in the chosen language, km
 * at the right), time across in one zone's local time (hours labelled along the top and the bottom, 10-minute minor
 * lines), each train a line through its times at every point (steep = fast, level = standing), coloured and dashed by
 * category; conflicts as red boxes over the resource and the overlap; possessions as hatched boxes.
 *
 * <p>A pure function of its inputs: the same plan and window give the same bytes. The groups carry classes and data
 * attributes a web page can use: {@code <g class="train" data-train="D887" data-owner="D887@2026-12-01"
 * data-category="EMU" data-service-date="2026-12-01">}, {@code <g class="conflict" data-resource data-first
 * data-second>}, {@code <g class="possession" data-possession>}; every style rule is scoped to the root's class
 * {@code ldd}, so the document can be put inline into a page.
 */
public final class TimeDistanceDiagram {
    static final double WIDTH = 1500;
    static final double LEFT = 236;
    static final double RIGHT = 64;
    static final double TOP = 104;
    static final double BOTTOM_AXIS = 36;
    static final String FONT = "Noto Sans, Noto Sans CJK SC, Noto Sans Lao, Phetsarath OT, sans-serif";

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final double NAME_GAP = 26;
    private static final double STRIP_X = LEFT - 13;

    private final Network network;
    private final DayPlan day;
    private final List<Possession> possessions;
    private final DiagramWindow window;
    private final String lang;
    private final List<Point> stretch;
    private final double topKm;
    private final double bottomKm;
    private final double loKm;
    private final double hiKm;
    private final double plotW;
    private final double plotH;
    private final Instant start;
    private final Instant end;
    private final Map<String, Integer> blocksPerSection;
    /** The train numbers placed so far: centre x, centre y, width. */
    private final List<double[]> labels = new ArrayList<>();

    private int trainsDrawn;
    private int conflictsDrawn;
    private int possessionsDrawn;

    private TimeDistanceDiagram(Network network, DayPlan day, List<Possession> possessions, DiagramWindow window) {
        this.network = network;
        this.day = day;
        this.possessions = possessions;
        this.window = window;
        this.lang = window.language();
        int a = network.indexOf(window.fromCode());
        int b = network.indexOf(window.toCode());
        List<Point> pts = new ArrayList<>(network.points().subList(Math.min(a, b), Math.max(a, b) + 1));
        if (a > b) {
            Collections.reverse(pts);
        }
        this.stretch = List.copyOf(pts);
        this.topKm = pts.get(0).km();
        this.bottomKm = pts.get(pts.size() - 1).km();
        this.loKm = Math.min(topKm, bottomKm);
        this.hiKm = Math.max(topKm, bottomKm);
        this.plotW = WIDTH - LEFT - RIGHT;
        this.plotH = Math.max(420, Math.min(1600, (hiKm - loKm) * 2.2));
        this.start = window.start();
        this.end = window.end();
        this.blocksPerSection = blocksPerSection(day.occupations());
    }

    /**
     * The diagram of {@code day} (its runs, conflicts) and {@code possessions} over {@code window}, as a complete SVG
     * document (UTF-8 text, about 1500 px wide, as tall as the stretch needs).
     *
     * @throws org.lancang.errors.InvalidInput when the window is wrong, naming the field ({@code from}, {@code to},
     *                                         {@code hours}, {@code lang}, …)
     */
    public static String svg(Network network, DayPlan day, List<Possession> possessions, DiagramWindow window) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(window, "window");
        window.check(network);
        return new TimeDistanceDiagram(network, day, possessions == null ? List.of() : possessions, window).draw();
    }

    // ---------- scales ----------

    private double x(Instant t) {
        return LEFT
                + plotW
                        * Duration.between(start, t).toMillis()
                        / (double) window.length().toMillis();
    }

    private double y(double km) {
        return TOP + plotH * (km - topKm) / (bottomKm - topKm);
    }

    private double bottom() {
        return TOP + plotH;
    }

    private boolean onStretch(double km) {
        return km >= loKm - 1e-9 && km <= hiKm + 1e-9;
    }

    // ---------- document ----------

    private String draw() {
        Svg body = new Svg();
        drawTimeGrid(body);
        drawPoints(body);
        body.open("g", "class", "plot", "clip-path", "url(#ldd-plot)").raw("\n");
        drawPossessions(body);
        drawRuns(body);
        drawConflicts(body);
        body.close("g");
        body.rect(LEFT, TOP, plotW, plotH, "frame");
        drawBorder(body);
        double legendBottom = drawLegend(body, bottom() + BOTTOM_AXIS + 10);
        double height = Math.ceil(legendBottom + 16);

        Svg svg = new Svg();
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ldd\" width=\"" + Svg.n(WIDTH) + "\" height=\""
                + Svg.n(height) + "\" viewBox=\"0 0 " + Svg.n(WIDTH) + " " + Svg.n(height) + "\" font-family=\""
                + FONT + "\" font-size=\"12\" role=\"img\" aria-labelledby=\"ldd-title ldd-desc\" data-from=\""
                + Svg.escape(stretch.get(0).code()) + "\" data-to=\""
                + Svg.escape(stretch.get(stretch.size() - 1).code())
                + "\" data-start=\"" + start + "\" data-end=\"" + end + "\" data-zone=\""
                + Svg.escape(window.displayZone().getId()) + "\" data-lang=\"" + lang + "\">\n");
        svg.element("title", heading(), "id", "ldd-title");
        svg.element(
                "desc",
                caption() + ". "
                        + DiagramText.t(
                                lang,
                                "summary",
                                "trains",
                                trainsDrawn,
                                "conflicts",
                                conflictsDrawn,
                                "possessions",
                                possessionsDrawn)
                        + ".",
                "id",
                "ldd-desc");
        svg.raw(STYLE);
        svg.raw("<defs><pattern id=\"ldd-hatch\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"7\" height=\"7\" fill=\"#fff4d6\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"#c08400\" stroke-width=\"2.2\"/></pattern>"
                + "<clipPath id=\"ldd-plot\"><rect x=\"" + Svg.n(LEFT) + "\" y=\"" + Svg.n(TOP - 6) + "\" width=\""
                + Svg.n(plotW) + "\" height=\"" + Svg.n(plotH + 12) + "\"/></clipPath></defs>\n");
        svg.rect(0, 0, WIDTH, height, "bg");
        svg.text(LEFT, 30, "heading", "start", heading());
        svg.text(LEFT, 52, "caption", "start", caption());
        svg.text(
                WIDTH - RIGHT,
                52,
                "caption",
                "end",
                DiagramText.t(
                        lang,
                        "summary",
                        "trains",
                        trainsDrawn,
                        "conflicts",
                        conflictsDrawn,
                        "possessions",
                        possessionsDrawn));
        svg.raw(body.toString());
        svg.raw("</svg>\n");
        return svg.toString();
    }

    private String heading() {
        return DiagramText.t(lang, "title") + " · " + name(stretch.get(0)) + " – "
                + name(stretch.get(stretch.size() - 1));
    }

    /** "2026-12-01 06:00 – 18:00 · All times: Lao time (UTC+7) · Beijing time (UTC+8) = Lao time + 1 h". */
    private String caption() {
        ZonedDateTime s = start.atZone(window.displayZone());
        ZonedDateTime e = end.atZone(window.displayZone());
        String period = s.toLocalDate() + " " + s.format(HHMM) + " – "
                + (e.toLocalDate().equals(s.toLocalDate()) ? "" : e.toLocalDate() + " ") + e.format(HHMM);
        String display = DiagramText.zoneName(lang, window.displayZone());
        StringBuilder b = new StringBuilder(period)
                .append(" · ")
                .append(DiagramText.t(
                        lang,
                        "timesIn",
                        "zone",
                        display + " ("
                                + utc(
                                        window.displayZone().getRules().getOffset(start),
                                        window.displayZone().getRules().getOffset(end))
                                + ")"));
        ZoneOffset shown = window.displayZone().getRules().getOffset(start);
        Map<String, ZoneOffset> others = new TreeMap<>();
        for (Point p : stretch) {
            ZoneOffset o = p.timeZone().getRules().getOffset(start);
            if (!o.equals(shown)) {
                others.put(p.timeZone().getId(), o);
            }
        }
        others.forEach((zone, offset) -> {
            int diff = offset.getTotalSeconds() - shown.getTotalSeconds();
            b.append(" · ")
                    .append(DiagramText.t(
                            lang,
                            "otherZone",
                            "other",
                            DiagramText.zoneName(lang, ZoneId.of(zone)) + " (" + utc(offset, offset) + ")",
                            "display",
                            display,
                            "diff",
                            (diff > 0 ? "+ " : "− ") + hours(Math.abs(diff))));
        });
        return b.toString();
    }

    private static String hours(int seconds) {
        return seconds % 3600 == 0
                ? String.valueOf(seconds / 3600)
                : String.format(Locale.ROOT, "%.2f", seconds / 3600.0).replaceAll("0+$", "");
    }

    /** UTC+8, UTC+5:30, UTC; "UTC+1 → UTC+2" when the offset changes within the window. */
    static String utc(ZoneOffset a, ZoneOffset b) {
        String s = utc(a);
        return a.equals(b) ? s : s + " → " + utc(b);
    }

    private static String utc(ZoneOffset o) {
        int total = o.getTotalSeconds();
        if (total == 0) {
            return "UTC";
        }
        int h = Math.abs(total) / 3600;
        int m = Math.abs(total) % 3600 / 60;
        return "UTC" + (total > 0 ? "+" : "−") + h + (m == 0 ? "" : String.format(Locale.ROOT, ":%02d", m));
    }

    private String name(Point p) {
        return p.names().in(lang);
    }

    // ---------- time axis ----------

    private void drawTimeGrid(Svg svg) {
        double hours = window.length().toMinutes() / 60.0;
        double pxPerHour = plotW / hours;
        int minorMinutes = pxPerHour / 6 >= 4 ? 10 : pxPerHour / 2 >= 4 ? 30 : 60;
        int labelEvery = 1;
        for (int k : new int[] {1, 2, 3, 4, 6, 12}) {
            labelEvery = k;
            if (pxPerHour * k >= 42) {
                break;
            }
        }
        StringBuilder minor = new StringBuilder();
        StringBuilder half = new StringBuilder();
        StringBuilder hour = new StringBuilder();
        ZonedDateTime first = start.atZone(window.displayZone()).truncatedTo(ChronoUnit.HOURS);
        for (ZonedDateTime t = first;
                t.toInstant().isBefore(end) || t.toInstant().equals(end);
                t = t.plusMinutes(minorMinutes)) {
            if (t.toInstant().isBefore(start)) {
                continue;
            }
            double x = x(t.toInstant());
            StringBuilder d = t.getMinute() == 0 ? hour : t.getMinute() == 30 ? half : minor;
            d.append('M')
                    .append(Svg.n(x))
                    .append(',')
                    .append(Svg.n(TOP))
                    .append('V')
                    .append(Svg.n(bottom()));
            if (t.getMinute() == 0) {
                if (t.getHour() % labelEvery == 0) {
                    String label = t.format(HHMM);
                    svg.text(x, TOP - 8, "time", "middle", label);
                    svg.text(x, bottom() + 16, "time", "middle", label);
                }
                if (t.getHour() == 0) {
                    String anchor = x < LEFT + 40 ? "start" : x > WIDTH - RIGHT - 40 ? "end" : "middle";
                    svg.text(x, TOP - 24, "day", anchor, t.toLocalDate().toString());
                    svg.text(x, bottom() + 30, "day", anchor, t.toLocalDate().toString());
                }
            }
        }
        if (!minor.isEmpty()) {
            svg.empty("path", "class", "grid-10", "d", minor.toString());
        }
        if (!half.isEmpty()) {
            svg.empty("path", "class", "grid-30", "d", half.toString());
        }
        if (!hour.isEmpty()) {
            svg.empty("path", "class", "grid-60", "d", hour.toString());
        }
    }

    // ---------- distance axis ----------

    private String pointClass(Point p) {
        return switch (p.kind()) {
            case PASSENGER -> "station";
            case FREIGHT -> "station freight";
            case PASSING_LOOP -> p.assumed() ? "loop assumed" : "loop";
            case BORDER -> "border";
        };
    }

    private String pointTitle(Point p) {
        String kind = p.assumed()
                ? DiagramText.t(lang, "assumedLoop")
                : DiagramText.t(lang, "kind." + p.kind().name());
        return name(p) + " (" + p.code() + ") · " + kind + (p.assumed() ? " " + DiagramText.t(lang, "assumed") : "")
                + " · " + km(p) + " " + DiagramText.t(lang, "km") + " · " + DiagramText.zoneName(lang, p.timeZone())
                + " (" + utc(p.timeZone().getRules().getOffset(start)) + ")";
    }

    private static String km(Point p) {
        double km = p.km();
        String s = km == Math.rint(km) ? String.valueOf((long) km) : String.format(Locale.ROOT, "%.1f", km);
        return (p.kmQuality() == KmQuality.ESTIMATED ? "~" : "") + s;
    }

    private void drawPoints(Svg svg) {
        // the track: two lines for double track, one thick grey line for single track
        for (int i = 0; i + 1 < stretch.size(); i++) {
            Point a = stretch.get(i);
            Point b = stretch.get(i + 1);
            Section s = network.sections().get(Math.min(network.indexOf(a.code()), network.indexOf(b.code())));
            String title = name(a) + " – " + name(b) + ": "
                    + DiagramText.t(lang, s.isSingleTrack() ? "single" : "double") + ", " + s.lineSpeedKmh() + " km/h";
            svg.open("g", "class", s.isSingleTrack() ? "track single" : "track double")
                    .title(title);
            double y1 = y(a.km());
            double y2 = y(b.km());
            if (s.isSingleTrack()) {
                svg.line(STRIP_X, y1, STRIP_X, y2, "track-single");
            } else {
                svg.line(STRIP_X - 2.5, y1, STRIP_X - 2.5, y2, "track-double");
                svg.line(STRIP_X + 2.5, y1, STRIP_X + 2.5, y2, "track-double");
            }
            svg.close("g");
        }
        // labels spread apart where points lie close together; a leader joins a moved label to its line
        List<Label> labels = new ArrayList<>();
        for (Point p : stretch) {
            labels.add(new Label(p, wrap(name(p)), y(p.km())));
        }
        spread(labels, TOP - 6, bottom() + 6);
        for (Label l : labels) {
            Point p = l.point;
            String cls = pointClass(p);
            double y = y(p.km());
            svg.open("g", "class", "point " + cls, "data-point", p.code()).title(pointTitle(p));
            svg.line(p.kind() == PointKind.BORDER ? LEFT : STRIP_X - 7, y, WIDTH - RIGHT, y, "pt-line " + cls);
            double ly = l.y;
            if (Math.abs(ly - y) > 0.5) {
                svg.empty(
                        "path",
                        "class",
                        "leader",
                        "d",
                        "M" + Svg.n(LEFT - NAME_GAP + 3) + "," + Svg.n(ly) + "L" + Svg.n(STRIP_X - 7) + "," + Svg.n(y));
                svg.empty(
                        "path",
                        "class",
                        "leader",
                        "d",
                        "M" + Svg.n(WIDTH - RIGHT) + "," + Svg.n(y) + "L" + Svg.n(WIDTH - RIGHT + 4) + "," + Svg.n(ly));
            }
            double first = ly + 4 - (l.lines.size() - 1) * 6.5;
            if (l.lines.size() == 1) {
                svg.text(LEFT - NAME_GAP, first, "name " + cls, "end", l.lines.get(0));
            } else {
                svg.open(
                        "text",
                        "class",
                        "name " + cls,
                        "x",
                        Svg.n(LEFT - NAME_GAP),
                        "y",
                        Svg.n(first),
                        "text-anchor",
                        "end");
                for (int i = 0; i < l.lines.size(); i++) {
                    svg.element("tspan", l.lines.get(i), "x", Svg.n(LEFT - NAME_GAP), "dy", i == 0 ? null : "13");
                }
                svg.close("text");
            }
            svg.text(WIDTH - RIGHT + 7, ly + 3.5, "km", "start", km(p));
            svg.close("g");
        }
        svg.text(WIDTH - RIGHT + 7, TOP - 24, "km-head", "start", DiagramText.t(lang, "km"));
    }

    /** A long name broken before its bracket: "China-Laos border" / "(inside Friendship Tunnel)". */
    private static List<String> wrap(String name) {
        int bracket = Math.max(name.indexOf(" ("), name.indexOf("（"));
        if (textWidth(name, 12) > LEFT - NAME_GAP - 16 && bracket > 0) {
            return List.of(
                    name.substring(0, bracket).strip(), name.substring(bracket).strip());
        }
        return List.of(name);
    }

    private static final class Label {
        final Point point;
        final List<String> lines;
        final double target;
        double y;

        Label(Point point, List<String> lines, double target) {
            this.point = point;
            this.lines = lines;
            this.target = target;
            this.y = target;
        }

        double height() {
            return 13.5 * lines.size();
        }
    }

    /**
     * Moves labels apart so none overlaps the next, each as close to its line as it can be: overlapping labels form a
     * block centred on their lines, blocks that then overlap merge (labels are ordered by their lines).
     */
    static void spread(List<Label> labels, double min, double max) {
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort((a, b) -> Double.compare(a.target, b.target));
        List<List<Label>> blocks = new ArrayList<>();
        List<Double> tops = new ArrayList<>();
        for (Label l : sorted) {
            List<Label> block = new ArrayList<>(List.of(l));
            double top = l.target - l.height() / 2;
            while (!blocks.isEmpty()) {
                List<Label> prev = blocks.get(blocks.size() - 1);
                double prevTop = tops.get(tops.size() - 1);
                if (prevTop + height(prev) <= top) {
                    break;
                }
                blocks.remove(blocks.size() - 1);
                tops.remove(tops.size() - 1);
                prev.addAll(block);
                block = prev;
                top = idealTop(block);
            }
            blocks.add(block);
            tops.add(top);
        }
        // keep the whole column inside [min, max] where it fits
        for (int i = 0; i < blocks.size(); i++) {
            double top = tops.get(i);
            double h = height(blocks.get(i));
            top = Math.max(min, Math.min(top, max - h));
            tops.set(i, top);
        }
        for (int i = 0; i < blocks.size(); i++) {
            double y = tops.get(i);
            for (Label l : blocks.get(i)) {
                l.y = y + l.height() / 2;
                y += l.height();
            }
        }
    }

    private static double height(List<Label> block) {
        return block.stream().mapToDouble(Label::height).sum();
    }

    private static double idealTop(List<Label> block) {
        double sum = 0;
        double offset = 0;
        for (Label l : block) {
            sum += l.target - (offset + l.height() / 2);
            offset += l.height();
        }
        return sum / block.size();
    }

    private void drawBorder(Svg svg) {
        for (Point p : stretch) {
            if (p.kind() != PointKind.BORDER) {
                continue;
            }
            boolean chinaAbove = topKm < bottomKm;
            double y = y(p.km());
            String above = DiagramText.t(lang, chinaAbove ? "china" : "laos");
            String below = DiagramText.t(lang, chinaAbove ? "laos" : "china");
            svg.open("g", "class", "countries")
                    .title(DiagramText.t(lang, "kind.BORDER") + ": " + DiagramText.t(lang, "china") + " | "
                            + DiagramText.t(lang, "laos"));
            svg.text(WIDTH - RIGHT - 6, y - 5, "country", "end", "▲ " + above);
            svg.text(WIDTH - RIGHT - 6, y + 14, "country", "end", "▼ " + below);
            svg.close("g");
        }
    }

    // ---------- trains ----------

    /** A corner of a train's line: when, where, and whether it is a timetable point (not a profile sample). */
    private record Vertex(Instant t, double km, boolean node) {}

    private void drawRuns(Svg svg) {
        for (ScheduledRun run : day.runs()) {
            List<Vertex> all = vertices(run);
            if (all.size() < 2) {
                continue;
            }
            Instant first = all.get(0).t();
            Instant last = all.get(all.size() - 1).t();
            if (!last.isAfter(start) || !first.isBefore(end)) {
                continue; // outside the window
            }
            drawRun(svg, run, trim(all));
            trainsDrawn++;
        }
    }

    /** The train's line within the stretch: arrival and departure at every point, profile samples in between. */
    private List<Vertex> vertices(ScheduledRun run) {
        List<PointTime> times = run.run().times();
        List<ProfilePoint> profile =
                run.run().physics() == null ? List.of() : run.run().physics().profile();
        double originKm = times.get(0).point().km();
        double direction = Math.signum(times.get(times.size() - 1).point().km() - originKm);
        List<Vertex> out = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            PointTime pt = times.get(i);
            if (!onStretch(pt.point().km())) {
                continue;
            }
            if (i > 0 && !out.isEmpty()) {
                out.addAll(legSamples(run, profile, times.get(i - 1), pt, originKm, direction));
            }
            Instant arr = run.at(pt.arrival());
            Instant dep = run.at(pt.departure());
            out.add(new Vertex(arr, pt.point().km(), true));
            if (dep.isAfter(arr)) {
                out.add(new Vertex(dep, pt.point().km(), true));
            }
        }
        return out;
    }

    /**
     * The shape of the run between two points from the speed profile (acceleration and braking curves, speed
     * limits), fitted exactly to the timetable's departure and arrival, then thinned to what shows at this scale.
     */
    private List<Vertex> legSamples(
            ScheduledRun run, List<ProfilePoint> profile, PointTime a, PointTime b, double originKm, double direction) {
        if (profile.size() < 2) {
            return List.of();
        }
        double pa = a.positionM();
        double pb = b.positionM();
        int lo = lastAtOrBefore(profile, pa);
        int hi = firstAtOrAfter(profile, pb);
        if (lo < 0 || hi < 0 || hi - lo < 2) {
            return List.of();
        }
        double ta = profile.get(lo).timeS();
        double tb = profile.get(hi).timeS();
        if (!(tb > ta)) {
            return List.of();
        }
        Instant dep = run.at(a.departure());
        double legMs = Duration.between(dep, run.at(b.arrival())).toMillis();
        List<double[]> pts = new ArrayList<>(); // x, y, km, ms from dep
        pts.add(new double[] {x(dep), y(a.point().km()), a.point().km(), 0});
        for (int k = lo + 1; k < hi; k++) {
            ProfilePoint p = profile.get(k);
            if (p.positionM() <= pa || p.positionM() >= pb) {
                continue;
            }
            double ms = (p.timeS() - ta) / (tb - ta) * legMs;
            double km = originKm + direction * p.positionM() / 1000.0;
            Instant t = dep.plusMillis(Math.round(ms));
            pts.add(new double[] {x(t), y(km), km, Math.round(ms)});
        }
        Instant arr = run.at(b.arrival());
        pts.add(new double[] {x(arr), y(b.point().km()), b.point().km(), legMs});
        boolean[] keep = new boolean[pts.size()];
        keep[0] = true;
        keep[pts.size() - 1] = true;
        simplify(pts, 0, pts.size() - 1, 0.35, keep);
        List<Vertex> out = new ArrayList<>();
        for (int k = 1; k < pts.size() - 1; k++) {
            if (keep[k]) {
                out.add(new Vertex(dep.plusMillis((long) pts.get(k)[3]), pts.get(k)[2], false));
            }
        }
        return out;
    }

    private static int lastAtOrBefore(List<ProfilePoint> profile, double positionM) {
        int found = -1;
        int lo = 0;
        int hi = profile.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (profile.get(mid).positionM() <= positionM + 1e-6) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private static int firstAtOrAfter(List<ProfilePoint> profile, double positionM) {
        int found = -1;
        int lo = 0;
        int hi = profile.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (profile.get(mid).positionM() >= positionM - 1e-6) {
                found = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    /** Douglas–Peucker in pixels: keeps the samples that stand out from the straight line by more than tol. */
    private static void simplify(List<double[]> pts, int from, int to, double tol, boolean[] keep) {
        if (to - from < 2) {
            return;
        }
        double[] a = pts.get(from);
        double[] b = pts.get(to);
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = Math.hypot(dx, dy);
        int worst = -1;
        double worstDist = tol;
        for (int k = from + 1; k < to; k++) {
            double[] p = pts.get(k);
            double d = len == 0
                    ? Math.hypot(p[0] - a[0], p[1] - a[1])
                    : Math.abs(dx * (a[1] - p[1]) - dy * (a[0] - p[0])) / len;
            if (d > worstDist) {
                worstDist = d;
                worst = k;
            }
        }
        if (worst >= 0) {
            keep[worst] = true;
            simplify(pts, from, worst, tol, keep);
            simplify(pts, worst, to, tol, keep);
        }
    }

    /** Only the part of the line that reaches into the window, one corner beyond each edge (the clip does the rest). */
    private List<Vertex> trim(List<Vertex> all) {
        int from = 0;
        while (from + 1 < all.size() && !all.get(from + 1).t().isAfter(start)) {
            from++;
        }
        int to = all.size() - 1;
        while (to - 1 > from && !all.get(to - 1).t().isBefore(end)) {
            to--;
        }
        return all.subList(from, to + 1);
    }

    private void drawRun(Svg svg, ScheduledRun run, List<Vertex> vs) {
        String number = run.plan().number();
        String category = run.run().type().category().name();
        svg.open(
                "g",
                "class",
                "train",
                "data-train",
                number,
                "data-owner",
                run.owner(),
                "data-category",
                category,
                "data-service-date",
                run.serviceDate().toString());
        svg.title(trainTitle(run));
        StringBuilder d = new StringBuilder();
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (Vertex v : vs) {
            String xs = Svg.n(x(v.t()));
            String ys = Svg.n(y(v.km()));
            double xv = Double.parseDouble(xs);
            double yv = Double.parseDouble(ys);
            if (xv == lastX && yv == lastY) {
                continue;
            }
            d.append(d.isEmpty() ? "M" : "L").append(xs).append(',').append(ys);
            lastX = xv;
            lastY = yv;
        }
        if (d.indexOf("L") < 0) {
            // a moment too short to show: a dot-sized line so the train can still be seen and clicked
            d.append("h1");
        }
        svg.empty("path", "class", "hit", "d", d.toString());
        svg.empty("path", "class", "run", "d", d.toString());
        double[] label = labelPlace(vs, number);
        if (label != null) {
            svg.element(
                    "text",
                    number,
                    "class",
                    "number",
                    "transform",
                    "translate(" + Svg.n(label[0]) + "," + Svg.n(label[1]) + ") rotate(" + Svg.n(label[2]) + ")",
                    "x",
                    "0",
                    "y",
                    "-4",
                    "text-anchor",
                    "middle");
        }
        svg.close("g");
    }

    /**
     * Where the train number goes: along a piece of running (between two timetable points) that shows inside the
     * window and is long enough for the number, turned along the line; among those, one whose place is not taken by
     * another train's number yet, near the middle of what shows of the line. If no piece is long enough, the longest.
     * Null if nothing of the line is inside.
     */
    private double[] labelPlace(List<Vertex> vs, String number) {
        List<Vertex> nodes = vs.stream().filter(Vertex::node).toList();
        double minX = LEFT + 4;
        double maxX = WIDTH - RIGHT - 4;
        double need = textWidth(number, 10.5) + 12;
        List<double[]> pieces = new ArrayList<>(); // mid x, mid y, angle, length, running (1/0)
        for (int i = 0; i + 1 < nodes.size(); i++) {
            double x1 = x(nodes.get(i).t());
            double y1 = y(nodes.get(i).km());
            double x2 = x(nodes.get(i + 1).t());
            double y2 = y(nodes.get(i + 1).km());
            if (x2 <= minX || x1 >= maxX || x2 - x1 < 1e-9) {
                continue;
            }
            // clip to the plot's width
            double f1 = x1 < minX ? (minX - x1) / (x2 - x1) : 0;
            double f2 = x2 > maxX ? (maxX - x1) / (x2 - x1) : 1;
            double cx1 = x1 + f1 * (x2 - x1);
            double cy1 = y1 + f1 * (y2 - y1);
            double cx2 = x1 + f2 * (x2 - x1);
            double cy2 = y1 + f2 * (y2 - y1);
            pieces.add(new double[] {
                (cx1 + cx2) / 2,
                (cy1 + cy2) / 2,
                Math.toDegrees(Math.atan2(cy2 - cy1, cx2 - cx1)),
                Math.hypot(cx2 - cx1, cy2 - cy1),
                y1 == y2 ? 0 : 1
            });
        }
        if (pieces.isEmpty()) {
            return null;
        }
        double middle = (pieces.get(0)[0] + pieces.get(pieces.size() - 1)[0]) / 2;
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double[] p : pieces) {
            if (p[3] < need || p[4] == 0) {
                continue;
            }
            double score = -0.05 * Math.abs(p[0] - middle) - (p[1] < TOP + 10 || p[1] > bottom() - 10 ? 50 : 0);
            for (double[] other : labels) {
                if (Math.abs(other[0] - p[0]) < (other[2] + need) / 2 && Math.abs(other[1] - p[1]) < 24) {
                    score -= 200;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = p;
            }
        }
        if (best == null) {
            for (double[] p : pieces) {
                double length = p[3] * (p[4] == 0 ? 0.25 : 1); // running before standing
                if (best == null || length > best[3] * (best[4] == 0 ? 0.25 : 1)) {
                    best = p;
                }
            }
        }
        labels.add(new double[] {best[0], best[1], need});
        return new double[] {best[0], best[1], best[2]};
    }

    private String trainTitle(ScheduledRun run) {
        List<PointTime> times = run.run().times();
        StringBuilder b = new StringBuilder();
        b.append(run.plan().number())
                .append(" · ")
                .append(run.plan().trainType())
                .append(" · ")
                .append(DiagramText.t(lang, "cat." + run.run().type().category().name()))
                .append(" · ")
                .append(run.plan().operator().name())
                .append('\n')
                .append(name(times.get(0).point()))
                .append(" → ")
                .append(name(times.get(times.size() - 1).point()))
                .append(" · ")
                .append(DiagramText.t(lang, "serviceDate", "date", run.serviceDate()))
                .append('\n')
                .append(DiagramText.zoneName(lang, window.displayZone()))
                .append(" (")
                .append(utc(window.displayZone().getRules().getOffset(run.departure())))
                .append("):");
        List<PointTime> shown = new ArrayList<>();
        for (PointTime t : times) {
            if (onStretch(t.point().km())) {
                shown.add(t);
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            PointTime t = shown.get(i);
            boolean firstOrLast = i == 0 || i == shown.size() - 1;
            boolean dwell = t.departure().compareTo(t.arrival()) > 0;
            if (!firstOrLast && !dwell && !t.stops()) {
                continue;
            }
            b.append('\n').append(name(t.point())).append(' ');
            Instant arr = run.at(t.arrival());
            Instant dep = run.at(t.departure());
            boolean origin = t == times.get(0);
            boolean destination = t == times.get(times.size() - 1);
            if (dwell || (origin && destination)) {
                b.append(DiagramText.t(lang, "arr"))
                        .append(' ')
                        .append(clock(arr))
                        .append(", ")
                        .append(DiagramText.t(lang, "dep"))
                        .append(' ')
                        .append(clock(dep));
            } else if (origin) {
                b.append(DiagramText.t(lang, "dep")).append(' ').append(clock(dep));
            } else if (destination || t.stops()) {
                b.append(DiagramText.t(lang, "arr")).append(' ').append(clock(arr));
            } else {
                b.append(DiagramText.t(lang, "pass")).append(' ').append(clock(arr));
            }
        }
        return b.toString();
    }

    /** HH:mm in the axis' zone, with the day difference from the window's first day ("+1"). */
    private String clock(Instant t) {
        ZonedDateTime z = t.atZone(window.displayZone());
        LocalDate first = start.atZone(window.displayZone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(first, z.toLocalDate());
        return z.format(HHMM) + (days == 0 ? "" : (days > 0 ? " (+" : " (") + days + ")");
    }

    // ---------- conflicts and possessions ----------

    /** How many blocks each double-track section has, read from the blocking times (the highest index used + 1). */
    private static Map<String, Integer> blocksPerSection(List<Occupation> occupations) {
        Map<String, Integer> out = new TreeMap<>();
        for (Occupation o : occupations) {
            String[] parts = o.resource().split(":");
            if (parts.length == 4 && parts[0].equals("BLOCK")) {
                try {
                    out.merge(parts[1], Integer.parseInt(parts[3]) + 1, Math::max);
                } catch (NumberFormatException e) {
                    // not a block index: the whole section stands for it
                }
            }
        }
        return out;
    }

    /** A resource's km range {lo, hi} and what it is in words, or null if the diagram does not know it. */
    private Object[] resource(String id) {
        String[] parts = id.split(":");
        if (parts.length >= 2 && (parts[0].equals("LINE") || parts[0].equals("BLOCK"))) {
            String[] ends = parts[1].split("-");
            if (ends.length != 2) {
                return null;
            }
            Point a = network.point(ends[0]).orElse(null);
            Point b = network.point(ends[1]).orElse(null);
            if (a == null || b == null) {
                return null;
            }
            double lo = Math.min(a.km(), b.km());
            double hi = Math.max(a.km(), b.km());
            if (parts[0].equals("LINE")) {
                return new Object[] {lo, hi, DiagramText.t(lang, "res.line", "from", name(a), "to", name(b))};
            }
            int index = -1;
            try {
                index = parts.length >= 4 ? Integer.parseInt(parts[3]) : -1;
            } catch (NumberFormatException e) {
                index = -1;
            }
            int n = blocksPerSection.getOrDefault(parts[1], 0);
            if (index >= 0 && index < n) {
                double step = (hi - lo) / n;
                double blo = lo + index * step;
                hi = lo + (index + 1) * step;
                lo = blo;
            }
            boolean increasing = parts.length >= 3 && parts[2].equals("S");
            List<Point> all = network.points();
            Point towards = increasing ? all.get(all.size() - 1) : all.get(0);
            return new Object[] {
                lo,
                hi,
                DiagramText.t(
                        lang, "res.block", "n", index + 1, "from", name(a), "to", name(b), "towards", name(towards))
            };
        }
        if (parts.length >= 2 && parts[0].equals("TRACK")) {
            Point p = network.point(parts[1]).orElse(null);
            if (p == null) {
                return null;
            }
            return new Object[] {
                p.km(),
                p.km(),
                DiagramText.t(lang, "res.track", "n", parts.length >= 3 ? parts[2] : "?", "station", name(p))
            };
        }
        return null;
    }

    /** A train owner "D887@2026-12-01" as "D887 (2026-12-01)"; a possession id as it is. */
    private static String owner(String owner) {
        int at = owner.indexOf('@');
        return at < 0 ? owner : owner.substring(0, at) + " (" + owner.substring(at + 1) + ")";
    }

    private void drawConflicts(Svg svg) {
        for (Conflict c : day.conflicts()) {
            if (!c.to().isAfter(start) || !c.from().isBefore(end)) {
                continue;
            }
            Object[] r = resource(c.resource());
            if (r == null) {
                continue;
            }
            double lo = (double) r[0];
            double hi = (double) r[1];
            boolean band = lo == hi;
            if (band ? !onStretch(lo) : !(hi > loKm && lo < hiKm)) {
                continue;
            }
            double ya = y(Math.max(lo, loKm));
            double yb = y(Math.min(hi, hiKm));
            double top = Math.min(ya, yb) - (band ? 5 : 0);
            double h = Math.abs(yb - ya) + (band ? 10 : 0);
            double x1 = x(c.from());
            double x2 = x(c.to());
            if (x2 - x1 < 5) {
                double mid = (x1 + x2) / 2;
                x1 = mid - 2.5;
                x2 = mid + 2.5;
            }
            String title = DiagramText.t(lang, "conflictOn", "resource", r[2] + " (" + c.resource() + ")") + "\n"
                    + owner(c.first()) + " × " + owner(c.second()) + "\n" + clock(c.from()) + " – " + clock(c.to())
                    + " " + DiagramText.zoneName(lang, window.displayZone());
            svg.open(
                    "g",
                    "class",
                    "conflict",
                    "data-resource",
                    c.resource(),
                    "data-first",
                    c.first(),
                    "data-second",
                    c.second(),
                    "data-possession",
                    c.possessionInvolved() ? "true" : "false");
            svg.title(title);
            svg.rect(x1, top, x2 - x1, h, "box");
            svg.close("g");
            conflictsDrawn++;
        }
    }

    private void drawPossessions(Svg svg) {
        for (Possession p : possessions) {
            if (!p.end().isAfter(start) || !p.start().isBefore(end)) {
                continue;
            }
            Point a = network.point(p.fromPoint()).orElse(null);
            Point b = network.point(p.toPoint()).orElse(null);
            if (a == null || b == null) {
                continue;
            }
            double lo = Math.min(a.km(), b.km());
            double hi = Math.max(a.km(), b.km());
            boolean band = lo == hi;
            if (band ? !onStretch(lo) : !(hi > loKm && lo < hiKm)) {
                continue;
            }
            double ya = y(Math.max(lo, loKm));
            double yb = y(Math.min(hi, hiKm));
            double top = Math.min(ya, yb) - (band ? 6 : 0);
            double h = Math.abs(yb - ya) + (band ? 12 : 0);
            double x1 = Math.max(x(p.start()), LEFT - 2);
            double x2 = Math.min(x(p.end()), WIDTH - RIGHT + 2);
            String title = DiagramText.t(lang, "possessionOf", "id", p.id(), "from", name(a), "to", name(b)) + "\n"
                    + clock(p.start()) + " – " + clock(p.end()) + " " + DiagramText.zoneName(lang, window.displayZone())
                    + (p.description().isBlank() ? "" : "\n" + p.description());
            svg.open("g", "class", "possession", "data-possession", p.id());
            svg.title(title);
            svg.rect(x1, top, x2 - x1, h, "box");
            if (x2 - x1 > textWidth(p.id(), 10.5) + 10 && h >= 14) {
                svg.text(x1 + 4, top + 12, "label", "start", p.id());
            }
            svg.close("g");
            possessionsDrawn++;
        }
    }

    // ---------- legend ----------

    /** Draws the legend from {@code top}; returns its bottom. */
    private double drawLegend(Svg svg, double top) {
        List<String[]> items = new ArrayList<>();
        items.add(new String[] {"EMU", DiagramText.t(lang, "cat.EMU")});
        items.add(new String[] {"LOCO_HAULED", DiagramText.t(lang, "cat.LOCO_HAULED")});
        items.add(new String[] {"FREIGHT", DiagramText.t(lang, "cat.FREIGHT")});
        items.add(new String[] {"conflict", DiagramText.t(lang, "conflict")});
        items.add(new String[] {"possession", DiagramText.t(lang, "possession")});
        items.add(new String[] {"station", DiagramText.t(lang, "kind.PASSENGER")});
        items.add(new String[] {"loop", DiagramText.t(lang, "kind.PASSING_LOOP")});
        items.add(new String[] {"assumed", DiagramText.t(lang, "assumedLoop")});
        items.add(new String[] {"border", DiagramText.t(lang, "kind.BORDER")});
        items.add(new String[] {"double", DiagramText.t(lang, "double")});
        items.add(new String[] {"single", DiagramText.t(lang, "single")});
        double x = LEFT;
        double y = top;
        svg.open("g", "class", "legend").raw("\n");
        for (String[] item : items) {
            double w = 30 + 6 + textWidth(item[1], 11) + 22;
            if (x + w > WIDTH - RIGHT && x > LEFT) {
                x = LEFT;
                y += 20;
            }
            double cy = y + 8;
            switch (item[0]) {
                case "EMU", "LOCO_HAULED", "FREIGHT" ->
                    svg.open("g", "class", "train-key", "data-category", item[0])
                            .line(x, cy, x + 30, cy, "run")
                            .close("g");
                case "conflict" ->
                    svg.open("g", "class", "conflict-key")
                            .rect(x + 4, cy - 6, 22, 12, "box")
                            .close("g");
                case "possession" ->
                    svg.open("g", "class", "possession-key")
                            .rect(x + 4, cy - 6, 22, 12, "box")
                            .close("g");
                case "station" -> svg.line(x, cy, x + 30, cy, "pt-line station");
                case "loop" -> svg.line(x, cy, x + 30, cy, "pt-line loop");
                case "assumed" -> svg.line(x, cy, x + 30, cy, "pt-line loop assumed");
                case "border" -> svg.line(x, cy, x + 30, cy, "pt-line border");
                case "double" ->
                    svg.line(x + 12.5, cy - 7, x + 12.5, cy + 7, "track-double")
                            .line(x + 17.5, cy - 7, x + 17.5, cy + 7, "track-double");
                default -> svg.line(x + 15, cy - 7, x + 15, cy + 7, "track-single");
            }
            svg.text(x + 36, cy + 4, "legend-text", "start", item[1]);
            x += w;
        }
        svg.close("g");
        return y + 18;
    }

    /** A rough width of a text in px: wide for Chinese, narrow for Latin and Lao. */
    static double textWidth(String s, double size) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x2E80) {
                w += size;
            } else if (c >= 0x0E80 && c <= 0x0EFF) {
                w += size * 0.5;
            } else {
                w += size * 0.56;
            }
        }
        return w;
    }

    private static final String STYLE = "<style>\n"
            + ".ldd text{font-family:" + FONT + "}\n"
            + ".ldd .bg{fill:#fff}.ldd .frame{fill:none;stroke:#6b7785;stroke-width:1}\n"
            + ".ldd .grid-10{stroke:#eef1f4;stroke-width:1}.ldd .grid-30{stroke:#dde3e9;stroke-width:1}"
            + ".ldd .grid-60{stroke:#aeb8c3;stroke-width:1}\n"
            + ".ldd .heading{font-size:16px;font-weight:700;fill:#1b2633}.ldd .caption{font-size:12px;fill:#3b4756}\n"
            + ".ldd .time{font-size:10.5px;fill:#3b4756}.ldd .day{font-size:10.5px;font-weight:700;fill:#1b2633}\n"
            + ".ldd .pt-line{stroke:#5b6672;stroke-width:1;fill:none}.ldd .pt-line.loop{stroke:#98a2ad;stroke-width:.7}\n"
            + ".ldd .pt-line.assumed{stroke-dasharray:4 3}.ldd .pt-line.freight{stroke:#5b6672}\n"
            + ".ldd .pt-line.border{stroke:#c62828;stroke-width:1.4;stroke-dasharray:9 4}\n"
            + ".ldd .name{font-size:12px;font-weight:600;fill:#1b2633}.ldd .name.freight{fill:#7a4410}\n"
            + ".ldd .name.loop{font-size:11px;font-weight:400;fill:#556172}.ldd .name.assumed{font-style:italic}\n"
            + ".ldd .name.border{font-size:11px;font-weight:400;fill:#b42318}\n"
            + ".ldd .km,.ldd .km-head{font-size:10.5px;fill:#556172}.ldd .leader{stroke:#aab4bf;stroke-width:.7;fill:none}\n"
            + ".ldd .track-double{stroke:#3b4756;stroke-width:1.3}.ldd .track-single{stroke:#98a2ad;stroke-width:4}\n"
            + ".ldd .country{font-size:11px;font-weight:700;fill:#b42318;paint-order:stroke;stroke:#fff;stroke-width:3px}\n"
            + ".ldd .train{cursor:pointer}.ldd .train .hit{fill:none;stroke:transparent;stroke-width:9;"
            + "pointer-events:stroke}\n"
            + ".ldd .run{fill:none;stroke-width:1.6;stroke-linejoin:round;stroke-linecap:round}\n"
            + ".ldd [data-category=EMU] .run{stroke:#1f5fbf}\n"
            + ".ldd [data-category=LOCO_HAULED] .run{stroke:#1a7f37;stroke-dasharray:10 3;stroke-linecap:butt}\n"
            + ".ldd [data-category=FREIGHT] .run{stroke:#b35900;stroke-dasharray:6 2.5 1.5 2.5;stroke-linecap:butt}\n"
            + ".ldd .number{font-size:10.5px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px;"
            + "stroke-linejoin:round}\n"
            + ".ldd [data-category=EMU] .number{fill:#1f5fbf}.ldd [data-category=LOCO_HAULED] .number{fill:#1a7f37}"
            + ".ldd [data-category=FREIGHT] .number{fill:#a35200}\n"
            + ".ldd .train:hover .run,.ldd .train:focus .run,.ldd .train.selected .run{stroke-width:3.4}\n"
            + ".ldd .train:focus{outline:none}.ldd .train.selected .number{font-size:12px}\n"
            + ".ldd .conflict .box,.ldd .conflict-key .box{fill:#e5342a;fill-opacity:.3;stroke:#c62828;stroke-width:1.5}\n"
            + ".ldd .conflict.selected .box{fill-opacity:.55;stroke-width:3}\n"
            + ".ldd .possession .box,.ldd .possession-key .box{fill:url(#ldd-hatch);fill-opacity:.85;stroke:#a36a00;"
            + "stroke-width:1}\n"
            + ".ldd .possession .label{font-size:10.5px;font-weight:600;fill:#6b4500;paint-order:stroke;stroke:#fff4d6;"
            + "stroke-width:3px}\n"
            + ".ldd .legend-text{font-size:11px;fill:#1b2633}\n"
            + "</style>\n";
}
