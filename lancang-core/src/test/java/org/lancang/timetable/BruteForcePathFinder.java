package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Point;
import org.lancang.rollingstock.TrainType;
import org.lancang.timetable.conflict.Occupation;

/**
 * The path search as it was before it was made fast (kept here as the oracle of {@link PathFinderSearchTest}): every
 * departure searched in full, every try scanning each resource's occupations from the start of the day.
 *
 * <p>Slots a new train into a busy day without creating a conflict. It runs the train as early as it may and, at the
 * first resource it finds taken, holds it at the last point before that resource where it can wait (a station or
 * passing loop whose tracks are long enough; the origin itself means a later departure) until the resource is free;
 * then tries again from there. Each hold only moves the train later in the part of the path that was blocked, so the
 * train reaches every resource as early as the others allow: the earliest arrival this way of waiting can give.
 */
final class BruteForcePathFinder {
    /** The search gives up after this many holds: no railway needs more on one path. */
    static final int MAX_ITERATIONS = 400;
    /** Departures tried: every quarter of an hour after the earliest. */
    static final Duration DEPARTURE_STEP = Duration.ofMinutes(15);

    private final Planner planner;

    BruteForcePathFinder(Planner planner) {
        this.planner = planner;
    }

    InsertedPath insert(
            PathRequest request, DayPlan day, List<Possession> possessions, List<SpeedRestriction> restrictions) {
        List<Occupation> existing = new ArrayList<>(day.occupations());
        return insert(request, existing, restrictions);
    }

    /**
     * Tries departures from the earliest one in steps of {@link #DEPARTURE_STEP} (only the earliest when the departure
     * is fixed), runs the hold-and-retry search from each, and keeps the earliest arrival. A later departure cannot
     * arrive before it leaves plus the free running time, which bounds the search.
     */
    InsertedPath insert(PathRequest request, List<Occupation> existing, List<SpeedRestriction> restrictions) {
        TrainType type = planner.trainType(request.trainType(), "trainType");
        LinePath path = LinePath.between(planner.network(), request.from(), request.to());
        Map<String, List<Occupation>> index = index(existing);
        Map<Integer, Duration> requested = new HashMap<>();
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
                InsertedPath found =
                        search(request, type, path, index, requested, departure, offset, bestArrival, restrictions);
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

    /** The hold-and-retry search from one departure; gives up once it cannot beat {@code bound}. */
    private InsertedPath search(
            PathRequest request,
            TrainType type,
            LinePath path,
            Map<String, List<Occupation>> index,
            Map<Integer, Duration> requested,
            Instant start,
            Duration startOffset,
            Instant bound,
            List<SpeedRestriction> restrictions) {
        TreeMap<Integer, Duration> waits = new TreeMap<>();
        Duration departureDelay = Duration.ZERO;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            Instant departure = start.plus(departureDelay);
            TrainPlan plan = plan(request, path, departure, requested, waits);
            ScheduledRun run = planner.schedule(plan, serviceDate(path, departure), restrictions);
            if (bound != null && !run.arrival().isBefore(bound)) {
                throw new Clash("earliestDeparture", "no earlier arrival from this departure", "no-path");
            }
            Hold hold = firstHold(run, type, index);
            if (hold == null) {
                List<StopRequest> waitList = new ArrayList<>();
                waits.forEach((i, d) ->
                        waitList.add(new StopRequest(path.points().get(i).code(), d)));
                return new InsertedPath(plan, run, waitList, startOffset.plus(departureDelay), iteration);
            }
            if (hold.pointIndex() == 0) {
                if (request.fixedDeparture()) {
                    throw new Clash(
                            "earliestDeparture",
                            "train " + request.number() + " cannot leave "
                                    + path.origin().code() + " at the fixed time: " + hold.resource() + " is taken",
                            "fixed-time-taken");
                }
                departureDelay = departureDelay.plus(hold.delay());
            } else {
                waits.merge(hold.pointIndex(), hold.delay(), Duration::plus);
            }
            Duration total = startOffset
                    .plus(departureDelay)
                    .plus(waits.values().stream().reduce(Duration.ZERO, Duration::plus));
            if (total.compareTo(request.maxDelay()) > 0) {
                throw new Clash(
                        "earliestDeparture",
                        "no conflict-free path for " + request.number() + " within "
                                + request.maxDelay().toHours() + " h of waiting",
                        "no-path");
            }
        }
        throw new Clash(
                "earliestDeparture",
                "no conflict-free path for " + request.number() + " after " + MAX_ITERATIONS + " holds",
                "no-path");
    }

    /** Where to hold the train and for how long, or null if its path is free. */
    private record Hold(int pointIndex, Duration delay, String resource) {}

    private Hold firstHold(ScheduledRun run, TrainType type, Map<String, List<Occupation>> index) {
        List<Candidate> candidates = candidates(run);
        candidates.sort(Comparator.comparing((Candidate c) -> c.occupation().from()));
        for (Candidate c : candidates) {
            Wait wait = shortestWait(c, index);
            if (wait != null) {
                return new Hold(holdingPoint(run.run().path(), type, c.entryM()), wait.delay(), wait.resource());
            }
        }
        return null;
    }

    private List<Candidate> candidates(ScheduledRun run) {
        BlockingTimes.Demand demand =
                BlockingTimes.of(run.owner(), run.run(), run.departure(), planner.resources(), planner.rules());
        List<Candidate> candidates = new ArrayList<>();
        for (Occupation o : demand.occupations()) {
            candidates.add(new Candidate(
                    o, List.of(o.resource()), entryPosition(run.run().path(), o.resource())));
        }
        for (BlockingTimes.StationStop s : demand.stationStops()) {
            List<String> tracks = s.passing()
                    ? List.of(Resources.track(s.station().code(), 1))
                    : StationTracks.preference(s, planner.network()).stream()
                            .map(t -> Resources.track(s.station().code(), t))
                            .toList();
            double pos = run.run()
                    .path()
                    .positionM(run.run().path().indexOf(s.station().code()));
            Occupation o = new Occupation(tracks.get(0), s.owner(), false, s.from(), s.to());
            candidates.add(new Candidate(o, tracks, pos - 1));
        }
        return candidates;
    }

    private record Wait(Duration delay, String resource) {}

    /** The shortest wait until one of the candidate's alternatives is free, or null if one of them is free already. */
    private static Wait shortestWait(Candidate c, Map<String, List<Occupation>> index) {
        Wait best = null;
        for (String resource : c.alternatives()) {
            Instant free = freeFrom(index.get(resource), c.occupation());
            if (free == null) {
                return null; // this alternative is free: no hold needed here
            }
            Duration d = wholeMinutes(Duration.between(c.occupation().from(), free));
            if (best == null || d.compareTo(best.delay()) < 0) {
                best = new Wait(d, resource);
            }
        }
        return best;
    }

    /** Planners hold trains for whole minutes: round up, and never hold for zero. */
    private static Duration wholeMinutes(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        return Duration.ofMinutes(minutes);
    }

    private record Candidate(Occupation occupation, List<String> alternatives, double entryM) {}

    /** The end of the last occupation overlapping {@code o}, or null if the resource is free for it. */
    private static Instant freeFrom(List<Occupation> occupations, Occupation o) {
        if (occupations == null) {
            return null;
        }
        Instant latest = null;
        for (Occupation other : occupations) {
            if (!other.from().isBefore(o.to())) {
                break; // sorted by start: nothing later can overlap
            }
            if (other.overlaps(o) && (latest == null || other.to().isAfter(latest))) {
                latest = other.to();
            }
        }
        return latest;
    }

    /** Where along the path the train must have permission to enter the resource. */
    private double entryPosition(LinePath path, String resource) {
        if (resource.startsWith("LINE:")) {
            String[] ends = resource.substring(5).split("-");
            int a = path.indexOf(ends[0]);
            int b = path.indexOf(ends[1]);
            return path.positionM(Math.min(a, b));
        }
        // looked up by id, not by scanning every block: this runs for each occupation of each try of the search
        if (planner.resources().find(resource).orElse(null) instanceof Resources.Block block) {
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
        new TreeMap<>(requested)
                .forEach(
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
                "");
    }

    private static LocalDate serviceDate(LinePath path, Instant departure) {
        return departure.atZone(path.origin().timeZone()).toLocalDate();
    }

    private static Map<String, List<Occupation>> index(List<Occupation> occupations) {
        Map<String, List<Occupation>> index = new HashMap<>();
        for (Occupation o : occupations) {
            index.computeIfAbsent(o.resource(), k -> new ArrayList<>()).add(o);
        }
        index.values().forEach(l -> l.sort(Comparator.comparing(Occupation::from)));
        return index;
    }
}
