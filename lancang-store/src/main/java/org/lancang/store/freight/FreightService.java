package org.lancang.store.freight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.errors.Validation;
import org.lancang.freight.ConsignmentNote;
import org.lancang.freight.EquipmentKind;
import org.lancang.freight.FreightData;
import org.lancang.freight.FreightPaths;
import org.lancang.freight.PathAnswer;
import org.lancang.freight.PathAsk;
import org.lancang.freight.Pools;
import org.lancang.freight.Slot;
import org.lancang.freight.Tariffs;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.rollingstock.TrainCategory;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.freight.FreightRecords.Answered;
import org.lancang.store.freight.FreightRecords.Booking;
import org.lancang.store.freight.FreightRecords.Equipment;
import org.lancang.store.freight.FreightRecords.Imbalance;
import org.lancang.store.freight.FreightRecords.Note;
import org.lancang.store.freight.FreightRecords.Request;
import org.lancang.store.freight.FreightRecords.RequestStatus;
import org.lancang.store.freight.FreightRecords.SlotOnDate;
import org.lancang.store.freight.FreightRecords.TrainLoad;
import org.lancang.store.freight.FreightRecords.Unit;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.Operator;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.TrainPlan;

/**
 * Freight's application service: ad-hoc path requests and their approval, bookings with equipment, consignment notes,
 * quotes. Writers are serialised ({@code synchronized}): a booking's capacity and units are decided and committed
 * under the one lock, so nothing is allocated twice; the database's unique index is the second guard. Lock order:
 * freight → timetable changes → timetable (approval calls the change service, which never calls back).
 */
public final class FreightService {
    /** The freight train type the paths are found for (train-types.csv), where the network has a type of that code. */
    public static final String TRAIN_TYPE = "FREIGHT";

    private final Jdbi jdbi;
    private final TimetableService timetable;
    private final FreightApprovals approvals;
    private final FreightData data;
    private final FreightPaths paths;
    private final Clock clock;
    /** The network whose trains carry this service's requests and bookings (the rows' {@code network}). */
    private final String code;

    /** The home network's freight: approvals go through its timetable change service. */
    public FreightService(
            Jdbi jdbi, TimetableService timetable, TimetableChangeService changes, FreightData data, Clock clock) {
        this(jdbi, timetable, FreightApprovals.throughChanges(changes), data, clock);
    }

    private FreightService(
            Jdbi jdbi, TimetableService timetable, FreightApprovals approvals, FreightData data, Clock clock) {
        this.jdbi = jdbi;
        this.timetable = timetable;
        this.approvals = approvals;
        this.data = data;
        this.code = timetable.planner().network().code();
        this.paths = new FreightPaths(timetable.planner(), data.rules(), freightTrainType(timetable, data));
        this.clock = clock;
        loadUnits();
    }

    /**
     * The freight of a network other than home, on its own timetable: approvals go through the network's timetable
     * change service, and a path must also keep the road's closures on a shared bridge within the network's limits.
     */
    public static FreightService onNetwork(
            Jdbi jdbi,
            ServedNetwork network,
            TimetableService timetable,
            TimetableChangeService changes,
            FreightData data,
            Clock clock) {
        return new FreightService(jdbi, timetable, FreightApprovals.throughChanges(changes, network), data, clock);
    }

    /**
     * {@value #TRAIN_TYPE} where the network has it; else, of several freight types, the one its freight slots' trains
     * run (what the freight office sells: a network with ore trains and a container train finds container paths, not
     * ore trains' ones); else its first type of the freight category.
     */
    private static String freightTrainType(TimetableService timetable, FreightData data) {
        var types = timetable.planner().rollingStock().types();
        if (types.stream().anyMatch(t -> t.code().equals(TRAIN_TYPE))) {
            return TRAIN_TYPE;
        }
        List<String> slotTypes = data.slots().stream()
                .flatMap(slot ->
                        timetable.plans().stream().filter(p -> p.number().equals(slot.train())))
                .map(TrainPlan::trainType)
                .distinct()
                .toList();
        if (slotTypes.size() == 1) {
            return slotTypes.get(0);
        }
        return types.stream()
                .filter(t -> t.category() == TrainCategory.FREIGHT)
                .map(t -> t.code())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "network " + timetable.planner().network().code() + " has no freight train type"));
    }

    /** The code of the network this service books on. */
    public String networkCode() {
        return code;
    }

    /** The timetable the network's freight trains run in. */
    TimetableService timetable() {
        return timetable;
    }

    /** The server's now. */
    public Instant now() {
        return clock.instant();
    }

    public FreightData data() {
        return data;
    }

    public FreightPaths paths() {
        return paths;
    }

    public Network network() {
        return timetable.planner().network();
    }

    /** Every pool's units into freight_unit, once (a unit already there is left as it is). */
    private void loadUnits() {
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("INSERT INTO freight_unit (unit, station, kind, owner) VALUES (:u, :s, :k, :o)"
                    + " ON CONFLICT (unit) DO NOTHING");
            for (Pools.Pool p : data.pools()) {
                for (String unit : p.units()) {
                    batch.bind("u", unit)
                            .bind("s", p.station())
                            .bind("k", p.kind().name())
                            .bind("o", p.owner())
                            .add();
                }
            }
            batch.execute();
        });
    }

    // ---------------------------------------------------------------- the catalogue

    /** Every slot of the catalogue on {@code date}, with its train's times that day and what is left. */
    public List<SlotOnDate> slots(LocalDate date) {
        List<SlotOnDate> out = new ArrayList<>();
        for (Slot s : data.slots()) {
            out.add(slotOn(s, date));
        }
        return out;
    }

    public SlotOnDate slot(String id, LocalDate date) {
        Slot s = data.slot(id).orElseThrow(() -> new NotFound("slotId", "no slot '" + id + "' in the catalogue"));
        return slotOn(s, date);
    }

    private SlotOnDate slotOn(Slot s, LocalDate date) {
        Optional<TrainPlan> plan = timetable.plan(s.train(), date);
        int[] booked = booked(s.train(), date);
        if (plan.isEmpty() || !plan.get().calendar().runsOn(date)) {
            return new SlotOnDate(s, date, false, "", "", null, null, null, null, 0, 0);
        }
        ScheduledRun run = timetable.planner().schedule(plan.get(), date, timetable.restrictions(date));
        return new SlotOnDate(
                s,
                date,
                true,
                plan.get().from(),
                plan.get().to(),
                plan.get().departure(),
                run.departure(),
                run.arrival(),
                run.departure().minus(s.cutOff()),
                s.wagons() - booked[0],
                s.teu() - booked[1]);
    }

    private int[] booked(String train, LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(sum(wagons), 0) AS w, coalesce(sum(teu), 0) AS t"
                        + " FROM freight_booking WHERE train = :train AND service_date = :date")
                .bind("train", train)
                .bind("date", date)
                .map((rs, ctx) -> new int[] {rs.getInt("w"), rs.getInt("t")})
                .one());
    }

    // ---------------------------------------------------------------- ad-hoc path requests

    /** Answers a shipper's path request around the day's trains and possessions and keeps the request. */
    public synchronized Answered request(String shipper, PathAsk ask) {
        paths.check(ask);
        String train = "F"
                + jdbi.withHandle(h -> h.createQuery("SELECT nextval('freight_train_number')")
                        .mapTo(Long.class)
                        .one());
        Point origin = network().point(ask.from()).orElseThrow();
        Instant anchor = ask.earliestDeparture() != null ? ask.earliestDeparture() : ask.latestArrival();
        LocalDate date = anchor.atZone(origin.timeZone()).toLocalDate();
        DayPlan day = timetable.day(date);
        PathAnswer answer = approvals.judged(
                paths.answer(train, operatorAt(origin), ask, day.occupations(), timetable.restrictions(date)), day);
        LocalDate serviceDate = answer.feasible()
                ? answer.path().run().serviceDate()
                : answer.request().earliestDeparture().atZone(origin.timeZone()).toLocalDate();
        Request r = new Request(
                "FR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT),
                shipper,
                train,
                ask,
                serviceDate,
                answer.feasible() ? answer.path().run().departure() : null,
                answer.feasible() ? answer.path().run().arrival() : null,
                answer.binding() == null ? null : answer.binding().kind().name(),
                answer.binding() == null ? null : answer.binding().message(),
                answer.alternative() == null ? null : answer.alternative().run().departure(),
                answer.feasible() ? RequestStatus.PROPOSED : RequestStatus.NO_PATH,
                clock.instant(),
                null,
                null,
                null,
                null);
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO freight_request (id, shipper, train, from_point, to_point,"
                        + " earliest_departure, latest_arrival, trailing_mass_t, length_m, dangerous_goods, service_date,"
                        + " departure, arrival, binding_kind, binding, alternative_departure, status, created_at,"
                        + " network, via) VALUES (:id, :shipper, :train, :from, :to, :ed, :la, :mass, :len, :dg, :date,"
                        + " :dep, :arr, :bk, :b, :alt, :status, :at, :network, :via)")
                .bind("network", code)
                .bind("via", ask.via().toArray(new String[0]))
                .bind("id", r.id())
                .bind("shipper", shipper)
                .bind("train", train)
                .bind("from", ask.from())
                .bind("to", ask.to())
                .bind("ed", utc(ask.earliestDeparture()))
                .bind("la", utc(ask.latestArrival()))
                .bind("mass", ask.trailingMassT())
                .bind("len", ask.lengthM())
                .bind("dg", ask.dangerousGoods())
                .bind("date", serviceDate)
                .bind("dep", utc(r.departure()))
                .bind("arr", utc(r.arrival()))
                .bind("bk", r.bindingKind())
                .bind("b", r.binding())
                .bind("alt", utc(r.alternativeDeparture()))
                .bind("status", r.status().name())
                .bind("at", utc(r.createdAt()))
                .execute());
        return new Answered(r, answer);
    }

    /** The requests of one shipper (or every request, for the freight office: {@code shipper} null), newest first. */
    public List<Request> requests(String shipper) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM freight_request WHERE network = :network AND"
                        + " (:all OR shipper = :shipper) ORDER BY created_at DESC, id")
                .bind("network", code)
                .bind("all", shipper == null)
                .bind("shipper", shipper == null ? "" : shipper)
                .map((rs, ctx) -> request(rs))
                .list());
    }

    public Request requestOf(String id, String shipper) {
        Request r = jdbi.withHandle(
                        h -> h.createQuery("SELECT * FROM freight_request WHERE id = :id AND network = :network")
                                .bind("id", id)
                                .bind("network", code)
                                .map((rs, ctx) -> request(rs))
                                .findOne())
                .orElseThrow(() -> new NotFound("id", "no freight request '" + id + "'"));
        if (shipper != null && !r.shipper().equals(shipper)) {
            throw new NotFound("id", "no freight request '" + id + "'"); // another shipper's: not told it exists
        }
        return r;
    }

    /**
     * Approves a proposed request: its path is found again around the day as it is now (other trains may have been
     * added meanwhile) through the timetable change service, and added on its service date only by a published change
     * of origin FREIGHT. Refused when the path is gone or would bring a conflict.
     */
    public synchronized Request approve(String id, String officer) {
        Request r = requestOf(id, null);
        if (r.status() != RequestStatus.PROPOSED) {
            throw new Clash("status", "request " + id + " is " + r.status() + "; only a proposed one can be approved");
        }
        Point origin = network().point(r.ask().from()).orElseThrow();
        DayPlan day = timetable.day(r.serviceDate());
        PathAnswer now = approvals.judged(
                paths.answer(
                        r.train(),
                        operatorAt(origin),
                        r.ask(),
                        day.occupations(),
                        timetable.restrictions(r.serviceDate())),
                day);
        if (!now.feasible()) {
            throw new Clash("id", "the path is no longer free: " + now.binding().message());
        }
        FreightApprovals.Approved approved = approvals.approve(
                now.request(), "Freight path " + r.train() + " for " + r.shipper() + " (" + id + ")", officer);
        InsertedPath path = approved.path();
        LocalDate date = path.run().serviceDate();
        Instant at = clock.instant();
        jdbi.useTransaction(h -> h.createUpdate("UPDATE freight_request SET status = 'APPROVED', decided_by = :by,"
                        + " decided_at = :at, change_id = :change, departure = :dep, arrival = :arr, service_date = :date,"
                        + " plan_csv = :plan WHERE id = :id AND status = 'PROPOSED'")
                .bind("by", officer)
                .bind("at", utc(at))
                .bind("change", approved.changeId())
                .bind("plan", approved.planCsv())
                .bind("dep", utc(path.run().departure()))
                .bind("arr", utc(path.run().arrival()))
                .bind("date", date)
                .bind("id", id)
                .execute());
        return requestOf(id, null);
    }

    /** Refuses a proposed request, with the freight office's reason. */
    public synchronized Request refuse(String id, String officer, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "say why the request is refused");
        }
        Request r = requestOf(id, null);
        if (r.status() != RequestStatus.PROPOSED) {
            throw new Clash("status", "request " + id + " is " + r.status() + "; only a proposed one can be refused");
        }
        jdbi.useTransaction(h -> h.createUpdate("UPDATE freight_request SET status = 'REFUSED', decided_by = :by,"
                        + " decided_at = :at, reason = :reason WHERE id = :id AND status = 'PROPOSED'")
                .bind("by", officer)
                .bind("at", utc(clock.instant()))
                .bind("reason", reason.strip())
                .bind("id", id)
                .execute());
        return requestOf(id, null);
    }

    /** The carrier that runs trains from this point: the carrier whose tariff section holds it. */
    private Operator operatorAt(Point p) {
        String carrier = data.tariffs().rates().stream()
                .filter(r -> p.km() >= r.fromKm() && p.km() <= r.toKm())
                .map(Tariffs.Rate::carrier)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no carrier's section holds " + p.code()));
        return Operator.valueOf(carrier);
    }

    // ---------------------------------------------------------------- bookings

    /**
     * Books room on a slot's train ({@code slotId}) or on an approved request's train ({@code requestId}) on {@code
     * date}, and takes the boxes and wagons from the pools at the train's origin. All or nothing: refused naming the
     * field when the slot is closed or full or the pool short, with nothing written.
     */
    public synchronized Booking book(
            String shipper, String slotId, String requestId, LocalDate date, List<Equipment> equipment) {
        return book(shipper, slotId, requestId, date, equipment, (h, id) -> {});
    }

    /**
     * As {@link #book(String, String, String, LocalDate, List)}, with {@code also} written in the booking's own
     * transaction (given the new booking's id): what ties the booking to something else commits with it or not at all.
     */
    public synchronized Booking book(
            String shipper,
            String slotId,
            String requestId,
            LocalDate date,
            List<Equipment> equipment,
            BiConsumer<Handle, String> also) {
        Validation v = new Validation();
        v.check((slotId == null) != (requestId == null), "slotId", "give either a slotId or a requestId");
        v.check(equipment != null && !equipment.isEmpty(), "equipment", "book at least one box or wagon");
        if (equipment != null) {
            for (int i = 0; i < equipment.size(); i++) {
                Equipment e = equipment.get(i);
                v.check(e != null && e.kind() != null, "equipment[" + i + "].kind", "is required");
                v.check(
                        e != null && e.count() >= 1 && e.count() <= 200,
                        "equipment[" + i + "].count",
                        "must be 1 … 200");
            }
        }
        v.throwIfInvalid();
        String train;
        String from;
        String to;
        LocalDate serviceDate;
        int wagonCapacity;
        int teuCapacity;
        if (slotId != null) {
            if (date == null) {
                throw new InvalidInput("date", "is required for a slot (YYYY-MM-DD)");
            }
            SlotOnDate s = slot(slotId, date);
            if (!s.runs()) {
                throw new InvalidInput("date", "slot " + slotId + "'s train does not run on " + date);
            }
            if (!clock.instant().isBefore(s.cutOffAt())) {
                throw new Clash("date", "slot " + slotId + " on " + date + " closed for booking at " + s.cutOffAt());
            }
            train = s.slot().train();
            from = s.from();
            to = s.to();
            serviceDate = date;
            wagonCapacity = s.slot().wagons();
            teuCapacity = s.slot().teu();
        } else {
            Request r = requestOf(requestId, shipper);
            if (r.status() != RequestStatus.APPROVED && r.status() != RequestStatus.PROPOSED) {
                throw new Clash("requestId", "request " + requestId + " is " + r.status() + ": it has no path");
            }
            train = r.train();
            from = r.ask().from();
            to = r.ask().to();
            serviceDate = r.serviceDate();
            wagonCapacity = data.rules().wagonsFor(r.ask().lengthM());
            teuCapacity = 2 * wagonCapacity;
        }
        int wagons = 0;
        int teu = 0;
        for (Equipment e : equipment) {
            if (e.kind().isBox()) {
                teu += e.kind().teu() * e.count();
            } else {
                wagons += e.count();
            }
        }
        int[] booked = booked(train, serviceDate);
        if (booked[0] + wagons > wagonCapacity) {
            throw new Clash(
                    "equipment",
                    "only " + (wagonCapacity - booked[0]) + " wagons are left on " + train + " on " + serviceDate);
        }
        if (booked[1] + teu > teuCapacity) {
            throw new Clash(
                    "equipment",
                    "only " + (teuCapacity - booked[1]) + " TEU are left on " + train + " on " + serviceDate);
        }
        String id = "FB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        int totalWagons = wagons;
        int totalTeu = teu;
        List<Unit> units = jdbi.inTransaction(h -> {
            List<Unit> taken = new ArrayList<>();
            for (int i = 0; i < equipment.size(); i++) {
                Equipment e = equipment.get(i);
                List<Unit> free = h.createQuery("SELECT u.unit, u.kind, u.owner FROM freight_unit u"
                                + " WHERE u.station = :station AND u.kind = :kind AND NOT EXISTS (SELECT 1 FROM"
                                + " freight_allocation a WHERE a.unit = u.unit AND a.released_at IS NULL)"
                                + " ORDER BY u.unit LIMIT :n")
                        .bind("station", from)
                        .bind("kind", e.kind().name())
                        .bind("n", e.count())
                        .map((rs, ctx) -> new Unit(
                                rs.getString("unit"),
                                EquipmentKind.valueOf(rs.getString("kind")),
                                rs.getString("owner")))
                        .list();
                if (free.size() < e.count()) {
                    throw new Clash(
                            "equipment[" + i + "].count",
                            "only " + free.size() + " " + e.kind() + " are free at " + from);
                }
                taken.addAll(free);
            }
            h.createUpdate("INSERT INTO freight_booking (id, shipper, slot_id, request_id, train, service_date,"
                            + " from_point, to_point, wagons, teu, created_at, network) VALUES (:id, :shipper, :slot,"
                            + " :req, :train, :date, :from, :to, :w, :t, :at, :network)")
                    .bind("network", code)
                    .bind("id", id)
                    .bind("shipper", shipper)
                    .bind("slot", slotId)
                    .bind("req", requestId)
                    .bind("train", train)
                    .bind("date", serviceDate)
                    .bind("from", from)
                    .bind("to", to)
                    .bind("w", totalWagons)
                    .bind("t", totalTeu)
                    .bind("at", utc(now))
                    .execute();
            var batch = h.prepareBatch("INSERT INTO freight_allocation (booking_id, unit, kind) VALUES (:b, :u, :k)");
            for (Unit u : taken) {
                batch.bind("b", id)
                        .bind("u", u.unit())
                        .bind("k", u.kind().name())
                        .add();
            }
            batch.execute();
            also.accept(h, id);
            return taken;
        });
        return new Booking(id, shipper, slotId, requestId, train, serviceDate, from, to, wagons, teu, now, units);
    }

    /** One shipper's bookings (every booking for the freight office: {@code shipper} null), newest first. */
    public List<Booking> bookings(String shipper) {
        return jdbi.withHandle(h -> {
            Map<String, List<Unit>> units = new HashMap<>();
            h.createQuery("SELECT a.booking_id, a.unit, a.kind, u.owner FROM freight_allocation a JOIN freight_unit u"
                            + " ON u.unit = a.unit WHERE a.released_at IS NULL ORDER BY a.unit")
                    .map((rs, ctx) -> {
                        units.computeIfAbsent(rs.getString("booking_id"), k -> new ArrayList<>())
                                .add(new Unit(
                                        rs.getString("unit"),
                                        EquipmentKind.valueOf(rs.getString("kind")),
                                        rs.getString("owner")));
                        return 0;
                    })
                    .list();
            return h.createQuery("SELECT * FROM freight_booking WHERE network = :network AND"
                            + " (:all OR shipper = :shipper) ORDER BY created_at DESC, id")
                    .bind("network", code)
                    .bind("all", shipper == null)
                    .bind("shipper", shipper == null ? "" : shipper)
                    .map((rs, ctx) -> booking(rs, units.getOrDefault(rs.getString("id"), List.of())))
                    .list();
        });
    }

    public Booking booking(String id, String shipper) {
        return bookings(shipper).stream()
                .filter(b -> b.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("bookingId", "no freight booking '" + id + "'"));
    }

    // ---------------------------------------------------------------- the consignment note

    /** Checks and keeps the booking's consignment note; it gets its consignment number. Once per booking. */
    public synchronized Note note(String shipper, String bookingId, ConsignmentNote note) {
        Booking b = booking(bookingId, shipper);
        boolean dangerousAllowed = b.slotId() != null
                ? data.slot(b.slotId()).map(Slot::dangerousGoods).orElse(false)
                : requestOf(b.requestId(), null).ask().dangerousGoods();
        ConsignmentNote checked = note.checked(
                data.codes(),
                new ConsignmentNote.Context(
                        b.units().stream().map(Unit::kind).toList(),
                        b.units().stream().map(Unit::unit).toList(),
                        carriers(b),
                        dangerousAllowed));
        if (noteOf(bookingId).isPresent()) {
            throw new Clash("bookingId", "booking " + bookingId + " has its consignment note already");
        }
        LocalDate acceptedOn = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        String number = jdbi.inTransaction(h -> {
            long seq = h.createQuery("SELECT nextval('freight_consignment_number')")
                    .mapTo(Long.class)
                    .one();
            String n =
                    String.format(Locale.ROOT, "LC%s%06d", acceptedOn.toString().replace("-", ""), seq);
            StringBuilder payers = new StringBuilder();
            checked.payers()
                    .forEach(p -> payers.append(p.carrier())
                            .append('=')
                            .append(p.pays())
                            .append(';'));
            h.createUpdate(
                            "INSERT INTO freight_note (booking_id, consignment_number, consignor_name, consignor_address,"
                                    + " consignee_name, consignee_address, un_number, reefer_temperature_c, declared_value,"
                                    + " declared_currency, payers, documents, accepted_on, created_at) VALUES (:b, :n, :orn, :ora,"
                                    + " :een, :eea, :un, :temp, :value, :cur, :payers, :docs, :on, :at)")
                    .bind("b", bookingId)
                    .bind("n", n)
                    .bind("orn", checked.consignor().name().strip())
                    .bind("ora", checked.consignor().address().strip())
                    .bind("een", checked.consignee().name().strip())
                    .bind("eea", checked.consignee().address().strip())
                    .bind("un", checked.unNumber())
                    .bind("temp", checked.reeferTemperatureC())
                    .bind("value", checked.declaredValue())
                    .bind("cur", checked.declaredCurrency().code())
                    .bind("payers", payers.toString())
                    .bind("docs", String.join("\n", checked.documents()))
                    .bind("on", acceptedOn)
                    .bind("at", utc(clock.instant()))
                    .execute();
            int idx = 0;
            for (String w : checked.wagons()) {
                item(h, bookingId, idx++, "WAGON", w, null, null, null, null, null);
            }
            for (ConsignmentNote.Box box : checked.containers()) {
                item(h, bookingId, idx++, "BOX", box.number(), box.seal(), null, null, null, null);
            }
            for (ConsignmentNote.Goods g : checked.goods()) {
                item(
                        h,
                        bookingId,
                        idx++,
                        "GOODS",
                        null,
                        null,
                        g.description().strip(),
                        g.hsCode().replace(".", "").strip(),
                        g.packages(),
                        g.grossMassKg());
            }
            return n;
        });
        return new Note(bookingId, number, acceptedOn, checked);
    }

    private static void item(
            Handle h,
            String booking,
            int idx,
            String kind,
            String number,
            String seal,
            String description,
            String hs,
            Integer packages,
            Double mass) {
        h.createUpdate("INSERT INTO freight_note_item (booking_id, idx, kind, number, seal, description, hs_code,"
                        + " packages, gross_mass_kg) VALUES (:b, :i, :k, :n, :s, :d, :hs, :p, :m)")
                .bind("b", booking)
                .bind("i", idx)
                .bind("k", kind)
                .bind("n", number)
                .bind("s", seal)
                .bind("d", description)
                .bind("hs", hs)
                .bind("p", packages)
                .bind("m", mass)
                .execute();
    }

    /** The booking's note, when the shipper has filled it in. */
    public Optional<Note> noteOf(String bookingId) {
        return jdbi.withHandle(h -> {
            List<String> wagons = new ArrayList<>();
            List<ConsignmentNote.Box> boxes = new ArrayList<>();
            List<ConsignmentNote.Goods> goods = new ArrayList<>();
            h.createQuery("SELECT * FROM freight_note_item WHERE booking_id = :b ORDER BY idx")
                    .bind("b", bookingId)
                    .map((rs, ctx) -> {
                        switch (rs.getString("kind")) {
                            case "WAGON" -> wagons.add(rs.getString("number"));
                            case "BOX" ->
                                boxes.add(new ConsignmentNote.Box(rs.getString("number"), rs.getString("seal")));
                            default ->
                                goods.add(new ConsignmentNote.Goods(
                                        rs.getString("description"),
                                        rs.getString("hs_code"),
                                        rs.getInt("packages"),
                                        rs.getDouble("gross_mass_kg")));
                        }
                        return 0;
                    })
                    .list();
            return h.createQuery("SELECT * FROM freight_note WHERE booking_id = :b")
                    .bind("b", bookingId)
                    .map((rs, ctx) -> {
                        List<ConsignmentNote.Payer> payers = new ArrayList<>();
                        for (String p : rs.getString("payers").split(";")) {
                            if (!p.isBlank()) {
                                String[] kv = p.split("=");
                                payers.add(new ConsignmentNote.Payer(kv[0], kv[1]));
                            }
                        }
                        Object temp = rs.getObject("reefer_temperature_c");
                        String docs = rs.getString("documents");
                        return new Note(
                                bookingId,
                                rs.getString("consignment_number"),
                                rs.getObject("accepted_on", LocalDate.class),
                                new ConsignmentNote(
                                        new ConsignmentNote.Party(
                                                rs.getString("consignor_name"), rs.getString("consignor_address")),
                                        new ConsignmentNote.Party(
                                                rs.getString("consignee_name"), rs.getString("consignee_address")),
                                        wagons,
                                        boxes,
                                        goods,
                                        rs.getString("un_number"),
                                        temp == null ? null : ((Number) temp).doubleValue(),
                                        rs.getBigDecimal("declared_value"),
                                        data.tariffs().currencies().stored(rs.getString("declared_currency")),
                                        payers,
                                        docs.isEmpty() ? List.of() : List.of(docs.split("\n"))));
                    })
                    .findOne();
        });
    }

    /** The carriers whose sections the booking's way crosses, in the order it crosses them. */
    public List<String> carriers(Booking b) {
        return data.tariffs().carriers(network(), way(b));
    }

    /**
     * The way a booking is carried: the stretch of its train's own route (its via) between loading and unloading (a
     * booking's ends are its train's, a slot's or an approved path's); on a request not yet approved, whose train is
     * not in the timetable yet, the way its ask named; the shortest way where its train no longer runs through both in
     * the timetable of its date, so that a booking made before a change still has a quote.
     */
    public Route way(Booking b) {
        Network n = network();
        String from = n.point(b.from()).map(Point::code).orElse(b.from());
        String to = n.point(b.to()).map(Point::code).orElse(b.to());
        Optional<TrainPlan> plan = timetable.plan(b.train(), b.serviceDate());
        if (plan.isPresent()) {
            try {
                return plan.get().way(n, from, to);
            } catch (InvalidInput notOnItsWay) {
                // a booking between points its train does not pass in order: the shortest route, as before plans
            }
        } else if (b.requestId() != null) {
            List<String> via = requestOf(b.requestId(), null).ask().via();
            try {
                return n.routes().between(from, to, via);
            } catch (InvalidInput noLonger) {
                // the network changed under the request: the shortest route, as for a train no longer running
            }
        }
        return n.routes().between(from, to, List.of());
    }

    // ---------------------------------------------------------------- quotes and reports

    public Tariffs.Quote quote(String from, String to, List<Tariffs.Item> items) {
        return data.tariffs().quote(network(), from, to, items);
    }

    /**
     * The quote of a booking along its train's own way: its equipment, with the note's gross mass spread over it when
     * there is a note.
     */
    public Tariffs.Quote quote(String bookingId, String shipper) {
        Booking b = booking(bookingId, shipper);
        return data.tariffs().quote(network(), way(b), items(b));
    }

    /** A booking's units as tariff items, with the note's gross mass spread over them when there is a note. */
    List<Tariffs.Item> items(Booking b) {
        Map<EquipmentKind, Integer> counts = new LinkedHashMap<>();
        b.units().forEach(u -> counts.merge(u.kind(), 1, Integer::sum));
        double massPerUnit = noteOf(b.id())
                .map(n -> n.note().grossMassKg() / 1000 / Math.max(1, b.units().size()))
                .orElse(0.0);
        List<Tariffs.Item> items = new ArrayList<>();
        counts.forEach((k, n) -> items.add(new Tariffs.Item(k, n, massPerUnit)));
        return items;
    }

    /** The database, for the through consignments kept beside the bookings. */
    Jdbi jdbi() {
        return jdbi;
    }

    /** Boxes loaded each way on {@code date} and the empties the lighter direction has to carry back. */
    public Imbalance imbalance(LocalDate date) {
        Network n = network();
        Point first = n.points().get(0);
        Point last = n.points().get(n.points().size() - 1);
        int[] loaded = new int[2];
        for (Booking b : bookings(null)) {
            if (!b.serviceDate().equals(date)) {
                continue;
            }
            boolean towardsLast = n.point(b.to()).orElseThrow().km()
                    > n.point(b.from()).orElseThrow().km();
            int boxes = (int) b.units().stream().filter(u -> u.kind().isBox()).count();
            loaded[towardsLast ? 1 : 0] += boxes;
        }
        int empties = Math.abs(loaded[1] - loaded[0]);
        String lighter = loaded[1] < loaded[0] ? last.code() : first.code();
        return new Imbalance(
                date, first.code(), loaded[0], last.code(), loaded[1], empties, empties == 0 ? "" : lighter);
    }

    /** The day's freight trains (the freight train type's runs leaving on {@code date}) with what is booked on them. */
    public List<TrainLoad> trains(LocalDate date) {
        Map<String, int[]> load = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT train, sum(wagons) AS w, sum(teu) AS t, count(*) AS n FROM"
                        + " freight_booking WHERE service_date = :date GROUP BY train")
                .bind("date", date)
                .map((rs, ctx) ->
                        load.put(rs.getString("train"), new int[] {rs.getInt("w"), rs.getInt("t"), rs.getInt("n")}))
                .list());
        List<TrainLoad> out = new ArrayList<>();
        for (ScheduledRun r : timetable.day(date).runsOfTheDay()) {
            if (!r.plan().trainType().equals(paths.trainType().code())) {
                continue;
            }
            int[] l = load.getOrDefault(r.plan().number(), new int[3]);
            out.add(new TrainLoad(r.plan().number(), r.plan().from(), r.plan().to(), r.departure(), l[0], l[1], l[2]));
        }
        out.sort((a, b) -> a.departure().compareTo(b.departure()));
        return out;
    }

    // ---------------------------------------------------------------- rows

    private static Request request(ResultSet rs) throws SQLException {
        return new Request(
                rs.getString("id"),
                rs.getString("shipper"),
                rs.getString("train"),
                new PathAsk(
                        rs.getString("from_point"),
                        rs.getString("to_point"),
                        instant(rs, "earliest_departure"),
                        instant(rs, "latest_arrival"),
                        rs.getDouble("trailing_mass_t"),
                        rs.getDouble("length_m"),
                        rs.getBoolean("dangerous_goods"),
                        List.of((String[]) rs.getArray("via").getArray())),
                rs.getObject("service_date", LocalDate.class),
                instant(rs, "departure"),
                instant(rs, "arrival"),
                rs.getString("binding_kind"),
                rs.getString("binding"),
                instant(rs, "alternative_departure"),
                RequestStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                rs.getString("reason"),
                rs.getString("change_id"));
    }

    private static Booking booking(ResultSet rs, List<Unit> units) throws SQLException {
        return new Booking(
                rs.getString("id"),
                rs.getString("shipper"),
                rs.getString("slot_id"),
                rs.getString("request_id"),
                rs.getString("train"),
                rs.getObject("service_date", LocalDate.class),
                rs.getString("from_point"),
                rs.getString("to_point"),
                rs.getInt("wagons"),
                rs.getInt("teu"),
                instant(rs, "created_at"),
                units);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
