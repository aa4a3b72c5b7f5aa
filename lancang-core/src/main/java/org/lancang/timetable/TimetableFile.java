package org.lancang.timetable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.network.Routes;

/**
 * The timetable as a CSV file of train plans: one row per train with its first departure, its commercial stops and
 * the meets that path insertion planned. Stops and meets are written {@code CODE M:SS} separated by {@code ;}; a
 * departure fixed by hand adds the local time: {@code LPB 3 @10:15}. An optional column {@value #VIA} names the junctions
 * a train runs through, in order, separated by blanks, where its route is not the shortest (or two routes tie).
 */
public final class TimetableFile {
    public static final List<String> COLUMNS = List.of(
            "number",
            "operator",
            "train_type",
            "passenger",
            "days",
            "valid_from",
            "valid_to",
            "from",
            "to",
            "departure",
            "fixed_departure",
            "stops",
            "meets",
            "allowance_percent",
            "note");

    /** The optional column of the junctions a train runs through. */
    public static final String VIA = "via";

    private TimetableFile() {}

    /**
     * The plans of a file with the row each was read from, in the file's order: a check made after reading names the
     * row without parsing the file a second time.
     */
    private record Read(List<TrainPlan> plans, List<CsvTable.Row> rows) {
        public Read {
            plans = List.copyOf(plans);
            rows = List.copyOf(rows);
        }

        /** The error of plan {@code i}'s row, naming its column and its train. */
        DataFileException error(int i, String column, String problem) {
            return rows.get(i).error(column, "train " + plans.get(i).number() + ": " + problem);
        }
    }

    /**
     * The one load of a network's timetable file, the same for every network served, packed in the jar or on disk:
     * the plans read and their routes checked on the planner's network, then each run once (the planner keeps the
     * runs). A bad row is refused naming the file, the row, the column and the train.
     */
    public static List<TrainPlan> load(String file, String text, Planner planner) {
        Read read = read(file, text, planner.network());
        checkRuns(read, planner);
        return read.plans();
    }

    /**
     * The plans of the file, each row's route checked on {@code network}: a via that is not a junction, a tie between
     * two routes, a route passing a point twice are refused naming the file, the row and the column {@value #VIA}.
     */
    public static List<TrainPlan> parse(String file, String text, Network network) {
        return read(file, text, network).plans();
    }

    /** The file read once: its plans with their rows, each row's route checked on {@code network} as {@link #parse}. */
    private static Read read(String file, String text, Network network) {
        List<CsvTable.Row> rows = CsvTable.parse(file, text, COLUMNS).rows();
        Read read = new Read(plans(rows), rows);
        Routes routes = network.routes();
        Set<List<Object>> checked = new HashSet<>(); // a timetable repeats a few routes: each searched once
        for (int i = 0; i < read.plans().size(); i++) {
            TrainPlan plan = read.plans().get(i);
            if (network.point(plan.from()).isEmpty()
                    || network.point(plan.to()).isEmpty()
                    || !checked.add(List.of(plan.from(), plan.to(), plan.via()))) {
                continue; // the planner names an unknown point; a route already checked is not searched again
            }
            try {
                routes.between(
                        network.point(plan.from()).orElseThrow().code(),
                        network.point(plan.to()).orElseThrow().code(),
                        plan.via());
            } catch (InvalidInput e) {
                String field = e.field().equals(VIA) ? VIA : e.field();
                throw read.error(i, field, e.errors().get(0).message());
            }
        }
        return read;
    }

    /**
     * Runs every plan read once with {@code planner} (which keeps the runs for the days it plans later): a train its
     * type cannot pull up a gradient of its path, or that its stops or allowance do not fit, is refused at load naming
     * the file, the row, the column and the train, rather than failing the first request that plans its day.
     */
    private static void checkRuns(Read read, Planner planner) {
        for (int i = 0; i < read.plans().size(); i++) {
            try {
                planner.run(read.plans().get(i), List.of());
            } catch (InvalidInput e) {
                throw read.error(i, column(e.field()), e.errors().get(0).message());
            }
        }
    }

    /** The file's column for a field of the planner's refusals ({@code trainType}, {@code stops[2].point}). */
    private static String column(String field) {
        if (field.startsWith("stops")) {
            return "stops";
        }
        return switch (field) {
            case "trainType" -> "train_type";
            case "allowancePercent" -> "allowance_percent";
            default -> field;
        };
    }

    public static List<TrainPlan> parse(String file, String text) {
        return plans(CsvTable.parse(file, text, COLUMNS).rows());
    }

    private static List<TrainPlan> plans(List<CsvTable.Row> rows) {
        List<TrainPlan> plans = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            LocalDate from = date(row, "valid_from");
            LocalDate to = date(row, "valid_to");
            if (to.isBefore(from)) {
                throw row.error("valid_to", "is before valid_from");
            }
            plans.add(new TrainPlan(
                    row.required("number"),
                    operator(row),
                    row.required("train_type"),
                    bool(row, "passenger"),
                    new ServiceCalendar(from, to, days(row)),
                    row.required("from"),
                    row.required("to"),
                    time(row),
                    stops(row, "stops"),
                    stops(row, "meets"),
                    bool(row, "fixed_departure"),
                    row.decimalBetween("allowance_percent", 0, 50),
                    row.text("note"),
                    via(row)));
        }
        return plans;
    }

    private static List<String> via(CsvTable.Row row) {
        String text = row.textIfPresent(VIA).toUpperCase(Locale.ROOT);
        return text.isEmpty() ? List.of() : List.of(text.split("[\\s;]+"));
    }

    private static Operator operator(CsvTable.Row row) {
        try {
            return Operator.valueOf(row.required("operator"));
        } catch (IllegalArgumentException e) {
            throw row.error("operator", e.getMessage());
        }
    }

    public static String format(List<TrainPlan> plans) {
        boolean via = plans.stream().anyMatch(p -> !p.via().isEmpty());
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS))
                .append(via ? "," + VIA : "")
                .append('\n');
        for (TrainPlan p : plans) {
            List<String> fields = new ArrayList<>(List.of(
                    p.number(),
                    p.operator().name(),
                    p.trainType(),
                    String.valueOf(p.passenger()),
                    days(p.calendar().days()),
                    p.calendar().startDate().toString(),
                    p.calendar().endDate().toString(),
                    p.from(),
                    p.to(),
                    time(p.departure()),
                    String.valueOf(p.fixedDeparture()),
                    stops(p.stops()),
                    stops(p.meets()),
                    String.valueOf(p.allowancePercent()),
                    p.note()));
            if (via) {
                fields.add(String.join(" ", p.via()));
            }
            sb.append(fields.stream().map(TimetableFile::quote).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static boolean bool(CsvTable.Row row, String field) {
        String v = row.required(field).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw row.error(field, "'" + v + "' is not true or false");
        }
        return v.equals("true");
    }

    private static LocalDate date(CsvTable.Row row, String field) {
        try {
            return LocalDate.parse(row.required(field));
        } catch (DateTimeParseException e) {
            throw row.error(field, "'" + row.text(field) + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static LocalTime time(CsvTable.Row row) {
        try {
            return LocalTime.parse(row.required("departure"));
        } catch (DateTimeParseException e) {
            throw row.error("departure", "'" + row.text("departure") + "' is not a time (HH:MM or HH:MM:SS)");
        }
    }

    private static String time(LocalTime t) {
        LocalTime s = t.withNano(0);
        return s.getSecond() == 0 ? String.format(Locale.ROOT, "%02d:%02d", s.getHour(), s.getMinute()) : s.toString();
    }

    private static Set<DayOfWeek> days(CsvTable.Row row) {
        String text = row.required("days").toUpperCase(Locale.ROOT);
        if (text.equals("DAILY")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : text.split("\\s+")) {
            DayOfWeek day = Arrays.stream(DayOfWeek.values())
                    .filter(x -> x.name().startsWith(d) && d.length() >= 3)
                    .findFirst()
                    .orElseThrow(() -> row.error("days", "'" + d + "' is not a weekday (MON … SUN) or DAILY"));
            days.add(day);
        }
        return days;
    }

    private static String days(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "daily";
        }
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(" "));
    }

    private static List<StopRequest> stops(CsvTable.Row row, String field) {
        return stops(row.text(field), (f, message) -> row.error(f, message), field);
    }

    /** Stops or meets as this file writes them ({@code LPB 3; VVG 2:30 @10:15}); an error names {@code field}. */
    public static List<StopRequest> parseStops(String field, String text) {
        return stops(text == null ? "" : text.strip(), (f, message) -> new InvalidInput(f, message), field);
    }

    /** Stops or meets in this file's form, read back by {@link #parseStops}. */
    public static String formatStops(List<StopRequest> stops) {
        return stops(stops);
    }

    private static List<StopRequest> stops(
            String text, BiFunction<String, String, RuntimeException> error, String field) {
        List<StopRequest> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String token : text.split(";")) {
            String[] parts = token.strip().split("\\s+");
            if (parts.length != 2 && !(parts.length == 3 && parts[2].startsWith("@"))) {
                throw error.apply(field, "'" + token.strip() + "' is not CODE M:SS (or CODE M:SS @HH:MM)");
            }
            LocalTime departAt = null;
            if (parts.length == 3) {
                try {
                    departAt = LocalTime.parse(parts[2].substring(1));
                } catch (DateTimeParseException e) {
                    throw error.apply(field, "'" + parts[2] + "' is not @HH:MM");
                }
            }
            out.add(new StopRequest(parts[0], duration(error, field, parts[1]), departAt));
        }
        return out;
    }

    private static Duration duration(BiFunction<String, String, RuntimeException> error, String field, String text) {
        String[] ms = text.split(":");
        try {
            long minutes = Long.parseLong(ms[0]);
            long seconds = ms.length > 1 ? Long.parseLong(ms[1]) : 0;
            if (ms.length > 2 || minutes < 0 || seconds < 0 || seconds > 59) {
                throw new NumberFormatException();
            }
            return Duration.ofMinutes(minutes).plusSeconds(seconds);
        } catch (NumberFormatException e) {
            throw error.apply(field, "'" + text + "' is not a dwell in M or M:SS");
        }
    }

    private static String stops(List<StopRequest> stops) {
        return stops.stream()
                .map(s -> s.point() + " " + dwell(s.dwell()) + (s.departAt() == null ? "" : " @" + time(s.departAt())))
                .collect(Collectors.joining("; "));
    }

    private static String dwell(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? String.valueOf(s / 60) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
