package org.lancang.store.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.customs.ReleaseState;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.operations.CallForecast;
import org.lancang.operations.RunningEvent;
import org.lancang.operations.TrainForecast;
import org.lancang.store.db.TransactionLock;
import org.lancang.store.operations.OperationsService;
import org.lancang.store.tracking.TrackingRecords.Consignment;
import org.lancang.store.tracking.TrackingRecords.DeadLetter;
import org.lancang.store.tracking.TrackingRecords.Due;
import org.lancang.store.tracking.TrackingRecords.OnwardLeg;
import org.lancang.store.tracking.TrackingRecords.Outcome;
import org.lancang.store.tracking.TrackingRecords.Recorded;
import org.lancang.store.tracking.TrackingRecords.Report;
import org.lancang.store.tracking.TrackingRecords.Retry;
import org.lancang.store.tracking.TrackingRecords.Subscription;
import org.lancang.store.tracking.TrackingRecords.Tracked;
import org.lancang.store.tracking.TrackingRecords.UnitPosition;
import org.lancang.store.tracking.TrackingRecords.Where;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.TrainPlan;
import org.lancang.tracking.BoxEvent;
import org.lancang.tracking.BoxEventType;
import org.lancang.tracking.BoxTimeline;
import org.lancang.tracking.TerminalTimes;
import org.lancang.tracking.TrainSteps;

/**
 * Freight tracking's application service. Every write of box events takes one transaction-scoped advisory lock, so
 * events are numbered ({@code seq}) in the order they commit and a reader that asks for "after seq N" misses none.
 * Each new event is put in the outbox of every matching webhook subscription in the same transaction: a committed
 * event is delivered, however the server stops, and an event not committed is never sent.
 */
public final class TrackingService {
    /** The change of a consignment's forecast arrival that is pushed as a new estimate (smaller ones are noise). */
    public static final Duration ESTIMATE_STEP = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A network whose trains' running events give the units their steps: its points and borders, the carriers that
     * run there, its terminals' times and its own live forecast.
     */
    private record Followed(
            Network network,
            Operators operators,
            OperationsService operations,
            TerminalTimes terminals,
            TrainSteps steps) {
        String code() {
            return network.code();
        }
    }

    private final Jdbi jdbi;
    private final Network network;
    private final TerminalTimes terminals;
    /** Home first, then every other network whose operations run (each through its own operations hook). */
    private final List<Followed> followed = new CopyOnWriteArrayList<>();

    private final Clock clock;
    /** Deliveries are timed on the real clock, whatever the simulated one says. */
    private final Clock realTime = Clock.systemUTC();

    private volatile Retry retry = new Retry(Duration.ofSeconds(1), Duration.ofMinutes(5));
    private volatile CallbackPolicy policy = new CallbackPolicy(Set.of());
    /** Tries after which an undelivered event is a dead letter: about a day of tries every 5 minutes. */
    private volatile int deadAfter = 300;

    private volatile Duration retention = Duration.ofDays(7);
    private volatile Duration cleanUpEvery = Duration.ofMinutes(10);
    private final List<Runnable> wakers = new CopyOnWriteArrayList<>();

    public TrackingService(
            Jdbi jdbi,
            OperationsService operations,
            Network network,
            Operators operators,
            TerminalTimes terminals,
            Clock clock) {
        this.jdbi = jdbi;
        this.network = network;
        this.terminals = terminals;
        this.clock = clock;
        follow(network, operators, operations, terminals);
    }

    /**
     * Follows another network's trains too: every batch of its running events gives the units on its trains their
     * steps, in that batch's own transaction (its operations' hook), with that network's borders and carriers.
     */
    public void follow(Network other, Operators operators, OperationsService operations, TerminalTimes times) {
        Followed f =
                new Followed(other, operators, operations, times, new TrainSteps(other, operations.timetable()::plan));
        followed.add(f);
        operations.onStore((h, events, now) -> fromTrains(f, h, events, now));
    }

    /** The home network. */
    public Network network() {
        return network;
    }

    /** The network followed that has this point (home's when none has it). */
    public Network networkOf(String point) {
        return followedAt(point).network();
    }

    /** The codes of the networks followed, home first. */
    public List<String> networks() {
        return followed.stream().map(Followed::code).toList();
    }

    private Followed followedAt(String point) {
        return followed.stream()
                .filter(f -> point != null && f.network().point(point).isPresent())
                .findFirst()
                .orElse(followed.get(0));
    }

    private Followed followedOf(String networkCode) {
        return followed.stream()
                .filter(f -> f.code().equals(networkCode))
                .findFirst()
                .orElse(followed.get(0));
    }

    public Instant now() {
        return clock.instant();
    }

    /** The retry policy of webhook deliveries (tests shorten it). */
    public void useRetry(Retry retry) {
        this.retry = retry;
    }

    public Retry retry() {
        return retry;
    }

    /** Hosts a webhook may be at although inside the network, and over http (a local receiver; see CallbackPolicy). */
    public void allowHosts(Set<String> hosts) {
        this.policy = new CallbackPolicy(hosts);
    }

    public CallbackPolicy policy() {
        return policy;
    }

    /** How many failed tries make an undelivered event a dead letter (kept, no longer tried, listed for admins). */
    public void deadAfter(int attempts) {
        this.deadAfter = attempts;
    }

    /** How long delivered outbox rows are kept (by the server's clock), and how often the clean-up runs. */
    public void keepDelivered(Duration retention, Duration every) {
        this.retention = retention;
        this.cleanUpEvery = every;
    }

    public Duration cleanUpEvery() {
        return cleanUpEvery;
    }

    /** Called after new events are committed (the webhook sender wakes up). */
    public void onNewEvents(Runnable waker) {
        wakers.add(waker);
    }

    // ---------------------------------------------------------------- reports

    private record Booked(
            String id, String shipper, String train, LocalDate date, String from, String to, String network) {}

    /**
     * Records a batch of reported steps, all or nothing: each must name a consignment the caller may report on (its
     * own, or any for the railway: {@code shipper} null), a unit of it, a step that is not derived from the train, a
     * known place and a time not after now nor before the unit's latest step. A step already recorded is acknowledged
     * as a duplicate and changes nothing.
     *
     * @param prefix the field prefix of report {@code i}, e.g. {@code events[3].} or {@code line 5: }
     */
    public Recorded report(List<Report> reports, String user, String shipper, IntFunction<String> prefix) {
        if (reports.isEmpty()) {
            throw new InvalidInput("events", "report at least one event");
        }
        Instant now = clock.instant();
        Validation v = new Validation();
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            String p = prefix.apply(i);
            v.check(r.bookingId() != null && !r.bookingId().isBlank(), p + "bookingId", "is required");
            v.check(r.unit() != null && !r.unit().isBlank(), p + "unit", "is required");
            v.check(r.type() != null, p + "type", "is required: one of " + List.of(BoxEventType.values()));
            v.check(r.at() != null, p + "at", "is required");
            if (r.type() != null && r.type().fromTrain()) {
                v.add(p + "type", r.type() + " comes from the train's running events, not from a report");
            }
            if (r.at() != null && r.at().isAfter(now.plusSeconds(60))) {
                v.add(p + "at", r.at() + " is in the future (now is " + now + ")");
            }
        }
        v.throwIfInvalid();
        Set<String> ids = new TreeSet<>();
        reports.forEach(r -> ids.add(r.bookingId().strip()));
        return jdbi.inTransaction(h -> {
            lock(h);
            Map<String, Booked> booked = booked(h, ids);
            Map<String, Set<String>> units = units(h, ids);
            Map<String, Instant> latest = latest(h, ids);
            List<BoxEvent> asked = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                Report r = reports.get(i);
                String p = prefix.apply(i);
                Booked b = booked.get(r.bookingId().strip());
                if (b == null || (shipper != null && !b.shipper().equals(shipper))) {
                    // another shipper's consignment is answered as one that does not exist
                    throw new InvalidInput(p + "bookingId", "no consignment '" + r.bookingId() + "'");
                }
                String unit = r.unit().strip().toUpperCase(Locale.ROOT);
                if (!units.getOrDefault(b.id(), Set.of()).contains(unit)) {
                    throw new InvalidInput(p + "unit", "no unit '" + r.unit() + "' in consignment " + b.id());
                }
                asked.add(new BoxEvent(b.id(), unit, r.type(), location(r, b, p), r.at(), b.train(), b.date()));
            }
            Set<UUID> stored = stored(h, asked);
            Set<UUID> known = new HashSet<>();
            List<BoxEvent> events = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                BoxEvent e = asked.get(i);
                UUID id = e.eventId();
                boolean duplicate = known.contains(id) || stored.contains(id);
                outcomes.add(new Outcome(id, duplicate));
                if (duplicate) {
                    continue;
                }
                String boxKey = e.bookingId() + "/" + e.unit();
                BoxTimeline.checkAfter(latest.get(boxKey), e, prefix.apply(i) + "at");
                latest.put(boxKey, e.at());
                known.add(id);
                events.add(e);
            }
            insert(h, events, Map.of(), user, now);
            return new Recorded(events.size(), reports.size() - events.size(), outcomes);
        });
    }

    private String location(Report r, Booked b, String p) {
        String given = r.location() == null || r.location().isBlank()
                ? null
                : r.location().strip().toUpperCase(Locale.ROOT);
        if (given == null) {
            return switch (r.type()) {
                case GATE_IN, LOADED -> b.from();
                case TRANSSHIPPED, DELIVERED, EMPTY_RETURNED -> b.to();
                default -> throw new InvalidInput(p + "location", "is required for " + r.type());
            };
        }
        return followedAt(given)
                .network()
                .point(given)
                .map(Point::code)
                .orElseThrow(
                        () -> new InvalidInput(p + "location", "'" + r.location() + "' is not a point of the line"));
    }

    /**
     * Records the transshipment of a through consignment's boxes at its yard, all or nothing: each box unloaded from
     * the first network's train at the yard ({@code TRANSSHIPPED} at the booking's end, at {@code unloadedAt}) and loaded
     * on the onward train at the other network's point ({@code LOADED} there, at {@code loadedAt}), each event naming
     * its network, carrier and the gauge. The consignment must go on beyond its yard with an onward train; a repeat is
     * acknowledged as duplicates.
     *
     * @param shipper the shipper's name, or null for the freight office (any consignment)
     */
    public Recorded transfer(String bookingId, String shipper, Instant unloadedAt, Instant loadedAt, String user) {
        Instant now = clock.instant();
        Validation v = new Validation();
        v.check(unloadedAt != null, "unloadedAt", "is required");
        v.check(loadedAt != null, "loadedAt", "is required");
        if (unloadedAt != null && unloadedAt.isAfter(now.plusSeconds(60))) {
            v.add("unloadedAt", unloadedAt + " is in the future (now is " + now + ")");
        }
        if (loadedAt != null && loadedAt.isAfter(now.plusSeconds(60))) {
            v.add("loadedAt", loadedAt + " is in the future (now is " + now + ")");
        }
        if (unloadedAt != null && loadedAt != null && loadedAt.isBefore(unloadedAt)) {
            v.add("loadedAt", "is before unloadedAt: a box is loaded on the onward train after it is unloaded");
        }
        Booked b = consignmentRow(bookingId, shipper);
        record Leg(String onwardBooking, String train, LocalDate date, String from, String network) {}
        Optional<Leg> leg = jdbi.withHandle(h -> h.createQuery("SELECT t.onward_booking, o.train, o.service_date,"
                        + " o.from_point, o.network FROM freight_through t LEFT JOIN freight_booking o"
                        + " ON o.id = t.onward_booking WHERE t.booking_id = :b")
                .bind("b", b.id())
                .map((rs, ctx) -> new Leg(
                        rs.getString("onward_booking"),
                        rs.getString("train"),
                        rs.getObject("service_date", LocalDate.class),
                        rs.getString("from_point"),
                        rs.getString("network")))
                .findOne());
        if (leg.isEmpty()) {
            throw new InvalidInput("bookingId", "consignment " + b.id() + " does not go on beyond its yard");
        }
        v.throwIfInvalid();
        if (leg.get().onwardBooking() == null) {
            throw new Clash(
                    "bookingId",
                    "consignment " + b.id() + " has no onward train yet: POST" + " /api/freight/through/consignments/"
                            + b.id() + "/onward first");
        }
        Leg l = leg.get();
        onwardCheck.check(b.id(), l.onwardBooking());
        String unloaded = "unloaded from " + gauge(followedOf(b.network()).network()) + " train " + b.train() + " of "
                + b.network() + " at the yard";
        String loaded =
                "loaded on " + gauge(followedOf(l.network()).network()) + " train " + l.train() + " of " + l.network();
        return jdbi.inTransaction(h -> {
            lock(h);
            Set<String> ids = Set.of(b.id());
            List<String> units = units(h, ids).getOrDefault(b.id(), Set.of()).stream()
                    .sorted()
                    .toList();
            Map<String, Instant> latest = latest(h, ids);
            List<BoxEvent> asked = new ArrayList<>();
            Map<UUID, String> details = new HashMap<>();
            for (String unit : units) {
                BoxEvent off =
                        new BoxEvent(b.id(), unit, BoxEventType.TRANSSHIPPED, b.to(), unloadedAt, b.train(), b.date());
                BoxEvent on = new BoxEvent(b.id(), unit, BoxEventType.LOADED, l.from(), loadedAt, l.train(), l.date());
                asked.add(off);
                asked.add(on);
                details.put(off.eventId(), unloaded);
                details.put(on.eventId(), loaded);
            }
            Set<UUID> stored = stored(h, asked);
            List<BoxEvent> events = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (BoxEvent e : asked) {
                boolean duplicate = stored.contains(e.eventId());
                outcomes.add(new Outcome(e.eventId(), duplicate));
                if (duplicate) {
                    continue;
                }
                String boxKey = e.bookingId() + "/" + e.unit();
                BoxTimeline.checkAfter(
                        latest.get(boxKey), e, e.type() == BoxEventType.LOADED ? "loadedAt" : "unloadedAt");
                latest.put(boxKey, e.at());
                events.add(e);
            }
            insert(h, events, BoxEvent::eventId, "ACT", Map.of(), e -> details.get(e.eventId()), user, now);
            return new Recorded(events.size(), asked.size() - events.size(), outcomes);
        });
    }

    /** A network's gauge in words, from its sections (a network is of one gauge). */
    private static String gauge(Network n) {
        return n.sections().isEmpty() ? "a" : "the " + n.sections().get(0).gaugeMm() + " mm gauge";
    }

    /** The booking of a consignment the caller may see, or 404 naming {@code bookingId}. */
    private Booked consignmentRow(String bookingId, String shipper) {
        String id = bookingId == null ? "" : bookingId.strip();
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT * FROM freight_booking WHERE id = :id" + " AND (:all OR shipper = :shipper)")
                        .bind("id", id)
                        .bind("all", shipper == null)
                        .bind("shipper", shipper == null ? "" : shipper)
                        .map((rs, ctx) -> booked(rs))
                        .findOne())
                .orElseThrow(() -> new NotFound("bookingId", "no consignment '" + bookingId + "'"));
    }

    /** Which of these events are stored already: one query for the batch, not a round trip per event. */
    private static Set<UUID> stored(Handle h, List<BoxEvent> events) {
        return new HashSet<>(h.createQuery("SELECT event_id FROM tracking_event WHERE event_id = ANY(:ids)")
                .bind("ids", events.stream().map(BoxEvent::eventId).toArray(UUID[]::new))
                .mapTo(UUID.class)
                .list());
    }

    /** What must hold before a through consignment's boxes go on (customs at every border it crosses). */
    @FunctionalInterface
    public interface OnwardCheck {
        /** Throws, naming what is missing, when the boxes of {@code bookingId} may not go on with {@code onward}. */
        void check(String bookingId, String onwardBookingId);
    }

    private volatile OnwardCheck onwardCheck = (booking, onward) -> {};

    /** Checked by every transfer before anything is written (the platform hands in customs at every border). */
    public void checkOnward(OnwardCheck check) {
        onwardCheck = check;
    }

    /**
     * Customs released or held these consignments at their control station: a CUSTOMS_RELEASE or CUSTOMS_HOLD step for
     * each of their units (a through consignment's onward leg: the first booking's boxes), in the caller's transaction
     * (the decision's own), so a decision is never committed without its steps. Other decisions are no step.
     */
    public void decided(Handle h, List<String> bookingIds, String controlPoint, ReleaseState state, Instant at) {
        BoxEventType type = switch (state) {
            case RELEASED -> BoxEventType.CUSTOMS_RELEASE;
            case HELD -> BoxEventType.CUSTOMS_HOLD;
            default -> null;
        };
        if (type == null) {
            return;
        }
        Set<String> ids = new TreeSet<>(bookingIds);
        lock(h);
        Map<String, Booked> booked = booked(h, ids);
        // the onward leg of a through consignment carries the first booking's boxes (its own are the wagons)
        Map<String, String> throughOf = new HashMap<>();
        h.createQuery("SELECT booking_id, onward_booking FROM freight_through WHERE onward_booking = ANY(:ids)")
                .bind("ids", ids.toArray(new String[0]))
                .map((rs, ctx) -> throughOf.put(rs.getString("onward_booking"), rs.getString("booking_id")))
                .list();
        Set<String> owners = new TreeSet<>(ids);
        owners.addAll(throughOf.values());
        Map<String, Set<String>> units = units(h, owners);
        List<BoxEvent> events = new ArrayList<>();
        for (String id : ids) {
            Booked b = booked.get(id);
            if (b == null) {
                continue; // not a freight booking this service tracks
            }
            String owner = throughOf.getOrDefault(id, id);
            for (String unit : new TreeSet<>(units.getOrDefault(owner, Set.of()))) {
                events.add(new BoxEvent(owner, unit, type, controlPoint, at, b.train(), b.date()));
            }
        }
        insert(h, events, Map.of(), "customs", at);
    }

    // ---------------------------------------------------------------- derived from the trains

    /**
     * The steps of every unit on the trains of {@code events} (of network {@code f}), stored in the events' own
     * transaction: the units of the network's own bookings on those trains, and the boxes of through consignments
     * whose onward leg is one of them (between the leg's points).
     */
    private void fromTrains(Followed f, Handle h, List<RunningEvent> events, Instant now) {
        Set<String> trains = new TreeSet<>();
        Set<LocalDate> dates = new TreeSet<>();
        events.forEach(e -> {
            trains.add(e.train());
            dates.add(e.serviceDate());
        });
        record Carried(Booked booking, String unit) {}
        List<Carried> carried = new ArrayList<>(h.createQuery("SELECT b.id, b.shipper, b.train, b.service_date,"
                        + " b.from_point, b.to_point, b.network, a.unit FROM freight_booking b JOIN freight_allocation a"
                        + " ON a.booking_id = b.id AND a.released_at IS NULL WHERE b.network = :network"
                        + " AND b.train = ANY(:t) AND b.service_date = ANY(:d) ORDER BY b.id, a.unit")
                .bind("network", f.code())
                .bind("t", trains.toArray(new String[0]))
                .bind("d", dates.toArray(new LocalDate[0]))
                .map((rs, ctx) -> new Carried(booked(rs), rs.getString("unit")))
                .list());
        // a through consignment's boxes ride the onward leg's train: the home booking's units, the leg's points
        carried.addAll(h.createQuery("SELECT b.id, b.shipper, o.train, o.service_date, o.from_point, o.to_point,"
                        + " o.network, a.unit FROM freight_through t JOIN freight_booking o ON o.id = t.onward_booking"
                        + " JOIN freight_booking b ON b.id = t.booking_id JOIN freight_allocation a"
                        + " ON a.booking_id = b.id AND a.released_at IS NULL WHERE o.network = :network"
                        + " AND o.train = ANY(:t) AND o.service_date = ANY(:d) ORDER BY b.id, a.unit")
                .bind("network", f.code())
                .bind("t", trains.toArray(new String[0]))
                .bind("d", dates.toArray(new LocalDate[0]))
                .map((rs, ctx) -> new Carried(booked(rs), rs.getString("unit")))
                .list());
        estimates(f, h, dates, now);
        if (carried.isEmpty()) {
            return;
        }
        Map<String, List<Carried>> byRun = new HashMap<>();
        carried.forEach(c -> byRun.computeIfAbsent(
                        c.booking().train() + "@" + c.booking().date(), k -> new ArrayList<>())
                .add(c));
        // each booking's stretch (a route, then its points and borders) is built once for the batch, not per event
        Map<Booked, TrainSteps.Stretch> stretches = new HashMap<>();
        List<BoxEvent> out = new ArrayList<>();
        Map<UUID, String> sources = new HashMap<>();
        for (RunningEvent e : events) {
            for (Carried c : byRun.getOrDefault(e.run(), List.of())) {
                TrainSteps.Stretch stretch = stretches.computeIfAbsent(
                        c.booking(), b -> f.steps().stretch(b.train(), b.date(), b.from(), b.to()));
                stretch.step(e).ifPresent(type -> {
                    BoxEvent b = new BoxEvent(
                            c.booking().id(), c.unit(), type, e.point(), e.at(), e.train(), e.serviceDate());
                    out.add(b);
                    sources.put(b.eventId(), "train " + e.key());
                });
            }
        }
        if (!out.isEmpty()) {
            lock(h);
            insert(
                    h,
                    out,
                    BoxEvent::eventId,
                    "ACT",
                    sources,
                    e -> "train " + e.train() + " of " + f.code(),
                    "operations",
                    now);
        }
    }

    /**
     * An EST arrival for every consignment of these days whose train's forecast arrival at the destination moved by
     * {@link #ESTIMATE_STEP} or more from the last estimate sent (or from the plan, before the first): the forecast
     * is already up to date when the running events' transaction runs, and a knock-on delay (a train waiting for a
     * late one) moves the estimate as well. The id names consignment, estimate and the previous estimate, so the same
     * state gives the same event and a repeat is nothing new.
     */
    private void estimates(Followed f, Handle h, Set<LocalDate> dates, Instant now) {
        record Last(long seq, Instant at) {}
        /** A consignment's train to estimate at {@code to}; {@code onward} for a through consignment's onward leg. */
        record Estimated(Booked b, String to, boolean onward) {}
        // each network's bookings are estimated from that network's forecast, when its own events come in
        List<Estimated> bookings = new ArrayList<>();
        h.createQuery("SELECT b.* FROM freight_booking b WHERE b.service_date = ANY(:d)"
                        + " AND b.network = :network AND EXISTS (SELECT 1 FROM freight_allocation a WHERE"
                        + " a.booking_id = b.id AND a.released_at IS NULL) ORDER BY b.id")
                .bind("d", dates.toArray(new LocalDate[0]))
                .bind("network", f.code())
                .map((rs, ctx) -> booked(rs))
                .forEach(b -> bookings.add(new Estimated(b, b.to(), false)));
        // a through consignment's onward leg on this network: its train's arrival where it leaves the boxes
        h.createQuery("SELECT b.id, b.shipper, o.train, o.service_date, o.from_point, o.to_point, o.network,"
                        + " t.onward_to FROM freight_through t JOIN freight_booking o ON o.id = t.onward_booking"
                        + " JOIN freight_booking b ON b.id = t.booking_id WHERE o.network = :network"
                        + " AND o.service_date = ANY(:d) ORDER BY b.id")
                .bind("d", dates.toArray(new LocalDate[0]))
                .bind("network", f.code())
                .map((rs, ctx) -> Map.entry(booked(rs), rs.getString("onward_to")))
                .forEach(e -> bookings.add(new Estimated(e.getKey(), legEnd(f, e.getKey(), e.getValue()), true)));
        if (bookings.isEmpty()) {
            return;
        }
        // the last estimate of each consignment at each place: the onward leg's is not the first train's
        Map<String, Last> last = new HashMap<>();
        h.createQuery("SELECT DISTINCT ON (booking_id, location) booking_id, location, seq, at FROM tracking_event"
                        + " WHERE classifier = 'EST' AND booking_id = ANY(:ids)"
                        + " ORDER BY booking_id, location, seq DESC")
                .bind("ids", bookings.stream().map(e -> e.b().id()).toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(
                        rs.getString("booking_id") + "/" + rs.getString("location"),
                        new Last(rs.getLong("seq"), instant(rs, "at"))))
                .forEach(e -> last.put(e.getKey(), e.getValue()));
        List<BoxEvent> out = new ArrayList<>();
        Map<BoxEvent, UUID> ids = new HashMap<>();
        for (Estimated est : bookings) {
            Booked b = est.b();
            Optional<CallForecast> to = forecast(f, b.train(), b.date())
                    .flatMap(t -> t.calls().stream()
                            .filter(c -> c.point().equalsIgnoreCase(est.to()))
                            .reduce((first, second) -> second));
            if (to.isEmpty() || to.get().forecastArrival() == null) {
                continue;
            }
            Last previous = last.get(b.id() + "/" + est.to());
            Instant since = previous != null ? previous.at() : to.get().plannedArrival();
            Instant estimate = to.get().forecastArrival();
            if (since != null && Duration.between(since, estimate).abs().compareTo(ESTIMATE_STEP) < 0) {
                continue;
            }
            BoxEvent e = new BoxEvent(b.id(), "", BoxEventType.ARRIVED, est.to(), estimate, b.train(), b.date());
            out.add(e);
            ids.put(
                    e,
                    UUID.nameUUIDFromBytes(("lancang-tracking-est:" + b.id() + "/" + estimate + "/"
                                    + (previous == null ? 0 : previous.seq()) + (est.onward() ? "/" + est.to() : ""))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        if (!out.isEmpty()) {
            lock(h);
            insert(h, out, ids::get, "EST", Map.of(), e -> "forecast of train " + e.train(), "forecast", now);
        }
    }

    /** Where an onward leg's train leaves the boxes: the through destination if it calls there, else its leg's end. */
    private static String legEnd(Followed f, Booked leg, String destination) {
        return forecast(f, leg.train(), leg.date())
                .filter(t -> {
                    boolean from = false;
                    for (CallForecast c : t.calls()) {
                        from |= c.point().equals(leg.from());
                        if (from && c.point().equals(destination)) {
                            return true;
                        }
                    }
                    return false;
                })
                .map(t -> destination)
                .orElse(leg.to());
    }

    // ---------------------------------------------------------------- writing

    private static void lock(Handle h) {
        TransactionLock.take(h, TransactionLock.TRACKING_EVENTS);
    }

    /** The events (new ones; a repeat is skipped) and their outbox rows, in the caller's transaction. */
    private void insert(Handle h, List<BoxEvent> events, Map<UUID, String> sources, String user, Instant now) {
        insert(h, events, BoxEvent::eventId, "ACT", sources, e -> null, user, now);
    }

    /**
     * Each event with where it happened: the network of its point, the carrier there, the point's zone, and {@code
     * detail} in words.
     */
    private void insert(
            Handle h,
            List<BoxEvent> events,
            Function<BoxEvent, UUID> identity,
            String classifier,
            Map<UUID, String> sources,
            Function<BoxEvent, String> detail,
            String user,
            Instant now) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] bookings = new String[n];
        String[] units = new String[n];
        String[] types = new String[n];
        String[] locations = new String[n];
        OffsetDateTime[] ats = new OffsetDateTime[n];
        String[] trains = new String[n];
        LocalDate[] dates = new LocalDate[n];
        String[] srcs = new String[n];
        String[] networks = new String[n];
        String[] carriers = new String[n];
        String[] zones = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            BoxEvent e = events.get(i);
            Where w = where(e, detail.apply(e));
            networks[i] = w.network();
            carriers[i] = w.carrier();
            zones[i] = w.zone();
            details[i] = w.detail();
            ids[i] = identity.apply(e);
            bookings[i] = e.bookingId();
            units[i] = e.unit();
            types[i] = e.type().name();
            locations[i] = e.location();
            ats[i] = utc(e.at());
            trains[i] = e.train();
            dates[i] = e.serviceDate();
            srcs[i] = sources.getOrDefault(ids[i], user);
        }
        List<Long> seqs = h.createQuery("INSERT INTO tracking_event (event_id, booking_id, shipper, unit, type,"
                        + " location, at, train, service_date, source, recorded_by, recorded_at, classifier,"
                        + " network, carrier, zone, detail)"
                        + " SELECT x.i, x.b, fb.shipper, x.u, x.ty, x.l, x.a, x.t, x.d, x.s, :user, :now, :c,"
                        + " x.n, x.ca, x.z, x.de"
                        + " FROM unnest(:i::uuid[], :b::text[], :u::text[], :ty::text[], :l::text[],"
                        + " :a::timestamptz[], :t::text[], :d::date[], :s::text[], :n::text[], :ca::text[],"
                        + " :z::text[], :de::text[]) WITH ORDINALITY"
                        + " AS x(i, b, u, ty, l, a, t, d, s, n, ca, z, de, o)"
                        + " JOIN freight_booking fb ON fb.id = x.b ORDER BY x.o"
                        + " ON CONFLICT (event_id) DO NOTHING RETURNING seq")
                .bind("i", ids)
                .bind("b", bookings)
                .bind("u", units)
                .bind("ty", types)
                .bind("l", locations)
                .bind("a", ats)
                .bind("t", trains)
                .bind("d", dates)
                .bind("s", srcs)
                .bind("n", networks)
                .bind("ca", carriers)
                .bind("z", zones)
                .bind("de", details)
                .bind("user", user)
                .bind("now", utc(now))
                .bind("c", classifier)
                .mapTo(Long.class)
                .list();
        if (!seqs.isEmpty()) {
            h.createUpdate("INSERT INTO tracking_delivery (subscription_id, seq, next_attempt_at)"
                            + " SELECT s.id, e.seq, :due FROM tracking_event e JOIN tracking_subscription s"
                            + " ON s.cancelled_at IS NULL AND (s.every_consignment OR s.owner = e.shipper)"
                            + " AND (s.booking_id IS NULL OR s.booking_id = e.booking_id)"
                            + " WHERE e.seq = ANY(:seqs)")
                    .bind("due", utc(realTime.instant()))
                    .bind("seqs", seqs.toArray(new Long[0]))
                    .execute();
            wakers.forEach(Runnable::run);
        }
    }

    /**
     * Where an event happened: the network that has its point, the carrier there (the operator that runs the trains in
     * the point's country, or the train's own where the point is shared, as on a border), the point's zone.
     */
    private Where where(BoxEvent e, String detail) {
        Followed f = followedAt(e.location());
        Optional<Point> p = f.network().point(e.location());
        Optional<Operator> carrier = p.flatMap(q -> f.operators().chargingIn(q.country()));
        if (carrier.isEmpty() && e.train() != null) {
            carrier = f.operations().timetable().plan(e.train()).map(TrainPlan::operator);
        }
        return new Where(
                f.code(),
                carrier.map(Operator::code).orElse(null),
                p.map(q -> q.timeZone().getId()).orElse(null),
                detail);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Events after {@code afterSeq} in the order they were stored, at most {@code limit}: a shipper's own (or every
     * one for the railway, {@code shipper} null), of one consignment and one unit if given.
     */
    public List<Tracked> events(String shipper, String bookingId, String unit, long afterSeq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM tracking_event WHERE seq > :after"
                        + " AND (:all OR shipper = :shipper) AND (:b = '' OR booking_id = :b)"
                        + " AND (:u = '' OR unit = :u) ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq)
                .bind("all", shipper == null)
                .bind("shipper", shipper == null ? "" : shipper)
                .bind("b", bookingId == null ? "" : bookingId)
                .bind("u", unit == null ? "" : unit.toUpperCase(Locale.ROOT))
                .bind("limit", limit)
                .map((rs, ctx) -> tracked(rs))
                .list());
    }

    /** The consignment, if the caller may see it (its shipper, or the railway: {@code shipper} null). */
    public Consignment consignment(String bookingId, String shipper) {
        return consignments(shipper, bookingId).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("bookingId", "no consignment '" + bookingId + "'"));
    }

    /** A shipper's consignments (every one for the railway), with their ETA and each unit's latest step. */
    public List<Consignment> consignments(String shipper) {
        return consignments(shipper, null);
    }

    private List<Consignment> consignments(String shipper, String only) {
        record Row(Booked b, String number, String throughNetwork, String throughTo, Booked onward) {}
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT b.*, n.consignment_number, t.onward_network,"
                        + " t.onward_to, o.id AS o_id, o.train AS o_train, o.service_date AS o_date,"
                        + " o.from_point AS o_from, o.to_point AS o_to FROM freight_booking b"
                        + " LEFT JOIN freight_note n ON n.booking_id = b.id"
                        + " LEFT JOIN freight_through t ON t.booking_id = b.id"
                        + " LEFT JOIN freight_booking o ON o.id = t.onward_booking WHERE (:all OR b.shipper = :shipper)"
                        + " AND (:only = '' OR b.id = :only) AND b.network = ANY(:networks)"
                        + " ORDER BY b.service_date DESC, b.created_at DESC, b.id")
                .bind("networks", networks().toArray(new String[0]))
                .bind("all", shipper == null)
                .bind("shipper", shipper == null ? "" : shipper)
                .bind("only", only == null ? "" : only)
                .map((rs, ctx) -> new Row(
                        booked(rs),
                        rs.getString("consignment_number"),
                        rs.getString("onward_network"),
                        rs.getString("onward_to"),
                        rs.getString("o_id") == null
                                ? null
                                : new Booked(
                                        rs.getString("o_id"),
                                        rs.getString("shipper"),
                                        rs.getString("o_train"),
                                        rs.getObject("o_date", LocalDate.class),
                                        rs.getString("o_from"),
                                        rs.getString("o_to"),
                                        rs.getString("onward_network"))))
                .list());
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(r -> r.b().id()).toArray(String[]::new);
        Map<String, List<UnitPosition>> positions = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT a.booking_id, a.unit, a.kind, e.type, e.location, e.at"
                        + " FROM freight_allocation a LEFT JOIN LATERAL (SELECT type, location, at FROM tracking_event t"
                        + " WHERE t.booking_id = a.booking_id AND t.unit = a.unit ORDER BY t.at DESC, t.seq DESC"
                        + " LIMIT 1) e ON true WHERE a.booking_id = ANY(:ids) ORDER BY a.booking_id, a.unit")
                .bind("ids", ids)
                .map((rs, ctx) -> Map.entry(
                        rs.getString("booking_id"),
                        new UnitPosition(
                                rs.getString("unit"),
                                rs.getString("kind"),
                                rs.getString("type") == null ? null : BoxEventType.valueOf(rs.getString("type")),
                                rs.getString("location"),
                                instant(rs, "at"))))
                .forEach(e -> positions
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue())));
        List<Consignment> out = new ArrayList<>();
        for (Row r : rows) {
            Booked b = r.b();
            CallForecast from = null;
            CallForecast to = null;
            Followed on = followedOf(b.network());
            Optional<TrainForecast> f = forecast(on, b.train(), b.date());
            if (f.isPresent()) {
                for (CallForecast c : f.get().calls()) {
                    if (c.point().equalsIgnoreCase(b.from()) && from == null) {
                        from = c;
                    }
                    if (c.point().equalsIgnoreCase(b.to())) {
                        to = c;
                    }
                }
            }
            ZoneId zone = on.network().point(b.to()).map(Point::timeZone).orElse(ZoneOffset.UTC);
            out.add(new Consignment(
                    b.id(),
                    b.network(),
                    r.number(),
                    b.shipper(),
                    b.train(),
                    b.date(),
                    b.from(),
                    b.to(),
                    zone,
                    from == null ? null : from.plannedDeparture(),
                    to == null ? null : to.plannedArrival(),
                    to == null ? null : to.forecastArrival(),
                    to == null ? 0 : to.arrivalDelaySeconds(),
                    to == null ? null : on.terminals().eta(b.to(), to.plannedArrival()),
                    to == null ? null : on.terminals().eta(b.to(), to.forecastArrival()),
                    positions.getOrDefault(b.id(), List.of()),
                    r.throughNetwork() == null ? null : onward(r.throughNetwork(), r.throughTo(), r.onward())));
        }
        return out;
    }

    /** The onward leg of a through consignment, from its train's forecast on its own network. */
    private OnwardLeg onward(String networkCode, String to, Booked leg) {
        if (leg == null) {
            return new OnwardLeg(
                    networkCode, to, null, null, null, null, null, false, null, null, null, null, null, null, null);
        }
        Followed on = followedOf(leg.network());
        CallForecast dep = null;
        CallForecast arr = null;
        Optional<TrainForecast> f = forecast(on, leg.train(), leg.date());
        boolean reaches = false;
        if (f.isPresent()) {
            for (CallForecast c : f.get().calls()) {
                if (c.point().equals(leg.from()) && dep == null) {
                    dep = c;
                }
                if (dep != null && c.point().equals(to)) {
                    arr = c;
                    reaches = true;
                }
            }
            if (arr == null) {
                // the train ends short of the destination: the leg ends where it leaves the boxes
                arr = f.get().calls().stream()
                        .filter(c -> c.point().equals(leg.to()))
                        .reduce((first, second) -> second)
                        .orElse(null);
            }
        }
        String end = arr == null ? leg.to() : arr.point();
        return new OnwardLeg(
                networkCode,
                to,
                leg.id(),
                leg.train(),
                leg.date(),
                leg.from(),
                end,
                reaches,
                on.network().point(leg.from()).map(Point::timeZone).orElse(null),
                on.network().point(end).map(Point::timeZone).orElse(null),
                dep == null ? null : dep.plannedDeparture(),
                dep == null ? null : dep.forecastDeparture(),
                arr == null ? null : arr.plannedArrival(),
                arr == null ? null : arr.forecastArrival(),
                arr == null ? null : on.terminals().eta(end, arr.forecastArrival()));
    }

    private static Optional<TrainForecast> forecast(Followed f, String train, LocalDate date) {
        try {
            return Optional.of(f.operations().train(train, date));
        } catch (NotFound e) {
            return Optional.empty(); // the train does not run that day (any more): no forecast, no ETA
        }
    }

    public TerminalTimes terminals() {
        return terminals;
    }

    // ---------------------------------------------------------------- subscriptions and the outbox

    /**
     * A webhook subscription of {@code owner}: to its own consignments (one, if {@code bookingId} is given), or to
     * every consignment for the railway ({@code every}). The URL must be an absolute http(s) URL without user
     * information or fragment. The secret that signs each delivery is made here and shown in the answer.
     */
    public Subscription subscribe(String owner, boolean every, String callbackUrl, String bookingId) {
        return subscribe(owner, every, callbackUrl, "callbackUrl", bookingId);
    }

    /**
     * As above, errors about the URL naming {@code field}. The URL must also pass the {@link CallbackPolicy}: https to
     * a host outside the network, unless the administrator allows the host.
     */
    public Subscription subscribe(String owner, boolean every, String callbackUrl, String field, String bookingId) {
        URI uri = callback(callbackUrl, field);
        policy.refusal(uri, false).ifPresent(why -> {
            throw new InvalidInput(field, "'" + callbackUrl + "' is refused: " + why);
        });
        if (bookingId != null && !bookingId.isBlank()) {
            consignment(bookingId.strip(), every ? null : owner); // refused (404) when not the owner's
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO tracking_subscription (id, owner, every_consignment,"
                        + " booking_id, callback_url, secret, created_at) VALUES (:id, :o, :e, :b, :u, :s, :now)")
                .bind("id", id)
                .bind("o", owner)
                .bind("e", every)
                .bind("b", bookingId == null || bookingId.isBlank() ? null : bookingId.strip())
                .bind("u", uri.toString())
                .bind("s", secret)
                .bind("now", utc(now))
                .execute());
        return subscriptions(owner, id).get(0);
    }

    static URI callback(String url, String field) {
        if (url == null || url.isBlank()) {
            throw new InvalidInput(field, "is required (an absolute http or https URL)");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidInput(field, "'" + url + "' is not an http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidInput(field, "'" + url + "' names no host");
            }
            if (uri.getUserInfo() != null || uri.getFragment() != null) {
                throw new InvalidInput(field, "'" + url + "' may carry no user information and no fragment");
            }
            if (url.length() > 2000) {
                throw new InvalidInput(field, "is longer than 2,000 characters");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInput(field, "'" + url + "' is not a URL: " + e.getReason());
        }
    }

    /** The owner's subscriptions (every one for {@code owner} null), with what is delivered and pending. */
    public List<Subscription> subscriptions(String owner) {
        return subscriptions(owner, null);
    }

    private List<Subscription> subscriptions(String owner, UUID only) {
        return jdbi.withHandle(h -> h.createQuery("SELECT s.*,"
                        + " (SELECT count(*) FROM tracking_delivery d WHERE d.subscription_id = s.id"
                        + " AND d.delivered_at IS NULL) AS pending,"
                        + " (SELECT count(*) FROM tracking_delivery d WHERE d.subscription_id = s.id"
                        + " AND d.delivered_at IS NOT NULL) AS delivered,"
                        + " (SELECT d.last_error FROM tracking_delivery d WHERE d.subscription_id = s.id"
                        + " AND d.last_error IS NOT NULL ORDER BY d.last_attempt_at DESC NULLS LAST LIMIT 1) AS last_error"
                        + " FROM tracking_subscription s WHERE (:all OR s.owner = :o) AND (:any OR s.id = :one)"
                        + " ORDER BY s.created_at, s.id")
                .bind("all", owner == null)
                .bind("o", owner == null ? "" : owner)
                .bind("any", only == null)
                .bind("one", only == null ? new UUID(0, 0) : only)
                .map((rs, ctx) -> new Subscription(
                        rs.getObject("id", UUID.class),
                        rs.getString("owner"),
                        rs.getBoolean("every_consignment"),
                        rs.getString("booking_id"),
                        rs.getString("callback_url"),
                        only != null ? rs.getString("secret") : null,
                        instant(rs, "created_at"),
                        instant(rs, "cancelled_at"),
                        rs.getLong("pending"),
                        rs.getLong("delivered"),
                        rs.getString("last_error")))
                .list());
    }

    /** Cancels a subscription of the owner's (any, for {@code owner} null); what is pending is not sent. */
    public void cancel(UUID id, String owner) {
        int n = jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE tracking_subscription SET cancelled_at = :now WHERE id = :id"
                            + " AND (:all OR owner = :o) AND cancelled_at IS NULL")
                    .bind("now", utc(clock.instant()))
                    .bind("id", id)
                    .bind("all", owner == null)
                    .bind("o", owner == null ? "" : owner)
                    .execute();
            h.createUpdate("DELETE FROM tracking_delivery WHERE subscription_id = :id AND delivered_at IS NULL")
                    .bind("id", id)
                    .execute();
            return changed;
        });
        if (n == 0) {
            throw new NotFound("id", "no active subscription " + id);
        }
    }

    /**
     * What is due for delivery now, per subscription, oldest first: at most {@code perSubscription} events each, from
     * at most {@code subscriptions} subscriptions.
     */
    public List<Due> due(int subscriptions, int perSubscription) {
        OffsetDateTime now = utc(realTime.instant());
        return jdbi.withHandle(h -> {
            record Sub(UUID id, String url, String secret) {}
            List<Sub> subs = h.createQuery("SELECT s.id, s.callback_url, s.secret FROM tracking_subscription s"
                            + " WHERE s.cancelled_at IS NULL AND EXISTS (SELECT 1 FROM tracking_delivery d"
                            + " WHERE d.subscription_id = s.id AND d.delivered_at IS NULL AND d.dead_at IS NULL"
                            + " AND d.next_attempt_at <= :now)"
                            + " ORDER BY s.created_at LIMIT :n")
                    .bind("now", now)
                    .bind("n", subscriptions)
                    .map((rs, ctx) -> new Sub(
                            rs.getObject("id", UUID.class), rs.getString("callback_url"), rs.getString("secret")))
                    .list();
            List<Due> out = new ArrayList<>();
            for (Sub s : subs) {
                int[] attempts = {0};
                List<Tracked> events = h.createQuery("SELECT e.*, d.attempts FROM tracking_delivery d JOIN"
                                + " tracking_event e ON e.seq = d.seq WHERE d.subscription_id = :s"
                                + " AND d.delivered_at IS NULL AND d.dead_at IS NULL AND d.next_attempt_at <= :now"
                                + " ORDER BY d.seq LIMIT :n")
                        .bind("s", s.id())
                        .bind("now", now)
                        .bind("n", perSubscription)
                        .map((rs, ctx) -> {
                            attempts[0] = Math.max(attempts[0], rs.getInt("attempts"));
                            return tracked(rs);
                        })
                        .list();
                if (!events.isEmpty()) {
                    out.add(new Due(s.id(), s.url(), s.secret(), attempts[0], events));
                }
            }
            return out;
        });
    }

    /**
     * The receiver acknowledged these events (a 2xx answer). The delivery is dated by the server's clock, as the
     * retention that cleans it up is counted (the tries by the real one).
     */
    public void delivered(UUID subscription, List<Long> seqs) {
        Instant now = realTime.instant();
        jdbi.useTransaction(h -> h.createUpdate("UPDATE tracking_delivery SET delivered_at = :done,"
                        + " last_attempt_at = :now, attempts = attempts + 1 WHERE subscription_id = :s"
                        + " AND seq = ANY(:seqs) AND delivered_at IS NULL")
                .bind("now", utc(now))
                .bind("done", utc(clock.instant()))
                .bind("s", subscription)
                .bind("seqs", seqs.toArray(new Long[0]))
                .execute());
    }

    /** A try failed: each event is tried again after the retry policy's wait for its number of tries. */
    public void failed(UUID subscription, List<Long> seqs, String error) {
        Instant now = realTime.instant();
        Retry r = retry;
        jdbi.useTransaction(h -> h.createUpdate("UPDATE tracking_delivery SET attempts = attempts + 1,"
                        + " last_attempt_at = :now, last_error = :err,"
                        + " dead_at = CASE WHEN attempts + 1 >= :dead THEN :now END,"
                        + " next_attempt_at = :now + make_interval(secs => least(:cap,"
                        + " :first * power(2, least(attempts, 30)))) WHERE subscription_id = :s AND seq = ANY(:seqs)"
                        + " AND delivered_at IS NULL")
                .bind("now", utc(now))
                .bind("err", error.length() > 500 ? error.substring(0, 500) : error)
                .bind("dead", deadAfter)
                .bind("cap", r.cap().toMillis() / 1000.0)
                .bind("first", r.first().toMillis() / 1000.0)
                .bind("s", subscription)
                .bind("seqs", seqs.toArray(new Long[0]))
                .execute());
    }

    /**
     * The address of a subscription is refused at delivery (it resolves inside the network now): nothing was sent; the
     * try counts as failed with the reason, so it is retried (the name may resolve elsewhere again) until it is dead.
     */
    public void refused(UUID subscription, List<Long> seqs, String reason) {
        failed(subscription, seqs, "refused: " + reason);
    }

    /**
     * Deletes the delivered outbox rows older than the retention by the server's clock (the events stay in
     * tracking_event; only the record of their sending goes). Dead letters and pending rows are kept.
     */
    public int cleanUp() {
        OffsetDateTime limit = utc(clock.instant().minus(retention));
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM tracking_delivery WHERE delivered_at IS NOT NULL" + " AND delivered_at < :limit")
                .bind("limit", limit)
                .execute());
    }

    /** Events given up after the retry limit, newest first (at most {@code limit}), over every subscription. */
    public List<DeadLetter> deadLetters(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT d.*, s.owner, s.callback_url, e.event_id FROM"
                        + " tracking_delivery d JOIN tracking_subscription s ON s.id = d.subscription_id"
                        + " JOIN tracking_event e ON e.seq = d.seq WHERE d.dead_at IS NOT NULL"
                        + " ORDER BY d.dead_at DESC, d.seq DESC LIMIT :n")
                .bind("n", limit)
                .map((rs, ctx) -> new DeadLetter(
                        rs.getObject("subscription_id", UUID.class),
                        rs.getString("owner"),
                        rs.getString("callback_url"),
                        rs.getLong("seq"),
                        rs.getObject("event_id", UUID.class),
                        rs.getInt("attempts"),
                        instant(rs, "last_attempt_at"),
                        rs.getString("last_error"),
                        instant(rs, "dead_at")))
                .list());
    }

    /** Deliveries not yet acknowledged, over every subscription. */
    public long pendingDeliveries() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tracking_delivery WHERE delivered_at IS NULL")
                .mapTo(Long.class)
                .one());
    }

    // ---------------------------------------------------------------- rows

    private static Map<String, Booked> booked(Handle h, Set<String> ids) {
        Map<String, Booked> out = new HashMap<>();
        h.createQuery("SELECT * FROM freight_booking WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(new String[0]))
                .map((rs, ctx) -> booked(rs))
                .forEach(b -> out.put(b.id(), b));
        return out;
    }

    private static Map<String, Set<String>> units(Handle h, Set<String> ids) {
        Map<String, Set<String>> out = new HashMap<>();
        h.createQuery("SELECT booking_id, unit FROM freight_allocation WHERE booking_id = ANY(:ids)")
                .bind("ids", ids.toArray(new String[0]))
                .map((rs, ctx) -> Map.entry(rs.getString("booking_id"), rs.getString("unit")))
                .forEach(e ->
                        out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return out;
    }

    private static Map<String, Instant> latest(Handle h, Set<String> ids) {
        Map<String, Instant> out = new HashMap<>();
        h.createQuery("SELECT booking_id, unit, max(at) AS at FROM tracking_event WHERE booking_id = ANY(:ids)"
                        + " GROUP BY booking_id, unit")
                .bind("ids", ids.toArray(new String[0]))
                .map((rs, ctx) -> Map.entry(rs.getString("booking_id") + "/" + rs.getString("unit"), instant(rs, "at")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Booked booked(ResultSet rs) throws SQLException {
        return new Booked(
                rs.getString("id"),
                rs.getString("shipper"),
                rs.getString("train"),
                rs.getObject("service_date", LocalDate.class),
                rs.getString("from_point"),
                rs.getString("to_point"),
                rs.getString("network"));
    }

    private static Tracked tracked(ResultSet rs) throws SQLException {
        return new Tracked(
                rs.getLong("seq"),
                rs.getObject("event_id", UUID.class),
                rs.getString("shipper"),
                new BoxEvent(
                        rs.getString("booking_id"),
                        rs.getString("unit"),
                        BoxEventType.valueOf(rs.getString("type")),
                        rs.getString("location"),
                        instant(rs, "at"),
                        rs.getString("train"),
                        rs.getObject("service_date", LocalDate.class)),
                rs.getString("source"),
                instant(rs, "recorded_at"),
                rs.getString("classifier"),
                new Where(
                        rs.getString("network"),
                        rs.getString("carrier"),
                        rs.getString("zone"),
                        rs.getString("detail")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
