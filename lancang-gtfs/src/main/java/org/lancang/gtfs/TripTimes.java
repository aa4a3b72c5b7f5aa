package org.lancang.gtfs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.lancang.data.CsvTable;
import org.lancang.network.Point;

/**
 * The arrival and departure times of one trip's stop times, in the feed's zone, every stop timed.
 *
 * <p>GTFS lets a producer leave the times of stops between two timed ones blank (they are then not timepoints); a
 * planner would place such a stop in proportion to the distance run, so the times are interpolated by chainage
 * between the timed stops either side, and {@link #interpolated} names those stops so the import can say so. A stop
 * with only one of its two times stands still for no time. The first and last stop must be timed, as GTFS requires.
 */
final class TripTimes {
    private final List<CsvTable.Row> rows;
    private final Duration[] arrivals;
    private final Duration[] departures;
    private final List<String> interpolated;

    private TripTimes(List<CsvTable.Row> rows, Duration[] arrivals, Duration[] departures, List<String> interpolated) {
        this.rows = rows;
        this.arrivals = arrivals;
        this.departures = departures;
        this.interpolated = List.copyOf(interpolated);
    }

    /** Reads the rows (in stop_sequence order) of the stops at {@code points}; refused naming the row and field. */
    static TripTimes read(List<CsvTable.Row> rows, List<Point> points) {
        int n = rows.size();
        Duration[] arrivals = new Duration[n];
        Duration[] departures = new Duration[n];
        for (int i = 0; i < n; i++) {
            arrivals[i] = parse(rows.get(i), "arrival_time");
            departures[i] = parse(rows.get(i), "departure_time");
            if (arrivals[i] == null) {
                arrivals[i] = departures[i];
            }
            if (departures[i] == null) {
                departures[i] = arrivals[i];
            }
        }
        for (int end : new int[] {0, n - 1}) {
            if (arrivals[end] == null) {
                throw rows.get(end)
                        .error(
                                end == 0 ? "departure_time" : "arrival_time",
                                "must not be blank at the " + (end == 0 ? "first" : "last") + " stop of a trip");
            }
        }
        List<String> interpolated = new ArrayList<>();
        int before = 0;
        for (int i = 1; i < n; i++) {
            if (arrivals[i] == null) {
                continue;
            }
            for (int k = before + 1; k < i; k++) {
                Duration at =
                        between(points.get(before), departures[before], points.get(i), arrivals[i], points.get(k));
                arrivals[k] = at;
                departures[k] = at;
                interpolated.add(points.get(k).code());
            }
            before = i;
        }
        for (int i = 0; i < n; i++) {
            if (departures[i].compareTo(arrivals[i]) < 0) {
                throw rows.get(i).error("departure_time", "is before the arrival_time");
            }
            if (i > 0 && arrivals[i].compareTo(departures[i - 1]) < 0) {
                throw rows.get(i).error("arrival_time", "is before the departure from the previous stop");
            }
        }
        return new TripTimes(rows, arrivals, departures, interpolated);
    }

    /** The time at {@code at} running from {@code a} (leaving {@code leave}) to {@code b} (arriving {@code arrive}). */
    private static Duration between(Point a, Duration leave, Point b, Duration arrive, Point at) {
        double whole = Math.abs(b.km() - a.km());
        double part = whole == 0 ? 0.5 : Math.abs(at.km() - a.km()) / whole;
        long seconds = Math.round(arrive.minus(leave).getSeconds() * Math.min(1, part));
        return leave.plusSeconds(seconds);
    }

    private static Duration parse(CsvTable.Row row, String column) {
        String text = row.textIfPresent(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return GtfsTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw row.error(column, e.getMessage());
        }
    }

    /** Stop {@code i}'s departure as the feed gives it (or interpolates it), in the feed zone. */
    Duration departure(int i) {
        return departures[i];
    }

    /** The point codes whose times were interpolated, in order. */
    List<String> interpolated() {
        return interpolated;
    }

    /**
     * Stop {@code i}'s arrival (or departure) as an offset from midnight of the service day in the origin zone: the
     * feed time less {@code shift} (see {@link GtfsTime#shift}).
     */
    Duration offset(int i, boolean arrival, Duration shift, ZoneId originZone) {
        Duration offset = (arrival ? arrivals[i] : departures[i]).minus(shift);
        if (offset.isNegative()) {
            String column = arrival ? "arrival_time" : "departure_time";
            throw rows.get(i)
                    .error(
                            column,
                            "'" + rows.get(i).textIfPresent(column)
                                    + "' falls before midnight of the service day in the origin zone " + originZone);
        }
        return offset;
    }
}
