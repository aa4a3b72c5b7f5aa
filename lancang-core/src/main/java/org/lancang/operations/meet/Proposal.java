package org.lancang.operations.meet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.lancang.operations.LineOrders;

/**
 * A re-planning of the meets the dispatcher may apply: the new order on the lines where it changes, the holds it means
 * (which train waits where, until when, for whom), and what it costs against the forecast as it stands and against
 * first come, first served, all in weighted seconds of delay at destinations.
 *
 * @param basedOn       the forecast version it was computed from: applying it to a later forecast is refused
 * @param ordersFrom    CP-SAT, HEURISTIC (the solver's start, when the solver found nothing better) or FCFS: whichever
 *                      came out cheapest played through the forecast
 * @param optimalityGap the solver's (objective − bound) / objective
 * @param conflicts     conflicts the planner's detector finds on single-track lines at the proposed times; never one
 *                      the forecast as it stands does not have (a proposal brings no conflict)
 */
public record Proposal(
        LocalDate date,
        long basedOn,
        long currentCost,
        long fcfsCost,
        long proposedCost,
        String ordersFrom,
        String solverStatus,
        long solverObjective,
        long solverBound,
        double optimalityGap,
        long solverMillis,
        List<LineChange> lineChanges,
        List<Hold> holds,
        List<TrainDelay> delays,
        int conflicts,
        LineOrders orders) {
    public Proposal {
        lineChanges = List.copyOf(lineChanges);
        holds = List.copyOf(holds);
        delays = List.copyOf(delays);
    }

    /** A line whose order of trains changes. */
    public record LineChange(String line, List<String> before, List<String> after) {}

    /** A train held at a point until a time, waiting for another train. */
    public record Hold(String train, LocalDate serviceDate, String point, Instant until, String waitsFor) {}

    /** A train's delay at its destination now and with the proposal, in seconds. */
    public record TrainDelay(String train, LocalDate serviceDate, long currentSeconds, long proposedSeconds) {}

    /** Proposed cost over first come, first served (the target: at most 0.7 on disruptions). */
    public double ratioToFcfs() {
        return fcfsCost == 0 ? (proposedCost == 0 ? 1.0 : Double.POSITIVE_INFINITY) : (double) proposedCost / fcfsCost;
    }
}
