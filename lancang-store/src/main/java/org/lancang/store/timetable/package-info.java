/**
 * The timetable as the platform keeps it. {@link org.lancang.store.timetable.TimetableService} holds the train plans
 * and possessions (stored in PostgreSQL), evaluates days with the core's planner and caches them until something
 * changes, inserts paths and moves departures. What maintenance holds against the timetable (skylight occurrences and
 * speed restrictions) comes in through its {@code DayConstraints}, which must answer without calling back: the service
 * holds its lock while asking, and the lock order is maintenance before timetable.
 */
package org.lancang.store.timetable;
