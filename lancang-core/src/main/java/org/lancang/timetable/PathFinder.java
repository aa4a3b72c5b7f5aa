package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Point;
import org.lancang.rollingstock.TrainType;
import org.lancang.timetable.conflict.Occupation;

/**
 * Slots a new train into a busy day without creating a conflict. It runs the train as early as it may and, at the
 * first resource it finds taken, holds it at the last point before that resource where it can wait (a station or
 * passing loop whose tracks are long enough; the origin itself means a later departure) until the resource is free;
 * then tries again from there. Each hold only moves the train later in the part of the path that was blocked, so the
 * train reaches every resource as early as the others allow: the earliest arrival this way of waiting can give.
 *
 * <p>One instance may serve many requests, from many threads: it keeps the last day's occupations indexed (rebuilt
 * when it is asked about another list: a day's list is immutable and a new one comes with every change) and each
 * station's track ids.
 */
public final class PathFinder {
    /** The search gives up after this many holds: no railway needs more on one path. */
    public static final int MAX_ITERATIONS = 400;
    /** Departures tried: every quarter of an hour after the earliest. */
    public static final Duration DEPARTURE_STEP = Duration.ofMinutes(15);

    private final Planner planner;
    private volatile OccupationIndex lastIndex;
    /** Per station code, its track ids for a pass, a stop going up and a stop going down (built once each). */
    private final Map<String, String[][]> stationTracks = new ConcurrentHashMap<>();
    /** Runs kept with their candidates before the map starts again (a run's are a few kilobytes). */
    private static final int MAX_CANDIDATE_RUNS = 10_000;
    /** Per run (the planner's instance, by identity), its candidates: {@link #candidates(TrainRun)}. */
    private final Map<TrainRun, PathCandidates> candidates = new IdentityHashMap<>();

    public PathFinder(Planner planner) {
        this.planner = planner;
    }

    public InsertedPath insert(
            PathRequest request, DayPlan day, List<Possession> possessions, List<SpeedRestriction> restrictions) {
        return insert(request, day.occupations(), restrictions);
    }

    /**
     * Tries departures from the earliest one in steps of {@link #DEPARTURE_STEP} (only the earliest when the departure
     * is fixed), runs the hold-and-retry search from each, and keeps the earliest arrival. A later departure cannot
     * arrive before it leaves plus the free running time, which bounds the search; a search that reaches a state an
     * earlier one passed through ends as that one did ({@link SearchStates}).
     */
    public InsertedPath insert(PathRequest request, List<Occupation> existing, List<SpeedRestriction> restrictions) {
        Search search = new Search(
                request,
                planner.trainType(request.trainType(), "trainType"),
                LinePath.between(planner.network(), request.from(), request.to(), request.via(), "from", "to"),
                index(existing),
                restrictions,
                new SearchStates());
        Map<Integer, Duration> requested = requestedStops(request, search.path());
        InsertedPath best = null;
        Instant bestArrival = null;
        Duration freeRun = null;
        String lastProblem = "no path";
        for (Duration offset = Duration.ZERO;
                offset.compareTo(request.maxDelay()) <= 0;
                offset = offset.plus(DEPARTURE_STEP)) {
            Instant departure = request.earliestDeparture().plus(offset);
            if (bestArrival != null && !departure.plus(freeRun).isBefore(bestArrival)) {
                break;
            }
            try {
                InsertedPath found = search(search, requested, departure, offset, bestArrival);
                if (freeRun == null) {
                    freeRun = found.run().run().runningTime().minus(found.totalWait());
                }
                Instant arrival = found.run().arrival();
                if (bestArrival == null || arrival.isBefore(bestArrival)) {
                    best = found;
                    bestArrival = arrival;
                }
            } catch (Clash e) {
                lastProblem = e.getMessage();
                if (request.fixedDeparture()) {
                    throw e;
                }
            }
            if (request.fixedDeparture()) {
                break;
            }
        }
        if (best == null) {
            throw new Clash("earliestDeparture", lastProblem, "no-path");
        }
        return best;
    }

    /**
     * The first of {@code existing} (in its order) on {@code wanted}'s resource that overlaps it, or null; from the
     * day's index this finder keeps, so a refused request names its blocker without indexing the day again.
     */
    public Occupation firstOverlapping(List<Occupation> existing, Occupation wanted) {
        return index(existing).firstOverlapping(wanted);
    }

    /** What one request's searches share. */
    private record Search(
            PathRequest request,
            TrainType type,
            LinePath path,
            OccupationIndex index,
            List<SpeedRestriction> restrictions,
            SearchStates states) {}

    private static Map<Integer, Duration> requestedStops(PathRequest request, LinePath path) {
        Map<Integer, Duration> requested = new TreeMap<>();
        for (int i = 0; i < request.stops().size(); i++) {
            StopRequest s = request.stops().get(i);
            int at = s.point() == null ? -1 : path.indexOf(s.point());
            if (at <= 0 || at >= path.points().size() - 1) {
                throw new InvalidInput(
                        "stops[" + i + "].point",
                        "'" + s.point() + "' is not an intermediate point of the path "
                                + path.origin().code() + "–"
                                + path.destination().code());
            }
            requested.put(at, s.dwell());
        }
        return requested;
    }

    /** The hold-and-retry search from one departure, noting how it ended for the searches after it. */
    private InsertedPath search(
            Search s, Map<Integer, Duration> requested, Instant start, Duration startOffset, Instant bound) {
        SearchStates.Trail trail = new SearchStates.Trail();
        int[] tries = {0};
        try {
            InsertedPath found = holdAndRetry(s, requested, start, startOffset, bound, trail, tries);
            trail.found(tries[0]);
            return found;
        } catch (Clash e) {
            trail.refused(tries[0], e.getMessage(), tries[0] > MAX_ITERATIONS);
            throw e;
        }
    }

    private InsertedPath holdAndRetry(
            Search s,
            Map<Integer, Duration> requested,
            Instant start,
            Duration startOffset,
            Instant bound,
            SearchStates.Trail trail,
            int[] tries) {
        TreeMap<Integer, Duration> waits = new TreeMap<>();
        Duration departureDelay = Duration.ZERO;
        Duration waited = Duration.ZERO;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            tries[0] = iteration;
            Instant departure = start.plus(departureDelay);
            SearchStates.Known known = s.states()
                    .reach(new SearchStates.State(departure, Map.copyOf(waits)), trail, iteration, MAX_ITERATIONS);
            if (known != null) {
                throw repeated(s.request(), known);
            }
            TrainPlan plan = plan(s.request(), s.path(), departure, requested, waits);
            ScheduledRun run = schedule(plan, serviceDate(s.path(), departure), s.restrictions());
            if (bound != null && !run.arrival().isBefore(bound)) {
                throw noEarlierArrival();
            }
            Hold hold = firstHold(run, s.type(), s.index());
            if (hold == null) {
                return found(s.path(), plan, run, waits, startOffset.plus(departureDelay), iteration);
            }
            if (hold.pointIndex() == 0) {
                if (s.request().fixedDeparture()) {
                    throw fixedTimeTaken(s.request(), s.path(), hold);
                }
                departureDelay = departureDelay.plus(hold.delay());
            } else {
                waits.merge(hold.pointIndex(), hold.delay(), Duration::plus);
                waited = waited.plus(hold.delay());
            }
            if (startOffset
                            .plus(departureDelay)
                            .plus(waited)
                            .compareTo(s.request().maxDelay())
                    > 0) {
                throw tooLong(s.request());
            }
        }
        tries[0] = MAX_ITERATIONS + 1;
        throw outOfTries(s.request());
    }

    private static InsertedPath found(
            LinePath path,
            TrainPlan plan,
            ScheduledRun run,
            Map<Integer, Duration> waits,
            Duration departureDelay,
            int iteration) {
        List<StopRequest> waitList = new ArrayList<>();
        waits.forEach(
                (i, d) -> waitList.add(new StopRequest(path.points().get(i).code(), d)));
        return new InsertedPath(plan, run, waitList, departureDelay, iteration);
    }

    private static Clash repeated(PathRequest request, SearchStates.Known known) {
        if (known instanceof SearchStates.RefusedBefore refused) {
            return refused.why() == null
                    ? outOfTries(request)
                    : new Clash("earliestDeparture", refused.why(), "no-path");
        }
        return noEarlierArrival(); // the same path as an earlier search found: no earlier than the best kept
    }

    private static Clash noEarlierArrival() {
        return new Clash("earliestDeparture", "no earlier arrival from this departure", "no-path");
    }

    private static Clash fixedTimeTaken(PathRequest request, LinePath path, Hold hold) {
        return new Clash(
                "earliestDeparture",
                "train " + request.number() + " cannot leave " + path.origin().code() + " at the fixed time: "
                        + hold.resource() + " is taken",
                "fixed-time-taken");
    }

    private static Clash tooLong(PathRequest request) {
        return new Clash(
                "earliestDeparture",
                "no conflict-free path for " + request.number() + " within "
                        + request.maxDelay().toHours() + " h of waiting",
                "no-path");
    }

    private static Clash outOfTries(PathRequest request) {
        return new Clash(
                "earliestDeparture",
                "no conflict-free path for " + request.number() + " after " + MAX_ITERATIONS + " holds",
                "no-path");
    }

    /**
     * The plan scheduled as {@link Planner#schedule} does, but with its run taken from the planner's cache by the shape
     * of the path alone (stops and waits, not the number or the departure: the physics does not depend on them). The
     * search tries the same shape from many departures, and every ask from the same stations starts with the same one.
     */
    private ScheduledRun schedule(TrainPlan plan, LocalDate date, List<SpeedRestriction> restrictions) {
        List<SpeedRestriction> applying = planner.applying(plan, date, restrictions);
        TrainPlan shape = new TrainPlan(
                "",
                plan.operator(),
                plan.trainType(),
                plan.passenger(),
                plan.calendar(),
                plan.from(),
                plan.to(),
                LocalTime.MIDNIGHT,
                plan.stops(),
                plan.meets(),
                plan.fixedDeparture(),
                plan.allowancePercent(),
                plan.note(),
                plan.via());
        TrainRun run = planner.run(shape, applying);
        Instant departure = date.atTime(plan.departure())
                .atZone(run.path().origin().timeZone())
                .toInstant();
        return new ScheduledRun(plan, date, run, departure);
    }

    /** Where to hold the train and for how long, or null if its path is free. */
    private record Hold(int pointIndex, Duration delay, String resource) {}

    /**
     * The run's resources in the order it reaches them; the first it finds taken decides the hold. Kept in small
     * methods with short loops: HotSpot 17.0.15's C2 crashed compiling the former single long method on stack.
     */
    private Hold firstHold(ScheduledRun run, TrainType type, OccupationIndex index) {
        PathCandidates c = candidates(run.run());
        long departure = OccupationIndex.nanos(run.departure());
        for (int i = 0; i < c.size(); i++) {
            Wait wait = shortestWait(c, i, departure, index);
            if (wait != null) {
                double entryM =
                        Double.isNaN(c.entryM()[i]) ? entryPosition(run.run().path(), c.resources()[i]) : c.entryM()[i];
                return new Hold(holdingPoint(run.run().path(), type, entryM), wait.delay(), wait.resource());
            }
        }
        return null;
    }

    /**
     * The run's candidates, made once per run: the planner hands the same run for the same shape of path, which the
     * search tries from many departures (an origin hold changes only the departure).
     */
    private PathCandidates candidates(TrainRun run) {
        synchronized (candidates) {
            PathCandidates known = candidates.get(run);
            if (known != null) {
                return known;
            }
        }
        PathCandidates made = PathCandidates.of(run, planner.resources(), planner.rules(), this::tracks);
        synchronized (candidates) {
            if (candidates.size() >= MAX_CANDIDATE_RUNS) {
                candidates.clear();
            }
            candidates.put(run, made);
        }
        return made;
    }

    /**
     * The tracks a stop may take, in order: built once per station and kind of stop, so that the ids looked up in the
     * day's index are the same strings every time (their hash computed once, not at every try of the search).
     */
    private String[] tracks(Point station, boolean passing, boolean rising) {
        String[][] kinds = stationTracks.computeIfAbsent(station.code(), code ->
                new String[][] {{Resources.track(code, 1)}, trackIds(station, true), trackIds(station, false)});
        return kinds[passing ? 0 : rising ? 1 : 2];
    }

    private String[] trackIds(Point station, boolean rising) {
        BlockingTimes.StationStop probe =
                new BlockingTimes.StationStop("", station, rising, false, Instant.EPOCH, Instant.EPOCH);
        return StationTracks.preference(probe, planner.network()).stream()
                .map(t -> Resources.track(station.code(), t))
                .toArray(String[]::new);
    }

    private record Wait(Duration delay, String resource) {}

    /**
     * The shortest wait until one of candidate {@code i}'s alternatives is free, or null if one of them is free
     * already; in nanoseconds since the epoch until the answer.
     */
    private static Wait shortestWait(PathCandidates c, int i, long departure, OccupationIndex index) {
        long from = departure + c.from()[i];
        long to = departure + c.to()[i];
        String[] alternatives = c.alternatives()[i];
        if (alternatives == null) {
            long free = index.takenUntil(c.resources()[i], from, to);
            return free == OccupationIndex.FREE ? null : new Wait(wholeMinutes(free - from), c.resources()[i]);
        }
        long bestMinutes = Long.MAX_VALUE;
        String bestResource = null;
        for (String resource : alternatives) {
            long free = index.takenUntil(resource, from, to);
            if (free == OccupationIndex.FREE) {
                return null; // this alternative is free: no hold needed here
            }
            long minutes = wholeMinutes(free - from).toMinutes();
            if (minutes < bestMinutes) {
                bestMinutes = minutes;
                bestResource = resource;
            }
        }
        return new Wait(Duration.ofMinutes(bestMinutes), bestResource);
    }

    /** Planners hold trains for whole minutes: round up, and never hold for zero. */
    private static Duration wholeMinutes(long nanos) {
        long minutes = Math.max(1, (nanos / 1_000_000_000L + 59) / 60);
        return Duration.ofMinutes(minutes);
    }

    /** Where along the path the train must have permission to enter the resource. */
    private double entryPosition(LinePath path, String resource) {
        Resources.Resource found = planner.resources().find(resource).orElse(null);
        if (found instanceof Resources.Line line) {
            int a = path.indexOf(line.fromCode());
            int b = path.indexOf(line.toCode());
            return path.positionM(Math.min(a, b));
        }
        if (found instanceof Resources.Block block) {
            LinePath.Leg leg = BlockingTimes.legOver(path, block);
            if (leg == null) {
                return 0;
            }
            double start = leg.positionOf(leg.rising() ? block.fromKm() : block.toKm());
            double end = leg.positionOf(leg.rising() ? block.toKm() : block.fromKm());
            return start - (end - start);
        }
        return 0;
    }

    /** The last point at or before {@code positionM} where this train can be held (the origin if none). */
    private static int holdingPoint(LinePath path, TrainType type, double positionM) {
        int best = 0;
        for (int i = 1; i < path.points().size() - 1; i++) {
            Point p = path.points().get(i);
            if (path.positionM(i) <= positionM + 1e-6 && p.canHoldTrains() && p.usefulLengthM() >= type.lengthM()) {
                best = i;
            }
        }
        return best;
    }

    private static TrainPlan plan(
            PathRequest r,
            LinePath path,
            Instant departure,
            Map<Integer, Duration> requested,
            Map<Integer, Duration> waits) {
        List<StopRequest> stops = new ArrayList<>();
        requested.forEach(
                (i, d) -> stops.add(new StopRequest(path.points().get(i).code(), d)));
        List<StopRequest> meets = new ArrayList<>();
        waits.forEach((i, d) -> meets.add(new StopRequest(path.points().get(i).code(), d)));
        ZonedDateTime local = departure.atZone(path.origin().timeZone());
        return new TrainPlan(
                r.number(),
                r.operator(),
                r.trainType(),
                r.passenger(),
                r.calendar(),
                path.origin().code(),
                path.destination().code(),
                local.toLocalTime(),
                stops,
                meets,
                r.fixedDeparture(),
                r.allowancePercent(),
                "",
                r.via());
    }

    private static LocalDate serviceDate(LinePath path, Instant departure) {
        return departure.atZone(path.origin().timeZone()).toLocalDate();
    }

    /**
     * The day's index, reused while the same list is asked about (a day's list is immutable; a caller's own list must
     * not change while it is searched). An empty list (the free run) is not kept: it would push the day out.
     */
    private OccupationIndex index(List<Occupation> existing) {
        OccupationIndex last = lastIndex;
        if (last != null && last.isOf(existing)) {
            return last;
        }
        OccupationIndex built = OccupationIndex.of(existing);
        if (!existing.isEmpty()) {
            lastIndex = built;
        }
        return built;
    }
}
