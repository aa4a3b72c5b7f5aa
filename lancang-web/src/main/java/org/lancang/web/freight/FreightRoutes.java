package org.lancang.web.freight;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.freight.ConsignmentNote;
import org.lancang.freight.EquipmentKind;
import org.lancang.freight.GoodsCodes;
import org.lancang.freight.PathAsk;
import org.lancang.freight.Tariffs;
import org.lancang.store.freight.FreightRecords;
import org.lancang.store.freight.FreightService;
import org.lancang.store.freight.NetworkFreight;
import org.lancang.store.freight.ThroughConsignments;
import org.lancang.store.networks.ServedNetworks;
import org.lancang.users.Role;
import org.lancang.users.User;
import org.lancang.web.freight.FreightViews.BoxView;
import org.lancang.web.freight.FreightViews.CodeView;
import org.lancang.web.freight.FreightViews.FreightBookingView;
import org.lancang.web.freight.FreightViews.GoodsView;
import org.lancang.web.freight.FreightViews.ImbalanceView;
import org.lancang.web.freight.FreightViews.NoteView;
import org.lancang.web.freight.FreightViews.PartyView;
import org.lancang.web.freight.FreightViews.PayerView;
import org.lancang.web.freight.FreightViews.QuoteView;
import org.lancang.web.freight.FreightViews.RequestView;
import org.lancang.web.freight.FreightViews.SlotView;
import org.lancang.web.freight.FreightViews.TrainLoadView;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.HttpProblem;
import org.lancang.web.http.Json;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;

/** Freight for shippers and the freight office (issue 17), under {@code /api/freight}. */
public final class FreightRoutes {
    public record RequestInput(
            String from,
            String to,
            String earliestDeparture,
            String latestArrival,
            Double trailingMassT,
            Double lengthM,
            Boolean dangerousGoods,
            String network,
            List<String> via) {}

    public record RefuseInput(String reason) {}

    public record EquipmentInput(EquipmentKind kind, Integer count, Double massT) {}

    public record FreightBookingInput(
            String slotId, String requestId, String date, List<EquipmentInput> equipment, String network) {}

    public record QuoteInput(String from, String to, List<EquipmentInput> equipment, String network) {}

    public record NoteInput(
            PartyView consignor,
            PartyView consignee,
            List<String> wagons,
            List<BoxView> containers,
            List<GoodsView> goods,
            String unNumber,
            Double reeferTemperatureC,
            BigDecimal declaredValue,
            String declaredCurrency,
            List<PayerView> payers,
            List<String> documents) {}

    static final String NETWORK_PARAM =
            "the network whose freight trains are asked about, by code (default: the home network; GET /api/networks)";

    private final NetworkFreight freight;
    private final Auth auth;
    private final ServedNetworks networks;
    private final ThroughConsignments through;

    public FreightRoutes(NetworkFreight freight, Auth auth, ServedNetworks networks, ThroughConsignments through) {
        this.freight = freight;
        this.auth = auth;
        this.networks = networks;
        this.through = through;
    }

    /** The freight of the network the {@code network} query parameter names (home's by default). */
    private FreightService named(Context ctx) {
        return freight.named(Params.of(ctx).network(), "network");
    }

    public List<Endpoint> endpoints() {
        Access shipper = Access.roles(Role.SHIPPER);
        Access office = Access.roles(Role.FREIGHT_OFFICE);
        Access both = Access.roles(Role.SHIPPER, Role.FREIGHT_OFFICE);
        String base = "/api/freight";
        return List.of(
                Endpoint.get(base + "/slots")
                        .access(Access.PUBLIC)
                        .tag("freight")
                        .summary("The slot catalogue on a date: each slot's train, its times that day, what is left")
                        .query("date", false, "service date, YYYY-MM-DD (default today)")
                        .query("network", false, NETWORK_PARAM)
                        .returns(TypeRef.listOf(SlotView.class))
                        .handle(ctx -> ctx.json(named(ctx).slots(date(ctx)).stream()
                                .map(SlotView::of)
                                .toList())),
                Endpoint.get(base + "/codes")
                        .access(Access.PUBLIC)
                        .tag("freight")
                        .summary("The HS goods codes and UN numbers of dangerous goods a consignment note may carry")
                        .returns(TypeRef.listOf(CodeView.class))
                        .handle(ctx -> ctx.json(codes())),
                Endpoint.post(base + "/requests")
                        .access(shipper)
                        .tag("freight")
                        .status(201)
                        .summary("Request an ad-hoc path: the path found around the day's trains and skylights, or the"
                                + " binding constraint and the earliest alternative. Optional via: the junction codes"
                                + " the train runs through, in order, where two ways join from and to (empty: the"
                                + " shortest); a code that is not a junction or not on a way between the two is"
                                + " refused naming via")
                        .body(RequestInput.class)
                        .returns(RequestView.class)
                        .handle(this::request),
                Endpoint.get(base + "/requests")
                        .access(both)
                        .tag("freight")
                        .summary("Path requests: a shipper's own, or every one for the freight office")
                        .query("network", false, NETWORK_PARAM)
                        .returns(TypeRef.listOf(RequestView.class))
                        .handle(ctx -> ctx.json(named(ctx).requests(shipperOrAll(ctx)).stream()
                                .map(RequestView::of)
                                .toList())),
                Endpoint.get(base + "/requests/{id}")
                        .access(both)
                        .tag("freight")
                        .summary("One path request")
                        .pathParam("id", "request id")
                        .returns(RequestView.class)
                        .handle(ctx -> ctx.json(RequestView.of(freight.ofRequest(ctx.pathParam("id"))
                                .requestOf(ctx.pathParam("id"), shipperOrAll(ctx))))),
                Endpoint.post(base + "/requests/{id}/approve")
                        .access(office)
                        .tag("freight")
                        .summary("Approve a proposed request: its train is added to its date by a timetable change"
                                + " (origin FREIGHT; on a network read from its folder, laid in its own timetable), refused"
                                + " if the path is gone or would bring a conflict")
                        .pathParam("id", "request id")
                        .returns(RequestView.class)
                        .handle(ctx -> ctx.json(RequestView.of(freight.ofRequest(ctx.pathParam("id"))
                                .approve(
                                        ctx.pathParam("id"),
                                        auth.requireUser(ctx).username())))),
                Endpoint.post(base + "/requests/{id}/refuse")
                        .access(office)
                        .tag("freight")
                        .summary("Refuse a proposed request, saying why")
                        .pathParam("id", "request id")
                        .body(RefuseInput.class)
                        .returns(RequestView.class)
                        .handle(ctx -> {
                            RefuseInput in = Json.body(ctx, RefuseInput.class);
                            ctx.json(RequestView.of(freight.ofRequest(ctx.pathParam("id"))
                                    .refuse(
                                            ctx.pathParam("id"),
                                            auth.requireUser(ctx).username(),
                                            in.reason())));
                        }),
                Endpoint.post(base + "/bookings")
                        .access(shipper)
                        .tag("freight")
                        .status(201)
                        .summary("Book boxes or wagons on a slot's train (slotId and date) or on a request's train"
                                + " (requestId): units are taken from the pools at the train's origin, all or nothing")
                        .body(FreightBookingInput.class)
                        .returns(FreightBookingView.class)
                        .handle(this::book),
                Endpoint.get(base + "/bookings")
                        .access(both)
                        .tag("freight")
                        .summary("Bookings with their units: a shipper's own, or every one for the freight office")
                        .query("network", false, NETWORK_PARAM)
                        .returns(TypeRef.listOf(FreightBookingView.class))
                        .handle(ctx -> ctx.json(named(ctx).bookings(shipperOrAll(ctx)).stream()
                                .map(FreightBookingView::of)
                                .toList())),
                Endpoint.put(base + "/bookings/{id}/note")
                        .access(shipper)
                        .tag("freight")
                        .status(201)
                        .summary("Fill in the booking's consignment note (SMGS fields); every code is checked; once")
                        .pathParam("id", "booking id")
                        .body(NoteInput.class)
                        .returns(NoteView.class)
                        .handle(this::note),
                Endpoint.get(base + "/bookings/{id}/note")
                        .access(both)
                        .tag("freight")
                        .summary("The booking's consignment note")
                        .pathParam("id", "booking id")
                        .returns(NoteView.class)
                        .handle(ctx -> {
                            String id = ctx.pathParam("id");
                            FreightService on = freight.ofBooking(id);
                            on.booking(id, shipperOrAll(ctx));
                            ctx.json(NoteView.of(on.noteOf(id)
                                    .orElseThrow(() ->
                                            new NotFound("id", "booking " + id + " has no consignment note yet"))));
                        }),
                Endpoint.get(base + "/bookings/{id}/note.pdf")
                        .access(both)
                        .tag("freight")
                        .summary("The booking's consignment note as a printable PDF in Chinese, Lao and English, fonts"
                                + " embedded; 503 naming the font when the machine lacks one")
                        .pathParam("id", "booking id")
                        .returns(byte[].class, "application/pdf")
                        .handle(this::notePdf),
                Endpoint.get(base + "/bookings/{id}/quote")
                        .access(both)
                        .tag("freight")
                        .summary(
                                "The booking's quote: each carrier's section in its currency, totals in each currency of the tariffs")
                        .pathParam("id", "booking id")
                        .returns(QuoteView.class)
                        .handle(ctx -> ctx.json(QuoteView.of(
                                freight.ofBooking(ctx.pathParam("id")).quote(ctx.pathParam("id"), shipperOrAll(ctx))))),
                Endpoint.post(base + "/quote")
                        .access(Access.PUBLIC)
                        .tag("freight")
                        .summary("A quote for boxes or wagons between two stations, before booking")
                        .body(QuoteInput.class)
                        .returns(QuoteView.class)
                        .handle(this::quote),
                Endpoint.get(base + "/trains")
                        .access(office)
                        .tag("freight")
                        .summary("The day's freight trains with what is booked on them")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK_PARAM)
                        .returns(TypeRef.listOf(TrainLoadView.class))
                        .handle(ctx -> ctx.json(named(ctx).trains(date(ctx)).stream()
                                .map(TrainLoadView::of)
                                .toList())),
                Endpoint.get(base + "/empties")
                        .access(both)
                        .tag("freight")
                        .summary("Boxes loaded each way on a day and the empties the lighter direction returns")
                        .query("date", false, "service date (default today)")
                        .query("network", false, NETWORK_PARAM)
                        .returns(ImbalanceView.class)
                        .handle(ctx -> ctx.json(ImbalanceView.of(named(ctx).imbalance(date(ctx))))));
    }

    private List<CodeView> codes() {
        GoodsCodes codes = freight.home().data().codes();
        List<CodeView> out = new ArrayList<>();
        codes.hsCodes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(new CodeView("HS", e.getKey(), e.getValue(), null, null)));
        codes.unNumbers().values().stream()
                .sorted((a, b) -> a.unNumber().compareTo(b.unNumber()))
                .forEach(d ->
                        out.add(new CodeView("UN", d.unNumber(), d.description(), d.hazardClass(), d.packingGroup())));
        return out;
    }

    private void request(Context ctx) {
        User user = auth.requireUser(ctx);
        RequestInput in = Json.body(ctx, RequestInput.class);
        PathAsk ask = new PathAsk(
                in.from(),
                in.to(),
                instant("earliestDeparture", in.earliestDeparture()),
                instant("latestArrival", in.latestArrival()),
                in.trailingMassT() == null ? 0 : in.trailingMassT(),
                in.lengthM() == null ? 0 : in.lengthM(),
                Boolean.TRUE.equals(in.dangerousGoods()),
                Params.codesField("via", in.via()));
        FreightRecords.Answered a = freight.named(in.network(), "network").request(user.username(), ask);
        ctx.status(201).json(RequestView.of(a.request(), a.answer()));
    }

    private void book(Context ctx) {
        User user = auth.requireUser(ctx);
        FreightBookingInput in = Json.body(ctx, FreightBookingInput.class);
        LocalDate date = in.date() == null ? null : Params.dateField("date", in.date());
        // a request's booking goes to the network the request was made on unless the body names one
        FreightService on = in.network() == null && in.requestId() != null
                ? freight.ofRequest(in.requestId())
                : freight.named(in.network(), "network");
        ctx.status(201)
                .json(FreightBookingView.of(
                        on.book(user.username(), in.slotId(), in.requestId(), date, equipment(in.equipment()))));
    }

    private void note(Context ctx) {
        User user = auth.requireUser(ctx);
        NoteInput in = Json.body(ctx, NoteInput.class);
        ConsignmentNote note = new ConsignmentNote(
                in.consignor() == null
                        ? null
                        : new ConsignmentNote.Party(
                                in.consignor().name(), in.consignor().address()),
                in.consignee() == null
                        ? null
                        : new ConsignmentNote.Party(
                                in.consignee().name(), in.consignee().address()),
                in.wagons(),
                in.containers() == null
                        ? List.of()
                        : in.containers().stream()
                                .map(b -> b == null ? null : new ConsignmentNote.Box(b.number(), b.seal()))
                                .toList(),
                in.goods() == null
                        ? List.of()
                        : in.goods().stream()
                                .map(g -> g == null
                                        ? null
                                        : new ConsignmentNote.Goods(
                                                g.description(),
                                                g.hsCode(),
                                                g.packages() == null ? 0 : g.packages(),
                                                g.grossMassKg() == null ? 0 : g.grossMassKg()))
                                .toList(),
                in.unNumber(),
                in.reeferTemperatureC(),
                in.declaredValue(),
                in.declaredCurrency() == null
                        ? null // the note's own check names the missing field with the others
                        : freight.ofBooking(ctx.pathParam("id"))
                                .data()
                                .tariffs()
                                .currencies()
                                .require("declaredCurrency", in.declaredCurrency()),
                in.payers() == null
                        ? List.of()
                        : in.payers().stream()
                                .map(p -> p == null ? null : new ConsignmentNote.Payer(p.carrier(), p.pays()))
                                .toList(),
                in.documents());
        ctx.status(201)
                .json(NoteView.of(
                        freight.ofBooking(ctx.pathParam("id")).note(user.username(), ctx.pathParam("id"), note)));
    }

    private void quote(Context ctx) {
        QuoteInput in = Json.body(ctx, QuoteInput.class);
        FreightService of =
                freight.named(in.network(), "network"); // the network first: unknown is refused whatever else is wrong
        ctx.json(QuoteView.of(of.quote(in.from(), in.to(), items(in))));
    }

    /** A quote's boxes and wagons, each checked, and its from and to required (shared by the through quote). */
    static List<Tariffs.Item> items(QuoteInput in) {
        List<Tariffs.Item> items = new ArrayList<>();
        List<FreightRecords.Equipment> equipment = equipment(in.equipment());
        for (int i = 0; i < equipment.size(); i++) {
            EquipmentInput e = in.equipment().get(i);
            items.add(new Tariffs.Item(
                    equipment.get(i).kind(), equipment.get(i).count(), e.massT() == null ? 0 : e.massT()));
        }
        if (in.from() == null || in.from().isBlank()) {
            throw HttpProblem.badField("from", "is required");
        }
        if (in.to() == null || in.to().isBlank()) {
            throw HttpProblem.badField("to", "is required");
        }
        return items;
    }

    private static List<FreightRecords.Equipment> equipment(List<EquipmentInput> in) {
        if (in == null || in.isEmpty()) {
            throw HttpProblem.badField("equipment", "book at least one box or wagon");
        }
        List<FreightRecords.Equipment> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            EquipmentInput e = in.get(i);
            if (e == null || e.kind() == null) {
                throw HttpProblem.badField(
                        "equipment[" + i + "].kind", "is required (" + List.of(EquipmentKind.values()) + ")");
            }
            if (e.count() == null || e.count() < 1 || e.count() > 200) {
                throw HttpProblem.badField("equipment[" + i + "].count", "must be 1 … 200");
            }
            if (e.massT() != null && (e.massT() < 0 || e.massT() > e.kind().payloadT())) {
                throw HttpProblem.badField(
                        "equipment[" + i + "].massT", "must be 0 … " + e.kind().payloadT() + " t for a " + e.kind());
            }
            out.add(new FreightRecords.Equipment(e.kind(), e.count()));
        }
        return out;
    }

    /** The signed-in shipper's name, or null (everyone's) for the freight office. */
    private void notePdf(Context ctx) {
        String id = ctx.pathParam("id");
        FreightService on = freight.ofBooking(id);
        FreightRecords.Booking booking = on.booking(id, shipperOrAll(ctx));
        FreightRecords.Note note =
                on.noteOf(id).orElseThrow(() -> new NotFound("id", "booking " + id + " has no consignment note yet"));
        ConsignmentNotePdf pdf;
        try {
            pdf = ConsignmentNotePdf.withSystemFonts();
        } catch (ConsignmentNotePdf.FontMissing e) {
            throw new HttpProblem(503, "the consignment note cannot be printed on this server: " + e.getMessage());
        }
        byte[] bytes = pdf.render(
                "运单 · ໃບນຳສົ່ງສິນຄ້າ · Consignment note " + note.consignmentNumber(),
                "国际铁路货物联运 (SMGS / CIM/SMGS) · ການຂົນສົ່ງສິນຄ້າທາງລົດໄຟສາກົນ · International rail freight;" + " booking "
                        + booking.id() + ", train " + booking.train() + " on " + booking.serviceDate(),
                NotePdfBlocks.of(
                        on,
                        networks.require(on.networkCode(), "network").operators(),
                        booking,
                        note,
                        // a through consignment starts on the home network: another network's booking has none
                        on == freight.home() ? through.of(id, null).orElse(null) : null,
                        through));
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + note.consignmentNumber() + ".pdf\"")
                .result(bytes);
    }

    private String shipperOrAll(Context ctx) {
        User user = auth.requireUser(ctx);
        return user.roles().contains(Role.FREIGHT_OFFICE) ? null : user.username();
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInput(
                    field, "'" + text + "' is not an instant with its offset (2026-12-06T08:00:00+07:00)");
        }
    }

    private LocalDate date(Context ctx) {
        FreightService on = named(ctx);
        return Params.of(ctx)
                .date("date", on.now().atZone(on.network().serviceZone()).toLocalDate());
    }
}
