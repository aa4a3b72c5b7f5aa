package org.lancang.gtfs;

/**
 * A timetable cannot be written as a valid GTFS feed, for example because a train stops where no coordinate is known
 * or two trains share a number. The message names the train and the point.
 */
public final class GtfsExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GtfsExportException(String message) {
        super(message);
    }
}
