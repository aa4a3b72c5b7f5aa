package org.lancang.web.sales;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Names;
import org.lancang.network.Point;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;
import org.lancang.store.sales.NetworkSales;
import org.lancang.store.sales.SalesRecords.BookedPassenger;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.ChangeRequest;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import org.lancang.store.sales.SalesRecords.JourneyTimes;
import org.lancang.store.sales.SalesRecords.Notification;
import org.lancang.store.sales.SalesRecords.Payment;
import org.lancang.store.sales.SalesRecords.SalesAnomaly;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.store.sales.SalesRecords.WaitlistRequest;
import org.lancang.store.sales.SalesService;
import org.lancang.ticketing.JourneyDocuments;
import org.lancang.ticketing.LapInfant;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.TravelDocument;
import org.lancang.ticketing.TravelDocuments;
import org.lancang.ticketing.fares.Berth;
import org.lancang.users.Role;
import org.lancang.users.User;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.HttpProblem;
import org.lancang.web.http.Json;
import org.lancang.web.http.Params;
import org.lancang.web.http.TypeRef;
import org.lancang.web.network.NetworkRoutes.NamesView;

/**
 * Selling tickets: journeys (public), bookings for passengers (their own) and agents (for anyone, found by ticket or
 * document number), payment, cancellation with refund, and the ticket's QR code.
 */
public final class SalesRoutes {
    public record PassengerInput(
            String name,
            String documentType,
            String documentNumber,
            String nationality,
            LocalDate dateOfBirth,
            LocalDate documentExpiry,
            LapInfantInput infant) {}

    /** An infant on the passenger's lap: no seat, free; a document is needed across a border. */
    public record LapInfantInput(
            String name,
            LocalDate dateOfBirth,
            String documentType,
            String documentNumber,
            String nationality,
            LocalDate documentExpiry) {
        LapInfant toInfant() {
            return new LapInfant(name, dateOfBirth, documentType, documentNumber, nationality, documentExpiry);
        }
    }

    /** The infant on a lap, their document's names (null without one) from the network's documents.csv. */
    public record LapInfantView(
            String name,
            LocalDate dateOfBirth,
            String documentType,
            NamesView documentNames,
            String documentNumber,
            String nationality) {
        static LapInfantView of(LapInfant i, TravelDocuments documents) {
            return i == null
                    ? null
                    : new LapInfantView(
                            i.name(),
                            i.dateOfBirth(),
                            i.documentType(),
                            namesOf(documents, i.documentType()),
                            i.documentNumber(),
                            i.nationality());
        }
    }

    /** A document's names as its network's file gives them; null for none, or a code the file no longer has. */
    static NamesView namesOf(TravelDocuments documents, String code) {
        return code == null
                ? null
                : documents.find(code).map(d -> NamesView.of(d.names())).orElse(null);
    }

    public record BookingInput(
            String train,
            LocalDate date,
            String from,
            String to,
            SeatClass seatClass,
            SeatPosition position,
            Integer car,
            List<PassengerInput> passengers,
            String currency,
            Berth berth) {}

    public record PaymentInput(String idempotencyKey) {}

    /** Another train, date or class for the same journey; omitted fields stay as they were. */
    public record ChangeInput(
            String train,
            LocalDate date,
            SeatClass seatClass,
            SeatPosition position,
            Integer car,
            String idempotencyKey) {}

    /** The change a {@link ChangeInput} asks for, for a single ticket and for a journey's leg alike. */
    static ChangeRequest changeRequest(ChangeInput r) {
        return new ChangeRequest(
                r.train(), r.date(), r.seatClass(), r.position(), r.car() == null ? 0 : r.car(), r.idempotencyKey());
    }

    public record WaitlistInput(
            String train,
            LocalDate date,
            String from,
            String to,
            SeatClass seatClass,
            List<PassengerInput> passengers,
            String currency) {}

    public record WaitlistView(
            String id,
            String train,
            LocalDate date,
            String from,
            String to,
            String seatClass,
            String currency,
            String status,
            int ahead,
            String bookingId,
            Instant createdAt,
            Instant offeredAt,
            List<String> passengers) {
        static WaitlistView of(WaitlistEntry e) {
            return new WaitlistView(
                    e.id(),
                    e.train(),
                    e.date(),
                    e.from(),
                    e.to(),
                    e.seatClass().name(),
                    e.currency().code(),
                    e.status().name(),
                    e.ahead(),
                    e.bookingId(),
                    e.createdAt(),
                    e.offeredAt(),
                    e.passengers().stream().map(Passenger::name).toList());
        }
    }

    public record MoneyView(long minor, String currency, String amount) {
        public static MoneyView of(Money m) {
            return new MoneyView(m.minor(), m.currency().code(), m.toString());
        }
    }

    /** A passenger as the ticket names them; {@code documentNames} is the document's names in every language. */
    public record PassengerView(
            String name,
            String documentType,
            NamesView documentNames,
            String documentNumber,
            String nationality,
            int car,
            String seat,
            String ticketNumber,
            LocalDate dateOfBirth,
            String fareCategory,
            MoneyView fare,
            LapInfantView infant,
            String berth) {}

    /**
     * A charge or refund recorded against the booking, with the client's idempotency key (null for a refund Lancang
     * owes) and its outcome: CAPTURED took the money; VOIDED or FAILED took nothing ({@code note} says why); REFUNDED
     * gave it back.
     */
    public record PaymentView(
            String kind,
            String purpose,
            String status,
            MoneyView amount,
            String idempotencyKey,
            String providerReference,
            Instant createdAt,
            Instant settledAt,
            String note) {
        static PaymentView of(Payment p) {
            return new PaymentView(
                    p.kind().name(),
                    p.purpose().name(),
                    p.status().name(),
                    MoneyView.of(new Money(p.amountMinor(), p.currency())),
                    p.idempotencyKey(),
                    p.providerReference(),
                    p.createdAt(),
                    p.settledAt(),
                    p.note());
        }
    }

    /**
     * A booking as the API shows it: {@code id} is its UUID, {@code reference} the short code read out at a window;
     * {@code departure} and {@code arrival} are local times (ISO-8601 with the offset) beside the IANA zone of each
     * station, as the timetable has them now (null when the train no longer runs that day).
     */
    public record BookingView(
            String id,
            String reference,
            String train,
            LocalDate date,
            String from,
            String to,
            NamesView fromNames,
            NamesView toNames,
            OffsetDateTime departure,
            String departureZone,
            OffsetDateTime arrival,
            String arrivalZone,
            String seatClass,
            String status,
            String owner,
            Instant holdExpiresAt,
            MoneyView total,
            Instant paidAt,
            Instant cancelledAt,
            MoneyView fee,
            MoneyView refund,
            List<PassengerView> passengers,
            String changedTo,
            String changedFrom,
            MoneyView changeDifference,
            List<PaymentView> payments) {
        static BookingView of(
                Booking b,
                Optional<JourneyTimes> times,
                Optional<Names> fromNames,
                Optional<Names> toNames,
                TravelDocuments documents) {
            List<PassengerView> ps = new ArrayList<>();
            for (BookedPassenger p : b.passengers()) {
                ps.add(new PassengerView(
                        p.passenger().name(),
                        p.passenger().documentType(),
                        namesOf(documents, p.passenger().documentType()),
                        p.passenger().documentNumber(),
                        p.passenger().nationality(),
                        p.car(),
                        p.seat(),
                        p.ticketNumber(),
                        p.passenger().dateOfBirth(),
                        p.fareCategory(),
                        p.fareMinor() == null ? null : MoneyView.of(new Money(p.fareMinor(), b.currency())),
                        LapInfantView.of(p.passenger().infant(), documents),
                        Berth.of(b.seatClass(), p.seat()).map(Berth::name).orElse(null)));
            }
            return new BookingView(
                    b.id(),
                    b.reference(),
                    b.train(),
                    b.date(),
                    b.from(),
                    b.to(),
                    fromNames.map(NamesView::of).orElse(null),
                    toNames.map(NamesView::of).orElse(null),
                    times.map(JourneyTimes::departure).orElse(null),
                    times.map(JourneyTimes::departureZone).orElse(null),
                    times.map(JourneyTimes::arrival).orElse(null),
                    times.map(JourneyTimes::arrivalZone).orElse(null),
                    b.seatClass().name(),
                    b.status().name(),
                    b.owner(),
                    b.holdExpiresAt(),
                    MoneyView.of(new Money(b.totalMinor(), b.currency())),
                    b.paidAt(),
                    b.cancelledAt(),
                    b.feeMinor() == null ? null : MoneyView.of(new Money(b.feeMinor(), b.currency())),
                    b.refundMinor() == null ? null : MoneyView.of(new Money(b.refundMinor(), b.currency())),
                    ps,
                    b.changedTo(),
                    b.changedFrom(),
                    b.changeDifferenceMinor() == null
                            ? null
                            : MoneyView.of(new Money(b.changeDifferenceMinor(), b.currency())),
                    b.payments().stream().map(PaymentView::of).toList());
        }
    }

    public record RefundQuoteView(MoneyView paid, MoneyView fee, MoneyView refund) {}

    /**
     * A nationality a passenger can pick: its ISO 3166 alpha-3 code and its name in the three languages, from the
     * Unicode CLDR data the JDK carries (so every country is named in Lao and Chinese as CLDR's translators name it).
     */
    public record NationalityView(String code, String en, String zh, String lo) {}

    private static final List<NationalityView> NATIONALITIES = nationalities();

    private static List<NationalityView> nationalities() {
        Locale zh = Locale.forLanguageTag("zh-Hans");
        Locale lo = Locale.forLanguageTag("lo");
        List<NationalityView> out = new ArrayList<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale("", alpha2);
            out.add(new NationalityView(
                    country.getISO3Country(),
                    country.getDisplayCountry(Locale.ENGLISH),
                    country.getDisplayCountry(zh),
                    country.getDisplayCountry(lo)));
        }
        out.sort(Comparator.comparing(NationalityView::code));
        return List.copyOf(out);
    }

    /**
     * A travel document a journey takes, as its network's {@code documents.csv} describes it: its code (what a
     * booking's {@code documentType} carries), its names in every language of the file, whether its expiry date is
     * asked, and the form of its number ({@code numberPattern}, a regular expression the whole number matches, and
     * {@code numberCheck}, the check digit it carries: {@code NONE} or the arithmetic's name). {@code issuedBy} is the
     * country whose own document it is (an ID card; null for a passport) and {@code nationality} that country's ISO
     * 3166 alpha-3 code, the nationality such a document says (null for a country ISO 3166 does not list).
     */
    public record DocumentView(
            String code,
            NamesView names,
            boolean expiryRequired,
            String numberPattern,
            String numberCheck,
            String issuedBy,
            String nationality) {
        static DocumentView of(TravelDocument d) {
            return new DocumentView(
                    d.code(),
                    NamesView.of(d.names()),
                    d.expiryRequired(),
                    d.numberPattern().pattern(),
                    d.numberCheck().name(),
                    d.issuedBy().isEmpty() ? null : d.issuedBy(),
                    d.nationality().orElse(null));
        }
    }

    /** The documents a journey takes, with the borders it crosses (their border points' codes; none at home). */
    public record JourneyDocumentsView(
            String network, String from, String to, List<String> borders, List<DocumentView> documents) {}

    /** Home's sales: bookings, waitlists and notifications are read alike whichever network sold them. */
    private final SalesService sales;

    private final NetworkSales networks;
    private final Auth auth;

    public SalesRoutes(NetworkSales networks, Auth auth) {
        this.networks = networks;
        this.sales = networks.home();
        this.auth = auth;
    }

    /**
     * The currency a buyer names, refused naming {@code field} when no currencies file defines it; when they name none,
     * home's default (its network.csv says) or, elsewhere, the boarding station's own, else that network's default.
     */
    private Currency currency(String field, String named, String from) {
        return networks.currency(field, named, from);
    }

    /** GET /api/sales/documents: the documents a journey from one station to another takes on their network. */
    private void documents(Context ctx) {
        Params params = Params.of(ctx);
        String named = params.network();
        // a network named is checked first: an unknown one is what is wrong, whatever the stations
        SalesService chosen = named == null ? null : networks.named(named, "network");
        String from = params.code("from");
        String to = params.code("to");
        SalesService seller =
                chosen != null ? chosen : networks.ofLeg(from, to).orElseGet(() -> networks.ofStation(from));
        JourneyDocuments journey = seller.documents(from, to);
        ctx.json(new JourneyDocumentsView(
                seller.network().code(),
                from,
                to,
                journey.crossed().stream().map(b -> b.point().code()).toList(),
                journey.accepted().stream().map(DocumentView::of).toList()));
    }

    public List<Endpoint> endpoints() {
        Access buyers = Access.roles(Role.PASSENGER, Role.AGENT);
        return List.of(
                Endpoint.get("/api/journeys")
                        .access(Access.PUBLIC)
                        .tag("sales")
                        .summary(
                                "Trains from one station to another on a date: local times, duration, border, seats and fare per class")
                        .query("from", true, "station code")
                        .query("to", true, "station code")
                        .query("date", true, "YYYY-MM-DD")
                        .query("currency", false, "a code of the currencies table (default: the network's own)")
                        .returns(TypeRef.listOf(JourneyOption.class))
                        .handle(ctx -> {
                            String from = Params.of(ctx).code("from");
                            ctx.json(networks.ofStation(from)
                                    .journeys(
                                            from,
                                            Params.of(ctx).code("to"),
                                            Params.of(ctx).date("date"),
                                            currency(
                                                    "currency",
                                                    Params.of(ctx)
                                                            .text("currency")
                                                            .orElse(null),
                                                    from)));
                        }),
                Endpoint.get("/api/sales/documents")
                        .access(Access.PUBLIC)
                        .tag("sales")
                        .summary("The travel documents a journey takes (its network's documents.csv): names in every"
                                + " language of the file, whether the expiry is asked, the number's form")
                        .query("from", true, "station code")
                        .query("to", true, "station code of the same network")
                        .query("network", false, "network code (default: the network of the stations)")
                        .returns(JourneyDocumentsView.class)
                        .handle(this::documents),
                Endpoint.get("/api/nationalities")
                        .access(Access.PUBLIC)
                        .tag("sales")
                        .summary("The nationalities a passenger can give (ISO 3166 alpha-3), named in English, 中文 and"
                                + " ລາວ (Unicode CLDR)")
                        .returns(TypeRef.listOf(NationalityView.class))
                        .handle(ctx -> ctx.header("Cache-Control", "public, max-age=86400")
                                .json(NATIONALITIES)),
                Endpoint.post("/api/bookings")
                        .access(buyers)
                        .tag("sales")
                        .status(201)
                        .summary("Hold seats for 1–5 passengers (released after 15 minutes unless paid)")
                        .body(BookingInput.class)
                        .returns(BookingView.class)
                        .handle(this::book),
                Endpoint.get("/api/bookings")
                        .access(buyers)
                        .tag("sales")
                        .summary(
                                "A passenger's own bookings; an agent finds bookings with ?q=ticket or document number")
                        .query("q", false, "booking reference, ticket or document number (agents)")
                        .returns(TypeRef.listOf(BookingView.class))
                        .handle(this::list),
                Endpoint.get("/api/bookings/{id}")
                        .access(buyers)
                        .tag("sales")
                        .summary("One booking (its owner, or an agent), with each charge, void and refund recorded"
                                + " against it")
                        .pathParam("id", "booking id (or its reference)")
                        .returns(BookingView.class)
                        .handle(ctx -> ctx.json(view(find(ctx)))),
                Endpoint.post("/api/bookings/{id}/payment")
                        .access(buyers)
                        .tag("sales")
                        .summary("Pay a held booking (idempotent on idempotencyKey) and get the tickets")
                        .pathParam("id", "booking id")
                        .body(PaymentInput.class)
                        .returns(BookingView.class)
                        .handle(ctx -> {
                            PaymentInput r = Json.body(ctx, PaymentInput.class);
                            User u = auth.requireUser(ctx);
                            ctx.json(view(networks.ofBooking(ctx.pathParam("id"), u.username(), isAgent(u))
                                    .pay(ctx.pathParam("id"), u.username(), isAgent(u), r.idempotencyKey())));
                        }),
                Endpoint.get("/api/bookings/{id}/refund-quote")
                        .access(buyers)
                        .tag("sales")
                        .summary("What cancelling now would refund, and the fee")
                        .pathParam("id", "booking id")
                        .returns(RefundQuoteView.class)
                        .handle(ctx -> {
                            User u = auth.requireUser(ctx);
                            RefundRules.Quote q = networks.ofBooking(ctx.pathParam("id"), u.username(), isAgent(u))
                                    .refundQuote(ctx.pathParam("id"), u.username(), isAgent(u));
                            ctx.json(new RefundQuoteView(
                                    MoneyView.of(q.paid()), MoneyView.of(q.fee()), MoneyView.of(q.refund())));
                        }),
                Endpoint.post("/api/bookings/{id}/cancel")
                        .access(buyers)
                        .tag("sales")
                        .summary(
                                "Cancel: a hold is released, a ticket refunded less the fee for the time before departure")
                        .pathParam("id", "booking id")
                        .returns(BookingView.class)
                        .handle(ctx -> {
                            User u = auth.requireUser(ctx);
                            ctx.json(view(networks.ofBooking(ctx.pathParam("id"), u.username(), isAgent(u))
                                    .cancel(ctx.pathParam("id"), u.username(), isAgent(u))));
                        }),
                Endpoint.post("/api/bookings/{id}/change")
                        .access(buyers)
                        .tag("sales")
                        .summary(
                                "Change to another train, date or class as one exchange: the old seats go only once the"
                                        + " new ones are secured; a ticket's fare difference is charged or refunded")
                        .pathParam("id", "booking id")
                        .body(ChangeInput.class)
                        .returns(BookingView.class)
                        .handle(ctx -> {
                            ChangeInput r = Json.body(ctx, ChangeInput.class);
                            User u = auth.requireUser(ctx);
                            ctx.json(view(networks.ofBooking(ctx.pathParam("id"), u.username(), isAgent(u))
                                    .change(ctx.pathParam("id"), u.username(), isAgent(u), changeRequest(r))));
                        }),
                Endpoint.post("/api/waitlist")
                        .access(buyers)
                        .tag("sales")
                        .status(201)
                        .summary("Join the waitlist of a class sold out for a journey; released seats are offered in"
                                + " order as a hold")
                        .body(WaitlistInput.class)
                        .returns(WaitlistView.class)
                        .handle(ctx -> {
                            WaitlistInput r = Json.body(ctx, WaitlistInput.class);
                            User u = auth.requireUser(ctx);
                            requireStations(r.from(), r.to());
                            ctx.status(201)
                                    .json(WaitlistView.of(sellerOf(r.train(), r.from(), r.to())
                                            .joinWaitlist(
                                                    u.username(),
                                                    new WaitlistRequest(
                                                            r.train(),
                                                            r.date(),
                                                            r.from(),
                                                            r.to(),
                                                            r.seatClass(),
                                                            passengers(r.passengers()),
                                                            currency("currency", r.currency(), r.from())))));
                        }),
                Endpoint.get("/api/waitlist")
                        .access(buyers)
                        .tag("sales")
                        .summary("The caller's waitlist entries, newest first")
                        .returns(TypeRef.listOf(WaitlistView.class))
                        .handle(ctx ->
                                ctx.json(sales.waitlistOf(auth.requireUser(ctx).username()).stream()
                                        .map(WaitlistView::of)
                                        .toList())),
                Endpoint.get("/api/waitlist/{id}")
                        .access(buyers)
                        .tag("sales")
                        .summary("One waitlist entry (its owner, or an agent)")
                        .pathParam("id", "entry id")
                        .returns(WaitlistView.class)
                        .handle(ctx -> {
                            User u = auth.requireUser(ctx);
                            ctx.json(WaitlistView.of(
                                    sales.waitlistEntry(ctx.pathParam("id"), u.username(), isAgent(u))));
                        }),
                Endpoint.post("/api/waitlist/{id}/cancel")
                        .access(buyers)
                        .tag("sales")
                        .summary("Leave the waitlist")
                        .pathParam("id", "entry id")
                        .returns(WaitlistView.class)
                        .handle(ctx -> {
                            User u = auth.requireUser(ctx);
                            ctx.json(WaitlistView.of(
                                    sales.cancelWaitlist(ctx.pathParam("id"), u.username(), isAgent(u))));
                        }),
                Endpoint.get("/api/notifications")
                        .access(buyers)
                        .tag("sales")
                        .summary(
                                "What the caller has been told (such as a waitlisted seat now held for them), newest first")
                        .returns(TypeRef.listOf(Notification.class))
                        .handle(ctx -> ctx.json(
                                sales.notificationsOf(auth.requireUser(ctx).username()))),
                Endpoint.get("/api/admin/sales/anomalies")
                        .access(Access.roles(Role.ADMIN))
                        .tag("sales")
                        .summary("Seats sold twice in stored bookings, found when their runs were loaded: those runs"
                                + " are off sale until one of the bookings is cancelled")
                        .returns(TypeRef.listOf(SalesAnomaly.class))
                        .handle(ctx -> ctx.json(networks.all().stream()
                                .flatMap(n -> n.anomalies().stream())
                                .toList())),
                Endpoint.get("/api/bookings/{id}/tickets/{index}/qr.svg")
                        .access(buyers)
                        .tag("sales")
                        .summary("The QR code of a passenger's ticket (SVG)")
                        .pathParam("id", "booking id")
                        .pathParam("index", "passenger index, from 0")
                        .returns(String.class, "image/svg+xml")
                        .handle(ctx -> {
                            Booking b = find(ctx);
                            int index = Params.of(ctx).pathWholeNumber("index");
                            if (index < 0
                                    || index >= b.passengers().size()
                                    || b.passengers().get(index).ticketNumber() == null) {
                                throw new NotFound("index", "no ticket " + index + " on this booking");
                            }
                            BookedPassenger p = b.passengers().get(index);
                            ctx.contentType("image/svg+xml")
                                    .result(QrSvg.of("LANCANG|" + p.ticketNumber() + "|" + b.train() + "|" + b.date()
                                            + "|" + b.from() + "-" + b.to() + "|" + p.car() + "/" + p.seat()));
                        }));
    }

    private void book(Context ctx) {
        BookingInput r = Json.body(ctx, BookingInput.class);
        User u = auth.requireUser(ctx);
        List<Passenger> passengers = passengers(r.passengers());
        requireStations(r.from(), r.to());
        var held = sellerOf(r.train(), r.from(), r.to())
                .holdAsync(
                        u.username(),
                        u.username(),
                        new HoldRequest(
                                r.train(),
                                r.date(),
                                r.from(),
                                r.to(),
                                r.seatClass(),
                                r.position(),
                                r.car() == null ? 0 : r.car(),
                                passengers,
                                currency("currency", r.currency(), r.from()),
                                r.berth()));
        // answered when the hold is committed; no server thread waits for the disk meanwhile
        ctx.future(() -> held.thenAccept(b -> ctx.status(201).json(view(b))));
    }

    /**
     * The sales of the network of the stations asked for: a train number may name trains of two networks, the
     * stations name one (which refuses a train it does not run); by the number only when no network has both.
     */
    private SalesService sellerOf(String train, String from, String to) {
        return networks.ofLeg(from, to).orElseGet(() -> networks.ofTrain(train));
    }

    static List<Passenger> passengers(List<PassengerInput> input) {
        List<Passenger> passengers = new ArrayList<>();
        if (input != null) {
            for (PassengerInput p : input) {
                passengers.add(
                        p == null
                                ? null
                                : new Passenger(
                                        p.name(),
                                        p.documentType(),
                                        p.documentNumber(),
                                        p.nationality(),
                                        p.dateOfBirth(),
                                        p.documentExpiry(),
                                        p.infant() == null ? null : p.infant().toInfant()));
            }
        }
        if (passengers.contains(null)) {
            throw new InvalidInput("passengers[" + passengers.indexOf(null) + "]", "is required");
        }
        return passengers;
    }

    private static void requireStations(String from, String to) {
        Validation v = new Validation();
        v.check(from != null, "from", "is required");
        v.check(to != null, "to", "is required");
        v.throwIfInvalid();
    }

    private void list(Context ctx) {
        User u = auth.requireUser(ctx);
        String q = ctx.queryParam("q");
        if (q != null) {
            if (!isAgent(u)) {
                throw new HttpProblem(403, "only agents look up other people's bookings");
            }
            ctx.json(sales.search(q).stream().map(this::view).toList());
        } else {
            ctx.json(sales.bookingsOf(u.username()).stream().map(this::view).toList());
        }
    }

    private BookingView view(Booking b) {
        return view(networks, b);
    }

    /** A booking with its times and stations' names from the network that sold it. */
    static BookingView view(NetworkSales networks, Booking b) {
        return BookingView.of(
                b,
                networks.of(b).times(b),
                networks.point(b, b.from()).map(Point::names),
                networks.point(b, b.to()).map(Point::names),
                networks.of(b).documents());
    }

    private Booking find(Context ctx) {
        User u = auth.requireUser(ctx);
        return sales.find(ctx.pathParam("id"), u.username(), isAgent(u));
    }

    private static boolean isAgent(User u) {
        return u.has(Role.AGENT);
    }
}
