/**
 * Tracking of freight boxes and wagons (issue 18): what happened to each unit of a consignment, and when it will be
 * ready at its destination, with no I/O.
 *
 * <p>A <em>box event</em> ({@link org.lancang.tracking.BoxEvent}) says that a unit (an ISO 6346 box or a UIC wagon)
 * of a consignment (a freight booking) went through a step ({@link org.lancang.tracking.BoxEventType}) at a place and
 * time. Terminal steps (gate-in, loaded, customs release, transshipped to metre gauge, delivered, empty returned) are
 * reported by people; train steps (departed, passed, border exit and entry, arrived) are <em>derived</em> from the
 * running events of the unit's train by {@link org.lancang.tracking.TrainSteps}, using the borders the network
 * describes (no station code lives here), along the way the train runs between the unit's two stations (its plan's
 * {@code via}, where the caller gives the plans). An event's identity is a name-based UUID of its consignment, unit, step and
 * place, so the same fact reported twice is the same event. {@link org.lancang.tracking.BoxTimeline} refuses a step
 * dated before the unit's last one.
 *
 * <p>The <em>ETA</em> of a consignment ({@link org.lancang.tracking.TerminalTimes}) is its train's forecast arrival at
 * the destination plus the time the destination terminal needs before the box can be collected.
 */
package org.lancang.tracking;
