package org.lancang.operations.meet;

import java.time.LocalDate;
import java.util.List;

/**
 * Who goes first on each single-track line, as a scheduling problem in plain numbers (epoch seconds): each train's
 * remaining legs over single-track lines, each with the earliest it may leave, its minimum running time, the stand at
 * its end before the next leg, and how long before entering and after arriving the line is held for it (route setting;
 * tail clearing and release). Legs already entered are fixed. The objective: the sum over trains of weight × delay at
 * the destination, where the destination is reached at the fastest from the last leg's end.
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
            long fixedArrival) {}

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

    /** The lower bound of the time range every variable lives in. */
    public long earliest() {
        return trains.stream()
                .flatMap(t -> t.legs().stream())
                .mapToLong(l -> l.fixed() ? l.fixedDeparture() - l.before() : l.earliestDeparture() - l.before())
                .min()
                .orElse(0);
    }
}
