package org.lancang.timetable.diagram;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import org.lancang.errors.Validation;
import org.lancang.network.Network;

/**
 * Which part of the time-distance diagram to draw: the stretch from one point to another (the first at the top), a
 * time window, the zone the time axis is shown in, and the language of the names.
 */
public record DiagramRequest(String from, String to, Instant start, Duration length, ZoneId zone, String language) {
    public static final Set<String> LANGUAGES = Set.of("en", "zh", "lo");

    /** Checks the request against the network; every problem is named by its query field. */
    public void check(Network network) {
        Validation v = new Validation();
        v.check(from != null && network.point(from).isPresent(), "from", "'" + from + "' is not a point of the line");
        v.check(to != null && network.point(to).isPresent(), "to", "'" + to + "' is not a point of the line");
        v.check(from == null || !from.equalsIgnoreCase(to), "to", "must differ from from");
        v.check(length != null && length.compareTo(Duration.ofHours(1)) >= 0 && length.compareTo(Duration.ofHours(48)) <= 0,
                "hours", "must be between 1 and 48");
        v.check(LANGUAGES.contains(language), "lang", "must be en, zh or lo");
        v.throwIfInvalid();
    }
}
