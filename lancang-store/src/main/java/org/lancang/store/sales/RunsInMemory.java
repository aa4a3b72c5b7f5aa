package org.lancang.store.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jdbi.v3.core.Jdbi;
import org.lancang.network.Network;
import org.lancang.rollingstock.TrainType;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.inventory.AllocationPolicy;
import org.lancang.ticketing.inventory.CarRule;
import org.lancang.ticketing.inventory.CrossBorderSplit;
import org.lancang.ticketing.inventory.SeatInventory;
import org.lancang.timetable.Call;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The train runs on sale, in memory: each loaded the first time a buyer needs it, its seats rebuilt from the live
 * bookings in the database (so a restart sells exactly what was left), then kept.
 */
final class RunsInMemory {
    private static final Logger LOG = LoggerFactory.getLogger(RunsInMemory.class);
    /** The trains whose cars are split between cross-border and domestic journeys (D887/D888, per the reference). */
    static final Set<String> SPLIT_TRAINS = Set.of("D887", "D888");

    private final Jdbi jdbi;
    private final TimetableService timetable;
    private final Network network;
    private final Map<String, FutureTask<RunSales>> runs = new ConcurrentHashMap<>();

    RunsInMemory(Jdbi jdbi, TimetableService timetable) {
        this.jdbi = jdbi;
        this.timetable = timetable;
        this.network = timetable.planner().network();
    }

    /** The run's sales state, rebuilt from the database the first time it is needed. */
    RunSales run(TrainPlan plan, LocalDate date) {
        String key = plan.number() + "@" + date;
        FutureTask<RunSales> task = runs.get(key);
        if (task == null) {
            // Loaded outside the map's own locking: one buyer loads this run while buyers of other runs go on.
            FutureTask<RunSales> mine = new FutureTask<>(() -> load(plan, date));
            task = runs.putIfAbsent(key, mine);
            if (task == null) {
                task = mine;
                mine.run();
            }
        }
        try {
            return current(task.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + key, e);
        } catch (ExecutionException e) {
            runs.remove(key, task); // the next buyer tries again
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("loading " + key + " failed", e.getCause());
        }
    }

    /** A run already in memory (no timetable look-up), or null. */
    RunSales loaded(String train, LocalDate date) {
        if (train == null || date == null) {
            return null;
        }
        FutureTask<RunSales> task = runs.get(train.strip().toUpperCase(Locale.ROOT) + "@" + date);
        if (task == null || !task.isDone()) {
            return null;
        }
        try {
            return current(task.get());
        } catch (InterruptedException | ExecutionException e) {
            return null;
        }
    }

    /**
     * The run with the timetable's latest times: when the timetable changed since (a departure moved, a speed
     * restriction reported or lifted), its times are taken again, under the run's lock so no sale sees half of them.
     */
    private RunSales current(RunSales run) {
        long version = timetable.version();
        if (run.timetableVersion == version) {
            return run;
        }
        run.lock.lock();
        try {
            if (run.timetableVersion != version) {
                // the date's own plan: a published change may have moved or cancelled this run
                TrainPlan plan = timetable
                        .plan(run.plan.number(), run.date)
                        .filter(p -> p.calendar().runsOn(run.date))
                        .orElse(null);
                run.cancelled = plan == null;
                if (plan == null) {
                    run.timetableVersion = version;
                    return run;
                }
                Train train = timetable.train(plan, run.date);
                if (!run.retime(plan, train, departures(train, run.date), version)) {
                    LOG.warn(
                            "{} on {} now calls at other stations; its sales keep the stops they were sold on",
                            plan.number(),
                            run.date);
                }
            }
        } finally {
            run.lock.unlock();
        }
        return run;
    }

    private static List<Instant> departures(Train train, LocalDate date) {
        return train.stops().stream().map(c -> train.at(date, c.departure())).toList();
    }

    private RunSales load(TrainPlan plan, LocalDate date) {
        long version = timetable.version();
        Train train = timetable.train(plan, date); // the day's times, under its speed restrictions
        List<Call> stops = train.stops();
        List<String> codes = stops.stream().map(Call::pointCode).toList();
        List<Instant> departures = departures(train, date);
        TrainType type = timetable.planner().trainType(plan.trainType(), "train");
        CarRule rule = CarRule.anyCar();
        if (SPLIT_TRAINS.contains(plan.number())) {
            OptionalInt border = CrossBorderSplit.borderSegment(
                    codes.stream().map(c -> network.point(c).orElseThrow()).toList());
            if (border.isPresent()) {
                rule = CrossBorderSplit.cr200j(border.getAsInt());
            }
        }
        RunSales run = new RunSales(
                plan,
                train,
                date,
                codes,
                departures,
                new SeatInventory(type.seats(), codes.size(), rule, AllocationPolicy.BEST_FIT));
        run.timetableVersion = version;
        rebuild(run);
        run.waiting = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM waitlist_entry WHERE train = :t"
                        + " AND service_date = :d AND status = 'WAITING'")
                .bind("t", plan.number())
                .bind("d", date)
                .mapTo(Integer.class)
                .one());
        return run;
    }

    private void rebuild(RunSales run) {
        jdbi.useHandle(h -> h.createQuery("SELECT b.from_stop, b.to_stop, p.seat_index, p.document_key FROM booking b"
                        + " JOIN booking_passenger p ON p.booking_id = b.id"
                        + " WHERE b.train = :t AND b.service_date = :d AND b.status IN ('HELD', 'TICKETED')")
                .bind("t", run.train.number())
                .bind("d", run.date)
                .map((rs, ctx) -> {
                    int from = rs.getInt("from_stop");
                    int to = rs.getInt("to_stop");
                    if (!run.inventory.claim(rs.getInt("seat_index"), from, to)) {
                        throw new IllegalStateException("stored bookings sell seat " + rs.getInt("seat_index") + " of "
                                + run.train.number() + " on " + run.date + " twice");
                    }
                    run.addDocument(rs.getString("document_key"), from, to);
                    return null;
                })
                .list());
    }
}
