package org.lancang.timetable.diagram;

import static org.lancang.timetable.diagram.DiagramLayout.LEFT;
import static org.lancang.timetable.diagram.DiagramLayout.RIGHT;
import static org.lancang.timetable.diagram.DiagramLayout.TOP;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lancang.runtime.ProfilePoint;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.ScheduledRun;

/**
 * The trains: each run a line through its times at every point of the stretch (steep = fast, level = standing),
 * coloured and dashed by category, with its number placed where it does not cover another.
 */
final class TrainLines {
    private final DiagramLayout l;
    /** The train numbers placed so far: centre x, centre y, width. */
    private final List<double[]> labels = new ArrayList<>();

    private int drawn;

    TrainLines(DiagramLayout layout) {
        this.l = layout;
    }

    /** How many trains were drawn. */
    int drawn() {
        return drawn;
    }

    /** A corner of a train's line: when, where, and whether it is a timetable point (not a profile sample). */
    private record Vertex(Instant t, double km, boolean node) {}

    void draw(Svg svg) {
        for (ScheduledRun run : l.day.runs()) {
            List<Vertex> all = vertices(run);
            if (all.size() < 2) {
                continue;
            }
            Instant first = all.get(0).t();
            Instant last = all.get(all.size() - 1).t();
            if (!last.isAfter(l.start) || !first.isBefore(l.end)) {
                continue; // outside the window
            }
            drawRun(svg, run, trim(all));
            drawn++;
        }
    }

    /**
     * The train's line within the stretch: arrival and departure at every point, profile samples in between. Only
     * where the train's path runs on the line drawn: a train coming from (or going on to) another line starts (or
     * ends) at the junction, where {@link #junctionMarks} marks it.
     */
    private List<Vertex> vertices(ScheduledRun run) {
        List<PointTime> times = run.run().times();
        List<ProfilePoint> profile =
                run.run().physics() == null ? List.of() : run.run().physics().profile();
        List<Vertex> out = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            PointTime pt = times.get(i);
            double km = l.km(pt.point());
            if (!l.onStretch(km)) {
                continue;
            }
            if (i > 0 && !out.isEmpty()) {
                PointTime before = times.get(i - 1);
                if (!l.neighbours(before.point(), pt.point())) {
                    continue; // the path left the line and came back: not drawn across the gap
                }
                out.addAll(legSamples(run, profile, before, pt));
            }
            Instant arr = run.at(pt.arrival());
            Instant dep = run.at(pt.departure());
            out.add(new Vertex(arr, km, true));
            if (dep.isAfter(arr)) {
                out.add(new Vertex(dep, km, true));
            }
        }
        return out;
    }

    /**
     * The junctions where the train joins the line drawn from another one or leaves it for another one: its time
     * there and the km, to mark the end of its line as not the end of its journey.
     */
    private List<Vertex> junctionMarks(ScheduledRun run) {
        List<PointTime> times = run.run().times();
        List<Vertex> out = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            PointTime pt = times.get(i);
            double km = l.km(pt.point());
            if (!l.onStretch(km)) {
                continue;
            }
            boolean enters = i > 0 && !l.neighbours(times.get(i - 1).point(), pt.point());
            boolean leaves = i + 1 < times.size()
                    && !l.neighbours(pt.point(), times.get(i + 1).point());
            if (enters) {
                out.add(new Vertex(run.at(pt.arrival()), km, true));
            }
            if (leaves) {
                out.add(new Vertex(run.at(pt.departure()), km, true));
            }
        }
        return out;
    }

    /**
     * The shape of the run between two points from the speed profile (acceleration and braking curves, speed
     * limits), fitted exactly to the timetable's departure and arrival, then thinned to what shows at this scale.
     */
    private List<Vertex> legSamples(ScheduledRun run, List<ProfilePoint> profile, PointTime a, PointTime b) {
        if (profile.size() < 2) {
            return List.of();
        }
        double pa = a.positionM();
        double pb = b.positionM();
        double kmA = l.km(a.point());
        double kmB = l.km(b.point());
        // km along the path from a, on the line drawn: up or down its chainage whichever way the path runs there
        double direction = Math.signum(kmB - kmA);
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
        pts.add(new double[] {l.x(dep), l.y(kmA), kmA, 0});
        for (int k = lo + 1; k < hi; k++) {
            ProfilePoint p = profile.get(k);
            if (p.positionM() <= pa || p.positionM() >= pb) {
                continue;
            }
            double ms = (p.timeS() - ta) / (tb - ta) * legMs;
            double km = kmA + direction * (p.positionM() - pa) / 1000.0;
            Instant t = dep.plusMillis(Math.round(ms));
            pts.add(new double[] {l.x(t), l.y(km), km, Math.round(ms)});
        }
        Instant arr = run.at(b.arrival());
        pts.add(new double[] {l.x(arr), l.y(kmB), kmB, legMs});
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
        while (from + 1 < all.size() && !all.get(from + 1).t().isAfter(l.start)) {
            from++;
        }
        int to = all.size() - 1;
        while (to - 1 > from && !all.get(to - 1).t().isBefore(l.end)) {
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
            String xs = Svg.n(l.x(v.t()));
            String ys = Svg.n(l.y(v.km()));
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
        for (Vertex v : junctionMarks(run)) {
            // drawn with its own colours: a one-line network's document keeps its style sheet byte for byte
            svg.empty(
                    "circle",
                    "class",
                    "junction-mark",
                    "cx",
                    Svg.n(l.x(v.t())),
                    "cy",
                    Svg.n(l.y(v.km())),
                    "r",
                    "4",
                    "fill",
                    "#fff",
                    "stroke",
                    "#333",
                    "stroke-width",
                    "1.5");
        }
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
        double maxX = l.width - RIGHT - 4;
        double need = DiagramStyle.textWidth(number, 10.5) + 12;
        List<double[]> pieces = new ArrayList<>(); // mid x, mid y, angle, length, running (1/0)
        for (int i = 0; i + 1 < nodes.size(); i++) {
            double x1 = l.x(nodes.get(i).t());
            double y1 = l.y(nodes.get(i).km());
            double x2 = l.x(nodes.get(i + 1).t());
            double y2 = l.y(nodes.get(i + 1).km());
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
            double score = -0.05 * Math.abs(p[0] - middle) - (p[1] < TOP + 10 || p[1] > l.bottom() - 10 ? 50 : 0);
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
                .append(DiagramText.t(
                        l.lang, "cat." + run.run().type().category().name()))
                .append(" · ")
                .append(l.operatorName(run.plan().operator()))
                .append('\n')
                .append(l.name(times.get(0).point()))
                .append(" → ")
                .append(l.name(times.get(times.size() - 1).point()))
                .append(" · ")
                .append(DiagramText.t(l.lang, "serviceDate", "date", run.serviceDate()))
                .append('\n')
                .append(DiagramText.zoneName(l.lang, l.window.displayZone(), l.network))
                .append(" (")
                .append(TimeDistanceDiagram.utc(
                        l.window.displayZone().getRules().getOffset(run.departure())))
                .append("):");
        List<PointTime> shown = new ArrayList<>();
        for (PointTime t : times) {
            if (l.onStretch(l.km(t.point()))) {
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
            b.append('\n').append(l.name(t.point())).append(' ');
            Instant arr = run.at(t.arrival());
            Instant dep = run.at(t.departure());
            boolean origin = t == times.get(0);
            boolean destination = t == times.get(times.size() - 1);
            if (dwell || (origin && destination)) {
                b.append(DiagramText.t(l.lang, "arr"))
                        .append(' ')
                        .append(l.clock(arr))
                        .append(", ")
                        .append(DiagramText.t(l.lang, "dep"))
                        .append(' ')
                        .append(l.clock(dep));
            } else if (origin) {
                b.append(DiagramText.t(l.lang, "dep")).append(' ').append(l.clock(dep));
            } else if (destination || t.stops()) {
                b.append(DiagramText.t(l.lang, "arr")).append(' ').append(l.clock(arr));
            } else {
                b.append(DiagramText.t(l.lang, "pass")).append(' ').append(l.clock(arr));
            }
        }
        return b.toString();
    }
}
