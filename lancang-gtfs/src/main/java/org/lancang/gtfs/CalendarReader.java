package org.lancang.gtfs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lancang.data.CsvTable;
import org.lancang.timetable.ServiceCalendar;

/**
 * The days each service runs, from calendar.txt, calendar_dates.txt or both, as one Lancang {@link ServiceCalendar}
 * (a date range and weekdays) — exactly, or not at all.
 *
 * <p>A service's days are its weekly pattern (if calendar.txt gives one) with the exceptions applied: exception_type 1
 * adds a date, 2 removes one. The calendar is then the first to the last of those dates on the weekdays among them; if
 * that range holds a day the service does not run (a gap: a holiday, a fortnight off), the service is refused naming
 * its id and the day, because one train number carries one calendar in Lancang's model and a gap would be imported as a
 * running day.
 */
final class CalendarReader {
    static final String CALENDAR = "calendar.txt";
    static final String CALENDAR_DATES = "calendar_dates.txt";
    private static final List<String> DAY_COLUMNS =
            List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private final Map<String, CsvTable.Row> weekly = new HashMap<>();
    private final Map<String, List<CsvTable.Row>> exceptions = new HashMap<>();
    private final Map<String, ServiceCalendar> read = new HashMap<>();

    CalendarReader(Map<String, String> files) {
        String calendar = files.get(CALENDAR);
        String dates = files.get(CALENDAR_DATES);
        if (calendar == null && dates == null) {
            throw GtfsFormatException.wholeFile(
                    CALENDAR, "the file is missing from the feed (and so is " + CALENDAR_DATES + ")");
        }
        if (calendar != null) {
            List<String> columns = new ArrayList<>(DAY_COLUMNS);
            columns.addAll(List.of("service_id", "start_date", "end_date"));
            for (CsvTable.Row row : CsvTable.parse(CALENDAR, calendar, columns).rows()) {
                if (weekly.put(row.required("service_id"), row) != null) {
                    throw row.error("service_id", "'" + row.text("service_id") + "' appears twice");
                }
                weekdays(row); // every row is checked, used or not, as the feed's producer would want
                end(row);
            }
        }
        if (dates != null) {
            for (CsvTable.Row row : CsvTable.parse(
                            CALENDAR_DATES, dates, List.of("service_id", "date", "exception_type"))
                    .rows()) {
                exceptions
                        .computeIfAbsent(row.required("service_id"), k -> new ArrayList<>())
                        .add(row);
            }
        }
    }

    /** The calendar of the service a trip names; refused naming the trip's field when there is no such service. */
    ServiceCalendar calendar(CsvTable.Row trip) {
        String id = trip.required("service_id");
        ServiceCalendar known = read.get(id);
        if (known == null) {
            known = read(id, trip);
            read.put(id, known);
        }
        return known;
    }

    private ServiceCalendar read(String id, CsvTable.Row trip) {
        CsvTable.Row base = weekly.get(id);
        List<CsvTable.Row> changes = exceptions.getOrDefault(id, List.of());
        if (base == null && changes.isEmpty()) {
            throw trip.error("service_id", "'" + id + "' is not a service in " + CALENDAR + " or " + CALENDAR_DATES);
        }
        Set<DayOfWeek> weekdays = base == null ? Set.of() : weekdays(base);
        if (changes.isEmpty()) {
            if (weekdays.isEmpty()) {
                throw base.error("monday", "the service runs on no weekday: Lancang needs at least one");
            }
            return new ServiceCalendar(date(base, "start_date"), end(base), weekdays);
        }
        // the running days, each with the exception row that last decided it (to name it if the day is a gap)
        TreeMap<LocalDate, Boolean> days = new TreeMap<>();
        Map<LocalDate, CsvTable.Row> decidedBy = new HashMap<>();
        if (base != null && !weekdays.isEmpty()) {
            for (LocalDate d = date(base, "start_date"); !d.isAfter(end(base)); d = d.plusDays(1)) {
                days.put(d, weekdays.contains(d.getDayOfWeek()));
            }
        }
        for (CsvTable.Row row : changes) {
            LocalDate date = date(row, "date");
            String type = row.required("exception_type");
            if (!type.equals("1") && !type.equals("2")) {
                throw row.error("exception_type", "'" + type + "' is not 1 (added) or 2 (removed)");
            }
            days.put(date, type.equals("1"));
            decidedBy.put(date, row);
        }
        TreeSet<LocalDate> running = new TreeSet<>();
        days.forEach((d, runs) -> {
            if (runs) {
                running.add(d);
            }
        });
        if (running.isEmpty()) {
            throw changes.get(0)
                    .error("service_id", "service '" + id + "' runs on no day once its exceptions are applied");
        }
        ServiceCalendar calendar = spanning(running);
        LocalDate gap = firstGap(calendar, running);
        if (gap != null) {
            CsvTable.Row blame = decidedBy.getOrDefault(gap, changes.get(0));
            throw blame.error(
                    "service_id",
                    "service '" + id + "' runs on " + calendar.days() + " from " + running.first() + " to "
                            + running.last() + " but not on " + gap + " (" + gap.getDayOfWeek() + "): a Lancang train"
                            + " has one calendar, a date range and weekdays, so this gap cannot be represented"
                            + " and the service is not imported rather than run on a wrong day (publish the days"
                            + " after the gap as a trip of its own)");
        }
        return calendar;
    }

    /** The calendar from the first to the last of these days, on the weekdays among them. */
    static ServiceCalendar spanning(SortedSet<LocalDate> running) {
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        running.forEach(d -> weekdays.add(d.getDayOfWeek()));
        return new ServiceCalendar(running.first(), running.last(), weekdays);
    }

    /** The first day the calendar runs on that is not one of {@code running}; null when it runs on exactly those. */
    static LocalDate firstGap(ServiceCalendar calendar, Set<LocalDate> running) {
        for (LocalDate d = calendar.startDate(); !d.isAfter(calendar.endDate()); d = d.plusDays(1)) {
            if (calendar.runsOn(d) && !running.contains(d)) {
                return d;
            }
        }
        return null;
    }

    /** Every day the calendar runs on. */
    static SortedSet<LocalDate> days(ServiceCalendar calendar) {
        SortedSet<LocalDate> out = new TreeSet<>();
        for (LocalDate d = calendar.startDate(); !d.isAfter(calendar.endDate()); d = d.plusDays(1)) {
            if (calendar.runsOn(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static Set<DayOfWeek> weekdays(CsvTable.Row row) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String column = DAY_COLUMNS.get(day.ordinal());
            String flag = row.required(column);
            if (!flag.equals("0") && !flag.equals("1")) {
                throw row.error(column, "'" + flag + "' is not 0 or 1");
            }
            if (flag.equals("1")) {
                days.add(day);
            }
        }
        return days;
    }

    private static LocalDate end(CsvTable.Row row) {
        LocalDate start = date(row, "start_date");
        LocalDate end = date(row, "end_date");
        if (end.isBefore(start)) {
            throw row.error("end_date", end + " is before start_date " + start);
        }
        return end;
    }

    static LocalDate date(CsvTable.Row row, String column) {
        String text = row.required(column);
        try {
            return LocalDate.parse(text, GtfsExporter.GTFS_DATE);
        } catch (DateTimeParseException e) {
            throw row.error(column, "'" + text + "' is not a date in the form YYYYMMDD");
        }
    }
}
