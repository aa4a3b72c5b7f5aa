package org.lancang.store.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.Clash;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.freight.PathAnswer;
import org.lancang.network.Network;
import org.lancang.store.changes.ChangeImpact.TouchedBooking;
import org.lancang.store.db.TransactionLock;
import org.lancang.store.sales.TimetableChangeNotices;
import org.lancang.store.sales.TimetableChangeNotices.LiveBooking;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.ChangeRemedies;
import org.lancang.ticketing.ChangeRemedies.Remedy;
import org.lancang.timetable.Call;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.RoadClosureLimits;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.change.ChangeRules;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.timetable.conflict.ConflictDiff;

/**
 * The one way the timetable changes: a change is kept as a draft, previewed with its conflicts and the sold tickets it
 * touches, then published (its passengers told and their fees waived where the operator's rules say so, in the same
 * transaction) or discarded; a published change can be undone. Another feature that changes the plan (a dispatcher's
 * order, a freight path for a shipper) calls {@link #publishNew} with a {@link TimetableChange}. One writer at a time.
 */
public final class TimetableChangeService {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** What publishing (or undoing) did: the change as it now stands, and the bookings whose passengers were told. */
    public record Outcome(ChangeRecord change, ChangeImpact impact) {}

    /** A draft's (or a published change's) effect on one date: the conflicts with and without it, and its trains. */
    public record Preview(
            ChangeRecord change,
            LocalDate date,
            boolean inScope,
            List<Conflict> conflicts,
            List<Conflict> newConflicts,
            List<Conflict> resolvedConflicts,
            List<TrainOnDate> trains,
            ScopeConflicts scope,
            List<RoadClosureLimits.Breach> roadLimitBreaches,
            List<RoadClosureLimits.Breach> newRoadLimitBreaches) {}

    /** A train the change touches, on the previewed date, before and after (null where it does not run). */
    public record TrainOnDate(String number, Train before, Train after) {}

    private final Jdbi jdbi;
    private final TimetableService timetable;
    private final TimetableChangeNotices notices;
    private final ChangeRemedies remedies;
    private final Clock clock;
    private final ConflictCheck conflictCheck;
    private final Network network;
    private final RoadLimits roadLimits;
    private List<ChangeRecord> records;
    /** The other network served that runs a train of this number, if any: a change may not add it here too. */
    private Function<String, Optional<String>> networkElsewhere = number -> Optional.empty();

    /** The home network's changes: its timetable has no shared bridge with a road. */
    public TimetableChangeService(
            Jdbi jdbi,
            TimetableService timetable,
            TimetableChangeNotices notices,
            ChangeRemedies remedies,
            Clock clock) {
        this(jdbi, timetable, notices, remedies, clock, RoadLimits.NONE);
    }

    /**
     * The changes of the network whose timetable {@code timetable} is (its rows are those naming its code), with the
     * limits of the road's closed time on its shared bridges.
     */
    public TimetableChangeService(
            Jdbi jdbi,
            TimetableService timetable,
            TimetableChangeNotices notices,
            ChangeRemedies remedies,
            Clock clock,
            RoadLimits roadLimits) {
        this.jdbi = jdbi;
        this.timetable = timetable;
        this.notices = notices;
        this.remedies = remedies;
        this.clock = clock;
        this.roadLimits = roadLimits;
        this.conflictCheck = new ConflictCheck(timetable, roadLimits);
        this.network = timetable.planner().network();
        reload();
    }

    /** The code of the network whose timetable this changes. */
    public String network() {
        return network.code();
    }

    /** The timetable this changes. */
    public TimetableService timetable() {
        return timetable;
    }

    /**
     * The numbers of the trains added by every published change, per network code, as the database holds them: read
     * and nothing else (nothing run), for a restart's check across the networks served before it writes.
     */
    public static Map<String, List<String>> trainsAddedByPublished(Jdbi jdbi) {
        return jdbi.withHandle(ChangeRows::publishedAdditions);
    }

    /**
     * Tells this network's changes where the other networks served run their trains (their base plans and published
     * changes): a change that would add a train under a number another network runs is refused, naming the edit's
     * train, since train numbers must stay unique across the networks served (a restart would refuse the clash).
     */
    public synchronized void networksElsewhere(Function<String, Optional<String>> networkOfTrain) {
        this.networkElsewhere = networkOfTrain;
    }

    /** Whether a published change of this network adds a train of this number (on any date). */
    public boolean addsTrain(String number) {
        return timetable.published().stream()
                .flatMap(c -> c.edits().stream())
                .anyMatch(e -> e instanceof Edit.Add && e.train().equalsIgnoreCase(number));
    }

    /** Whether a change of this id is this network's. */
    public synchronized boolean has(String id) {
        return records.stream().anyMatch(r -> r.id().equals(id));
    }

    private synchronized void reload() {
        records = jdbi.withHandle(h -> ChangeRows.all(h, network.code()));
        timetable.changes(
                records.stream()
                        .filter(r -> r.status() == ChangeStatus.PUBLISHED)
                        .map(ChangeRecord::change)
                        .toList(),
                records.stream()
                        .filter(r -> r.status() == ChangeStatus.UNDONE)
                        .map(ChangeRecord::change)
                        .toList());
    }

    // ---------------------------------------------------------------- reading

    /** Every change, newest first. */
    public synchronized List<ChangeRecord> list() {
        List<ChangeRecord> out = new ArrayList<>(records);
        out.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
        return out;
    }

    public synchronized ChangeRecord get(String id) {
        return records.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("id", "no timetable change '" + id + "'", "change-unknown"));
    }

    // ---------------------------------------------------------------- writing

    /** Keeps a change as a draft, once it makes sense against today's published timetable. */
    public synchronized ChangeRecord draft(TimetableChange change, String user) {
        check(change, published());
        String id = "TC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        jdbi.useTransaction(h -> ChangeRows.insert(h, network.code(), id, change, user, now));
        reload();
        return get(id);
    }

    /**
     * Publishes a draft: refused when it no longer makes sense, when it would change the stops of a run with live
     * bookings, or (unless {@code acceptConflicts}) when it brings new conflicts on a date of its scope. The passengers
     * of the runs it moves or cancels are told, and their fees waived as the operator's rules say, in the same
     * transaction as the publication.
     */
    public synchronized Outcome publish(String id, String user, boolean acceptConflicts) {
        ChangeRecord record = get(id);
        if (record.status() != ChangeStatus.DRAFT) {
            throw new Clash(
                    "status",
                    "change " + id + " is " + record.status() + "; only a draft can be published",
                    "change-not-draft");
        }
        List<TimetableChange> before = published();
        List<TimetableChange> after = with(before, record.change());
        check(record.change(), before);
        if (!acceptConflicts) {
            ScopeConflicts result =
                    conflictCheck.check(before, after, record.change().scope().dates());
            if (result.worse()) {
                String what = result.newConflicts().isEmpty()
                        ? "closes the road across a shared bridge over its limit on "
                                + result.newRoadLimitBreaches().keySet()
                        : "brings new conflicts on " + result.newConflicts().keySet();
                throw new Clash(
                        "acceptConflicts",
                        "the change " + what + "; look at its preview, or publish with acceptConflicts",
                        "change-brings-conflicts");
            }
        }
        ChangeImpact impact = impact(record.change(), before, after);
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            refuseTrainsAddedElsewhere(h, record.change());
            if (!ChangeRows.publish(h, id, user, now, impact.bookings().size())) {
                throw new Clash("status", "change " + id + " was published or discarded meanwhile", "change-moved-on");
            }
            tell(h, id, record.change(), impact, now, false);
        });
        reload();
        return new Outcome(get(id), impact);
    }

    /** A change made and published at once, for features that decide a change themselves: see {@link #publish}. */
    public synchronized Outcome publishNew(TimetableChange change, String user, boolean acceptConflicts) {
        ChangeRecord draft = draft(change, user);
        try {
            return publish(draft.id(), user, acceptConflicts);
        } catch (RuntimeException e) {
            discard(draft.id(), user); // not kept as a draft nobody asked for
            throw e;
        }
    }

    /**
     * Undoes a published change: its dates go back to what the other published changes make of them. The passengers of
     * the runs this moves or cancels (a train the change added) are told as at a publication.
     */
    public synchronized Outcome undo(String id, String user) {
        ChangeRecord record = get(id);
        if (record.status() != ChangeStatus.PUBLISHED) {
            throw new Clash(
                    "status",
                    "change " + id + " is " + record.status() + "; only a published one can be undone",
                    "change-not-published");
        }
        List<TimetableChange> before = published();
        List<TimetableChange> after = new ArrayList<>(before);
        after.remove(record.change());
        ChangeImpact impact = impact(record.change(), before, after);
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            if (!ChangeRows.undo(h, id, user, now)) {
                throw new Clash("status", "change " + id + " was undone meanwhile", "change-moved-on");
            }
            tell(h, id, record.change(), impact, now, true);
        });
        reload();
        return new Outcome(get(id), impact);
    }

    /** Drops a draft (kept in the record as discarded). */
    public synchronized ChangeRecord discard(String id, String user) {
        ChangeRecord record = get(id);
        if (record.status() != ChangeStatus.DRAFT) {
            throw new Clash(
                    "status",
                    "change " + id + " is " + record.status() + "; only a draft can be discarded",
                    "change-not-draft");
        }
        jdbi.useTransaction(h -> ChangeRows.discard(h, id, user, clock.instant()));
        reload();
        return get(id);
    }

    // ---------------------------------------------------------------- previews

    /**
     * A path for a train to add in a change: found around the trains of its day as the published changes and the
     * edits before it in the change make them, and within the road's closed-time limits on the shared bridges.
     *
     * @throws Clash naming {@code earliestDeparture} when the path found would pass a road-closure limit: the binding
     *     constraint is {@link PathAnswer.Kind#ROAD_CLOSURE_LIMIT} on that bridge, as a freight request's answer says
     */
    public synchronized InsertedPath findPath(PathRequest request, List<TimetableChange> editsBefore) {
        LocalDate date = timetable.serviceDate(request);
        List<TimetableChange> changes = new ArrayList<>(published());
        changes.addAll(editsBefore);
        DayPlan around = editsBefore.isEmpty() ? timetable.day(date) : timetable.dayWith(date, changes);
        InsertedPath found = timetable.findPath(request, around);
        // the road's closed time is a limit of the day as a whole, not of a resource the search sweeps: checked on
        // the path found
        roadLimits.passedBy(found.run(), around).ifPresent(b -> {
            throw new Clash(
                    "earliestDeparture",
                    "no path: the binding constraint is " + PathAnswer.Kind.ROAD_CLOSURE_LIMIT + " on " + b.bridge()
                            + ": " + b.message(),
                    RoadClosureLimits.REFUSED);
        });
        return found;
    }

    /** The change's effect on a date: conflicts with it and without it, and its trains' times on both sides. */
    public synchronized Preview preview(String id, LocalDate date) {
        ChangeRecord record = get(id);
        List<TimetableChange>[] sides = sides(record);
        LocalDate day = date == null ? record.change().scope().from() : date;
        DayPlan was = timetable.dayWith(day, sides[0]);
        DayPlan is = timetable.dayWith(day, sides[1]);
        List<TrainOnDate> trains = new ArrayList<>();
        for (String number : record.change().trains()) {
            trains.add(new TrainOnDate(
                    number,
                    train(timetable.plansWith(day, sides[0]), number, day).orElse(null),
                    train(timetable.plansWith(day, sides[1]), number, day).orElse(null)));
        }
        ScopeConflicts scope =
                conflictCheck.check(sides[0], sides[1], record.change().scope().dates());
        return new Preview(
                record,
                day,
                record.change().scope().covers(day),
                is.conflicts(),
                ConflictDiff.minus(is.conflicts(), was.conflicts()),
                ConflictDiff.minus(was.conflicts(), is.conflicts()),
                trains,
                scope,
                roadLimits.breaches(is),
                roadLimits.newBreaches(was, is));
    }

    /**
     * The plans of a date with the change (a draft applied after the published ones; a published one as it is), for
     * the diagram of its preview.
     */
    public synchronized DayPlan dayWith(String id, LocalDate date) {
        return timetable.dayWith(date, sides(get(id))[1]);
    }

    /**
     * The sold tickets the change touches: for a draft, what publishing it would do; for a published change, what it
     * did; for an undone one, what it had done.
     */
    public synchronized ChangeImpact impact(String id) {
        ChangeRecord record = get(id);
        List<TimetableChange>[] sides = sides(record);
        return impact(record.change(), sides[0], sides[1]);
    }

    /** The published changes without and with this one. */
    @SuppressWarnings("unchecked")
    private List<TimetableChange>[] sides(ChangeRecord record) {
        List<TimetableChange> published = published();
        if (record.status() == ChangeStatus.PUBLISHED) {
            List<TimetableChange> without = new ArrayList<>(published);
            without.remove(record.change());
            return new List[] {without, published};
        }
        return new List[] {published, with(published, record.change())};
    }

    // ---------------------------------------------------------------- the rules

    private List<TimetableChange> published() {
        return timetable.published();
    }

    private static List<TimetableChange> with(List<TimetableChange> published, TimetableChange change) {
        List<TimetableChange> out = new ArrayList<>(published);
        out.add(change);
        return out;
    }

    /**
     * The check of {@link #check} reads the other networks' services, each serialised on its own monitor only: two
     * networks publishing one new number at the same moment would both pass it, and the next start would refuse the
     * clash. So every publication, whatever its network, takes one lock for its transaction and reads again the
     * numbers the other networks' published changes add, as committed.
     */
    private void refuseTrainsAddedElsewhere(Handle h, TimetableChange change) {
        TransactionLock.take(h, TransactionLock.TIMETABLE_PUBLICATIONS);
        Map<String, List<String>> added = ChangeRows.publishedAdditions(h);
        for (int i = 0; i < change.edits().size(); i++) {
            if (change.edits().get(i) instanceof Edit.Add add) {
                String number = add.train().strip();
                for (Map.Entry<String, List<String>> other : added.entrySet()) {
                    if (!other.getKey().equals(network.code())
                            && other.getValue().stream().anyMatch(number::equalsIgnoreCase)) {
                        throw trainOfAnotherNetwork(i, add.train(), other.getKey());
                    }
                }
            }
        }
    }

    private static Clash trainOfAnotherNetwork(int edit, String train, String network) {
        return new Clash(
                "edits[" + edit + "].train",
                "train " + train + " is a train of the network '" + network
                        + "': train numbers must be unique across the networks served",
                "train-of-another-network");
    }

    /**
     * The change's edits must find their trains (the core's rules), and each train it makes must compute: its type,
     * its points and stops are checked by the physics, and an error names the edit ({@code edits[1].stops[0].point}).
     */
    private void check(TimetableChange change, List<TimetableChange> published) {
        ChangeRules.check(change, d -> timetable.plansWith(d, published));
        for (int i = 0; i < change.edits().size(); i++) {
            if (change.edits().get(i) instanceof Edit.Add add) {
                Optional<String> elsewhere = networkElsewhere.apply(add.train());
                if (elsewhere.isPresent()) {
                    throw trainOfAnotherNetwork(i, add.train(), elsewhere.get());
                }
            }
        }
        List<TimetableChange> after = with(published, change);
        for (int i = 0; i < change.edits().size(); i++) {
            Edit edit = change.edits().get(i);
            if (edit instanceof Edit.Cancel) {
                continue;
            }
            for (LocalDate date : change.scope().dates()) {
                Optional<TrainPlan> plan = timetable.plansWith(date, after).stream()
                        .filter(p -> p.number().equalsIgnoreCase(edit.train()))
                        .findFirst();
                if (plan.isPresent()) {
                    try {
                        timetable.train(plan.get(), date);
                    } catch (InvalidInput e) {
                        String prefix = "edits[" + i + "].";
                        throw new InvalidInput(e.errors().stream()
                                .map(f -> new FieldError(prefix + f.field(), f.message(), f.code()))
                                .toList());
                    }
                    break;
                }
            }
        }
    }

    /** The live bookings on the change's trains and dates whose times move, or whose run goes, between two states. */
    private ChangeImpact impact(TimetableChange change, List<TimetableChange> before, List<TimetableChange> after) {
        List<LiveBooking> live = notices.liveBookings(
                change.trains(), change.scope().from(), change.scope().to());
        Map<String, Optional<Train>[]> runs = new HashMap<>();
        List<TouchedBooking> out = new ArrayList<>();
        for (LiveBooking b : live) {
            if (!change.scope().covers(b.date())) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Optional<Train>[] run = runs.computeIfAbsent(b.train() + "@" + b.date(), k -> new Optional[] {
                train(timetable.plansWith(b.date(), before), b.train(), b.date()),
                train(timetable.plansWith(b.date(), after), b.train(), b.date())
            });
            Optional<Call[]> was = run[0].flatMap(t -> calls(t, b));
            Optional<Call[]> is = run[1].flatMap(t -> calls(t, b));
            if (run[0].isPresent() && run[1].isPresent() && !stops(run[0].get()).equals(stops(run[1].get()))) {
                throw new Clash(
                        "edits",
                        b.train() + " on " + b.date() + " has live bookings and would call at other stations;"
                                + " cancel it and add another train instead",
                        "change-moves-booked-stops");
            }
            Instant depBefore =
                    was.map(c -> run[0].get().at(b.date(), c[0].departure())).orElse(null);
            Instant arrBefore =
                    was.map(c -> run[0].get().at(b.date(), c[1].arrival())).orElse(null);
            Instant depAfter =
                    is.map(c -> run[1].get().at(b.date(), c[0].departure())).orElse(null);
            Instant arrAfter =
                    is.map(c -> run[1].get().at(b.date(), c[1].arrival())).orElse(null);
            boolean cancelled = is.isEmpty();
            long depShift = depBefore != null && depAfter != null ? minutes(depBefore, depAfter) : 0;
            long arrShift = arrBefore != null && arrAfter != null ? minutes(arrBefore, arrAfter) : 0;
            if (!cancelled && depShift == 0 && arrShift == 0) {
                continue; // the booking's own times do not move (the change is elsewhere on the run)
            }
            TrainPlan plan = timetable.requirePlan(b.train(), b.date(), "train");
            Remedy remedy = remedies.remedy(
                    plan.operator(), cancelled, Duration.ofMinutes(depShift), Duration.ofMinutes(arrShift));
            out.add(new TouchedBooking(
                    b.id(),
                    b.owner(),
                    b.train(),
                    b.date(),
                    b.from(),
                    b.to(),
                    b.status(),
                    b.passengers(),
                    cancelled,
                    depBefore,
                    depAfter,
                    arrBefore,
                    arrAfter,
                    depShift,
                    arrShift,
                    remedy));
        }
        return new ChangeImpact(out);
    }

    private Optional<Train> train(List<TrainPlan> plans, String number, LocalDate date) {
        return plans.stream()
                .filter(p -> p.number().equalsIgnoreCase(number) && p.calendar().runsOn(date))
                .findFirst()
                .map(p -> timetable.train(p, date));
    }

    /** The booking's boarding and alighting calls on a run, if the run calls at both. */
    private static Optional<Call[]> calls(Train t, LiveBooking b) {
        Call from = null;
        Call to = null;
        for (Call c : t.stops()) {
            if (c.pointCode().equals(b.from()) && from == null) {
                from = c;
            } else if (c.pointCode().equals(b.to()) && from != null) {
                to = c;
            }
        }
        return from == null || to == null ? Optional.empty() : Optional.of(new Call[] {from, to});
    }

    private static List<String> stops(Train t) {
        return t.stops().stream().map(Call::pointCode).toList();
    }

    private static long minutes(Instant a, Instant b) {
        return Math.round(Duration.between(a, b).toSeconds() / 60.0);
    }

    /** Tells each touched booking's owner, and waives the fees where the rules say so. */
    private void tell(Handle h, String id, TimetableChange change, ChangeImpact impact, Instant now, boolean undo) {
        for (TouchedBooking t : impact.bookings()) {
            LiveBooking b = new LiveBooking(
                    t.bookingId(), t.owner(), t.train(), t.date(), t.from(), t.to(), 0, 0, t.status(), t.passengers());
            TimetableChangeNotices.notify(h, b, message(id, change, t, undo), now);
            if (t.remedy() == Remedy.FREE_CHANGE_OR_REFUND) {
                TimetableChangeNotices.waive(
                        h, b, id, t.cancelled(), t.departureShiftMinutes(), t.arrivalShiftMinutes(), now);
            }
        }
    }

    private String message(String id, TimetableChange change, TouchedBooking t, boolean undo) {
        StringBuilder sb = new StringBuilder()
                .append(t.train())
                .append(" on ")
                .append(t.date())
                .append(" (")
                .append(t.from())
                .append("–")
                .append(t.to())
                .append("): ");
        if (t.cancelled()) {
            sb.append("the train no longer runs");
        } else {
            sb.append("departure ")
                    .append(local(t.departureBefore(), t.from()))
                    .append(" → ")
                    .append(local(t.departureAfter(), t.from()))
                    .append(" (")
                    .append(signed(t.departureShiftMinutes()))
                    .append(" min), arrival ")
                    .append(local(t.arrivalBefore(), t.to()))
                    .append(" → ")
                    .append(local(t.arrivalAfter(), t.to()))
                    .append(" (")
                    .append(signed(t.arrivalShiftMinutes()))
                    .append(" min)");
        }
        sb.append(undo ? ", timetable change " + id + " withdrawn" : ", timetable change " + id);
        if (!change.title().isEmpty()) {
            sb.append(" (").append(change.title()).append(')');
        }
        sb.append(
                t.remedy() == Remedy.FREE_CHANGE_OR_REFUND
                        ? ". You may change the booking or have it refunded free of fee."
                        : ". Your booking stands.");
        return sb.toString();
    }

    private String local(Instant t, String point) {
        if (t == null) {
            return "—";
        }
        ZoneId zone = network.point(point).map(p -> p.timeZone()).orElse(ZoneId.of("UTC"));
        return t.atZone(zone).format(CLOCK);
    }

    private static String signed(long minutes) {
        return minutes > 0 ? "+" + minutes : String.valueOf(minutes);
    }
}
