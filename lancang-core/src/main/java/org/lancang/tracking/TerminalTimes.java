package org.lancang.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lancang.data.CsvTable;
import org.lancang.network.Network;
import org.lancang.network.Point;

/**
 * How long each freight terminal needs between a train's arrival and a box being ready for collection (unloading,
 * the terminal's checks), from the network's {@code freight-terminal-times.csv}; a terminal not listed takes the
 * default row's time ({@code *}).
 */
public final class TerminalTimes {
    public static final String FILE = "freight-terminal-times.csv";

    private final Map<String, Duration> release;
    private final Duration otherwise;

    TerminalTimes(Map<String, Duration> release, Duration otherwise) {
        this.release = Map.copyOf(release);
        this.otherwise = otherwise;
    }

    public static TerminalTimes parse(Network network, String text) {
        CsvTable t = CsvTable.parse(FILE, text, List.of("point", "release_minutes", "source"));
        Map<String, Duration> release = new TreeMap<>();
        Duration otherwise = null;
        for (CsvTable.Row row : t.rows()) {
            row.required("source");
            Duration d = Duration.ofMinutes(row.integerBetween("release_minutes", 0, 7 * 24 * 60));
            String code = row.required("point");
            if (code.equals("*")) {
                otherwise = d;
            } else {
                Point p = network.point(code).orElseThrow(() -> row.error("point", "unknown point"));
                release.put(p.code(), d);
            }
        }
        if (otherwise == null) {
            throw new IllegalArgumentException(FILE + " has no default row (point *)");
        }
        return new TerminalTimes(release, otherwise);
    }

    /** No terminal time anywhere: the train's arrival is when a box can be collected (a network without the file). */
    public static TerminalTimes none() {
        return new TerminalTimes(Map.of(), Duration.ZERO);
    }

    /** The time the terminal at {@code point} needs after the train's arrival. */
    public Duration release(String point) {
        return release.getOrDefault(point, otherwise);
    }

    /** When a box arriving at {@code point} by a train forecast there at {@code trainArrival} can be collected. */
    public Instant eta(String point, Instant trainArrival) {
        return trainArrival == null ? null : trainArrival.plus(release(point));
    }
}
