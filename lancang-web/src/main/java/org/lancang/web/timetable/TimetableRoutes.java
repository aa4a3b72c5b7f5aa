package org.lancang.web.timetable;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.lancang.errors.Clash;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.gtfs.FeedChanges;
import org.lancang.gtfs.FeedInfo;
import org.lancang.gtfs.GtfsExporter;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.store.changes.NetworkChanges;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.networks.NetworkChoice;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.networks.ServedNetworks;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.Possession;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;
import org.lancang.timetable.diagram.DiagramWindow;
import org.lancang.timetable.diagram.TimeDistanceDiagram;
import org.lancang.users.Role;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Json;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;
import org.lancang.web.network.NetworkRoutes.NamesView;
import org.lancang.web.networks.NetworksRoutes;

/** The timetable: trains and their times (public), conflicts, path insertion and possessions (planning roles), GTFS. */
public final class TimetableRoutes {
    private static final String NETWORK_PARAM = "network code, e.g. vientiane-bangkok (default: the home network)";

    public record StopInput(String point, Integer dwellMinutes) {}

    public record InsertInput(
            String trainType,
            String from,
            String to,
            String earliest,
            List<StopInput> stops,
            String number,
            String operator,
            Boolean add,
            List<String> via) {}

    public record WaitView(String point, long dwellMinutes) {}

    /** A line the diagram can be drawn for (the first the main line): its names and its points in its km order. */
    public record DiagramLineView(String code, NamesView names, List<String> points) {
        static DiagramLineView of(Line line) {
            return new DiagramLineView(
                    line.code(),
                    NamesView.of(line.names()),
                    line.points().stream().map(Point::code).toList());
        }
    }

    public record InsertView(
            TimetableViews.TrainView train, List<WaitView> waits, long departureDelayMinutes, boolean added) {}

    public record PossessionInput(String id, String from, String to, String start, String end, String description) {}

    public record PossessionView(
            String id, String from, String to, OffsetDateTime start, OffsetDateTime end, String description) {
        static PossessionView of(Possession p) {
            return new PossessionView(
                    p.id(),
                    p.fromPoint(),
                    p.toPoint(),
                    p.start().atOffset(ZoneOffset.UTC),
                    p.end().atOffset(ZoneOffset.UTC),
                    p.description());
        }
    }

    private final TimetableService service;
    private final TimetableChangeService changes;
    private final Network network;
    private final Auth auth;
    private final Operators operators;
    private final ServedNetworks networks;
    private final NetworkChanges networkChanges;

    public TimetableRoutes(TimetableService service, TimetableChangeService changes, Auth auth) {
        this(
                service,
                changes,
                auth,
                OperatorChoice.fromNetwork(service.planner().network()));
    }

    public TimetableRoutes(TimetableService service, TimetableChangeService changes, Auth auth, Operators operators) {
        this(service, changes, auth, operators, null);
    }

    /**
     * {@code networks}: every network served (null: the home network alone). A train number of another network is
     * found there, and the {@code network} parameter of the trains, conflicts and diagram picks one.
     */
    public TimetableRoutes(
            TimetableService service,
            TimetableChangeService changes,
            Auth auth,
            Operators operators,
            ServedNetworks networks) {
        this(service, NetworkChanges.of(changes, List.of()), auth, operators, networks);
    }

    /** As above, with the timetable changes of every network served (a draft's diagram on its own network). */
    public TimetableRoutes(
            TimetableService service,
            NetworkChanges networkChanges,
            Auth auth,
            Operators operators,
            ServedNetworks networks) {
        TimetableChangeService changes = networkChanges.home();
        this.networkChanges = networkChanges;
        this.networks = networks;
        this.service = service;
        this.changes = changes;
        this.network = service.planner().network();
        this.auth = auth;
        this.operators = operators;
    }

    public List<Endpoint> endpoints() {
        Access planning = Access.roles(Role.PLANNER, Role.DISPATCHER, Role.MAINTAINER, Role.ADMIN, Role.FREIGHT_OFFICE);
        Access changes = Access.roles(Role.PLANNER, Role.DISPATCHER);
        return List.of(
                Endpoint.get("/api/timetable/trains")
                        .access(Access.PUBLIC)
                        .tag("timetable")
                        .summary("Every train of the timetable with its first departure and last arrival (local times);"
                                + " with a date, the trains running that day after the published changes")
                        .query("date", false, "service date YYYY-MM-DD (default: the base plan, every train)")
                        .query("network", false, NETWORK_PARAM)
                        .returns(TypeRef.listOf(TimetableViews.TrainSummaryView.class))
                        .handle(ctx -> {
                            LocalDate date = Params.of(ctx).optionalDate("date").orElse(null);
                            Optional<ServedNetwork> other = otherNetwork(ctx);
                            if (other.isPresent()) {
                                ctx.header("Cache-Control", "no-store").json(trainsOf(other.get(), date));
                                return;
                            }
                            List<TrainPlan> plans = date == null
                                    ? service.plans()
                                    : service.plans(date).stream()
                                            .filter(p -> p.calendar().runsOn(date))
                                            .toList();
                            ctx.header("Cache-Control", "no-store")
                                    .json(plans.stream()
                                            .map(p -> TimetableViews.summary(
                                                    network,
                                                    date == null ? service.train(p) : service.train(p, date),
                                                    p,
                                                    date))
                                            .toList());
                        }),
                Endpoint.get("/api/timetable/trains/{number}")
                        .access(Access.PUBLIC)
                        .tag("timetable")
                        .summary("One train's times at every point, as instants and as local times")
                        .pathParam("number", "train number, e.g. C82")
                        .query("date", false, "service date, default today")
                        .returns(TimetableViews.TrainView.class)
                        .handle(ctx -> {
                            String number = ctx.pathParam("number");
                            var elsewhere = service.plan(number).isPresent() || networks == null
                                    ? Optional.<ServedNetwork>empty()
                                    : networks.ofTrain(number).filter(n -> !n.home());
                            if (elsewhere.isPresent()) { // a train of another network served, as its folder plans it
                                ctx.header("Cache-Control", "no-store")
                                        .json(NetworksRoutes.train(
                                                elsewhere.get(),
                                                number,
                                                Params.of(ctx)
                                                        .optionalDate("date")
                                                        .orElse(null)));
                                return;
                            }
                            LocalDate date = date(ctx, service.requirePlan(number, null, "number"));
                            // as the train runs that day: its plan after the published changes, under the day's
                            // temporary speed restrictions (a run a change cancelled shows runsOnDate false)
                            var ofTheDay = service.plan(number, date);
                            TrainPlan plan = ofTheDay.orElseGet(() -> service.requirePlan(number, date, "number"));
                            boolean runs =
                                    ofTheDay.isPresent() && plan.calendar().runsOn(date);
                            ctx.header("Cache-Control", "no-store")
                                    .json(TimetableViews.train(network, service.train(plan, date), date, runs));
                        }),
                Endpoint.get("/api/timetable/conflicts")
                        .access(planning)
                        .tag("timetable")
                        .summary("Every conflict of a day (blocking times overlapping on a resource)")
                        .query("date", true, "the day, YYYY-MM-DD")
                        .query("network", false, NETWORK_PARAM)
                        .returns(TypeRef.listOf(TimetableViews.ConflictView.class))
                        .handle(ctx -> {
                            Optional<ServedNetwork> other = otherNetwork(ctx);
                            LocalDate date = Params.of(ctx).date("date");
                            DayPlan day = other.isPresent() ? other.get().day(date) : service.day(date);
                            ctx.header("Cache-Control", "no-store")
                                    .json(day.conflicts().stream()
                                            .map(TimetableViews.ConflictView::of)
                                            .toList());
                        }),
                Endpoint.post("/api/timetable/insert")
                        .access(changes)
                        .tag("timetable")
                        .summary("Find the earliest conflict-free path for a new train on its day; with add=true it"
                                + " joins the timetable for that date only, through a published timetable change."
                                + " Optional via: the junction codes the train runs through, in order, where two ways"
                                + " join from and to (empty: the shortest); refused naming via when a code is not a"
                                + " junction or not on a way between the two")
                        .body(InsertInput.class)
                        .returns(InsertView.class)
                        .handle(this::insert),
                Endpoint.get("/api/timetable/possessions")
                        .access(planning)
                        .tag("timetable")
                        .summary("Possessions (maintenance and construction windows) held against the timetable")
                        .returns(TypeRef.listOf(PossessionView.class))
                        .handle(ctx -> ctx.json(service.possessions().stream()
                                .map(PossessionView::of)
                                .toList())),
                Endpoint.post("/api/timetable/possessions")
                        .access(Access.roles(Role.PLANNER, Role.MAINTAINER))
                        .tag("timetable")
                        .status(201)
                        .summary("Add a possession: the line between two points closed from start to end")
                        .body(PossessionInput.class)
                        .returns(PossessionView.class)
                        .handle(this::addPossession),
                Endpoint.get("/api/timetable/diagram.svg")
                        .access(planning)
                        .tag("timetable")
                        .summary("The time-distance diagram of a stretch and time window, drawn on the server (SVG)")
                        .query("from", false, "top point code, e.g. KMS (default the first of the line)")
                        .query("to", false, "bottom point code, e.g. VTE (default the last of the line)")
                        .query("date", true, "YYYY-MM-DD")
                        .query("start", false, "local start time HH:MM (default 06:00)")
                        .query("hours", false, "window length in hours, 1–48 (default 12)")
                        .query("zone", false, "time zone of the axis (default: the zone of 'from')")
                        .query("lang", false, "en, zh or lo (default en)")
                        .query(
                                "line",
                                false,
                                "the line whose km run down the side (default: the one line holding the ends given)")
                        .query("zoom", false, "size of the plot, 0.25–6 (default 1); the text keeps its size")
                        .query(
                                "change",
                                false,
                                "a timetable change's id: the day as it would be (a draft) or is with it")
                        .query("network", false, NETWORK_PARAM)
                        .returns(String.class, "image/svg+xml")
                        .handle(this::diagram),
                Endpoint.get("/api/timetable/diagram/lines")
                        .access(planning)
                        .tag("timetable")
                        .summary("The lines a diagram can be drawn for, the main line first, each with its points")
                        .query("network", false, NETWORK_PARAM)
                        .returns(TypeRef.listOf(DiagramLineView.class))
                        .handle(ctx ->
                                ctx.json(otherNetwork(ctx).map(ServedNetwork::network).orElse(network).lines().stream()
                                        .map(DiagramLineView::of)
                                        .toList())),
                Endpoint.get("/gtfs.zip")
                        .access(Access.PUBLIC)
                        .tag("timetable")
                        .summary("The passenger timetable as a GTFS static feed")
                        .returns(byte[].class, "application/zip")
                        .handle(ctx -> {
                            byte[] zip = new GtfsExporter(operators)
                                    .export(network, service.timetable(), feedInfo(), feedChanges(service));
                            ctx.contentType("application/zip")
                                    .header("Content-Disposition", "attachment; filename=\"lancang-gtfs.zip\"")
                                    .result(zip);
                        }));
    }

    /**
     * What the published timetable changes make of the GTFS feed (static and realtime alike). Changed runs are timed
     * as the base trips are (without a date's speed restrictions), so a feed differs only where a change is.
     */
    public static FeedChanges feedChanges(TimetableService timetable) {
        return FeedChanges.of(
                timetable.timetable(), timetable.plans(), timetable::plans, (plan, date) -> timetable.train(plan));
    }

    /**
     * Every feed's publisher, served and exported alike. The contact is the project's issue tracker: a feed without
     * one is a validator warning (missing_feed_contact_email_and_url), which the tests' fixture, having one, hid.
     */
    public static FeedInfo feedInfo() {
        return new FeedInfo(
                "Lancang",
                "https://github.com/lancang-rail/lancang",
                "en",
                "lancang-0.1.0",
                "",
                "https://github.com/lancang-rail/lancang/issues");
    }

    private void insert(Context ctx) {
        InsertInput r = Json.body(ctx, InsertInput.class);
        Validation v = new Validation();
        v.check(r.trainType() != null && !r.trainType().isBlank(), "trainType", "is required");
        v.check(
                r.from() != null && network.point(r.from()).isPresent(),
                "from",
                "'" + r.from() + "' is not a point of the line");
        v.check(
                r.to() != null && network.point(r.to()).isPresent(),
                "to",
                "'" + r.to() + "' is not a point of the line");
        OffsetDateTime earliest = null;
        try {
            earliest = r.earliest() == null ? null : OffsetDateTime.parse(r.earliest());
        } catch (DateTimeException e) {
            earliest = null;
        }
        v.check(earliest != null, "earliest", "must be a date-time with offset, e.g. 2026-12-01T22:00+08:00");
        String number = r.number() == null ? "X9001" : r.number().strip();
        v.check(number.matches("[A-Z0-9]{1,10}"), "number", "must be 1–10 capital letters or digits");
        Operator operator = OperatorChoice.parse(v, "operator", r.operator(), operators);
        List<StopRequest> stops = new ArrayList<>();
        List<StopInput> inputs = r.stops() == null ? List.of() : r.stops();
        for (int i = 0; i < inputs.size(); i++) {
            StopInput s = inputs.get(i);
            if (s == null || s.point() == null) {
                v.add("stops[" + i + "].point", "is required");
            } else if (s.dwellMinutes() == null || s.dwellMinutes() < 0 || s.dwellMinutes() > 720) {
                v.add("stops[" + i + "].dwellMinutes", "must be 0 … 720");
            } else {
                stops.add(new StopRequest(s.point(), Duration.ofMinutes(s.dwellMinutes())));
            }
        }
        v.throwIfInvalid();
        boolean passenger = service.planner()
                .trainType(r.trainType(), "trainType")
                .category()
                .carriesPassengers();
        LocalDate day = earliest.atZoneSameInstant(
                        network.point(r.from()).orElseThrow().timeZone())
                .toLocalDate();
        PathRequest request = new PathRequest(
                number,
                operator,
                r.trainType().strip().toUpperCase(Locale.ROOT),
                passenger,
                ServiceCalendar.daily(day, day),
                r.from().toUpperCase(Locale.ROOT),
                r.to().toUpperCase(Locale.ROOT),
                stops,
                earliest.toInstant(),
                false,
                5,
                Duration.ofHours(12),
                Params.codesField("via", r.via()));
        boolean add = Boolean.TRUE.equals(r.add());
        if (add
                && service.plan(number, day)
                        .filter(p -> p.calendar().runsOn(day))
                        .isPresent()) {
            throw new Clash("number", "train " + number + " already runs on " + day);
        }
        InsertedPath found = service.findPath(request);
        if (add) { // the path joins the timetable on its date only, as every change does: through a change
            changes.publishNew(
                    new TimetableChange(
                            "path " + number + " " + day,
                            ChangeOrigin.PLANNER,
                            ChangeScope.on(day),
                            List.of(new Edit.Add(found.plan()))),
                    auth.current(ctx).map(u -> u.username()).orElse("api"),
                    false);
        }
        ctx.json(new InsertView(
                TimetableViews.train(
                        network,
                        service.train(found.plan(), found.run().serviceDate()),
                        found.run().serviceDate()),
                found.waits().stream()
                        .map(w -> new WaitView(w.point(), w.dwell().toMinutes()))
                        .toList(),
                found.departureDelay().toMinutes(),
                add));
    }

    private void diagram(Context ctx) {
        Params params = Params.of(ctx);
        Optional<ServedNetwork> other = otherNetwork(ctx);
        Network network = other.map(ServedNetwork::network).orElse(this.network);
        LocalDate date = params.date("date");
        DiagramWindow window = DiagramQuery.window(params, network, date, zone -> LocalTime.of(6, 0), 12);
        double zoom = params.number("zoom").orElse(1.0);
        String change = params.text("change").orElse(null);
        if (other.isPresent()) { // its own day (its published changes in), its road windows as possessions
            ServedNetwork n = other.get();
            DayPlan day = n.day(date);
            if (change != null) {
                TimetableChangeService ofNetwork = networkChanges.named(n.code(), "network");
                try {
                    day = ofNetwork.dayWith(change, date);
                } catch (NotFound e) {
                    throw new NotFound("change", e.getMessage() + " on " + n.code()); // named as the parameter
                }
            }
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("image/svg+xml; charset=utf-8")
                    .result(TimeDistanceDiagram.svg(
                            network, n.planner().resources(), day, n.roadWindows(date), window, zoom));
            return;
        }
        DayPlan day;
        try {
            day = change == null ? service.day(date) : changes.dayWith(change, date);
        } catch (NotFound e) {
            throw new NotFound("change", e.getMessage()); // named as the query parameter
        }
        String svg = TimeDistanceDiagram.svg(
                network, service.planner().resources(), day, service.possessions(date), window, zoom);
        ctx.header("Cache-Control", "no-store"); // it changes as soon as a path is inserted
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
    }

    private void addPossession(Context ctx) {
        PossessionInput r = Json.body(ctx, PossessionInput.class);
        Validation v = new Validation();
        v.check(
                r.from() != null && network.point(r.from()).isPresent(),
                "from",
                "'" + r.from() + "' is not a point of the line");
        v.check(
                r.to() != null && network.point(r.to()).isPresent(),
                "to",
                "'" + r.to() + "' is not a point of the line");
        OffsetDateTime start = instant(v, "start", r.start());
        OffsetDateTime end = instant(v, "end", r.end());
        if (start != null && end != null) {
            v.check(end.isAfter(start), "end", "must be after start");
            v.check(
                    Duration.between(start, end).compareTo(Duration.ofDays(7)) <= 0,
                    "end",
                    "a possession lasts at most 7 days");
        }
        String id = r.id() == null ? "P-" + UUID.randomUUID().toString().substring(0, 8) : r.id();
        v.check(id.matches("[A-Za-z0-9._-]{1,40}"), "id", "must be 1–40 letters, digits, '.', '_' or '-'");
        v.check(
                r.description() == null || r.description().length() <= 500,
                "description",
                "must be at most 500 characters");
        v.throwIfInvalid();
        if (service.possessions().stream().anyMatch(p -> p.id().equals(id))) {
            throw new Clash("id", "possession '" + id + "' exists");
        }
        Possession p = service.addPossession(new Possession(
                id,
                r.from().toUpperCase(Locale.ROOT),
                r.to().toUpperCase(Locale.ROOT),
                start.toInstant(),
                end.toInstant(),
                r.description() == null ? "" : r.description()));
        ctx.status(201).json(PossessionView.of(p));
    }

    private static OffsetDateTime instant(Validation v, String field, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeException | NullPointerException e) {
            v.add(field, "must be a date-time with offset, e.g. 2026-12-01T01:00+08:00");
            return null;
        }
    }

    /**
     * The network the {@code network} parameter names when it is not home; empty when absent or home. An unknown code
     * is a 400 naming {@code network} ({@link NetworkChoice}).
     */
    private Optional<ServedNetwork> otherNetwork(Context ctx) {
        String code = Params.of(ctx).network();
        if (networks == null) { // home served alone: its own code, or none, is the only one known
            NetworkChoice.of(List.of(network), Network::code, code, "network");
            return Optional.empty();
        }
        return Optional.of(networks.named(code, "network")).filter(n -> !n.home());
    }

    /** Another network's trains: its base plan, or those running on {@code date} after its published changes. */
    private static List<TimetableViews.TrainSummaryView> trainsOf(ServedNetwork n, LocalDate date) {
        return (date == null ? n.plans() : n.plans(date))
                .stream()
                        .filter(p -> date == null || p.calendar().runsOn(date))
                        .map(p -> TimetableViews.summary(
                                n.network(),
                                date == null ? n.planner().train(p, List.of()) : n.train(p, date),
                                p,
                                date))
                        .toList();
    }

    /** The {@code date} asked for, or today where the train starts. */
    private LocalDate date(Context ctx, TrainPlan plan) {
        return Params.of(ctx)
                .optionalDate("date")
                .orElseGet(() -> LocalDate.now(
                        network.point(plan.from()).map(p -> p.timeZone()).orElse(network.serviceZone())));
    }
}
