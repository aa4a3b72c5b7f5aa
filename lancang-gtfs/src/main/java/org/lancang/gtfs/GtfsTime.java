package org.lancang.gtfs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * GTFS times and the shift between a train's origin zone and the feed's zone.
 *
 * <p>A GTFS time is {@code HH:MM:SS} counted from "noon minus 12 h" of the service day in the feed (agency) zone, and
 * may pass 24:00:00 for trains that run past midnight. Lancang counts call times from midnight of the service date in
 * the train's origin zone. The two differ by a fixed amount per train and service day, which {@link #shift} computes
 * from the zone rules rather than assuming "+1 h for Laos".
 */
public final class GtfsTime {
    private GtfsTime() {}

    /** Formats a non-negative whole-second duration as {@code HH:MM:SS} (hours may exceed 23). */
    public static String format(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException(time + " is negative: a GTFS time cannot be before the service day");
        }
        if (time.getNano() != 0) {
            throw new IllegalArgumentException(time + " has a fraction of a second: GTFS times are whole seconds");
        }
        long s = time.getSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /**
     * Parses {@code H:MM:SS} or {@code HH:MM:SS} (hours 0 … 99, as GTFS allows past midnight).
     *
     * @throws IllegalArgumentException with a message fit to follow a file, line and field
     */
    public static Duration parse(String text) {
        if (!text.matches("\\d{1,2}:\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("'" + text + "' is not a time in the form HH:MM:SS");
        }
        String[] parts = text.split(":");
        int h = Integer.parseInt(parts[0]);
        int m = Integer.parseInt(parts[1]);
        int s = Integer.parseInt(parts[2]);
        if (m > 59 || s > 59) {
            throw new IllegalArgumentException("'" + text + "' has minutes or seconds above 59");
        }
        return Duration.ofHours(h).plusMinutes(m).plusSeconds(s);
    }

    /**
     * What to add to an offset counted from midnight of {@code serviceDay} in {@code originZone} to get the GTFS time
     * of the same instant in {@code feedZone}: +1 h from Asia/Vientiane to Asia/Shanghai, 0 within one zone. Subtract it
     * to go back.
     */
    public static Duration shift(LocalDate serviceDay, ZoneId originZone, ZoneId feedZone) {
        var originStart = serviceDay.atStartOfDay(originZone).toInstant();
        // GTFS counts from noon minus 12 h (not midnight) so that days with a DST change still have 24 "hours".
        var feedStart =
                serviceDay.atTime(LocalTime.NOON).atZone(feedZone).toInstant().minus(Duration.ofHours(12));
        return Duration.between(feedStart, originStart);
    }
}
