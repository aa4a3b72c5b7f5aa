package org.lancang.web.maintenance;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.maintenance.Asset;
import org.lancang.maintenance.AssetDraft;
import org.lancang.maintenance.AssetType;
import org.lancang.maintenance.DefectReport;
import org.lancang.maintenance.InspectionOutcome;
import org.lancang.maintenance.InspectionResult;
import org.lancang.maintenance.Photos;
import org.lancang.maintenance.RestrictionRequest;
import org.lancang.maintenance.Severity;
import org.lancang.maintenance.SkylightKind;
import org.lancang.maintenance.SkylightPurpose;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.maintenance.WorkOrderStatus;
import org.lancang.store.maintenance.MaintenanceService;
import org.lancang.store.maintenance.NetworkMaintenance;
import org.lancang.store.maintenance.Photo;
import org.lancang.users.Role;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.HttpProblem;
import org.lancang.web.http.Json;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;
import org.lancang.web.maintenance.MaintenanceViews.AssetView;
import org.lancang.web.maintenance.MaintenanceViews.DefectImpactView;
import org.lancang.web.maintenance.MaintenanceViews.DefectView;
import org.lancang.web.maintenance.MaintenanceViews.DueView;
import org.lancang.web.maintenance.MaintenanceViews.ImpactView;
import org.lancang.web.maintenance.MaintenanceViews.InspectionView;
import org.lancang.web.maintenance.MaintenanceViews.MovedView;
import org.lancang.web.maintenance.MaintenanceViews.OccurrenceView;
import org.lancang.web.maintenance.MaintenanceViews.PhotoView;
import org.lancang.web.maintenance.MaintenanceViews.WarningView;
import org.lancang.web.maintenance.MaintenanceViews.WindowPlannedView;
import org.lancang.web.maintenance.MaintenanceViews.WindowView;
import org.lancang.web.maintenance.MaintenanceViews.WorkOrderView;

/**
 * Maintenance over HTTP (issue 6). Everyone who runs the line reads it (MAINTAINER, PLANNER, DISPATCHER, ADMIN);
 * maintainers record inspections, defects, photos and work orders and edit the register (admins too); planners and
 * maintainers plan skylight windows and work into them. Who and when of every change are the signed-in user and the
 * server's clock, never the request's say-so.
 */
public final class MaintenanceRoutes {
    public record AssetInput(
            String id,
            AssetType type,
            String name,
            Double fromKm,
            Double toKm,
            Map<String, String> attributes,
            String line) {}

    public record InspectionInput(
            String assetId, String date, InspectionOutcome outcome, String inspector, String notes) {}

    public record RestrictionInput(Double fromKm, Double toKm, Integer speedKmh, String validFrom, String validTo) {}

    public record DefectInput(
            String assetId,
            Double km,
            Severity severity,
            String description,
            RestrictionInput restriction,
            String line) {}

    public record WorkOrderInput(String defectId, String assetId, String title) {}

    public record MoveInput(
            WorkOrderStatus status,
            String skylightId,
            String date,
            String crew,
            Boolean liftRestriction,
            String note) {}

    public record WindowInput(
            String id,
            String fromPoint,
            String toPoint,
            List<DayOfWeek> days,
            String start,
            Integer durationMinutes,
            SkylightKind kind,
            SkylightPurpose purpose,
            String description) {}

    private final Auth auth;

    private final NetworkMaintenance networks;

    /**
     * Every network's maintenance: a request goes to its asset's, defect's, work order's or point's network, a list to
     * the one named by {@code ?network=} (home's by default).
     */
    public MaintenanceRoutes(NetworkMaintenance networks, Auth auth) {
        this.networks = networks;
        this.auth = auth;
    }

    private static final String NETWORK = "network code, e.g. vientiane-bangkok (default the home network)";

    /** The network a request names with {@code ?network=} (home's when it names none). */
    private MaintenanceService named(Context ctx) {
        return networks.named(Params.of(ctx).network(), "network");
    }

    public List<Endpoint> endpoints() {
        Access read = Access.roles(Role.MAINTAINER, Role.PLANNER, Role.DISPATCHER, Role.ADMIN);
        Access maintain = Access.roles(Role.MAINTAINER);
        Access register = Access.roles(Role.MAINTAINER, Role.ADMIN);
        Access plan = Access.roles(Role.PLANNER, Role.MAINTAINER);
        String base = "/api/maintenance";
        return List.of(
                Endpoint.get(base + "/assets")
                        .access(read)
                        .tag("maintenance")
                        .summary("The asset register in km order, optionally only a km range of one line or a type")
                        .query("fromKm", false, "from km")
                        .query("toKm", false, "to km")
                        .query(
                                "line",
                                false,
                                "the line the km range is on (default: the network's one line, or the one line holding the range)")
                        .query("type", false, "TRACK, TUNNEL, BRIDGE, STATION, TURNOUT or OVERHEAD_LINE")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(AssetView.class))
                        .handle(this::assets),
                Endpoint.get(base + "/assets/{id}")
                        .access(read)
                        .tag("maintenance")
                        .summary("One asset")
                        .pathParam("id", "asset id, e.g. BRG-LPB-MEKONG")
                        .returns(AssetView.class)
                        .handle(ctx -> ctx.json(AssetView.of(
                                networks.ofAsset(ctx.pathParam("id")).register().get(ctx.pathParam("id"))))),
                Endpoint.post(base + "/assets")
                        .access(register)
                        .tag("maintenance")
                        .status(201)
                        .summary("Add an asset; its country and operator follow from its km range")
                        .query("network", false, NETWORK)
                        .body(AssetInput.class)
                        .returns(AssetView.class)
                        .handle(ctx ->
                                ctx.status(201).json(AssetView.of(named(ctx).addAsset(draft(ctx, null), user(ctx))))),
                Endpoint.put(base + "/assets/{id}")
                        .access(register)
                        .tag("maintenance")
                        .summary("Change an asset (the id in the body, if any, must be the path's)")
                        .pathParam("id", "asset id")
                        .body(AssetInput.class)
                        .returns(AssetView.class)
                        .handle(ctx -> ctx.json(AssetView.of(networks.ofAsset(ctx.pathParam("id"))
                                .updateAsset(draft(ctx, ctx.pathParam("id")), user(ctx))))),
                Endpoint.get(base + "/inspections")
                        .access(read)
                        .tag("maintenance")
                        .summary("Recorded inspections, oldest first")
                        .query("assetId", false, "only this asset")
                        .query("network", false, NETWORK + "; with assetId, the asset's")
                        .returns(TypeRef.listOf(InspectionView.class))
                        .handle(ctx -> ctx.json((ctx.queryParam("assetId") != null
                                        ? networks.ofAsset(ctx.queryParam("assetId"))
                                        : named(ctx))
                                .inspections(ctx.queryParam("assetId")).stream()
                                        .map(InspectionView::of)
                                        .toList())),
                Endpoint.post(base + "/inspections")
                        .access(maintain)
                        .tag("maintenance")
                        .status(201)
                        .summary("Record an inspection (the inspector defaults to the signed-in user)")
                        .body(InspectionInput.class)
                        .returns(InspectionView.class)
                        .handle(this::recordInspection),
                Endpoint.get(base + "/inspections/due")
                        .access(read)
                        .tag("maintenance")
                        .summary("Inspections overdue and due within the look-ahead, by the intervals per asset type")
                        .query("date", false, "the day, YYYY-MM-DD (default today in the network's service zone)")
                        .query("network", false, NETWORK)
                        .returns(DueView.class)
                        .handle(ctx -> ctx.json(DueView.of(
                                named(ctx).due(Params.of(ctx).date("date", today(named(ctx))))))),
                Endpoint.get(base + "/defects")
                        .access(read)
                        .tag("maintenance")
                        .summary("Every defect, oldest first")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(DefectView.class))
                        .handle(ctx -> ctx.json(named(ctx).defects().stream()
                                .map(DefectView::of)
                                .toList())),
                Endpoint.get(base + "/defects/{id}")
                        .access(read)
                        .tag("maintenance")
                        .summary("One defect")
                        .pathParam("id", "defect id, e.g. DEF-1")
                        .returns(DefectView.class)
                        .handle(ctx -> {
                            MaintenanceService service = networks.ofDefect(ctx.pathParam("id"));
                            ctx.json(DefectView.of(service.defect(ctx.pathParam("id"))));
                        }),
                Endpoint.post(base + "/defects")
                        .access(maintain)
                        .tag("maintenance")
                        .status(201)
                        .summary("Report a defect, optionally imposing a temporary speed restriction; the reply shows "
                                + "each train's delay and the new conflicts on the impact day")
                        .query("date", false, "impact day, YYYY-MM-DD (default: the restriction's first day, or today)")
                        .body(DefectInput.class)
                        .returns(DefectImpactView.class)
                        .handle(this::reportDefect),
                Endpoint.post(base + "/defects/{id}/lift")
                        .access(maintain)
                        .tag("maintenance")
                        .summary("Lift a defect's speed restriction now; the reply shows the times given back")
                        .pathParam("id", "defect id")
                        .query("date", false, "impact day (default tomorrow, the first whole day without it)")
                        .returns(DefectImpactView.class)
                        .handle(this::lift),
                Endpoint.post(base + "/defects/{id}/photos")
                        .access(maintain)
                        .tag("maintenance")
                        .status(201)
                        .summary("Add a photo: the body is the image itself, PNG, JPEG or WebP (checked by its bytes), "
                                + "at most 5 MB")
                        .pathParam("id", "defect id")
                        .returns(PhotoView.class)
                        .handle(this::addPhoto),
                Endpoint.get(base + "/photos/{id}")
                        .access(read)
                        .tag("maintenance")
                        .summary("A defect photo")
                        .pathParam("id", "photo id")
                        .returns(byte[].class, "image/*")
                        .handle(this::photo),
                Endpoint.get(base + "/restrictions")
                        .access(read)
                        .tag("maintenance")
                        .summary("Defects whose speed restriction is in force at an instant, in km order")
                        .query("at", false, "instant with offset (default now)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(DefectView.class))
                        .handle(ctx -> ctx.json(
                                named(ctx)
                                        .restrictionsInForce(Params.of(ctx)
                                                .instant("at", named(ctx).now()))
                                        .stream()
                                        .map(DefectView::of)
                                        .toList())),
                Endpoint.get(base + "/restrictions/impact")
                        .access(read)
                        .tag("maintenance")
                        .summary("What the day's restrictions do to it: each train's delay and the conflicts they add")
                        .query("date", true, "the day, YYYY-MM-DD")
                        .query("network", false, NETWORK)
                        .returns(ImpactView.class)
                        .handle(ctx -> ctx.json(
                                ImpactView.of(named(ctx).impact(Params.of(ctx).date("date"))))),
                Endpoint.get(base + "/work-orders")
                        .access(read)
                        .tag("maintenance")
                        .summary("Every work order with its history")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(WorkOrderView.class))
                        .handle(ctx -> ctx.json(named(ctx).workOrders().stream()
                                .map(WorkOrderView::of)
                                .toList())),
                Endpoint.post(base + "/work-orders")
                        .access(maintain)
                        .tag("maintenance")
                        .status(201)
                        .summary("Open a work order for a defect (defectId) or planned work on an asset (assetId)")
                        .body(WorkOrderInput.class)
                        .returns(WorkOrderView.class)
                        .handle(ctx -> {
                            WorkOrderInput in = Json.body(ctx, WorkOrderInput.class);
                            ctx.status(201)
                                    .json(WorkOrderView.of((in.defectId() != null
                                                    ? networks.ofDefect(in.defectId())
                                                    : networks.ofAsset(in.assetId()))
                                            .createWorkOrder(in.defectId(), in.assetId(), in.title(), user(ctx))));
                        }),
                Endpoint.post(base + "/work-orders/{id}/status")
                        .access(plan)
                        .tag("maintenance")
                        .summary("Move a work order: PLANNED (skylightId, date, crew; planner or maintainer), then "
                                + "IN_PROGRESS, DONE, VERIFIED (maintainers only; liftRestriction at DONE or VERIFIED)")
                        .pathParam("id", "work order id, e.g. WO-2")
                        .query("date", false, "impact day of a lifted restriction (default tomorrow)")
                        .body(MoveInput.class)
                        .returns(MovedView.class)
                        .handle(this::move),
                Endpoint.get(base + "/skylights")
                        .access(read)
                        .tag("maintenance")
                        .summary("The recurring skylight windows")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(WindowView.class))
                        .handle(ctx -> ctx.json(named(ctx).windows().stream()
                                .map(WindowView::of)
                                .toList())),
                Endpoint.post(base + "/skylights")
                        .access(plan)
                        .tag("maintenance")
                        .status(201)
                        .summary("Add a recurring skylight window; the reply lists the rules it breaks as warnings")
                        .body(WindowInput.class)
                        .returns(WindowPlannedView.class)
                        .handle(this::addWindow),
                Endpoint.get(base + "/skylights/review")
                        .access(read)
                        .tag("maintenance")
                        .summary("The month's skylight warnings: windows shorter than the rule, sections with too few")
                        .query("month", true, "YYYY-MM")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(WarningView.class))
                        .handle(ctx -> ctx.json(named(ctx).review(Params.of(ctx).month("month")).stream()
                                .map(WarningView::of)
                                .toList())),
                Endpoint.get(base + "/skylights/occurrences")
                        .access(read)
                        .tag("maintenance")
                        .summary("The dated occurrences (possessions) of every window from one local date to another")
                        .query("from", true, "YYYY-MM-DD")
                        .query("to", true, "YYYY-MM-DD")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(OccurrenceView.class))
                        .handle(ctx -> ctx.json(
                                named(ctx)
                                        .occurrences(
                                                Params.of(ctx).date("from"),
                                                Params.of(ctx).date("to"))
                                        .stream()
                                        .map(OccurrenceView::of)
                                        .toList())));
    }

    private String user(Context ctx) {
        return auth.requireUser(ctx).username();
    }

    private static LocalDate today(MaintenanceService service) {
        return LocalDate.ofInstant(service.now(), service.serviceZone());
    }

    private void assets(Context ctx) {
        MaintenanceService service = named(ctx);
        Params params = Params.of(ctx);
        Double from = params.number("fromKm").orElse(null);
        Double to = params.number("toKm").orElse(null);
        String line = params.text("line").orElse(null);
        AssetType t = params.oneOf("type", AssetType.class).orElse(null);
        List<Asset> assets = from == null && to == null && line == null
                ? service.register().assets()
                : service.register()
                        .overlapping(
                                line,
                                from == null ? Double.NEGATIVE_INFINITY : from,
                                to == null ? Double.POSITIVE_INFINITY : to);
        ctx.json(assets.stream()
                .filter(a -> t == null || a.type() == t)
                .map(AssetView::of)
                .toList());
    }

    private AssetDraft draft(Context ctx, String pathId) {
        AssetInput in = Json.body(ctx, AssetInput.class);
        if (pathId != null && in.id() != null && !in.id().equals(pathId)) {
            throw new InvalidInput("id", "'" + in.id() + "' is not the asset of the path (" + pathId + ")");
        }
        Validation v = new Validation();
        v.check(in.fromKm() != null, "fromKm", "is required");
        v.check(in.toKm() != null, "toKm", "is required");
        v.throwIfInvalid();
        Map<String, String> attributes = new HashMap<>(in.attributes() == null ? Map.of() : in.attributes());
        if (in.line() != null) {
            attributes.put("line", in.line());
        } else if (pathId != null && !attributes.containsKey("line")) {
            // an edit that names no line keeps the asset on its own (a branch's asset stays on the branch's km)
            networks.ofAsset(pathId)
                    .register()
                    .find(pathId)
                    .map(a -> a.attributes().get("line"))
                    .ifPresent(line -> attributes.put("line", line));
        }
        return new AssetDraft(
                pathId != null ? pathId : in.id(), in.type(), in.name(), in.fromKm(), in.toKm(), attributes);
    }

    private void recordInspection(Context ctx) {
        InspectionInput in = Json.body(ctx, InspectionInput.class);
        LocalDate date = Params.dateField("date", in.date());
        String inspector = in.inspector() == null || in.inspector().isBlank() ? user(ctx) : in.inspector();
        InspectionResult result = new InspectionResult(in.assetId(), date, inspector, in.outcome(), in.notes());
        ctx.status(201).json(InspectionView.of(networks.ofAsset(in.assetId()).recordInspection(result, user(ctx))));
    }

    private void reportDefect(Context ctx) {
        DefectInput in = Json.body(ctx, DefectInput.class);
        MaintenanceService service = networks.ofAsset(in.assetId());
        Validation v = new Validation();
        v.check(in.km() != null, "km", "is required");
        RestrictionRequest restriction = null;
        RestrictionInput r = in.restriction();
        if (r != null) {
            v.check(r.fromKm() != null, "restriction.fromKm", "is required");
            v.check(r.toKm() != null, "restriction.toKm", "is required");
            v.check(r.speedKmh() != null, "restriction.speedKmh", "is required");
            Instant from = instant(v, r.validFrom(), "restriction.validFrom");
            Instant to = instant(v, r.validTo(), "restriction.validTo");
            v.throwIfInvalid();
            restriction = new RestrictionRequest(r.fromKm(), r.toKm(), r.speedKmh(), from, to);
        }
        v.throwIfInvalid();
        LocalDate defaultDay = today(service);
        if (restriction != null && restriction.validFrom() != null) {
            LocalDate first = LocalDate.ofInstant(restriction.validFrom(), service.serviceZone());
            defaultDay = first.isAfter(defaultDay) ? first : defaultDay;
        }
        LocalDate day = Params.of(ctx).date("date", defaultDay);
        MaintenanceService.Reported reported = service.report(
                new DefectReport(
                        null,
                        in.assetId(),
                        in.km(),
                        in.severity(),
                        in.description(),
                        restriction,
                        List.of(),
                        user(ctx),
                        service.now(),
                        in.line()),
                day);
        ctx.status(201).json(new DefectImpactView(DefectView.of(reported.defect()), ImpactView.of(reported.impact())));
    }

    private void lift(Context ctx) {
        MaintenanceService service = networks.ofDefect(ctx.pathParam("id"));
        LocalDate day = Params.of(ctx).date("date", today(service).plusDays(1));
        MaintenanceService.Reported r = service.liftRestriction(ctx.pathParam("id"), user(ctx), day);
        ctx.json(new DefectImpactView(DefectView.of(r.defect()), ImpactView.of(r.impact())));
    }

    private void move(Context ctx) {
        MoveInput in = Json.body(ctx, MoveInput.class);
        // planners put work into a skylight; starting, finishing and verifying it is the maintainers' word
        if (in.status() != null
                && in.status() != WorkOrderStatus.PLANNED
                && !auth.requireUser(ctx).roles().contains(Role.MAINTAINER)) {
            throw new HttpProblem(
                    403,
                    "only a maintainer may move a work order to " + in.status(),
                    List.of(new FieldError("status", "only a maintainer may move a work order to " + in.status())));
        }
        MaintenanceService service = networks.ofWorkOrder(ctx.pathParam("id"));
        LocalDate day = Params.of(ctx).date("date", today(service).plusDays(1));
        LocalDate occurrence = in.date() == null ? null : Params.dateField("date", in.date());
        MaintenanceService.Moved moved = service.move(
                ctx.pathParam("id"),
                new MaintenanceService.MoveRequest(
                        in.status(),
                        in.skylightId(),
                        occurrence,
                        in.crew(),
                        Boolean.TRUE.equals(in.liftRestriction()),
                        in.note()),
                user(ctx),
                day);
        ctx.json(new MovedView(
                WorkOrderView.of(moved.workOrder()), DefectView.of(moved.defect()), ImpactView.of(moved.impact())));
    }

    /**
     * The image is the body itself. Read here with its own limit, since a phone photo is larger than the server's
     * 1 MB JSON limit; anything over 5 MB is refused before it is all read.
     */
    private void addPhoto(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > Photos.MAX_BYTES) {
            throw tooLarge(declared);
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(Photos.MAX_BYTES + 1);
        } catch (IOException e) {
            throw HttpProblem.badField("photo", "could not be read");
        }
        if (bytes.length > Photos.MAX_BYTES) {
            throw tooLarge(bytes.length);
        }
        Photo p = networks.ofDefect(ctx.pathParam("id"))
                .addPhoto(ctx.pathParam("id"), bytes, ctx.contentType(), user(ctx));
        ctx.status(201)
                .json(new PhotoView(
                        p.id().toString(), p.defectId(), p.mediaType(), p.size(), "/api/maintenance/photos/" + p.id()));
    }

    private static HttpProblem tooLarge(long size) {
        return new HttpProblem(
                413,
                "photo: larger than " + Photos.MAX_BYTES + " bytes",
                List.of(new FieldError(
                        "photo",
                        (size > 0 ? size + " bytes is " : "") + "larger than the " + Photos.MAX_BYTES
                                + " bytes allowed")));
    }

    private void photo(Context ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new NotFound("id", "no photo '" + ctx.pathParam("id") + "'");
        }
        Photo p = networks.home().photo(id).orElseThrow(() -> new NotFound("id", "no photo '" + id + "'"));
        // served with the type its bytes proved, never sniffed as anything else (nosniff is set on every reply)
        ctx.contentType(p.mediaType()).header("Content-Disposition", "inline").result(p.bytes());
    }

    private void addWindow(Context ctx) {
        WindowInput in = Json.body(ctx, WindowInput.class);
        Validation v = new Validation();
        LocalTime start = null;
        if (in.start() == null) {
            v.add("start", "is required (HH:MM)");
        } else {
            try {
                start = LocalTime.parse(in.start());
            } catch (DateTimeException e) {
                v.add("start", "'" + in.start() + "' is not a time (HH:MM)");
            }
        }
        if (in.durationMinutes() == null) {
            v.add("durationMinutes", "is required");
        }
        if (in.days() != null && in.days().contains(null)) {
            v.add("days", "must not contain null");
        }
        v.throwIfInvalid();
        String id = in.id() == null ? null : in.id().strip();
        SkylightWindow w = new SkylightWindow(
                id,
                upper(in.fromPoint()),
                upper(in.toPoint()),
                in.days() == null ? null : new HashSet<>(in.days()),
                start,
                Duration.ofMinutes(in.durationMinutes()),
                in.kind(),
                in.purpose(),
                in.description());
        ctx.status(201)
                .json(new WindowPlannedView(
                        WindowView.of(w),
                        networks.ofPoint(w.fromPoint()).addWindow(w, user(ctx)).stream()
                                .map(WarningView::of)
                                .toList()));
    }

    private static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    // ---- parameters

    private static Instant instant(Validation v, String text, String field) {
        if (text == null || text.isBlank()) {
            v.add(field, "is required (a date-time with offset, e.g. 2026-12-01T08:00+07:00)");
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException e) {
            v.add(field, "'" + text + "' is not a date-time with offset, e.g. 2026-12-01T08:00+07:00");
            return null;
        }
    }
}
