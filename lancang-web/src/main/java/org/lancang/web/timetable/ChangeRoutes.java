package org.lancang.web.timetable;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.lancang.errors.Clash;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.network.Network;
import org.lancang.store.changes.NetworkChanges;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;
import org.lancang.users.Role;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Json;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;
import org.lancang.web.timetable.ChangeViews.ChangeView;
import org.lancang.web.timetable.ChangeViews.ImpactView;
import org.lancang.web.timetable.ChangeViews.OutcomeView;
import org.lancang.web.timetable.ChangeViews.PreviewView;
import org.lancang.web.timetable.TimetableRoutes.StopInput;

/**
 * Timetable changes, the one way the plan changes: {@code /api/timetable/changes}. A change is a draft until it is
 * published; its preview shows its conflicts on a date and over its scope, its impact the sold tickets it touches.
 * Planners and dispatchers make, publish and undo changes; the planning roles read them.
 */
public final class ChangeRoutes {
    /** Dates a change holds for; {@code to} defaults to {@code from}, {@code days} to every weekday. */
    public record ScopeInput(String from, String to, List<String> days) {}

    /**
     * One edit. {@code kind}: MOVE (train, departure), ADD (train = the new number, trainType, from, to, departure,
     * stops; with {@code findPath} the departure is the earliest and the path is searched around the day's trains),
     * CANCEL (train), REPLACE_STOPS (train, stops, meets).
     */
    public record EditInput(
            String kind,
            String train,
            String departure,
            String trainType,
            String operator,
            String from,
            String to,
            Boolean findPath,
            List<StopInput> stops,
            List<StopInput> meets,
            List<String> via) {}

    /** {@code network}: the network whose timetable the change changes (default: the home network). */
    public record ChangeInput(String network, String title, ScopeInput scope, List<EditInput> edits) {}

    public record PublishInput(Boolean acceptConflicts) {}

    static final int MAX_EDITS = 50;

    /** The network a request acts on: its changes, its timetable, its points and its operators. */
    private record Target(
            TimetableChangeService changes, TimetableService timetable, Network network, Operators operators) {}

    private final NetworkChanges networks;
    private final Auth auth;
    private final Function<String, Operators> operatorsOf;

    public ChangeRoutes(TimetableChangeService changes, TimetableService timetable, Auth auth) {
        this(
                changes,
                timetable,
                auth,
                OperatorChoice.fromNetwork(timetable.planner().network()));
    }

    /** The home network's changes alone. */
    public ChangeRoutes(TimetableChangeService changes, TimetableService timetable, Auth auth, Operators operators) {
        this(NetworkChanges.of(changes, List.of()), auth, code -> operators);
    }

    /** The changes of every network served; {@code operatorsOf} gives a network's operators by its code. */
    public ChangeRoutes(NetworkChanges networks, Auth auth, Function<String, Operators> operatorsOf) {
        this.networks = networks;
        this.auth = auth;
        this.operatorsOf = operatorsOf;
    }

    private Target target(TimetableChangeService service) {
        TimetableService timetable = service.timetable();
        return new Target(service, timetable, timetable.planner().network(), operatorsOf.apply(service.network()));
    }

    /** The network of an existing change, found by its id. */
    private Target holding(Context ctx) {
        return target(networks.holding(ctx.pathParam("id")));
    }

    public List<Endpoint> endpoints() {
        Access reading = Access.roles(Role.PLANNER, Role.DISPATCHER, Role.MAINTAINER, Role.ADMIN);
        Access deciding = Access.roles(Role.PLANNER, Role.DISPATCHER);
        Access tickets = Access.roles(Role.PLANNER, Role.DISPATCHER, Role.ADMIN);
        return List.of(
                Endpoint.get("/api/timetable/changes")
                        .access(reading)
                        .tag("timetable changes")
                        .summary("Every timetable change of a network (drafts, published, undone, discarded), newest"
                                + " first")
                        .query("network", false, "network code, e.g. vientiane-bangkok (default: the home network)")
                        .returns(TypeRef.listOf(ChangeView.class))
                        .handle(ctx -> ctx.header("Cache-Control", "no-store")
                                .json(
                                        networks
                                                .named(
                                                        Params.of(ctx)
                                                                .text("network")
                                                                .orElse(null),
                                                        "network")
                                                .list()
                                                .stream()
                                                .map(ChangeViews::change)
                                                .toList())),
                Endpoint.post("/api/timetable/changes")
                        .access(deciding)
                        .tag("timetable changes")
                        .status(201)
                        .summary("Keep a change as a draft: edits (MOVE, ADD, CANCEL, REPLACE_STOPS) over a scope of"
                                + " dates; nothing changes until it is published. An ADD may name its via: the"
                                + " junction codes the train runs through, in order, where two ways join from and to"
                                + " (refused naming edits[i].via when not a junction or off every way between them)")
                        .body(ChangeInput.class)
                        .returns(ChangeView.class)
                        .handle(this::draft),
                Endpoint.get("/api/timetable/changes/{id}")
                        .access(reading)
                        .tag("timetable changes")
                        .summary("One change")
                        .pathParam("id", "change id, e.g. TC-1A2B3C4D")
                        .returns(ChangeView.class)
                        .handle(ctx -> ctx.json(
                                ChangeViews.change(holding(ctx).changes().get(ctx.pathParam("id"))))),
                Endpoint.get("/api/timetable/changes/{id}/preview")
                        .access(reading)
                        .tag("timetable changes")
                        .summary("The change's conflicts on a date (with it, new, resolved), its trains' times before"
                                + " and after, and the dates of its scope with new conflicts")
                        .pathParam("id", "change id")
                        .query("date", false, "the date to preview, YYYY-MM-DD (default: the scope's first)")
                        .returns(PreviewView.class)
                        .handle(ctx -> {
                            LocalDate date = Params.of(ctx).optionalDate("date").orElse(null);
                            Target t = holding(ctx);
                            ctx.header("Cache-Control", "no-store")
                                    .json(ChangeViews.preview(
                                            t.network(), t.changes().preview(ctx.pathParam("id"), date)));
                        }),
                Endpoint.get("/api/timetable/changes/{id}/impact")
                        .access(tickets)
                        .tag("timetable changes")
                        .summary("The sold tickets the change moves or cancels: per booking, date and train, the"
                                + " passengers, how far departure and arrival move, and the remedy offered")
                        .pathParam("id", "change id")
                        .returns(ImpactView.class)
                        .handle(ctx -> {
                            Target t = holding(ctx);
                            ctx.header("Cache-Control", "no-store")
                                    .json(ChangeViews.impact(
                                            t.network(), t.changes().impact(ctx.pathParam("id"))));
                        }),
                Endpoint.post("/api/timetable/changes/{id}/publish")
                        .access(deciding)
                        .tag("timetable changes")
                        .summary("Publish a draft: it is in force on its dates at once; the passengers it touches are"
                                + " told and offered a free change or refund as the operator's rules say")
                        .pathParam("id", "change id")
                        .body(PublishInput.class)
                        .returns(OutcomeView.class)
                        .handle(this::publish),
                Endpoint.post("/api/timetable/changes/{id}/undo")
                        .access(deciding)
                        .tag("timetable changes")
                        .summary("Undo a published change: its dates go back; the passengers it touches are told")
                        .pathParam("id", "change id")
                        .returns(OutcomeView.class)
                        .handle(ctx -> {
                            Target t = holding(ctx);
                            ctx.json(outcome(t, t.changes().undo(ctx.pathParam("id"), user(ctx))));
                        }),
                Endpoint.post("/api/timetable/changes/{id}/discard")
                        .access(deciding)
                        .tag("timetable changes")
                        .summary("Discard a draft (kept in the record)")
                        .pathParam("id", "change id")
                        .returns(ChangeView.class)
                        .handle(ctx -> ctx.json(
                                ChangeViews.change(holding(ctx).changes().discard(ctx.pathParam("id"), user(ctx))))));
    }

    private String user(Context ctx) {
        return auth.requireUser(ctx).username();
    }

    private static OutcomeView outcome(Target t, TimetableChangeService.Outcome o) {
        return new OutcomeView(ChangeViews.change(o.change()), ChangeViews.impact(t.network(), o.impact()));
    }

    private void draft(Context ctx) {
        ChangeInput in = Json.body(ctx, ChangeInput.class);
        Target t = target(networks.named(in.network(), "network"));
        TimetableChange change = parse(t, in, ChangeOrigin.PLANNER);
        ctx.status(201).json(ChangeViews.change(t.changes().draft(change, user(ctx))));
    }

    private void publish(Context ctx) {
        String id = ctx.pathParam("id");
        boolean accept = false;
        if (!ctx.body().isBlank()) {
            accept = Boolean.TRUE.equals(Json.body(ctx, PublishInput.class).acceptConflicts());
        }
        Target t = holding(ctx);
        ctx.json(outcome(t, t.changes().publish(id, user(ctx), accept)));
    }

    /**
     * The request as a change of the target network: every malformed field named at once, then the paths searched (ADD
     * with findPath).
     */
    private TimetableChange parse(Target t, ChangeInput in, ChangeOrigin origin) {
        Validation v = new Validation();
        v.check(in.title() == null || in.title().length() <= 200, "title", "must be at most 200 characters");
        v.check(in.scope() != null, "scope", "is required: {from, to, days}");
        List<EditInput> edits = in.edits() == null ? List.of() : in.edits();
        v.check(!edits.isEmpty(), "edits", "a change needs at least one edit");
        v.check(edits.size() <= MAX_EDITS, "edits", "at most " + MAX_EDITS + " edits in one change");
        v.throwIfInvalid();
        ChangeScope scope = scope(in.scope());
        List<Edit> parsed = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            parsed.add(edit(t, v, "edits[" + i + "].", edits.get(i), scope, in.title(), origin, parsed));
        }
        v.throwIfInvalid();
        return new TimetableChange(in.title(), origin, scope, parsed);
    }

    private static ChangeScope scope(ScopeInput s) {
        LocalDate from = Params.dateField("scope.from", s.from());
        LocalDate to = s.to() == null || s.to().isBlank() ? from : Params.dateField("scope.to", s.to());
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (s.days() != null) {
            days = EnumSet.noneOf(DayOfWeek.class);
            for (int i = 0; i < s.days().size(); i++) {
                String d =
                        s.days().get(i) == null ? "" : s.days().get(i).strip().toUpperCase(Locale.ROOT);
                DayOfWeek day = d.length() < 3
                        ? null
                        : EnumSet.allOf(DayOfWeek.class).stream()
                                .filter(x -> x.name().startsWith(d))
                                .findFirst()
                                .orElse(null);
                if (day == null) {
                    throw new InvalidInput(
                            "scope.days[" + i + "]", "'" + s.days().get(i) + "' is not MON … SUN");
                }
                days.add(day);
            }
        }
        return new ChangeScope(from, to, days);
    }

    private Edit edit(
            Target t,
            Validation v,
            String at,
            EditInput e,
            ChangeScope scope,
            String title,
            ChangeOrigin origin,
            List<Edit> before) {
        if (e == null) {
            v.add(at + "kind", "is required");
            return null;
        }
        String kind = e.kind() == null ? "" : e.kind().strip().toUpperCase(Locale.ROOT);
        String train = e.train() == null ? "" : e.train().strip().toUpperCase(Locale.ROOT);
        if (!train.matches("[A-Z0-9]{1,10}")) {
            v.add(at + "train", "must be a train number of 1–10 capital letters or digits");
        }
        switch (kind) {
            case "MOVE" -> {
                LocalTime departure = time(v, at + "departure", e.departure());
                return v.hasErrors() ? null : new Edit.Move(train, departure);
            }
            case "CANCEL" -> {
                return v.hasErrors() ? null : new Edit.Cancel(train);
            }
            case "REPLACE_STOPS" -> {
                List<StopRequest> stops = stops(t, v, at + "stops", e.stops());
                List<StopRequest> meets = stops(t, v, at + "meets", e.meets());
                return v.hasErrors() ? null : new Edit.ReplaceStops(train, stops, meets);
            }
            case "ADD" -> {
                return add(t, v, at, e, train, scope, title, origin, before);
            }
            default -> {
                v.add(at + "kind", "must be MOVE, ADD, CANCEL or REPLACE_STOPS");
                return null;
            }
        }
    }

    private Edit add(
            Target t,
            Validation v,
            String at,
            EditInput e,
            String number,
            ChangeScope scope,
            String title,
            ChangeOrigin origin,
            List<Edit> before) {
        String type = e.trainType() == null ? "" : e.trainType().strip().toUpperCase(Locale.ROOT);
        v.check(!type.isEmpty(), at + "trainType", "is required");
        String from = point(t, v, at + "from", e.from());
        String to = point(t, v, at + "to", e.to());
        LocalTime departure = time(v, at + "departure", e.departure());
        Operator operator = OperatorChoice.parse(v, at + "operator", e.operator(), t.operators());
        List<StopRequest> stops = stops(t, v, at + "stops", e.stops());
        if (v.hasErrors()) {
            return null;
        }
        List<String> via = Params.codesField(at + "via", e.via());
        // a via that is not a junction, or off every way between the two, is refused before any search, naming it
        if (!from.equals(to)) {
            named(at, () -> t.network().routes().between(from, to, via));
        }
        boolean passenger = named(
                at,
                () -> t.timetable()
                        .planner()
                        .trainType(type, "trainType")
                        .category()
                        .carriesPassengers());
        if (!Boolean.TRUE.equals(e.findPath())) {
            return new Edit.Add(new TrainPlan(
                    number,
                    operator,
                    type,
                    passenger,
                    scope.calendar(),
                    from,
                    to,
                    departure,
                    stops,
                    List.of(),
                    true,
                    5,
                    title,
                    via));
        }
        PathRequest request = new PathRequest(
                number,
                operator,
                type,
                passenger,
                scope.calendar(),
                from,
                to,
                stops,
                scope.from()
                        .atTime(departure)
                        .atZone(t.network().point(from).orElseThrow().timeZone())
                        .toInstant(),
                false,
                5,
                Duration.ofHours(12),
                via);
        List<TimetableChange> sofar =
                before.isEmpty() ? List.of() : List.of(new TimetableChange(title, origin, scope, before));
        InsertedPath found = named(at, () -> t.changes().findPath(request, sofar));
        return new Edit.Add(found.plan());
    }

    /** Runs a check of the core, naming its fields within the edit ({@code edits[0].trainType}). */
    private static <T> T named(String at, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInput x) {
            throw new InvalidInput(x.errors().stream()
                    .map(f -> new FieldError(at + rename(f.field()), f.message(), f.code()))
                    .toList());
        } catch (Clash x) {
            throw new Clash(at + rename(x.field()), x.getMessage());
        }
    }

    private static String rename(String field) {
        return "earliestDeparture".equals(field) ? "departure" : field;
    }

    private static String point(Target t, Validation v, String field, String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        v.check(t.network().point(c).isPresent(), field, "'" + code + "' is not a point of the line");
        return c;
    }

    private static LocalTime time(Validation v, String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeException x) {
            v.add(field, "must be a local time HH:MM, e.g. 10:30");
            return null;
        }
    }

    private static List<StopRequest> stops(Target t, Validation v, String field, List<StopInput> inputs) {
        List<StopRequest> out = new ArrayList<>();
        List<StopInput> list = inputs == null ? List.of() : inputs;
        for (int j = 0; j < list.size(); j++) {
            StopInput s = list.get(j);
            String at = field + "[" + j + "].";
            if (s == null || s.point() == null || t.network().point(s.point()).isEmpty()) {
                v.add(at + "point", "is not a point of the line");
            } else if (s.dwellMinutes() == null || s.dwellMinutes() < 0 || s.dwellMinutes() > 720) {
                v.add(at + "dwellMinutes", "must be 0 … 720");
            } else {
                out.add(new StopRequest(
                        s.point().strip().toUpperCase(Locale.ROOT), Duration.ofMinutes(s.dwellMinutes())));
            }
        }
        return out;
    }
}
