package org.lancang.web.freight;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.freight.ThroughQuote;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.store.freight.ThroughConsignments;
import org.lancang.users.Role;
import org.lancang.users.User;
import org.lancang.web.freight.FreightRoutes.QuoteInput;
import org.lancang.web.freight.FreightViews.FreightMoneyView;
import org.lancang.web.freight.FreightViews.RateView;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Json;

/**
 * Freight through to another network across a break of gauge (issue 19), under {@code /api/freight/through}: the
 * route in two legs with the transshipment between them, every carrier's section in its currency, the through total.
 */
public final class ThroughRoutes {
    public record ThroughSectionView(
            String carrier,
            String from,
            String to,
            double tariffKm,
            FreightMoneyView amount,
            Map<String, FreightMoneyView> converted) {}

    public record ThroughLegView(String network, String from, String to, List<ThroughSectionView> sections) {}

    /**
     * The yard between the legs: where, its tracks and batch size (data), and what they make of this consignment.
     *
     * @param minutes the time the boxes spend crossing the yard: batches ÷ batches worked at once × minutes a batch
     */
    public record TransshipmentView(
            String network,
            String point,
            String otherNetwork,
            String otherPoint,
            int tracksHere,
            int tracksOther,
            int batchWagons,
            long batchMinutes,
            int boxes,
            int batches,
            int batchesAtOnce,
            long minutes,
            String source) {}

    public record ThroughQuoteView(
            ThroughLegView first,
            TransshipmentView transshipment,
            ThroughLegView second,
            List<String> carriers,
            Map<String, FreightMoneyView> total,
            List<RateView> rates) {
        static ThroughQuoteView of(ThroughQuote q) {
            return new ThroughQuoteView(
                    leg(q.first()),
                    new TransshipmentView(
                            q.yard().otherNetwork(),
                            q.yard().otherPoint(),
                            q.yard().network(),
                            q.yard().point(),
                            q.yard().tracksOther(),
                            q.yard().tracksHere(),
                            q.yard().batchWagons(),
                            q.yard().batchTime().toMinutes(),
                            q.boxes(),
                            q.batches(),
                            q.yard().batchesAtOnce(),
                            q.transshipmentTime().toMinutes(),
                            q.yard().source()),
                    leg(q.second()),
                    q.carriers(),
                    byCurrency(q.total()),
                    q.rates().stream()
                            .map(r -> new RateView(r.base().code(), r.quote().code(), r.rate()))
                            .toList());
        }

        private static ThroughLegView leg(ThroughQuote.Leg l) {
            return new ThroughLegView(
                    l.network(),
                    l.from(),
                    l.to(),
                    l.sections().stream()
                            .map(s -> new ThroughSectionView(
                                    s.carrier(),
                                    s.from(),
                                    s.to(),
                                    s.tariffKm(),
                                    FreightMoneyView.of(s.amount()),
                                    byCurrency(s.converted())))
                            .toList());
        }

        private static Map<String, FreightMoneyView> byCurrency(Map<Currency, Money> m) {
            Map<String, FreightMoneyView> out = new LinkedHashMap<>();
            m.forEach((c, v) -> out.put(c.code(), FreightMoneyView.of(v)));
            return out;
        }
    }

    public record ThroughInput(String bookingId, String to) {}

    /** The second network's train ({@code train}) and its service day ({@code date}, YYYY-MM-DD). */
    public record OnwardInput(String train, String date) {}

    /**
     * The onward leg: the train from the transshipment point, its wagons' booking, when it leaves, and the earliest
     * the boxes could have left (the first train's arrival at the yard, the yard's batches, the point's time).
     */
    public record OnwardView(
            String bookingId,
            String train,
            LocalDate serviceDate,
            String from,
            String to,
            Instant departure,
            Instant earliest) {}

    /** A booking's boxes sent on beyond its yard: the booking's own leg, where they go, the whole route's quote. */
    public record ThroughConsignmentView(
            String bookingId,
            String train,
            LocalDate serviceDate,
            String from,
            String network,
            String to,
            Instant createdAt,
            ThroughQuoteView quote,
            OnwardView onward) {
        static ThroughConsignmentView of(ThroughConsignments.Through t) {
            return new ThroughConsignmentView(
                    t.booking().id(),
                    t.booking().train(),
                    t.booking().serviceDate(),
                    t.booking().from(),
                    t.network(),
                    t.to(),
                    t.createdAt(),
                    ThroughQuoteView.of(t.quote()),
                    t.onward() == null
                            ? null
                            : new OnwardView(
                                    t.onward().bookingId(),
                                    t.onward().train(),
                                    t.onward().serviceDate(),
                                    t.onward().from(),
                                    t.onward().to(),
                                    t.onward().departure(),
                                    t.onward().earliest()));
        }
    }

    private final ThroughConsignments through;
    private final Auth auth;

    public ThroughRoutes(ThroughConsignments through, Auth auth) {
        this.through = through;
        this.auth = auth;
    }

    public List<Endpoint> endpoints() {
        Access shipper = Access.roles(Role.SHIPPER);
        Access both = Access.roles(Role.SHIPPER, Role.FREIGHT_OFFICE);
        return List.of(
                Endpoint.post("/api/freight/through/consignments")
                        .access(shipper)
                        .tag("freight")
                        .status(201)
                        .summary("Send a booking's boxes on beyond its transshipment yard (a booking to Vientiane South"
                                + " on to a point of the Bangkok line): the booking must be the shipper's, end at the"
                                + " yard and carry boxes only; once per booking")
                        .body(ThroughInput.class)
                        .returns(ThroughConsignmentView.class)
                        .handle(ctx -> {
                            ThroughInput in = Json.body(ctx, ThroughInput.class);
                            ctx.status(201)
                                    .json(ThroughConsignmentView.of(through.consign(
                                            auth.requireUser(ctx).username(), in.bookingId(), in.to())));
                        }),
                Endpoint.get("/api/freight/through/consignments/{id}")
                        .access(both)
                        .tag("freight")
                        .summary("A booking's through consignment: its route in two legs, the yard, the quote")
                        .pathParam("id", "booking id")
                        .returns(ThroughConsignmentView.class)
                        .handle(ctx -> {
                            String id = ctx.pathParam("id");
                            ctx.json(ThroughConsignmentView.of(through.of(id, shipperOrAll(ctx))
                                    .orElseThrow(() ->
                                            new NotFound("id", "booking " + id + " does not go on beyond its yard"))));
                        }),
                Endpoint.post("/api/freight/through/consignments/{id}/onward")
                        .access(both)
                        .tag("freight")
                        .status(201)
                        .summary(
                                "Put a through consignment's boxes on a train of the network beyond: {train, date}. The"
                                        + " train must run that day, leave from the transshipment point (Thanaleng) and leave"
                                        + " after the boxes can be there (the first train's arrival at the yard + the yard's"
                                        + " batches + the point's time); its wagons are booked from that network's pool (409"
                                        + " naming train when full). Once per consignment")
                        .pathParam("id", "booking id")
                        .body(OnwardInput.class)
                        .returns(ThroughConsignmentView.class)
                        .handle(ctx -> {
                            OnwardInput in = Json.body(ctx, OnwardInput.class);
                            Validation v = new Validation();
                            v.check(in.train() != null && !in.train().isBlank(), "train", "is required");
                            v.check(in.date() != null && !in.date().isBlank(), "date", "is required (YYYY-MM-DD)");
                            v.throwIfInvalid();
                            LocalDate date;
                            try {
                                date = LocalDate.parse(in.date().strip());
                            } catch (DateTimeParseException e) {
                                throw new InvalidInput("date", "'" + in.date() + "' is not a date (YYYY-MM-DD)");
                            }
                            ctx.status(201)
                                    .json(ThroughConsignmentView.of(
                                            through.onward(shipperOrAll(ctx), ctx.pathParam("id"), in.train(), date)));
                        }),
                Endpoint.post("/api/freight/through/quote")
                        .access(Access.PUBLIC)
                        .tag("freight")
                        .summary("A quote for boxes from a station of the home network to one of a network beyond a"
                                + " transshipment yard (Kunming → Bangkok through Vientiane South): two legs, the time at"
                                + " the yard from its batch size and tracks, each carrier's section in its currency, the"
                                + " through total in every currency of the rates")
                        .body(QuoteInput.class)
                        .returns(ThroughQuoteView.class)
                        .handle(this::quote));
    }

    /** The signed-in shipper's name, or null (everyone's) for the freight office. */
    private String shipperOrAll(Context ctx) {
        User user = auth.requireUser(ctx);
        return user.roles().contains(Role.FREIGHT_OFFICE) ? null : user.username();
    }

    private void quote(Context ctx) {
        QuoteInput in = Json.body(ctx, QuoteInput.class);
        through.startsOnHome(in.network());
        ctx.json(ThroughQuoteView.of(through.quote(in.from(), in.to(), FreightRoutes.items(in))));
    }
}
