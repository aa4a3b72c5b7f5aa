package org.lancang.store.sales;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jdbi.v3.core.Jdbi;
import org.lancang.network.Network;
import org.lancang.rollingstock.TrainType;
import org.lancang.store.sales.SalesRecords.SalesAnomaly;
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

    private final Jdbi jdbi;
    private final TimetableService timetable;
    private final Network network;
    private final Map<String, FutureTask<RunSales>> runs = new ConcurrentHashMap<>();
    /** Seats sold twice in stored bookings, per run, as found when each was last loaded. */
    private final Map<String, List<SalesAnomaly>> anomalies = new ConcurrentHashMap<>();

    private final Clock clock;

    /** Whether a run across a border keeps a quota of seats for cross-border journeys (see {@link CrossBorderSplit}). */
    private final boolean crossBorderQuota;

    RunsInMemory(Jdbi jdbi, TimetableService timetable, Clock clock, boolean crossBorderQuota) {
        this.jdbi = jdbi;
        this.crossBorderQuota = crossBorderQuota;
        this.clock = clock;
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
        // a run that crosses the border sells its cross-border quota apart from its domestic seats (per the reference)
        CarRule rule = CarRule.anyCar();
        OptionalInt border = CrossBorderSplit.borderSegment(
                codes.stream().map(c -> network.point(c).orElseThrow()).toList());
        if (crossBorderQuota && border.isPresent()) {
            rule = CrossBorderSplit.cr200j(type.seats(), border.getAsInt());
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
        run.waiting = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM waitlist_entry WHERE network = :n"
                        + " AND train = :t AND service_date = :d AND status = 'WAITING'")
                .bind("n", network.code())
                .bind("t", plan.number())
                .bind("d", date)
                .mapTo(Integer.class)
                .one());
        return run;
    }

    /**
     * Claims the seats of the run's live bookings. A seat-segment claimed by two bookings (the stored data sells it
     * twice) does not stop the loading: the clash is recorded and logged, the run is taken off sale (see {@link
     * RunSales#suspended()}), and the other runs of the day sell on.
     */
    private void rebuild(RunSales run) {
        String key = run.key();
        Map<Integer, List<String[]>> claims = new HashMap<>(); // seat -> {booking, from, to}
        List<SalesAnomaly> found = new ArrayList<>();
        jdbi.useHandle(h -> h.createQuery("SELECT b.id, b.from_stop, b.to_stop, p.seat_index, p.car, p.seat,"
                        + " p.document_key FROM booking b JOIN booking_passenger p ON p.booking_id = b.id"
                        + " WHERE b.network = :n AND b.train = :t AND b.service_date = :d"
                        + " AND b.status IN ('HELD', 'TICKETED') ORDER BY b.created_at, b.id")
                .bind("n", network.code())
                .bind("t", run.train.number())
                .bind("d", run.date)
                .map((rs, ctx) -> {
                    String booking = rs.getString("id");
                    int seat = rs.getInt("seat_index");
                    int from = rs.getInt("from_stop");
                    int to = rs.getInt("to_stop");
                    List<String[]> onSeat = claims.computeIfAbsent(seat, k -> new ArrayList<>());
                    if (!run.inventory.claim(seat, from, to)) {
                        List<String> clashing = new ArrayList<>();
                        for (String[] c : onSeat) {
                            if (Integer.parseInt(c[1]) < to && from < Integer.parseInt(c[2])) {
                                clashing.add(c[0]);
                            }
                        }
                        clashing.add(booking);
                        found.add(new SalesAnomaly(
                                run.train.number(),
                                run.date,
                                seat,
                                rs.getInt("car"),
                                rs.getString("seat"),
                                List.copyOf(clashing),
                                clock.instant(),
                                "stored bookings " + clashing + " sell car " + rs.getInt("car") + " seat "
                                        + rs.getString("seat") + " of " + run.train.number() + " on " + run.date
                                        + " twice over " + run.stops.get(from) + "-" + run.stops.get(to)));
                    }
                    onSeat.add(new String[] {booking, String.valueOf(from), String.valueOf(to)});
                    run.addDocument(rs.getString("document_key"), from, to);
                    return null;
                })
                .list());
        if (found.isEmpty()) {
            anomalies.remove(key);
            return;
        }
        anomalies.put(key, List.copyOf(found));
        run.suspend("sales of " + run.train.number() + " on " + run.date + " are suspended: its stored bookings sell "
                + found.size() + " seat(s) twice; the operator has been told");
        for (SalesAnomaly a : found) {
            LOG.error(
                    "DOUBLE SALE in stored data: {}; {} on {} is off sale until one booking is cancelled (the other"
                            + " runs sell on; GET /api/admin/sales/anomalies lists it)",
                    a.message(),
                    a.train(),
                    a.date());
        }
    }

    /** The seats sold twice in stored bookings, as found when their runs were last loaded. */
    List<SalesAnomaly> anomalies() {
        return anomalies.values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(SalesAnomaly::date).thenComparing(SalesAnomaly::train))
                .toList();
    }

    /**
     * A run taken off sale is loaded again from the database by its next buyer once a booking of it ended (the
     * operator resolving the clash): clean now, it is back on sale. The caller holds the run's lock.
     */
    void forgetIfSuspended(RunSales run) {
        if (run.suspended() == null) {
            return;
        }
        FutureTask<RunSales> task = runs.get(run.key());
        if (task != null && task.isDone() && loaded(run.plan.number(), run.date) == run) {
            runs.remove(run.key(), task);
        }
    }
}
