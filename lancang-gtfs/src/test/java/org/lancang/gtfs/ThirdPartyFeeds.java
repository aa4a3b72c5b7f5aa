package org.lancang.gtfs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.lancang.data.CsvTable;
import org.lancang.network.Names;
import org.lancang.network.Point;
import org.lancang.timetable.ServiceCalendar;

/**
 * A network's own feed rewritten as another producer might publish the same timetable: numeric stop ids, each stop
 * found by a different route (its name in a random language and spelling, a stop_code, its position alone, or a
 * platform under a parent station), agencies under other ids, services as calendar_dates.txt only, stop_sequence 10,
 * 20, …, and every file with a byte-order mark, CRLF line ends, every field quoted and its columns shuffled.
 */
final class ThirdPartyFeeds {
    /** How a stop of the rewritten feed can be recognised, and how the importer should say it matched it. */
    enum Style {
        NAME("name"),
        STOP_CODE("stop_code"),
        POSITION("position"),
        PLATFORM("parent_station");

        final String how;

        Style(String how) {
            this.how = how;
        }
    }

    /** The rewritten feed and, for each of its stop ids used by the trips, the style it was written in. */
    record Rewritten(Map<String, String> files, Map<String, Style> styles) {}

    private ThirdPartyFeeds() {}

    static Rewritten rewrite(Map<String, String> own, ImportNetwork network, Random random) {
        Map<String, String> out = new TreeMap<>();
        Map<String, String> stopIds = new HashMap<>();
        Map<String, Style> styles = new HashMap<>();
        List<Map<String, String>> stops = new ArrayList<>();
        int n = 0;
        for (CsvTable.Row row : rows(own, "stops.txt")) {
            Point point = network.network().point(row.text("stop_id")).orElseThrow();
            Style style = Style.values()[random.nextInt(Style.values().length)];
            String id = String.valueOf(1000 + 10 * n++);
            double lat = Double.parseDouble(row.text("stop_lat"));
            double lon = Double.parseDouble(row.text("stop_lon"));
            Map<String, String> stop = new LinkedHashMap<>();
            stop.put("stop_id", id);
            stop.put("stop_timezone", row.text("stop_timezone"));
            // about 20 km off: only the name can find these
            stop.put("stop_lat", String.valueOf(lat + (style == Style.NAME ? 0.2 : 0.003 * random.nextDouble())));
            stop.put("stop_lon", String.valueOf(lon));
            stop.put("stop_name", style == Style.NAME ? spelling(point.names(), random) : "Halt " + id);
            stop.put("stop_code", style == Style.STOP_CODE ? point.code() : "");
            stop.put("location_type", style == Style.PLATFORM ? "1" : "0");
            stop.put("parent_station", "");
            stops.add(stop);
            if (style == Style.PLATFORM) {
                Map<String, String> platform = new LinkedHashMap<>(stop);
                id = id + "-P1";
                platform.put("stop_id", id);
                platform.put("stop_name", "Platform 1");
                platform.put("location_type", "0");
                platform.put("parent_station", stop.get("stop_id"));
                stops.add(platform);
                // the station itself carries its name: that is what matches
                stop.put("stop_name", spelling(point.names(), random));
                stop.put("stop_lat", String.valueOf(lat + 0.2));
            }
            stopIds.put(row.text("stop_id"), id);
            styles.put(id, style);
        }
        out.put("stops.txt", write(stops, random));

        Map<String, String> agencyIds = new HashMap<>();
        List<Map<String, String>> agencies = new ArrayList<>();
        for (CsvTable.Row row : rows(own, "agency.txt")) {
            String id = "A" + (agencies.size() + 1);
            agencyIds.put(row.text("agency_id"), id);
            agencies.add(copy(row, Map.of("agency_id", id)));
        }
        out.put("agency.txt", write(agencies, random));
        out.put(
                "routes.txt",
                write(
                        rows(own, "routes.txt").stream()
                                .map(r -> copy(r, Map.of("agency_id", agencyIds.get(r.text("agency_id")))))
                                .toList(),
                        random));
        out.put(
                "trips.txt",
                write(
                        rows(own, "trips.txt").stream()
                                .map(r -> copy(r, Map.of("trip_id", "trip-" + r.text("trip_id"))))
                                .toList(),
                        random));
        List<Map<String, String>> times = new ArrayList<>();
        int sequence = 0;
        String trip = "";
        for (CsvTable.Row row : rows(own, "stop_times.txt")) {
            sequence = row.text("trip_id").equals(trip) ? sequence + 10 : 10;
            trip = row.text("trip_id");
            times.add(copy(
                    row,
                    Map.of(
                            "trip_id", "trip-" + trip,
                            "stop_id", stopIds.get(row.text("stop_id")),
                            "stop_sequence", String.valueOf(sequence))));
        }
        out.put("stop_times.txt", write(times, random));
        out.put("calendar_dates.txt", write(calendarDates(rows(own, "calendar.txt")), random));
        return new Rewritten(out, styles);
    }

    /** Every running day of every service, as a producer without weekly patterns writes them. */
    private static List<Map<String, String>> calendarDates(List<CsvTable.Row> calendar) {
        List<Map<String, String>> out = new ArrayList<>();
        for (CsvTable.Row row : calendar) {
            List<DayOfWeek> days = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                if (row.text(d.name().toLowerCase(Locale.ROOT)).equals("1")) {
                    days.add(d);
                }
            }
            ServiceCalendar c = new ServiceCalendar(
                    LocalDate.parse(row.text("start_date"), GtfsExporter.GTFS_DATE),
                    LocalDate.parse(row.text("end_date"), GtfsExporter.GTFS_DATE),
                    EnumSet.copyOf(days));
            for (LocalDate d = c.startDate(); !d.isAfter(c.endDate()); d = d.plusDays(1)) {
                if (c.runsOn(d)) {
                    Map<String, String> r = new LinkedHashMap<>();
                    r.put("service_id", row.text("service_id"));
                    r.put("date", GtfsExporter.GTFS_DATE.format(d));
                    r.put("exception_type", "1");
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** One of the point's names, as people write it: in any language, with "station" said or not, in any case. */
    static String spelling(Names names, Random random) {
        List<String> choices = new ArrayList<>();
        choices.add(names.en());
        choices.add(names.en().toUpperCase(Locale.ROOT) + " Railway Station");
        choices.add(names.en().replace(' ', '-') + " station");
        if (!names.zh().isBlank()) {
            choices.add(names.zh() + "站");
        }
        if (!names.lo().isBlank()) {
            choices.add("ສະຖານີ " + names.lo());
        }
        if (!names.pinyin().isBlank()) {
            choices.add(names.pinyin().toLowerCase(Locale.ROOT));
        }
        names.more().values().forEach(n -> choices.add("สถานี" + n));
        return choices.get(random.nextInt(choices.size()));
    }

    private static Map<String, String> copy(CsvTable.Row row, Map<String, String> changes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String column : row.columns()) {
            out.put(column, changes.getOrDefault(column, row.text(column)));
        }
        return out;
    }

    /** BOM, CRLF, every field quoted, columns in a random order. */
    private static String write(List<Map<String, String>> rows, Random random) {
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        Collections.shuffle(columns, random);
        StringBuilder text = new StringBuilder("\uFEFF");
        text.append(line(columns));
        for (Map<String, String> row : rows) {
            text.append(line(columns.stream().map(c -> row.getOrDefault(c, "")).toList()));
        }
        return text.toString();
    }

    private static String line(List<String> fields) {
        List<String> quoted = new ArrayList<>();
        fields.forEach(f -> quoted.add('"' + f.replace("\"", "\"\"") + '"'));
        return String.join(",", quoted) + "\r\n";
    }

    static List<CsvTable.Row> rows(Map<String, String> files, String name) {
        return CsvTable.parse(name, files.get(name), List.of()).rows();
    }
}
