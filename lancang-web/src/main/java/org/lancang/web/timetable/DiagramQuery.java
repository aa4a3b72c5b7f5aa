package org.lancang.web.timetable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.lancang.errors.Validation;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.diagram.DiagramWindow;
import org.lancang.web.http.Params;

/**
 * The window a time-distance diagram's query asks for, read one way for the planner's diagram
 * ({@code /api/timetable/diagram.svg}) and the dispatcher's ({@code /api/operations/diagram.svg}): {@code line} (the
 * main line by default), {@code from} and {@code to} (a missing end is the far end of the line drawn: the line named, else the one holding the end given), {@code zone} (the
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
        // the line drawn: the one named, else the one holding the end(s) given (the main line first), else the main
        // line; a missing end is that line's far end from the given one, both missing the whole line
        String given = givenFrom.or(() -> givenTo).orElse(null);
        List<Point> points = (line != null ? network.line(line) : network.lineHolding(given, givenTo.orElse(given)))
                .orElse(network.mainLine())
                .points();
        String first = points.get(0).code();
        String last = points.get(points.size() - 1).code();
        String from = givenFrom.orElse(givenTo.filter(first::equals).isPresent() ? last : first);
        String to = givenTo.orElse(from.equals(last) ? first : last);
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

    private static String notAPoint(String code, Network network) {
        return "'" + code + "' is not a point of the network '" + network.code() + "'";
    }
}
