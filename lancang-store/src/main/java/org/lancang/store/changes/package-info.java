/**
 * Timetable changes as the platform keeps them: drafts, publication, undo, their conflicts and their impact on sold
 * tickets. {@link org.lancang.store.changes.TimetableChangeService} is the one entry point through which the plan
 * changes: the planner's edits, a dispatcher's applied re-planning and a freight path approved for a shipper all call
 * it with a {@link org.lancang.timetable.change.TimetableChange} (the vocabulary is the core's). Publishing tells the
 * passengers whose trains move or are cancelled and waives their fees as {@link org.lancang.ticketing.ChangeRemedies}
 * says, in the same transaction; the timetable of every date follows at once. Each network served has its own service
 * over its own timetable ({@link org.lancang.store.changes.NetworkChanges} routes a request by the network it names or
 * by the change's id), and a network with a shared road–rail bridge checks the road's closed time against its limits
 * ({@link org.lancang.store.changes.RoadLimits}).
 */
package org.lancang.store.changes;
