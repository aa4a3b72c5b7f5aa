/**
 * Timetable changes: the one way the plan changes after it is built.
 *
 * <p>A {@link org.lancang.timetable.change.TimetableChange} is a list of {@link
 * org.lancang.timetable.change.Edit edits} (move a train's first departure, add a train, cancel a train, replace a
 * train's stops and meets) with a {@link org.lancang.timetable.change.ChangeScope scope}: the service dates it holds
 * for (one date, a range, some days of the week). A change is kept as a draft (a scenario, as OSRD keeps edits in a
 * scenario) until it is published; the timetable of a date is the base plan with the published changes in force that
 * date applied in the order they were published ({@link org.lancang.timetable.change.PlansOfADay}). Dates outside a
 * change's scope keep exactly the plans they had. Who may create, publish and undo a change, and what it does to sold
 * tickets, is the application's business (lancang-store's {@code changes} package).
 */
package org.lancang.timetable.change;
