package org.lancang.timetable.diagram;

import static org.lancang.timetable.diagram.DiagramLayout.LEFT;
import static org.lancang.timetable.diagram.DiagramLayout.RIGHT;

import java.util.Optional;
import org.lancang.network.Point;
import org.lancang.timetable.Possession;
import org.lancang.timetable.Resources;
import org.lancang.timetable.Resources.Resource;
import org.lancang.timetable.conflict.Conflict;

/**
 * Conflicts as red boxes over the resource and the time the two owners overlap on it; possessions as hatched boxes
 * over their stretch and time.
 */
final class ConflictBoxes {
    private final DiagramLayout l;

    private int conflictsDrawn;
    private int possessionsDrawn;

    ConflictBoxes(DiagramLayout layout) {
        this.l = layout;
    }

    int conflictsDrawn() {
        return conflictsDrawn;
    }

    int possessionsDrawn() {
        return possessionsDrawn;
    }

    /** Where a resource lies along the line (from km {@code lo} to {@code hi}) and what it is, in words. */
    private record Place(double lo, double hi, String words) {}

    /** The resource a blocking time names, found among the day's resources; empty if the diagram does not know it. */
    private Optional<Place> place(String id) {
        return l.resources.find(id).map(this::place);
    }

    /** Where a resource lies on the line drawn; a resource of another line lies nowhere on it (NaN km). */
    private Place place(Resource resource) {
        if (resource instanceof Resources.Line line) {
            Point a = point(line.fromCode());
            Point b = point(line.toCode());
            // its km are its own line's: only a single-track line of the line drawn lies on it
            boolean here = line.line().equals(l.line.code());
            return new Place(
                    here ? Math.min(line.fromKm(), line.toKm()) : Double.NaN,
                    here ? Math.max(line.fromKm(), line.toKm()) : Double.NaN,
                    DiagramText.t(l.lang, "res.line", "from", l.name(a), "to", l.name(b)));
        }
        if (resource instanceof Resources.Block block) {
            Point a = point(block.section().from());
            Point b = point(block.section().to());
            Point towards = block.rising() ? l.line.last() : l.line.first();
            boolean here = block.line().equals(l.line.code());
            return new Place(
                    here ? Math.min(block.fromKm(), block.toKm()) : Double.NaN,
                    here ? Math.max(block.fromKm(), block.toKm()) : Double.NaN,
                    DiagramText.t(
                            l.lang,
                            "res.block",
                            "n",
                            block.index() + 1,
                            "from",
                            l.name(a),
                            "to",
                            l.name(b),
                            "towards",
                            l.name(towards)));
        }
        Resources.Track track = (Resources.Track) resource;
        Point p = track.station();
        return new Place(
                l.km(p), l.km(p), DiagramText.t(l.lang, "res.track", "n", track.number(), "station", l.name(p)));
    }

    private Point point(String code) {
        return l.network.point(code).orElseThrow();
    }

    /** A train owner "D887@2026-12-01" as "D887 (2026-12-01)"; a possession id as it is. */
    private static String owner(String owner) {
        int at = owner.indexOf('@');
        return at < 0 ? owner : owner.substring(0, at) + " (" + owner.substring(at + 1) + ")";
    }

    void drawConflicts(Svg svg) {
        for (Conflict c : l.day.conflicts()) {
            if (!c.to().isAfter(l.start) || !c.from().isBefore(l.end)) {
                continue;
            }
            Optional<Place> place = place(c.resource());
            if (place.isEmpty()) {
                continue;
            }
            double lo = place.get().lo();
            double hi = place.get().hi();
            boolean band = lo == hi;
            if (band ? !l.onStretch(lo) : !(hi > l.loKm && lo < l.hiKm)) {
                continue;
            }
            double ya = l.y(Math.max(lo, l.loKm));
            double yb = l.y(Math.min(hi, l.hiKm));
            double top = Math.min(ya, yb) - (band ? 5 : 0);
            double h = Math.abs(yb - ya) + (band ? 10 : 0);
            double x1 = l.x(c.from());
            double x2 = l.x(c.to());
            if (x2 - x1 < 5) {
                double mid = (x1 + x2) / 2;
                x1 = mid - 2.5;
                x2 = mid + 2.5;
            }
            String title = DiagramText.t(
                            l.lang, "conflictOn", "resource", place.get().words() + " (" + c.resource() + ")")
                    + "\n"
                    + owner(c.first()) + " × " + owner(c.second()) + "\n" + l.clock(c.from()) + " – " + l.clock(c.to())
                    + " " + DiagramText.zoneName(l.lang, l.window.displayZone(), l.network);
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

    void drawPossessions(Svg svg) {
        for (Possession p : l.possessions) {
            if (!p.end().isAfter(l.start) || !p.start().isBefore(l.end)) {
                continue;
            }
            Point a = l.network.point(p.fromPoint()).orElse(null);
            Point b = l.network.point(p.toPoint()).orElse(null);
            if (a == null || b == null) {
                continue;
            }
            double lo = Math.min(l.km(a), l.km(b)); // NaN, so not drawn, when an end is off the line drawn
            double hi = Math.max(l.km(a), l.km(b));
            boolean band = lo == hi;
            if (band ? !l.onStretch(lo) : !(hi > l.loKm && lo < l.hiKm)) {
                continue;
            }
            double ya = l.y(Math.max(lo, l.loKm));
            double yb = l.y(Math.min(hi, l.hiKm));
            double top = Math.min(ya, yb) - (band ? 6 : 0);
            double h = Math.abs(yb - ya) + (band ? 12 : 0);
            double x1 = Math.max(l.x(p.start()), LEFT - 2);
            double x2 = Math.min(l.x(p.end()), l.width - RIGHT + 2);
            String title =
                    DiagramText.t(l.lang, "possessionOf", "id", p.id(), "from", l.name(a), "to", l.name(b)) + "\n"
                            + l.clock(p.start()) + " – " + l.clock(p.end()) + " "
                            + DiagramText.zoneName(l.lang, l.window.displayZone(), l.network)
                            + (p.description().isBlank() ? "" : "\n" + p.description());
            svg.open("g", "class", "possession", "data-possession", p.id());
            svg.title(title);
            svg.rect(x1, top, x2 - x1, h, "box");
            if (x2 - x1 > DiagramStyle.textWidth(p.id(), 10.5) + 10 && h >= 14) {
                svg.text(x1 + 4, top + 12, "label", "start", p.id());
            }
            svg.close("g");
            possessionsDrawn++;
        }
    }
}
