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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
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
 * Reads a GTFS static feed — Lancang's own of any network, or a third party's of a line Lancang serves — back into a
 * {@link Timetable}: one passenger {@link Train} per trip.
 *
 * <ul>
 * <li>network: the one, among those given, whose points every stop of the feed matches and whose operators every
 * agency matches; none or several is refused (name one then);</li>
 * <li>stops: by {@link StopMatcher} (code, stop_code, name in any language, position); a platform or other child of a
 * station ({@code parent_station}) is its station's point;</li>
 * <li>operator: the route's agency, whose {@code agency_id} is an operator's code or whose {@code agency_name} is one
 * of its names;</li>
 * <li>number: {@code trip_short_name}, or the trip_id where that is blank;</li>
 * <li>train type: the extra column {@value GtfsExporter#TRAIN_TYPE_COLUMN}, or the network's default (GTFS itself has
 * no train type);</li>
 * <li>calendar: calendar.txt and calendar_dates.txt, exactly (see {@link CalendarReader});</li>
 * <li>times: by {@link TripTimes}: converted from the feed's {@code agency_timezone} to offsets in the origin's zone,
 * past 24:00 as GTFS writes overnight trains, blank times between timed stops interpolated by chainage;
 * frequencies.txt is refused (Lancang's trains are numbered runs).</li>
 * </ul>
 * Anything it cannot read raises a {@link GtfsFormatException} naming file, line and field.
 */
public final class GtfsImporter {
    /** The train type of trips without {@value GtfsExporter#TRAIN_TYPE_COLUMN} on the home line: its passenger EMU. */
    public static final String DEFAULT_TRAIN_TYPE = "CR200J";
    /** Upper bound on the unpacked size of a feed, so that a hostile zip cannot exhaust memory. */
    public static final long MAX_UNCOMPRESSED_BYTES = 256L * 1024 * 1024;

    static final String AGENCY = "agency.txt";
    static final String STOPS = "stops.txt";
    static final String ROUTES = "routes.txt";
    static final String TRIPS = "trips.txt";
    static final String STOP_TIMES = "stop_times.txt";
    static final String FREQUENCIES = "frequencies.txt";

    private final Operators operators;

    /** An importer that knows the network's infrastructure managers as its operators. */
    public GtfsImporter() {
        this(null);
    }

    /** An importer whose agencies must be among {@code operators} (for {@link #importFeed}). */
    public GtfsImporter(Operators operators) {
        this.operators = operators;
    }

    /** Reads the feed in {@code zip}; every stop must be a point of {@code network}. */
    public Timetable importFeed(byte[] zip, Network network) {
        return importFeed(unzip(new ByteArrayInputStream(zip)), network);
    }

    /** Reads the feed from already unpacked files (file name to UTF-8 text). */
    public Timetable importFeed(Map<String, String> files, Network network) {
        return read(files, List.of(only(network))).timetable();
    }

    /** Reads the feed in {@code zip} against the networks given: the one it matches (see the class). */
    public GtfsImport read(byte[] zip, List<ImportNetwork> networks) {
        return read(unzip(new ByteArrayInputStream(zip)), networks);
    }

    /** Reads unpacked files against the networks given: the one it matches. */
    public GtfsImport read(Map<String, String> files, List<ImportNetwork> networks) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("no network to import into");
        }
        if (networks.size() == 1) {
            return GtfsFormatException.reading(() -> new FeedReader(files, networks.get(0)).read());
        }
        List<GtfsImport> matched = new ArrayList<>();
        GtfsFormatException closest = null;
        int closestScore = -1;
        String closestNetwork = "";
        boolean anyReachedStops = false;
        for (ImportNetwork n : networks) {
            FeedReader reader = new FeedReader(files, n);
            try {
                matched.add(GtfsFormatException.reading(reader::read));
            } catch (GtfsFormatException e) {
                anyReachedStops |= reader.reachedStops();
                if (reader.matchedStops() > closestScore) {
                    closest = e;
                    closestScore = reader.matchedStops();
                    closestNetwork = n.code();
                }
            }
        }
        String names = networks.stream().map(ImportNetwork::code).collect(Collectors.joining(", "));
        if (matched.size() == 1) {
            return matched.get(0);
        }
        if (matched.size() > 1) {
            throw new GtfsFormatException(
                    STOPS,
                    GtfsFormatException.WHOLE_FILE,
                    "stop_id",
                    "the feed's stops and agencies match several networks ("
                            + matched.stream().map(GtfsImport::network).collect(Collectors.joining(", "))
                            + "): name the one to import into (--network)");
        }
        if (!anyReachedStops) {
            throw closest; // refused before any stop was looked at: the same against every network
        }
        if (closestScore == 0) {
            throw closest.withNote("no stop of the feed matches a point of any network served: " + names);
        }
        throw closest.withNote("read against " + closestNetwork + ", the network whose points most of the feed's"
                + " stops match, among " + names);
    }

    /** The network alone, its agencies the importer's operators or else its infrastructure managers. */
    private ImportNetwork only(Network network) {
        Operators known = operators != null
                ? operators
                : new Operators(network.countries().stream()
                        .map(c -> c.infrastructureManager())
                        .filter(m -> !m.isBlank())
                        .distinct()
                        .map(Operator::valueOf)
                        .toList());
        return new ImportNetwork(network.code(), network, known, StopCoordinates.bundled(), DEFAULT_TRAIN_TYPE);
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

    /** One import against one network: the files, read table by table, each checked against the ones before. */
    private static final class FeedReader {
        private final Map<String, String> files;
        private final ImportNetwork net;
        private final StopMatcher matcher;
        private final Map<String, CsvTable.Row> stopRows = new LinkedHashMap<>();
        private final Map<String, StopMatcher.Match> stops = new LinkedHashMap<>();
        private final Map<String, CsvTable.Row> agencyRows = new LinkedHashMap<>();
        private final Map<String, Operator> agencies = new HashMap<>();
        private final Map<String, Operator> routes = new HashMap<>();
        private final List<String> notes = new ArrayList<>();
        private ZoneId feedZone;
        private boolean stopsReached;

        FeedReader(Map<String, String> files, ImportNetwork net) {
            this.files = files;
            this.net = net;
            this.matcher = new StopMatcher(net);
        }

        /** How many of the feed's stops matched a point before the read stopped (to tell the closest network). */
        int matchedStops() {
            return stops.size();
        }

        /**
         * Whether the read got as far as matching stops: a feed refused before (a missing file, a bad stop_sequence)
         * is refused alike against every network, and that is no sign that its stops match none.
         */
        boolean reachedStops() {
            return stopsReached;
        }

        GtfsImport read() {
            refuseFrequencies();
            Map<String, List<CsvTable.Row>> stopTimes = readStopTimes();
            Set<String> notRail = notRailRoutes();
            Set<String> leftOut = new HashSet<>();
            for (CsvTable.Row trip : rows(TRIPS, "route_id", "service_id", "trip_id")) {
                if (notRail.contains(trip.textIfPresent("route_id"))) {
                    leftOut.add(trip.textIfPresent("trip_id"));
                }
            }
            stopTimes.keySet().removeAll(leftOut);
            if (stopTimes.isEmpty() && !leftOut.isEmpty()) {
                throw GtfsFormatException.wholeFile(
                        ROUTES, "no route of the feed is rail (route_type 2, or 100–199): nothing to import");
            }
            readStops(stopTimes);
            readAgencies(busOnlyAgencies(notRail));
            readRoutes(notRail);
            CalendarReader calendars = new CalendarReader(files);
            Map<String, Train> trains = new LinkedHashMap<>();
            Set<String> tripIds = new HashSet<>();
            Map<String, Integer> lines = new HashMap<>();
            for (CsvTable.Row trip : rows(TRIPS, "route_id", "service_id", "trip_id")) {
                if (!tripIds.add(trip.required("trip_id"))) {
                    throw trip.error("trip_id", "'" + trip.text("trip_id") + "' appears twice");
                }
                if (notRail.contains(trip.textIfPresent("route_id"))) {
                    continue;
                }
                Train train = train(trip, calendars.calendar(trip), stopTimes.remove(trip.required("trip_id")));
                String key = train.number().toUpperCase(Locale.ROOT);
                Train before = trains.get(key);
                trains.put(key, before == null ? train : merged(before, train, trip, lines.get(key)));
                lines.putIfAbsent(key, trip.line());
            }
            if (!stopTimes.isEmpty()) {
                CsvTable.Row orphan = stopTimes.values().iterator().next().get(0);
                throw orphan.error("trip_id", "'" + orphan.text("trip_id") + "' is not a trip in " + TRIPS);
            }
            List<GtfsImport.MatchedStop> matched = new ArrayList<>();
            stops.forEach((id, m) -> matched.add(new GtfsImport.MatchedStop(
                    id, stopRows.get(id).textIfPresent("stop_name"), m.point().code(), m.how())));
            return new GtfsImport(net.code(), new Timetable(List.copyOf(trains.values())), matched, notes);
        }

        /**
         * One train from two trips of its number: producers often give a train's weekdays and weekends as two trips.
         * They must run the same way, and together on days one calendar can say; otherwise the second is refused.
         */
        private Train merged(Train before, Train train, CsvTable.Row trip, int line) {
            String field = trip.textIfPresent("trip_short_name").isEmpty() ? "trip_id" : "trip_short_name";
            String also = "train " + train.number() + " is also the trip on line " + line;
            if (!before.calls().equals(train.calls())
                    || !before.operator().equals(train.operator())
                    || !before.trainType().equals(train.trainType())) {
                throw trip.error(
                        field,
                        also + ", with other stops, times, operator or type: a Lancang train number has one path,"
                                + " so two different trips cannot share it");
            }
            SortedSet<LocalDate> days = CalendarReader.days(before.calendar());
            days.addAll(CalendarReader.days(train.calendar()));
            ServiceCalendar calendar = CalendarReader.spanning(days);
            LocalDate gap = CalendarReader.firstGap(calendar, days);
            if (gap != null) {
                throw trip.error(
                        field,
                        also + ": together they run from " + days.first() + " to " + days.last() + " on "
                                + calendar.days() + " but not on " + gap + ", which one Lancang calendar cannot say");
            }
            notes.add(also + ": the two trips are one train running " + calendar.days() + " from " + days.first()
                    + " to " + days.last());
            return new Train(
                    train.number(),
                    train.operator(),
                    train.trainType(),
                    train.passenger(),
                    calendar,
                    train.originZone(),
                    train.calls());
        }

        private List<CsvTable.Row> rows(String file, String... requiredColumns) {
            String text = files.get(file);
            if (text == null) {
                String nested = files.keySet().stream()
                        .filter(name -> name.endsWith("/" + file))
                        .findFirst()
                        .map(name -> " (the zip has " + name + ": GTFS files must be at the top of the zip, not in a"
                                + " folder)")
                        .orElse("");
                throw GtfsFormatException.wholeFile(file, "the file is missing from the feed" + nested);
            }
            return CsvTable.parse(file, text, List.of(requiredColumns)).rows();
        }

        private void refuseFrequencies() {
            String text = files.get(FREQUENCIES);
            if (text != null) {
                List<CsvTable.Row> rows =
                        CsvTable.parse(FREQUENCIES, text, List.of()).rows();
                if (!rows.isEmpty()) {
                    throw rows.get(0)
                            .error(
                                    "trip_id",
                                    "trips given by frequency are not imported: a Lancang train is one numbered run"
                                            + " with its own times, so give each run as a trip of its own");
                }
            }
        }

        /** Every stop the stop times use, matched to a point (stops that no trip uses are not looked at). */
        private void readStops(Map<String, List<CsvTable.Row>> stopTimes) {
            for (CsvTable.Row row : rows(STOPS, "stop_id")) {
                if (stopRows.put(row.required("stop_id"), row) != null) {
                    throw row.error("stop_id", "'" + row.text("stop_id") + "' appears twice");
                }
            }
            stopsReached = true;
            for (List<CsvTable.Row> trip : stopTimes.values()) {
                for (CsvTable.Row time : trip) {
                    String id = time.required("stop_id");
                    if (!stops.containsKey(id)) {
                        CsvTable.Row stop = stopRows.get(id);
                        if (stop == null) {
                            throw time.error("stop_id", "'" + id + "' is not a stop in " + STOPS);
                        }
                        stops.put(id, resolve(stop, 0));
                    }
                }
            }
        }

        /** A stop's point: its parent station's, or its own match; refused with the nearest names. */
        private StopMatcher.Match resolve(CsvTable.Row stop, int depth) {
            String parent = stop.textIfPresent("parent_station");
            if (!parent.isEmpty()) {
                CsvTable.Row parentRow = stopRows.get(parent);
                if (parentRow == null) {
                    throw stop.error("parent_station", "'" + parent + "' is not a stop in " + STOPS);
                }
                if (depth > 2) {
                    throw stop.error("parent_station", "'" + parent + "': stations nest at most two deep in GTFS");
                }
                StopMatcher.Match station = resolve(parentRow, depth + 1);
                return new StopMatcher.Match(station.point(), "parent_station " + parent + " by " + station.how());
            }
            return matcher.match(stop).orElseThrow(() -> {
                String id = stop.text("stop_id");
                String name = stop.textIfPresent("stop_name");
                return stop.error(
                        "stop_id",
                        "'" + id + "'" + (name.isEmpty() ? "" : " (" + name + ")") + " is not a point of the network "
                                + net.code() + ": no point has it as code (stop_id, stop_code) or name in any language,"
                                + " and none stands within " + StopMatcher.MAX_DISTANCE_KM + " km of its position;"
                                + " nearest names: "
                                + String.join(", ", matcher.nearestNames(name.isEmpty() ? id : name)));
            });
        }

        /** The agencies (by agency_id) that run only routes of other modes, which need not be the network's. */
        private Set<String> busOnlyAgencies(Set<String> notRail) {
            Set<String> other = new HashSet<>();
            Set<String> rail = new HashSet<>();
            for (CsvTable.Row row : rows(ROUTES, "route_id")) {
                (notRail.contains(row.textIfPresent("route_id")) ? other : rail).add(row.textIfPresent("agency_id"));
            }
            other.removeAll(rail);
            return other;
        }

        private void readAgencies(Set<String> otherModesOnly) {
            List<CsvTable.Row> rows = rows(AGENCY, "agency_name", "agency_timezone");
            if (rows.isEmpty()) {
                throw new GtfsFormatException(AGENCY, 1, "", "the feed has no agency");
            }
            for (CsvTable.Row row : rows) {
                agencyRows.put(row.textIfPresent("agency_id"), row);
                if (!otherModesOnly.contains(row.textIfPresent("agency_id"))) {
                    agencies.put(row.textIfPresent("agency_id"), operator(row));
                }
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

        /** The operator an agency is: by code (agency_id), else by name in any of the operator's languages. */
        private Operator operator(CsvTable.Row row) {
            String id = row.textIfPresent("agency_id");
            String name = row.textIfPresent("agency_name");
            if (!id.isEmpty() && net.operators().byCode(id).isPresent()) {
                return net.operators().byCode(id).get();
            }
            String folded = StopMatcher.fold(name);
            for (Operator o : net.operators().all()) {
                if (!folded.isEmpty()
                        && List.of(o.nameEn(), o.nameZh(), o.nameLo()).stream()
                                .anyMatch(n -> StopMatcher.fold(n).equals(folded))) {
                    return o;
                }
            }
            List<Operator> all = net.operators().all();
            throw row.error(
                    id.isEmpty() ? "agency_name" : "agency_id",
                    "'" + (id.isEmpty() ? name : id) + "' is not an operator of the network " + net.code()
                            + " by code or by name: one of "
                            + all.stream().map(Operator::code).collect(Collectors.joining(", "))
                            + " (" + all.stream().map(Operator::nameEn).collect(Collectors.joining(", ")) + ")");
        }

        /**
         * The routes of the rail network, each with its agency's operator. A route of another mode (route_type 3, a
         * bus; anything but 2 and the extended railway types 100–199) is left out with its trips and said in the
         * notes, and its agency need not be an operator of the network: feeds often carry a railway's feeder or
         * replacement buses beside its trains.
         */
        private void readRoutes(Set<String> notRail) {
            for (CsvTable.Row row : rows(ROUTES, "route_id")) {
                if (notRail.contains(row.required("route_id"))) {
                    continue;
                }
                String agencyId = row.textIfPresent("agency_id");
                CsvTable.Row agency;
                if (agencyId.isEmpty()) {
                    if (agencyRows.size() != 1) {
                        throw row.error("agency_id", "must not be blank when the feed has several agencies");
                    }
                    agency = agencyRows.values().iterator().next();
                } else {
                    agency = agencyRows.get(agencyId);
                    if (agency == null) {
                        throw row.error("agency_id", "'" + agencyId + "' is not an agency in " + AGENCY);
                    }
                }
                Operator operator = agencies.get(agency.textIfPresent("agency_id"));
                routes.put(row.required("route_id"), operator);
            }
        }

        /** The route_ids whose route_type is another mode than rail (see {@link #readRoutes}), said in the notes. */
        private Set<String> notRailRoutes() {
            Set<String> notRail = new HashSet<>();
            for (CsvTable.Row row : rows(ROUTES, "route_id")) {
                String type = row.textIfPresent("route_type");
                if (type.isEmpty()) {
                    continue; // GTFS requires it; without one the route is taken for what the importer reads, rail
                }
                int code;
                try {
                    code = Integer.parseInt(type);
                } catch (NumberFormatException e) {
                    throw row.error("route_type", "'" + type + "' is not a route type (2 is rail)");
                }
                if (code != 2 && (code < 100 || code > 199)) {
                    notRail.add(row.required("route_id"));
                    notes.add("route " + row.text("route_id") + " (route_type " + code + ", not rail) left out with"
                            + " its trips");
                }
            }
            return notRail;
        }

        /** stop_times rows by trip_id, each list sorted by stop_sequence (which may have gaps: 10, 20, …). */
        private Map<String, List<CsvTable.Row>> readStopTimes() {
            Map<String, List<CsvTable.Row>> byTrip = new LinkedHashMap<>();
            for (CsvTable.Row row :
                    rows(STOP_TIMES, "trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence")) {
                sequence(row);
                byTrip.computeIfAbsent(row.required("trip_id"), k -> new ArrayList<>())
                        .add(row);
            }
            for (List<CsvTable.Row> rows : byTrip.values()) {
                rows.sort(Comparator.comparingInt(FeedReader::sequence));
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

        private Train train(CsvTable.Row trip, ServiceCalendar calendar, List<CsvTable.Row> stopTimes) {
            String tripId = trip.required("trip_id");
            Operator operator = routes.get(trip.required("route_id"));
            if (operator == null) {
                throw trip.error("route_id", "'" + trip.text("route_id") + "' is not a route in " + ROUTES);
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
            List<Point> points = stopTimes.stream()
                    .map(r -> stops.get(r.text("stop_id")).point())
                    .toList();
            ZoneId originZone = points.get(0).timeZone();
            Duration shift = GtfsTime.shift(calendar.startDate(), originZone, feedZone);
            TripTimes times = TripTimes.read(stopTimes, points);
            // Lancang counts a train's times from midnight of its service date at its origin: a trip that leaves
            // before that midnight (23:30 on the feed's day at a station in a zone ahead of the feed's) or after the
            // next (25:10) is the train of the day before or after, its calendar moved with it
            long days = Math.floorDiv(
                    times.departure(0).minus(shift).getSeconds(),
                    Duration.ofDays(1).getSeconds());
            shift = shift.plusDays(days);
            calendar = calendar.plusDays(days);
            if (!times.interpolated().isEmpty()) {
                notes.add("train " + number + ": no times at " + String.join(", ", times.interpolated())
                        + " in the feed: interpolated by chainage between the timed stops either side");
            }
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < stopTimes.size(); i++) {
                calls.add(new Call(
                        points.get(i).code(),
                        times.offset(i, true, shift, originZone),
                        times.offset(i, false, shift, originZone),
                        true));
            }
            try {
                return new Train(
                        number,
                        operator,
                        trainType.isEmpty() ? net.defaultTrainType() : trainType,
                        true,
                        calendar,
                        originZone,
                        calls);
            } catch (IllegalArgumentException e) {
                throw trip.error("trip_id", e.getMessage());
            }
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

        private static ZoneId zone(CsvTable.Row row, String column) {
            String text = row.required(column);
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw row.error(column, "'" + text + "' is not a time zone");
            }
        }
    }
}
