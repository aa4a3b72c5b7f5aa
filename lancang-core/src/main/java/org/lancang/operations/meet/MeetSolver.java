package org.lancang.operations.meet;

import java.time.Duration;

/** Solves a meet problem; {@code start} is a feasible solution to begin from (first come, first served). */
public interface MeetSolver {
    MeetSolution solve(MeetProblem problem, MeetSolution start, Duration limit);
}
