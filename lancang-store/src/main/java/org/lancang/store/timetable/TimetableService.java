package org.lancang.store.timetable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.lancang.data.DataFiles;
import org.lancang.errors.Clash;
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

/**
 * The timetable as the platform keeps it: the train plans (in priority order) and possessions in PostgreSQL, the
 * planner's engine over them, and evaluated days cached until something changes.
 */
public final class TimetableService {
    public static final String TIMETABLE_FILE = "timetable.csv";

    private final Jdbi jdbi;
    private final Planner planner;
    private List<TrainPlan> plans;
    private List<Possession> possessions;
    private final Map<LocalDate, DayPlan> days = new HashMap<>();
    private DayConstraints maintenance = DayConstraints.NONE;

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
        reload();
    }

    /** Loads the shipped timetable into an empty database. */
    public static void loadIfEmpty(Jdbi jdbi, DataFiles files) {
        long count = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM train_plan")
                .mapTo(Long.class)
                .one());
        if (count == 0) {
            List<TrainPlan> plans = TimetableFile.parse(TIMETABLE_FILE, files.read(TIMETABLE_FILE));
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
    }

    /**
     * Grows whenever the timetable or the maintenance it runs under changes: those who keep a train's times (the sales
     * of its runs) compare it to know when to look again.
     */
    public long version() {
        return version;
    }

    private synchronized void reload() {
        version++;
        plans = jdbi
                .withHandle(h -> h.createQuery("SELECT plan_csv FROM train_plan ORDER BY seq")
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(csv -> TimetableFile.parse(TIMETABLE_FILE, csv).get(0))
                .toList();
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

    public synchronized List<TrainPlan> plans() {
        return plans;
    }

    public synchronized List<Possession> possessions() {
        return possessions;
    }

    /** The stored possessions and the skylight occurrences reaching into the day. */
    public synchronized List<Possession> possessions(LocalDate date) {
        List<Possession> all = new ArrayList<>(possessions);
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
        return plan(number).orElseThrow(() -> new NotFound(field, "no train '" + number + "' in the timetable"));
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
        return days.computeIfAbsent(date, d -> planner.day(plans, d, possessions(d), maintenance.restrictions(d)));
    }

    /** The day evaluated under other restrictions than its own (not cached): to show what a restriction changes. */
    public synchronized DayPlan day(LocalDate date, List<SpeedRestriction> restrictions) {
        return planner.day(plans, date, possessions(date), restrictions);
    }

    /** Finds a conflict-free path on the request's day; with {@code add} the train joins the timetable. */
    public synchronized InsertedPath insert(PathRequest request, boolean add, String user) {
        if (add && plan(request.number()).isPresent()) {
            throw new Clash("number", "train " + request.number() + " is already in the timetable");
        }
        LocalDate date = request.earliestDeparture()
                .atZone(planner.network()
                        .point(request.from())
                        .map(p -> p.timeZone())
                        .orElse(ZoneOffset.UTC))
                .toLocalDate();
        // the new train runs under the day's speed restrictions and around its skylights, like the others
        InsertedPath found = new PathFinder(planner)
                .insert(request, new ArrayList<>(day(date).occupations()), restrictions(date));
        if (add) {
            jdbi.useTransaction(h -> {
                int seq = h.createQuery("SELECT coalesce(max(seq), -1) + 1 FROM train_plan")
                        .mapTo(Integer.class)
                        .one();
                h.createUpdate("INSERT INTO train_plan (number, seq, plan_csv, added_by) VALUES (:n, :s, :c, :u)")
                        .bind("n", found.plan().number())
                        .bind("s", seq)
                        .bind("c", TimetableFile.format(List.of(found.plan())))
                        .bind("u", user)
                        .execute();
            });
            reload();
        }
        return found;
    }

    /** Moves a train's first departure (local time at its origin) and keeps it; the days are evaluated anew. */
    public synchronized TrainPlan moveDeparture(String number, LocalTime departure) {
        TrainPlan moved = requirePlan(number, "number").withDeparture(departure);
        jdbi.useHandle(h -> h.createUpdate("UPDATE train_plan SET plan_csv = :c WHERE number = :n")
                .bind("c", TimetableFile.format(List.of(moved)))
                .bind("n", moved.number())
                .execute());
        reload();
        return moved;
    }

    public synchronized Possession addPossession(Possession p) {
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
