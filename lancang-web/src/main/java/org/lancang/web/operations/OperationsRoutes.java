package org.lancang.web.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lancang.errors.InvalidInput;
import org.lancang.operations.EventKind;
import org.lancang.operations.RunningEvent;
import org.lancang.operations.TrainForecast;
import org.lancang.store.operations.NetworkOperations;
import org.lancang.store.operations.OperationsRecords.ClockView;
import org.lancang.store.operations.OperationsRecords.DispatchingOrder;
import org.lancang.store.operations.OperationsRecords.Ingested;
import org.lancang.store.operations.OperationsRecords.JourneyForecast;
import org.lancang.store.operations.OperationsRecords.Replan;
import org.lancang.store.operations.OperationsRecords.StationCall;
import org.lancang.store.operations.OperationsService;
import org.lancang.store.operations.ServerClock;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.users.Role;
import org.lancang.users.User;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.HttpProblem;
import org.lancang.web.http.Json;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;

/**
 * Live operations over HTTP (issue 14): running events in (dispatchers and the train-describer feed), forecasts out
 * (per train and per station for anyone, the whole day for those who run the line), the conflict forecast, the meet
 * re-planning and its application, the dispatching orders, and the forecast of journeys and bookings for passengers.
 * Dates default to today in the network's service zone by the server's clock. Every network that runs is served:
 * a train's or a point's request goes to its network, a day's to the one named by {@code ?network=} (home's by
 * default).
 */
public final class OperationsRoutes {
    /** Larger batches are refused: split them. */
    public static final int MAX_BATCH = 10_000;

    public record EventInput(
            String train, String serviceDate, String point, EventKind kind, String at, String source) {}

    public record BatchInput(List<EventInput> events) {}

    public record ApplyInput(Long basedOn) {}

    private final NetworkOperations networks;
    private final OperationsService service;
    private final Auth auth;

    public OperationsRoutes(OperationsService service, Auth auth) {
        this(NetworkOperations.of(service, List.of()), auth);
    }

    /** The operations of every network that runs: a request goes to its train's, its point's or the one it names. */
    public OperationsRoutes(NetworkOperations networks, Auth auth) {
        this.networks = networks;
        this.service = networks.home();
        this.auth = auth;
    }

    private static final String NETWORK = "network code, e.g. vientiane-bangkok (default the home network)";

    /** The network a request names with {@code ?network=} (home's when it names none). */
    private OperationsService named(Context ctx) {
        return networks.named(Params.of(ctx).network(), "network");
    }

    public List<Endpoint> endpoints() {
        Access read = Access.roles(Role.DISPATCHER, Role.PLANNER, Role.ADMIN);
        Access report = Access.roles(Role.DISPATCHER, Role.TRAIN_DESCRIBER);
        String base = "/api/operations";
        return List.of(
                Endpoint.post(base + "/events")
                        .access(report)
                        .tag("operations")
                        .summary("Report running events: one event, or {\"events\": [...]} (at most " + MAX_BATCH
                                + "); stored before the answer; a repeat at the same time is acknowledged as a duplicate, at"
                                + " another time refused (409 naming at)")
                        .body(BatchInput.class)
                        .returns(Ingested.class)
                        .handle(this::ingest),
                Endpoint.get(base + "/events")
                        .access(read)
                        .tag("operations")
                        .summary("The running events of a day's runs, in the order they arrived")
                        .query("date", false, "service date, YYYY-MM-DD (default today)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(RunningEvent.class))
                        .handle(ctx -> ctx.json(named(ctx).events(date(ctx, named(ctx))))),
                Endpoint.get(base + "/clock")
                        .access(Access.PUBLIC)
                        .tag("operations")
                        .summary("The server's now (LANCANG_CLOCK) and how many times faster than real time it runs")
                        .returns(ClockView.class)
                        .handle(ctx ->
                                ctx.json(new ClockView(service.clock().instant(), ServerClock.rate(service.clock())))),
                Endpoint.get(base + "/forecast")
                        .access(read)
                        .tag("operations")
                        .summary(
                                "Every train of the day: last event, delay now, forecast at every point with its cause")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(TrainForecast.class))
                        .handle(ctx -> ctx.json(named(ctx).forecast(date(ctx, named(ctx))))),
                Endpoint.get(base + "/forecast/trains/{number}")
                        .access(Access.PUBLIC)
                        .tag("operations")
                        .summary("One train's forecast at every point")
                        .pathParam("number", "train number")
                        .query("date", false, "service date (default today)")
                        .returns(TrainForecast.class)
                        .handle(ctx -> {
                            OperationsService of = networks.ofTrain(ctx.pathParam("number"));
                            ctx.json(of.train(ctx.pathParam("number"), date(ctx, of)));
                        }),
                Endpoint.get(base + "/forecast/stations/{code}")
                        .access(Access.PUBLIC)
                        .tag("operations")
                        .summary("The trains calling at a station on a day, by forecast time (a departure board)")
                        .pathParam("code", "point code, e.g. LPB")
                        .query("date", false, "service date (default today)")
                        .returns(TypeRef.listOf(StationCall.class))
                        .handle(ctx -> {
                            OperationsService of = networks.ofPoint(ctx.pathParam("code"));
                            ctx.json(of.station(ctx.pathParam("code"), date(ctx, of)));
                        }),
                Endpoint.get(base + "/conflicts")
                        .access(read)
                        .tag("operations")
                        .summary("Conflicts of the forecast in the next 3 hours (the stage plan), by the blocking-time"
                                + " detector")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(Conflict.class))
                        .handle(ctx -> ctx.json(named(ctx).conflicts(date(ctx, named(ctx))))),
                Endpoint.get(base + "/proposal")
                        .access(read)
                        .tag("operations")
                        .summary("The meets re-planned with CP-SAT: costs against the forecast and first come, first"
                                + " served, the gap, and the proposal (null when the meets are as good as they get)")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK)
                        .returns(Replan.class)
                        .handle(ctx -> ctx.json(named(ctx).replan(date(ctx, named(ctx))))),
                Endpoint.post(base + "/proposal/apply")
                        .access(Access.roles(Role.DISPATCHER))
                        .tag("operations")
                        .summary("Apply the proposal computed from forecast version basedOn: records the dispatching"
                                + " orders and updates the forecast")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK)
                        .body(ApplyInput.class)
                        .returns(TypeRef.listOf(DispatchingOrder.class))
                        .handle(this::apply),
                Endpoint.get(base + "/orders")
                        .access(read)
                        .tag("operations")
                        .summary("The dispatching orders of a day: who, when, what")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(DispatchingOrder.class))
                        .handle(ctx -> ctx.json(named(ctx).orders(date(ctx, named(ctx))))),
                Endpoint.get("/api/journeys/forecast")
                        .access(Access.PUBLIC)
                        .tag("operations")
                        .summary("Passenger trains from one station to another on a day, with forecast departure and"
                                + " arrival")
                        .query("from", true, "station code")
                        .query("to", true, "station code")
                        .query("date", false, "service date (default today)")
                        .returns(TypeRef.listOf(JourneyForecast.class))
                        .handle(this::journeys),
                Endpoint.get("/api/bookings/{id}/forecast")
                        .access(Access.roles(Role.PASSENGER, Role.AGENT))
                        .tag("operations")
                        .summary("A booking's journey with its forecast (a passenger sees only their own)")
                        .pathParam("id", "booking id")
                        .returns(JourneyForecast.class)
                        .handle(this::booking));
    }

    private void ingest(Context ctx) {
        User user = auth.requireUser(ctx);
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            tree = null; // Json.body names what is wrong
        }
        List<RunningEvent> events = new ArrayList<>();
        boolean batch = tree != null && tree.isObject() && tree.has("events");
        if (batch) {
            BatchInput in = Json.body(ctx, BatchInput.class);
            if (in.events() == null || in.events().isEmpty()) {
                throw HttpProblem.badField("events", "at least one event is required");
            }
            if (in.events().size() > MAX_BATCH) {
                throw HttpProblem.badField("events", "at most " + MAX_BATCH + " events in one batch");
            }
            for (int i = 0; i < in.events().size(); i++) {
                EventInput e = in.events().get(i);
                if (e == null) {
                    throw HttpProblem.badField("events[" + i + "]", "an event object is required");
                }
                events.add(event(e, "events[" + i + "]."));
            }
        } else if (tree != null && tree.isArray()) {
            throw HttpProblem.badField("body", "send one event, or a batch as {\"events\": [...]}");
        } else {
            events.add(event(Json.body(ctx, EventInput.class), ""));
        }
        ctx.json(networks.ofBatch(events, batch).ingest(events, user.username(), batch));
    }

    private static RunningEvent event(EventInput e, String prefix) {
        LocalDate date = null;
        if (e.serviceDate() != null) {
            try {
                date = LocalDate.parse(e.serviceDate());
            } catch (DateTimeException x) {
                throw new InvalidInput(prefix + "serviceDate", "'" + e.serviceDate() + "' is not a date (YYYY-MM-DD)");
            }
        }
        Instant at = null;
        if (e.at() != null) {
            try {
                at = OffsetDateTime.parse(e.at()).toInstant();
            } catch (DateTimeException x) {
                throw new InvalidInput(
                        prefix + "at",
                        "'" + e.at() + "' is not an instant with its offset (2026-12-05T08:33:00+08:00)");
            }
        }
        if (e.source() != null && e.source().length() > 100) {
            throw new InvalidInput(prefix + "source", "at most 100 characters");
        }
        return new RunningEvent(e.train(), date, e.point(), e.kind(), at, e.source());
    }

    private void apply(Context ctx) {
        User user = auth.requireUser(ctx);
        OperationsService of = named(ctx); // the network first: an unknown one is refused whatever the body
        ApplyInput in = Json.body(ctx, ApplyInput.class);
        if (in.basedOn() == null) {
            throw HttpProblem.badField("basedOn", "is required: the version of the proposal you looked at");
        }
        ctx.json(of.apply(date(ctx, of), in.basedOn(), user.username()));
    }

    private void journeys(Context ctx) {
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        if (from == null || from.isBlank()) {
            throw HttpProblem.badField("from", "is required");
        }
        if (to == null || to.isBlank()) {
            throw HttpProblem.badField("to", "is required");
        }
        OperationsService of = networks.ofPoint(from);
        ctx.json(of.journeys(from, to, date(ctx, of)));
    }

    private void booking(Context ctx) {
        User user = auth.requireUser(ctx);
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badField("id", "'" + ctx.pathParam("id") + "' is not a booking id");
        }
        boolean agent = user.roles().contains(Role.AGENT);
        ctx.json(networks.booking(id, user.username(), agent));
    }

    /** The {@code date} asked, or today in the network's own service zone. */
    private static LocalDate date(Context ctx, OperationsService of) {
        String text = ctx.queryParam("date");
        LocalDate today = of.clock().instant().atZone(of.serviceZone()).toLocalDate();
        if (text == null || text.isBlank()) {
            return today;
        }
        try {
            return liveDay(LocalDate.parse(text), today);
        } catch (DateTimeException e) {
            throw new InvalidInput("date", "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** Days live operations keep, either side of today: a forecast is built and held for every day asked. */
    static final int LIVE_DAYS = 366;

    /**
     * The {@code date} of a live-operations question, refused when it is more than {@link #LIVE_DAYS} from today: each
     * day asked is forecast and kept in memory, and a day centuries away would overflow the blocking times' clock.
     */
    static LocalDate liveDay(LocalDate date, LocalDate today) {
        if (date.isBefore(today.minusDays(LIVE_DAYS)) || date.isAfter(today.plusDays(LIVE_DAYS))) {
            throw new InvalidInput(
                    "date", "'" + date + "' is more than " + LIVE_DAYS + " days from today (" + today + ")");
        }
        return date;
    }
}
