package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lancang.data.CsvTable;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;

/**
 * Bridges that a road shares with the railway: the road is closed while a train crosses, from a lead time before the
 * train reaches the bridge until a clearing time after it has left, and at least for a minimum closure. The time the
 * road is closed per day is a figure governments watch. Read from {@value #FILE} (optional: a network without one has
 * no shared bridge); its km are those of the row's {@code line} (optional column; none: the one line holding
 * them, ADR 0033).
 *
 * <p>The road may also own the bridge at set times of day ({@value #WINDOWS_FILE}, optional): during such a window no
 * train may cross. Each window is a {@link Possession} of the line between the points either side of the bridge, so
 * conflict detection reports a train that crosses in it and path insertion finds paths around it, as for a
 * maintenance window.
 */
public final class RoadRailBridges {
    public static final String FILE = "road-rail-bridges.csv";
    public static final String WINDOWS_FILE = "road-rail-bridge-windows.csv";
    /** The id of every road window's possession starts so: a conflict with one is a train on the bridge in it. */
    public static final String ROAD_WINDOW = "road-window:";

    /**
     * A time of day, in the network's service zone, when the road owns the bridge and no train may cross; {@code to}
     * before {@code from} runs past midnight.
     */
    public record RoadWindow(String bridge, LocalTime from, LocalTime to, String source) {}

    /**
     * A bridge shared with a road.
     *
     * @param lead    how long before the train reaches the bridge the road is closed
     * @param clear   how long after it has left the road stays closed
     * @param minimum the shortest closure for one crossing
     * @param line    the line whose km {@code fromKm} and {@code toKm} are (the file's optional {@code line} column;
     *                none: the one line holding them)
     */
    public record Bridge(
            String name,
            double fromKm,
            double toKm,
            Duration lead,
            Duration clear,
            Duration minimum,
            String source,
            Line line) {
        /** A bridge's km are those of its line (ADR 0033): the km of a point on it, or empty when it is not on it. */
        OptionalDouble kmOf(Point p) {
            int i = line.indexOf(p.code());
            return i < 0 ? OptionalDouble.empty() : OptionalDouble.of(line.km(i));
        }
    }

    /** One train's crossing: the road closed from {@code from} to {@code to}. */
    public record Closure(String bridge, String train, LocalDate serviceDate, Instant from, Instant to) {
        public Duration length() {
            return Duration.between(from, to);
        }
    }

    /**
     * A day's closures of one bridge, in time order, and how long the road was closed that day (overlapping closures
     * counted once, clipped to the day).
     */
    public record Day(Bridge bridge, LocalDate date, List<Closure> closures, Duration roadClosed) {}

    private final List<Bridge> bridges;
    private final List<RoadWindow> windows;

    public RoadRailBridges(List<Bridge> bridges) {
        this(bridges, List.of());
    }

    public RoadRailBridges(List<Bridge> bridges, List<RoadWindow> windows) {
        this.bridges = List.copyOf(bridges);
        this.windows = List.copyOf(windows);
    }

    /**
     * The same bridges with the road's windows of {@value #WINDOWS_FILE} (bridge, from, to as HH:MM in the network's
     * service zone, source); a window must name one of the bridges.
     */
    public RoadRailBridges withWindows(String file, String text) {
        List<RoadWindow> out = new ArrayList<>();
        CsvTable table = CsvTable.parse(file, text, List.of("bridge", "from", "to", "source"));
        for (CsvTable.Row row : table.rows()) {
            String name = row.required("bridge");
            if (bridges.stream().noneMatch(b -> b.name().equals(name))) {
                throw row.error(
                        "bridge",
                        "'" + name + "' is not one of "
                                + bridges.stream().map(Bridge::name).toList());
            }
            LocalTime from = time(row, "from");
            LocalTime to = time(row, "to");
            if (from.equals(to)) {
                throw row.error("to", "a window must not end when it starts");
            }
            out.add(new RoadWindow(name, from, to, row.required("source")));
        }
        return new RoadRailBridges(bridges, out);
    }

    private static LocalTime time(CsvTable.Row row, String field) {
        String text = row.required(field);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw row.error(field, "'" + text + "' is not a time of day (HH:MM)");
        }
    }

    /** The times the road owns each bridge. */
    public List<RoadWindow> windows() {
        return windows;
    }

    /**
     * The road's windows around {@code date} (the day before and after too, whose runs reach into it) as possessions
     * of the line between the points either side of each bridge, at times of day counted in {@code zone}.
     */
    public List<Possession> possessions(Network network, LocalDate date, ZoneId zone) {
        List<Possession> out = new ArrayList<>();
        for (RoadWindow w : windows) {
            Bridge bridge = bridges.stream()
                    .filter(b -> b.name().equals(w.bridge()))
                    .findFirst()
                    .orElseThrow();
            String before = null;
            String after = null;
            Line line = bridge.line();
            for (int i = 0; i < line.points().size(); i++) {
                if (line.km(i) <= bridge.fromKm()) {
                    before = line.points().get(i).code();
                }
                if (after == null && line.km(i) >= bridge.toKm()) {
                    after = line.points().get(i).code();
                }
            }
            if (before == null || after == null) {
                continue;
            }
            for (LocalDate day = date.minusDays(1); !day.isAfter(date.plusDays(1)); day = day.plusDays(1)) {
                Instant start = day.atTime(w.from()).atZone(zone).toInstant();
                LocalDate endDay = w.to().isAfter(w.from()) ? day : day.plusDays(1);
                Instant end = endDay.atTime(w.to()).atZone(zone).toInstant();
                out.add(new Possession(
                        ROAD_WINDOW + w.bridge() + " " + day + " " + w.from() + "–" + w.to(),
                        before,
                        after,
                        start,
                        end,
                        "the road owns " + w.bridge() + " " + w.from() + "–" + w.to() + ": " + w.source()));
            }
        }
        return out;
    }

    public static RoadRailBridges none() {
        return new RoadRailBridges(List.of());
    }

    public static RoadRailBridges parse(String file, String text, Network network) {
        List<Bridge> out = new ArrayList<>();
        CsvTable table = CsvTable.parse(
                file,
                text,
                List.of("name", "km_from", "km_to", "lead_min", "clear_min", "minimum_closure_min", "source"));
        for (CsvTable.Row row : table.rows()) {
            // the km are those of the row's line: the optional column, else the one line holding them (ADR 0033)
            String code = row.hasColumn("line") ? row.text("line") : "";
            Line line = code.isEmpty()
                    ? lineHolding(row, network)
                    : network.line(code.toUpperCase(Locale.ROOT))
                            .orElseThrow(() -> row.error("line", "'" + code + "' is not a line of the network"));
            double first = line.km(0);
            double last = line.km(line.points().size() - 1);
            double from = row.decimalBetween("km_from", first, last);
            double to = row.decimalBetween("km_to", first, last);
            if (!(to > from)) {
                throw row.error("km_to", "must be greater than km_from");
            }
            out.add(new Bridge(
                    row.required("name"),
                    from,
                    to,
                    minutes(row, "lead_min"),
                    minutes(row, "clear_min"),
                    minutes(row, "minimum_closure_min"),
                    row.required("source"),
                    line));
        }
        return new RoadRailBridges(out);
    }

    /** The one line holding a row's km when it names none; a load error naming the row's {@code line} otherwise. */
    private static Line lineHolding(CsvTable.Row row, Network network) {
        try {
            return network.lineHoldingKm(row.decimal("km_from"), row.decimal("km_to"), "line");
        } catch (InvalidInput e) {
            throw row.error("line", e.errors().get(0).message());
        }
    }

    private static Duration minutes(CsvTable.Row row, String field) {
        return Duration.ofSeconds(Math.round(row.decimalBetween(field, 0, 240) * 60));
    }

    public List<Bridge> bridges() {
        return bridges;
    }

    /** Each bridge's closures on {@code day.date()} (counted in {@code zone}), from every run of the evaluated day. */
    public List<Day> closures(DayPlan day, ZoneId zone) {
        return closures(day.runs(), day.date(), zone);
    }

    /** Each bridge's closures on {@code date} (counted in {@code zone}) from these runs. */
    public List<Day> closures(List<ScheduledRun> runs, LocalDate date, ZoneId zone) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Day> out = new ArrayList<>();
        for (Bridge bridge : bridges) {
            List<Closure> closures = new ArrayList<>();
            for (ScheduledRun run : runs) {
                crossing(bridge, run)
                        .filter(c -> c.to().isAfter(start) && c.from().isBefore(end))
                        .ifPresent(closures::add);
            }
            closures.sort(Comparator.comparing(Closure::from));
            out.add(new Day(bridge, date, List.copyOf(closures), union(closures, start, end)));
        }
        return out;
    }

    /** The road closed for one run, if it crosses the bridge: times at the bridge ends interpolated by km. */
    static Optional<Closure> crossing(Bridge bridge, ScheduledRun run) {
        List<PointTime> times = run.run().times();
        Instant enter = null;
        Instant leave = null;
        for (int i = 0; i + 1 < times.size(); i++) {
            PointTime a = times.get(i);
            PointTime b = times.get(i + 1);
            OptionalDouble ka = bridge.kmOf(a.point());
            OptionalDouble kb = bridge.kmOf(b.point());
            if (ka.isEmpty() || kb.isEmpty()) {
                continue; // not a stretch of the bridge's line
            }
            double lo = Math.min(ka.getAsDouble(), kb.getAsDouble());
            double hi = Math.max(ka.getAsDouble(), kb.getAsDouble());
            if (hi <= bridge.fromKm() || lo >= bridge.toKm()) {
                continue;
            }
            for (double km : new double[] {bridge.fromKm(), bridge.toKm()}) {
                double k = Math.max(lo, Math.min(hi, km));
                Instant t = run.at(at(a, b, ka.getAsDouble(), kb.getAsDouble(), k));
                enter = enter == null || t.isBefore(enter) ? t : enter;
                leave = leave == null || t.isAfter(leave) ? t : leave;
            }
        }
        if (enter == null) {
            return Optional.empty();
        }
        Instant from = enter.minus(bridge.lead());
        Instant to = leave.plus(bridge.clear());
        if (Duration.between(from, to).compareTo(bridge.minimum()) < 0) {
            to = from.plus(bridge.minimum());
        }
        return Optional.of(new Closure(bridge.name(), run.plan().number(), run.serviceDate(), from, to));
    }

    /**
     * The time at km {@code k} between two consecutive points at km {@code ka} and {@code kb} of the bridge's line,
     * linearly between leaving a and reaching b.
     */
    private static Duration at(PointTime a, PointTime b, double ka, double kb, double k) {
        double span = kb - ka;
        double share = span == 0 ? 0 : (k - ka) / span;
        long leave = a.departure().toMillis();
        long reach = b.arrival().toMillis();
        return Duration.ofMillis(leave + Math.round((reach - leave) * share));
    }

    private static Duration union(List<Closure> sorted, Instant start, Instant end) {
        Duration total = Duration.ZERO;
        Instant coveredTo = start;
        for (Closure c : sorted) {
            Instant from = c.from().isBefore(coveredTo) ? coveredTo : c.from();
            Instant to = c.to().isAfter(end) ? end : c.to();
            if (to.isAfter(from)) {
                total = total.plus(Duration.between(from, to));
                coveredTo = to;
            }
        }
        return total;
    }
}
