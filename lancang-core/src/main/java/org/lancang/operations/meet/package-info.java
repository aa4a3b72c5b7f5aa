/**
 * Meet re-planning on the single track. When delays make the planned order of trains on the single-track lines
 * costlier than it need be, a new order is proposed: on each contested line, which train goes first, and so at which
 * loop each meet happens and who waits there. A {@link org.lancang.operations.meet.MeetProblem} is the day's forecast
 * cut to the lines where the order may change; a {@link org.lancang.operations.meet.MeetSolver} orders them; the
 * {@link org.lancang.operations.meet.FirstComeFirstServed} baseline lets the train that reaches a contested line first
 * go first, the dispatcher's rule of thumb that every proposal is measured against. The cost is the weighted delay at
 * destinations (weights per train category in {@code dispatching.csv}). Where a road shares a bridge with the line, a
 * leg across it carries the road's windows as departures it may not take, so every solver keeps trains off the bridge
 * while the road owns it. The constraint-programming solver lives
 * outside the core, in {@code lancang-dispatch}, because it loads native code.
 */
package org.lancang.operations.meet;
