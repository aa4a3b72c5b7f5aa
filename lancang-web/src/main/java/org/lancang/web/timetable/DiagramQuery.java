package org.lancang.web.timetable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.diagram.DiagramWindow;
import org.lancang.web.http.Params;

/**
 * The window a time-distance diagram's query asks for, read one way for the planner's diagram
 * ({@code /api/timetable/diagram.svg}) and the dispatcher's ({@code /api/operations/diagram.svg}): {@code line} (by
 * default the network's one line, or the one line holding the ends given; with two to choose from, a 400 naming
 * {@code line}), {@code from} and {@code to} (a missing end is the far end of the line drawn), {@code zone} (the
 * zone of {@code from} by default), {@code start}, {@code hours} and {@code lang}. A bad value is a 400 naming its
 * parameter, in the same words on both diagrams; the two differ only in the defaults of the start and the length.
 */
public final class DiagramQuery {
    private DiagramQuery() {}

    /**
     * The window on {@code date} of the query's parameters on {@code network}; {@code defaultStart} gives the local start
     * time in the axis's zone when the query names none, {@code defaultHours} the length.
     */
    public static DiagramWindow window(
            Params params,
            Network network,
            LocalDate date,
            Function<ZoneId, LocalTime> defaultStart,
            int defaultHours) {
        String line = params.text("line").orElse(null);
        Validation v = new Validation();
        v.check(line == null || network.line(line).isPresent(), "line", "'" + line + "' is not a line of the network");
        v.throwIfInvalid();
        Optional<String> givenFrom = params.text("from").map(c -> c.toUpperCase(Locale.ROOT));
        Optional<String> givenTo = params.text("to").map(c -> c.toUpperCase(Locale.ROOT));
        givenFrom.ifPresent(c -> v.check(network.point(c).isPresent(), "from", notAPoint(c, network)));
        givenTo.ifPresent(c -> v.check(network.point(c).isPresent(), "to", notAPoint(c, network)));
        v.throwIfInvalid();
        // both ends given: the window's line is found, or refused, as the diagram is drawn (DiagramWindow.check); one
        // or none given: the missing end is the far end of the line named, else of the one line holding the end given
        // (else the network's one line), from the given one, both missing the whole line
        String from;
        String to;
        if (givenFrom.isPresent() && givenTo.isPresent()) {
            from = givenFrom.get();
            to = givenTo.get();
        } else {
            List<Point> points =
                    (line != null ? network.line(line).orElseThrow() : lineOf(network, givenFrom, givenTo)).points();
            String first = points.get(0).code();
            String last = points.get(points.size() - 1).code();
            from = givenFrom.orElse(givenTo.filter(first::equals).isPresent() ? last : first);
            to = givenTo.orElse(from.equals(last) ? first : last);
        }
        ZoneId zone = params.zone("zone", network.point(from).orElseThrow().timeZone());
        LocalTime start = params.time("start", defaultStart.apply(zone));
        int hours = params.wholeNumber("hours", defaultHours);
        return DiagramWindow.local(
                from,
                to,
                date,
                start,
                Duration.ofHours(hours),
                zone,
                params.text("lang").orElse("en"),
                line);
    }

    /** The one line holding the one end given, or the network's one line when none is; else a 400 naming {@code line}. */
    private static Line lineOf(Network network, Optional<String> from, Optional<String> to) {
        String given = from.or(() -> to).orElse(null);
        List<Line> holding = given == null ? network.lines() : network.linesHolding(given, given);
        if (holding.size() == 1) {
            return holding.get(0);
        }
        String codes = holding.stream().map(Line::code).collect(Collectors.joining(", "));
        throw new InvalidInput(
                "line",
                "is required: " + (given == null ? "the network has the lines " : given + " is on the lines ") + codes);
    }

    private static String notAPoint(String code, Network network) {
        return "'" + code + "' is not a point of the network '" + network.code() + "'";
    }
}
