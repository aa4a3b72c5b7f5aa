package org.lancang.runtime;

/**
 * One sample of the speed–distance–time profile.
 *
 * @param positionM position of the head, m from the path start
 * @param speedMps  speed, m/s
 * @param timeS     time since the departure from the path start, s (dwell times included)
 */
public record ProfilePoint(double positionM, double speedMps, double timeS) {}
