package org.lancang.gtfs;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.google.transit.realtime.GtfsRealtime.Alert;
import com.google.transit.realtime.GtfsRealtime.EntitySelector;
import com.google.transit.realtime.GtfsRealtime.FeedEntity;
import com.google.transit.realtime.GtfsRealtime.FeedHeader;
import com.google.transit.realtime.GtfsRealtime.FeedMessage;
import com.google.transit.realtime.GtfsRealtime.Position;
import com.google.transit.realtime.GtfsRealtime.TimeRange;
import com.google.transit.realtime.GtfsRealtime.TripDescriptor;
import com.google.transit.realtime.GtfsRealtime.TripUpdate;
import com.google.transit.realtime.GtfsRealtime.TripUpdate.StopTimeEvent;
import com.google.transit.realtime.GtfsRealtime.TripUpdate.StopTimeUpdate;
import com.google.transit.realtime.GtfsRealtime.VehicleDescriptor;
import com.google.transit.realtime.GtfsRealtime.VehiclePosition;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lancang.gtfs.GtfsExporter.StaticTrip;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.operations.CallForecast;
import org.lancang.operations.TrainForecast;
import org.lancang.timetable.Timetable;

/**
 * The three GTFS-Realtime feeds for the static feed {@link GtfsExporter} writes, from the forecast of the day's runs.
 *
 * <ul>
 * <li>Trip updates: one entity per passenger run, id {@code D887-20261205} (train and service date: stable for the
 * run's life); the trip by trip_id (the train number), route_id, direction_id and start_date (the service date, the
 * same day the static calendar counts); one stop time update per stop of the static trip, with its stop_sequence and
 * stop_id, the forecast (or actual) time as POSIX seconds and the delay against the plan. POSIX times carry no zone,
 * so stops in UTC+7 and UTC+8 need nothing special; the test checks them against the static times.</li>
 * <li>Vehicle positions: each run under way at {@code now}, placed by interpolating between its last point and the
 * next at the forecast (or actual) times, then between the coordinates of the stations either side by chainage.</li>
 * <li>Alerts: a run forecast {@link #ALERT_DELAY} or more late at its destination, in English, Chinese and Lao, and in
 * each more language the network names its points in (Thai on the Bangkok line).</li>
 * </ul>
 * No vehicle ids are known, so the vehicle id is the entity id of the run in both feeds (they pair up).
 */
public final class RealtimeFeeds {
    /** A run this late at its destination gets an alert. */
    public static final Duration ALERT_DELAY = Duration.ofMinutes(15);

    private static final DateTimeFormatter START_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Network network;
    private final Map<String, StaticTrip> trips;
    /** The published changes the static feed was written with: a changed run is its own trip on its dates. */
    private final FeedChanges changes;

    private final StopCoordinates coordinates;
    /** Points with coordinates in chainage order: what a position between two timing points is placed along. */
    private final List<Point> located;
    /** The languages of its alerts: the three, and any more its points are named in (Thai on the Bangkok line). */
    private final AlertTexts texts;

    public RealtimeFeeds(Network network, Timetable timetable) {
        this(network, timetable, StopCoordinates.bundled());
    }

    public RealtimeFeeds(Network network, Timetable timetable, StopCoordinates coordinates) {
        this(network, timetable, coordinates, FeedChanges.NONE);
    }

    /** The feeds for the static feed written with the published timetable changes {@code changes}. */
    public RealtimeFeeds(Network network, Timetable timetable, StopCoordinates coordinates, FeedChanges changes) {
        this.network = network;
        this.coordinates = coordinates;
        this.texts = AlertTexts.of(network);
        this.changes = changes;
        this.trips = new GtfsExporter(coordinates).staticTrips(network, timetable, changes);
        this.located = network.points().stream()
                .filter(p -> coordinates.of(p.code()).isPresent())
                .sorted(Comparator.comparingDouble(Point::km))
                .toList();
    }

    /**
     * The static trip a run is on: the changed run's own trip_id on a date a published change gives it one, else the
     * base trip (the train number).
     */
    private StaticTrip tripOf(TrainForecast run) {
        return changes.tripOn(run.train(), run.serviceDate())
                .map(t -> trips.get(t.tripId()))
                .orElseGet(() -> trips.get(run.train()));
    }

    /** The stable entity id (and vehicle id) of a run: train number and service date. */
    public static String entityId(TrainForecast run) {
        return run.train() + "-" + START_DATE.format(run.serviceDate());
    }

    /** Trip updates of the passenger runs among {@code runs} that the static feed knows. */
    public FeedMessage tripUpdates(List<TrainForecast> runs, Instant timestamp) {
        FeedMessage.Builder feed = FeedMessage.newBuilder().setHeader(header(timestamp));
        for (TrainForecast run : runs) {
            StaticTrip trip = tripOf(run);
            if (trip == null) {
                continue; // freight, or a train the static feed leaves out
            }
            TripUpdate.Builder update = TripUpdate.newBuilder()
                    .setTrip(trip(run, trip))
                    .setVehicle(vehicle(run))
                    .setDelay(Math.toIntExact(run.destinationDelaySeconds()));
            if (run.lastEvent() != null) {
                update.setTimestamp(Math.min(seconds(run.lastEvent().at()), seconds(timestamp)));
            }
            List<CallForecast> calls = stopCalls(run, trip);
            for (int i = 0; i < calls.size(); i++) {
                CallForecast call = calls.get(i);
                StopTimeUpdate.Builder stu = StopTimeUpdate.newBuilder()
                        .setStopSequence(i + 1)
                        .setStopId(call.point())
                        .setScheduleRelationship(StopTimeUpdate.ScheduleRelationship.SCHEDULED);
                if (i > 0 && call.forecastArrival() != null) {
                    stu.setArrival(event(call.forecastArrival(), call.arrivalDelaySeconds()));
                }
                if (i < calls.size() - 1 && call.forecastDeparture() != null) {
                    stu.setDeparture(event(call.forecastDeparture(), call.departureDelaySeconds()));
                }
                update.addStopTimeUpdate(stu);
            }
            feed.addEntity(FeedEntity.newBuilder().setId(entityId(run)).setTripUpdate(update));
        }
        return feed.build();
    }

    /** Positions of the passenger runs under way at {@code now}. */
    public FeedMessage vehiclePositions(List<TrainForecast> runs, Instant now) {
        FeedMessage.Builder feed = FeedMessage.newBuilder().setHeader(header(now));
        for (TrainForecast run : runs) {
            StaticTrip trip = tripOf(run);
            List<CallForecast> calls = run.calls();
            if (trip == null || calls.size() < 2) {
                continue;
            }
            Instant start = calls.get(0).forecastDeparture();
            Instant end = calls.get(calls.size() - 1).forecastArrival();
            if (start == null || end == null || now.isBefore(start) || !now.isBefore(end)) {
                continue; // not under way
            }
            VehiclePosition.Builder vp = VehiclePosition.newBuilder()
                    .setTrip(trip(run, trip))
                    .setVehicle(vehicle(run))
                    .setTimestamp(seconds(now));
            double km = Double.NaN;
            String stoppedAt = null;
            String nextStop = null;
            for (int i = 0; i < calls.size(); i++) {
                CallForecast call = calls.get(i);
                Instant arrival = call.forecastArrival() == null ? call.forecastDeparture() : call.forecastArrival();
                Instant departure =
                        call.forecastDeparture() == null ? call.forecastArrival() : call.forecastDeparture();
                if (!now.isBefore(arrival) && now.isBefore(departure)) {
                    km = km(call.point());
                    stoppedAt = call.point();
                    break;
                }
                if (i + 1 < calls.size()) {
                    CallForecast next = calls.get(i + 1);
                    if (!now.isBefore(departure) && now.isBefore(next.forecastArrival())) {
                        double share = (double) Duration.between(departure, now).toMillis()
                                / Math.max(
                                        1,
                                        Duration.between(departure, next.forecastArrival())
                                                .toMillis());
                        km = km(call.point()) + share * (km(next.point()) - km(call.point()));
                        break;
                    }
                }
            }
            if (Double.isNaN(km)) {
                continue;
            }
            int sequence = nextStopSequence(run, trip, now, stoppedAt);
            if (sequence > 0) {
                nextStop = trip.stopIds().get(sequence - 1);
                vp.setCurrentStopSequence(sequence).setStopId(nextStop);
                vp.setCurrentStatus(
                        nextStop.equals(stoppedAt)
                                ? VehiclePosition.VehicleStopStatus.STOPPED_AT
                                : VehiclePosition.VehicleStopStatus.IN_TRANSIT_TO);
            }
            Optional<Position> position = position(km);
            if (position.isEmpty()) {
                continue;
            }
            vp.setPosition(position.get());
            feed.addEntity(FeedEntity.newBuilder().setId(entityId(run)).setVehicle(vp));
        }
        return feed.build();
    }

    /** An alert for each passenger run forecast {@link #ALERT_DELAY} or more late at its destination. */
    public FeedMessage alerts(List<TrainForecast> runs, Instant timestamp) {
        FeedMessage.Builder feed = FeedMessage.newBuilder().setHeader(header(timestamp));
        for (TrainForecast run : runs) {
            StaticTrip trip = tripOf(run);
            if (trip == null
                    || run.destinationArrival() == null
                    || run.destinationDelaySeconds() < ALERT_DELAY.toSeconds()) {
                continue;
            }
            Point destination = network.point(run.to()).orElseThrow();
            long minutes = run.destinationDelaySeconds() / 60;
            String at = CLOCK.format(run.destinationArrival().atZone(destination.timeZone()));
            AlertTexts.Late late = new AlertTexts.Late(run.train(), minutes, at, destination.names());
            Alert.Builder alert = Alert.newBuilder()
                    .addActivePeriod(TimeRange.newBuilder()
                            .setStart(seconds(run.calls().get(0).plannedDeparture()))
                            .setEnd(seconds(run.destinationArrival())))
                    .addInformedEntity(EntitySelector.newBuilder()
                            .setRouteId(trip.routeId())
                            .setTrip(trip(run, trip)))
                    .setCause(Alert.Cause.UNKNOWN_CAUSE)
                    .setEffect(Alert.Effect.SIGNIFICANT_DELAYS)
                    .setHeaderText(texts.header(late))
                    .setDescriptionText(texts.description(late));
            feed.addEntity(
                    FeedEntity.newBuilder().setId("alert-" + entityId(run)).setAlert(alert));
        }
        return feed.build();
    }

    /** The protobuf JSON mapping of a feed (what {@code ?format=json} answers). */
    public static String json(FeedMessage feed) {
        try {
            return JsonFormat.printer().print(feed);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a feed built here always maps to JSON", e);
        }
    }

    private static FeedHeader header(Instant timestamp) {
        return FeedHeader.newBuilder()
                .setGtfsRealtimeVersion("2.0")
                .setIncrementality(FeedHeader.Incrementality.FULL_DATASET)
                .setTimestamp(seconds(timestamp))
                .build();
    }

    private static TripDescriptor trip(TrainForecast run, StaticTrip trip) {
        return TripDescriptor.newBuilder()
                .setTripId(trip.tripId())
                .setRouteId(trip.routeId())
                .setDirectionId(trip.directionId())
                .setStartDate(START_DATE.format(trip.feedDay(run.serviceDate())))
                .setScheduleRelationship(TripDescriptor.ScheduleRelationship.SCHEDULED)
                .build();
    }

    private static VehicleDescriptor vehicle(TrainForecast run) {
        return VehicleDescriptor.newBuilder()
                .setId(entityId(run))
                .setLabel(run.train())
                .build();
    }

    private static StopTimeEvent event(Instant at, long delaySeconds) {
        return StopTimeEvent.newBuilder()
                .setTime(seconds(at))
                .setDelay(Math.toIntExact(delaySeconds))
                .build();
    }

    /** The run's calls at the static trip's stops, in its order (the static trip is a subsequence of the path). */
    private static List<CallForecast> stopCalls(TrainForecast run, StaticTrip trip) {
        List<CallForecast> calls = new ArrayList<>();
        int next = 0;
        for (CallForecast call : run.calls()) {
            if (next < trip.stopIds().size()
                    && call.point().equals(trip.stopIds().get(next))) {
                calls.add(call);
                next++;
            }
        }
        if (next != trip.stopIds().size()) {
            throw new IllegalStateException(run.train() + "@" + run.serviceDate()
                    + ": the forecast's path does not pass every stop of the static trip " + trip.stopIds());
        }
        return calls;
    }

    /** The stop_sequence of the stop the run stands at, or of the next one it will reach (0: none left). */
    private static int nextStopSequence(TrainForecast run, StaticTrip trip, Instant now, String stoppedAt) {
        List<CallForecast> calls = stopCalls(run, trip);
        for (int i = 0; i < calls.size(); i++) {
            CallForecast call = calls.get(i);
            if (call.point().equals(stoppedAt)) {
                return i + 1;
            }
            Instant arrival = call.forecastArrival() == null ? call.forecastDeparture() : call.forecastArrival();
            if (arrival.isAfter(now)) {
                return i + 1;
            }
        }
        return 0;
    }

    private double km(String code) {
        return network.point(code).orElseThrow().km();
    }

    /** Latitude and longitude at a chainage: between the two located stations either side, in proportion. */
    private Optional<Position> position(double km) {
        if (located.isEmpty()) {
            return Optional.empty();
        }
        Point before = located.get(0);
        Point after = located.get(located.size() - 1);
        for (Point p : located) {
            if (p.km() <= km) {
                before = p;
            }
            if (p.km() >= km) {
                after = p;
                break;
            }
        }
        StopCoordinates.Coordinate a = coordinates.of(before.code()).orElseThrow();
        StopCoordinates.Coordinate b = coordinates.of(after.code()).orElseThrow();
        double span = after.km() - before.km();
        double share = span <= 0 ? 0 : Math.max(0, Math.min(1, (km - before.km()) / span));
        return Optional.of(Position.newBuilder()
                .setLatitude((float) (a.lat() + share * (b.lat() - a.lat())))
                .setLongitude((float) (a.lon() + share * (b.lon() - a.lon())))
                .build());
    }

    private static long seconds(Instant at) {
        return at.getEpochSecond();
    }
}
