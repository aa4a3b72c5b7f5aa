package org.lancang.timetable;

import java.time.Duration;
import org.lancang.network.Point;

/** When a train is at a point of its path, as offsets from its departure from the origin. */
public record PointTime(Point point, double positionM, Duration arrival, Duration departure, boolean stops) {}
