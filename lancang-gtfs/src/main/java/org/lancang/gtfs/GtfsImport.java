package org.lancang.gtfs;

import java.util.List;
import org.lancang.timetable.Timetable;

/**
 * What an import read: the network the feed belongs to, its trains, how each stop of the feed was matched to a point
 * of the network, and what was done to the feed that its producer should know (times interpolated).
 */
public record GtfsImport(String network, Timetable timetable, List<MatchedStop> stops, List<String> notes) {
    public GtfsImport {
        stops = List.copyOf(stops);
        notes = List.copyOf(notes);
    }

    /** A stop of the feed and the point it stands for; {@code how} says by what (stop_id, name, position …). */
    public record MatchedStop(String stopId, String stopName, String pointCode, String how) {}
}
