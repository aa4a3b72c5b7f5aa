/**
 * The conflict detector. An {@link org.lancang.timetable.conflict.Occupation} says that an owner (a train run such as
 * {@code D887@2026-12-01}, or a possession) holds a resource from one instant to another. Two occupations of one
 * resource by different owners that overlap in time are a {@link org.lancang.timetable.conflict.Conflict}: the railway
 * cannot run both.
 *
 * <p>{@link org.lancang.timetable.conflict.ConflictDetector} finds every conflict by sweeping each resource's
 * occupations in time order, so a day of some 40,000 blocking times is checked in tens of milliseconds; {@link
 * org.lancang.timetable.conflict.BruteForceConflictChecker} compares every pair and is the reference the sweep is
 * tested against on thousands of seeded cases. The package treats a resource as an opaque id: what a resource is (its
 * stations, km and direction) is known to {@link org.lancang.timetable.Resources}.
 */
package org.lancang.timetable.conflict;
