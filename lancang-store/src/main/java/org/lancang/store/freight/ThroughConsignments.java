package org.lancang.store.freight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.freight.EquipmentKind;
import org.lancang.freight.Slot;
import org.lancang.freight.Tariffs;
import org.lancang.freight.ThroughQuote;
import org.lancang.freight.Transshipment;
import org.lancang.money.Currency;
import org.lancang.network.Network;
import org.lancang.store.freight.FreightRecords.RequestStatus;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.networks.ServedNetworks;
import org.lancang.store.operations.NetworkOperations;
import org.lancang.tracking.TerminalTimes;

/**
 * Freight from the home network to a point of another served network, through a transshipment yard that network's
 * folder gives ({@value Transshipment#FILE}, with its {@value Tariffs#FILE} and {@value Tariffs#RATES_FILE}): the
 * quote in two legs with the time at the yard, each section in its carrier's currency, the through total in every
 * currency either network's rates reach.
 */
public final class ThroughConsignments {
    /**
     * A booking that goes on beyond its yard: the booking (its own leg), the network and point beyond, and the quote
     * of the whole route for its boxes.
     */
    public record Through(
            FreightRecords.Booking booking,
            String network,
            String to,
            Instant createdAt,
            ThroughQuote quote,
            Onward onward) {}

    /**
     * The onward leg: the second network's train that takes the boxes on from the transshipment point, and the
     * booking of that network's wagons made for them ({@code bookingId}).
     *
     * @param earliest when the boxes can leave the transshipment point at the soonest: the first train's arrival at the
     *     yard, the yard's batches and the point's own time
     */
    public record Onward(
            String bookingId,
            String train,
            LocalDate serviceDate,
            String from,
            String to,
            Instant departure,
            Instant earliest) {}

    /** A network reached through a yard, with its tariffs and its terminals' times. */
    private record Beyond(ServedNetwork network, Tariffs tariffs, Transshipment yard, TerminalTimes terminals) {}

    private final FreightService home;
    private final NetworkFreight freight;
    private final NetworkOperations operations;
    private final ServedNetworks networks;
    private final List<Beyond> beyond = new ArrayList<>();

    public ThroughConsignments(NetworkFreight freight, ServedNetworks networks, NetworkOperations operations) {
        this.home = freight.home();
        this.freight = freight;
        this.operations = operations;
        this.networks = networks;
        String homeCode = networks.home().code();
        for (ServedNetwork n : networks.others()) {
            if (!n.files().has(Transshipment.FILE) || !n.files().has(Tariffs.FILE)) {
                continue;
            }
            Tariffs tariffs = Tariffs.parse(
                    n.network(),
                    home.data().tariffs().currencies(),
                    n.files().read(Tariffs.FILE),
                    n.files().read(Tariffs.RATES_FILE));
            TerminalTimes terminals = n.has(TerminalTimes.FILE)
                    ? TerminalTimes.parse(n.network(), n.files().read(TerminalTimes.FILE))
                    : TerminalTimes.none();
            for (Transshipment t : Transshipment.parse(n.files().read(Transshipment.FILE), n.network())) {
                if (t.otherNetwork().equals(homeCode)
                        && home.network().point(t.otherPoint()).isPresent()) {
                    beyond.add(new Beyond(n, tariffs, t, terminals));
                }
            }
        }
    }

    /** The currencies of a through total: every one the carriers charge in and the rates name, ordered by code. */
    public List<Currency> currencies() {
        List<Currency> out = new ArrayList<>(home.data().tariffs().quotedCurrencies());
        for (Beyond b : beyond) {
            b.tariffs().quotedCurrencies().stream()
                    .filter(c -> !out.contains(c))
                    .forEach(out::add);
        }
        return out.stream().sorted().toList();
    }

    /**
     * A through consignment starts on the home network: a request may name it in {@code network} or name none; an
     * unknown network is refused as everywhere ({@link ServedNetworks#chosen}), another served one as not home.
     */
    public void startsOnHome(String network) {
        if (!networks.named(network, "network").home()) {
            throw new InvalidInput(
                    "network",
                    "a through quote starts on the home network: give no network, or "
                            + networks.home().code());
        }
    }

    /** The quote from {@code from} on the home network to {@code to} on a network reached through a yard. */
    public ThroughQuote quote(String from, String to, List<Tariffs.Item> items) {
        if (home.network().point(from.strip().toUpperCase(Locale.ROOT)).isEmpty()) {
            throw new InvalidInput(
                    "from",
                    "'" + from + "' is not a point of " + networks.home().code());
        }
        Beyond b = reaching(to);
        return ThroughQuote.of(
                new ThroughQuote.Side(home.network(), home.data().tariffs()),
                new ThroughQuote.Side(b.network().network(), b.tariffs()),
                b.yard(),
                from.strip().toUpperCase(Locale.ROOT),
                to.strip().toUpperCase(Locale.ROOT),
                items,
                currencies());
    }

    /**
     * Sends a booking's boxes on from its yard to {@code to} on the network beyond: the booking must be the
     * shipper's, end at the yard and carry boxes only. Once per booking (the same destination again is answered as
     * it is).
     */
    public synchronized Through consign(String shipper, String bookingId, String to) {
        if (bookingId == null || bookingId.isBlank()) {
            throw new InvalidInput("bookingId", "is required");
        }
        if (to == null || to.isBlank()) {
            throw new InvalidInput("to", "is required");
        }
        FreightRecords.Booking b = home.booking(bookingId, shipper);
        Beyond beyond = reaching(to);
        if (!b.to().equals(beyond.yard().otherPoint())) {
            throw new InvalidInput(
                    "bookingId",
                    "booking " + bookingId + " ends at " + b.to() + ", not at the transshipment yard "
                            + beyond.yard().otherPoint() + " where the boxes change to "
                            + beyond.network().code());
        }
        b.units().stream().filter(u -> !u.kind().isBox()).findFirst().ifPresent(u -> {
            throw new InvalidInput(
                    "bookingId",
                    "booking " + bookingId + " carries " + u.kind() + " wagons: only boxes change trains at "
                            + beyond.yard().otherPoint() + " across the break of gauge");
        });
        ThroughQuote quote = quote(b, beyond, to);
        Optional<Through> existing = of(bookingId, shipper);
        if (existing.isPresent()) {
            return sameAsAsked(existing.get(), to);
        }
        Instant now = home.now();
        String point = beyond.network()
                .network()
                .point(to.strip().toUpperCase(Locale.ROOT))
                .orElseThrow()
                .code();
        int inserted = home.jdbi()
                .withHandle(h -> h.createUpdate("INSERT INTO freight_through (booking_id, onward_network,"
                                + " onward_to, created_at) VALUES (:b, :n, :to, :at)"
                                + " ON CONFLICT (booking_id) DO NOTHING")
                        .bind("b", bookingId)
                        .bind("n", beyond.network().code())
                        .bind("to", point)
                        .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .execute());
        if (inserted == 0) {
            // a request for the same booking came in between the look-up and the insert: its row stands
            return sameAsAsked(of(bookingId, shipper).orElseThrow(), to);
        }
        return new Through(b, beyond.network().code(), point, now, quote, null);
    }

    /** The booking's through consignment when it goes where this request asks; a clash naming the booking if not. */
    private static Through sameAsAsked(Through existing, String to) {
        if (!existing.to().equalsIgnoreCase(to)) {
            throw new Clash("bookingId", "booking " + existing.booking().id() + " already goes on to " + existing.to());
        }
        return existing;
    }

    /** The booking's through consignment, if it goes on beyond its yard (the shipper's own; null: any). */
    public Optional<Through> of(String bookingId, String shipper) {
        FreightRecords.Booking b = home.booking(bookingId, shipper);
        return home.jdbi()
                .withHandle(h -> h.createQuery("SELECT t.onward_to, t.created_at, t.onward_booking, o.train,"
                                + " o.service_date, o.from_point, o.to_point FROM freight_through t LEFT JOIN"
                                + " freight_booking o ON o.id = t.onward_booking WHERE t.booking_id = :b")
                        .bind("b", bookingId)
                        .map((rs, ctx) -> new Object[] {
                            rs.getString("onward_to"),
                            rs.getObject("created_at", OffsetDateTime.class),
                            rs.getString("onward_booking") == null
                                    ? null
                                    : new Onward(
                                            rs.getString("onward_booking"),
                                            rs.getString("train"),
                                            rs.getObject("service_date", LocalDate.class),
                                            rs.getString("from_point"),
                                            rs.getString("to_point"),
                                            null,
                                            null)
                        })
                        .findOne())
                .map(row -> {
                    String to = (String) row[0];
                    Beyond beyond = reaching(to);
                    return new Through(
                            b,
                            beyond.network().code(),
                            to,
                            ((OffsetDateTime) row[1]).toInstant(),
                            quote(b, beyond, to),
                            (Onward) row[2]);
                });
    }

    /**
     * Puts a through consignment's boxes on {@code train} of the network beyond on {@code date}: the train must be a
     * freight train of that network running that day (a catalogue slot's, or an ad-hoc path the shipper asked for
     * there and the freight office approved), leave from the transshipment point, and leave no sooner than the
     * boxes can be there (the first train's arrival at the yard, forecast if it has one, + the yard's batches + the
     * point's time in {@value TerminalTimes#FILE}); its wagons are booked from that network's pool at the point, one
     * per box a wagon carries, counted against the train's capacity (a clash naming {@code train} when it is full).
     * Once per consignment: the same train and date again answer as they are.
     *
     * @param shipper the shipper's name, or null for the freight office (any consignment)
     */
    public synchronized Through onward(String shipper, String bookingId, String train, LocalDate date) {
        Through t = of(bookingId, shipper)
                .orElseThrow(() -> new InvalidInput(
                        "bookingId",
                        "booking " + bookingId + " does not go on beyond its yard: send it on first (POST"
                                + " /api/freight/through/consignments)"));
        String number = train.strip().toUpperCase(Locale.ROOT);
        if (t.onward() != null) {
            if (t.onward().train().equals(number) && t.onward().serviceDate().equals(date)) {
                return t;
            }
            throw new Clash(
                    "train",
                    "booking " + bookingId + " already goes on with "
                            + t.onward().train() + " on " + t.onward().serviceDate());
        }
        Beyond beyond = reaching(t.to());
        FreightService there = freight.named(beyond.network().code(), "network");
        FreightRecords.Booking b = t.booking();
        String point = beyond.yard().point();
        Leaving leaving = leaving(there, beyond, b, number, train, date);
        if (!leaving.from().equals(point)) {
            throw new InvalidInput(
                    "train", number + " leaves from " + leaving.from() + ", not from the transshipment point " + point);
        }
        int boxes = b.units().size();
        Instant arrival = arrivalAtYard(b, beyond.yard().otherPoint());
        Duration yard = beyond.yard().time(boxes);
        Duration handover = beyond.terminals().release(point);
        Instant earliest = arrival.plus(yard).plus(handover);
        if (leaving.departure().isBefore(earliest)) {
            throw new InvalidInput(
                    "train",
                    number + " leaves " + point + " at " + leaving.departure() + ", before the boxes can be there: "
                            + b.train() + " arrives at " + beyond.yard().otherPoint() + " at " + arrival + ", the yard"
                            + " takes " + yard.toMinutes() + " min for " + boxes + " boxes, " + point + " "
                            + handover.toMinutes() + " min: the earliest is " + earliest);
        }
        int wagons = (boxes + beyond.yard().boxesPerWagon() - 1) / beyond.yard().boxesPerWagon();
        FreightRecords.Booking onward;
        try {
            onward = there.book(
                    b.shipper(),
                    leaving.slotId(),
                    leaving.requestId(),
                    date,
                    List.of(new FreightRecords.Equipment(EquipmentKind.FLAT, wagons)),
                    // the consignment is tied to its wagons in their booking's own transaction: both or neither
                    (h, onwardId) -> {
                        int tied = h.createUpdate("UPDATE freight_through SET onward_booking = :o,"
                                        + " onward_train = :t, onward_date = :d WHERE booking_id = :b"
                                        + " AND onward_booking IS NULL")
                                .bind("o", onwardId)
                                .bind("t", number)
                                .bind("d", date)
                                .bind("b", b.id())
                                .execute();
                        if (tied != 1) {
                            // another server put it on a train meanwhile: this booking of wagons is rolled back
                            throw new Clash("bookingId", "booking " + bookingId + " already has its onward train");
                        }
                    });
        } catch (Clash e) {
            if (!e.field().startsWith("equipment")) {
                throw e; // the slot's cut-off, or the consignment taken meanwhile
            }
            // the train's wagons or the point's pool are short: the train is full for these boxes
            throw new Clash("train", number + " on " + date + " cannot take " + wagons + " wagons: " + e.getMessage());
        }
        return new Through(
                b,
                t.network(),
                t.to(),
                t.createdAt(),
                t.quote(),
                new Onward(onward.id(), number, date, onward.from(), onward.to(), leaving.departure(), earliest));
    }

    /** The onward train as booked: a catalogue slot's, or a path of the shipper's approved on that network. */
    private record Leaving(String slotId, String requestId, String from, Instant departure) {}

    /**
     * The train {@code number} of the network beyond leaving on {@code date}: a slot of its catalogue that runs that day,
     * or else an ad-hoc path the consignment's shipper asked for there and the freight office approved (a freight train
     * Thanaleng → Bangkok, say, which no catalogue train is); 400 naming {@code train} or {@code date} otherwise.
     */
    private static Leaving leaving(
            FreightService there,
            Beyond beyond,
            FreightRecords.Booking b,
            String number,
            String asked,
            LocalDate date) {
        Optional<Slot> slot = there.data().slots().stream()
                .filter(s -> s.train().equalsIgnoreCase(number))
                .findFirst();
        if (slot.isPresent()) {
            FreightRecords.SlotOnDate s = there.slot(slot.get().id(), date);
            if (!s.runs()) {
                throw new InvalidInput("date", number + " does not run on " + date);
            }
            return new Leaving(slot.get().id(), null, s.from(), s.departureAt());
        }
        List<FreightRecords.Request> paths = there.requests(b.shipper()).stream()
                .filter(r -> r.status() == RequestStatus.APPROVED)
                .toList();
        FreightRecords.Request path = paths.stream()
                .filter(r -> number.equalsIgnoreCase(r.train()) && date.equals(r.serviceDate()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "train",
                        "'" + asked + "' is no freight train of "
                                + beyond.network().code() + " on " + date
                                + ": its freight trains are "
                                + there.data().slots().stream().map(Slot::train).toList()
                                + ", and the shipper's approved paths there "
                                + paths.stream()
                                        .map(r -> r.train() + " on " + r.serviceDate())
                                        .toList()));
        return new Leaving(null, path.id(), path.ask().from(), path.departure());
    }

    /** When the booking's train reaches the yard: its live forecast there, or its plan. */
    private Instant arrivalAtYard(FreightRecords.Booking b, String yard) {
        try {
            return operations.home().train(b.train(), b.serviceDate()).calls().stream()
                    .filter(c -> c.point().equals(yard))
                    .reduce((first, second) -> second)
                    .map(c -> c.forecastArrival() != null ? c.forecastArrival() : c.plannedArrival())
                    .orElseThrow(() -> new InvalidInput(
                            "bookingId", b.train() + " does not reach the yard " + yard + " on " + b.serviceDate()));
        } catch (NotFound e) {
            throw new InvalidInput("bookingId", b.train() + " does not run on " + b.serviceDate());
        }
    }

    /** A carrier's names in Chinese, Lao and English from whichever network runs it, or its code. */
    public String carrierName(String code) {
        for (ServedNetwork n : networks.all()) {
            Optional<String> name =
                    n.operators().byCode(code).map(o -> o.nameZh() + " · " + o.nameLo() + " · " + o.nameEn());
            if (name.isPresent()) {
                return name.get();
            }
        }
        return code;
    }

    /** The network a through consignment's destination lies on. */
    public Network networkOf(Through t) {
        return networks.require(t.network(), "network").network();
    }

    private ThroughQuote quote(FreightRecords.Booking b, Beyond beyond, String to) {
        return ThroughQuote.of(
                new ThroughQuote.Side(home.network(), home.data().tariffs()),
                new ThroughQuote.Side(beyond.network().network(), beyond.tariffs()),
                beyond.yard(),
                b.from(),
                to.strip().toUpperCase(Locale.ROOT),
                home.items(b),
                currencies());
    }

    private Beyond reaching(String to) {
        Optional<ServedNetwork> n = networks.ofPoint(to);
        if (n.isEmpty()) {
            throw new InvalidInput("to", "'" + to + "' is not a point of any network served");
        }
        if (n.get().home()) {
            throw new InvalidInput(
                    "to", "'" + to + "' is on " + n.get().code() + " itself: quote it with POST /api/freight/quote");
        }
        return beyond.stream()
                .filter(b -> b.network().code().equals(n.get().code()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "to",
                        "no transshipment joins " + n.get().code() + " to "
                                + networks.home().code()));
    }
}
