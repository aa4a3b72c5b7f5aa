package org.lancang.timetable.diagram;

import java.util.Locale;
import org.lancang.network.Point;
import org.lancang.timetable.diagram.RunningLines.At;
import org.lancang.timetable.diagram.RunningLines.DelayBadge;
import org.lancang.timetable.diagram.RunningLines.Line;

/** The running lines, delay badges and border holds over the plan (the dispatcher's diagram); nothing at all when there are none. */
final class LiveLines {
    /** Their style rules, added to the document only when there is something to draw. */
    static final String STYLE = "<style>\n"
            + ".ldd .live{fill:none;stroke-linejoin:round;stroke-linecap:round;pointer-events:none}\n"
            + ".ldd .live.actual{stroke:#102a43;stroke-width:3.6}\n"
            + ".ldd .live.forecast{stroke:#d9480f;stroke-width:2;stroke-dasharray:7 4;stroke-linecap:butt}\n"
            + ".ldd .live.proposal{stroke:#7b2cbf;stroke-width:2.4;stroke-dasharray:1.5 4}\n"
            + ".ldd .delay-badge rect{fill:#fff3bf;stroke:#d9480f;stroke-width:1}"
            + ".ldd .delay-badge.late rect{fill:#ffe3e3;stroke:#c92a2a}\n"
            + ".ldd .delay-badge text{font-size:10.5px;font-weight:700;fill:#7a1f00}\n"
            + ".ldd .hold-marker rect{fill:#c92a2a;stroke:#fff;stroke-width:1.2}"
            + ".ldd .hold-marker text{font-size:10px;font-weight:700;fill:#fff}\n"
            + "</style>\n";

    /** A delay under this many seconds is shown as on time (no badge): a minute is a timetable's resolution. */
    static final long SHOWN_FROM = 60;

    /** From this delay the badge turns red. */
    static final long LATE = 15 * 60;

    private final DiagramLayout l;
    private final RunningLines lines;

    LiveLines(DiagramLayout layout, RunningLines lines) {
        this.l = layout;
        this.lines = lines;
    }

    void draw(Svg svg) {
        for (Line line : lines.lines()) {
            StringBuilder d = new StringBuilder();
            int n = 0;
            for (At at : line.times()) {
                Point p = l.network.point(at.point()).orElse(null);
                if (p == null || !l.onStretch(l.km(p))) {
                    continue;
                }
                d.append(n == 0 ? "M" : " L")
                        .append(Svg.n(l.x(at.at())))
                        .append(',')
                        .append(Svg.n(l.y(l.km(p))));
                n++;
            }
            if (n < 2) {
                continue;
            }
            String kind = line.kind().name().toLowerCase(Locale.ROOT);
            svg.empty(
                    "path",
                    "class",
                    "live " + kind,
                    "d",
                    d.toString(),
                    "data-train",
                    line.train(),
                    "data-run",
                    line.run(),
                    "data-kind",
                    kind);
        }
        for (DelayBadge badge : lines.badges()) {
            Point p = l.network.point(badge.where().point()).orElse(null);
            if (p == null || !l.onStretch(l.km(p)) || Math.abs(badge.delaySeconds()) < SHOWN_FROM) {
                continue;
            }
            double x = l.x(badge.where().at());
            if (x < DiagramLayout.LEFT || x > DiagramLayout.LEFT + l.plotW) {
                continue;
            }
            long minutes = Math.round(badge.delaySeconds() / 60.0);
            String text = badge.train() + " " + (minutes > 0 ? "+" : "−") + Math.abs(minutes) + "′";
            double w = DiagramStyle.textWidth(text, 10.5) + 8;
            double y = l.y(l.km(p)) - 16;
            svg.open(
                    "g",
                    "class",
                    "delay-badge" + (badge.delaySeconds() >= LATE ? " late" : ""),
                    "data-train",
                    badge.train(),
                    "data-run",
                    badge.run(),
                    "data-delay-seconds",
                    String.valueOf(badge.delaySeconds()));
            svg.rect(x + 4, y - 11, w, 15, null);
            svg.text(x + 8, y, null, "start", text);
            svg.close("g");
        }
        for (RunningLines.HoldMarker hold : lines.holds()) {
            drawHold(svg, hold);
        }
    }

    /** A red square with an H where the held train waits, its title saying why (a pointer shows it). */
    private void drawHold(Svg svg, RunningLines.HoldMarker hold) {
        Point p = l.network.point(hold.where().point()).orElse(null);
        if (p == null || !l.onStretch(l.km(p))) {
            return;
        }
        // a hold is drawn even when its forecast departure is past the window's right edge: it pins to the edge
        double x = Math.min(Math.max(l.x(hold.where().at()), DiagramLayout.LEFT), DiagramLayout.LEFT + l.plotW);
        double y = l.y(l.km(p));
        String title = DiagramText.t(
                l.lang,
                "hold",
                "train",
                hold.train(),
                "station",
                l.name(p),
                "time",
                l.clock(hold.where().at()));
        if (!hold.reason().isBlank()) {
            title += " — " + hold.reason();
        }
        svg.open(
                "g",
                "class",
                "hold-marker",
                "data-train",
                hold.train(),
                "data-run",
                hold.run(),
                "data-point",
                p.code());
        svg.title(title);
        svg.rect(x - 7, y - 7, 14, 14, null);
        svg.text(x, y + 3.5, null, "middle", DiagramText.t(l.lang, "holdMark"));
        svg.close("g");
    }
}
