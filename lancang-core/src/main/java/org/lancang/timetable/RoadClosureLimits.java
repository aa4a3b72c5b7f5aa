package org.lancang.timetable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lancang.data.CsvTable;

/**
 * How long the road may be closed on a bridge it shares with the railway: in all per day and for one crossing. The
 * closed time per day is a figure the two governments watch; a plan that passes it is not one they would accept, so a
 * day over a limit is reported beside the day's conflicts and a new path that would pass it is refused, naming the
 * bridge. Read from {@value #FILE} (optional: no file, no limit; a blank figure, no limit of that kind).
 */
public final class RoadClosureLimits {
    public static final String FILE = "road-rail-bridge-limits.csv";
    /** The code of a refused path whose binding constraint is a bridge's road-closure limit. */
    public static final String REFUSED = "road-closure-limit";

    /**
     * A bridge's limits (null: none of that kind).
     *
     * @param perDay the longest the road may be closed in a service day, overlapping closures counted once
     * @param single the longest one crossing may close it
     */
    public record Limit(String bridge, Duration perDay, Duration single, String source) {}

    /** A limit passed: on a day in all ({@code train} null), or by one train's crossing. */
    public record Breach(String bridge, LocalDate date, String train, Duration limit, Duration actual, String source) {
        public boolean perDay() {
            return train == null;
        }

        /** Says what was passed, with the figures, for a planner to read. */
        public String message() {
            return perDay()
                    ? "the road across " + bridge + " is closed " + actual.toMinutes() + " min on " + date
                            + ", over its limit of " + limit.toMinutes() + " min a day"
                    : train + " closes the road across " + bridge + " for " + actual.toMinutes() + " min on " + date
                            + ", over its limit of " + limit.toMinutes() + " min for one crossing";
        }
    }

    private final List<Limit> limits;

    public RoadClosureLimits(List<Limit> limits) {
        this.limits = List.copyOf(limits);
    }

    public static RoadClosureLimits none() {
        return new RoadClosureLimits(List.of());
    }

    /** The limits of {@value #FILE}: bridge (one of {@code bridges}), max minutes a day, max minutes a crossing. */
    public static RoadClosureLimits parse(String text, RoadRailBridges bridges) {
        CsvTable table = CsvTable.parse(
                FILE, text, List.of("bridge", "max_closed_min_per_day", "max_single_closure_min", "source"));
        List<Limit> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String name = row.required("bridge");
            if (bridges.bridges().stream().noneMatch(b -> b.name().equals(name))) {
                throw row.error(
                        "bridge",
                        "'" + name + "' is not one of "
                                + bridges.bridges().stream()
                                        .map(RoadRailBridges.Bridge::name)
                                        .toList());
            }
            out.add(new Limit(
                    name,
                    minutes(row, "max_closed_min_per_day", 1440),
                    minutes(row, "max_single_closure_min", 240),
                    row.required("source")));
        }
        return new RoadClosureLimits(out);
    }

    private static Duration minutes(CsvTable.Row row, String field, int max) {
        return row.optional(field).isEmpty() ? null : Duration.ofMinutes(row.integerBetween(field, 1, max));
    }

    public List<Limit> limits() {
        return limits;
    }

    public Optional<Limit> of(String bridge) {
        return limits.stream().filter(l -> l.bridge().equals(bridge)).findFirst();
    }

    /** Every limit the days' closures pass: each crossing over its own limit, then each day over its total. */
    public List<Breach> breaches(List<RoadRailBridges.Day> days) {
        List<Breach> out = new ArrayList<>();
        for (RoadRailBridges.Day day : days) {
            Optional<Limit> limit = of(day.bridge().name());
            if (limit.isEmpty()) {
                continue;
            }
            Limit l = limit.get();
            for (RoadRailBridges.Closure c : day.closures()) {
                if (l.single() != null && c.length().compareTo(l.single()) > 0) {
                    out.add(new Breach(l.bridge(), day.date(), c.train(), l.single(), c.length(), l.source()));
                }
            }
            if (l.perDay() != null && day.roadClosed().compareTo(l.perDay()) > 0) {
                out.add(new Breach(l.bridge(), day.date(), null, l.perDay(), day.roadClosed(), l.source()));
            }
        }
        return out;
    }

    /**
     * The first limit that {@code added} would pass on the day, which the day alone does not pass already (a day
     * over its limit before the new train is reported by {@link #breaches}, not blamed on the newcomer).
     */
    public Optional<Breach> passedBy(ScheduledRun added, DayPlan day, RoadRailBridges bridges, ZoneId zone) {
        List<Breach> before = breaches(bridges.closures(day, zone));
        List<ScheduledRun> runs = new ArrayList<>(day.runs());
        runs.add(added);
        for (Breach b : breaches(bridges.closures(runs, day.date(), zone))) {
            boolean already = before.stream()
                    .anyMatch(o -> o.bridge().equals(b.bridge())
                            && o.perDay() == b.perDay()
                            && (o.perDay() || o.train().equals(b.train())));
            if (!already) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
