package org.lancang.operations.meet;

import java.time.LocalDate;
import java.util.List;

/**
 * Who goes first on each single-track line, as a scheduling problem in plain numbers (epoch seconds): each train's
 * remaining legs over single-track lines, each with the earliest it may leave, its minimum running time, the stand at
 * its end before the next leg, and how long before entering and after arriving the line is held for it (route setting;
 * tail clearing and release). Legs already entered are fixed. The objective: the sum over trains of weight × delay at
 * the destination, where the destination is reached at the fastest from the last leg's end. A leg over the line across
 * a road–rail bridge carries the road's windows as departures it may not take ({@link Window}): no solution has a
 * train on the bridge while the road owns it (ADR 0032, amended).
 *
 * @param from  start of the window re-planned: legs leaving from then on are decided
 * @param until end of the window: legs leaving later keep the current order
 */
public record MeetProblem(LocalDate date, long from, long until, List<TrainTask> trains, List<Turn> turns) {
    public MeetProblem {
        trains = List.copyOf(trains);
        turns = List.copyOf(turns);
    }

    /**
     * One leg over one single-track line. {@code rank} is its place in the line's current order; only legs with
     * {@code decide} set may change places (those starting within the window re-planned), later ones keep the order.
     * {@code windows}: the road's windows that forbid some of its departures, in the order the forecast applies them
     * (by the window's start); empty on every line that crosses no shared bridge.
     */
    public record Leg(
            String line,
            int rank,
            boolean decide,
            String entry,
            String exit,
            long earliestDeparture,
            long plannedArrival,
            long minimumRun,
            long minimumStandAfter,
            long before,
            long after,
            boolean fixed,
            long fixedDeparture,
            long fixedArrival,
            List<Window> windows) {
        public Leg {
            windows = List.copyOf(windows);
        }

        /** The earliest departure at or after {@code t} that no road's window forbids. */
        public long clearOfWindows(long t) {
            boolean moved = true;
            while (moved) { // to a fixed point: a wait past one window may meet another
                moved = false;
                for (Window w : windows) {
                    if (w.binds(t)) {
                        t = w.clear();
                        moved = true;
                    }
                }
            }
            return t;
        }
    }

    /**
     * A road's window on a shared bridge as it binds one leg: a departure after {@code latest} and before
     * {@code clear} would have the train on the line across the bridge (its route set ahead of it, its run over the
     * line, the release behind it) while the road owns the bridge. {@code latest} is the window's start less that
     * lead time, which is longer when speed restrictions slow the train over the line; {@code clear} is the window's
     * end plus the route setting. The forecast's {@link org.lancang.operations.RoadWindow}, in the problem's terms.
     *
     * @param name the bridge and the window, as the hold names them
     */
    public record Window(String name, long latest, long clear) {
        public boolean binds(long departure) {
            return departure > latest && departure < clear;
        }
    }

    /**
     * A train's part of the problem.
     *
     * @param run                 the run, {@code D887@2026-12-05}
     * @param weight              weight of a second of its delay at the destination
     * @param toDestination       fastest time from the last leg's arrival to the destination
     * @param plannedDestination  planned arrival at the destination
     */
    public record TrainTask(String run, long weight, List<Leg> legs, long toDestination, long plannedDestination) {
        public TrainTask {
            legs = List.copyOf(legs);
        }
    }

    /** {@code next} cannot leave its first leg before {@code previous} has ended its last one, plus {@code minimum}. */
    public record Turn(String previous, String next, long minimum) {}

    /** The same problem with no road's window on any leg: what the re-planning solved before ADR 0032's amendment. */
    public MeetProblem withoutWindows() {
        return new MeetProblem(
                date,
                from,
                until,
                trains.stream()
                        .map(t -> new TrainTask(
                                t.run(),
                                t.weight(),
                                t.legs().stream()
                                        .map(l -> new Leg(
                                                l.line(),
                                                l.rank(),
                                                l.decide(),
                                                l.entry(),
                                                l.exit(),
                                                l.earliestDeparture(),
                                                l.plannedArrival(),
                                                l.minimumRun(),
                                                l.minimumStandAfter(),
                                                l.before(),
                                                l.after(),
                                                l.fixed(),
                                                l.fixedDeparture(),
                                                l.fixedArrival(),
                                                List.of()))
                                        .toList(),
                                t.toDestination(),
                                t.plannedDestination()))
                        .toList(),
                turns);
    }

    /** Whether any leg carries a road's window (most networks have none). */
    public boolean hasWindows() {
        return trains.stream()
                .flatMap(t -> t.legs().stream())
                .anyMatch(l -> !l.windows().isEmpty());
    }

    /** The lower bound of the time range every variable lives in. */
    public long earliest() {
        return trains.stream()
                .flatMap(t -> t.legs().stream())
                .mapToLong(l -> l.fixed() ? l.fixedDeparture() - l.before() : l.earliestDeparture() - l.before())
                .min()
                .orElse(0);
    }
}
