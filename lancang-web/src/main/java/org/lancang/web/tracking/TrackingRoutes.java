package org.lancang.web.tracking;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.store.customs.NetworkCustoms;
import org.lancang.store.tracking.TrackingRecords;
import org.lancang.store.tracking.TrackingRecords.Report;
import org.lancang.store.tracking.TrackingService;
import org.lancang.tracking.BoxEvent;
import org.lancang.tracking.BoxEventType;
import org.lancang.users.Role;
import org.lancang.users.User;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Json;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;
import org.lancang.web.tracking.TrackingViews.BorderView;
import org.lancang.web.tracking.TrackingViews.ConsignmentView;
import org.lancang.web.tracking.TrackingViews.DcsaEventView;
import org.lancang.web.tracking.TrackingViews.DeadLetterView;
import org.lancang.web.tracking.TrackingViews.RecordedView;
import org.lancang.web.tracking.TrackingViews.SubscriptionView;

/**
 * Freight tracking (issue 18) under {@code /api/freight/tracking} and {@code /api/freight/subscriptions}. A shipper
 * sees and reports on its own consignments only; the railway (freight office, planners, administrators) sees every
 * one, and the freight office reports for the terminals.
 */
public final class TrackingRoutes {
    /** Larger batches are refused: split them. */
    public static final int MAX_BATCH = 10_000;
    /** Roles that see every consignment. */
    static final Set<Role> RAILWAY = Set.of(Role.FREIGHT_OFFICE, Role.PLANNER, Role.ADMIN);

    public record BoxEventInput(String bookingId, String unit, BoxEventType type, String location, String at) {}

    public record BoxEventsInput(List<BoxEventInput> events) {}

    /** The transshipment of a through consignment's boxes: unloaded at the yard, loaded on the onward train. */
    public record TransferInput(String unloadedAt, String loadedAt) {}

    /** {@code url} is taken as another name of {@code callbackUrl}; errors name the field that was sent. */
    public record SubscriptionInput(String callbackUrl, String url, String bookingId) {}

    private final TrackingService tracking;
    private final NetworkCustoms customs;
    private final Auth auth;
    private final Iftsta iftsta = Iftsta.load();

    public TrackingRoutes(TrackingService tracking, NetworkCustoms customs, Auth auth) {
        this.customs = customs;
        this.tracking = tracking;
        this.auth = auth;
    }

    public List<Endpoint> endpoints() {
        Access report = Access.roles(Role.SHIPPER, Role.FREIGHT_OFFICE);
        Access read = Access.roles(Role.SHIPPER, Role.FREIGHT_OFFICE, Role.PLANNER, Role.ADMIN);
        String base = "/api/freight/tracking";
        return List.of(
                Endpoint.post(base + "/events")
                        .access(report)
                        .tag("tracking")
                        .summary("Report box events (gate-in, loaded, customs release, transshipped, delivered, empty"
                                + " returned): {\"events\": [...]} (at most " + MAX_BATCH + "), all or nothing; a"
                                + " repeat is acknowledged as a duplicate with the same eventID")
                        .body(BoxEventsInput.class)
                        .returns(RecordedView.class)
                        .handle(this::report),
                Endpoint.post(base + "/events.csv")
                        .access(report)
                        .tag("tracking")
                        .summary("Report box events as CSV (text/csv): bookingId,unit,type,location,at; errors name"
                                + " the line and the column")
                        .returns(RecordedView.class)
                        .handle(this::reportCsv),
                Endpoint.post(base + "/iftsta")
                        .access(report)
                        .tag("tracking")
                        .summary("Report box events as a UN/EDIFACT IFTSTA interchange (application/edifact), checked"
                                + " against the schema of the segments used; errors name the segment")
                        .returns(RecordedView.class)
                        .handle(this::reportIftsta),
                Endpoint.get(base + "/events")
                        .access(read)
                        .tag("tracking")
                        .summary("Actual events in DCSA Track & Trace shape, in the order they were stored: poll with"
                                + " after = the last seq seen")
                        .query("after", false, "only events stored after this seq (default 0)")
                        .query("bookingId", false, "one consignment")
                        .query("unit", false, "one box or wagon")
                        .query("limit", false, "at most so many (1 … 5000, default 1000)")
                        .returns(TypeRef.listOf(DcsaEventView.class))
                        .handle(ctx -> ctx.json(events(ctx).stream()
                                .map(t -> DcsaEventView.of(
                                        t, tracking.networkOf(t.event().location())))
                                .toList())),
                Endpoint.get(base + "/events.csv")
                        .access(read)
                        .tag("tracking")
                        .summary("The same events as CSV")
                        .query("after", false, "only events stored after this seq (default 0)")
                        .query("bookingId", false, "one consignment")
                        .query("unit", false, "one box or wagon")
                        .query("limit", false, "at most so many (1 … 5000, default 1000)")
                        .returns(String.class, TrackingCsv.MEDIA_TYPE)
                        .handle(ctx -> ctx.contentType(TrackingCsv.MEDIA_TYPE + "; charset=utf-8")
                                .header("Content-Disposition", "attachment; filename=\"tracking-events.csv\"")
                                .result(TrackingCsv.export(events(ctx).stream()
                                                .filter(TrackingRecords.Tracked::actual)
                                                .toList())
                                        .getBytes(StandardCharsets.UTF_8))),
                Endpoint.get(base + "/consignments")
                        .access(read)
                        .tag("tracking")
                        .summary("Consignments with their ETA (the train's forecast arrival plus the terminal's time)"
                                + " and each unit's latest step")
                        .returns(TypeRef.listOf(ConsignmentView.class))
                        .handle(ctx -> ctx.json(tracking.consignments(shipperOrAll(ctx)).stream()
                                .map(c -> ConsignmentView.of(c, null, null))
                                .toList())),
                Endpoint.get(base + "/consignments/{bookingId}")
                        .access(read)
                        .tag("tracking")
                        .summary("One consignment with its events: actual (ACT), and the train's planned (PLN) and"
                                + " estimated (EST) departure and arrival")
                        .pathParam("bookingId", "freight booking id")
                        .returns(ConsignmentView.class)
                        .handle(this::consignment),
                Endpoint.post(base + "/consignments/{bookingId}/transfers")
                        .access(report)
                        .tag("tracking")
                        .summary("Record the transshipment of a through consignment's boxes at its yard (Vientiane"
                                + " South): each box unloaded from the standard-gauge train (TRANSSHIPPED at the yard,"
                                + " unloadedAt) and loaded on the onward metre-gauge train (LOADED at Thanaleng,"
                                + " loadedAt). The consignment needs its onward train first; a repeat is acknowledged as"
                                + " duplicates")
                        .pathParam("bookingId", "freight booking id")
                        .body(TransferInput.class)
                        .returns(RecordedView.class)
                        .handle(ctx -> {
                            User user = auth.requireUser(ctx);
                            TransferInput in = Json.body(ctx, TransferInput.class);
                            ctx.json(RecordedView.of(tracking.transfer(
                                    ctx.pathParam("bookingId"),
                                    reporterScope(user),
                                    instant("unloadedAt", in.unloadedAt()),
                                    instant("loadedAt", in.loadedAt()),
                                    user.username())));
                        }),
                Endpoint.get(base + "/consignments/{bookingId}/iftsta")
                        .access(read)
                        .tag("tracking")
                        .summary("The consignment's actual events as a UN/EDIFACT IFTSTA message (D.99B), checked"
                                + " against the schema before it is sent")
                        .pathParam("bookingId", "freight booking id")
                        .returns(String.class, Iftsta.MEDIA_TYPE)
                        .handle(this::iftsta),
                Endpoint.post("/api/freight/subscriptions")
                        .access(read)
                        .tag("tracking")
                        .status(201)
                        .summary("Subscribe a webhook to the events of your consignments (one, with bookingId); the"
                                + " railway's get every consignment. The answer carries the secret that signs each"
                                + " delivery (header " + WebhookSender.SIGNATURE_HEADER + ")")
                        .body(SubscriptionInput.class)
                        .returns(SubscriptionView.class)
                        .handle(this::subscribe),
                Endpoint.get("/api/freight/subscriptions")
                        .access(read)
                        .tag("tracking")
                        .summary("Your webhook subscriptions (every one for an administrator), with what is delivered"
                                + " and pending")
                        .returns(TypeRef.listOf(SubscriptionView.class))
                        .handle(ctx -> ctx.json(tracking.subscriptions(ownerOrAll(ctx)).stream()
                                .map(SubscriptionView::of)
                                .toList())),
                Endpoint.get("/api/freight/subscriptions/dead-letters")
                        .access(Access.roles(Role.ADMIN))
                        .tag("tracking")
                        .summary("Events given up after the retry limit (dead letters), newest first, with the last"
                                + " error: kept, no longer tried")
                        .query("limit", false, "at most so many (1 … 5000, default 500)")
                        .returns(TypeRef.listOf(DeadLetterView.class))
                        .handle(ctx -> ctx.json(tracking.deadLetters(limit(Params.of(ctx), 500)).stream()
                                .map(DeadLetterView::of)
                                .toList())),
                Endpoint.delete("/api/freight/subscriptions/{id}")
                        .access(read)
                        .tag("tracking")
                        .status(204)
                        .summary("Cancel a subscription; what is pending is not sent")
                        .pathParam("id", "subscription id")
                        .handle(ctx -> {
                            tracking.cancel(uuid(ctx.pathParam("id")), ownerOrAll(ctx));
                            ctx.status(204);
                        }));
    }

    private void report(Context ctx) {
        User user = auth.requireUser(ctx);
        BoxEventsInput in = Json.body(ctx, BoxEventsInput.class);
        if (in.events() == null || in.events().isEmpty()) {
            throw new InvalidInput("events", "report at least one event");
        }
        if (in.events().size() > MAX_BATCH) {
            throw new InvalidInput("events", "at most " + MAX_BATCH + " events at once");
        }
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < in.events().size(); i++) {
            BoxEventInput e = in.events().get(i);
            if (e == null) {
                throw new InvalidInput("events[" + i + "]", "is empty");
            }
            reports.add(new Report(
                    e.bookingId(), e.unit(), e.type(), e.location(), instant("events[" + i + "].at", e.at())));
        }
        ctx.json(RecordedView.of(
                tracking.report(reports, user.username(), reporterScope(user), i -> "events[" + i + "].")));
    }

    private void reportCsv(Context ctx) {
        User user = auth.requireUser(ctx);
        List<Report> reports = TrackingCsv.reports(ctx.body());
        if (reports.size() > MAX_BATCH) {
            throw new InvalidInput("body", "at most " + MAX_BATCH + " events at once");
        }
        ctx.json(RecordedView.of(tracking.report(reports, user.username(), reporterScope(user), TrackingCsv::prefix)));
    }

    private void reportIftsta(Context ctx) {
        User user = auth.requireUser(ctx);
        List<Report> reports = iftsta.reports(ctx.body());
        if (reports.size() > MAX_BATCH) {
            throw new InvalidInput("body", "at most " + MAX_BATCH + " events at once");
        }
        ctx.json(RecordedView.of(
                tracking.report(reports, user.username(), reporterScope(user), i -> "STS[" + i + "].")));
    }

    private List<TrackingRecords.Tracked> events(Context ctx) {
        Params p = Params.of(ctx);
        int limit = limit(p, 1000);
        long after = p.seq("after");
        String booking = p.text("bookingId").orElse(null);
        String scope = shipperOrAll(ctx);
        if (booking != null) {
            tracking.consignment(booking, scope); // 404 when not the caller's
        }
        return tracking.events(scope, booking, p.text("unit").orElse(null), after, limit);
    }

    private static int limit(Params p, int otherwise) {
        int limit = p.wholeNumber("limit", otherwise);
        if (limit < 1 || limit > 5000) {
            throw new InvalidInput("limit", "must be 1 … 5000");
        }
        return limit;
    }

    private void consignment(Context ctx) {
        String scope = shipperOrAll(ctx);
        TrackingRecords.Consignment c = tracking.consignment(ctx.pathParam("bookingId"), scope);
        List<DcsaEventView> events = new ArrayList<>();
        tracking.events(scope, c.bookingId(), null, 0, 100_000)
                .forEach(t -> events.add(
                        DcsaEventView.of(t, tracking.networkOf(t.event().location()))));
        Instant now = tracking.now();
        if (c.plannedDeparture() != null) {
            BoxEvent dep = new BoxEvent(
                    c.bookingId(),
                    "",
                    BoxEventType.DEPARTED,
                    c.from(),
                    c.plannedDeparture(),
                    c.train(),
                    c.serviceDate());
            events.add(DcsaEventView.estimate(dep, "PLN", now, tracking.networkOf(c.to())));
        }
        if (c.plannedArrival() != null) {
            BoxEvent planned = new BoxEvent(
                    c.bookingId(), "", BoxEventType.ARRIVED, c.to(), c.plannedArrival(), c.train(), c.serviceDate());
            events.add(DcsaEventView.estimate(planned, "PLN", now, tracking.networkOf(c.to())));
        }
        if (c.forecastArrival() != null) {
            BoxEvent estimated = new BoxEvent(
                    c.bookingId(), "", BoxEventType.ARRIVED, c.to(), c.forecastArrival(), c.train(), c.serviceDate());
            events.add(DcsaEventView.estimate(estimated, "EST", now, tracking.networkOf(c.to())));
        }
        events.sort(Comparator.comparing(DcsaEventView::eventDateTime));
        List<BorderView> borders =
                customs
                        .borders(
                                c.bookingId(),
                                c.onward() == null ? null : c.onward().bookingId())
                        .stream()
                        .map(b -> BorderView.of(
                                b,
                                tracking.networkOf(b.crossing().control().code())
                                        .code()))
                        .toList();
        ctx.json(ConsignmentView.of(c, events, borders));
    }

    private void iftsta(Context ctx) {
        String scope = shipperOrAll(ctx);
        TrackingRecords.Consignment c = tracking.consignment(ctx.pathParam("bookingId"), scope);
        List<TrackingRecords.Tracked> events = tracking.events(scope, c.bookingId(), null, 0, 100_000).stream()
                .filter(TrackingRecords.Tracked::actual) // IFTSTA carries the steps that happened
                .toList();
        if (events.isEmpty()) {
            throw new NotFound("bookingId", "consignment " + c.bookingId() + " has no event yet");
        }
        String reference =
                "L" + Long.toString(events.get(events.size() - 1).seq(), 36).toUpperCase(Locale.ROOT);
        String message = iftsta.write(
                "LANCANG",
                c.shipper(),
                reference,
                c.consignmentNumber() == null ? c.bookingId() : c.consignmentNumber(),
                events,
                tracking.now());
        var problems = iftsta.check(message);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the IFTSTA written does not pass its schema: " + problems);
        }
        ctx.contentType(Iftsta.MEDIA_TYPE + "; charset=utf-8").result(message.getBytes(StandardCharsets.UTF_8));
    }

    private void subscribe(Context ctx) {
        User user = auth.requireUser(ctx);
        SubscriptionInput in = Json.body(ctx, SubscriptionInput.class);
        boolean railway = isRailway(user);
        ctx.status(201)
                .json(SubscriptionView.of(
                        in.callbackUrl() == null && in.url() != null
                                ? tracking.subscribe(user.username(), railway, in.url(), "url", in.bookingId())
                                : tracking.subscribe(
                                        user.username(), railway, in.callbackUrl(), "callbackUrl", in.bookingId())));
    }

    private static boolean isRailway(User user) {
        return user.roles().stream().anyMatch(RAILWAY::contains);
    }

    /** A shipper reports on its own consignments; the freight office on any. */
    private static String reporterScope(User user) {
        return user.roles().contains(Role.FREIGHT_OFFICE) ? null : user.username();
    }

    /** The signed-in shipper's name, or null (everyone's) for the railway. */
    private String shipperOrAll(Context ctx) {
        User user = auth.requireUser(ctx);
        return isRailway(user) ? null : user.username();
    }

    /** Subscriptions are each owner's; an administrator sees and cancels every one. */
    private String ownerOrAll(Context ctx) {
        User user = auth.requireUser(ctx);
        return user.roles().contains(Role.ADMIN) ? null : user.username();
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("id", "'" + text + "' is not a subscription id");
        }
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInput(
                    field, "'" + text + "' is not a date-time with its offset (2026-12-06T08:00:00+07:00)");
        }
    }
}
