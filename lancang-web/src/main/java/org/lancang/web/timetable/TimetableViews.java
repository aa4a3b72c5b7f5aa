package org.lancang.web.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.Call;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.web.network.NetworkRoutes.NamesView;

/** How trains, calls and conflicts look in the API and on the command line (one shape for both). */
public final class TimetableViews {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm");

    /** A call with its times as instants (with the point's offset) and as local clock times at the point. */
    public record CallView(
            String point,
            NamesView name,
            OffsetDateTime arrival,
            OffsetDateTime departure,
            String arrivalLocal,
            String departureLocal,
            String timeZone,
            boolean stops,
            long dwellSeconds) {}

    public record TrainView(
            String number,
            String operator,
            String trainType,
            boolean passenger,
            String from,
            String to,
            LocalDate serviceDate,
            boolean runsOnDate,
            List<CallView> calls) {}

    public record TrainSummaryView(
            String number,
            String operator,
            String trainType,
            boolean passenger,
            String from,
            String to,
            String departureLocal,
            String arrivalLocal,
            String days) {}

    public record ConflictView(
            String resource, String first, String second, boolean possessionInvolved, Instant from, Instant to) {
        public static ConflictView of(Conflict c) {
            return new ConflictView(c.resource(), c.first(), c.second(), c.possessionInvolved(), c.from(), c.to());
        }
    }

    private TimetableViews() {}

    public static TrainView train(Network network, Train train, LocalDate date) {
        return train(network, train, date, train.calendar().runsOn(date));
    }

    /** The train's times on a date, saying whether it runs then (a timetable change may have cancelled it). */
    public static TrainView train(Network network, Train train, LocalDate date, boolean runs) {
        List<CallView> calls = new ArrayList<>();
        for (Call c : train.calls()) {
            Point p = network.point(c.pointCode()).orElseThrow();
            OffsetDateTime arrival = at(train, date, c.arrival(), p);
            OffsetDateTime departure = at(train, date, c.departure(), p);
            calls.add(new CallView(
                    p.code(),
                    NamesView.of(p.names()),
                    arrival,
                    departure,
                    arrival.format(LOCAL),
                    departure.format(LOCAL),
                    p.timeZone().getId(),
                    c.stops(),
                    c.dwell().toSeconds()));
        }
        return new TrainView(
                train.number(),
                train.operator().name(),
                train.trainType(),
                train.passenger(),
                train.first().pointCode(),
                train.last().pointCode(),
                date,
                runs,
                calls);
    }

    public static TrainSummaryView summary(Network network, Train train, TrainPlan plan) {
        return summary(network, train, plan, null);
    }

    /** A train in one line; on a date, its times that day (a change may have moved it), else as planned. */
    public static TrainSummaryView summary(Network network, Train train, TrainPlan plan, LocalDate date) {
        LocalDate any = date == null ? plan.calendar().startDate() : date;
        TrainView v = train(network, train, any);
        String days = plan.calendar().days().size() == 7
                ? "daily"
                : plan.calendar().days().toString();
        return new TrainSummaryView(
                train.number(),
                train.operator().name(),
                train.trainType(),
                train.passenger(),
                v.from(),
                v.to(),
                v.calls().get(0).departureLocal(),
                v.calls().get(v.calls().size() - 1).arrivalLocal(),
                days);
    }

    private static OffsetDateTime at(Train train, LocalDate date, Duration offset, Point p) {
        // the physics works in milliseconds; a timetable shows whole seconds
        return train.at(date, offset).atZone(p.timeZone()).toOffsetDateTime().withNano(0);
    }
}
