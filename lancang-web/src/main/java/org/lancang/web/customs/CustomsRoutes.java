package org.lancang.web.customs;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.lancang.customs.ReleaseState;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.store.customs.CargoReport;
import org.lancang.store.customs.CustomsRecords.Decision;
import org.lancang.store.customs.CustomsRecords.Message;
import org.lancang.store.customs.CustomsRecords.Release;
import org.lancang.store.customs.CustomsService;
import org.lancang.store.customs.NetworkCustoms;
import org.lancang.store.operations.NetworkOperations;
import org.lancang.store.operations.OperationsService;
import org.lancang.users.Role;
import org.lancang.users.User;
import org.lancang.web.customs.CustomsViews.BoardRowView;
import org.lancang.web.customs.CustomsViews.CustomsMessageView;
import org.lancang.web.customs.CustomsViews.HoldView;
import org.lancang.web.customs.CustomsViews.ManifestView;
import org.lancang.web.customs.CustomsViews.OfficerView;
import org.lancang.web.customs.CustomsViews.ReleaseView;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Json;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;

/**
 * Customs at the border (issue 18): the advance cargo data of each train ({@code /api/freight/manifests}), the
 * release state of each consignment and customs' decisions ({@code /api/freight/customs}), the freight office's border
 * board, and the dispatcher's list of trains held at a border.
 */
public final class CustomsRoutes {
    /** {@code border}: the border's point code, needed only where the officer's country decides at several. */
    public record DecisionInput(ReleaseState state, String reason, String border) {}

    public record ImportedDecisionInput(String consignment, ReleaseState state, String reason, String border) {}

    public record ImportInput(List<ImportedDecisionInput> decisions) {}

    public record OfficerInput(String country) {}

    private static final String NETWORK = "network code, e.g. vientiane-bangkok (default the home network)";

    private final NetworkCustoms customs;
    private final NetworkOperations operations;
    private final Auth auth;

    public CustomsRoutes(NetworkCustoms customs, NetworkOperations operations, Auth auth) {
        this.customs = customs;
        this.operations = operations;
        this.auth = auth;
    }

    /** The customs of the network the request names ({@code ?network=}; home's by default). */
    private CustomsService customs(Context ctx) {
        return customs.named(Params.of(ctx).network(), "network");
    }

    public List<Endpoint> endpoints() {
        Access readers = Access.roles(Role.FREIGHT_OFFICE, Role.CUSTOMS, Role.SHIPPER);
        Access office = Access.roles(Role.FREIGHT_OFFICE);
        Access officer = Access.roles(Role.CUSTOMS);
        String manifests = "/api/freight/manifests";
        String base = "/api/freight/customs";
        return List.of(
                Endpoint.get(manifests)
                        .access(readers)
                        .tag("customs")
                        .summary(
                                "The advance cargo data of the day's trains crossing a border: the railway manifest and"
                                        + " the summary transport data, due a set time before the crossing (customs-rules.csv, per border),"
                                        + " flagged when late or incomplete; customs see their country's crossings, a shipper"
                                        + " the trains with their own consignments (their lines only)")
                        .query("date", false, "service date, YYYY-MM-DD (default today)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(ManifestView.class))
                        .handle(ctx -> ctx.json(manifests(ctx))),
                Endpoint.post(manifests + "/{train}/submit")
                        .access(office)
                        .tag("customs")
                        .summary("Send a train's advance cargo data to one border's customs: every complete consignment"
                                + " still a draft there becomes SUBMITTED; an incomplete one stays a draft, flagged")
                        .pathParam("train", "train number")
                        .query("date", false, "service date (default today)")
                        .query(
                                "border",
                                false,
                                "the border's point code (default the first border in travel order with data to"
                                        + " send)")
                        .query("network", false, "network code (default the train's network)")
                        .returns(ManifestView.class)
                        .handle(ctx -> ctx.json(ManifestView.of(
                                ofTrain(ctx)
                                        .submit(
                                                ctx.pathParam("train"),
                                                date(ctx),
                                                Params.of(ctx).text("border").orElse(null),
                                                auth.requireUser(ctx).username()),
                                null))),
                Endpoint.get(base)
                        .access(readers)
                        .tag("customs")
                        .summary("The release state of each consignment on the day's trains crossing a border, with who"
                                + " decided and when: customs see their country's crossings, a shipper their own")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(ReleaseView.class))
                        .handle(ctx -> ctx.json(releases(ctx))),
                Endpoint.post(base + "/{consignment}/decision")
                        .access(officer)
                        .tag("customs")
                        .summary("Customs decide on a consignment at their country's crossing: ACCEPTED,"
                                + " SELECTED_FOR_INSPECTION, RELEASED, or HELD with a reason; a release is final")
                        .pathParam("consignment", "consignment number (LC…) or booking id")
                        .body(DecisionInput.class)
                        .returns(ReleaseView.class)
                        .handle(this::decide),
                Endpoint.post(base + "/decisions")
                        .access(officer)
                        .tag("customs")
                        .summary("Import customs decisions from a customs system: all are taken or none, each error"
                                + " naming decisions[i]")
                        .body(ImportInput.class)
                        .returns(TypeRef.listOf(ReleaseView.class))
                        .handle(this::importDecisions),
                Endpoint.get(base + "/messages")
                        .access(Access.roles(Role.FREIGHT_OFFICE, Role.CUSTOMS))
                        .tag("customs")
                        .summary("The advance cargo data as sent to each border's customs, in the order the messages"
                                + " were committed (poll with after = the last seq seen): customs see the messages to"
                                + " their country, the freight office every one; an amendment has the next version and"
                                + " names the first message (amends)")
                        .query("after", false, "only messages after this seq (default 0)")
                        .query("limit", false, "at most so many (1 … 1000, default 100)")
                        .query("network", false, "one network's messages (default every network's)")
                        .returns(TypeRef.listOf(CustomsMessageView.class))
                        .handle(ctx -> ctx.json(messages(ctx).stream()
                                .map(CustomsMessageView::of)
                                .toList())),
                Endpoint.get(base + "/messages/{seq}")
                        .access(Access.roles(Role.FREIGHT_OFFICE, Role.CUSTOMS))
                        .tag("customs")
                        .summary("One customs message as it was sent: a UN/EDIFACT CUSCAR interchange"
                                + " (application/edifact)")
                        .pathParam("seq", "the message's seq")
                        .returns(String.class, CargoReport.MEDIA_TYPE)
                        .handle(ctx -> ctx.contentType(CargoReport.MEDIA_TYPE + "; charset=utf-8")
                                .result(message(ctx).body().getBytes(StandardCharsets.UTF_8))),
                Endpoint.put(base + "/officers/{username}")
                        .access(Access.roles(Role.ADMIN))
                        .tag("customs")
                        .summary("Tie a CUSTOMS user to the country whose border controls they work at")
                        .pathParam("username", "the user")
                        .body(OfficerInput.class)
                        .returns(OfficerView.class)
                        .handle(ctx -> {
                            OfficerInput in = Json.body(ctx, OfficerInput.class);
                            String username = ctx.pathParam("username");
                            ctx.json(new OfficerView(
                                    username,
                                    customs.assign(
                                            username,
                                            in.country(),
                                            auth.requireUser(ctx).username())));
                        }),
                Endpoint.get("/api/freight/border-board")
                        .access(office)
                        .tag("customs")
                        .summary("The freight office's border board: the day's trains approaching each border, their"
                                + " data's completeness, release states and holds")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(BoardRowView.class))
                        .handle(ctx -> ctx.json(customs(ctx).board(date(ctx)).stream()
                                .map(BoardRowView::of)
                                .toList())),
                Endpoint.get("/api/operations/holds")
                        .access(Access.roles(Role.DISPATCHER, Role.PLANNER, Role.ADMIN, Role.FREIGHT_OFFICE))
                        .tag("operations")
                        .summary("Trains held at a border until customs release every consignment on them (the border"
                                + " interlock), with the forecast's departure from there")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK)
                        .returns(TypeRef.listOf(HoldView.class))
                        .handle(ctx ->
                                ctx.json(operations.named(Params.of(ctx).network(), "network").held(date(ctx)).stream()
                                        .map(HoldView::of)
                                        .toList())));
    }

    /** The caller's scope: everything for the freight office, a country for customs, a shipper's own. */
    private record Scope(String country, String shipper) {}

    private Scope scope(Context ctx) {
        User user = auth.requireUser(ctx);
        if (user.has(Role.FREIGHT_OFFICE)) {
            return new Scope(null, null);
        }
        if (user.has(Role.CUSTOMS)) {
            return new Scope(
                    customs.countryOf(user.username())
                            .orElseThrow(() -> new Clash(
                                    "user",
                                    user.username() + " is not assigned to a country's customs: an administrator"
                                            + " assigns one",
                                    "customs-no-country")),
                    null);
        }
        return new Scope(null, user.username());
    }

    private List<Message> messages(Context ctx) {
        Scope scope = scope(ctx);
        Params p = Params.of(ctx);
        long after = p.seq("after");
        int limit = p.wholeNumber("limit", 100);
        if (limit < 1 || limit > 1000) {
            throw new InvalidInput("limit", "must be 1 … 1000");
        }
        String network = p.network() == null
                ? null
                : customs.named(p.network(), "network").networkCode();
        return customs.home().messages(scope.country(), network, after, limit);
    }

    /** One message, to the freight office or to the customs it was sent to (else 404: it is not theirs to see). */
    private Message message(Context ctx) {
        Scope scope = scope(ctx);
        long seq;
        try {
            seq = Long.parseLong(ctx.pathParam("seq").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("seq", "must be a whole number");
        }
        Message m = customs.home().message(seq);
        if (scope.country() != null && !scope.country().equals(m.receiver())) {
            throw new NotFound("seq", "no customs message " + seq + " to " + scope.country() + " customs");
        }
        return m;
    }

    private List<ManifestView> manifests(Context ctx) {
        Scope scope = scope(ctx);
        List<ManifestView> out = new ArrayList<>();
        customs(ctx).manifests(date(ctx)).stream()
                .filter(m -> scope.country() == null || m.crossing().decidedBy(scope.country()))
                .filter(m -> scope.shipper() == null
                        || m.lines().stream()
                                .anyMatch(l -> l.consignment().shipper().equals(scope.shipper())))
                .forEach(m -> out.add(ManifestView.of(m, scope.shipper())));
        return out;
    }

    private List<ReleaseView> releases(Context ctx) {
        Scope scope = scope(ctx);
        CustomsService service = customs(ctx);
        List<Release> all = service.releases(date(ctx), null, scope.shipper());
        return all.stream()
                .filter(r -> scope.country() == null || r.crossing().decidedBy(scope.country()))
                .map(r -> ReleaseView.of(r, service, all))
                .toList();
    }

    private void decide(Context ctx) {
        DecisionInput in = Json.body(ctx, DecisionInput.class);
        ctx.json(view(customs.decide(
                        List.of(new Decision(ctx.pathParam("consignment"), in.state(), in.reason(), in.border())),
                        auth.requireUser(ctx).username(),
                        false)
                .get(0)));
    }

    private void importDecisions(Context ctx) {
        ImportInput in = Json.body(ctx, ImportInput.class);
        List<Decision> decisions = in.decisions() == null
                ? List.of()
                : in.decisions().stream()
                        .map(d -> d == null ? null : new Decision(d.consignment(), d.state(), d.reason(), d.border()))
                        .toList();
        ctx.json(customs.decide(decisions, auth.requireUser(ctx).username(), true).stream()
                .map(this::view)
                .toList());
    }

    /** A decided release as a view, with every border of its consignment (from the network it was decided on). */
    private ReleaseView view(Release r) {
        CustomsService service = customs.all().stream()
                .filter(c -> c.hasBorder(r.crossing().border()))
                .findFirst()
                .orElse(customs.home());
        return ReleaseView.of(r, service, service.releasesOf(r.consignment().bookingId(), "consignment"));
    }

    /** The customs of the network named, or else of the network that runs the path's train. */
    private CustomsService ofTrain(Context ctx) {
        String named = Params.of(ctx).network();
        return customs.named(
                named != null && !named.isBlank()
                        ? named
                        : operations.ofTrain(ctx.pathParam("train")).network(),
                "network");
    }

    private LocalDate date(Context ctx) {
        OperationsService home = operations.home();
        return Params.of(ctx)
                .date("date", home.clock().instant().atZone(home.serviceZone()).toLocalDate());
    }
}
