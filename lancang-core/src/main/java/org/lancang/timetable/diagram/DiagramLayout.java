package org.lancang.timetable.diagram;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Possession;
import org.lancang.timetable.Resources;

/**
 * What every part of the diagram shares: the page's measures, the day and window drawn, the line and the stretch of it
 * shown (in the order the window names its ends), and the two scales, time to x and km to y. Every km here is the
 * line's own: a junction lies at its km on this line, and a point off the line has none ({@link #km}).
 */
final class DiagramLayout {
    /** The page's width at zoom 1; zooming widens (or narrows) the plot, never the text or the margins. */
    static final double WIDTH = 1500;

    /** The zooms a diagram can be drawn at: 0.25 to 6 times the plot's size at zoom 1. */
    static final double MIN_ZOOM = 0.25;

    static final double MAX_ZOOM = 6;
    static final double LEFT = 236;
    static final double RIGHT = 64;
    static final double TOP = 104;
    static final double BOTTOM_AXIS = 36;
    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    static final double NAME_GAP = 26;
    static final double STRIP_X = LEFT - 13;

    final Network network;
    final DayPlan day;
    final List<Possession> possessions;
    final DiagramWindow window;
    final String lang;
    /** The line drawn: its km run down the side. */
    final Line line;

    final List<Point> stretch;
    final double topKm;
    final double bottomKm;
    final double loKm;
    final double hiKm;
    final double plotW;
    final double plotH;
    /** The page's width at this zoom. */
    final double width;

    final Instant start;
    final Instant end;
    /** The resources the day's blocking times name, to find out what each one is. */
    final Resources resources;

    private final Map<String, Double> kmOnLine = new HashMap<>();

    /** Who runs the trains, to name them in the reader's language (none known: the code is shown). */
    Operators operators = new Operators(List.of());

    DiagramLayout(
            Network network,
            Resources resources,
            DayPlan day,
            List<Possession> possessions,
            DiagramWindow window,
            double zoom) {
        this.network = network;
        this.resources = resources;
        this.day = day;
        this.possessions = possessions;
        this.window = window;
        this.lang = window.language();
        this.line = window.line(network).orElseThrow();
        for (Point p : line.points()) {
            kmOnLine.put(p.code(), p.km());
        }
        int a = line.indexOf(window.fromCode());
        int b = line.indexOf(window.toCode());
        List<Point> pts = new ArrayList<>(line.points().subList(Math.min(a, b), Math.max(a, b) + 1));
        if (a > b) {
            Collections.reverse(pts);
        }
        this.stretch = List.copyOf(pts);
        this.topKm = pts.get(0).km();
        this.bottomKm = pts.get(pts.size() - 1).km();
        this.loKm = Math.min(topKm, bottomKm);
        this.hiKm = Math.max(topKm, bottomKm);
        this.plotW = (WIDTH - LEFT - RIGHT) * zoom;
        this.plotH = Math.max(420, Math.min(1600, (hiKm - loKm) * 2.2)) * zoom;
        this.width = LEFT + plotW + RIGHT;
        this.start = window.start();
        this.end = window.end();
    }

    /** An operator's name in the diagram's language, or its code when no name is known. */
    String operatorName(Operator operator) {
        Operator o = operators.resolve(operator);
        String name = switch (lang) {
            case "zh" -> o.nameZh();
            case "lo" -> o.nameLo();
            default -> o.nameEn();
        };
        return name == null || name.isBlank() ? operator.code() : name;
    }

    double x(Instant t) {
        return LEFT
                + plotW
                        * Duration.between(start, t).toMillis()
                        / (double) window.length().toMillis();
    }

    double y(double km) {
        return TOP + plotH * (km - topKm) / (bottomKm - topKm);
    }

    double bottom() {
        return TOP + plotH;
    }

    /** The point's km on the line drawn; NaN when the point is not on it (so never {@link #onStretch}). */
    double km(Point p) {
        return kmOnLine.getOrDefault(p.code(), Double.NaN);
    }

    /** The km of the point with this code on the line drawn, or NaN. */
    double km(String code) {
        return kmOnLine.getOrDefault(code, Double.NaN);
    }

    /** Whether the section between these two points is one of the line drawn (neighbours on it). */
    boolean neighbours(Point a, Point b) {
        int i = line.indexOf(a.code());
        int j = line.indexOf(b.code());
        return i >= 0 && j >= 0 && Math.abs(i - j) == 1;
    }

    boolean onStretch(double km) {
        return km >= loKm - 1e-9 && km <= hiKm + 1e-9;
    }

    String name(Point p) {
        return p.names().in(lang);
    }

    /** HH:mm in the axis' zone, with the day difference from the window's first day ("+1"). */
    String clock(Instant t) {
        ZonedDateTime z = t.atZone(window.displayZone());
        LocalDate first = start.atZone(window.displayZone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(first, z.toLocalDate());
        return z.format(HHMM) + (days == 0 ? "" : (days > 0 ? " (+" : " (") + days + ")");
    }
}
