package org.lancang.timetable.diagram;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.network.Section;
import org.lancang.rollingstock.TrainCategory;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.Possession;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.conflict.Conflict;

/**
 * The time-distance diagram (graphic timetable) as SVG, drawn the railway way: distance down the side with the
 * stations as lines, time across in one zone's local time, each train a line (steep = fast, flat = standing), coloured
 * and dashed by kind; conflicts as red boxes over the resource and the overlap; possessions as hatched boxes.
 */
public final class TimeDistanceSvg {
    private static final double WIDTH = 1400;
    private static final double LEFT = 200;
    private static final double RIGHT = 70;
    private static final double TOP = 70;
    private static final double BOTTOM = 50;

    private final Network network;
    private final DiagramRequest request;
    private final List<Point> stretch;
    private final double fromKm;
    private final double toKm;
    private final double plotHeight;
    private final Instant end;

    private TimeDistanceSvg(Network network, DiagramRequest request) {
        this.network = network;
        this.request = request;
        int a = network.indexOf(request.from());
        int b = network.indexOf(request.to());
        List<Point> pts = new ArrayList<>(network.points().subList(Math.min(a, b), Math.max(a, b) + 1));
        if (a > b) {
            java.util.Collections.reverse(pts);
        }
        this.stretch = pts;
        this.fromKm = pts.get(0).km();
        this.toKm = pts.get(pts.size() - 1).km();
        this.plotHeight = Math.max(420, Math.min(1500, Math.abs(toKm - fromKm) * 2.2));
        this.end = request.start().plus(request.length());
    }

    public static String render(Network network, DayPlan day, List<Possession> possessions, DiagramRequest request) {
        request.check(network);
        return new TimeDistanceSvg(network, request).draw(day, possessions);
    }

    private double y(double km) {
        return TOP + (km - fromKm) / (toKm - fromKm) * plotHeight;
    }

    private double x(Instant t) {
        double f = (double) Duration.between(request.start(), t).toMillis() / request.length().toMillis();
        return LEFT + f * (WIDTH - LEFT - RIGHT);
    }

    private boolean onStretch(double km) {
        return km >= Math.min(fromKm, toKm) - 1e-9 && km <= Math.max(fromKm, toKm) + 1e-9;
    }

    private String draw(DayPlan day, List<Possession> possessions) {
        double height = TOP + plotHeight + BOTTOM;
        Svg svg = new Svg();
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lancang-diagram\" width=\"" + Svg.n(WIDTH)
                + "\" height=\"" + Svg.n(height) + "\" viewBox=\"0 0 " + Svg.n(WIDTH) + " " + Svg.n(height)
                + "\" font-family=\"Noto Sans, Noto Sans CJK SC, Noto Sans Lao, sans-serif\" font-size=\"12\">\n");
        svg.raw(STYLE);
        svg.raw("<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#fff3cd\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#b58105\" stroke-width=\"3\"/></pattern>"
                + "<clipPath id=\"plot\"><rect x=\"" + Svg.n(LEFT) + "\" y=\"" + Svg.n(TOP - 5) + "\" width=\""
                + Svg.n(WIDTH - LEFT - RIGHT) + "\" height=\"" + Svg.n(plotHeight + 10) + "\"/></clipPath></defs>\n");
        svg.rect(0, 0, WIDTH, height, "background", null);
        drawTimeAxis(svg);
        drawStations(svg);
        svg.raw("<g clip-path=\"url(#plot)\">\n");
        drawPossessions(svg, possessions);
        for (ScheduledRun run : day.runs()) {
            drawRun(svg, run);
        }
        drawConflicts(svg, day.conflicts());
        svg.raw("</g>\n</svg>\n");
        return svg.toString();
    }

    private void drawTimeAxis(Svg svg) {
        ZonedDateTime first = request.start().atZone(request.zone()).truncatedTo(ChronoUnit.HOURS);
        for (ZonedDateTime t = first; !t.toInstant().isAfter(end); t = t.plusMinutes(10)) {
            if (t.toInstant().isBefore(request.start())) {
                continue;
            }
            double x = x(t.toInstant());
            boolean hour = t.getMinute() == 0;
            svg.line(x, TOP, x, TOP + plotHeight, hour ? "hour" : "minute");
            if (hour) {
                String label = String.format(Locale.ROOT, "%02d:00", t.getHour());
                svg.text(x, TOP - 8, "time", "middle", label);
                svg.text(x, TOP + plotHeight + 18, "time", "middle", label);
            }
        }
        String offset = request.zone().getRules().getOffset(request.start()).getId().replace("Z", "+00:00");
        svg.text(LEFT, 22, "caption", "start", caption(request.zone().getId(), request.language()) + " (UTC" + offset + ")"
                + " · " + request.start().atZone(request.zone()).toLocalDate());
        svg.text(WIDTH - RIGHT, 22, "caption", "end", "km");
    }

    private static String caption(String zone, String language) {
        boolean china = zone.equals("Asia/Shanghai");
        return switch (language) {
            case "zh" -> china ? "北京时间" : "老挝时间";
            case "lo" -> china ? "ເວລາປັກກິ່ງ" : "ເວລາລາວ";
            default -> china ? "Beijing time" : (zone.equals("Asia/Vientiane") ? "Lao time" : zone);
        };
    }

    private void drawStations(Svg svg) {
        for (int i = 0; i + 1 < stretch.size(); i++) {
            Point a = stretch.get(i);
            Point b = stretch.get(i + 1);
            Section s = sectionBetween(a, b);
            String cls = s != null && s.isSingleTrack() ? "single" : "double";
            svg.rect(LEFT - 14, Math.min(y(a.km()), y(b.km())), cls.equals("single") ? 4 : 8,
                    Math.abs(y(b.km()) - y(a.km())), "track-" + cls, s == null ? null
                            : a.code() + "–" + b.code() + ": " + (s.isSingleTrack() ? "single track" : "double track")
                            + ", " + s.lineSpeedKmh() + " km/h");
        }
        for (Point p : stretch) {
            double y = y(p.km());
            String cls = p.kind() == PointKind.BORDER ? "border" : p.kind() == PointKind.PASSING_LOOP
                    ? (p.assumed() ? "loop assumed" : "loop") : "station";
            svg.line(LEFT, y, WIDTH - RIGHT, y, cls);
            String name = p.names().in(request.language()) + (p.assumed() ? " *" : "");
            svg.text(LEFT - 20, y + 4, "name " + cls, "end", name);
            svg.text(WIDTH - RIGHT + 6, y + 4, "km", "start", Svg.n(p.km()));
        }
        stretch.stream().filter(p -> p.kind() == PointKind.BORDER).findFirst().ifPresent(border -> {
            String zh = request.language().equals("lo") ? "ຈີນ" : request.language().equals("zh") ? "中国" : "China";
            String lo = request.language().equals("lo") ? "ລາວ" : request.language().equals("zh") ? "老挝" : "Laos";
            boolean chinaAbove = fromKm < toKm;
            svg.text(WIDTH - RIGHT - 6, y(border.km()) - 6, "country", "end", "▲ " + (chinaAbove ? zh : lo));
            svg.text(WIDTH - RIGHT - 6, y(border.km()) + 16, "country", "end", "▼ " + (chinaAbove ? lo : zh));
        });
    }

    private Section sectionBetween(Point a, Point b) {
        double lo = Math.min(a.km(), b.km());
        double hi = Math.max(a.km(), b.km());
        return network.sections().stream().filter(s -> s.fromKm() == lo && s.toKm() == hi).findFirst().orElse(null);
    }

    private void drawRun(Svg svg, ScheduledRun run) {
        List<double[]> pts = new ArrayList<>();
        boolean visible = false;
        StringBuilder times = new StringBuilder();
        for (PointTime t : run.run().times()) {
            if (!onStretch(t.point().km())) {
                continue;
            }
            Instant arr = run.at(t.arrival());
            Instant dep = run.at(t.departure());
            if (!dep.isBefore(request.start()) && !arr.isAfter(end)) {
                visible = true;
            }
            pts.add(new double[] {x(arr), y(t.point().km())});
            if (!dep.equals(arr)) {
                pts.add(new double[] {x(dep), y(t.point().km())});
            }
            if (t.stops() || !dep.equals(arr)) {
                times.append('\n').append(t.point().code()).append(' ')
                        .append(local(arr, t.point())).append(dep.equals(arr) ? "" : "–" + local(dep, t.point()));
            }
        }
        if (!visible || pts.size() < 2) {
            return;
        }
        TrainCategory category = run.run().type().category();
        String cls = "train " + category.name().toLowerCase(Locale.ROOT);
        svg.raw("<g class=\"" + cls + "\" data-train=\"" + Svg.escape(run.plan().number()) + "\" data-owner=\""
                + Svg.escape(run.owner()) + "\"><title>" + Svg.escape(run.plan().number() + " · "
                + run.plan().trainType() + " · " + run.plan().from() + "→" + run.plan().to() + times) + "</title>");
        StringBuilder d = new StringBuilder();
        for (double[] p : pts) {
            d.append(d.isEmpty() ? "M" : " L").append(Svg.n(p[0])).append(',').append(Svg.n(p[1]));
        }
        svg.raw("<path d=\"" + d + "\"/>");
        double[] label = labelPoint(pts);
        if (label != null) {
            svg.raw("<text x=\"" + Svg.n(label[0] + 3) + "\" y=\"" + Svg.n(label[1] - 3) + "\">"
                    + Svg.escape(run.plan().number()) + "</text>");
        }
        svg.raw("</g>\n");
    }

    /** Where to write the number: the first point of the line inside the window. */
    private double[] labelPoint(List<double[]> pts) {
        for (double[] p : pts) {
            if (p[0] >= LEFT && p[0] <= WIDTH - RIGHT - 40) {
                return p;
            }
        }
        return null;
    }

    private String local(Instant t, Point p) {
        return t.atZone(p.timeZone()).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private void drawConflicts(Svg svg, List<Conflict> conflicts) {
        for (Conflict c : conflicts) {
            if (!c.to().isAfter(request.start()) || c.from().isAfter(end)) {
                continue;
            }
            Optional<double[]> range = kmRange(c.resource());
            if (range.isEmpty() || !(onStretch(range.get()[0]) || onStretch(range.get()[1]))) {
                continue;
            }
            double y1 = y(range.get()[0]);
            double y2 = y(range.get()[1]);
            double pad = y1 == y2 ? 4 : 0;
            svg.rect(x(c.from()) - 2, Math.min(y1, y2) - pad, x(c.to()) - x(c.from()) + 4, Math.abs(y2 - y1) + 2 * pad,
                    "conflict", "conflict on " + c.resource() + ": " + c.first() + " and " + c.second());
        }
    }

    private void drawPossessions(Svg svg, List<Possession> possessions) {
        for (Possession p : possessions) {
            if (!p.end().isAfter(request.start()) || p.start().isAfter(end)) {
                continue;
            }
            double a = network.point(p.fromPoint()).map(Point::km).orElse(fromKm);
            double b = network.point(p.toPoint()).map(Point::km).orElse(fromKm);
            double pad = a == b ? 5 : 0;
            svg.rect(x(p.start()), Math.min(y(a), y(b)) - pad, x(p.end()) - x(p.start()), Math.abs(y(b) - y(a)) + 2 * pad,
                    "possession", "possession " + p.id() + " " + p.fromPoint() + "–" + p.toPoint() + ": "
                            + p.description());
        }
    }

    /** The km range of a resource id (LINE:A-B, BLOCK:A-B:dir:i, TRACK:X:n). */
    private Optional<double[]> kmRange(String resource) {
        String[] parts = resource.split(":");
        if (parts.length >= 2 && (parts[0].equals("LINE") || parts[0].equals("BLOCK"))) {
            String[] ends = parts[1].split("-");
            Optional<Point> a = network.point(ends[0]);
            Optional<Point> b = network.point(ends[1]);
            if (a.isPresent() && b.isPresent()) {
                return Optional.of(new double[] {a.get().km(), b.get().km()});
            }
        } else if (parts.length >= 2 && parts[0].equals("TRACK")) {
            return network.point(parts[1]).map(p -> new double[] {p.km(), p.km()});
        }
        return Optional.empty();
    }

    private static final String STYLE = "<style>\n"
            + ".background{fill:#fff}.hour{stroke:#c9d1d9;stroke-width:1}.minute{stroke:#eef1f4;stroke-width:1}\n"
            + ".station{stroke:#57606a;stroke-width:1}.loop{stroke:#8c959f;stroke-width:0.6}"
            + ".loop.assumed{stroke-dasharray:4 3}.border{stroke:#cf222e;stroke-width:1.5;stroke-dasharray:8 4}\n"
            + ".name{font-size:12px;fill:#24292f}.name.loop{font-size:10px;fill:#57606a}.name.border{fill:#cf222e}\n"
            + ".km,.time{font-size:10px;fill:#57606a}.caption{font-size:13px;font-weight:600;fill:#24292f}"
            + ".country{font-size:11px;fill:#cf222e}\n"
            + ".track-single{fill:#8c959f}.track-double{fill:#24292f}\n"
            + ".train path{fill:none;stroke-width:1.6}.train text{font-size:10px}.train{cursor:pointer}\n"
            + ".train.emu path{stroke:#0969da}.train.emu text{fill:#0969da}\n"
            + ".train.loco_hauled path{stroke:#1a7f37;stroke-dasharray:7 2}.train.loco_hauled text{fill:#1a7f37}\n"
            + ".train.freight path{stroke:#9a6700;stroke-dasharray:2 2;stroke-width:1.8}.train.freight text{fill:#9a6700}\n"
            + ".train:hover path{stroke-width:3.5}\n"
            + ".conflict{fill:#cf222e;fill-opacity:0.35;stroke:#cf222e;stroke-width:1.5}\n"
            + ".possession{fill:url(#hatch);fill-opacity:0.8;stroke:#b58105;stroke-width:1}\n"
            + "</style>\n";
}
