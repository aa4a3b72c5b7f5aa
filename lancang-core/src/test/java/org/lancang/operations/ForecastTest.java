package org.lancang.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lancang.operations.ReferenceDay.DAY;
import static org.lancang.operations.ReferenceDay.GRAPH;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Point;

/** The forecast on the reference day: a clean day is the plan, a late train moves what lies downstream and no more. */
class ForecastTest {
    @Test
    void aDisturbanceFreeDayRunsToThePlanToTheSecond() {
        DaySimulator.Reality reality = DaySimulator.simulate(GRAPH, List.of());
        for (int n = 0; n < GRAPH.nodes(); n++) {
            assertThat(reality.times()[n]).as("node %d", n).isEqualTo(GRAPH.planned(n));
        }
        Forecast forecast = new Forecast(GRAPH);
        for (RunningEvent e : reality.events()) {
            Forecast.Checked c = forecast.check(e, null, "", new EventBatch());
            assertThat(c.duplicate()).isFalse();
            forecast.apply(List.of(c.event()));
        }
        for (int n = 0; n < GRAPH.nodes(); n++) {
            assertThat(forecast.time(n)).isEqualTo(GRAPH.planned(n));
        }
        assertThat(forecast.weightedDelay(ReferenceDay.RULES)).isZero();
        assertThat(forecast.day())
                .allSatisfy(t -> assertThat(t.destinationDelaySeconds()).isZero());
        assertThat(reality.events()).hasSizeGreaterThan(1000);
    }

    @Test
    void aLateDepartureRunsForwardRecoveringTheAllowanceAndHoldsTheTrainsThatMeetIt() {
        DayGraph.Run intl = ReferenceDay.firstCrossBorderPassengerSouthbound();
        Forecast forecast = new Forecast(GRAPH);
        long planned = GRAPH.planned(intl.departure(0));
        RunningEvent late = new RunningEvent(
                intl.train(),
                DAY,
                intl.path().origin().code(),
                EventKind.DEPARTURE,
                Instant.ofEpochSecond(planned + 25 * 60),
                "test");
        Forecast.Change change = forecast.apply(
                List.of(forecast.check(late, null, "", new EventBatch()).event()));
        TrainForecast f = forecast.of(intl);
        assertThat(f.delayNowSeconds()).isEqualTo(25 * 60);
        // recovers part of the 5 % allowance (and the border dwell keeps the rest), but arrives late
        assertThat(f.destinationDelaySeconds()).isPositive().isLessThanOrEqualTo(25 * 60);
        assertThat(change.runs()).contains(intl.owner()).hasSizeGreaterThan(1);
        // every other changed run waits for it somewhere: its cause chain reaches a meet order
        assertThat(forecast.day().stream()
                        .filter(t -> !t.train().equals(intl.train()))
                        .filter(t -> t.destinationDelaySeconds() > 0)
                        .flatMap(t -> t.calls().stream())
                        .map(c -> c.cause().kind()))
                .contains(ActivityKind.MEET_ORDER.name());
        // equal to a full re-simulation
        assertThat(forecast.times()).isEqualTo(Resimulation.forecast(GRAPH, forecast.actuals()));
    }

    @Test
    void eventsThatCannotBeAreRefusedNamingTheField() {
        DayGraph.Run intl = ReferenceDay.firstCrossBorderPassengerSouthbound();
        Forecast forecast = new Forecast(GRAPH);
        Instant t = GRAPH.plannedInstant(intl.departure(0));
        String origin = intl.path().origin().code();
        String second = intl.path().points().get(1).code();
        assertField(forecast, new RunningEvent("X999", DAY, origin, EventKind.DEPARTURE, t, "t"), "train");
        assertField(
                forecast,
                new RunningEvent(intl.train(), DAY.plusDays(400), origin, EventKind.DEPARTURE, t, "t"),
                "serviceDate");
        assertField(forecast, new RunningEvent(intl.train(), DAY, "VTS", EventKind.PASS, t, "t"), "point");
        assertField(forecast, new RunningEvent(intl.train(), DAY, "NOPE", EventKind.PASS, t, "t"), "point");
        assertField(forecast, new RunningEvent(intl.train(), DAY, origin, EventKind.ARRIVAL, t, "t"), "kind");
        assertField(
                forecast,
                new RunningEvent(intl.train(), DAY, origin, EventKind.DEPARTURE, t, "t"),
                "at",
                t.minusSeconds(1));
        EventKind atSecond = intl.plan().callsAt(second) ? EventKind.ARRIVAL : EventKind.PASS;
        forecast.apply(List.of(forecast.check(
                        new RunningEvent(intl.train(), DAY, second, atSecond, t.plusSeconds(600), "t"),
                        null,
                        "",
                        new EventBatch())
                .event()));
        assertField(forecast, new RunningEvent(intl.train(), DAY, origin, EventKind.DEPARTURE, t, "t"), "point");
        String third = intl.path().points().get(2).code();
        assertField(
                forecast,
                new RunningEvent(
                        intl.train(),
                        DAY,
                        third,
                        intl.plan().callsAt(third) ? EventKind.ARRIVAL : EventKind.PASS,
                        t,
                        "t"),
                "at");
        // the same event again is a duplicate, not an error
        assertThat(forecast.check(
                                new RunningEvent(intl.train(), DAY, second, atSecond, t.plusSeconds(600), "t"),
                                null,
                                "",
                                new EventBatch())
                        .duplicate())
                .isTrue();
        // the same event at another time is not the same report: refused naming the time, recorded or in the batch
        RunningEvent moved = new RunningEvent(intl.train(), DAY, second, atSecond, t.plusSeconds(660), "t");
        assertThatThrownBy(() -> forecast.check(moved, null, "events[0].", new EventBatch()))
                .isInstanceOfSatisfying(Clash.class, x -> assertThat(x.field()).isEqualTo("events[0].at"));
        EventBatch batch = new EventBatch();
        RunningEvent third0 = new RunningEvent(
                intl.train(),
                DAY,
                third,
                intl.plan().callsAt(third) ? EventKind.ARRIVAL : EventKind.PASS,
                t.plusSeconds(1200),
                "t");
        assertThat(forecast.check(third0, null, "events[0].", batch).duplicate())
                .isFalse();
        assertThat(forecast.check(third0, null, "events[1].", batch).duplicate())
                .isTrue();
        RunningEvent third1 =
                new RunningEvent(third0.train(), DAY, third, third0.kind(), t.plusSeconds(1260), "other describer");
        assertThatThrownBy(() -> forecast.check(third1, null, "events[2].", batch))
                .isInstanceOfSatisfying(Clash.class, x -> assertThat(x.field()).isEqualTo("events[2].at"));
    }

    @Test
    void aTrainHeldAtTwoPointsIsHeldAtEachUntilItsOwnRelease() {
        DayGraph.Run intl = ReferenceDay.firstCrossBorderPassengerSouthbound();
        Forecast forecast = new Forecast(GRAPH);
        List<Point> points = intl.path().points();
        String first = points.get(2).code();
        String second = points.get(5).code();
        Instant plannedFirst = GRAPH.plannedInstant(intl.departure(2));
        Instant released = plannedFirst.plusSeconds(30 * 60);
        DepartureHold atFirst = new DepartureHold(intl.train(), DAY, first, released, "first released");
        DepartureHold atSecond = new DepartureHold(intl.train(), DAY, second, null, "second open");
        forecast.hold(List.of(atSecond, atFirst), plannedFirst);
        assertThat(forecast.holds()).containsExactlyInAnyOrder(atFirst, atSecond);
        assertThat(forecast.heldUntil(atFirst)).contains(released);
        assertThat(forecast.heldUntil(atSecond)).isPresent();

        // past the first point before its release: refused naming the time
        RunningEvent early =
                new RunningEvent(intl.train(), DAY, points.get(3).code(), kindAt(intl, 3), plannedFirst, "t");
        assertThatThrownBy(() -> forecast.check(early, null, "", new EventBatch()))
                .isInstanceOfSatisfying(Clash.class, x -> assertThat(x.field()).isEqualTo("at"));
        // after it: accepted, up to the second point
        RunningEvent after = new RunningEvent(
                intl.train(), DAY, points.get(3).code(), kindAt(intl, 3), released.plusSeconds(600), "t");
        forecast.apply(List.of(forecast.check(after, null, "", new EventBatch()).event()));
        // past the second point while its hold is open: refused naming the point
        RunningEvent beyond = new RunningEvent(
                intl.train(), DAY, points.get(6).code(), kindAt(intl, 6), released.plusSeconds(3 * 3600), "t");
        assertThatThrownBy(() -> forecast.check(beyond, null, "", new EventBatch()))
                .isInstanceOfSatisfying(Clash.class, x -> {
                    assertThat(x.field()).isEqualTo("point");
                    assertThat(x.getMessage()).contains(second);
                });
    }

    private static EventKind kindAt(DayGraph.Run run, int index) {
        return run.plan().callsAt(run.path().points().get(index).code()) ? EventKind.ARRIVAL : EventKind.PASS;
    }

    private static void assertField(Forecast f, RunningEvent e, String field) {
        assertField(f, e, field, null);
    }

    private static void assertField(Forecast f, RunningEvent e, String field, Instant now) {
        assertThatThrownBy(() -> f.check(e, now, "events[0].", new EventBatch()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, x -> assertThat(x.field()).isEqualTo("events[0]." + field));
    }
}
