package org.lancang.timetable.diagram;

import static org.lancang.timetable.diagram.DiagramLayout.LEFT;
import static org.lancang.timetable.diagram.DiagramLayout.NAME_GAP;
import static org.lancang.timetable.diagram.DiagramLayout.RIGHT;
import static org.lancang.timetable.diagram.DiagramLayout.STRIP_X;
import static org.lancang.timetable.diagram.DiagramLayout.TOP;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lancang.network.Border;
import org.lancang.network.KmQuality;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.network.Section;

/**
 * The distance axis: the stretch's points as horizontal lines, their names at the left in the chosen language (spread
 * so that close stations do not overlap) and their km at the right, and the border drawn across.
 */
final class StationLabels {
    private final DiagramLayout l;

    StationLabels(DiagramLayout layout) {
        this.l = layout;
    }

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
                ? DiagramText.t(l.lang, "assumedLoop")
                : DiagramText.t(l.lang, "kind." + p.kind().name());
        return l.name(p) + " (" + p.code() + ") · " + kind + (p.assumed() ? " " + DiagramText.t(l.lang, "assumed") : "")
                + " · " + km(p) + " " + DiagramText.t(l.lang, "km") + " · "
                + DiagramText.zoneName(l.lang, p.timeZone(), l.network)
                + " (" + TimeDistanceDiagram.utc(p.timeZone().getRules().getOffset(l.start)) + ")";
    }

    private static String km(Point p) {
        double km = p.km();
        String s = km == Math.rint(km) ? String.valueOf((long) km) : String.format(Locale.ROOT, "%.1f", km);
        return (p.kmQuality() == KmQuality.ESTIMATED ? "~" : "") + s;
    }

    void draw(Svg svg) {
        // the track: two lines for double track, one thick grey line for single track
        for (int i = 0; i + 1 < l.stretch.size(); i++) {
            Point a = l.stretch.get(i);
            Point b = l.stretch.get(i + 1);
            Section s = l.line.sections().get(Math.min(l.line.indexOf(a.code()), l.line.indexOf(b.code())));
            String title = l.name(a) + " – " + l.name(b) + ": "
                    + DiagramText.t(l.lang, s.isSingleTrack() ? "single" : "double") + ", " + s.lineSpeedKmh()
                    + " km/h";
            svg.open("g", "class", s.isSingleTrack() ? "track single" : "track double")
                    .title(title);
            double y1 = l.y(a.km());
            double y2 = l.y(b.km());
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
        for (Point p : l.stretch) {
            labels.add(new Label(p, wrap(l.name(p)), l.y(p.km())));
        }
        spread(labels, TOP - 6, l.bottom() + 6);
        for (Label label : labels) {
            Point p = label.point;
            String cls = pointClass(p);
            double y = l.y(p.km());
            svg.open("g", "class", "point " + cls, "data-point", p.code()).title(pointTitle(p));
            svg.line(p.kind() == PointKind.BORDER ? LEFT : STRIP_X - 7, y, l.width - RIGHT, y, "pt-line " + cls);
            double ly = label.y;
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
                        "M" + Svg.n(l.width - RIGHT) + "," + Svg.n(y) + "L" + Svg.n(l.width - RIGHT + 4) + ","
                                + Svg.n(ly));
            }
            double first = ly + 4 - (label.lines.size() - 1) * 6.5;
            if (label.lines.size() == 1) {
                svg.text(LEFT - NAME_GAP, first, "name " + cls, "end", label.lines.get(0));
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
                for (int i = 0; i < label.lines.size(); i++) {
                    svg.element("tspan", label.lines.get(i), "x", Svg.n(LEFT - NAME_GAP), "dy", i == 0 ? null : "13");
                }
                svg.close("text");
            }
            svg.text(l.width - RIGHT + 7, ly + 3.5, "km", "start", km(p));
            svg.close("g");
        }
        svg.text(l.width - RIGHT + 7, TOP - 24, "km-head", "start", DiagramText.t(l.lang, "km"));
    }

    /** A long name broken before its bracket: "China-Laos border" / "(inside Friendship Tunnel)". */
    private static List<String> wrap(String name) {
        int bracket = Math.max(name.indexOf(" ("), name.indexOf("（"));
        if (DiagramStyle.textWidth(name, 12) > LEFT - NAME_GAP - 16 && bracket > 0) {
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

    /** Each border's two countries, as the network's data names them, on their own side of the border line. */
    void drawBorder(Svg svg) {
        for (Point p : l.stretch) {
            if (p.kind() != PointKind.BORDER) {
                continue;
            }
            Optional<Border> border = l.network.borderAt(p.code());
            if (border.isEmpty()) {
                continue;
            }
            String lowKm = border.get().before().names().in(l.lang);
            String highKm = border.get().after().names().in(l.lang);
            // the side of lower km is drawn at the top when the km run downwards
            boolean lowKmAbove = l.topKm < l.bottomKm;
            double y = l.y(p.km());
            svg.open("g", "class", "countries")
                    .title(DiagramText.t(l.lang, "kind.BORDER") + ": " + lowKm + " | " + highKm);
            svg.text(l.width - RIGHT - 6, y - 5, "country", "end", "▲ " + (lowKmAbove ? lowKm : highKm));
            svg.text(l.width - RIGHT - 6, y + 14, "country", "end", "▼ " + (lowKmAbove ? highKm : lowKm));
            svg.close("g");
        }
    }
}
