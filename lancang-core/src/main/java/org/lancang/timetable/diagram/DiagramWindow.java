package org.lancang.timetable.diagram;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.lancang.errors.Validation;
import org.lancang.network.Line;
import org.lancang.network.Network;

/**
 * What part of the time-distance diagram to draw: the stretch from {@code fromCode} (drawn at the top) to
 * {@code toCode} (at the bottom; either order along the line), the time window {@code [start, start + length)}, the one
 * zone the time axis is shown in, the language of the names (en, zh or lo), and the line whose km run down the side
 * (null: the network's one line, or the one line holding both ends; a network of several lines has a diagram per line,
 * and no line is ever taken for another, ADR 0033).
 *
 * <p>Nothing is checked on construction; {@link #check(Network)} checks the window against a network and names each
 * wrong field as the diagram's query parameter does: {@code line}, {@code from}, {@code to}, {@code start},
 * {@code hours}, {@code zone}, {@code lang}.
 */
public record DiagramWindow(
        String fromCode,
        String toCode,
        Instant start,
        Duration length,
        ZoneId displayZone,
        String language,
        String lineCode) {
    /** The languages the diagram is drawn in. */
    public static final List<String> LANGUAGES = List.of("en", "zh", "lo");

    public static final Duration MIN_LENGTH = Duration.ofHours(1);
    public static final Duration MAX_LENGTH = Duration.ofHours(48);

    /**
     * A window given as a local date and time in {@code zone} (the way a person asks for it): for example 06:00 Lao
     * time on 2026-12-01, for 12 hours, on the line {@code lineCode} (null: as {@link #line(Network)} says).
     */
    public static DiagramWindow local(
            String fromCode,
            String toCode,
            LocalDate date,
            LocalTime startTime,
            Duration length,
            ZoneId zone,
            String language,
            String lineCode) {
        return new DiagramWindow(
                fromCode, toCode, date.atTime(startTime).atZone(zone).toInstant(), length, zone, language, lineCode);
    }

    /**
     * The line drawn: the one named; when none is, the network's one line, or the one line holding both ends of the
     * stretch (a stretch of a branch is drawn on the branch without naming it); empty when the network has no such
     * line, or none is named and not exactly one line holds both ends.
     */
    public Optional<Line> line(Network network) {
        if (lineCode != null && !lineCode.isBlank()) {
            return network.line(lineCode);
        }
        if (network.lines().size() == 1) {
            return Optional.of(network.lines().get(0));
        }
        List<Line> holding = network.linesHolding(fromCode, toCode);
        return holding.size() == 1 ? Optional.of(holding.get(0)) : Optional.empty();
    }

    /** The end of the window (exclusive). */
    public Instant end() {
        return start.plus(length);
    }

    /**
     * Checks the window against the network: the line is one of the network's, both codes are points of it and differ, the length is 1 to 48
     * hours, the language is en, zh or lo; start and zone are given.
     *
     * @throws org.lancang.errors.InvalidInput naming every wrong field ({@code line}, {@code from}, {@code to}, {@code start},
     *                                         {@code hours}, {@code zone}, {@code lang})
     */
    public void check(Network network) {
        Validation v = new Validation();
        Line line = line(network).orElse(null);
        if (line == null) {
            refuseTheLine(network, v);
        }
        String of = network.lines().size() == 1 ? "the line" : "line " + line.code();
        int from = line.indexOf(fromCode);
        int to = line.indexOf(toCode);
        v.check(
                from >= 0,
                "from",
                fromCode == null || fromCode.isBlank() ? "is required" : "'" + fromCode + "' is not a point of " + of);
        v.check(
                to >= 0,
                "to",
                toCode == null || toCode.isBlank() ? "is required" : "'" + toCode + "' is not a point of " + of);
        if (from >= 0 && to >= 0) {
            v.check(
                    from != to,
                    "to",
                    "must differ from 'from' (" + line.points().get(from).code() + ")");
        }
        v.check(start != null, "start", "is required");
        v.check(
                length != null && length.compareTo(MIN_LENGTH) >= 0 && length.compareTo(MAX_LENGTH) <= 0,
                "hours",
                "must be between 1 and 48 hours" + (length == null ? "" : " (was " + describe(length) + ")"));
        v.check(displayZone != null, "zone", "is required");
        v.check(
                language != null && LANGUAGES.contains(language),
                "lang",
                "'" + language + "' is not a language of the diagram: en, zh or lo");
        v.throwIfInvalid();
    }

    /** Why no line is drawn: the one named is unknown, or, none named, the ends are on no one line or on two. */
    private void refuseTheLine(Network network, Validation v) {
        if (lineCode != null && !lineCode.isBlank()) {
            v.add("line", "'" + lineCode + "' is not a line of the network");
        } else {
            boolean from = isPoint(v, network, fromCode, "from");
            boolean to = isPoint(v, network, toCode, "to");
            if (from && to && network.linesHolding(fromCode, toCode).isEmpty()) {
                v.add("to", "'" + toCode + "' is on no line with " + fromCode + ": a diagram is of one line");
            } else if (from && to) {
                v.add(
                        "line",
                        "is required: " + fromCode + " and " + toCode + " are both on "
                                + network.linesHolding(fromCode, toCode).stream()
                                        .map(Line::code)
                                        .toList());
            }
        }
        v.throwIfInvalid();
    }

    /** Whether the code is a point of the network; if not, why, under {@code field}. */
    private static boolean isPoint(Validation v, Network network, String code, String field) {
        boolean blank = code == null || code.isBlank();
        boolean point = !blank && network.point(code).isPresent();
        v.check(point, field, blank ? "is required" : "'" + code + "' is not a point of the network");
        return point;
    }

    private static String describe(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }
}
