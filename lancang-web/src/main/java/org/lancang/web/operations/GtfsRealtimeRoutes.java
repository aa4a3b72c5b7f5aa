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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.lancang.errors.NotFound;
import org.lancang.gtfs.RealtimeFeeds;
import org.lancang.gtfs.StopCoordinates;
import org.lancang.network.Network;
import org.lancang.operations.TrainForecast;
import org.lancang.store.operations.NetworkOperations;
import org.lancang.store.operations.OperationsService;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.Timetable;
import org.lancang.web.http.Access;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.HttpProblem;
import org.lancang.web.timetable.TimetableRoutes;

/**
 * GTFS-Realtime for the static feed of {@code /gtfs.zip}: trip updates, vehicle positions and alerts, as protobuf or,
 * with {@code ?format=json}, the protobuf JSON mapping. The runs of yesterday still under way and all of today's (China
 * date by the server's clock). Trip updates and alerts change only when the forecast does: their header timestamp and
 * {@code Last-Modified} are the server time of the last change (or the start of the day), and a request with
 * {@code If-Modified-Since} at or after it gets 304. Vehicle positions move with the clock: stamped now.
 *
 * <p>Every network that runs has the same three feeds at {@code /gtfs-rt/<network>/…}, beside its static feed
 * {@code /gtfs/<network>.zip}, each on its own service day and stops; the paths without a network are home's.
 */
public final class GtfsRealtimeRoutes {
    public static final String PROTOBUF = "application/x-protobuf";

    private final NetworkOperations networks;
    private final Map<String, NetworkFeed> feeds = new HashMap<>();

    /** The realtime builder for one timetable (rebuilt when the timetable is replaced by a change). */
    private record Built(Timetable timetable, long version, RealtimeFeeds feeds) {}

    /** One network's feeds: its forecast, its stops, and the last time its forecast changed. */
    private static final class NetworkFeed {
        final OperationsService operations;
        final Network network;
        /** Asked when a feed is built, not at start: a network without stop positions serves all but its feeds. */
        final Supplier<StopCoordinates> coordinates;

        final AtomicReference<Instant> lastChange;
        final AtomicReference<Built> built = new AtomicReference<>();

        NetworkFeed(OperationsService operations, Supplier<StopCoordinates> coordinates) {
            this.operations = operations;
            this.network = operations.timetable().planner().network();
            this.coordinates = coordinates;
            this.lastChange = new AtomicReference<>(operations.clock().instant());
            operations.onChange(change -> lastChange.set(operations.clock().instant()));
        }
    }

    /** The home network's feeds alone, its stops from the module's bundled table. */
    public GtfsRealtimeRoutes(OperationsService operations) {
        this(NetworkOperations.of(operations, List.of()), code -> StopCoordinates.bundled());
    }

    /** Every network's feeds, each network's stops as its static feed has them ({@code coordinates} by code). */
    public GtfsRealtimeRoutes(NetworkOperations networks, Function<String, StopCoordinates> coordinates) {
        this.networks = networks;
        for (OperationsService o : networks.all()) {
            feeds.put(o.network(), new NetworkFeed(o, () -> coordinates.apply(o.network())));
        }
    }

    public List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (String prefix : List.of("/gtfs-rt", "/gtfs-rt/{network}")) {
            out.add(feed(
                    prefix + "/trip-updates.pb",
                    "GTFS-Realtime trip updates: every stop of every passenger run, forecast time and delay",
                    false,
                    (f, runs) -> f.tripUpdates(runs, modified(f.network)),
                    prefix));
            out.add(feed(
                    prefix + "/vehicle-positions.pb",
                    "GTFS-Realtime vehicle positions of the passenger runs under way, interpolated between points",
                    true,
                    (f, runs) -> f.vehiclePositions(runs, now(f.network)),
                    prefix));
            out.add(feed(
                    prefix + "/alerts.pb",
                    "GTFS-Realtime alerts: runs forecast 15 min or more late, in English, Chinese and Lao",
                    false,
                    (f, runs) -> f.alerts(runs, modified(f.network)),
                    prefix));
        }
        return out;
    }

    /** What a feed is built from: the network's builder and the network (for its clock and day). */
    private record Source(RealtimeFeeds feeds, NetworkFeed network) {
        FeedMessage tripUpdates(List<TrainForecast> runs, Instant at) {
            return feeds.tripUpdates(runs, at);
        }

        FeedMessage vehiclePositions(List<TrainForecast> runs, Instant at) {
            return feeds.vehiclePositions(runs, at);
        }

        FeedMessage alerts(List<TrainForecast> runs, Instant at) {
            return feeds.alerts(runs, at);
        }
    }

    private Endpoint feed(
            String path,
            String summary,
            boolean moving,
            BiFunction<Source, List<TrainForecast>, FeedMessage> build,
            String prefix) {
        Endpoint e = Endpoint.get(path)
                .access(Access.PUBLIC)
                .tag("gtfs-realtime")
                .summary(
                        prefix.contains("{network}")
                                ? summary + ", of one network (beside /gtfs/<network>.zip)"
                                : summary)
                .query("format", false, "json for the protobuf JSON mapping (default: protobuf)");
        if (prefix.contains("{network}")) {
            e = e.pathParam("network", "network code, e.g. vientiane-bangkok");
        }
        return e.returns(byte[].class, PROTOBUF).handle(ctx -> answer(ctx, moving, build));
    }

    private NetworkFeed of(Context ctx) {
        String code = ctx.pathParamMap().get("network");
        if (code == null) {
            return feeds.get(networks.home().network());
        }
        // the path names a feed: an unknown network there is a feed that does not exist (404), unlike ?network=;
        // a network served without operations is told so, as on every endpoint (PerNetwork)
        return networks.all().stream()
                .filter(o -> o.network().equalsIgnoreCase(code.strip()))
                .findFirst()
                .map(o -> feeds.get(o.network()))
                .orElseThrow(() -> networks.lacking(code, "network")
                        .orElseGet(() -> new NotFound(
                                "network",
                                "no network '" + code.strip() + "'; served: "
                                        + String.join(
                                                ", ",
                                                networks.all().stream()
                                                        .map(OperationsService::network)
                                                        .toList()))));
    }

    private void answer(Context ctx, boolean moving, BiFunction<Source, List<TrainForecast>, FeedMessage> build) {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("json") && !format.equals("pb")) {
            throw HttpProblem.badField("format", "'" + format + "' is not a format: json or pb");
        }
        NetworkFeed feed = of(ctx);
        Instant stamp = moving ? now(feed) : modified(feed);
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
        FeedMessage message = build.apply(new Source(builder(feed), feed), runs(feed));
        ctx.header("Last-Modified", http(stamp));
        ctx.header("Cache-Control", "no-cache");
        if ("json".equals(format)) {
            ctx.contentType("application/json; charset=utf-8").result(RealtimeFeeds.json(message));
        } else {
            ctx.contentType(PROTOBUF).result(message.toByteArray());
        }
    }

    private static RealtimeFeeds builder(NetworkFeed feed) {
        TimetableService timetable = feed.operations.timetable();
        long version = timetable.version();
        Timetable current = timetable.timetable();
        Built built = feed.built.get();
        // a published change bumps the version: the changed runs' trip_ids follow the static feed's at once
        if (built == null || built.timetable() != current || built.version() != version) {
            built = new Built(
                    current,
                    version,
                    new RealtimeFeeds(
                            feed.network, current, feed.coordinates.get(), TimetableRoutes.feedChanges(timetable)));
            feed.built.set(built);
        }
        return built.feeds();
    }

    /** Yesterday's runs that reach their destination today, and all of today's (the network's service day). */
    private static List<TrainForecast> runs(NetworkFeed feed) {
        OperationsService operations = feed.operations;
        LocalDate today = today(feed);
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

    private static LocalDate today(NetworkFeed feed) {
        return now(feed).atZone(feed.operations.serviceZone()).toLocalDate();
    }

    /** The last change of the forecast, or the start of today if later (the set of runs changes at midnight). */
    private static Instant modified(NetworkFeed feed) {
        Instant startOfDay =
                today(feed).atStartOfDay(feed.operations.serviceZone()).toInstant();
        Instant last = feed.lastChange.get();
        Instant changed = last.isBefore(startOfDay) ? startOfDay : last;
        Instant now = now(feed);
        return (changed.isAfter(now) ? now : changed).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant now(NetworkFeed feed) {
        return feed.operations.clock().instant();
    }

    private static String http(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
    }
}
