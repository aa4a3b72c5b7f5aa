package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.util.JsonFormat;
import com.google.transit.realtime.GtfsRealtime.Alert;
import com.google.transit.realtime.GtfsRealtime.EntitySelector;
import com.google.transit.realtime.GtfsRealtime.FeedEntity;
import com.google.transit.realtime.GtfsRealtime.FeedHeader;
import com.google.transit.realtime.GtfsRealtime.FeedMessage;
import com.google.transit.realtime.GtfsRealtime.TranslatedString;
import com.google.transit.realtime.GtfsRealtime.TripDescriptor;
import com.google.transit.realtime.GtfsRealtime.TripUpdate;
import com.google.transit.realtime.GtfsRealtime.TripUpdate.StopTimeUpdate;
import com.google.transit.realtime.GtfsRealtime.VehiclePosition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lancang.store.testing.TestClock;
import org.lancang.web.http.Json;

/**
 * The GTFS-Realtime feeds read as a real consumer reads them: the protobuf parsed with the MobilityData bindings, every
 * reference looked up in the static feed of {@code /gtfs.zip}. The MobilityData GTFS-RT validator is not on Maven
 * Central, so the rules of its catalogue that apply to these feeds are checked here, each cited by its id (E001 …,
 * W001 …). The scenario: the first passenger train of the day from China to Laos leaves an hour late.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GtfsRealtimeApiTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    static final TestClock CLOCK = TestClock.at("2026-12-04T22:00:00Z"); // 06:00 in China on the day
    static final Duration LATE = Duration.ofMinutes(60);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TestServer server;
    static String feedToken;
    static JsonNode intl;
    static StaticFeed gtfs;

    /** The static feed, as a consumer loads it. */
    record StaticFeed(
            ZoneId agencyZone,
            Map<String, Map<String, String>> trips,
            Set<String> routes,
            Map<String, Map<String, String>> stops,
            Map<String, List<Map<String, String>>> stopTimes) {}

    record Fetched(int status, byte[] body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), headers.getOrDefault(name, List.of())).stream()
                    .findFirst()
                    .orElse(null);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer(CLOCK);
        String admin = server.adminToken();
        TestServer.Reply created = server.postJson(
                "/api/users",
                admin,
                "{\"username\":\"describer-rt\",\"displayName\":\"feed\",\"password\":\"password of feed\","
                        + "\"roles\":[\"TRAIN_DESCRIBER\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        feedToken = server.token("describer-rt", "password of feed");
        Map<String, String> countries = new HashMap<>();
        server.get("/api/network/points")
                .json()
                .forEach(p ->
                        countries.put(p.get("code").asText(), p.get("country").asText()));
        for (JsonNode t :
                server.get("/api/operations/forecast?date=" + DAY, admin).json()) {
            boolean crosses = countries.get(t.get("from").asText()).equals("CN")
                    && countries.get(t.get("to").asText()).equals("LA");
            if (t.get("priority").asText().equals("PASSENGER")
                    && crosses
                    && (intl == null || departure(t).isBefore(departure(intl)))) {
                intl = t;
            }
        }
        assertThat(intl).isNotNull();
        gtfs = load(fetch("/gtfs.zip", Map.of()).body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Instant departure(JsonNode train) {
        return Instant.parse(train.get("calls").get(0).get("plannedDeparture").asText());
    }

    @Test
    @Order(1)
    void tripUpdatesCarryTheDelayAtEveryLaterStopAndObeyTheValidatorRules() throws Exception {
        String train = intl.get("train").asText();
        Instant late = departure(intl).plus(LATE);
        CLOCK.set(late.plusSeconds(60).toString());
        String event = "{\"train\":\"" + train + "\",\"serviceDate\":\"" + DAY + "\",\"point\":\""
                + intl.get("from").asText() + "\",\"kind\":\"DEPARTURE\",\"at\":\"" + late + "\",\"source\":\"t\"}";
        TestServer.Reply posted = server.postJson("/api/operations/events", feedToken, event);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);

        Fetched pb = fetch("/gtfs-rt/trip-updates.pb", Map.of());
        assertThat(pb.status()).isEqualTo(200);
        assertThat(pb.header("Content-Type")).startsWith("application/x-protobuf");
        FeedMessage feed = FeedMessage.parseFrom(pb.body());
        checkHeader(feed.getHeader());

        Set<String> ids = new HashSet<>();
        TripUpdate late1 = null;
        for (FeedEntity e : feed.getEntityList()) {
            assertThat(ids.add(e.getId())).as("entity ids are unique").isTrue();
            assertThat(e.hasIsDeleted())
                    .as("E039 no is_deleted in a FULL_DATASET feed")
                    .isFalse();
            assertThat(e.hasTripUpdate()).isTrue();
            TripUpdate tu = e.getTripUpdate();
            checkTrip(tu.getTrip());
            assertThat(tu.getVehicle().getId()).as("W002 vehicle id").isNotBlank();
            if (tu.hasTimestamp()) {
                checkPosix(tu.getTimestamp(), "E001 trip_update.timestamp");
                assertThat(tu.getTimestamp())
                        .as("E012 header timestamp >= every other")
                        .isLessThanOrEqualTo(feed.getHeader().getTimestamp());
            }
            checkStopTimeUpdates(tu);
            if (tu.getTrip().getTripId().equals(train)
                    && tu.getTrip().getStartDate().equals(DAY.format(DateTimeFormatter.BASIC_ISO_DATE))) {
                late1 = tu;
            }
        }
        assertThat(feed.getEntityCount()).isGreaterThan(10);
        // the late train: an hour at its origin, a delay at every later stop, and the static times plus the delay
        assertThat(late1).isNotNull();
        assertThat(late1.getStopTimeUpdate(0).getDeparture().getDelay()).isEqualTo((int) LATE.toSeconds());
        Set<ZoneId> zones = new HashSet<>();
        for (StopTimeUpdate stu : late1.getStopTimeUpdateList()) {
            if (stu.hasArrival()) {
                assertThat(stu.getArrival().getDelay()).as(stu.getStopId()).isPositive();
            }
            zones.add(ZoneId.of(gtfs.stops().get(stu.getStopId()).get("stop_timezone")));
        }
        assertThat(zones)
                .as("the train runs through stops in UTC+8 and UTC+7")
                .extracting(z -> z.getRules().getOffset(late).getTotalSeconds() / 3600)
                .contains(8, 7);
    }

    @Test
    @Order(2)
    void theJsonMappingCarriesTimeAndDelayOnEveryStopTimeUpdateAndIsTheSameFeed() throws Exception {
        Fetched pb = fetch("/gtfs-rt/trip-updates.pb", Map.of());
        Fetched json = fetch("/gtfs-rt/trip-updates.pb?format=json", Map.of());
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        String text = new String(json.body(), StandardCharsets.UTF_8);
        JsonNode tree = Json.MAPPER.readTree(text);
        int events = 0;
        for (JsonNode e : tree.get("entity")) {
            for (JsonNode stu : e.at("/tripUpdate/stopTimeUpdate")) {
                for (String side : List.of("arrival", "departure")) {
                    if (stu.has(side)) {
                        assertThat(stu.get(side).has("time") && stu.get(side).has("delay"))
                                .as(stu.toString())
                                .isTrue();
                        events++;
                    }
                }
            }
        }
        assertThat(events).isGreaterThan(100);
        FeedMessage.Builder parsed = FeedMessage.newBuilder();
        JsonFormat.parser().merge(text, parsed);
        assertThat(parsed.build()).isEqualTo(FeedMessage.parseFrom(pb.body()));

        Fetched bad = fetch("/gtfs-rt/trip-updates.pb?format=xml", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("\"format\"");
    }

    @Test
    @Order(3)
    void ifModifiedSinceAnswers304UntilTheForecastChanges() throws Exception {
        Fetched first = fetch("/gtfs-rt/trip-updates.pb", Map.of());
        String lastModified = first.header("Last-Modified");
        assertThat(lastModified).isNotNull();
        long stamp = FeedMessage.parseFrom(first.body()).getHeader().getTimestamp();
        assertThat(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(lastModified))
                        .getEpochSecond())
                .as("Last-Modified is the header timestamp")
                .isEqualTo(stamp);
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(fetch("/gtfs-rt/trip-updates.pb", Map.of("If-Modified-Since", lastModified))
                        .status())
                .isEqualTo(304);
        assertThat(fetch("/gtfs-rt/alerts.pb", Map.of("If-Modified-Since", lastModified))
                        .status())
                .isEqualTo(304);

        // a second train departs: the forecast changes, so does the feed
        JsonNode next = null;
        for (JsonNode t : server.get("/api/operations/forecast?date=" + DAY, server.adminToken())
                .json()) {
            if (!t.get("train").asText().equals(intl.get("train").asText())
                    && !departure(t).isAfter(CLOCK.instant())
                    && (next == null || departure(t).isAfter(departure(next)))) {
                next = t;
            }
        }
        assertThat(next).isNotNull();
        String event = "{\"train\":\"" + next.get("train").asText() + "\",\"serviceDate\":\"" + DAY
                + "\",\"point\":\"" + next.get("from").asText() + "\",\"kind\":\"DEPARTURE\",\"at\":\""
                + departure(next) + "\",\"source\":\"t\"}";
        assertThat(server.postJson("/api/operations/events", feedToken, event).status())
                .isEqualTo(200);
        Fetched changed = fetch("/gtfs-rt/trip-updates.pb", Map.of("If-Modified-Since", lastModified));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(FeedMessage.parseFrom(changed.body()).getHeader().getTimestamp())
                .as("E018 the header timestamp never decreases")
                .isGreaterThan(stamp);
    }

    @Test
    @Order(4)
    void vehiclePositionsPlaceTheLateTrainOnTheLineAndPairWithItsTripUpdate() throws Exception {
        CLOCK.set(departure(intl).plus(LATE).plus(Duration.ofHours(2)).toString());
        FeedMessage positions = FeedMessage.parseFrom(
                fetch("/gtfs-rt/vehicle-positions.pb", Map.of()).body());
        FeedMessage updates = FeedMessage.parseFrom(
                fetch("/gtfs-rt/trip-updates.pb", Map.of()).body());
        checkHeader(positions.getHeader());
        assertThat(positions.getHeader().getTimestamp())
                .isEqualTo(CLOCK.instant().getEpochSecond());
        Map<String, String> tripOfVehicle = new HashMap<>();
        for (FeedEntity e : updates.getEntityList()) {
            tripOfVehicle.put(
                    e.getTripUpdate().getVehicle().getId(),
                    e.getTripUpdate().getTrip().getTripId());
        }
        double[] box = boundingBox();
        Set<String> vehicles = new HashSet<>();
        boolean found = false;
        for (FeedEntity e : positions.getEntityList()) {
            VehiclePosition vp = e.getVehicle();
            checkTrip(vp.getTrip());
            assertThat(vehicles.add(vp.getVehicle().getId()))
                    .as("E052 vehicle.id unique")
                    .isTrue();
            assertThat(tripOfVehicle.get(vp.getVehicle().getId()))
                    .as("E047 / W003 the vehicle and its trip as in trip updates")
                    .isEqualTo(vp.getTrip().getTripId());
            float lat = vp.getPosition().getLatitude();
            float lon = vp.getPosition().getLongitude();
            assertThat(lat).as("E026 latitude").isBetween(-90f, 90f);
            assertThat(lon).as("E026 longitude").isBetween(-180f, 180f);
            // a float holds about 7 digits: a train standing at the last stop may lie 1e-6 degrees outside
            double margin = 0.001;
            assertThat(lat >= box[0] - margin
                            && lat <= box[1] + margin
                            && lon >= box[2] - margin
                            && lon <= box[3] + margin)
                    .as("E028 within the area of the stops: " + vp.getTrip().getTripId() + " at " + lat + ", " + lon)
                    .isTrue();
            assertThat(vp.getTimestamp())
                    .as("W001 timestamp")
                    .isEqualTo(positions.getHeader().getTimestamp());
            if (vp.hasStopId()) {
                assertThat(gtfs.stops()).as("E011 stop_id").containsKey(vp.getStopId());
                assertThat(gtfs.stopTimes()
                                .get(vp.getTrip().getTripId())
                                .get(vp.getCurrentStopSequence() - 1)
                                .get("stop_id"))
                        .as("E045 stop_sequence and stop_id match")
                        .isEqualTo(vp.getStopId());
            }
            found |= vp.getTrip().getTripId().equals(intl.get("train").asText());
        }
        assertThat(found)
                .as("the late train is under way two hours after it left")
                .isTrue();
    }

    @Test
    @Order(5)
    void alertsTellOfTheLateTrainInThreeLanguages() throws Exception {
        FeedMessage alerts =
                FeedMessage.parseFrom(fetch("/gtfs-rt/alerts.pb", Map.of()).body());
        checkHeader(alerts.getHeader());
        Alert mine = null;
        for (FeedEntity e : alerts.getEntityList()) {
            Alert a = e.getAlert();
            assertThat(a.getInformedEntityCount()).as("E032 informed_entity").isPositive();
            for (EntitySelector s : a.getInformedEntityList()) {
                assertThat(s.hasAgencyId() || s.hasRouteId() || s.hasTrip() || s.hasStopId())
                        .as("E033 a specifier")
                        .isTrue();
                if (s.hasTrip()) {
                    checkTrip(s.getTrip());
                    assertThat(s.getTrip().getRouteId())
                            .as("E030/E031 the trip's route")
                            .isEqualTo(s.getRouteId());
                    if (s.getTrip().getTripId().equals(intl.get("train").asText())) {
                        mine = a;
                    }
                }
            }
        }
        assertThat(mine).isNotNull();
        for (TranslatedString text : List.of(mine.getHeaderText(), mine.getDescriptionText())) {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            text.getTranslationList().forEach(t -> byLanguage.put(t.getLanguage(), t.getText()));
            assertThat(byLanguage).containsKeys("en", "zh", "lo");
            assertThat(byLanguage.get("lo")).containsPattern("[\\u0E80-\\u0EFF]");
            assertThat(byLanguage.get("zh")).containsPattern("[\\u4E00-\\u9FFF]");
        }
    }

    // --- the validator's rules -------------------------------------------------------------------------------------

    static void checkHeader(FeedHeader header) {
        assertThat(header.getGtfsRealtimeVersion()).as("E038 version").isIn("1.0", "2.0");
        assertThat(header.hasTimestamp()).as("E048 header timestamp").isTrue();
        assertThat(header.hasIncrementality()).as("E049 incrementality").isTrue();
        checkPosix(header.getTimestamp(), "E001 header timestamp");
        assertThat(header.getTimestamp())
                .as("E050 not in the future")
                .isLessThanOrEqualTo(CLOCK.instant().getEpochSecond());
    }

    /** E001: POSIX seconds, not milliseconds; a plausible year. */
    static void checkPosix(long seconds, String what) {
        assertThat(seconds).as(what).isBetween(1_000_000_000L, 4_102_444_800L);
    }

    static void checkTrip(TripDescriptor trip) {
        Map<String, String> row = gtfs.trips().get(trip.getTripId());
        assertThat(row).as("E003 trip_id " + trip.getTripId() + " in trips.txt").isNotNull();
        assertThat(gtfs.routes()).as("E004 route_id in routes.txt").contains(trip.getRouteId());
        assertThat(row.get("route_id")).as("E035 the trip belongs to its route").isEqualTo(trip.getRouteId());
        assertThat(String.valueOf(trip.getDirectionId()))
                .as("E024 direction_id")
                .isEqualTo(row.get("direction_id"));
        assertThat(trip.getStartDate()).as("E021 start_date").matches("\\d{8}");
        assertThat(trip.hasStartTime())
                .as("E020/E023 no start_time to contradict")
                .isFalse();
        assertThat(trip.hasScheduleRelationship())
                .as("W009 schedule_relationship")
                .isTrue();
    }

    static void checkStopTimeUpdates(TripUpdate tu) {
        String tripId = tu.getTrip().getTripId();
        List<Map<String, String>> scheduled = gtfs.stopTimes().get(tripId);
        assertThat(tu.getStopTimeUpdateCount()).as("E041 stop time updates").isPositive();
        LocalDate serviceDate = LocalDate.parse(tu.getTrip().getStartDate(), DateTimeFormatter.BASIC_ISO_DATE);
        // GTFS times count from noon minus 12 h of the service date in the agency's zone
        Instant dayStart = serviceDate
                .atTime(LocalTime.NOON)
                .atZone(gtfs.agencyZone())
                .toInstant()
                .minus(Duration.ofHours(12));
        int previousSequence = 0;
        String previousStop = null;
        long previousTime = Long.MIN_VALUE;
        for (StopTimeUpdate stu : tu.getStopTimeUpdateList()) {
            assertThat(stu.hasStopId() || stu.hasStopSequence()).as("E040").isTrue();
            assertThat(stu.getStopSequence()).as("E002 sorted, E036 no repeat").isGreaterThan(previousSequence);
            assertThat(stu.getStopId()).as("E037 no repeated stop").isNotEqualTo(previousStop);
            assertThat(gtfs.stops()).as("E011 stop_id in stops.txt").containsKey(stu.getStopId());
            assertThat(gtfs.stops().get(stu.getStopId()).getOrDefault("location_type", "0"))
                    .as("E015 a stop (location_type 0)")
                    .isIn("", "0");
            assertThat(stu.getStopSequence()).as("E051 stop_sequence in GTFS").isBetween(1, scheduled.size());
            Map<String, String> st = scheduled.get(stu.getStopSequence() - 1);
            assertThat(st.get("stop_id"))
                    .as("E045 stop_sequence and stop_id match")
                    .isEqualTo(stu.getStopId());
            assertThat(stu.hasArrival() || stu.hasDeparture()).as("E043").isTrue();
            for (var side : List.of("arrival", "departure")) {
                boolean arrival = side.equals("arrival");
                if (arrival ? !stu.hasArrival() : !stu.hasDeparture()) {
                    continue;
                }
                var event = arrival ? stu.getArrival() : stu.getDeparture();
                assertThat(event.hasTime() && event.hasDelay())
                        .as("E044, and both as the issue asks")
                        .isTrue();
                checkPosix(event.getTime(), "E001 stop time");
                assertThat(event.getTime())
                        .as("E022 times increase along the trip (" + tripId + " " + stu.getStopId() + ")")
                        .isGreaterThanOrEqualTo(previousTime);
                previousTime = event.getTime();
                // the consumer's arithmetic: the static time in the agency zone plus the delay is the realtime time,
                // whatever the stop's own zone (UTC+7 in Laos, UTC+8 in China)
                Instant planned = dayStart.plus(gtfsTime(st.get(arrival ? "arrival_time" : "departure_time")));
                assertThat(event.getTime() - event.getDelay())
                        .as("scheduled " + side + " of " + tripId + " at " + stu.getStopId())
                        .isEqualTo(planned.getEpochSecond());
            }
            if (stu.hasArrival() && stu.hasDeparture()) {
                assertThat(stu.getDeparture().getTime())
                        .as("E025 departure not before arrival")
                        .isGreaterThanOrEqualTo(stu.getArrival().getTime());
            }
            previousSequence = stu.getStopSequence();
            previousStop = stu.getStopId();
        }
    }

    static double[] boundingBox() {
        double[] box = {90, -90, 180, -180};
        for (Map<String, String> stop : gtfs.stops().values()) {
            double lat = Double.parseDouble(stop.get("stop_lat"));
            double lon = Double.parseDouble(stop.get("stop_lon"));
            box[0] = Math.min(box[0], lat);
            box[1] = Math.max(box[1], lat);
            box[2] = Math.min(box[2], lon);
            box[3] = Math.max(box[3], lon);
        }
        return box;
    }

    static Duration gtfsTime(String text) {
        String[] p = text.split(":");
        return Duration.ofHours(Integer.parseInt(p[0]))
                .plusMinutes(Integer.parseInt(p[1]))
                .plusSeconds(Integer.parseInt(p[2]));
    }

    // --- a consumer's plumbing ---------------------------------------------------------------------------------------

    static Fetched fetch(String path, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
            headers.forEach(request::header);
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new AssertionError(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static StaticFeed load(byte[] zip) throws IOException {
        Map<String, List<Map<String, String>>> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), csv(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        Map<String, Map<String, String>> trips = new HashMap<>();
        files.get("trips.txt").forEach(r -> trips.put(r.get("trip_id"), r));
        Set<String> routes = new HashSet<>();
        files.get("routes.txt").forEach(r -> routes.add(r.get("route_id")));
        Map<String, Map<String, String>> stops = new HashMap<>();
        files.get("stops.txt").forEach(r -> stops.put(r.get("stop_id"), r));
        Map<String, List<Map<String, String>>> stopTimes = new HashMap<>();
        files.get("stop_times.txt")
                .forEach(r -> stopTimes
                        .computeIfAbsent(r.get("trip_id"), k -> new ArrayList<>())
                        .add(r));
        stopTimes
                .values()
                .forEach(l -> l.sort((a, b) -> Integer.compare(
                        Integer.parseInt(a.get("stop_sequence")), Integer.parseInt(b.get("stop_sequence")))));
        ZoneId zone = ZoneId.of(files.get("agency.txt").get(0).get("agency_timezone"));
        return new StaticFeed(zone, trips, routes, stops, stopTimes);
    }

    /** RFC 4180 as GTFS writes it: quoted fields may hold commas and doubled quotes. */
    static List<Map<String, String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        List<String> header =
                rows.get(0).stream().map(h -> h.replace("\uFEFF", "")).toList();
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size() && i < r.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }
}
