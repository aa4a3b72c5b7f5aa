package org.lancang.gtfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.Call;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;

/**
 * Writes the passenger trains of a timetable as a GTFS static feed (a zip of CSV files).
 *
 * <ul>
 * <li>agency.txt: one agency per {@link Operator} running trains, agency_id = its code. GTFS requires every agency of
 * a feed to share one {@code agency_timezone}, so the whole feed runs on the network's feed zone (its data).</li>
 * <li>stops.txt: every point where an exported train stops, in km order; {@code stop_timezone} is the point's own
 * zone, so apps show Lao stops in Lao time. Coordinates come from {@link StopCoordinates}.</li>
 * <li>routes.txt: one rail route (type 2) per operator and pair of end stations, both directions together.</li>
 * <li>trips.txt: one trip per passenger train, trip_id = trip_short_name = the train number; direction_id 0 when the
 * train runs the way its route's first leg rises on its line (the route's ends ordered as in the network's points), 1
 * the other way: on one line, 0 away from km 0 (from Kunming on the reference line), 1 towards it; the train type in the extra column
 * {@value #TRAIN_TYPE_COLUMN}.</li>
 * <li>stop_times.txt: the calls where the train stops, plus its first and last call; times in the feed zone.</li>
 * <li>calendar_dates.txt only with published timetable changes ({@link FeedChanges}): see
 * {@link #files(Network, Timetable, FeedInfo, FeedChanges)}.</li>
 * <li>calendar.txt, feed_info.txt and translations.txt (Chinese, Lao and any more languages' names of stops, Chinese names of agencies).
 * </li>
 * </ul>
 * Freight trains are left out. The output is deterministic: the same input gives the same bytes.
 */
public final class GtfsExporter {
    /** The one time zone of the feed: every agency's {@code agency_timezone}; all stop_times are in it. */
    /** Extra trips.txt column holding {@link Train#trainType()}; GTFS consumers ignore unknown columns. */
    public static final String TRAIN_TYPE_COLUMN = "lancang_train_type";
    /** GTFS route_type for rail (intercity and long distance). */
    static final String ROUTE_TYPE_RAIL = "2";
    /** Longest route_short_name the validator accepts without a warning. */
    static final int MAX_SHORT_NAME = 12;

    /** GTFS dates: YYYYMMDD; strict, so that 20270230 is refused rather than moved to the 28th. */
    static final DateTimeFormatter GTFS_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    /** Zip entry time: fixed, so that exporting the same timetable twice gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /**
     * Train numbers as people sort them: by letter prefix, then by number, so D887 comes before D8461 (plain string
     * order would put D8461 first).
     */
    static final Comparator<String> TRAIN_NUMBER_ORDER = Comparator.comparing(GtfsExporter::prefix)
            .thenComparing(GtfsExporter::numericPart)
            .thenComparing(Comparator.naturalOrder());

    private final StopCoordinates coordinates;
    private final Operators operators;

    /** An exporter using the coordinates shipped with the module, its agencies the operators of the trains. */
    public GtfsExporter() {
        this(StopCoordinates.bundled());
    }

    /** An exporter using the coordinates shipped with the module, its agencies the network's operators. */
    public GtfsExporter(Operators operators) {
        this(StopCoordinates.bundled(), operators);
    }

    public GtfsExporter(StopCoordinates coordinates) {
        this(coordinates, new Operators(List.of()));
    }

    public GtfsExporter(StopCoordinates coordinates, Operators operators) {
        this.coordinates = coordinates;
        this.operators = operators;
    }

    /**
     * The agencies: every operator of the network that runs trains, and any other operator a train names (known then
     * only by its code).
     */
    private List<Operator> agencies(List<Trip> trips) {
        Set<Operator> out = new LinkedHashSet<>();
        operators.all().stream().filter(o -> !o.runsTrainsIn().isEmpty()).forEach(out::add);
        trips.stream()
                .map(t -> operators.resolve(t.train().operator()))
                .sorted()
                .forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * The feed as zip bytes.
     *
     * @throws GtfsExportException when the timetable cannot make a valid feed (no passenger train, two trains with
     *                             one number, a stop without coordinates, a call at an unknown point)
     */
    public byte[] export(Network network, Timetable timetable, FeedInfo info) {
        return export(network, timetable, info, FeedChanges.NONE);
    }

    /** The feed as zip bytes, with the published timetable changes of {@code changes} (see {@link #files}). */
    public byte[] export(Network network, Timetable timetable, FeedInfo info, FeedChanges changes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            export(network, timetable, info, changes, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /** Writes the feed as a zip to {@code out} (which is left open). */
    public void export(Network network, Timetable timetable, FeedInfo info, OutputStream out) throws IOException {
        export(network, timetable, info, FeedChanges.NONE, out);
    }

    /** Writes the feed with the published timetable changes as a zip to {@code out} (which is left open). */
    public void export(Network network, Timetable timetable, FeedInfo info, FeedChanges changes, OutputStream out)
            throws IOException {
        SortedMap<String, String> files = files(network, timetable, info, changes);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> file : files.entrySet()) {
            ZipEntry entry = new ZipEntry(file.getKey());
            entry.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(entry);
            zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The text of every file of the feed, by file name; what {@link #export} zips. */
    public SortedMap<String, String> files(Network network, Timetable timetable, FeedInfo info) {
        return files(network, timetable, info, FeedChanges.NONE);
    }

    /**
     * The files with the published timetable changes: a base trip that does not run on some dates (cancelled, or run
     * as a trip of its own) gets a service of its own ({@code <service>-<train>}) with calendar_dates.txt exception 2
     * on those dates; each changed run is a trip of its own whose service (its trip_id) runs on its dates alone
     * (exception 1). Without changes the files are those of the base plan, byte for byte.
     */
    public SortedMap<String, String> files(Network network, Timetable timetable, FeedInfo info, FeedChanges changes) {
        List<Trip> trips = trips(network, timetable, changes);
        SortedMap<String, String> files = new TreeMap<>();
        ZoneId feedZone = network.feedZone();
        files.put("agency.txt", agency(info, agencies(trips), feedZone));
        files.put("stops.txt", stops(network, trips));
        files.put("routes.txt", routes(trips));
        files.put("trips.txt", tripsFile(trips));
        files.put("stop_times.txt", stopTimes(trips));
        files.put("calendar.txt", calendar(trips));
        if (!changes.isEmpty()) {
            files.put("calendar_dates.txt", calendarDates(trips));
        }
        files.put("feed_info.txt", feedInfo(info, trips));
        files.put("translations.txt", translations(network, trips, agencies(trips)));
        return files;
    }

    /**
     * A trip of the static feed as the realtime feeds must refer to it: its route_id, direction_id, its stop_ids in
     * stop_sequence order (stop_sequence = index + 1), and {@code serviceDayShift}, the days from a run's service date
     * to the feed's service day it runs on (-1 for a train leaving a station ahead of the feed zone just after its
     * midnight, which is still the day before in the feed zone; else 0).
     */
    public record StaticTrip(
            String tripId, String routeId, int directionId, List<String> stopIds, int serviceDayShift) {
        public StaticTrip {
            stopIds = List.copyOf(stopIds);
        }

        /** The feed's service day (a realtime trip's start_date) of the run on {@code serviceDate}. */
        public LocalDate feedDay(LocalDate serviceDate) {
            return serviceDate.plusDays(serviceDayShift);
        }
    }

    /** The trips {@link #files} writes, by trip_id, as the realtime feeds refer to them. */
    public Map<String, StaticTrip> staticTrips(Network network, Timetable timetable) {
        return staticTrips(network, timetable, FeedChanges.NONE);
    }

    /** The trips {@link #files} writes with the published changes, by trip_id (changed runs by their own). */
    public Map<String, StaticTrip> staticTrips(Network network, Timetable timetable, FeedChanges changes) {
        Map<String, StaticTrip> byId = new TreeMap<>();
        for (Trip t : trips(network, timetable, changes)) {
            byId.put(
                    t.tripId(),
                    new StaticTrip(
                            t.tripId(),
                            t.route().id(),
                            t.directionId(),
                            t.stopTimes().stream().map(StopTime::stopId).toList(),
                            t.dayShift()));
        }
        return byId;
    }

    /**
     * A train as it goes into the feed: its route, direction and stop times already worked out; {@code dates} the
     * dates a changed run runs on (null for a base trip, which runs on {@code calendar} less {@code except}), all
     * three as the feed's service days, {@code dayShift} days from the train's service dates.
     */
    private record Trip(
            String tripId,
            SortedSet<LocalDate> dates,
            SortedSet<LocalDate> except,
            ServiceCalendar calendar,
            int dayShift,
            Train train,
            RouteKey route,
            String serviceId,
            int directionId,
            String headsign,
            List<StopTime> stopTimes) {}

    private record StopTime(String stopId, Duration arrival, Duration departure) {}

    /** Trains of one operator between the same two end stations, whichever way they run. */
    private record RouteKey(Operator operator, Point west, Point east) {
        String id() {
            return operator.name() + "-" + west.code() + "-" + east.code();
        }

        String longName() {
            return west.names().en() + " – " + east.names().en();
        }
    }

    private List<Trip> trips(Network network, Timetable timetable, FeedChanges changes) {
        List<Train> trains = timetable.trains().stream()
                .filter(Train::passenger)
                .sorted(Comparator.comparing(Train::number, TRAIN_NUMBER_ORDER))
                .toList();
        if (trains.isEmpty()) {
            throw new GtfsExportException("the timetable has no passenger train: a GTFS feed needs at least one trip");
        }
        Set<String> numbers = new HashSet<>();
        List<Trip> trips = new ArrayList<>();
        for (Train train : trains) {
            if (!numbers.add(train.number().toUpperCase(Locale.ROOT))) {
                throw new GtfsExportException("train " + train.number()
                        + " appears twice: its number is the GTFS trip_id, which must be unique");
            }
            SortedSet<LocalDate> except = changes.notRunning().get(train.number());
            Trip base = trip(network, train, train.number(), null, except);
            trips.add(base);
        }
        for (FeedChanges.DatedTrip changed : changes.trips()) {
            trips.add(trip(network, changed.train(), changed.tripId(), changed.dates(), null));
        }
        // a changed run comes after its train's base trip: the base files keep their order
        trips.sort(Comparator.comparing((Trip t) -> t.train().number(), TRAIN_NUMBER_ORDER)
                .thenComparing(t -> t.dates() != null)
                .thenComparing(Trip::tripId));
        return trips;
    }

    private Trip trip(
            Network network, Train train, String tripId, SortedSet<LocalDate> dates, SortedSet<LocalDate> except) {
        Duration shift = GtfsTime.shift(train.calendar().startDate(), train.originZone(), network.feedZone());
        List<Call> calls = train.calls();
        // A train leaving a station ahead of the feed zone just after its midnight leaves on the feed zone's day
        // before: GTFS times cannot be negative, so its trip runs on that day, its times 24 h later.
        int dayShift = calls.get(0).departure().plus(shift).isNegative() ? -1 : 0;
        shift = shift.plus(Duration.ofDays(-dayShift));
        List<StopTime> stopTimes = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            Point point = network.point(call.pointCode())
                    .orElseThrow(() -> new GtfsExportException("train " + train.number() + " calls at '"
                            + call.pointCode() + "', which is not a point of the network"));
            // Passing points are not in GTFS: riders can only use stops. The ends are kept even if not marked as stops.
            if (!call.stops() && i != 0 && i != calls.size() - 1) {
                continue;
            }
            if (coordinates.of(point.code()).isEmpty()) {
                throw new GtfsExportException("train " + train.number() + " stops at " + point.code() + " ("
                        + point.names().en() + "), which has no coordinates in " + StopCoordinates.RESOURCE
                        + ": GTFS requires stop_lat/stop_lon for every stop");
            }
            Duration arrival = call.arrival().plus(shift);
            Duration departure = call.departure().plus(shift);
            if (arrival.isNegative()) {
                throw new GtfsExportException("train " + train.number() + " at " + point.code()
                        + ": the time falls before the service day in " + network.feedZone());
            }
            stopTimes.add(new StopTime(point.code(), arrival, departure));
        }
        Point first = network.point(stopTimes.get(0).stopId()).orElseThrow();
        Point last = network.point(stopTimes.get(stopTimes.size() - 1).stopId()).orElseThrow();
        boolean forward = network.indexOf(last.code()) > network.indexOf(first.code());
        RouteKey route =
                forward ? new RouteKey(train.operator(), first, last) : new RouteKey(train.operator(), last, first);
        int direction = forward == risesFirst(network, route) ? 0 : 1;
        ServiceCalendar calendar = train.calendar().plusDays(dayShift);
        String service = dates != null
                ? tripId
                : except != null ? serviceId(calendar) + "-" + train.number() : serviceId(calendar);
        return new Trip(
                tripId,
                shifted(dates, dayShift),
                shifted(except, dayShift),
                calendar,
                dayShift,
                train,
                route,
                service,
                direction,
                last.names().en(),
                stopTimes);
    }

    private static SortedSet<LocalDate> shifted(SortedSet<LocalDate> dates, int days) {
        if (dates == null || days == 0) {
            return dates;
        }
        return dates.stream().map(d -> d.plusDays(days)).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Whether the way from the route's first end to its other one starts towards rising km on its line: that direction
     * is the route's direction_id 0, the reverse 1, so a route's two directions always differ (on one line, 0 runs
     * towards rising km, away from the line's km 0). Where the network offers two equally short ways between the ends
     * (a loop), the first end's rising direction is taken.
     */
    private static boolean risesFirst(Network network, RouteKey route) {
        try {
            return network.routes()
                    .between(route.west().code(), route.east().code(), List.of())
                    .legs()
                    .get(0)
                    .rising();
        } catch (InvalidInput tie) {
            return true;
        }
    }

    /** A readable id that is the same for equal calendars: weekday mask Monday … Sunday, then the dates. */
    static String serviceId(ServiceCalendar calendar) {
        StringBuilder mask = new StringBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            mask.append(calendar.days().contains(day) ? '1' : '0');
        }
        return mask + "_" + GTFS_DATE.format(calendar.startDate()) + "_" + GTFS_DATE.format(calendar.endDate());
    }

    private static String agency(FeedInfo info, List<Operator> agencies, ZoneId feedZone) {
        CsvWriter csv = new CsvWriter("agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang");
        for (Operator operator : agencies) {
            csv.row(operator.name(), operator.nameEn(), operator.url(), feedZone.getId(), info.lang());
        }
        return csv.text();
    }

    private String stops(Network network, List<Trip> trips) {
        Set<String> used = trips.stream()
                .flatMap(t -> t.stopTimes().stream())
                .map(StopTime::stopId)
                .collect(Collectors.toSet());
        CsvWriter csv = new CsvWriter("stop_id", "stop_name", "stop_lat", "stop_lon", "stop_timezone");
        for (Point point : network.points()) {
            if (used.contains(point.code())) {
                StopCoordinates.Coordinate c = coordinates.of(point.code()).orElseThrow();
                csv.row(
                        point.code(),
                        point.names().en(),
                        decimal(c.lat()),
                        decimal(c.lon()),
                        point.timeZone().getId());
            }
        }
        return csv.text();
    }

    private static String routes(List<Trip> trips) {
        Map<String, List<Trip>> byRoute = new TreeMap<>();
        trips.forEach(t ->
                byRoute.computeIfAbsent(t.route().id(), k -> new ArrayList<>()).add(t));
        CsvWriter csv = new CsvWriter("route_id", "agency_id", "route_short_name", "route_long_name", "route_type");
        for (List<Trip> group : byRoute.values()) {
            RouteKey key = group.get(0).route();
            // "D887/D888" when the numbers fit; a route with many trains goes by its long name alone.
            String numbers = group.stream()
                    .map(t -> t.train().number())
                    .distinct()
                    .sorted(TRAIN_NUMBER_ORDER)
                    .collect(Collectors.joining("/"));
            csv.row(
                    key.id(),
                    key.operator().name(),
                    numbers.length() <= MAX_SHORT_NAME ? numbers : "",
                    key.longName(),
                    ROUTE_TYPE_RAIL);
        }
        return csv.text();
    }

    private static String tripsFile(List<Trip> trips) {
        CsvWriter csv = new CsvWriter(
                "route_id",
                "service_id",
                "trip_id",
                "trip_headsign",
                "trip_short_name",
                "direction_id",
                TRAIN_TYPE_COLUMN);
        for (Trip t : trips) {
            Train train = t.train();
            csv.row(
                    t.route().id(),
                    t.serviceId(),
                    t.tripId(),
                    t.headsign(),
                    train.number(),
                    String.valueOf(t.directionId()),
                    train.trainType() == null ? "" : train.trainType());
        }
        return csv.text();
    }

    private static String stopTimes(List<Trip> trips) {
        CsvWriter csv =
                new CsvWriter("trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "timepoint");
        for (Trip t : trips) {
            int sequence = 1;
            for (StopTime s : t.stopTimes()) {
                csv.row(
                        t.tripId(),
                        GtfsTime.format(s.arrival()),
                        GtfsTime.format(s.departure()),
                        s.stopId(),
                        String.valueOf(sequence++),
                        "1");
            }
        }
        return csv.text();
    }

    private static String calendar(List<Trip> trips) {
        Map<String, ServiceCalendar> calendars = new TreeMap<>();
        trips.stream().filter(t -> t.dates() == null).forEach(t -> calendars.put(t.serviceId(), t.calendar()));
        CsvWriter csv = new CsvWriter(
                "service_id",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
                "start_date",
                "end_date");
        calendars.forEach((id, c) -> {
            List<String> row = new ArrayList<>();
            row.add(id);
            for (DayOfWeek day : DayOfWeek.values()) {
                row.add(c.days().contains(day) ? "1" : "0");
            }
            row.add(GTFS_DATE.format(c.startDate()));
            row.add(GTFS_DATE.format(c.endDate()));
            csv.row(row);
        });
        return csv.text();
    }

    /**
     * Exception 2 on the dates a base trip does not run, exception 1 on the dates a changed run runs. Each such
     * service is one trip's own (its train's, or the changed run's trip_id), so the rows of two trips never mix.
     */
    private static String calendarDates(List<Trip> trips) {
        CsvWriter csv = new CsvWriter("service_id", "date", "exception_type");
        trips.stream()
                .filter(t -> t.dates() != null || t.except() != null)
                .sorted(Comparator.comparing(Trip::serviceId))
                .forEach(t -> {
                    String type = t.dates() != null ? "1" : "2";
                    (t.dates() != null ? t.dates() : t.except())
                            .forEach(d -> csv.row(t.serviceId(), GTFS_DATE.format(d), type));
                });
        return csv.text();
    }

    /** The feed's window: its base trips' calendars (changed runs run inside it). */
    private static String feedInfo(FeedInfo info, List<Trip> all) {
        List<Trip> trips = all.stream().filter(t -> t.dates() == null).toList();
        LocalDate start = trips.stream()
                .map(t -> t.calendar().startDate())
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate end = trips.stream()
                .map(t -> t.calendar().endDate())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return new CsvWriter(
                        "feed_publisher_name",
                        "feed_publisher_url",
                        "feed_lang",
                        "feed_start_date",
                        "feed_end_date",
                        "feed_version",
                        "feed_contact_email",
                        "feed_contact_url")
                .row(
                        info.publisherName(),
                        info.publisherUrl(),
                        info.lang(),
                        GTFS_DATE.format(start),
                        GTFS_DATE.format(end),
                        info.version(),
                        info.contactEmail(),
                        info.contactUrl())
                .text();
    }

    /** Chinese, Lao and any more languages' names (Thai on the Bangkok line), so that apps can show the stations in the riders' own language; blank ones are left out. */
    private static String translations(Network network, List<Trip> trips, List<Operator> agencies) {
        Set<String> used = trips.stream()
                .flatMap(t -> t.stopTimes().stream())
                .map(StopTime::stopId)
                .collect(Collectors.toCollection(TreeSet::new));
        CsvWriter csv = new CsvWriter("table_name", "field_name", "language", "translation", "record_id");
        for (Operator operator : agencies) {
            if (!operator.nameZh().isBlank()) {
                csv.row("agency", "agency_name", "zh", operator.nameZh(), operator.name());
            }
        }
        for (Point point : network.points()) {
            if (!used.contains(point.code())) {
                continue;
            }
            if (!point.names().zh().isBlank()) {
                csv.row("stops", "stop_name", "zh", point.names().zh(), point.code());
            }
            if (!point.names().lo().isBlank()) {
                csv.row("stops", "stop_name", "lo", point.names().lo(), point.code());
            }
            point.names()
                    .more()
                    .forEach((language, name) -> csv.row("stops", "stop_name", language, name, point.code()));
        }
        return csv.text();
    }

    private static String prefix(String number) {
        int i = 0;
        while (i < number.length() && !Character.isDigit(number.charAt(i))) {
            i++;
        }
        return number.substring(0, i);
    }

    /** The digits after the prefix as a number (padded for comparison), so that "887" sorts before "8461". */
    private static String numericPart(String number) {
        String rest = number.substring(prefix(number).length());
        int digits = 0;
        while (digits < rest.length() && Character.isDigit(rest.charAt(digits))) {
            digits++;
        }
        String value = rest.substring(0, digits).replaceFirst("^0+(?=\\d)", "");
        return "0".repeat(Math.max(0, 20 - value.length())) + value;
    }

    private static String decimal(double degrees) {
        return BigDecimal.valueOf(degrees).toPlainString();
    }
}
