package org.lancang.web.timetable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.lancang.errors.Validation;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.diagram.DiagramWindow;
import org.lancang.web.http.Params;

/**
 * The window a time-distance diagram's query asks for, read one way for the planner's diagram
 * ({@code /api/timetable/diagram.svg}) and the dispatcher's ({@code /api/operations/diagram.svg}): {@code line} (the
 * main line by default), {@code from} and {@code to} (the line's first and last points by default), {@code zone} (the
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
        // without from and to, the whole of the line drawn (the main line when none is named)
        List<Point> points =
                (line == null ? network.mainLine() : network.line(line).orElseThrow()).points();
        String from = params.text("from").orElse(points.get(0).code()).toUpperCase(Locale.ROOT);
        String to =
                params.text("to").orElse(points.get(points.size() - 1).code()).toUpperCase(Locale.ROOT);
        v.check(network.point(from).isPresent(), "from", notAPoint(from, network));
        v.check(network.point(to).isPresent(), "to", notAPoint(to, network));
        v.throwIfInvalid();
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
                        params.text("lang").orElse("en"))
                .onLine(line);
    }

    private static String notAPoint(String code, Network network) {
        return "'" + code + "' is not a point of the network '" + network.code() + "'";
    }
}
