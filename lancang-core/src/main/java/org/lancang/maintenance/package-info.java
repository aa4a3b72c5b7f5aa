/**
 * Maintenance of the line: the asset register generated from the network, inspections and when they fall due, defects
 * with their temporary speed restrictions, work orders and their lifecycle, and the skylight windows (天窗) that give
 * the works their time on the track.
 *
 * <p>Everything here is a plain value or a pure service: callers (persistence, HTTP) hand in the current state and an
 * instant, and get back new immutable values or an {@link org.lancang.errors.InvalidInput} naming the wrong field.
 * Two outputs feed the timetable: {@link org.lancang.maintenance.Defects#restrictionsInForce} gives the
 * {@link org.lancang.timetable.SpeedRestriction}s the running-time calculation consumes, and
 * {@link org.lancang.maintenance.SkylightPlanner#occurrences} gives the {@link org.lancang.timetable.Possession}s the
 * conflict detection and path insertion consume.
 */
package org.lancang.maintenance;
