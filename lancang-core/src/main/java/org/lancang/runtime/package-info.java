/**
 * Running-time calculation: how long a train takes along a path, following the "envelope" pipeline of
 * OSRD (SNCF Réseau's open-source railway designer).
 *
 * <p>For each leg between two consecutive stops (the train starts and ends every leg at rest):
 * <ol>
 *   <li>{@code StaticSpeedProfile}: the most restrictive static speed profile, min(line limits, train maximum,
 *       temporary restrictions), head-based: every restriction holds until the train's tail has cleared it.</li>
 *   <li>{@code LegCeiling}: braking curves at the planning deceleration, backwards from every speed decrease and
 *       from the stop at the leg's end, combined with the static profile into one speed ceiling.</li>
 *   <li>{@code LegIntegrator}: the acceleration curve forwards from rest (traction, Davis resistance, gradient
 *       averaged over the train length), capped by the ceiling: cruising at a limit, following a braking curve
 *       where it meets one.</li>
 *   <li>{@code LegRun}: time from {@code dt = 2 dx / (v1 + v2)}, exact for constant acceleration.</li>
 *   <li>{@link org.lancang.runtime.Allowance}: the leg's time is stretched; dwell times are not.</li>
 *   <li>{@link org.lancang.runtime.LegSupplements}: a start and a stop supplement are added to the leg (Chinese
 *       timetables' 起停附加时分); the start supplement comes before the train passes any point.</li>
 * </ol>
 * {@link org.lancang.runtime.RunningTimeCalculator#calculate(RunningTimeRequest)} runs the whole pipeline. The
 * result's {@link org.lancang.runtime.Profile} is read as a list of points but kept as the legs' own sample arrays:
 * path insertion caches thousands of runs, and one object per sample filled the heap.
 *
 * <p><b>Modelling choices.</b>
 * <ul>
 *   <li>Braking is at the constant planning deceleration and ignores the gradient (OSRD includes it).</li>
 *   <li>Beyond its last point a traction curve holds the last point's power (effort ∝ 1/v).</li>
 *   <li>The gradient is averaged over the train length; before the path start the first gradient is assumed.
 *       Gradient resistance is m·g·i/1000; curve resistance is not modelled.</li>
 *   <li>Holding a limit downhill is assumed possible (the train brakes as needed); holding it uphill only while full
 *       traction exceeds resistance, after which the speed falls by itself.</li>
 *   <li>A train that cannot start, or that stalls, raises {@link TooSteepForTraction} (an
 *       {@link java.lang.IllegalStateException}) naming the position and the gradient; the timetable's
 *       {@code RunningTimes} turns it into a refusal of the train type naming the stations and the km.</li>
 *   <li>The allowance stretches each leg's time uniformly (every speed divided by one factor), unlike OSRD's
 *       energy-saving (MARECO) distribution; leg times and passing times are the same either way.</li>
 * </ul>
 *
 * <p><b>Units.</b> SI inside and in every public record: metres ({@code M}), seconds ({@code S}), metres per second
 * ({@code Mps}), newtons ({@code N}), kilograms ({@code Kg}); gradients in per mille (‰, positive uphill in the
 * direction of travel); dwell and result times as {@link java.time.Duration}. Positions are metres from the start
 * of the path. {@link org.lancang.runtime.TrainPhysics#fromRailwayUnits} and
 * {@link org.lancang.runtime.TractionCurve#fromRailwayUnits} accept tonnes, km/h and kN.
 */
package org.lancang.runtime;
