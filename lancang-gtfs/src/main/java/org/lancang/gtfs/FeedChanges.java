package org.lancang.gtfs;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;

/**
 * What a network's published timetable changes make of its GTFS feed, date by date over the feed's window: the base
 * trips that do not run on some dates (cancelled there, or run there as another trip), and the trips of their own that
 * a moved, re-stopped or added train runs on its dates.
 *
 * <p>A changed run's trip_id is {@code <train>-<first date yyyymmdd>}: the train and the first date on which the
 * change gives it that plan, so the static feed and the realtime feeds (which both read this) name it alike, and
 * the same published changes always give the same ids.
 *
 * @param notRunning base trip_id (the train number) → the dates of its calendar on which it does not run as planned
 * @param trips      the changed runs, each with the dates it runs on (inside the window)
 */
public record FeedChanges(Map<String, SortedSet<LocalDate>> notRunning, List<DatedTrip> trips) {
    /** No published change: the feed is the base plan's. */
    public static final FeedChanges NONE = new FeedChanges(Map.of(), List.of());

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public FeedChanges {
        Map<String, SortedSet<LocalDate>> copy = new TreeMap<>();
        notRunning.forEach((train, dates) -> copy.put(train, new TreeSet<>(dates)));
        notRunning = Map.copyOf(copy);
        trips = List.copyOf(trips);
    }

    /** A run of its own: a train as a change makes it, on the dates it runs so. */
    public record DatedTrip(String tripId, Train train, SortedSet<LocalDate> dates) {
        public DatedTrip {
            dates = new TreeSet<>(dates);
        }
    }

    public boolean isEmpty() {
        return notRunning.isEmpty() && trips.isEmpty();
    }

    /** The trip_id of {@code train}'s run on {@code date} when a change gives it one of its own. */
    public Optional<DatedTrip> tripOn(String train, LocalDate date) {
        return trips.stream()
                .filter(t ->
                        t.train().number().equalsIgnoreCase(train) && t.dates().contains(date))
                .findFirst();
    }

    /**
     * The changes over the window of the base timetable's passenger trains (the first to the last date of their
     * calendars: the feed's window, kept as it is).
     *
     * @param base      the base timetable, as the feed exports it
     * @param basePlans the base plans it was built from
     * @param plansOf   the plans of a date with the published changes (the base list itself on a date none covers)
     * @param trainOf   a plan's train as it runs on a date (its times from the physics)
     */
    public static FeedChanges of(
            Timetable base,
            List<TrainPlan> basePlans,
            Function<LocalDate, List<TrainPlan>> plansOf,
            BiFunction<TrainPlan, LocalDate, Train> trainOf) {
        List<Train> passenger = base.trains().stream().filter(Train::passenger).toList();
        if (passenger.isEmpty()) {
            return NONE;
        }
        LocalDate from = passenger.stream()
                .map(t -> t.calendar().startDate())
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate to = passenger.stream()
                .map(t -> t.calendar().endDate())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Map<String, TrainPlan> byNumber = new HashMap<>();
        basePlans.forEach(p -> byNumber.put(key(p.number()), p));
        Map<String, Train> passengerByNumber = new HashMap<>();
        passenger.forEach(t -> passengerByNumber.put(key(t.number()), t));

        Map<String, SortedSet<LocalDate>> notRunning = new TreeMap<>();
        // a changed plan and the dates it runs so, in the order first met (by date): its id is its first date
        Map<TrainPlan, SortedSet<LocalDate>> changed = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            List<TrainPlan> day = plansOf.apply(d);
            if (day == basePlans || day.equals(basePlans)) {
                continue; // no change in force that date
            }
            Map<String, TrainPlan> ofTheDay = new HashMap<>();
            for (TrainPlan p : day) {
                ofTheDay.put(key(p.number()), p);
                TrainPlan was = byNumber.get(key(p.number()));
                if (!p.equals(was) && p.calendar().runsOn(d)) {
                    changed.computeIfAbsent(p, k -> new TreeSet<>()).add(d);
                }
            }
            for (Train t : passenger) {
                TrainPlan now = ofTheDay.get(key(t.number()));
                TrainPlan was = byNumber.get(key(t.number()));
                if (t.calendar().runsOn(d) && (now == null || !now.equals(was))) {
                    notRunning.computeIfAbsent(t.number(), k -> new TreeSet<>()).add(d);
                }
            }
        }
        List<DatedTrip> trips = new ArrayList<>();
        for (Map.Entry<TrainPlan, SortedSet<LocalDate>> e : changed.entrySet()) {
            LocalDate first = e.getValue().first();
            Train train = trainOf.apply(e.getKey(), first);
            if (train.passenger()) {
                String id = train.number() + "-" + DAY.format(first);
                trips.add(new DatedTrip(uniqueId(id, trips), train, e.getValue()));
            }
        }
        return new FeedChanges(notRunning, trips);
    }

    /** Two plans of one train first met on one date (never in practice) would share an id: the later gets a suffix. */
    private static String uniqueId(String id, List<DatedTrip> taken) {
        String out = id;
        int n = 2;
        while (taken.stream().map(DatedTrip::tripId).toList().contains(out)) {
            out = id + "-" + n++;
        }
        return out;
    }

    private static String key(String number) {
        return number.toUpperCase(Locale.ROOT);
    }
}
