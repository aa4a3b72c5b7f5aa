package org.lancang.timetable.diagram;

import static org.lancang.timetable.diagram.DiagramLayout.BOTTOM_AXIS;
import static org.lancang.timetable.diagram.DiagramLayout.HHMM;
import static org.lancang.timetable.diagram.DiagramLayout.LEFT;
import static org.lancang.timetable.diagram.DiagramLayout.RIGHT;
import static org.lancang.timetable.diagram.DiagramLayout.TOP;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Possession;
import org.lancang.timetable.Resources;

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
    private final DiagramLayout l;
    private final RunningLines live;

    private TimeDistanceDiagram(DiagramLayout layout, RunningLines live) {
        this.l = layout;
        this.live = live;
    }

    /**
     * The diagram of {@code day} (its runs, conflicts) and {@code possessions} over {@code window}, as a complete SVG
     * document (UTF-8 text, about 1500 px wide, as tall as the stretch needs).
     *
     * @throws InvalidInput when the window is wrong, naming the field ({@code from}, {@code to}, {@code hours},
     *     {@code lang}, …)
     */
    public static String svg(Network network, DayPlan day, List<Possession> possessions, DiagramWindow window) {
        return svg(network, new Resources(network, BlockingRules.defaults()), day, possessions, window);
    }

    /** The same, with the resources the day was planned with (so that every blocking time's resource is known). */
    public static String svg(
            Network network, Resources resources, DayPlan day, List<Possession> possessions, DiagramWindow window) {
        return svg(network, resources, day, possessions, window, 1);
    }

    /**
     * The same at a zoom: the plot (time across, distance down) is {@code zoom} times its size at zoom 1, while the
     * text and the margins keep theirs, so that labels stay readable however far the diagram is zoomed in or out.
     *
     * @throws InvalidInput naming {@code zoom} outside 0.25 … 6
     */
    public static String svg(
            Network network,
            Resources resources,
            DayPlan day,
            List<Possession> possessions,
            DiagramWindow window,
            double zoom) {
        return svg(network, resources, day, possessions, window, zoom, RunningLines.NONE);
    }

    /**
     * The same with the day as it runs drawn over the plan (the dispatcher's diagram): actual lines thick, forecast
     * dashed, a proposal dotted, delay badges. With {@link RunningLines#NONE} the document is the planner's, byte for
     * byte.
     */
    public static String svg(
            Network network,
            Resources resources,
            DayPlan day,
            List<Possession> possessions,
            DiagramWindow window,
            double zoom,
            RunningLines live) {
        return svg(network, resources, day, possessions, window, zoom, live, new Operators(List.of()));
    }

    /** The same, naming the trains' operators in the window's language (from {@code operators}) instead of by code. */
    public static String svg(
            Network network,
            Resources resources,
            DayPlan day,
            List<Possession> possessions,
            DiagramWindow window,
            double zoom,
            RunningLines live,
            Operators operators) {
        Objects.requireNonNull(live, "live");
        if (!(zoom >= DiagramLayout.MIN_ZOOM && zoom <= DiagramLayout.MAX_ZOOM)) {
            throw new InvalidInput("zoom", "must be between 0.25 and 6");
        }
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(window, "window");
        window.check(network);
        DiagramLayout layout =
                new DiagramLayout(network, resources, day, possessions == null ? List.of() : possessions, window, zoom);
        layout.operators = Objects.requireNonNull(operators, "operators");
        return new TimeDistanceDiagram(layout, live).draw();
    }

    /** Below this page width (zoomed out) the summary line is left out of the heading. */
    private static final double NARROW = 1200;

    // The parts are drawn in this order, each over the one before: grid and labels, then within the plot possessions,
    // trains and conflicts on top, then the frame, the border and the legend.
    private String draw() {
        Svg body = new Svg();
        new TimeAxis(l).draw(body);
        StationLabels stations = new StationLabels(l);
        stations.draw(body);
        body.open("g", "class", "plot", "clip-path", "url(#ldd-plot)").raw("\n");
        ConflictBoxes boxes = new ConflictBoxes(l);
        boxes.drawPossessions(body);
        TrainLines trains = new TrainLines(l);
        trains.draw(body);
        if (!live.isEmpty()) {
            new LiveLines(l, live).draw(body);
        }
        boxes.drawConflicts(body);
        body.close("g");
        body.rect(LEFT, TOP, l.plotW, l.plotH, "frame");
        stations.drawBorder(body);
        double legendBottom = new Legend(l).draw(body, l.bottom() + BOTTOM_AXIS + 10);
        int trainsDrawn = trains.drawn();
        int conflictsDrawn = boxes.conflictsDrawn();
        int possessionsDrawn = boxes.possessionsDrawn();
        double height = Math.ceil(legendBottom + 16);

        Svg svg = new Svg();
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ldd\" width=\"" + Svg.n(l.width) + "\" height=\""
                + Svg.n(height) + "\" viewBox=\"0 0 " + Svg.n(l.width) + " " + Svg.n(height) + "\" font-family=\""
                + DiagramStyle.FONT
                + "\" font-size=\"12\" role=\"img\" aria-labelledby=\"ldd-title ldd-desc\" data-from=\""
                + Svg.escape(l.stretch.get(0).code()) + "\" data-to=\""
                + Svg.escape(l.stretch.get(l.stretch.size() - 1).code())
                + "\" data-start=\"" + l.start + "\" data-end=\"" + l.end + "\" data-plot-left=\"" + Svg.n(LEFT)
                + "\" data-plot-top=\"" + Svg.n(TOP) + "\" data-zone=\""
                + Svg.escape(l.window.displayZone().getId()) + "\" data-lang=\"" + l.lang + "\">\n");
        svg.element("title", heading(), "id", "ldd-title");
        svg.element(
                "desc",
                caption() + ". "
                        + DiagramText.t(
                                l.lang,
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
        svg.raw(DiagramStyle.STYLE);
        if (!live.isEmpty()) {
            svg.raw(LiveLines.STYLE);
        }
        svg.raw("<defs><pattern id=\"ldd-hatch\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"7\" height=\"7\" fill=\"#fff4d6\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"#c08400\" stroke-width=\"2.2\"/></pattern>"
                + "<clipPath id=\"ldd-plot\"><rect x=\"" + Svg.n(LEFT) + "\" y=\"" + Svg.n(TOP - 6) + "\" width=\""
                + Svg.n(l.plotW) + "\" height=\"" + Svg.n(l.plotH + 12) + "\"/></clipPath></defs>\n");
        svg.rect(0, 0, l.width, height, "bg");
        svg.text(LEFT, 30, "heading", "start", heading());
        svg.text(LEFT, 52, "caption", "start", caption());
        if (l.width >= NARROW) { // narrower, the summary would run into the caption (it is in the description too)
            svg.text(
                    l.width - RIGHT,
                    52,
                    "caption",
                    "end",
                    DiagramText.t(
                            l.lang,
                            "summary",
                            "trains",
                            trainsDrawn,
                            "conflicts",
                            conflictsDrawn,
                            "possessions",
                            possessionsDrawn));
        }
        svg.raw(body.toString());
        svg.raw("</svg>\n");
        return svg.toString();
    }

    private String heading() {
        return DiagramText.t(l.lang, "title") + " · " + l.name(l.stretch.get(0)) + " – "
                + l.name(l.stretch.get(l.stretch.size() - 1));
    }

    /** "2026-12-01 06:00 – 18:00 · All times: Lao time (UTC+7) · Beijing time (UTC+8) = Lao time + 1 h". */
    private String caption() {
        ZonedDateTime s = l.start.atZone(l.window.displayZone());
        ZonedDateTime e = l.end.atZone(l.window.displayZone());
        String period = s.toLocalDate() + " " + s.format(HHMM) + " – "
                + (e.toLocalDate().equals(s.toLocalDate()) ? "" : e.toLocalDate() + " ") + e.format(HHMM);
        String display = DiagramText.zoneName(l.lang, l.window.displayZone(), l.network);
        StringBuilder b = new StringBuilder(period)
                .append(" · ")
                .append(DiagramText.t(
                        l.lang,
                        "timesIn",
                        "zone",
                        display + " ("
                                + utc(
                                        l.window.displayZone().getRules().getOffset(l.start),
                                        l.window.displayZone().getRules().getOffset(l.end))
                                + ")"));
        ZoneOffset shown = l.window.displayZone().getRules().getOffset(l.start);
        Map<String, ZoneOffset> others = new TreeMap<>();
        for (Point p : l.stretch) {
            ZoneOffset o = p.timeZone().getRules().getOffset(l.start);
            if (!o.equals(shown)) {
                others.put(p.timeZone().getId(), o);
            }
        }
        others.forEach((zone, offset) -> {
            int diff = offset.getTotalSeconds() - shown.getTotalSeconds();
            b.append(" · ")
                    .append(DiagramText.t(
                            l.lang,
                            "otherZone",
                            "other",
                            DiagramText.zoneName(l.lang, ZoneId.of(zone), l.network) + " (" + utc(offset, offset) + ")",
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

    static String utc(ZoneOffset o) {
        int total = o.getTotalSeconds();
        if (total == 0) {
            return "UTC";
        }
        int h = Math.abs(total) / 3600;
        int m = Math.abs(total) % 3600 / 60;
        return "UTC" + (total > 0 ? "+" : "−") + h + (m == 0 ? "" : String.format(Locale.ROOT, ":%02d", m));
    }
}
