package org.lancang.web.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;
import org.lancang.store.sales.JourneyBookings;
import org.lancang.store.sales.JourneyBookings.Journey;
import org.lancang.store.sales.NetworkSales;
import org.lancang.ticketing.fares.Berth;
import org.lancang.users.Role;
import org.lancang.users.User;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.Json;
import org.lancang.web.http.TypeRef;
import org.lancang.web.sales.SalesRoutes.BookingView;
import org.lancang.web.sales.SalesRoutes.ChangeInput;
import org.lancang.web.sales.SalesRoutes.MoneyView;
import org.lancang.web.sales.SalesRoutes.PassengerInput;
import org.lancang.web.sales.SalesRoutes.PaymentInput;
import org.lancang.web.sales.SalesRoutes.PaymentView;

/**
 * A journey across two networks bought in one step (ADR 0034): both legs held or neither, one payment for both
 * tickets, one cancellation refunding both, and one leg changed at a time with the connection checked again. The roles are a single booking's: a passenger their own, an agent anyone's.
 */
public final class JourneyRoutes {
    /** One leg: a train between two of its stations on its service date. */
    public record LegInput(
            String train,
            LocalDate date,
            String from,
            String to,
            SeatClass seatClass,
            SeatPosition position,
            Berth berth) {}

    /**
     * Two legs in travel order (the second from the join the first reaches), the same passengers on both, and the one
     * currency both are priced and charged in (default: the first station's own).
     */
    public record JourneyInput(List<LegInput> legs, List<PassengerInput> passengers, String currency) {}

    /**
     * A journey: its state (both legs' state; EXPIRED or CANCELLED when one leg lapsed), the total of its legs, when
     * its hold lapses, each leg as a booking, and the charge and refunds recorded against it and its legs.
     */
    public record JourneyView(
            String id,
            String status,
            String owner,
            MoneyView total,
            Instant createdAt,
            Instant holdExpiresAt,
            List<BookingView> legs,
            List<PaymentView> payments) {}

    private final JourneyBookings journeys;
    private final NetworkSales networks;
    private final Auth auth;

    public JourneyRoutes(JourneyBookings journeys, NetworkSales networks, Auth auth) {
        this.journeys = journeys;
        this.networks = networks;
        this.auth = auth;
    }

    public List<Endpoint> endpoints() {
        Access buyers = Access.roles(Role.PASSENGER, Role.AGENT);
        return List.of(
                Endpoint.post("/api/journey-bookings")
                        .access(buyers)
                        .tag("sales")
                        .status(201)
                        .summary("Hold both legs of a journey across two networks in one transaction: both or neither")
                        .body(JourneyInput.class)
                        .returns(JourneyView.class)
                        .handle(ctx -> {
                            JourneyInput r = Json.body(ctx, JourneyInput.class);
                            User u = auth.requireUser(ctx);
                            ctx.status(201).json(view(journeys.hold(u.username(), u.username(), request(r))));
                        }),
                Endpoint.get("/api/journey-bookings")
                        .access(buyers)
                        .tag("sales")
                        .summary("The caller's own journeys across networks, newest first")
                        .returns(TypeRef.listOf(JourneyView.class))
                        .handle(ctx -> ctx.json(
                                journeys.journeysOf(auth.requireUser(ctx).username()).stream()
                                        .map(this::view)
                                        .toList())),
                Endpoint.get("/api/journey-bookings/{id}")
                        .access(buyers)
                        .tag("sales")
                        .summary("One journey (its owner, or an agent), with both legs and its payments")
                        .pathParam("id", "journey id")
                        .returns(JourneyView.class)
                        .handle(ctx -> {
                            User u = auth.requireUser(ctx);
                            ctx.json(view(journeys.find(ctx.pathParam("id"), u.username(), isAgent(u))));
                        }),
                Endpoint.post("/api/journey-bookings/{id}/payment")
                        .access(buyers)
                        .tag("sales")
                        .summary("Pay both legs with one charge (idempotent on idempotencyKey) and get both tickets")
                        .pathParam("id", "journey id")
                        .body(PaymentInput.class)
                        .returns(JourneyView.class)
                        .handle(ctx -> {
                            PaymentInput r = Json.body(ctx, PaymentInput.class);
                            User u = auth.requireUser(ctx);
                            ctx.json(view(
                                    journeys.pay(ctx.pathParam("id"), u.username(), isAgent(u), r.idempotencyKey())));
                        }),
                Endpoint.post("/api/journey-bookings/{id}/legs/{leg}/change")
                        .access(buyers)
                        .tag("sales")
                        .summary("Change one leg of a paid journey to another train or date on its network, as a"
                                + " single ticket is changed: the connection with the other leg checked again, the"
                                + " fare difference charged or refunded in the journey's currency")
                        .pathParam("id", "journey id")
                        .pathParam("leg", "0 for the first leg, 1 for the second")
                        .body(ChangeInput.class)
                        .returns(JourneyView.class)
                        .handle(ctx -> {
                            ChangeInput r = Json.body(ctx, ChangeInput.class);
                            User u = auth.requireUser(ctx);
                            ctx.json(view(journeys.changeLeg(
                                    ctx.pathParam("id"),
                                    ctx.pathParam("leg"),
                                    u.username(),
                                    isAgent(u),
                                    SalesRoutes.changeRequest(r))));
                        }),
                Endpoint.post("/api/journey-bookings/{id}/cancel")
                        .access(buyers)
                        .tag("sales")
                        .summary("Cancel both legs: holds released, tickets refunded each by its own operator's rules")
                        .pathParam("id", "journey id")
                        .returns(JourneyView.class)
                        .handle(ctx -> {
                            User u = auth.requireUser(ctx);
                            ctx.json(view(journeys.cancel(ctx.pathParam("id"), u.username(), isAgent(u))));
                        }));
    }

    private JourneyBookings.Request request(JourneyInput r) {
        List<JourneyBookings.LegRequest> legs = null;
        String from = null;
        if (r.legs() != null) {
            legs = new ArrayList<>();
            for (LegInput l : r.legs()) {
                legs.add(
                        l == null
                                ? null
                                : new JourneyBookings.LegRequest(
                                        l.train(), l.date(), l.from(), l.to(), l.seatClass(), l.position(), l.berth()));
            }
            from = r.legs().isEmpty() || r.legs().get(0) == null
                    ? null
                    : r.legs().get(0).from();
        }
        return new JourneyBookings.Request(
                legs, SalesRoutes.passengers(r.passengers()), networks.currency("currency", r.currency(), from));
    }

    private JourneyView view(Journey j) {
        List<PaymentView> payments = new ArrayList<>();
        j.payments().forEach(p -> payments.add(PaymentView.of(p)));
        j.legs().forEach(leg -> leg.payments().forEach(p -> payments.add(PaymentView.of(p))));
        return new JourneyView(
                j.id(),
                j.status().name(),
                j.owner(),
                MoneyView.of(j.total()),
                j.createdAt(),
                j.first().holdExpiresAt(),
                j.legs().stream().map(b -> SalesRoutes.view(networks, b)).toList(),
                payments);
    }

    private static boolean isAgent(User u) {
        return u.has(Role.AGENT);
    }
}
