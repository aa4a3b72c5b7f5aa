package org.lancang.store.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.maintenance.Asset;
import org.lancang.maintenance.AssetDraft;
import org.lancang.maintenance.AssetRegister;
import org.lancang.maintenance.Defect;
import org.lancang.maintenance.DefectReport;
import org.lancang.maintenance.Defects;
import org.lancang.maintenance.InspectionPlan;
import org.lancang.maintenance.InspectionResult;
import org.lancang.maintenance.InspectionSchedule;
import org.lancang.maintenance.MaintenanceRules;
import org.lancang.maintenance.Photos;
import org.lancang.maintenance.SkylightPlanner;
import org.lancang.maintenance.SkylightWarning;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.maintenance.StatusRequest;
import org.lancang.maintenance.WorkOrder;
import org.lancang.maintenance.WorkOrderStatus;
import org.lancang.maintenance.WorkOrderUpdate;
import org.lancang.maintenance.WorkOrders;
import org.lancang.network.Network;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.Possession;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.timetable.conflict.ConflictDiff;

/**
 * Maintenance as the platform keeps it: the asset register, inspections, defects (with photos and speed
 * restrictions), work orders and skylight windows in PostgreSQL, and what they hold against the timetable.
 *
 * <p>Every change is checked by the core first, then written in one transaction; the in-memory state (what the
 * timetable reads on every evaluated day) is replaced only after the commit, so a refused or failed change leaves
 * both the database and the timetable as they were, and a change is acknowledged only once it is durable. Writers are
 * serialised on this service; readers see an immutable snapshot and never wait (the timetable asks for restrictions
 * and skylights while holding its own lock, so this service must not call back into it while holding its own).
 */
public final class MaintenanceService implements TimetableService.DayConstraints {
    /** The register and the records that feed the timetable, replaced as a whole after each commit. */
    private record State(AssetRegister register, List<Defect> defects, List<SkylightWindow> windows) {}

    private final Jdbi jdbi;
    private final TimetableService timetable;
    private final MaintenanceRules rules;
    private final SkylightPlanner skylights;
    private final Clock clock;
    private final Network network;
    private volatile State state;

    /**
     * @param regularSkylights the line's regular skylight plan, stored with the generated asset register on the first
     *                         start (an empty register); from then on the stored windows are the plan
     */
    public MaintenanceService(
            Jdbi jdbi,
            Network network,
            TimetableService timetable,
            MaintenanceRules rules,
            List<SkylightWindow> regularSkylights,
            Clock clock) {
        this.jdbi = jdbi;
        this.timetable = timetable;
        this.rules = rules;
        this.skylights = new SkylightPlanner(network, rules);
        this.network = network;
        this.clock = clock;
        boolean empty = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM asset WHERE network = :n")
                        .bind("n", network.code())
                        .mapTo(Long.class)
                        .one())
                == 0;
        if (empty) {
            // the register starts as the network describes it; from then on the stored (edited) one is the truth
            AssetRegister generated = AssetRegister.generate(network);
            Instant now = clock.instant();
            jdbi.useTransaction(h -> {
                generated
                        .assets()
                        .forEach(a -> MaintenanceRecords.insertAsset(
                                h, network.code(), a, "generated from the network", now));
                for (SkylightWindow w : regularSkylights) {
                    skylights.check(w);
                    MaintenanceRecords.insertWindow(h, network.code(), w, "reference data", now);
                }
            });
        }
        // rows stored before every km named its line meant the network's first line: say so once, before reading
        jdbi.useTransaction(h -> MaintenanceRecords.nameTheirLines(h, network));
        this.state = jdbi.inTransaction(h -> new State(
                AssetRegister.of(network, MaintenanceRecords.assets(h, network)),
                MaintenanceRecords.defects(h, network.code()),
                MaintenanceRecords.windows(h, network.code())));
        timetable.maintenance(this);
    }

    public MaintenanceRules rules() {
        return rules;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---------------------------------------------------------------- what the timetable reads

    /** Every skylight occurrence reaching into the day: those starting the local day before, on, and after it. */
    @Override
    public List<Possession> possessions(LocalDate date) {
        return skylights.reachingInto(state.windows(), date);
    }

    /**
     * The restrictions in force at any moment of the service day (Beijing time, as the timetable counts days); the
     * timetable applies each only to the runs it overlaps.
     */
    @Override
    public List<SpeedRestriction> restrictions(LocalDate date) {
        return restrictions(state.defects(), date);
    }

    /** The code of the network whose assets these are. */
    public String network() {
        return network.code();
    }

    /** Whether a point is one of this network's. */
    public boolean has(String pointCode) {
        return pointCode != null
                && network.point(pointCode.strip().toUpperCase(Locale.ROOT)).isPresent();
    }

    /** The zone maintenance's days are counted in: the network's service day. */
    public ZoneId serviceZone() {
        return network.serviceZone();
    }

    private List<SpeedRestriction> restrictions(List<Defect> defects, LocalDate date) {
        Instant start = date.atStartOfDay(network.serviceZone()).toInstant();
        return Defects.restrictionsDuring(
                defects,
                start,
                date.plusDays(1).atStartOfDay(network.serviceZone()).toInstant());
    }

    // ---------------------------------------------------------------- assets

    public AssetRegister register() {
        return state.register();
    }

    public synchronized Asset addAsset(AssetDraft draft, String by) {
        return storeAsset(state.register().add(draft), draft, by, (h, asset, who, at) -> {
            // ids are unique across the networks: another network's asset of that id is a clash, not a 500
            MaintenanceRecords.assetNetwork(h, asset.id()).ifPresent(other -> {
                throw new Clash("id", "asset '" + asset.id() + "' exists on the network '" + other + "'");
            });
            MaintenanceRecords.insertAsset(h, network.code(), asset, who, at);
        });
    }

    public synchronized Asset updateAsset(AssetDraft draft, String by) {
        return storeAsset(state.register().update(draft), draft, by, MaintenanceRecords::updateAsset);
    }

    private interface AssetWrite {
        void write(Handle h, Asset asset, String by, Instant at);
    }

    /** Writes the draft's asset of the checked register {@code next}, then makes that register the current one. */
    private Asset storeAsset(AssetRegister next, AssetDraft draft, String by, AssetWrite write) {
        Asset asset = next.get(draft.id().strip());
        jdbi.useTransaction(h -> write.write(h, asset, by, clock.instant()));
        state = new State(next, state.defects(), state.windows());
        return asset;
    }

    // ---------------------------------------------------------------- inspections

    /** Records an inspection of an asset of the register, dated no later than today. */
    public synchronized InspectionResult recordInspection(InspectionResult result, String by) {
        state.register().require(result.assetId(), "assetId");
        // the latest calendar date anywhere on the line (on the reference line Beijing's, an hour ahead of Vientiane)
        LocalDate latest = network.countries().stream()
                .map(c -> LocalDate.now(clock.withZone(c.timeZone())))
                .max(LocalDate::compareTo)
                .orElse(LocalDate.now(clock.withZone(network.serviceZone())));
        if (result.date().isAfter(latest)) {
            throw new InvalidInput(
                    "date",
                    result.date() + " is in the future: record an inspection once it is done",
                    "inspection-in-future");
        }
        jdbi.useTransaction(h -> MaintenanceRecords.insertInspection(h, result, by, clock.instant()));
        return result;
    }

    public List<InspectionResult> inspections(String assetId) {
        List<InspectionResult> all = jdbi.withHandle(h -> MaintenanceRecords.inspections(h, network.code()));
        return assetId == null
                ? all
                : all.stream().filter(r -> r.assetId().equals(assetId)).toList();
    }

    public InspectionSchedule due(LocalDate today) {
        return new InspectionPlan(rules).due(state.register().assets(), inspections(null), today);
    }

    // ---------------------------------------------------------------- defects

    /** A defect as stored, with what its restriction did to a day of the timetable ({@code null} without one). */
    public record Reported(Defect defect, RestrictionImpact impact) {}

    public List<Defect> defects() {
        return state.defects();
    }

    public Defect defect(String id) {
        return findDefect(id).orElseThrow(() -> new NotFound("id", "no defect '" + id + "'", "defect-unknown"));
    }

    private Optional<Defect> findDefect(String id) {
        return state.defects().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * Checks and stores a defect (its id, {@code DEF-n}, is given here: the report's id is ignored), and reports what
     * its restriction does to {@code impactDate}.
     */
    public synchronized Reported report(DefectReport report, LocalDate impactDate) {
        Defects checker = new Defects(state.register());
        // checked under a placeholder id first, so a refused report takes no number
        Defect checked = checker.report(new DefectReport(
                "DEF-NEW",
                report.assetId(),
                report.km(),
                report.severity(),
                report.description(),
                report.restriction(),
                report.photoIds(),
                report.reportedBy(),
                report.reportedAt(),
                report.line()));
        Defect stored = jdbi.inTransaction(h -> {
            Defect d = withId(checked, "DEF-" + MaintenanceRecords.nextNumber(h));
            MaintenanceRecords.insertDefect(h, network.code(), d);
            return d;
        });
        if (!stored.hasRestriction()) {
            replaceDefects(list -> append(list, stored));
            return new Reported(stored, null);
        }
        return new Reported(stored, changeDefects(impactDate, list -> append(list, stored)));
    }

    /** Lifts a defect's restriction now, and reports what that gives back to {@code impactDate}. */
    public synchronized Reported liftRestriction(String defectId, String by, LocalDate impactDate) {
        Defect lifted = defect(defectId).liftRestriction(by, clock.instant());
        jdbi.useTransaction(h -> MaintenanceRecords.updateDefect(h, lifted));
        return new Reported(lifted, changeDefects(impactDate, list -> replace(list, lifted)));
    }

    /** Stores a photo of a defect: at most 5 MB, a PNG, JPEG or WebP by its bytes; refused otherwise (field photo). */
    public synchronized Photo addPhoto(String defectId, byte[] bytes, String declaredType, String by) {
        Defect defect = defect(defectId);
        String mediaType = Photos.check(bytes, declaredType, "photo");
        Photo photo = new Photo(UUID.randomUUID(), defect.id(), mediaType, bytes, by, clock.instant());
        jdbi.useTransaction(h -> MaintenanceRecords.insertPhoto(h, photo));
        replaceDefects(list -> replace(list, defect.withPhoto(photo.id().toString())));
        return photo;
    }

    public Optional<Photo> photo(UUID id) {
        return jdbi.withHandle(h -> MaintenanceRecords.photo(h, id));
    }

    /** Every restriction in force at {@code at}, with its defect, in km order. */
    public List<Defect> restrictionsInForce(Instant at) {
        return state.defects().stream()
                .filter(d -> d.restrictionInForce(at).isPresent())
                .sorted(Comparator.comparingDouble((Defect d) -> d.restriction().fromKm())
                        .thenComparing(Defect::id))
                .toList();
    }

    /** What the restrictions of a day do to it compared with none at all. */
    public RestrictionImpact impact(LocalDate date) {
        return impact(date, List.of(), restrictions(date));
    }

    // ---------------------------------------------------------------- work orders

    /** A move of a work order as requested, and the restriction impact when it lifted one. */
    public record Moved(WorkOrder workOrder, Defect defect, RestrictionImpact impact) {}

    /**
     * A move as a user asks for it: to PLANNED with a skylight window id and the local date of the occurrence and a
     * crew; to DONE or VERIFIED possibly lifting the defect's restriction.
     */
    public record MoveRequest(
            WorkOrderStatus to, String skylightId, LocalDate date, String crew, boolean liftRestriction, String note) {}

    public List<WorkOrder> workOrders() {
        return jdbi.withHandle(h -> MaintenanceRecords.workOrders(h, network.code()));
    }

    public WorkOrder workOrder(String id) {
        return workOrders().stream()
                .filter(o -> o.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("id", "no work order '" + id + "'", "work-order-unknown"));
    }

    /** An OPEN work order, to repair a defect ({@code defectId} given) or as planned work on an asset. */
    public synchronized WorkOrder createWorkOrder(String defectId, String assetId, String title, String by) {
        WorkOrders orders = new WorkOrders(state.register());
        Instant now = clock.instant();
        if (defectId != null && assetId != null) {
            throw new InvalidInput(
                    "assetId",
                    "give a defectId or an assetId, not both: an order for a defect is on " + "the defect's asset",
                    "defect-or-asset");
        }
        Defect defect = defectId == null
                ? null
                : findDefect(defectId)
                        .orElseThrow(() ->
                                new InvalidInput("defectId", "'" + defectId + "' is not a defect", "defect-unknown"));
        // checked under a placeholder id, so a refused order takes no number
        WorkOrder checked = defect != null
                ? orders.fromDefect("WO-NEW", defect, title, by, now)
                : orders.planned("WO-NEW", assetId, title, by, now);
        return jdbi.inTransaction(h -> {
            WorkOrder o = new WorkOrder(
                    "WO-" + MaintenanceRecords.nextNumber(h),
                    checked.origin(),
                    checked.assetId(),
                    checked.defectId(),
                    checked.title(),
                    checked.status(),
                    null,
                    null,
                    checked.history());
            MaintenanceRecords.insertWorkOrder(h, network.code(), o);
            return o;
        });
    }

    /** Moves a work order along its lifecycle now, by {@code by}; stores the order and its defect together. */
    public synchronized Moved move(String id, MoveRequest request, String by, LocalDate impactDate) {
        WorkOrder order = workOrder(id);
        if (request.to() == null) {
            throw new InvalidInput("status", "is required");
        }
        Possession window =
                request.to() == WorkOrderStatus.PLANNED ? occurrence(request.skylightId(), request.date()) : null;
        Defect defect = order.defectId() == null ? null : defect(order.defectId());
        WorkOrderUpdate update = new WorkOrders(state.register())
                .move(
                        order,
                        new StatusRequest(
                                request.to(),
                                by,
                                clock.instant(),
                                window,
                                request.crew(),
                                request.liftRestriction(),
                                request.note()),
                        defect);
        jdbi.useTransaction(h -> {
            MaintenanceRecords.updateWorkOrder(h, update.workOrder());
            if (update.defect() != null) {
                MaintenanceRecords.updateDefect(h, update.defect());
            }
        });
        RestrictionImpact impact = null;
        if (update.defect() != null && request.liftRestriction()) {
            impact = changeDefects(impactDate, list -> replace(list, update.defect()));
        } else if (update.defect() != null) {
            replaceDefects(list -> replace(list, update.defect()));
        }
        return new Moved(update.workOrder(), update.defect(), impact);
    }

    private Possession occurrence(String skylightId, LocalDate date) {
        if (skylightId == null || skylightId.isBlank()) {
            throw new InvalidInput("skylightId", "a skylight window is required to plan the work", "skylight-required");
        }
        SkylightWindow w = state.windows().stream()
                .filter(x -> x.id().equals(skylightId.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "skylightId", "'" + skylightId + "' is not a skylight window", "skylight-unknown"));
        if (date == null) {
            throw new InvalidInput("date", "the date of the skylight occurrence is required", "required");
        }
        List<Possession> on = skylights.occurrences(w, date, date);
        if (on.isEmpty()) {
            throw new InvalidInput(
                    "date",
                    "skylight " + w.id() + " does not open on " + date + " (" + date.getDayOfWeek() + "); it opens on "
                            + w.days(),
                    "skylight-not-that-day");
        }
        return on.get(0);
    }

    // ---------------------------------------------------------------- skylight windows

    public List<SkylightWindow> windows() {
        return state.windows();
    }

    /** Stores a recurring window (refused if it cannot exist) and returns the rules it breaks, as warnings. */
    public synchronized List<SkylightWarning> addWindow(SkylightWindow window, String by) {
        List<SkylightWarning> warnings = skylights.check(window);
        if (state.windows().stream().anyMatch(w -> w.id().equals(window.id()))) {
            throw new Clash("id", "skylight window '" + window.id() + "' exists", "skylight-exists");
        }
        jdbi.useTransaction(h -> {
            // ids are unique across the networks: another network's window of that id is a clash, not a 500
            MaintenanceRecords.windowNetwork(h, window.id()).ifPresent(other -> {
                throw new Clash(
                        "id",
                        "skylight window '" + window.id() + "' exists on the network '" + other + "'",
                        "skylight-exists");
            });
            MaintenanceRecords.insertWindow(h, network.code(), window, by, clock.instant());
        });
        List<SkylightWindow> next = new ArrayList<>(state.windows());
        next.add(window);
        next.sort(Comparator.comparing(SkylightWindow::id));
        state = new State(state.register(), state.defects(), List.copyOf(next));
        timetable.maintenanceChanged();
        return warnings;
    }

    /** The month's warnings: windows shorter than the rule, sections with too few skylights. */
    public List<SkylightWarning> review(YearMonth month) {
        return skylights.review(state.windows(), month);
    }

    /** Every occurrence of every window starting on the local dates {@code from} … {@code to}. */
    public List<Possession> occurrences(LocalDate from, LocalDate to) {
        return skylights.occurrences(state.windows(), from, to);
    }

    // ---------------------------------------------------------------- restriction impact

    /** Replaces the defects in memory, after their commit. */
    private void replaceDefects(Function<List<Defect>, List<Defect>> change) {
        state = new State(state.register(), List.copyOf(change.apply(state.defects())), state.windows());
    }

    /** {@link #replaceDefects}, telling the timetable, and reporting what the change of restrictions does to {@code date}. */
    private RestrictionImpact changeDefects(LocalDate date, Function<List<Defect>, List<Defect>> change) {
        List<SpeedRestriction> before = restrictions(date);
        replaceDefects(change);
        timetable.maintenanceChanged();
        return impact(date, before, restrictions(date));
    }

    private RestrictionImpact impact(LocalDate date, List<SpeedRestriction> before, List<SpeedRestriction> after) {
        Objects.requireNonNull(date, "date");
        List<RestrictionImpact.TrainDelay> trains = new ArrayList<>();
        for (TrainPlan plan : timetable.plans(date)) { // the day's, with the published timetable changes
            if (!plan.calendar().runsOn(date)) {
                continue;
            }
            Train was = timetable.planner().train(plan, date, before); // each under what holds while it runs
            Train is = timetable.planner().train(plan, date, after);
            Instant a = was.at(date, was.last().arrival());
            Instant b = is.at(date, is.last().arrival());
            if (!a.equals(b)) {
                trains.add(new RestrictionImpact.TrainDelay(
                        plan.number(),
                        was.first().pointCode(),
                        was.last().pointCode(),
                        a,
                        b,
                        b.getEpochSecond() - a.getEpochSecond()));
            }
        }
        List<Conflict> was =
                before.equals(after) ? List.of() : timetable.day(date, before).conflicts();
        List<Conflict> is =
                before.equals(after) ? List.of() : timetable.day(date, after).conflicts();
        return new RestrictionImpact(
                date, before, after, trains, ConflictDiff.minus(is, was), ConflictDiff.minus(was, is));
    }

    private static List<Defect> append(List<Defect> list, Defect d) {
        List<Defect> out = new ArrayList<>(list);
        out.add(d);
        return out;
    }

    private static List<Defect> replace(List<Defect> list, Defect d) {
        return list.stream().map(x -> x.id().equals(d.id()) ? d : x).toList();
    }

    private static Defect withId(Defect d, String id) {
        return new Defect(
                id,
                d.assetId(),
                d.km(),
                d.severity(),
                d.description(),
                d.restriction(),
                d.photoIds(),
                d.reportedBy(),
                d.reportedAt(),
                d.status(),
                d.line());
    }

    /** For tests and the CLI: counts of the maintenance tables, to prove a refused request wrote nothing. */
    public Map<String, Long> rowCounts() {
        return jdbi.withHandle(h -> {
            Map<String, Long> counts = new TreeMap<>();
            for (String table : List.of(
                    "asset",
                    "asset_attribute",
                    "inspection",
                    "defect",
                    "defect_photo",
                    "work_order",
                    "work_order_step",
                    "skylight_window")) {
                counts.put(
                        table,
                        h.createQuery("SELECT count(*) FROM " + table)
                                .mapTo(Long.class)
                                .one());
            }
            return counts;
        });
    }
}
