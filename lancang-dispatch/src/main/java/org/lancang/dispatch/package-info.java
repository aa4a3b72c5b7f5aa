/**
 * Meet re-planning with OR-Tools CP-SAT: {@link org.lancang.dispatch.CpSatMeetSolver} turns the core's
 * {@link org.lancang.operations.meet.MeetProblem} into a constraint model (an interval per train and single-track
 * line, no overlap on each line in either direction, precedence along each train, waits at loops), minimises the
 * weighted delay at destinations within a time limit, and reports the optimality gap. It lives in a module of its own
 * because the solver loads native code, which the pure core may not.
 */
package org.lancang.dispatch;
