/**
 * The timetable: planning trains so that they fit on the line together.
 *
 * <p>A <em>train plan</em> ({@link org.lancang.timetable.TrainPlan}) is what a planner fixes: the number, the
 * operator, the train type, the days it runs ({@link org.lancang.timetable.ServiceCalendar}), the first departure at
 * the origin, its stops with their dwell times and the meets it waits for at passing loops. Everything else is
 * computed: the {@link org.lancang.timetable.Planner} turns a plan into a run ({@link org.lancang.timetable.TrainRun},
 * times at every point from the running-time physics of {@code runtime}), and on a service date into a {@link
 * org.lancang.timetable.ScheduledRun} with instants, each point's time shown in that point's zone.
 *
 * <p>Whether trains fit is decided on <em>resources</em> ({@link org.lancang.timetable.Resources}): a single-track
 * line between two points that can hold trains is one resource for both directions, double track is cut into block
 * sections per direction, and every station track is one. A train occupies each resource for its <em>blocking
 * time</em> ({@link org.lancang.timetable.BlockingTimes}, from {@link org.lancang.timetable.BlockingRules}); a
 * <em>possession</em> ({@link org.lancang.timetable.Possession}) closes resources for works; a temporary {@link
 * org.lancang.timetable.SpeedRestriction} slows the trains that pass it while it is in force. A {@link
 * org.lancang.timetable.DayPlan} is one day evaluated: its runs, every blocking time and every conflict (found in
 * {@code timetable.conflict}). <em>Path insertion</em> ({@link org.lancang.timetable.PathFinder}) finds the earliest
 * conflict-free path for a new train, waiting only where the tracks are long enough. The diagram is in {@code
 * timetable.diagram}; docs/adr/0005 explains the choice of blocking times.
 */
package org.lancang.timetable;
