/**
 * Timetable changes as the platform keeps them: drafts, publication, undo, their conflicts and their impact on sold
 * tickets. {@link org.lancang.store.changes.TimetableChangeService} is the one entry point through which the plan
 * changes: the planner's edits, a dispatcher's applied re-planning and a freight path approved for a shipper all call
 * it with a {@link org.lancang.timetable.change.TimetableChange} (the vocabulary is the core's). Publishing tells the
 * passengers whose trains move or are cancelled and waives their fees as {@link org.lancang.ticketing.ChangeRemedies}
 * says, in the same transaction; the timetable of every date follows at once.
 */
package org.lancang.store.changes;
