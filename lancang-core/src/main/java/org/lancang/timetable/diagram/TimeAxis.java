package org.lancang.timetable.diagram;

import static org.lancang.timetable.diagram.DiagramLayout.HHMM;
import static org.lancang.timetable.diagram.DiagramLayout.LEFT;
import static org.lancang.timetable.diagram.DiagramLayout.RIGHT;
import static org.lancang.timetable.diagram.DiagramLayout.TOP;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The time axis: hours along the top and the bottom in the window's zone, with 10-minute minor lines. */
final class TimeAxis {
    private final DiagramLayout l;

    TimeAxis(DiagramLayout layout) {
        this.l = layout;
    }

    void draw(Svg svg) {
        double hours = l.window.length().toMinutes() / 60.0;
        double pxPerHour = l.plotW / hours;
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
        ZonedDateTime first = l.start.atZone(l.window.displayZone()).truncatedTo(ChronoUnit.HOURS);
        for (ZonedDateTime t = first;
                t.toInstant().isBefore(l.end) || t.toInstant().equals(l.end);
                t = t.plusMinutes(minorMinutes)) {
            if (t.toInstant().isBefore(l.start)) {
                continue;
            }
            double x = l.x(t.toInstant());
            StringBuilder d = t.getMinute() == 0 ? hour : t.getMinute() == 30 ? half : minor;
            d.append('M')
                    .append(Svg.n(x))
                    .append(',')
                    .append(Svg.n(TOP))
                    .append('V')
                    .append(Svg.n(l.bottom()));
            if (t.getMinute() == 0) {
                if (t.getHour() % labelEvery == 0) {
                    String label = t.format(HHMM);
                    svg.text(x, TOP - 8, "time", "middle", label);
                    svg.text(x, l.bottom() + 16, "time", "middle", label);
                }
                if (t.getHour() == 0) {
                    String anchor = x < LEFT + 40 ? "start" : x > l.width - RIGHT - 40 ? "end" : "middle";
                    svg.text(x, TOP - 24, "day", anchor, t.toLocalDate().toString());
                    svg.text(x, l.bottom() + 30, "day", anchor, t.toLocalDate().toString());
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
}
