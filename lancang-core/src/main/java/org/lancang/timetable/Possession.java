package org.lancang.timetable;

import java.time.Instant;
import java.util.Objects;

/**
 * A maintenance or construction window: the line from one point to another (both directions, and the station tracks
 * strictly between them; a single station if both are the same) is closed to trains from {@code start} to {@code end}.
 */
public record Possession(String id, String fromPoint, String toPoint, Instant start, Instant end, String description) {
    public Possession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fromPoint, "fromPoint");
        Objects.requireNonNull(toPoint, "toPoint");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end: a possession must end after it starts");
        }
    }
}
