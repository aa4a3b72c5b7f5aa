package org.lancang.store.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.lancang.ticketing.inventory.SeatInventory;
import org.lancang.timetable.Call;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;

/**
 * One train run on sale: its seat inventory, its selling points, who holds which document on it, and the lock that
 * makes its changes one at a time (one writer per run).
 */
final class RunSales {
    /** The plan, the train and its departures as the timetable last gave them (see {@link #retime}). */
    volatile TrainPlan plan;

    volatile Train train;
    final LocalDate date;
    final List<String> stops;
    volatile List<Instant> departures;
    /** A published timetable change cancelled the run: it sells nothing (its bookings stand until refunded). */
    volatile boolean cancelled;

    /** The timetable's version these times come from. */
    volatile long timetableVersion;

    final SeatInventory inventory;
    final ReentrantLock lock = new ReentrantLock();
    /** Document key → the journeys [from, to) it holds on this run. */
    final Map<String, List<int[]>> documents = new HashMap<>();
    /** How many waitlist entries wait for this run (0: a release need not look at the waitlist). */
    int waiting;
    /**
     * Why this run is not on sale, or null: its stored bookings sell a seat twice (written by a second server on the
     * same database, say). It sells nothing until the clash is resolved; see {@link RunsInMemory}.
     */
    private volatile String suspended;

    RunSales(
            TrainPlan plan,
            Train train,
            LocalDate date,
            List<String> stops,
            List<Instant> departures,
            SeatInventory inventory) {
        this.plan = plan;
        this.train = train;
        this.date = date;
        this.stops = List.copyOf(stops);
        this.departures = List.copyOf(departures);
        this.inventory = inventory;
    }

    /** The run's name, "D887@2026-12-01": orders locks taken on two runs. */
    String key() {
        return plan.number() + "@" + date;
    }

    /**
     * New times for the same stops (a departure moved, a speed restriction): the seats sold stay as they are. A plan
     * that calls at other stations is not taken: the sold journeys are counted in stops of the old pattern.
     */
    boolean retime(TrainPlan newPlan, Train newTrain, List<Instant> newDepartures, long version) {
        List<String> newStops = newTrain.stops().stream().map(Call::pointCode).toList();
        timetableVersion = version;
        if (!newStops.equals(stops)) {
            return false;
        }
        plan = newPlan;
        train = newTrain;
        departures = List.copyOf(newDepartures);
        return true;
    }

    String suspended() {
        return suspended;
    }

    void suspend(String why) {
        suspended = why;
    }

    boolean documentOverlaps(String key, int from, int to) {
        return documents.getOrDefault(key, List.of()).stream().anyMatch(j -> j[0] < to && from < j[1]);
    }

    void addDocument(String key, int from, int to) {
        documents.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {from, to});
    }

    void removeDocument(String key, int from, int to) {
        List<int[]> list = documents.get(key);
        if (list != null) {
            list.removeIf(j -> j[0] == from && j[1] == to);
        }
    }
}
