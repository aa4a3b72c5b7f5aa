package org.lancang.timetable.diagram;

import static org.lancang.timetable.diagram.DiagramLayout.LEFT;
import static org.lancang.timetable.diagram.DiagramLayout.RIGHT;

import java.util.ArrayList;
import java.util.List;

/** The legend below the plot: what each kind of train line, a conflict box and a possession look like. */
final class Legend {
    private final DiagramLayout l;

    Legend(DiagramLayout layout) {
        this.l = layout;
    }

    /** Draws the legend from {@code top}; returns its bottom. */
    double draw(Svg svg, double top) {
        List<String[]> items = new ArrayList<>();
        items.add(new String[] {"EMU", DiagramText.t(l.lang, "cat.EMU")});
        items.add(new String[] {"LOCO_HAULED", DiagramText.t(l.lang, "cat.LOCO_HAULED")});
        items.add(new String[] {"FREIGHT", DiagramText.t(l.lang, "cat.FREIGHT")});
        items.add(new String[] {"conflict", DiagramText.t(l.lang, "conflict")});
        items.add(new String[] {"possession", DiagramText.t(l.lang, "possession")});
        items.add(new String[] {"station", DiagramText.t(l.lang, "kind.PASSENGER")});
        items.add(new String[] {"loop", DiagramText.t(l.lang, "kind.PASSING_LOOP")});
        items.add(new String[] {"assumed", DiagramText.t(l.lang, "assumedLoop")});
        items.add(new String[] {"border", DiagramText.t(l.lang, "kind.BORDER")});
        items.add(new String[] {"double", DiagramText.t(l.lang, "double")});
        items.add(new String[] {"single", DiagramText.t(l.lang, "single")});
        double x = LEFT;
        double y = top;
        svg.open("g", "class", "legend").raw("\n");
        for (String[] item : items) {
            double w = 30 + 6 + DiagramStyle.textWidth(item[1], 11) + 22;
            if (x + w > l.width - RIGHT && x > LEFT) {
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
}
