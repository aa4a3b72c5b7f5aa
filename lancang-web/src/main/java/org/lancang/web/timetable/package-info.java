/**
 * Planning over HTTP: running times for a train between two points ({@code /api/runtime}), the timetable's trains with
 * their times in each point's zone, a day's conflicts, path insertion, moved departures, possessions, the GTFS feed
 * and the time-distance diagram as SVG. {@link org.lancang.web.timetable.TimetableViews} are the answers.
 */
package org.lancang.web.timetable;
