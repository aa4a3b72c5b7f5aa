package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.rollingstock.RollingStock;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.Allowance;
import org.lancang.runtime.LegMemo;
import org.lancang.runtime.LegSupplements;
import org.lancang.timetable.conflict.BlockingTable;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.timetable.conflict.ConflictDetector;
import org.lancang.timetable.conflict.Occupation;

/**
 * The planner's engine: computes each planned train's times from the physics, lays a day's runs on the line as
 * blocking times, and finds the conflicts. Runs are cached per plan (they do not depend on the date), so a day is
 * cheap to evaluate again after one train changes.
 */
public final class Planner {
    private final Network network;
    private final RollingStock rollingStock;
    private final BlockingRules rules;
    private final Resources resources;
    private final Map<RunKey, TrainRun> runs = new ConcurrentHashMap<>();
    /** Blocking times of a run relative to its departure: the same for every date it runs. */
    private final Map<TrainRun, RunOffsets> demands = new IdentityHashMap<>();

    private record RunKey(TrainPlan plan, List<SpeedRestriction> restrictions) {}

    /**
     * Runs by what decides them: a timetable repeats a few stopping patterns all day, and trains of one type, path,
     * stops and allowance run the same whatever their number and departure (times are kept from the departure).
     */
    private final Map<PatternKey, TrainRun> patterns = new ConcurrentHashMap<>();

    private record PatternKey(
            String type,
            String from,
            String to,
            List<StopRequest> stops,
            double allowancePercent,
            List<SpeedRestriction> restrictions) {}

    /**
     * The legs run for each type, path and set of restrictions: path insertion holds a train at one loop after
     * another, and each hold changes only the legs either side of that loop, so the others are not run again.
     */
    private final Map<LegKey, LegMemo> legs = new ConcurrentHashMap<>();

    /**
     * Paths by origin, destination and via: on a network of several lines each path is a route searched over every
     * section, and a day's thousands of plans share a few hundred of them.
     */
    private final Map<List<Object>, LinePath> paths = new ConcurrentHashMap<>();

    private record LegKey(String type, String from, String to, List<SpeedRestriction> restrictions) {}

    public Planner(Network network, RollingStock rollingStock, BlockingRules rules) {
        this.network = network;
        this.rollingStock = rollingStock;
        this.rules = rules;
        this.resources = new Resources(network, rules);
    }

    public Network network() {
        return network;
    }

    public RollingStock rollingStock() {
        return rollingStock;
    }

    public BlockingRules rules() {
        return rules;
    }

    public Resources resources() {
        return resources;
    }

    public TrainType trainType(String code, String field) {
        return rollingStock
                .type(code)
                .orElseThrow(() -> new InvalidInput(
                        field,
                        "'" + code + "' is not a train type; known: "
                                + rollingStock.types().stream()
                                        .map(TrainType::code)
                                        .toList(),
                        "train-type-unknown"));
    }

    /** The plan's run (times from its departure), computed once per plan and set of restrictions. */
    public TrainRun run(TrainPlan plan, List<SpeedRestriction> restrictions) {
        RunKey key = new RunKey(plan, List.copyOf(restrictions));
        TrainRun cached = runs.get(key);
        if (cached != null) {
            return cached;
        }
        TrainType type = trainType(plan.trainType(), "trainType");
        if (plan.allowancePercent() < 0 || plan.allowancePercent() > 50) {
            throw new InvalidInput("allowancePercent", "must be between 0 and 50", "allowance-range");
        }
        if (paths.size() > 10_000) {
            paths.clear();
        }
        LinePath path = paths.computeIfAbsent(
                List.of(plan.from(), plan.to(), plan.via()),
                k -> LinePath.between(network, plan.from(), plan.to(), plan.via(), "from", "to"));
        Allowance allowance = RunningTimes.allowance(plan.allowancePercent());
        List<StopRequest> stops = plan.allStops(path);
        boolean fixedByHand = stops.stream().anyMatch(s -> s.departAt() != null);
        PatternKey pattern = new PatternKey(
                type.code(), plan.from(), routeTo(plan), stops, plan.allowancePercent(), key.restrictions());
        TrainRun same = fixedByHand ? null : patterns.get(pattern);
        if (same != null) {
            return remember(key, same);
        }
        LegSupplements supplements = RunningTimes.supplements(type);
        if (legs.size() > 1_000) {
            legs.clear();
        }
        LegMemo memo = legs.computeIfAbsent(
                new LegKey(type.code(), plan.from(), routeTo(plan), key.restrictions()), k -> new LegMemo());
        TrainRun run = RunningTimes.compute(path, type, stops, restrictions, allowance, supplements, memo);
        if (fixedByHand) {
            // departures fixed by hand: lengthen those dwells (a dwell moves every later time by the same amount,
            // the legs between stops do not change), then run the physics again with the final dwells
            stops = fixedDepartures(plan, run, stops);
            run = RunningTimes.compute(path, type, stops, restrictions, allowance, supplements, memo);
        }
        if (!fixedByHand) {
            if (patterns.size() > 10_000) {
                patterns.clear();
            }
            patterns.putIfAbsent(pattern, run);
        }
        return remember(key, run);
    }

    /** The destination with the junctions on the way, for the caches: two routes between two points run apart. */
    private static String routeTo(TrainPlan plan) {
        return plan.via().isEmpty() ? plan.to() : plan.to() + " via " + String.join(" ", plan.via());
    }

    private TrainRun remember(RunKey key, TrainRun run) {
        if (runs.size() > 10_000) {
            runs.clear(); // a long-running server edits many plans: keep the cache bounded
        }
        TrainRun raced = runs.putIfAbsent(key, run);
        return raced != null ? raced : run;
    }

    /** The timetabled train: its calls at every point as offsets from midnight at the origin. */
    public Train train(TrainPlan plan, List<SpeedRestriction> restrictions) {
        TrainRun run = run(plan, restrictions);
        Duration start = Duration.ofSeconds(plan.departure().toSecondOfDay());
        List<Call> calls = new ArrayList<>();
        List<PointTime> times = run.times();
        // the physics works in milliseconds; a timetable states whole seconds
        for (int i = 0; i < times.size(); i++) {
            PointTime t = times.get(i);
            // a meet at a loop holds the train without a commercial stop: it has a dwell but stops=false
            boolean commercial =
                    i == 0 || i == times.size() - 1 || plan.callsAt(t.point().code());
            calls.add(new Call(
                    t.point().code(),
                    start.plus(wholeSeconds(t.arrival())),
                    start.plus(wholeSeconds(t.departure())),
                    commercial));
        }
        return new Train(
                plan.number(),
                plan.operator(),
                plan.trainType(),
                plan.passenger(),
                plan.calendar(),
                run.path().origin().timeZone(),
                calls);
    }

    private static List<StopRequest> fixedDepartures(TrainPlan plan, TrainRun run, List<StopRequest> stops) {
        List<StopRequest> out = new ArrayList<>();
        Duration shift = Duration.ZERO;
        LocalDate anyDay = plan.calendar().startDate();
        Instant start = anyDay.atTime(plan.departure())
                .atZone(run.path().origin().timeZone())
                .toInstant();
        for (int i = 0; i < stops.size(); i++) {
            StopRequest s = stops.get(i);
            if (s.departAt() == null) {
                out.add(s);
                continue;
            }
            PointTime t = run.times().get(run.path().indexOf(s.point()));
            Instant planned = start.plus(t.departure()).plus(shift);
            ZonedDateTime local = planned.atZone(t.point().timeZone());
            ZonedDateTime wanted = local.with(s.departAt());
            if (wanted.isBefore(local.minusHours(12))) {
                wanted = wanted.plusDays(1); // the fixed time is after midnight
            }
            Duration extra = Duration.between(planned, wanted);
            if (extra.isNegative()) {
                throw new InvalidInput(
                        "stops[" + i + "].departAt",
                        "the train cannot leave " + s.point() + " at " + s.departAt() + ": it departs at "
                                + local.toLocalTime().withNano(0) + " at the earliest",
                        "departs-too-early");
            }
            shift = shift.plus(extra);
            out.add(new StopRequest(s.point(), s.dwell().plus(extra), s.departAt()));
        }
        return out;
    }

    private static Duration wholeSeconds(Duration d) {
        return Duration.ofSeconds(Math.round(d.toMillis() / 1000.0));
    }

    /** The timetabled train as it runs on {@code date}: under the restrictions that hold during that run. */
    public Train train(TrainPlan plan, LocalDate date, List<SpeedRestriction> restrictions) {
        return train(plan, applying(plan, date, restrictions));
    }

    /**
     * The restrictions that hold while the plan's train passes them on {@code date}, without their validity (so that
     * runs under the same restrictions are computed once whatever the day). The passing time is read from the
     * unrestricted run, between the stations either side of the restricted km, and widened by half an hour for the
     * delays restrictions further back may cause: a train that has passed before a restriction begins, or passes
     * after it is lifted, runs at line speed there.
     */
    public List<SpeedRestriction> applying(TrainPlan plan, LocalDate date, List<SpeedRestriction> restrictions) {
        if (restrictions.stream().allMatch(r -> r.validFrom() == null && r.validTo() == null)) {
            return restrictions;
        }
        TrainRun free = run(plan, List.of());
        Instant start = date.atTime(plan.departure())
                .atZone(free.path().origin().timeZone())
                .toInstant();
        return restrictions.stream()
                .filter(r -> passesWhileInForce(r, free, start))
                .map(SpeedRestriction::always)
                .toList();
    }

    /**
     * Whether the train passes the restriction while it holds: its km are those of its own line, so only the legs of
     * the path on that line count (a branch and the main line may share km numbers), located by their position along
     * the path, between the points either side.
     */
    private static boolean passesWhileInForce(SpeedRestriction r, TrainRun free, Instant start) {
        LinePath path = free.path();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LinePath.Leg leg : path.legs()) {
            if (leg.line().code().equals(r.lineCode())
                    && r.overlapsKm(Math.min(leg.fromKm(), leg.toKm()), Math.max(leg.fromKm(), leg.toKm()))) {
                double a = leg.positionOf(r.fromKm());
                double b = leg.positionOf(r.toKm());
                lo = Math.min(lo, Math.min(a, b));
                hi = Math.max(hi, Math.max(a, b));
            }
        }
        if (lo > hi) {
            return false; // the train does not run over the restriction's km
        }
        List<PointTime> times = free.times();
        double before = 0;
        double after = path.lengthM();
        for (int i = 0; i < times.size(); i++) {
            double m = path.positionM(i);
            before = m <= lo ? Math.max(before, m) : before;
            after = m >= hi ? Math.min(after, m) : after;
        }
        Instant enters = null;
        Instant leaves = null;
        for (int i = 0; i < times.size(); i++) {
            double m = path.positionM(i);
            if (m >= before && m <= after) {
                PointTime t = times.get(i);
                Instant at = start.plus(t.arrival());
                Instant off = start.plus(t.departure());
                enters = enters == null || at.isBefore(enters) ? at : enters;
                leaves = leaves == null || off.isAfter(leaves) ? off : leaves;
            }
        }
        Duration margin = Duration.ofMinutes(30);
        return r.holdsDuring(enters.minus(margin), leaves.plus(margin));
    }

    public Timetable timetable(List<TrainPlan> plans, List<SpeedRestriction> restrictions) {
        return new Timetable(plans.stream().map(p -> train(p, restrictions)).toList());
    }

    public ScheduledRun schedule(TrainPlan plan, LocalDate date, List<SpeedRestriction> restrictions) {
        TrainRun run = run(plan, applying(plan, date, restrictions));
        return new ScheduledRun(
                plan,
                date,
                run,
                date.atTime(plan.departure())
                        .atZone(run.path().origin().timeZone())
                        .toInstant());
    }

    /** Lays the day's runs (and the neighbouring days', which reach into it) on the line and finds the conflicts. */
    public DayPlan day(
            List<TrainPlan> plans, LocalDate date, List<Possession> possessions, List<SpeedRestriction> restrictions) {
        return day(d -> plans, date, possessions, restrictions);
    }

    /**
     * The day evaluated when each date has plans of its own (a timetable change in force on some dates only): the
     * runs of the day before and after come from their own date's plans.
     */
    public DayPlan day(
            Function<LocalDate, List<TrainPlan>> plansOn,
            LocalDate date,
            List<Possession> possessions,
            List<SpeedRestriction> restrictions) {
        // in priority order (the day's own, then trains only its neighbours have): station tracks are given in it
        Map<String, TrainPlan[]> byNumber = new LinkedHashMap<>();
        List<LocalDate> dates = List.of(date.minusDays(1), date, date.plusDays(1));
        for (int k : new int[] {1, 0, 2}) {
            for (TrainPlan plan : plansOn.apply(dates.get(k))) {
                byNumber.computeIfAbsent(plan.number(), n -> new TrainPlan[3])[k] = plan;
            }
        }
        List<Map.Entry<TrainPlan, LocalDate>> toRun = new ArrayList<>();
        for (TrainPlan[] perDate : byNumber.values()) {
            for (int k = 0; k < 3; k++) {
                if (perDate[k] != null && perDate[k].calendar().runsOn(dates.get(k))) {
                    toRun.add(Map.entry(perDate[k], dates.get(k)));
                }
            }
        }
        // the runs are independent of each other: compute them on every core first (pure functions, cached)
        toRun.parallelStream().forEach(e -> run(e.getKey(), applying(e.getKey(), e.getValue(), restrictions)));
        List<ScheduledRun> scheduled = new ArrayList<>();
        for (Map.Entry<TrainPlan, LocalDate> e : toRun) {
            scheduled.add(schedule(e.getKey(), e.getValue(), restrictions));
        }
        Instant dayStart = date.atStartOfDay(network.serviceZone()).toInstant();
        BlockingTable table = table(dayStart, scheduled, possessions);
        String suffix = "@" + date;
        // the conflicts of the day's own runs, and those of possessions over the day
        List<Conflict> conflicts =
                ConflictDetector.detect(table, owner -> owner.endsWith(suffix), c -> overlapsDay(c, date));
        return new DayPlan(date, scheduled, table.occupations(), conflicts);
    }

    private boolean overlapsDay(Conflict c, LocalDate date) {
        Instant dayStart = date.atStartOfDay(network.serviceZone()).toInstant();
        return c.to().isAfter(dayStart) && c.from().isBefore(dayStart.plus(Duration.ofDays(1)));
    }

    /**
     * Every blocking time of the runs (station tracks allocated across all of them) and of the possessions, in a list
     * the caller may add to.
     */
    public List<Occupation> occupations(List<ScheduledRun> scheduled, List<Possession> possessions) {
        Instant base = scheduled.isEmpty() ? Instant.EPOCH : scheduled.get(0).departure();
        return new ArrayList<>(table(base, scheduled, possessions).occupations());
    }

    private BlockingTable table(Instant base, List<ScheduledRun> scheduled, List<Possession> possessions) {
        List<RunOffsets> offsets = new ArrayList<>(scheduled.size());
        int size = 0;
        for (ScheduledRun r : scheduled) {
            RunOffsets o = offsets(r.run());
            offsets.add(o);
            size += o.size();
        }
        List<Occupation> closed = new ArrayList<>();
        for (Possession p : possessions) {
            closed.addAll(possessionOccupations(p));
        }
        return RunOffsets.lay(new BlockingTable(base, size + closed.size()), scheduled, offsets, closed);
    }

    private synchronized RunOffsets offsets(TrainRun run) {
        if (demands.size() > 10_000) {
            demands.clear();
        }
        return demands.computeIfAbsent(
                run, r -> RunOffsets.of(BlockingTimes.of("", r, Instant.EPOCH, resources, rules), network));
    }

    /**
     * A possession closes every resource of its range: lines, blocks both ways, and the tracks of stations inside. The
     * range is the route between its points, leg by leg, each leg's km those of its own line: a branch and the main
     * line may share km numbers.
     */
    public List<Occupation> possessionOccupations(Possession p) {
        Point a = network.point(p.fromPoint())
                .orElseThrow(() -> new InvalidInput("fromPoint", "'" + p.fromPoint() + "' is not a point of the line"));
        Point b = network.point(p.toPoint())
                .orElseThrow(() -> new InvalidInput("toPoint", "'" + p.toPoint() + "' is not a point of the line"));
        List<Occupation> out = new ArrayList<>();
        if (a.code().equals(b.code())) {
            closeTracks(a, p, out);
            return out;
        }
        LinePath path = LinePath.between(network, a.code(), b.code(), "fromPoint", "toPoint");
        for (LinePath.Leg leg : path.legs()) {
            var on = leg.line();
            double lo = Math.min(leg.fromKm(), leg.toKm());
            double hi = Math.max(leg.fromKm(), leg.toKm());
            for (Resources.Line l : resources.lines()) {
                if (l.line().equals(on.code()) && l.fromKm() < hi && l.toKm() > lo) {
                    out.add(new Occupation(l.id(), p.id(), true, p.start(), p.end()));
                }
            }
            for (Resources.Block bl : resources.blocks()) {
                if (bl.line().equals(on.code()) && bl.fromKm() < hi && bl.toKm() > lo) {
                    out.add(new Occupation(bl.id(), p.id(), true, p.start(), p.end()));
                }
            }
        }
        for (Point s : path.points().subList(1, path.points().size() - 1)) {
            closeTracks(s, p, out);
        }
        return out;
    }

    private static void closeTracks(Point station, Possession p, List<Occupation> out) {
        for (int t = 1; t <= station.stationTracks(); t++) {
            out.add(new Occupation(Resources.track(station.code(), t), p.id(), true, p.start(), p.end()));
        }
    }
}
