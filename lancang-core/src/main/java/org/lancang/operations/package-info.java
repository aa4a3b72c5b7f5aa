/**
 * Live operations: the day as it runs. A <em>running event</em> is an actual time of a train at a timing point
 * (arrival, departure or pass), reported by a train describer, a dispatcher or the day simulator. The day is held as
 * an <em>event–activity graph</em> ({@link org.lancang.operations.DayGraph}, after Goverde 2010): events are the
 * arrivals and departures of every run at every point; activities join them with a minimum duration — running at
 * the physics' minimum time plus the allowance it cannot make up (the dispatching rules say how much), dwell, border handover, the plan's order
 * of trains on each single-track line (who waits for whom at a loop), and the turn of a set at a terminus into its
 * next working.
 *
 * <p>The <em>forecast</em> ({@link org.lancang.operations.Forecast}) of an event is its actual time if reported, else
 * the latest of its planned time and every predecessor's forecast plus the activity's minimum, each time carrying its
 * cause. One event changes only what lies downstream of it. {@link org.lancang.operations.Resimulation} computes the
 * same by brute force and is the oracle of the property tests. {@link org.lancang.operations.ConflictForecast} runs the
 * timetable's blocking-time detector on the forecast a few hours ahead; {@link org.lancang.operations.DaySimulator}
 * plays "reality" through the same physics with seeded {@link org.lancang.operations.Disturbance}s.
 */
package org.lancang.operations;
