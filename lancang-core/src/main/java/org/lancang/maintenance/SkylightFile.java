package org.lancang.maintenance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lancang.data.CsvTable;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;

/**
 * The line's regular skylight plan as a data file ({@value #FILE}): one recurring window per row, {@code id, from, to,
 * days, start, duration_min, kind, purpose, description, source}. {@code days} is {@code daily} or weekdays such as
 * {@code MON WED}; {@code start} is local time at the {@code from} point. Every window is checked as the maintenance
 * API checks one ({@link SkylightPlanner#check}); a mistake names file, line and field.
 */
public final class SkylightFile {
    public static final String FILE = "skylights.csv";

    private static final List<String> COLUMNS =
            List.of("id", "from", "to", "days", "start", "duration_min", "kind", "purpose", "description", "source");

    private SkylightFile() {}

    public static List<SkylightWindow> parse(String file, String text, Network network, MaintenanceRules rules) {
        SkylightPlanner planner = new SkylightPlanner(network, rules);
        List<SkylightWindow> windows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvTable.Row row : CsvTable.parse(file, text, COLUMNS).rows()) {
            SkylightWindow w = new SkylightWindow(
                    row.required("id"),
                    row.required("from"),
                    row.required("to"),
                    days(row),
                    start(row),
                    Duration.ofMinutes(row.integerBetween("duration_min", 1, 24 * 60)),
                    row.oneOf("kind", SkylightKind.class),
                    row.oneOf("purpose", SkylightPurpose.class),
                    row.text("description"));
            if (!ids.add(w.id())) {
                throw row.error("id", "'" + w.id() + "' appears twice");
            }
            try {
                planner.check(w);
            } catch (InvalidInput e) {
                throw row.error(column(e.field()), e.errors().get(0).message());
            }
            windows.add(w);
        }
        return List.copyOf(windows);
    }

    /** The file's column for a field of {@link SkylightWindow}. */
    private static String column(String field) {
        return switch (field) {
            case "fromPoint" -> "from";
            case "toPoint" -> "to";
            case "duration" -> "duration_min";
            default -> field;
        };
    }

    private static Set<DayOfWeek> days(CsvTable.Row row) {
        String text = row.required("days").toUpperCase(Locale.ROOT);
        if (text.equals("DAILY")) {
            return SkylightWindow.daily();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : text.split("\\s+")) {
            days.add(Arrays.stream(DayOfWeek.values())
                    .filter(x -> d.length() >= 3 && x.name().startsWith(d))
                    .findFirst()
                    .orElseThrow(() -> row.error("days", "'" + d + "' is not a weekday (MON … SUN) or daily")));
        }
        return days;
    }

    private static LocalTime start(CsvTable.Row row) {
        try {
            return LocalTime.parse(row.required("start"));
        } catch (DateTimeParseException e) {
            throw row.error("start", "'" + row.text("start") + "' is not a time (HH:MM)");
        }
    }
}
