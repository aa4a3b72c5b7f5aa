package org.lancang.dispatch;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.lancang.operations.meet.MeetProblem;
import org.lancang.operations.meet.MeetSolution;
import org.lancang.operations.meet.MeetSolver;

/**
 * A solver held to what is left of one re-planning's wall-clock budget. The core reads no clock, so it gives the
 * solver a fixed share of the budget; but the steps before the solve (the problem, FCFS, the heuristic's search) take
 * longer on a loaded machine, and the solve would then end the re-planning late. Made when the re-planning starts,
 * this gives the solver at most what remains once the time taken so far and the share kept for the steps after the
 * solve are subtracted, and never less than {@link #FLOOR} (enough to return its start).
 */
public final class WallClockBudget implements MeetSolver {
    /** The shortest time a solver is given: its start comes back even if the search has no time. */
    public static final Duration FLOOR = Duration.ofMillis(30);

    /** The share of the whole budget kept for playing the orders through the forecast after the solve. */
    static final double AFTER_SOLVE_SHARE = 0.2;

    private final MeetSolver solver;
    private final long wholeNanos;
    private final LongSupplier nanoClock;
    private final long startNanos;

    private WallClockBudget(MeetSolver solver, Duration whole, LongSupplier nanoClock) {
        this.solver = solver;
        this.wholeNanos = whole.toNanos();
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** The budget of a re-planning starting now. */
    public static WallClockBudget startingNow(MeetSolver solver, Duration whole) {
        return new WallClockBudget(solver, whole, System::nanoTime);
    }

    /** The same with a clock of the caller's, for tests. */
    static WallClockBudget startingNow(MeetSolver solver, Duration whole, LongSupplier nanoClock) {
        return new WallClockBudget(solver, whole, nanoClock);
    }

    /** What the solver may take now: the share it was offered, cut to what is left of the whole budget. */
    Duration limitNow(Duration offered) {
        long spent = nanoClock.getAsLong() - startNanos;
        long left = wholeNanos - spent - Math.round(wholeNanos * AFTER_SOLVE_SHARE);
        long nanos = Math.max(FLOOR.toNanos(), Math.min(offered.toNanos(), left));
        return Duration.ofNanos(nanos);
    }

    @Override
    public MeetSolution solve(MeetProblem problem, MeetSolution start, Duration limit) {
        return solver.solve(problem, start, limitNow(limit));
    }
}
