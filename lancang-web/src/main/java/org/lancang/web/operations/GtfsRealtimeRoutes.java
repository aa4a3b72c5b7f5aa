package org.lancang.web.operations;

import com.google.transit.realtime.GtfsRealtime.FeedMessage;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.lancang.gtfs.RealtimeFeeds;
import org.lancang.network.Network;
import org.lancang.operations.TrainForecast;
import org.lancang.store.operations.OperationsService;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.Timetable;
import org.lancang.web.http.Access;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.HttpProblem;

/**
 * GTFS-Realtime for the static feed of {@code /gtfs.zip}: trip updates, vehicle positions and alerts, as protobuf or,
 * with {@code ?format=json}, the protobuf JSON mapping. The runs of yesterday still under way and all of today's (China
 * date by the server's clock). Trip updates and alerts change only when the forecast does: their header timestamp and
 * {@code Last-Modified} are the server time of the last change (or the start of the day), and a request with
 * {@code If-Modified-Since} at or after it gets 304. Vehicle positions move with the clock: stamped now.
 */
public final class GtfsRealtimeRoutes {
    public static final String PROTOBUF = "application/x-protobuf";

    private final OperationsService operations;
    private final TimetableService timetable;
    private final Network network;
    private final AtomicReference<Instant> lastChange;
    private final AtomicReference<Built> feeds = new AtomicReference<>();

    /** The realtime builder for one timetable (rebuilt when the timetable is replaced by a change). */
    private record Built(Timetable timetable, RealtimeFeeds feeds) {}

    public GtfsRealtimeRoutes(OperationsService operations, TimetableService timetable) {
        this.operations = operations;
        this.timetable = timetable;
        this.network = timetable.planner().network();
        this.lastChange = new AtomicReference<>(operations.clock().instant());
        operations.onChange(change -> lastChange.set(operations.clock().instant()));
    }

    public List<Endpoint> endpoints() {
        return List.of(
                feed(
                        "/gtfs-rt/trip-updates.pb",
                        "GTFS-Realtime trip updates: every stop of every passenger run, forecast time and delay",
                        false,
                        (f, runs) -> f.tripUpdates(runs, modified())),
                feed(
                        "/gtfs-rt/vehicle-positions.pb",
                        "GTFS-Realtime vehicle positions of the passenger runs under way, interpolated between points",
                        true,
                        (f, runs) -> f.vehiclePositions(runs, now())),
                feed(
                        "/gtfs-rt/alerts.pb",
                        "GTFS-Realtime alerts: runs forecast 15 min or more late, in English, Chinese and Lao",
                        false,
                        (f, runs) -> f.alerts(runs, modified())));
    }

    private Endpoint feed(
            String path,
            String summary,
            boolean moving,
            BiFunction<RealtimeFeeds, List<TrainForecast>, FeedMessage> build) {
        return Endpoint.get(path)
                .access(Access.PUBLIC)
                .tag("gtfs-realtime")
                .summary(summary)
                .query("format", false, "json for the protobuf JSON mapping (default: protobuf)")
                .returns(byte[].class, PROTOBUF)
                .handle(ctx -> answer(ctx, moving, build));
    }

    private void answer(
            Context ctx, boolean moving, BiFunction<RealtimeFeeds, List<TrainForecast>, FeedMessage> build) {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("json") && !format.equals("pb")) {
            throw HttpProblem.badField("format", "'" + format + "' is not a format: json or pb");
        }
        Instant stamp = moving ? now() : modified();
        String since = ctx.header("If-Modified-Since");
        if (since != null && !moving) {
            try {
                Instant asked = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                if (!stamp.isAfter(asked)) {
                    ctx.status(304).header("Last-Modified", http(stamp));
                    return;
                }
            } catch (DateTimeParseException e) {
                // an unreadable date is ignored, as HTTP says: answer in full
            }
        }
        FeedMessage message = build.apply(builder(), runs());
        ctx.header("Last-Modified", http(stamp));
        ctx.header("Cache-Control", "no-cache");
        if ("json".equals(format)) {
            ctx.contentType("application/json; charset=utf-8").result(RealtimeFeeds.json(message));
        } else {
            ctx.contentType(PROTOBUF).result(message.toByteArray());
        }
    }

    private RealtimeFeeds builder() {
        Timetable current = timetable.timetable();
        Built built = feeds.get();
        if (built == null || built.timetable() != current) {
            built = new Built(current, new RealtimeFeeds(network, current));
            feeds.set(built);
        }
        return built.feeds();
    }

    /** Yesterday's runs that reach their destination today, and all of today's. */
    private List<TrainForecast> runs() {
        LocalDate today = today();
        Instant startOfDay = today.atStartOfDay(operations.serviceZone()).toInstant();
        List<TrainForecast> runs = new ArrayList<>();
        for (TrainForecast run : operations.forecast(today.minusDays(1))) {
            if (run.destinationArrival() != null && !run.destinationArrival().isBefore(startOfDay)) {
                runs.add(run);
            }
        }
        runs.addAll(operations.forecast(today));
        return runs;
    }

    private LocalDate today() {
        return now().atZone(operations.serviceZone()).toLocalDate();
    }

    /** The last change of the forecast, or the start of today if later (the set of runs changes at midnight). */
    private Instant modified() {
        Instant startOfDay = today().atStartOfDay(operations.serviceZone()).toInstant();
        Instant changed = lastChange.get().isBefore(startOfDay) ? startOfDay : lastChange.get();
        Instant now = now();
        return (changed.isAfter(now) ? now : changed).truncatedTo(ChronoUnit.SECONDS);
    }

    private Instant now() {
        return operations.clock().instant();
    }

    private static String http(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
    }
}
