package org.lancang.store.sales;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.lancang.errors.Clash;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Joins;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;
import org.lancang.store.db.GroupCommit.Statement;
import org.lancang.store.sales.SalesRecords.BookedPassenger;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.ChangeRequest;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.JourneyTimes;
import org.lancang.store.sales.SalesRecords.Payment;
import org.lancang.store.sales.SalesRecords.PaymentPurpose;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.fares.Berth;

/**
 * A journey across two networks bought in one step (ADR 0034): both legs held in one transaction or neither, one
 * charge for the total issuing both tickets or none, and a cancellation that refunds each leg by its own operator's
 * rules. The legs are ordinary bookings of each network's sales; the journey row (V79) ties them and carries the
 * charge. Both legs are priced in the journey's one currency, so the passenger is charged once. One leg of a paid
 * journey may be changed to another train or date as a single ticket is, its connection checked again.
 */
public final class JourneyBookings {
    /** How long a request waits for a twin request with the same idempotency key to finish. */
    private static final Duration TWIN_PATIENCE = Duration.ofSeconds(10);

    /** How a connection's times are shown: local to the join's point, to the minute. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final String INSERT = "INSERT INTO journey_booking (id, owner, sold_by, first_leg, second_leg,"
            + " currency, created_at) VALUES (:id, :owner, :soldBy, :first, :second, :currency, :created)";

    /** One leg as asked for: a train between two of its stations on its service date, in a class. */
    public record LegRequest(
            String train,
            LocalDate date,
            String from,
            String to,
            SeatClass seatClass,
            SeatPosition position,
            Berth berth) {}

    /** The whole journey: its two legs in travel order, the same passengers on both, one currency for both. */
    public record Request(List<LegRequest> legs, List<Passenger> passengers, Currency currency) {}

    /**
     * A journey as stored, with its two legs as they are now and the payments recorded against it and against the
     * bookings its legs replaced (a leg's own payments are on the leg).
     */
    public record Journey(
            String id,
            String owner,
            Currency currency,
            Instant createdAt,
            Booking first,
            Booking second,
            List<Payment> payments) {
        /** Both legs' state when they agree; a journey half-lapsed is EXPIRED, half-cancelled CANCELLED. */
        public BookingStatus status() {
            if (first.status() == second.status()) {
                return first.status();
            }
            if (first.status() == BookingStatus.EXPIRED || second.status() == BookingStatus.EXPIRED) {
                return BookingStatus.EXPIRED;
            }
            return BookingStatus.CANCELLED;
        }

        public Money total() {
            return new Money(first.totalMinor() + second.totalMinor(), currency);
        }

        public List<Booking> legs() {
            return List.of(first, second);
        }
    }

    private final NetworkSales networks;
    private final Joins joins;

    /** @param joins every passenger join between the networks served (where a journey may change networks) */
    public JourneyBookings(NetworkSales networks, Joins joins) {
        this.networks = networks;
        this.joins = joins;
    }

    // ---------------------------------------------------------------- hold

    /**
     * Holds both legs: each checked by its network's rules, the connection checked against the join's minimum, then
     * both taken in memory and committed in one transaction with the journey row. A leg sold out gives the other's
     * seats back: both or neither.
     */
    public Journey hold(String owner, String soldBy, Request r) {
        if (r.legs() == null || r.legs().size() != 2) {
            throw new InvalidInput(
                    "legs", "a journey has exactly two legs, one on each network, in travel order", "journey-legs");
        }
        Instant now = home().clock().instant();
        List<SalesService.Leg> checked = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LegRequest l = r.legs().get(i);
            if (l == null) {
                throw new InvalidInput("legs[" + i + "]", "is required");
            }
            checked.add(atLeg(
                    i,
                    () -> legSeller(l)
                            .checkLeg(
                                    new HoldRequest(
                                            l.train(),
                                            l.date(),
                                            l.from(),
                                            l.to(),
                                            l.seatClass(),
                                            l.position(),
                                            0,
                                            r.passengers(),
                                            r.currency(),
                                            l.berth()),
                                    now)));
        }
        checkConnection(checked.get(0), checked.get(1), r.legs());
        String id = UUID.randomUUID().toString();
        List<Booking> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                SalesService.Leg leg = checked.get(i);
                int at = i;
                taken.add(leg.seller()
                        .takeLeg(leg, owner, soldBy, now)
                        .orElseThrow(() -> prefixed(at, leg.seller().soldOut(leg))));
            }
            List<Statement> rows = new ArrayList<>(SalesRows.insert(taken.get(0)));
            rows.addAll(SalesRows.insert(taken.get(1)));
            rows.add(new Statement(INSERT, journeyRow(id, owner, soldBy, taken, r.currency(), now)));
            home().commits().commit(rows);
        } catch (RuntimeException e) {
            for (int i = 0; i < taken.size(); i++) {
                checked.get(i).seller().giveBack(checked.get(i), taken.get(i), now);
            }
            throw e;
        }
        return load(id).orElseThrow();
    }

    /**
     * The sales of the network whose stations the leg joins, as the journey search offered it: a train number may name
     * trains of two networks, so the number alone would put the leg on whichever network is served first. A number
     * that network does not run is refused naming the leg's train.
     */
    private SalesService legSeller(LegRequest l) {
        Optional<SalesService> ofStations = networks.ofLeg(l.from(), l.to());
        String train = l.train() == null ? "" : l.train().strip();
        if (ofStations.isPresent() && !train.isEmpty() && !ofStations.get().sells(train)) {
            SalesService seller = ofStations.get();
            throw new InvalidInput(
                    "train",
                    train + " is not a train of " + seller.network().code() + ", the network of "
                            + l.from().strip().toUpperCase(Locale.ROOT) + " and "
                            + l.to().strip().toUpperCase(Locale.ROOT),
                    "journey-leg-network");
        }
        // no network has both stations: the boarding station's refuses the other (or, of none, home refuses both)
        return ofStations.orElseGet(() -> networks.ofStation(l.from()));
    }

    /** The second leg leaves from the first's join, no sooner than the join's minimum connection after it arrives. */
    private void checkConnection(SalesService.Leg first, SalesService.Leg second, List<LegRequest> asked) {
        String a = first.seller().network().code();
        String b = second.seller().network().code();
        if (a.equals(b)) {
            throw new InvalidInput(
                    "legs[1].train",
                    "both legs are on " + a + ": book a journey within one network with /api/bookings",
                    "journey-one-network");
        }
        Joins.Join join = joins.between(Joins.Kind.PASSENGER, a, b)
                .orElseThrow(() -> new InvalidInput(
                        "legs[1].train", "no passenger join between " + a + " and " + b, "journey-no-join"));
        if (!join.point().equalsIgnoreCase(asked.get(0).to())) {
            throw new InvalidInput("legs[0].to", "the first leg must end at " + join.point(), "journey-join");
        }
        if (!join.otherPoint().equalsIgnoreCase(asked.get(1).from())) {
            throw new InvalidInput("legs[1].from", "the second leg must start at " + join.otherPoint(), "journey-join");
        }
        Instant ready = first.arrives().plus(join.minimumConnection());
        if (second.departs().isBefore(ready)) {
            // a conflict with the timetable, as when a leg is changed: the request is well formed, the trains' times
            // are what refuse it (ADR 0034)
            throw new Clash(
                    "legs[1].train",
                    asked.get(1).train() + " leaves " + asked.get(1).from().toUpperCase(Locale.ROOT) + " before "
                            + join.minimumConnection().toMinutes() + " min after "
                            + asked.get(0).train()
                            + " arrives: the connection is missed",
                    "journey-connection");
        }
    }

    private static Map<String, Object> journeyRow(
            String id, String owner, String soldBy, List<Booking> legs, Currency currency, Instant now) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", UUID.fromString(id));
        row.put("owner", owner);
        row.put("soldBy", soldBy);
        row.put("first", UUID.fromString(legs.get(0).id()));
        row.put("second", UUID.fromString(legs.get(1).id()));
        row.put("currency", currency.code());
        row.put("created", SalesRows.utc(now));
        return row;
    }

    // ---------------------------------------------------------------- payment

    /**
     * Pays both legs with one charge for the total, idempotent on the key: the charge is recorded and reserved, both
     * tickets are issued in one transaction under both runs' locks if both legs are still live holds, and only then is
     * the money taken; otherwise the reservation is voided and nothing is taken.
     */
    public Journey pay(String journeyId, String caller, boolean agent, String idempotencyKey) {
        SeatDesk.checkKey(idempotencyKey);
        Journey j = find(journeyId, caller, agent);
        Payments payments = home().payments();
        String providerKey = "pay:" + idempotencyKey;
        Optional<Payments.Recorded> earlier = payments.byKey(providerKey);
        if (earlier.isPresent()) {
            return retried(earlier.get(), j, caller, agent);
        }
        for (Booking leg : j.legs()) {
            leg.status().requireMoveTo(BookingStatus.TICKETED);
            if (!home().clock().instant().isBefore(leg.holdExpiresAt())) {
                throw new Clash("status", "the hold expired at " + leg.holdExpiresAt(), "hold-expired");
            }
        }
        Payments.Recorded charge =
                payments.recordCharge(PaymentPurpose.PAYMENT, providerKey, idempotencyKey, j.id(), j.id(), j.total());
        if (!charge.createdNow() || !payments.begin(charge)) {
            return retried(charge, j, caller, agent);
        }
        payments.issueWith(
                charge,
                "Lancang journey " + j.first().train() + "+" + j.second().train() + " "
                        + j.first().from() + "-" + j.second().to(),
                reserved -> issueTickets(j, reserved));
        return find(journeyId, caller, agent);
    }

    private Journey retried(Payments.Recorded earlier, Journey j, String caller, boolean agent) {
        home().payments().requireCapturedTwin(earlier, j.id(), TWIN_PATIENCE);
        return find(j.id(), caller, agent);
    }

    /** Issues both legs' tickets in one transaction, or neither; returns why not, if not. */
    private Optional<String> issueTickets(Journey j, Payments.Recorded charge) {
        Instant now = home().clock().instant();
        RunSales a = seller(j.first()).runOf(j.first());
        RunSales b = seller(j.second()).runOf(j.second());
        List<RunSales> locked = Exchanges.lockInOrder(a, b);
        try {
            for (RunSales run : List.of(a, b)) {
                if (run.suspended() != null) {
                    return Optional.of(run.suspended());
                }
            }
            home().commits().commit(h -> {
                // payment_key stays null on the legs: it is unique per booking, and the journey's key is the
                // charge's (payment.provider_key); payment_id ties both tickets to the one charge
                int updated = h.createUpdate("UPDATE booking SET status = 'TICKETED', paid_at = :now,"
                                + " payment_id = :payment WHERE id IN (:a, :b) AND status = 'HELD'"
                                + " AND hold_expires_at > :now")
                        .bind("now", SalesRows.utc(now))
                        .bind("payment", charge.id())
                        .bind("a", UUID.fromString(j.first().id()))
                        .bind("b", UUID.fromString(j.second().id()))
                        .execute();
                if (updated != 2) {
                    throw new Clash("status", "a leg is no longer held", "hold-expired");
                }
                for (Booking leg : j.legs()) {
                    for (BookedPassenger p : leg.passengers()) {
                        h.createUpdate("UPDATE booking_passenger SET ticket_number = :t WHERE booking_id = :id"
                                        + " AND seat_index = :s")
                                .bind("t", SalesService.ticketNumber(leg, p))
                                .bind("id", UUID.fromString(leg.id()))
                                .bind("s", p.seatIndex())
                                .execute();
                    }
                }
            });
            return Optional.empty();
        } catch (Clash notHeld) {
            return Optional.of(
                    "the journey is " + load(j.id()).orElseThrow().status() + " now (" + notHeld.getMessage() + ")");
        } finally {
            locked.forEach(run -> run.lock.unlock());
        }
    }

    // ---------------------------------------------------------------- change one leg

    /**
     * Changes one leg of a paid journey to another train or date between the same stations of the same network, as a
     * single ticket is changed ({@link Exchanges}): the new seats taken first, the old given back only once the
     * exchange is committed, the fare difference charged or refunded in the journey's currency by that leg's own
     * operator's rules. The connection with the other leg, the join's transfer included, is checked again before any
     * seat is taken (409 {@code journey-connection} naming the connection time); the journey row moves to the new leg
     * in the exchange's own transaction, and only while the other leg is still the one checked against. A retry with
     * the same key answers with the journey as that change left it.
     *
     * @param leg "0" for the first leg, "1" for the second (their order in the journey's {@code legs})
     */
    public Journey changeLeg(String journeyId, String leg, String caller, boolean agent, ChangeRequest r) {
        int index = legIndex(leg);
        SeatDesk.checkKey(r.idempotencyKey());
        Journey j = find(journeyId, caller, agent);
        Booking current = j.legs().get(index);
        // a retry, or a twin that read the journey while the first committed (the old leg already CHANGED with the key)
        boolean retried = home().changedWithKey(r.idempotencyKey())
                .flatMap(home()::load)
                .map(earlier ->
                        current.id().equals(earlier.changedTo()) || current.id().equals(earlier.id()))
                .orElse(false);
        if (retried) {
            return find(journeyId, caller, agent);
        }
        if (readTorn(j)) {
            // read again and again while other changes committed: a journey's row always names its live legs
            throw legChangedMeanwhile();
        }
        if (j.status() != BookingStatus.TICKETED) {
            throw new Clash(
                    "status",
                    "the journey is " + j.status() + ": only a paid journey has a leg changed",
                    "journey-not-paid");
        }
        SalesService seller = seller(current);
        if (r.train() != null && !r.train().isBlank() && !seller.sells(r.train().strip())) {
            // refused only when the leg's own network does not sell it: a number may name trains of two networks, and
            // the first network that sells it need not be this leg's (a train of none is refused by the exchange)
            SalesService runs = networks.ofTrain(r.train().strip());
            if (runs.sells(r.train().strip())) {
                throw new InvalidInput(
                        "train",
                        r.train().strip() + " runs on " + runs.network().code() + ": leg " + index + " is changed"
                                + " to another train of " + seller.network().code(),
                        "journey-leg-network");
            }
        }
        try {
            seller.changeLeg(current.id(), caller, agent, r, new LegOfJourney(j, index, r));
        } catch (Clash lost) {
            // the leg's own state refused it ("booking is CHANGED", "changed meanwhile"): if another change of this
            // journey won meanwhile, that is what the caller must hear, read again from the journey as it is now
            if ("status".equals(lost.field()) && movedSince(j)) {
                throw legChangedMeanwhile();
            }
            throw lost;
        }
        return find(journeyId, caller, agent);
    }

    /** Whether a leg of the journey is another booking now than when {@code seen} was read. */
    private boolean movedSince(Journey seen) {
        return load(seen.id())
                .map(now -> !now.first().id().equals(seen.first().id())
                        || !now.second().id().equals(seen.second().id()))
                .orElse(false);
    }

    private static Clash legChangedMeanwhile() {
        return new Clash("status", "a leg was changed meanwhile: look at the journey again", "journey-changed");
    }

    private static int legIndex(String leg) {
        if ("0".equals(leg) || "1".equals(leg)) {
            return Integer.parseInt(leg);
        }
        throw new InvalidInput("leg", "is 0 (the first leg) or 1 (the second)", "journey-leg-index");
    }

    /** A leg being changed: its connection with the other leg, and the journey row moved to it with the exchange. */
    private final class LegOfJourney implements Exchanges.Binding {
        private final Journey journey;
        private final int index;
        private final String field;

        LegOfJourney(Journey journey, int index, ChangeRequest r) {
            this.journey = journey;
            this.index = index;
            this.field = r.train() == null || r.train().isBlank() ? "date" : "train";
        }

        @Override
        public void check(SeatDesk.Checked replacement) {
            Booking other = journey.legs().get(1 - index);
            SalesService.Leg changed =
                    new SalesService.Leg(seller(journey.legs().get(index)), replacement, null);
            JourneyTimes kept = seller(other)
                    .times(other)
                    .orElseThrow(() -> new Clash(
                            field, other.train() + " no longer runs as booked: the journey cannot be connected"));
            Booking first = journey.first();
            Joins.Join join = joins.between(
                            Joins.Kind.PASSENGER,
                            first.network(),
                            journey.second().network())
                    .orElseThrow(() -> new Clash(field, "the networks no longer have a passenger join"));
            Instant arrives = index == 0 ? changed.arrives() : kept.arrival().toInstant();
            Instant departs = index == 0 ? kept.departure().toInstant() : changed.departs();
            String arriving = index == 0 ? replacement.plan().number() : other.train();
            String leaving = index == 0 ? other.train() : replacement.plan().number();
            Duration connection = Duration.between(arrives, departs);
            if (connection.compareTo(join.minimumConnection()) < 0) {
                throw new Clash(
                        field,
                        "the connection would be " + connection.toMinutes() + " min: " + arriving + " arrives at "
                                + join.point() + " " + local(arrives, first) + ", " + leaving + " leaves "
                                + join.otherPoint() + " " + local(departs, journey.second()) + ", and the "
                                + join.mode().toLowerCase(Locale.ROOT) + " transfer needs at least "
                                + join.minimumConnection().toMinutes() + " min",
                        "journey-connection");
            }
        }

        /** The time at a leg's join point, in that point's own zone (the zone its passengers read). */
        private String local(Instant t, Booking leg) {
            boolean first = leg == journey.first();
            String code = first ? leg.to() : leg.from();
            return seller(leg)
                    .network()
                    .point(code)
                    .map(p -> MINUTES.format(t.atZone(p.timeZone())))
                    .orElse(t.toString());
        }

        @Override
        public void commit(Handle h, Booking old, Booking replacement) {
            int updated = h.createUpdate("UPDATE journey_booking SET " + (index == 0 ? "first_leg" : "second_leg")
                            + " = :replacement WHERE id = :id AND first_leg = :first AND second_leg = :second")
                    .bind("replacement", UUID.fromString(replacement.id()))
                    .bind("id", UUID.fromString(journey.id()))
                    .bind("first", UUID.fromString(journey.first().id()))
                    .bind("second", UUID.fromString(journey.second().id()))
                    .execute();
            if (updated == 0) {
                throw new Clash(
                        "status", "the other leg was changed meanwhile: look at the journey again", "journey-changed");
            }
        }
    }

    // ---------------------------------------------------------------- cancel

    /**
     * Cancels both legs in one transaction under both runs' locks: a hold is released, a ticket refunded less the fee
     * its own operator's rules take for the time before its departure; the refunds are recorded with the cancellation
     * and then made.
     */
    public Journey cancel(String journeyId, String caller, boolean agent) {
        Journey seen = find(journeyId, caller, agent);
        SalesService sa = seller(seen.first());
        SalesService sb = seller(seen.second());
        RunSales a = sa.runOf(seen.first());
        RunSales b = sb.runOf(seen.second());
        Instant now = home().clock().instant();
        Payments payments = home().payments();
        List<String> refundKeys = new ArrayList<>();
        List<RunSales> locked = Exchanges.lockInOrder(a, b);
        try {
            Journey j = load(journeyId).orElseThrow();
            if (!j.first().id().equals(seen.first().id())
                    || !j.second().id().equals(seen.second().id())) {
                // a leg was changed meanwhile: the runs locked are not its runs now
                throw new Clash("status", "a leg was changed meanwhile: look at the journey again", "journey-changed");
            }
            List<Booking> live = j.legs().stream().filter(Booking::live).toList();
            if (live.isEmpty()) {
                j.first().status().requireMoveTo(BookingStatus.CANCELLED); // says why it cannot be
            }
            Map<String, RefundRules.Quote> quotes = new HashMap<>();
            for (Booking leg : live) {
                quotes.put(leg.id(), seller(leg).refundAt(leg, leg == j.first() ? a : b, now));
            }
            home().commits().commit(h -> {
                for (Booking leg : live) {
                    RefundRules.Quote q = quotes.get(leg.id());
                    cancelLeg(h, leg, q, now);
                    if (q.refund().minor() > 0) {
                        payments.recordRefund(
                                h,
                                PaymentPurpose.CANCELLATION,
                                "refund:" + leg.id(),
                                null,
                                j.id(),
                                leg.id(),
                                q.refund());
                    }
                }
            });
            for (Booking leg : live) {
                seller(leg).released(leg == j.first() ? a : b, leg, now);
                if (quotes.get(leg.id()).refund().minor() > 0) {
                    refundKeys.add("refund:" + leg.id());
                }
            }
        } finally {
            locked.forEach(run -> run.lock.unlock());
        }
        for (String key : refundKeys) {
            payments.byKey(key).filter(payments::begin).ifPresent(r -> {
                try {
                    payments.refund(r, "Lancang refund of journey " + seen.id());
                } finally {
                    payments.end(r);
                }
            });
        }
        return find(journeyId, caller, agent);
    }

    private static void cancelLeg(Handle h, Booking leg, RefundRules.Quote q, Instant now) {
        int updated = h.createUpdate("UPDATE booking SET status = 'CANCELLED', cancelled_at = :now, fee_minor = :f,"
                        + " refund_minor = :r WHERE id = :id AND status = :was")
                .bind("now", SalesRows.utc(now))
                .bind("f", q.fee().minor())
                .bind("r", q.refund().minor())
                .bind("id", UUID.fromString(leg.id()))
                .bind("was", leg.status().name())
                .execute();
        if (updated == 0) {
            throw new Clash("status", "booking changed meanwhile");
        }
    }

    // ---------------------------------------------------------------- lookups

    /** A journey its owner (or an agent) may see; others' journeys do not exist for a passenger. */
    public Journey find(String journeyId, String caller, boolean agent) {
        return load(journeyId)
                .filter(found -> agent || found.owner().equals(caller))
                .orElseThrow(() -> new NotFound("id", "no journey '" + journeyId + "'", "booking-unknown"));
    }

    /** A passenger's own journeys, newest first. */
    public List<Journey> journeysOf(String owner) {
        List<String> ids = home().jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT id FROM journey_booking WHERE owner = :o ORDER BY created_at DESC")
                                .bind("o", owner)
                                .mapTo(String.class)
                                .list());
        return ids.stream().map(this::load).flatMap(Optional::stream).toList();
    }

    private Optional<Journey> load(String journeyId) {
        Optional<Journey> j = read(journeyId);
        // the row and its legs are read one after the other: a leg change committed in between shows the replaced
        // leg, CHANGED, and the journey half-cancelled; read again, the row then names the new leg
        for (int again = 0; again < 3 && j.map(JourneyBookings::readTorn).orElse(false); again++) {
            j = read(journeyId);
        }
        return j;
    }

    private static boolean readTorn(Journey j) {
        return j.legs().stream().anyMatch(b -> b.status() == BookingStatus.CHANGED);
    }

    private Optional<Journey> read(String journeyId) {
        Optional<UUID> id = SalesLookups.parseId(journeyId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        record Row(String owner, String currency, OffsetDateTime created, String first, String second) {}
        return home().jdbi()
                .withHandle(h -> h.createQuery("SELECT * FROM journey_booking WHERE id = :id")
                        .bind("id", id.get())
                        .map((rs, ctx) -> new Row(
                                rs.getString("owner"),
                                rs.getString("currency"),
                                rs.getObject("created_at", OffsetDateTime.class),
                                rs.getString("first_leg"),
                                rs.getString("second_leg")))
                        .findOne()
                        .map(row -> {
                            Booking first = home().load(row.first()).orElseThrow();
                            Booking second = home().load(row.second()).orElseThrow();
                            List<Payment> payments = new ArrayList<>(Payments.of(h, id.get(), home().currencies()));
                            payments.addAll(earlierPayments(first));
                            payments.addAll(earlierPayments(second));
                            return new Journey(
                                    id.get().toString(),
                                    row.owner(),
                                    home().currencies().stored(row.currency()),
                                    row.created().toInstant(),
                                    first,
                                    second,
                                    payments);
                        }));
    }

    /**
     * The payments of the bookings a leg replaced, in the order they were made: a leg changed twice leaves the first change's
     * charge on a booking that is no longer a leg, and the journey must still show it.
     */
    private List<Payment> earlierPayments(Booking leg) {
        List<Payment> out = new ArrayList<>();
        String previous = leg.changedFrom();
        while (previous != null) {
            Optional<Booking> earlier = home().load(previous);
            if (earlier.isEmpty()) {
                break;
            }
            out.addAll(0, earlier.get().payments());
            previous = earlier.get().changedFrom();
        }
        return out;
    }

    private SalesService home() {
        return networks.home();
    }

    private SalesService seller(Booking leg) {
        return networks.of(leg);
    }

    /** Runs a leg's check, naming the leg in the fields it refuses (the passengers and currency are the journey's). */
    private static SalesService.Leg atLeg(int i, Supplier<SalesService.Leg> check) {
        try {
            return check.get();
        } catch (InvalidInput | Clash | NotFound e) {
            throw prefixed(i, e);
        }
    }

    private static RuntimeException prefixed(int i, RuntimeException e) {
        if (e instanceof InvalidInput invalid) {
            return new InvalidInput(invalid.errors().stream()
                    .map(f -> new FieldError(atLeg(i, f.field()), f.message(), f.code()))
                    .toList());
        }
        if (e instanceof Clash clash) {
            return new Clash(atLeg(i, clash.field()), clash.getMessage(), clash.code());
        }
        if (e instanceof NotFound missing) {
            return new InvalidInput(atLeg(i, missing.field()), missing.getMessage(), missing.code());
        }
        return e;
    }

    private static String atLeg(int i, String field) {
        return field == null || field.startsWith("passengers") || field.equals("currency")
                ? field
                : "legs[" + i + "]." + field;
    }
}
