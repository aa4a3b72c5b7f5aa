package org.lancang.gtfs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.lancang.data.CsvTable;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.Call;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;

/**
 * Reads a GTFS static feed (as written by {@link GtfsExporter}, or a third party's feed of the same line) back into a
 * {@link Timetable}: one passenger {@link Train} per trip.
 *
 * <ul>
 * <li>operator: the route's {@code agency_id}, which must be the code of one of the network's operators;</li>
 * <li>number: {@code trip_short_name}, or the trip_id where that is blank;</li>
 * <li>train type: the extra column {@value GtfsExporter#TRAIN_TYPE_COLUMN}, or {@link #DEFAULT_TRAIN_TYPE} where the
 * feed has none (GTFS itself has no train type);</li>
 * <li>calendar: calendar.txt; exceptions in calendar_dates.txt cannot be represented and are refused;</li>
 * <li>origin zone: the zone of the network point of the first stop; stop times are converted from the feed's
 * {@code agency_timezone} to it, as GTFS times are in the agency zone whatever {@code stop_timezone} says;</li>
 * <li>calls: one stopping call per stop_time (passing points are not in GTFS). Both times are needed at every stop:
 * Lancang does not interpolate.</li>
 * </ul>
 * Anything it cannot read raises a {@link GtfsFormatException} naming file, line and field.
 */
public final class GtfsImporter {
    /** The train type of trips without {@value GtfsExporter#TRAIN_TYPE_COLUMN}: the line's passenger EMU. */
    public static final String DEFAULT_TRAIN_TYPE = "CR200J";
    /** Upper bound on the unpacked size of a feed, so that a hostile zip cannot exhaust memory. */
    public static final long MAX_UNCOMPRESSED_BYTES = 256L * 1024 * 1024;

    private static final String AGENCY = "agency.txt";
    private static final String STOPS = "stops.txt";
    private static final String ROUTES = "routes.txt";
    private static final String TRIPS = "trips.txt";
    private static final String STOP_TIMES = "stop_times.txt";
    private static final String CALENDAR = "calendar.txt";
    private static final String CALENDAR_DATES = "calendar_dates.txt";
    private static final List<String> DAY_COLUMNS =
            List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private final Operators operators;

    /** An importer that knows the network's infrastructure managers as its operators. */
    public GtfsImporter() {
        this(null);
    }

    /** An importer whose agencies must be among {@code operators}. */
    public GtfsImporter(Operators operators) {
        this.operators = operators;
    }

    /** Reads the feed in {@code zip}; every stop must be a point of {@code network}. */
    public Timetable importFeed(byte[] zip, Network network) {
        return importFeed(unzip(new ByteArrayInputStream(zip)), network);
    }

    /** Reads the feed from already unpacked files (file name to UTF-8 text). */
    public Timetable importFeed(Map<String, String> files, Network network) {
        return new Timetable(GtfsFormatException.reading(() -> new Feed(files, network, known(network)).trains()));
    }

    /** Unpacks the zip's top-level files as UTF-8 text. */
    static Map<String, String> unzip(InputStream in) {
        Map<String, String> files = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_UNCOMPRESSED_BYTES) {
                        throw GtfsFormatException.wholeFile(
                                entry.getName(), "the feed unpacks to more than " + MAX_UNCOMPRESSED_BYTES + " bytes");
                    }
                    bytes.write(buffer, 0, n);
                }
                files.put(entry.getName(), utf8(entry.getName(), bytes.toByteArray()));
            }
        } catch (ZipException e) {
            throw GtfsFormatException.wholeFile("(zip)", "not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw GtfsFormatException.wholeFile("(zip)", "cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw GtfsFormatException.wholeFile("(zip)", "not a zip archive, or an empty one");
        }
        return files;
    }

    private static String utf8(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw GtfsFormatException.wholeFile(file, "is not UTF-8 text, as GTFS requires");
        }
    }

    /** The codes of the operators an agency may be. */
    private List<String> known(Network network) {
        if (operators != null) {
            return operators.all().stream().map(Operator::code).toList();
        }
        return network.countries().stream()
                .map(c -> c.infrastructureManager())
                .filter(m -> !m.isBlank())
                .distinct()
                .toList();
    }

    /** One import: the files, read table by table, each checked against the ones before. */
    private static final class Feed {
        private final Map<String, String> files;
        private final Network network;
        private ZoneId feedZone;
        private final Map<String, Operator> agencies = new HashMap<>();
        private final Map<String, Point> stops = new HashMap<>();
        private final Map<String, Operator> routes = new HashMap<>();
        private final Map<String, ServiceCalendar> calendars = new HashMap<>();

        private final List<String> knownOperators;

        Feed(Map<String, String> files, Network network, List<String> knownOperators) {
            this.files = files;
            this.network = network;
            this.knownOperators = knownOperators;
        }

        List<Train> trains() {
            readAgencies();
            readStops();
            readRoutes();
            readCalendars();
            Map<String, List<CsvTable.Row>> stopTimes = readStopTimes();
            List<Train> trains = new ArrayList<>();
            Set<String> tripIds = new HashSet<>();
            for (CsvTable.Row trip : rows(TRIPS, "route_id", "service_id", "trip_id")) {
                if (!tripIds.add(trip.required("trip_id"))) {
                    throw trip.error("trip_id", "'" + trip.text("trip_id") + "' appears twice");
                }
                trains.add(train(trip, stopTimes.remove(trip.required("trip_id"))));
            }
            if (!stopTimes.isEmpty()) {
                CsvTable.Row orphan = stopTimes.values().iterator().next().get(0);
                throw orphan.error("trip_id", "'" + orphan.text("trip_id") + "' is not a trip in " + TRIPS);
            }
            return trains;
        }

        private List<CsvTable.Row> rows(String file, String... requiredColumns) {
            String text = files.get(file);
            if (text == null) {
                throw GtfsFormatException.wholeFile(file, "the file is missing from the feed");
            }
            return CsvTable.parse(file, text, Arrays.asList(requiredColumns)).rows();
        }

        private void readAgencies() {
            List<CsvTable.Row> rows = rows(AGENCY, "agency_id", "agency_name", "agency_url", "agency_timezone");
            if (rows.isEmpty()) {
                throw new GtfsFormatException(AGENCY, 1, "", "the feed has no agency");
            }
            for (CsvTable.Row row : rows) {
                String id = row.required("agency_id");
                agencies.put(id, operator(row, "agency_id", id));
                ZoneId zone = zone(row, "agency_timezone");
                if (feedZone == null) {
                    feedZone = zone;
                } else if (!feedZone.equals(zone)) {
                    // GTFS requires one agency_timezone per feed: stop times would otherwise be ambiguous.
                    throw row.error(
                            "agency_timezone",
                            zone + " differs from the first agency's " + feedZone
                                    + ": every agency of a feed must share one time zone");
                }
            }
        }

        private void readStops() {
            for (CsvTable.Row row : rows(STOPS, "stop_id")) {
                String id = row.required("stop_id");
                stops.put(id, point(row, "stop_id", id));
            }
        }

        private void readRoutes() {
            for (CsvTable.Row row : rows(ROUTES, "route_id")) {
                String agencyId = row.textIfPresent("agency_id");
                Operator operator;
                if (agencyId.isEmpty()) {
                    if (agencies.size() != 1) {
                        throw row.error("agency_id", "must not be blank when the feed has several agencies");
                    }
                    operator = agencies.values().iterator().next();
                } else {
                    operator = agencies.get(agencyId);
                    if (operator == null) {
                        throw row.error("agency_id", "'" + agencyId + "' is not an agency in " + AGENCY);
                    }
                }
                routes.put(row.required("route_id"), operator);
            }
        }

        private void readCalendars() {
            List<String> columns = new ArrayList<>(DAY_COLUMNS);
            columns.addAll(List.of("service_id", "start_date", "end_date"));
            for (CsvTable.Row row : rows(CALENDAR, columns.toArray(String[]::new))) {
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
                if (days.isEmpty()) {
                    throw row.error("monday", "the service runs on no weekday: Lancang needs at least one");
                }
                LocalDate start = date(row, "start_date");
                LocalDate end = date(row, "end_date");
                if (end.isBefore(start)) {
                    throw row.error("end_date", end + " is before start_date " + start);
                }
                calendars.put(row.required("service_id"), new ServiceCalendar(start, end, days));
            }
            String exceptions = files.get(CALENDAR_DATES);
            if (exceptions != null) {
                List<CsvTable.Row> rows =
                        CsvTable.parse(CALENDAR_DATES, exceptions, List.of()).rows();
                if (!rows.isEmpty()) {
                    // Silently dropping added or removed days would import a wrong timetable.
                    throw rows.get(0)
                            .error(
                                    "service_id",
                                    "calendar exceptions are not supported: a Lancang calendar"
                                            + " is a date range and weekdays only");
                }
            }
        }

        /** stop_times rows by trip_id, each list sorted by stop_sequence. */
        private Map<String, List<CsvTable.Row>> readStopTimes() {
            Map<String, List<CsvTable.Row>> byTrip = new LinkedHashMap<>();
            for (CsvTable.Row row :
                    rows(STOP_TIMES, "trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence")) {
                sequence(row);
                byTrip.computeIfAbsent(row.required("trip_id"), k -> new ArrayList<>())
                        .add(row);
            }
            for (List<CsvTable.Row> rows : byTrip.values()) {
                rows.sort(Comparator.comparingInt(Feed::sequence));
                for (int i = 1; i < rows.size(); i++) {
                    if (sequence(rows.get(i)) == sequence(rows.get(i - 1))) {
                        throw rows.get(i)
                                .error(
                                        "stop_sequence",
                                        sequence(rows.get(i)) + " appears twice in trip '"
                                                + rows.get(i).text("trip_id") + "'");
                    }
                }
            }
            return byTrip;
        }

        private Train train(CsvTable.Row trip, List<CsvTable.Row> stopTimes) {
            String tripId = trip.required("trip_id");
            Operator operator = routes.get(trip.required("route_id"));
            if (operator == null) {
                throw trip.error("route_id", "'" + trip.text("route_id") + "' is not a route in " + ROUTES);
            }
            ServiceCalendar calendar = calendars.get(trip.required("service_id"));
            if (calendar == null) {
                throw trip.error("service_id", "'" + trip.text("service_id") + "' is not a service in " + CALENDAR);
            }
            if (stopTimes == null || stopTimes.size() < 2) {
                throw trip.error(
                        "trip_id",
                        "trip '" + tripId + "' has " + (stopTimes == null ? 0 : stopTimes.size()) + " stop times in "
                                + STOP_TIMES + ": a train needs at least two");
            }
            String shortName = trip.textIfPresent("trip_short_name");
            String number = shortName.isEmpty() ? tripId : shortName;
            String trainType = trip.textIfPresent(GtfsExporter.TRAIN_TYPE_COLUMN);
            ZoneId originZone = stopPoint(stopTimes.get(0)).timeZone();
            Duration shift = GtfsTime.shift(calendar.startDate(), originZone, feedZone);
            List<Call> calls = new ArrayList<>();
            Duration previousDeparture = null;
            for (CsvTable.Row row : stopTimes) {
                Point point = stopPoint(row);
                Duration arrival = offset(row, "arrival_time", shift, originZone);
                Duration departure = offset(row, "departure_time", shift, originZone);
                if (departure.compareTo(arrival) < 0) {
                    throw row.error("departure_time", "is before the arrival_time");
                }
                if (previousDeparture != null && arrival.compareTo(previousDeparture) < 0) {
                    throw row.error("arrival_time", "is before the departure from the previous stop");
                }
                previousDeparture = departure;
                calls.add(new Call(point.code(), arrival, departure, true));
            }
            try {
                return new Train(
                        number,
                        operator,
                        trainType.isEmpty() ? DEFAULT_TRAIN_TYPE : trainType,
                        true,
                        calendar,
                        originZone,
                        calls);
            } catch (IllegalArgumentException e) {
                throw trip.error("trip_id", e.getMessage());
            }
        }

        private Point stopPoint(CsvTable.Row row) {
            String id = row.required("stop_id");
            Point point = point(row, "stop_id", id);
            if (!stops.containsKey(id)) {
                throw row.error("stop_id", "'" + id + "' is not a stop in " + STOPS);
            }
            return point;
        }

        /** The time of a stop_time field, moved from the feed zone to an offset from midnight in the origin zone. */
        private static Duration offset(CsvTable.Row row, String column, Duration shift, ZoneId originZone) {
            String text = row.text(column);
            if (text.isEmpty()) {
                throw row.error(
                        column,
                        "must not be blank: Lancang needs both times at every stop (it does not" + " interpolate)");
            }
            Duration time;
            try {
                time = GtfsTime.parse(text);
            } catch (IllegalArgumentException e) {
                throw row.error(column, e.getMessage());
            }
            Duration offset = time.minus(shift);
            if (offset.isNegative()) {
                throw row.error(
                        column,
                        "'" + text + "' falls before midnight of the service day in the origin zone " + originZone);
            }
            return offset;
        }

        private Point point(CsvTable.Row row, String column, String code) {
            return network.point(code)
                    .orElseThrow(() ->
                            row.error(column, "'" + code + "' is not a point of the network (unknown stop code)"));
        }

        private static int sequence(CsvTable.Row row) {
            String text = row.required("stop_sequence");
            try {
                int n = Integer.parseInt(text);
                if (n < 0) {
                    throw row.error("stop_sequence", n + " is negative");
                }
                return n;
            } catch (NumberFormatException e) {
                throw row.error("stop_sequence", "'" + text + "' is not a whole number");
            }
        }

        private Operator operator(CsvTable.Row row, String column, String id) {
            String code = id.strip().toUpperCase(Locale.ROOT);
            if (!knownOperators.contains(code)) {
                throw row.error(column, "'" + id + "' is not an operator: one of " + String.join(", ", knownOperators));
            }
            return Operator.valueOf(code);
        }

        private static ZoneId zone(CsvTable.Row row, String column) {
            String text = row.required(column);
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw row.error(column, "'" + text + "' is not a time zone");
            }
        }

        private static LocalDate date(CsvTable.Row row, String column) {
            String text = row.required(column);
            try {
                return LocalDate.parse(text, GtfsExporter.GTFS_DATE);
            } catch (DateTimeParseException e) {
                throw row.error(column, "'" + text + "' is not a date in the form YYYYMMDD");
            }
        }
    }
}
