package org.lancang.web.timetable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lancang.network.Network;
import org.lancang.store.changes.ChangeImpact;
import org.lancang.store.changes.ChangeRecord;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.timetable.RoadClosureLimits;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.change.Edit;
import org.lancang.web.timetable.TimetableViews.ConflictView;
import org.lancang.web.timetable.TimetableViews.TrainView;

/** How timetable changes, their previews and their impact on sold tickets look in the API. */
public final class ChangeViews {
    public record ScopeView(LocalDate from, LocalDate to, List<DayOfWeek> days) {}

    public record StopView(String point, long dwellMinutes) {}

    /** One edit: {@code departure} for MOVE (and the added train's), {@code stops}/{@code meets} for ADD and REPLACE. */
    public record EditView(
            String kind,
            String train,
            LocalTime departure,
            String trainType,
            String from,
            String to,
            List<StopView> stops,
            List<StopView> meets,
            List<String> via) {}

    public record ChangeView(
            String id,
            String network,
            String title,
            String origin,
            String status,
            ScopeView scope,
            List<EditView> edits,
            String createdBy,
            Instant createdAt,
            String publishedBy,
            Instant publishedAt,
            Integer notified,
            String undoneBy,
            Instant undoneAt) {}

    /** A booking the change touches; times are local at the booking's stations, with their offset. */
    public record TouchedBookingView(
            String bookingId,
            String train,
            LocalDate date,
            String from,
            String to,
            String status,
            int passengers,
            boolean cancelled,
            OffsetDateTime departureBefore,
            OffsetDateTime departureAfter,
            OffsetDateTime arrivalBefore,
            OffsetDateTime arrivalAfter,
            long departureShiftMinutes,
            long arrivalShiftMinutes,
            String remedy) {}

    /** The bookings of one run (train on a date) the change touches, counted. */
    public record RunImpactView(String train, LocalDate date, int bookings, int passengers, boolean cancelled) {}

    public record ImpactView(
            int bookings, int passengers, List<RunImpactView> runs, List<TouchedBookingView> touched) {}

    public record TrainChangeView(String number, TrainView before, TrainView after) {}

    public record DateCountView(LocalDate date, int newConflicts) {}

    public record DateBreachesView(LocalDate date, int newRoadLimitBreaches) {}

    /**
     * The conflict check over every date of the scope (dates alike to the detector are evaluated once), and the dates
     * on which the road across a shared bridge would be closed over a limit it was not over before.
     */
    public record ScopeCheckView(
            int datesInScope,
            int datesChecked,
            List<DateCountView> datesWithNewConflicts,
            List<DateBreachesView> datesWithNewRoadLimitBreaches) {}

    /** A limit of the road's closed time on a shared bridge passed ({@code train} null: the day's total). */
    public record RoadLimitBreachView(
            String bridge, LocalDate date, String train, long limitMinutes, long closedMinutes, String message) {
        static RoadLimitBreachView of(RoadClosureLimits.Breach b) {
            return new RoadLimitBreachView(
                    b.bridge(),
                    b.date(),
                    b.train(),
                    b.limit().toMinutes(),
                    b.actual().toMinutes(),
                    b.message());
        }
    }

    public record PreviewView(
            ChangeView change,
            LocalDate date,
            boolean inScope,
            List<ConflictView> conflicts,
            List<ConflictView> newConflicts,
            List<ConflictView> resolvedConflicts,
            List<TrainChangeView> trains,
            ScopeCheckView scopeCheck,
            List<RoadLimitBreachView> roadLimitBreaches,
            List<RoadLimitBreachView> newRoadLimitBreaches) {}

    public record OutcomeView(ChangeView change, ImpactView impact) {}

    private ChangeViews() {}

    public static ChangeView change(ChangeRecord r) {
        var c = r.change();
        return new ChangeView(
                r.id(),
                r.network(),
                c.title(),
                c.origin().name(),
                r.status().name(),
                new ScopeView(
                        c.scope().from(),
                        c.scope().to(),
                        c.scope().days().stream().sorted().toList()),
                c.edits().stream().map(ChangeViews::edit).toList(),
                r.createdBy(),
                r.createdAt(),
                r.publishedBy(),
                r.publishedAt(),
                r.notified(),
                r.undoneBy(),
                r.undoneAt());
    }

    private static EditView edit(Edit e) {
        if (e instanceof Edit.Move m) {
            return new EditView("MOVE", m.train(), m.departure(), null, null, null, List.of(), List.of(), List.of());
        }
        if (e instanceof Edit.Add a) {
            var p = a.plan();
            return new EditView(
                    "ADD",
                    p.number(),
                    p.departure(),
                    p.trainType(),
                    p.from(),
                    p.to(),
                    stops(p.stops()),
                    stops(p.meets()),
                    p.via());
        }
        if (e instanceof Edit.ReplaceStops r) {
            return new EditView(
                    "REPLACE_STOPS", r.train(), null, null, null, null, stops(r.stops()), stops(r.meets()), List.of());
        }
        return new EditView("CANCEL", e.train(), null, null, null, null, List.of(), List.of(), List.of());
    }

    private static List<StopView> stops(List<StopRequest> list) {
        return list.stream()
                .map(s -> new StopView(s.point(), s.dwell().toMinutes()))
                .toList();
    }

    public static ImpactView impact(Network network, ChangeImpact impact) {
        Map<String, RunImpactView> runs = new TreeMap<>();
        for (ChangeImpact.TouchedBooking t : impact.bookings()) {
            String key = t.date() + " " + t.train();
            RunImpactView was = runs.get(key);
            runs.put(
                    key,
                    new RunImpactView(
                            t.train(),
                            t.date(),
                            (was == null ? 0 : was.bookings()) + 1,
                            (was == null ? 0 : was.passengers()) + t.passengers(),
                            t.cancelled()));
        }
        return new ImpactView(
                impact.bookings().size(),
                impact.passengers(),
                List.copyOf(runs.values()),
                impact.bookings().stream()
                        .map(t -> new TouchedBookingView(
                                t.bookingId(),
                                t.train(),
                                t.date(),
                                t.from(),
                                t.to(),
                                t.status(),
                                t.passengers(),
                                t.cancelled(),
                                local(network, t.departureBefore(), t.from()),
                                local(network, t.departureAfter(), t.from()),
                                local(network, t.arrivalBefore(), t.to()),
                                local(network, t.arrivalAfter(), t.to()),
                                t.departureShiftMinutes(),
                                t.arrivalShiftMinutes(),
                                t.remedy().name()))
                        .toList());
    }

    public static PreviewView preview(Network network, TimetableChangeService.Preview p) {
        return new PreviewView(
                change(p.change()),
                p.date(),
                p.inScope(),
                p.conflicts().stream().map(ConflictView::of).toList(),
                p.newConflicts().stream().map(ConflictView::of).toList(),
                p.resolvedConflicts().stream().map(ConflictView::of).toList(),
                p.trains().stream()
                        .map(t -> new TrainChangeView(
                                t.number(),
                                t.before() == null ? null : TimetableViews.train(network, t.before(), p.date()),
                                t.after() == null ? null : TimetableViews.train(network, t.after(), p.date())))
                        .toList(),
                new ScopeCheckView(
                        p.scope().datesInScope(),
                        p.scope().datesChecked(),
                        p.scope().newConflicts().entrySet().stream()
                                .map(e -> new DateCountView(e.getKey(), e.getValue()))
                                .toList(),
                        p.scope().newRoadLimitBreaches().entrySet().stream()
                                .map(e -> new DateBreachesView(e.getKey(), e.getValue()))
                                .toList()),
                p.roadLimitBreaches().stream().map(RoadLimitBreachView::of).toList(),
                p.newRoadLimitBreaches().stream().map(RoadLimitBreachView::of).toList());
    }

    private static OffsetDateTime local(Network network, Instant t, String point) {
        if (t == null) {
            return null;
        }
        ZoneId zone = network.point(point).map(p -> p.timeZone()).orElse(ZoneId.of("UTC"));
        return t.atZone(zone).toOffsetDateTime();
    }
}
