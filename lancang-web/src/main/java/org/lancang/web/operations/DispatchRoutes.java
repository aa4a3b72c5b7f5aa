package org.lancang.web.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.lancang.errors.Validation;
import org.lancang.network.Network;
import org.lancang.operations.CallForecast;
import org.lancang.operations.TrainForecast;
import org.lancang.store.operations.NetworkOperations;
import org.lancang.store.operations.OperationsRecords.Change;
import org.lancang.store.operations.OperationsRecords.HeldTrain;
import org.lancang.store.operations.OperationsService;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.Operators;
import org.lancang.timetable.diagram.DiagramWindow;
import org.lancang.timetable.diagram.RunningLines;
import org.lancang.timetable.diagram.RunningLines.At;
import org.lancang.timetable.diagram.RunningLines.DelayBadge;
import org.lancang.timetable.diagram.RunningLines.HoldMarker;
import org.lancang.timetable.diagram.RunningLines.Kind;
import org.lancang.timetable.diagram.RunningLines.Line;
import org.lancang.timetable.diagram.TimeDistanceDiagram;
import org.lancang.users.Role;
import org.lancang.web.http.Access;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.HttpProblem;
import org.lancang.web.http.Json;
import org.lancang.web.http.Params;
import org.lancang.web.timetable.DiagramQuery;

/**
 * What the dispatcher's page ({@code /dispatch.html}) needs beyond the operations API: the live time-distance diagram
 * (the plan thin, the day as it ran thick, the forecast dashed, the proposal dotted, delay badges), and a stream of
 * server-sent events, one per committed change of a day's forecast, so that the page redraws within a second of an
 * event instead of polling.
 */
public final class DispatchRoutes {
    /** A comment on every open stream this often: proxies keep it open, and a closed one is noticed. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** A committed change of one network's forecast of a day. */
    public record ChangeView(
            String network, LocalDate date, long version, String reason, List<String> runs, Instant at) {}

    private final NetworkOperations networks;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    /** Sends to the streams away from the thread that committed the change (a slow client never holds it up). */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "operations-stream");
        t.setDaemon(true);
        return t;
    });

    /** To name the trains' operators in the reader's language on the diagram, by network code. */
    private final Function<String, Operators> operators;

    /** The home network's page alone. */
    public DispatchRoutes(OperationsService operations, Operators operators) {
        this(NetworkOperations.of(operations, List.of()), code -> operators);
    }

    /** Every network that runs: the diagram of the one named by {@code ?network=}, the changes of all of them. */
    public DispatchRoutes(NetworkOperations networks, Function<String, Operators> operators) {
        this.operators = operators;
        this.networks = networks;
        for (OperationsService o : networks.all()) {
            o.onChange(change -> broadcast(o, change));
        }
        sender.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    public List<Endpoint> endpoints() {
        Access read = Access.roles(Role.DISPATCHER, Role.PLANNER, Role.ADMIN);
        return List.of(
                Endpoint.get("/api/operations/diagram.svg")
                        .access(read)
                        .tag("operations")
                        .summary("The dispatcher's time-distance diagram: the plan thin, actual thick, forecast dashed,"
                                + " the re-planning proposal dotted, delay badges (SVG)")
                        .query("date", false, "service date (default today)")
                        .query("from", false, "top point code (default the first of the line)")
                        .query("to", false, "bottom point code (default the last of the line)")
                        .query(
                                "line",
                                false,
                                "the line whose km run down the side (default: the one line holding the ends given)")
                        .query("start", false, "local start time HH:MM (default two hours before now)")
                        .query("hours", false, "window length in hours, 1–48 (default 8)")
                        .query("zone", false, "time zone of the axis (default: the zone of 'from')")
                        .query("lang", false, "en, zh or lo (default en)")
                        .query("zoom", false, "size of the plot, 0.25–6 (default 1)")
                        .query("proposal", false, "true (default) to draw the re-planning proposal, false not to")
                        .query("network", false, "network code, e.g. vientiane-bangkok (default the home network)")
                        .returns(String.class, "image/svg+xml")
                        .handle(this::diagram),
                Endpoint.get("/api/operations/stream")
                        .access(read)
                        .tag("operations")
                        .summary("Server-sent events: 'change' {network, date, version, reason, runs, at} after every"
                                + " committed change of a network's forecast of a day (an event, an applied proposal)")
                        .returns(ChangeView.class, "text/event-stream")
                        .handle(this::stream));
    }

    private void stream(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw HttpProblem.badField("Accept", "send Accept: text/event-stream (as EventSource does)");
        }
        new SseHandler(client -> {
                    client.keepAlive();
                    client.onClose(() -> clients.remove(client));
                    clients.add(client);
                    client.sendComment("connected");
                })
                .handle(ctx);
    }

    private void broadcast(OperationsService operations, Change change) {
        ChangeView view = new ChangeView(
                operations.network(),
                change.date(),
                change.version(),
                change.reason(),
                change.runs(),
                operations.clock().instant());
        String data;
        try {
            data = Json.MAPPER.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change always maps to JSON", e);
        }
        sender.execute(() -> {
            for (SseClient client : List.copyOf(clients)) {
                if (client.terminated()) {
                    clients.remove(client);
                } else {
                    client.sendEvent("change", data, String.valueOf(change.version()));
                }
            }
        });
    }

    private void heartbeat() {
        for (SseClient client : List.copyOf(clients)) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendComment("heartbeat");
            }
        }
    }

    private void diagram(Context ctx) {
        Params params = Params.of(ctx);
        OperationsService operations = networks.named(Params.of(ctx).network(), "network");
        TimetableService timetable = operations.timetable();
        Network network = timetable.planner().network();
        String proposal = params.text("proposal").orElse("true");
        new Validation()
                .check(proposal.equals("true") || proposal.equals("false"), "proposal", "must be true or false")
                .throwIfInvalid();
        Instant now = operations.clock().instant();
        LocalDate today = now.atZone(operations.serviceZone()).toLocalDate();
        LocalDate date = OperationsRoutes.liveDay(params.date("date", today), today);
        // by default from two hours before now, on the hour, in the axis's zone
        DiagramWindow window = DiagramQuery.window(
                params,
                network,
                date,
                zone -> now.minus(Duration.ofHours(2))
                        .atZone(zone)
                        .toLocalTime()
                        .withMinute(0)
                        .withSecond(0)
                        .withNano(0),
                8);
        double zoom = params.number("zoom").orElse(1.0);
        List<TrainForecast> day = operations.forecast(date).stream()
                .filter(t -> t.serviceDate().equals(date))
                .toList();
        List<TrainForecast> proposed = proposal.equals("true")
                ? operations.proposedForecast(date).stream()
                        .filter(t -> t.serviceDate().equals(date))
                        .toList()
                : List.of();
        String svg = TimeDistanceDiagram.svg(
                network,
                timetable.planner().resources(),
                timetable.day(date),
                timetable.possessions(date),
                window,
                zoom,
                withHolds(lines(day, proposed), operations.held(date)),
                operators.apply(operations.network()));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
    }

    /** A delay under this is drawn as on time: no forecast line over the plan's, no badge. */
    static final long SHOWN_FROM_SECONDS = 60;

    /**
     * The running lines of a day: each run's reported times (thick) and, where it is or will be off the plan, its
     * forecast from the last report (dashed); the proposal's times where they differ from the forecast (dotted); a
     * badge with the delay at the last report, or where the forecast first departs from the plan.
     */
    static RunningLines lines(List<TrainForecast> day, List<TrainForecast> proposed) {
        Map<String, TrainForecast> proposedByRun = new HashMap<>();
        proposed.forEach(t -> proposedByRun.put(t.train() + "@" + t.serviceDate(), t));
        List<Line> lines = new ArrayList<>();
        List<DelayBadge> badges = new ArrayList<>();
        for (TrainForecast t : day) {
            String run = t.train() + "@" + t.serviceDate();
            List<At> actual = new ArrayList<>();
            List<At> ahead = new ArrayList<>();
            boolean off = false;
            for (CallForecast c : t.calls()) {
                add(c.actualArrival() != null ? actual : ahead, c.point(), c.forecastArrival());
                add(c.actualDeparture() != null ? actual : ahead, c.point(), c.forecastDeparture());
                off |= Math.abs(c.arrivalDelaySeconds()) >= SHOWN_FROM_SECONDS
                        || Math.abs(c.departureDelaySeconds()) >= SHOWN_FROM_SECONDS;
            }
            if (actual.size() >= 2) {
                lines.add(new Line(t.train(), run, Kind.ACTUAL, actual));
            }
            List<At> forecast = new ArrayList<>();
            if (!actual.isEmpty()) {
                forecast.add(actual.get(actual.size() - 1));
            }
            forecast.addAll(ahead);
            if (off && forecast.size() >= 2) {
                lines.add(new Line(t.train(), run, Kind.FORECAST, forecast));
            }
            TrainForecast p = proposedByRun.get(run);
            if (p != null && p.destinationDelaySeconds() != t.destinationDelaySeconds()) {
                List<At> dotted = new ArrayList<>();
                if (!actual.isEmpty()) {
                    dotted.add(actual.get(actual.size() - 1));
                }
                for (CallForecast c : p.calls()) {
                    if (c.actualArrival() == null) {
                        add(dotted, c.point(), c.forecastArrival());
                    }
                    if (c.actualDeparture() == null) {
                        add(dotted, c.point(), c.forecastDeparture());
                    }
                }
                if (dotted.size() >= 2) {
                    lines.add(new Line(t.train(), run, Kind.PROPOSAL, dotted));
                }
            }
            if (t.lastEvent() != null && Math.abs(t.delayNowSeconds()) >= SHOWN_FROM_SECONDS) {
                badges.add(new DelayBadge(
                        t.train(),
                        run,
                        new At(t.lastEvent().point(), t.lastEvent().at()),
                        t.delayNowSeconds()));
            } else if (t.lastEvent() == null && off) {
                for (CallForecast c : t.calls()) {
                    long delay = c.forecastDeparture() != null ? c.departureDelaySeconds() : c.arrivalDelaySeconds();
                    Instant at = c.forecastDeparture() != null ? c.forecastDeparture() : c.forecastArrival();
                    if (Math.abs(delay) >= SHOWN_FROM_SECONDS) {
                        badges.add(new DelayBadge(t.train(), run, new At(c.point(), at), delay));
                        break;
                    }
                }
            }
        }
        return new RunningLines(lines, badges);
    }

    /**
     * The lines with a marker for every train still held at a border (customs), where the forecast has it leave: the
     * issue asks that the dispatcher sees the hold on the diagram, not only as the forecast's longer wait.
     */
    static RunningLines withHolds(RunningLines lines, List<HeldTrain> held) {
        List<HoldMarker> markers = held.stream()
                .filter(h -> h.hold().open() && h.forecastDeparture() != null)
                .map(h -> new HoldMarker(
                        h.hold().train(),
                        h.hold().run(),
                        new At(h.hold().point(), h.forecastDeparture()),
                        h.hold().reason()))
                .toList();
        return new RunningLines(lines.lines(), lines.badges(), markers);
    }

    private static void add(List<At> line, String point, Instant at) {
        if (at != null) {
            line.add(new At(point, at));
        }
    }
}
