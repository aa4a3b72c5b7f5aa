package org.lancang.store.timetable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.NotFound;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.PathFinder;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Possession;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.PlansOfADay;
import org.lancang.timetable.change.TimetableChange;

/**
 * The timetable as the platform keeps it: the train plans (in priority order) and possessions in PostgreSQL, the
 * planner's engine over them, and evaluated days cached until something changes.
 */
public final class TimetableService {
    public static final String TIMETABLE_FILE = "timetable.csv";
    /** How a refusal of a stored train names where it is: the table, its rows in the timetable's order. */
    public static final String STORED_TIMETABLE = "stored timetable (train_plan)";

    private final Jdbi jdbi;
    private final Planner planner;
    private List<TrainPlan> plans;
    private List<Possession> possessions;
    /** The published changes in the order they were published, and every train a change ever added. */
    private List<TimetableChange> published = List.of();

    private Map<String, TrainPlan> addedByChanges = Map.of();
    private final Map<LocalDate, List<TrainPlan>> plansOfDays = new ConcurrentHashMap<>();
    private final Map<LocalDate, DayPlan> days = new HashMap<>();
    private DayConstraints maintenance = DayConstraints.NONE;
    /** Possessions that come with the network itself each day (the road's windows on a shared bridge). */
    private final Function<LocalDate, List<Possession>> standing;

    /**
     * What maintenance holds against the timetable on a service day: skylight occurrences (possessions) and
     * temporary speed restrictions. Implementations must answer without calling back into this service (it holds its
     * lock while asking).
     */
    public interface DayConstraints {
        DayConstraints NONE = new DayConstraints() {
            @Override
            public List<Possession> possessions(LocalDate date) {
                return List.of();
            }

            @Override
            public List<SpeedRestriction> restrictions(LocalDate date) {
                return List.of();
            }
        };

        /** Possessions reaching into the day (those of the days before and after included). */
        List<Possession> possessions(LocalDate date);

        /** The restrictions the day's trains run under. */
        List<SpeedRestriction> restrictions(LocalDate date);
    }

    private volatile long version;

    public TimetableService(Jdbi jdbi, Planner planner) {
        this.jdbi = jdbi;
        this.planner = planner;
        this.standing = date -> List.of();
        reload();
    }

    private TimetableService(Planner planner, List<TrainPlan> plans, Function<LocalDate, List<Possession>> standing) {
        this.jdbi = null;
        this.planner = planner;
        this.standing = standing;
        this.plans = List.copyOf(plans);
        this.possessions = List.of();
        version = 1;
    }

    /**
     * A network's timetable as its folder gives it, kept in memory alone: a network other than home has no stored
     * plans, possessions or changes (ADR 0020), but its trains are sold through the same services as home's (ADR 0027).
     */
    public static TimetableService fromPlans(Planner planner, List<TrainPlan> plans) {
        return new TimetableService(planner, plans, date -> List.of());
    }

    /**
     * A network's timetable from its folder (as above) whose every day also holds {@code standing}'s possessions: the
     * road's windows on a shared bridge, which its operations and conflict checks must see as planning does.
     */
    public static TimetableService fromPlans(
            Planner planner, List<TrainPlan> plans, Function<LocalDate, List<Possession>> standing) {
        return new TimetableService(planner, plans, standing);
    }

    /**
     * The timetable the database holds, every train of it run once with {@code planner} (which keeps the runs for the
     * days it plans later): what a restart serves is what it checks, so a stored train the planner refuses stops the
     * start naming {@value #STORED_TIMETABLE}, its row and the train. The file's plans ({@code file}: read and checked
     * by {@link TimetableFile#load}) are asked for and stored only when the database has no timetable yet; one that has
     * keeps its own, whatever an upgrade's file says.
     */
    public static TimetableService open(Jdbi jdbi, Planner planner, Supplier<List<TrainPlan>> file) {
        long count = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM train_plan")
                .mapTo(Long.class)
                .one());
        if (count == 0) {
            store(jdbi, file.get());
        }
        TimetableService timetable = new TimetableService(jdbi, planner);
        // through the one load a file goes through: on the first start each run is the file's, already kept
        TimetableFile.load(STORED_TIMETABLE, TimetableFile.format(timetable.plans()), planner);
        return timetable;
    }

    private static void store(Jdbi jdbi, List<TrainPlan> plans) {
        jdbi.useTransaction(h -> {
            int seq = 0;
            for (TrainPlan p : plans) {
                h.createUpdate(
                                "INSERT INTO train_plan (number, seq, plan_csv, added_by) VALUES (:n, :s, :c, 'reference')")
                        .bind("n", p.number())
                        .bind("s", seq++)
                        .bind("c", TimetableFile.format(List.of(p)))
                        .execute();
            }
        });
    }

    /**
     * Grows whenever the timetable or the maintenance it runs under changes: those who keep a train's times (the sales
     * of its runs) compare it to know when to look again.
     */
    public long version() {
        return version;
    }

    /**
     * The base timetable as the database holds it, read and nothing else (none run, nothing written): what a restart
     * checks against the other networks served before it writes.
     */
    public static List<TrainPlan> stored(Jdbi jdbi) {
        return jdbi
                .withHandle(h -> h.createQuery("SELECT plan_csv FROM train_plan ORDER BY seq")
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(csv -> TimetableFile.parse(TIMETABLE_FILE, csv).get(0))
                .toList();
    }

    private synchronized void reload() {
        version++;
        plans = stored(jdbi);
        possessions = jdbi.withHandle(h -> h.createQuery("SELECT * FROM possession ORDER BY starts_at, id")
                .map((rs, ctx) -> new Possession(
                        rs.getString("id"),
                        rs.getString("from_point"),
                        rs.getString("to_point"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                        rs.getString("description")))
                .list());
        days.clear();
        plansOfDays.clear();
    }

    /**
     * The published timetable changes, in the order they were published, and the ones withdrawn (undone), whose added
     * trains bookings may still name. The plans of every date follow at once; the days are evaluated anew.
     */
    public synchronized void changes(List<TimetableChange> publishedInOrder, List<TimetableChange> withdrawn) {
        published = List.copyOf(publishedInOrder);
        Map<String, TrainPlan> added = new HashMap<>();
        for (List<TimetableChange> list : List.of(withdrawn, publishedInOrder)) {
            for (TimetableChange c : list) {
                for (Edit e : c.edits()) {
                    if (e instanceof Edit.Add add) {
                        added.put(
                                add.train().toUpperCase(Locale.ROOT),
                                add.plan().withCalendar(c.scope().calendar()));
                    }
                }
            }
        }
        addedByChanges = Map.copyOf(added);
        days.clear();
        plansOfDays.clear();
        version++;
    }

    /** The published changes, in the order they were published. */
    public synchronized List<TimetableChange> published() {
        return published;
    }

    /** Connects maintenance; the evaluated days are dropped so they are computed again with it. */
    public synchronized void maintenance(DayConstraints constraints) {
        this.maintenance = constraints;
        days.clear();
        version++;
    }

    /** Maintenance changed (a restriction, a skylight): every evaluated day is computed again when next asked. */
    public synchronized void maintenanceChanged() {
        days.clear();
        version++;
    }

    public Planner planner() {
        return planner;
    }

    /** The base plan: every train as the timetable was built, before any change. */
    public synchronized List<TrainPlan> plans() {
        return plans;
    }

    /** The plans of a service date: the base plan with the published changes in force that date. */
    public List<TrainPlan> plans(LocalDate date) {
        List<TrainPlan> cached = plansOfDays.get(date);
        if (cached != null) {
            return cached;
        }
        synchronized (this) {
            List<TrainPlan> computed = PlansOfADay.of(plans, published, date);
            if (plansOfDays.size() > 2_000) {
                plansOfDays.clear();
            }
            plansOfDays.put(date, computed);
            return computed;
        }
    }

    /**
     * The plans of a date if these changes were the published ones (in this order): a draft's preview (the published
     * ones and the draft), an undo's (the published ones but one).
     */
    public synchronized List<TrainPlan> plansWith(LocalDate date, List<TimetableChange> changes) {
        return PlansOfADay.of(plans, changes, date);
    }

    public synchronized List<Possession> possessions() {
        return possessions;
    }

    /** The stored possessions and the skylight occurrences reaching into the day. */
    public synchronized List<Possession> possessions(LocalDate date) {
        List<Possession> all = new ArrayList<>(possessions);
        all.addAll(standing.apply(date));
        all.addAll(maintenance.possessions(date));
        return all;
    }

    /** The speed restrictions the day's trains run under. */
    public synchronized List<SpeedRestriction> restrictions(LocalDate date) {
        return maintenance.restrictions(date);
    }

    public synchronized Optional<TrainPlan> plan(String number) {
        return plans.stream().filter(p -> p.number().equalsIgnoreCase(number)).findFirst();
    }

    public TrainPlan requirePlan(String number, String field) {
        return plan(number)
                .orElseThrow(() -> new NotFound(field, "no train '" + number + "' in the timetable", "train-unknown"));
    }

    /** The train's plan on a date (empty when a change cancelled it there); with no date, the base plan. */
    public Optional<TrainPlan> plan(String number, LocalDate date) {
        if (date == null) {
            return plan(number);
        }
        List<TrainPlan> of = plans(date);
        return of.stream().filter(p -> p.number().equalsIgnoreCase(number)).findFirst();
    }

    /**
     * The plan a booking on the train and date was sold on: the date's own, or (the run cancelled, or added by a
     * change since undone) the base plan or the one the change added. Refunds and changes of such bookings need it.
     */
    public TrainPlan requirePlan(String number, LocalDate date, String field) {
        return plan(number, date)
                .or(() -> plan(number))
                .or(() -> Optional.ofNullable(addedByChanges.get(number.toUpperCase(Locale.ROOT))))
                .orElseThrow(() -> new NotFound(field, "no train '" + number + "' in the timetable", "train-unknown"));
    }

    public Train train(TrainPlan plan) {
        return planner.train(plan, List.of());
    }

    /** The timetabled train as it runs on {@code date}, under that day's speed restrictions. */
    public Train train(TrainPlan plan, LocalDate date) {
        return planner.train(plan, date, restrictions(date));
    }

    public synchronized Timetable timetable() {
        return planner.timetable(plans, List.of());
    }

    /** The day evaluated: runs, blocking times and conflicts (cached until the timetable changes). */
    public synchronized DayPlan day(LocalDate date) {
        return days.computeIfAbsent(
                date, d -> planner.day(this::plans, d, possessions(d), maintenance.restrictions(d)));
    }

    /** The day evaluated under other restrictions than its own (not cached): to show what a restriction changes. */
    public synchronized DayPlan day(LocalDate date, List<SpeedRestriction> restrictions) {
        return planner.day(this::plans, date, possessions(date), restrictions);
    }

    /** The day evaluated as if these changes were the published ones (not cached): a preview. */
    public synchronized DayPlan dayWith(LocalDate date, List<TimetableChange> changes) {
        return planner.day(d -> plansWith(d, changes), date, possessions(date), maintenance.restrictions(date));
    }

    /**
     * Finds a conflict-free path on the request's day, around the trains of that day (published changes included), and
     * adds nothing: a path joins the timetable only through a timetable change.
     */
    public synchronized InsertedPath findPath(PathRequest request) {
        return findPath(request, day(serviceDate(request)));
    }

    /** A path found around the trains of an evaluated day (a draft's preview, to add a path to the draft). */
    public synchronized InsertedPath findPath(PathRequest request, DayPlan around) {
        // the new train runs under the day's speed restrictions and around its skylights, like the others
        return new PathFinder(planner)
                .insert(request, new ArrayList<>(around.occupations()), restrictions(around.date()));
    }

    /** The service date of a requested path: the date at its origin when it may leave first. */
    public LocalDate serviceDate(PathRequest request) {
        return request.earliestDeparture()
                .atZone(planner.network()
                        .point(request.from())
                        .map(p -> p.timeZone())
                        .orElse(ZoneOffset.UTC))
                .toLocalDate();
    }

    public synchronized Possession addPossession(Possession p) {
        if (jdbi == null) {
            throw new IllegalStateException("a network read from its folder keeps no possessions");
        }
        planner.possessionOccupations(p); // checks the points
        jdbi.useHandle(
                h -> h.createUpdate("INSERT INTO possession (id, from_point, to_point, starts_at, ends_at, description)"
                                + " VALUES (:id, :f, :t, :s, :e, :d)")
                        .bind("id", p.id())
                        .bind("f", p.fromPoint())
                        .bind("t", p.toPoint())
                        .bind("s", OffsetDateTime.ofInstant(p.start(), ZoneOffset.UTC))
                        .bind("e", OffsetDateTime.ofInstant(p.end(), ZoneOffset.UTC))
                        .bind("d", p.description())
                        .execute());
        reload();
        return p;
    }
}
