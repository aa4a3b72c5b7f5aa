package org.lancang.web.networks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.gtfs.FeedChanges;
import org.lancang.gtfs.GtfsExporter;
import org.lancang.gtfs.StopCoordinates;
import org.lancang.money.Currency;
import org.lancang.network.Joins;
import org.lancang.network.Names;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.networks.CrossNetworkJourneys;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.networks.ServedNetworks;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.fares.Berth;
import org.lancang.ticketing.fares.FareQuote;
import org.lancang.timetable.RoadClosureLimits;
import org.lancang.timetable.TrainPlan;
import org.lancang.web.http.Access;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;
import org.lancang.web.network.NetworkRoutes.NamesView;
import org.lancang.web.sales.SalesRoutes.MoneyView;
import org.lancang.web.timetable.TimetableRoutes;
import org.lancang.web.timetable.TimetableViews;

/** The networks served: list, each one's points and trains, each one's GTFS feed. Public and read-only. */
public final class NetworksRoutes {
    /** A network's own stop positions for its GTFS feed (the home network's are the ones bundled with the module). */
    public static final String STOP_COORDINATES_FILE = "stop-coordinates.csv";

    /**
     * A network served.
     *
     * @param home    whether it is the home network (the database's; sales, maintenance and the pages work on it)
     * @param feedUrl its GTFS feed; null for a network whose folder places no stops (no stop-coordinates.csv)
     */
    public record NetworkView(
            String code,
            NamesView names,
            boolean home,
            String serviceZone,
            String feedZone,
            List<String> countries,
            int points,
            int trains,
            String feedUrl) {}

    /**
     * A point of any network served, with the network it belongs to.
     *
     * @param countryNames the names of its country as the network's {@code countries.csv} gives them
     * @param currency what its operator sells in (a buyer starting there pays in it by default), null where the
     *                 network sells nothing
     */
    public record NetworkPointView(
            String network,
            String code,
            NamesView names,
            String country,
            NamesView countryNames,
            double km,
            String kind,
            String timeZone,
            String currency) {}

    /** One train's crossing: the road closed from {@code from} to {@code to}. */
    public record ClosureView(
            String train, LocalDate serviceDate, OffsetDateTime from, OffsetDateTime to, long minutes) {}

    /**
     * A bridge shared with a road on a date: each crossing, the time the road was closed that day, the times the road
     * owns the bridge ({@code roadWindows}, "08:00–09:00" in the service zone: no train may cross then) and the limits
     * on its closed time (null: none), with their source.
     */
    public record BridgeDayView(
            String bridge,
            long roadClosedMinutes,
            int crossings,
            List<ClosureView> closures,
            List<String> roadWindows,
            Long maxClosedMinutesPerDay,
            Long maxSingleClosureMinutes,
            String limitSource,
            String source) {}

    /** A road-closure limit passed: the day's total ({@code train} null) or one train's crossing. */
    public record RoadLimitViolationView(
            String bridge, LocalDate date, String train, long limitMinutes, long actualMinutes, String message) {}

    /**
     * A network's road closures on a date.
     *
     * @param conflicts           the day's conflicts on the network (blocking times overlapping on a resource, the
     *                            bridge's single track among them)
     * @param roadLimitViolations the road-closure limits the day passes (a separate check beside the conflicts)
     */
    public record RoadClosuresView(
            String network,
            LocalDate date,
            List<BridgeDayView> bridges,
            int conflicts,
            List<RoadLimitViolationView> roadLimitViolations) {}

    /** One operator's part of a fare: its base fare by distance, in its own currency. */
    public record FarePartView(String operator, String from, String to, double km, MoneyView amount) {}

    /** A supplement an operator adds to its base fare (train type, air conditioning, berth). */
    public record FareSupplementView(String operator, String kind, MoneyView amount, String source) {}

    /**
     * The fare of a journey on one network's train, built from its parts: base fares by distance and supplements, the
     * total in the currency asked for.
     */
    public record NetworkFareView(
            String network,
            String train,
            String from,
            String to,
            String seatClass,
            String berth,
            List<FarePartView> parts,
            List<FareSupplementView> supplements,
            MoneyView total) {
        public static NetworkFareView of(
                String network, String train, String from, String to, SeatClass seatClass, Berth berth, FareQuote q) {
            return new NetworkFareView(
                    network,
                    train,
                    from,
                    to,
                    seatClass.name(),
                    berth == null ? null : berth.name(),
                    q.parts().stream()
                            .map(p -> new FarePartView(
                                    p.operator().code(), p.from(), p.to(), p.km(), MoneyView.of(p.amount())))
                            .toList(),
                    q.supplements().stream()
                            .map(x -> new FareSupplementView(
                                    x.operator().code(), x.kind().name(), MoneyView.of(x.amount()), x.source()))
                            .toList(),
                    MoneyView.of(q.total()));
        }
    }

    /** One train's part of a journey across networks, each time in the zone of the point where it happens. */
    public record JourneyLegView(
            String network, String train, String from, String to, OffsetDateTime departure, OffsetDateTime arrival) {}

    /** The change between two networks: how (road, transshipment), where, the minimum time and the distance. */
    public record TransferView(
            String mode, String from, String to, long minimumConnectionMinutes, double distanceKm, String source) {}

    /**
     * A journey across two networks: the first train, the transfer, the first train of the second network it can
     * catch, the time between, and the second network's trains that leave too soon after the first arrives.
     */
    public record CrossNetworkJourneyView(
            JourneyLegView first,
            TransferView transfer,
            JourneyLegView second,
            long connectionMinutes,
            List<JourneyLegView> missed) {}

    private final ServedNetworks networks;
    /** The home network's timetable service, or null (then its feed is its base plan with what its entry knows). */
    private final TimetableService home;

    public NetworksRoutes(ServedNetworks networks) {
        this(networks, null);
    }

    /**
     * With the home network's timetable service, whose published changes its feed follows (the home network's own
     * entry does not run on it).
     */
    public NetworksRoutes(ServedNetworks networks, TimetableService home) {
        this.networks = networks;
        this.home = home;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/networks")
                        .access(Access.PUBLIC)
                        .tag("network")
                        .summary("The networks served, the home network (the database's, the pages') first")
                        .returns(TypeRef.listOf(NetworkView.class))
                        .handle(ctx -> ctx.json(networks.all().stream()
                                .map(NetworksRoutes::view)
                                .toList())),
                Endpoint.get("/api/networks/{network}/points")
                        .access(Access.PUBLIC)
                        .tag("network")
                        .summary("Every point of one network in its km order")
                        .pathParam("network", "network code, e.g. vientiane-bangkok")
                        .returns(TypeRef.listOf(NetworkPointView.class))
                        .handle(ctx -> {
                            ServedNetwork n = networks.require(ctx.pathParam("network"), "network");
                            ctx.json(n.network().referencePoints().stream()
                                    .map(p -> new NetworkPointView(
                                            n.code(),
                                            p.code(),
                                            NamesView.of(p.names()),
                                            p.country().code(),
                                            NamesView.of(p.country().names()),
                                            p.km(),
                                            p.kind().name(),
                                            p.timeZone().getId(),
                                            n.fares()
                                                    .flatMap(f -> f.localCurrency(p.code()))
                                                    .map(Currency::code)
                                                    .orElse(null)))
                                    .toList());
                        }),
                Endpoint.get("/api/networks/{network}/trains")
                        .access(Access.PUBLIC)
                        .tag("timetable")
                        .summary("Every train of one network's base plan with its first departure and last arrival")
                        .pathParam("network", "network code, e.g. vientiane-bangkok")
                        .returns(TypeRef.listOf(TimetableViews.TrainSummaryView.class))
                        .handle(ctx -> {
                            ServedNetwork n = networks.require(ctx.pathParam("network"), "network");
                            ctx.json(n.plans().stream()
                                    .map(p -> TimetableViews.summary(
                                            n.network(), n.planner().train(p, List.of()), p))
                                    .toList());
                        }),
                Endpoint.get("/api/networks/{network}/road-closures")
                        .access(Access.PUBLIC)
                        .tag("network")
                        .summary("The road on each road–rail bridge closed while trains cross: every crossing of a day"
                                + " and the time the road was closed that day (in the network's service zone)")
                        .pathParam("network", "network code, e.g. vientiane-bangkok")
                        .query("date", true, "the day, YYYY-MM-DD")
                        .returns(RoadClosuresView.class)
                        .handle(ctx -> {
                            ServedNetwork n = networks.require(ctx.pathParam("network"), "network");
                            LocalDate date = Params.of(ctx).date("date");
                            ctx.header("Cache-Control", "no-store").json(roadClosures(n, date));
                        }),
                Endpoint.get("/api/networks/journeys")
                        .access(Access.PUBLIC)
                        .tag("sales")
                        .summary("Journeys across two networks served: a train of each, chained by the transfer of"
                                + " their join file (Khamsavath ⇄ Vientiane by road), the connection time checked")
                        .query("from", true, "point code on one network, e.g. KTW")
                        .query("to", true, "point code on another, e.g. LPB")
                        .query("date", true, "the first train's service day, YYYY-MM-DD")
                        .returns(TypeRef.listOf(CrossNetworkJourneyView.class))
                        .handle(ctx -> {
                            Params params = Params.of(ctx);
                            String from = params.code("from");
                            String to = params.code("to");
                            LocalDate date = params.date("date");
                            ctx.json(new CrossNetworkJourneys(networks)
                                    .find(from, to, date).stream()
                                            .map(this::view)
                                            .toList());
                        }),
                Endpoint.get("/api/networks/{network}/fares")
                        .access(Access.PUBLIC)
                        .tag("sales")
                        .summary("The fare of a journey on one of a network's trains, built from its parts (base by"
                                + " distance, supplements for train type, air conditioning and berth), the total in"
                                + " the currency asked for")
                        .pathParam("network", "network code, e.g. vientiane-bangkok")
                        .query("from", true, "point code where the journey starts, e.g. KTW")
                        .query("to", true, "point code where it ends, e.g. KSV")
                        .query("train", true, "train number, e.g. 133")
                        .query("class", true, "seat class, e.g. HARD_SEAT")
                        .query("berth", false, "UPPER or LOWER, for a class whose berths are priced apart")
                        .query("currency", false, "the total's currency (default: the operator's own at 'from')")
                        .query("date", false, "the travel date, YYYY-MM-DD (checked; today's fares apply)")
                        .returns(NetworkFareView.class)
                        .handle(ctx -> {
                            ServedNetwork n = networks.require(ctx.pathParam("network"), "network");
                            Params params = Params.of(ctx);
                            String from = pointOf(n, "from", params.code("from"));
                            String to = pointOf(n, "to", params.code("to"));
                            String train = params.required("train");
                            SeatClass seatClass = params.oneOf("class", SeatClass.class)
                                    .orElseThrow(() -> new InvalidInput("class", "is required"));
                            Berth berth = params.oneOf("berth", Berth.class).orElse(null);
                            params.optionalDate("date");
                            Validation asked = new Validation();
                            Berth.check(asked, berth, seatClass);
                            asked.throwIfInvalid();
                            // a network without fares is refused by the quote, naming the network
                            Currency currency = n.fares()
                                    .map(f -> params.text("currency")
                                            .map(c -> f.currencies().require("currency", c))
                                            .or(() -> f.localCurrency(from))
                                            .orElseThrow(() -> new InvalidInput("currency", "is required here")))
                                    .orElse(null);
                            FareQuote q = n.quote(from, to, train, seatClass, berth, currency);
                            ctx.json(NetworkFareView.of(n.code(), train, from, to, seatClass, berth, q));
                        }),
                Endpoint.get("/gtfs/{network}.zip")
                        .access(Access.PUBLIC)
                        .tag("timetable")
                        .summary("One network's passenger timetable as a GTFS static feed (on the network's feed zone)")
                        .pathParam("network", "network code, e.g. vientiane-bangkok")
                        .returns(byte[].class, "application/zip")
                        .handle(ctx -> {
                            ServedNetwork n = networks.require(ctx.pathParam("network"), "network");
                            ctx.contentType("application/zip")
                                    .header(
                                            "Content-Disposition",
                                            "attachment; filename=\"lancang-gtfs-" + n.code() + ".zip\"")
                                    .result(
                                            n.home() && home != null
                                                    ? gtfs(n, TimetableRoutes.feedChanges(home))
                                                    : gtfs(n));
                        }));
    }

    /** A point of the network, refused naming {@code field} when the network has no such point. */
    private static String pointOf(ServedNetwork n, String field, String code) {
        if (n.network().point(code).isEmpty()) {
            throw new InvalidInput(field, "'" + code + "' is not a point of " + n.code(), "station-unknown");
        }
        return code;
    }

    /**
     * A network's GTFS feed: its passenger trains, its operators as agencies, its stops placed by its own {@value
     * #STOP_COORDINATES_FILE} (the home network: the table bundled with the GTFS module).
     */
    public static byte[] gtfs(ServedNetwork network) {
        return gtfs(network, feedChanges(network));
    }

    /** The network's GTFS feed with the published changes given (the home network's come from its service). */
    public static byte[] gtfs(ServedNetwork network, FeedChanges changes) {
        return new GtfsExporter(stopCoordinates(network), network.operators())
                .export(network.network(), network.timetable(), TimetableRoutes.feedInfo(), changes);
    }

    /**
     * What the network's published timetable changes make of its feed. Changed runs are timed as the base trips are
     * (without a date's speed restrictions), so that a feed differs from the base plan's only where a change is.
     */
    public static FeedChanges feedChanges(ServedNetwork network) {
        return FeedChanges.of(
                network.timetable(),
                network.plans(),
                network::plans,
                (plan, date) -> network.planner().train(plan, List.of()));
    }

    /**
     * Where a network's stops stand, as its GTFS feed gives them (and a feed's stops are matched against).
     *
     * @throws NotFound (field {@code network}) when the network's folder has no {@value #STOP_COORDINATES_FILE}: it
     *                  has no feed, and is served for all else
     */
    public static StopCoordinates stopCoordinates(ServedNetwork network) {
        if (!hasFeed(network)) {
            throw new NotFound(
                    "network",
                    "the network '" + network.code() + "' has no GTFS feed (no " + STOP_COORDINATES_FILE
                            + " in its folder)");
        }
        return network.home()
                ? StopCoordinates.bundled()
                : StopCoordinates.parse(STOP_COORDINATES_FILE, network.files().read(STOP_COORDINATES_FILE));
    }

    /** Whether the network has a GTFS feed: the home network always, another if its folder places its stops. */
    public static boolean hasFeed(ServedNetwork network) {
        return network.home() || network.files().has(STOP_COORDINATES_FILE);
    }

    /** The train of any network served on a date, as {@code /api/timetable/trains/{number}} shows it. */
    public static TimetableViews.TrainView train(ServedNetwork network, String number, LocalDate date) {
        TrainPlan base = network.plan(number).orElseThrow(() -> new NotFound("number", "no train '" + number + "'"));
        ZoneId zone = network.network().point(base.from()).orElseThrow().timeZone();
        LocalDate day = date != null ? date : LocalDate.now(zone);
        // as it runs that day, after the network's published timetable changes (runsOnDate false where cancelled)
        Optional<TrainPlan> ofTheDay = network.plans(day).stream()
                .filter(p -> p.number().equalsIgnoreCase(number))
                .findFirst();
        TrainPlan plan = ofTheDay.orElse(base);
        boolean runs = ofTheDay.isPresent() && plan.calendar().runsOn(day);
        return TimetableViews.train(network.network(), network.train(plan, day), day, runs);
    }

    /** The road closures of a network's shared bridges on a date (the API's and the command line's). */
    public static RoadClosuresView roadClosures(ServedNetwork n, LocalDate date) {
        ZoneId zone = n.network().serviceZone();
        List<BridgeDayView> bridges = n.roadClosures(date).stream()
                .map(d -> new BridgeDayView(
                        d.bridge().name(),
                        d.roadClosed().toMinutes(),
                        d.closures().size(),
                        d.closures().stream()
                                .map(c -> new ClosureView(
                                        c.train(),
                                        c.serviceDate(),
                                        c.from().atZone(zone).toOffsetDateTime(),
                                        c.to().atZone(zone).toOffsetDateTime(),
                                        c.length().toMinutes()))
                                .toList(),
                        n.roadRailBridges().windows().stream()
                                .filter(w -> w.bridge().equals(d.bridge().name()))
                                .map(w -> w.from() + "–" + w.to())
                                .toList(),
                        n.roadLimits()
                                .of(d.bridge().name())
                                .map(l -> minutes(l.perDay()))
                                .orElse(null),
                        n.roadLimits()
                                .of(d.bridge().name())
                                .map(l -> minutes(l.single()))
                                .orElse(null),
                        n.roadLimits()
                                .of(d.bridge().name())
                                .map(RoadClosureLimits.Limit::source)
                                .orElse(null),
                        d.bridge().source()))
                .toList();
        List<RoadLimitViolationView> violations = n.roadLimitBreaches(date).stream()
                .map(b -> new RoadLimitViolationView(
                        b.bridge(),
                        b.date(),
                        b.train(),
                        b.limit().toMinutes(),
                        b.actual().toMinutes(),
                        b.message()))
                .toList();
        return new RoadClosuresView(
                n.code(), date, bridges, n.day(date).conflicts().size(), violations);
    }

    private static Long minutes(Duration d) {
        return d == null ? null : d.toMinutes();
    }

    private CrossNetworkJourneyView view(CrossNetworkJourneys.Journey j) {
        Joins.Join t = j.transfer();
        return new CrossNetworkJourneyView(
                leg(j.first()),
                new TransferView(
                        t.mode(),
                        t.point(),
                        t.otherPoint(),
                        t.minimumConnection().toMinutes(),
                        t.distanceKm(),
                        t.source()),
                leg(j.second()),
                j.connection().toMinutes(),
                j.missed().stream().map(this::leg).toList());
    }

    private JourneyLegView leg(CrossNetworkJourneys.Leg l) {
        ServedNetwork n = networks.require(l.network(), "network");
        ZoneId leaving = n.network().point(l.from()).orElseThrow().timeZone();
        ZoneId reaching = n.network().point(l.to()).orElseThrow().timeZone();
        return new JourneyLegView(
                l.network(),
                l.train(),
                l.from(),
                l.to(),
                l.departure().atZone(leaving).toOffsetDateTime(),
                l.arrival().atZone(reaching).toOffsetDateTime());
    }

    private static NetworkView view(ServedNetwork n) {
        Names names = n.network().profile().names();
        return new NetworkView(
                n.code(),
                NamesView.of(names),
                n.home(),
                n.network().serviceZone().getId(),
                n.network().feedZone().getId(),
                n.network().countries().stream().map(c -> c.code()).toList(),
                n.network().referencePoints().size(),
                n.plans().size(),
                n.home() ? "/gtfs.zip" : hasFeed(n) ? "/gtfs/" + n.code() + ".zip" : null);
    }
}
