package org.lancang.freight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Point;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Possession;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.conflict.Occupation;

/**
 * Ad-hoc freight paths on the shipped timetable's day: found around every train, conflict-free once added, with the
 * border stops; or refused naming what binds (gradient, useful length, a possession) with the earliest alternative.
 */
class FreightPathsTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));
    static final Planner PLANNER = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());
    static final FreightData FREIGHT = FreightData.parse(DATA.network(), WorldCurrencies.TABLE, FILES);
    static final FreightPaths PATHS = new FreightPaths(PLANNER, FREIGHT.rules(), "FREIGHT");

    static Instant local(String point, LocalTime time) {
        Point p = DATA.network().point(point).orElseThrow();
        return DAY.atTime(time).atZone(p.timeZone()).toInstant();
    }

    static PathAsk durian(double massT, double lengthM) {
        return new PathAsk("VTS", "YHE", local("VTS", LocalTime.of(8, 0)), null, massT, lengthM, false);
    }

    @Test
    void aPathIsFoundAroundTheDayAndAddingItBringsNoConflict() {
        DayPlan day = PLANNER.day(PLANS, DAY, List.of(), List.of());
        PathAnswer answer =
                PATHS.answer("F9001", Operator.valueOf("LCR"), durian(2_800, 600), day.occupations(), List.of());
        assertThat(answer.feasible()).as("%s", answer.binding()).isTrue();
        assertThat(answer.path().run().departure()).isAfterOrEqualTo(local("VTS", LocalTime.of(8, 0)));
        // a technical stop at each border control station, of the data's length
        List<String> borderStops =
                answer.request().stops().stream().map(StopRequest::point).toList();
        List<String> controls = DATA.network().points().stream()
                .filter(p -> p.dwell().bordersControl())
                .map(Point::code)
                .toList();
        assertThat(borderStops).containsExactlyInAnyOrderElementsOf(controls);
        answer.request()
                .stops()
                .forEach(s -> assertThat(s.dwell()).isEqualTo(FREIGHT.rules().borderDwell()));
        // the speed it holds on the ruling gradient is said, and is below the line speed for 2,800 t
        assertThat(answer.balancingSpeedKmh())
                .isGreaterThan(20)
                .isLessThan(PATHS.trainType().maxSpeedKmh());
        assertThat(answer.notes()).anyMatch(n -> n.contains("ruling gradient"));
        // the day with the new train has no conflict involving it
        List<TrainPlan> with = new ArrayList<>(PLANS);
        with.add(answer.path().plan());
        DayPlan after = PLANNER.day(with, DAY, List.of(), List.of());
        assertThat(after.conflicts())
                .filteredOn(c -> c.first().startsWith("F9001") || c.second().startsWith("F9001"))
                .isEmpty();
    }

    @Test
    void aTrainTooHeavyToStartOnTheRulingGradientIsRefusedSayingSo() {
        double heaviest = PATHS.heaviestStarting(12);
        assertThat(PATHS.canStart(heaviest, 12)).isTrue();
        assertThat(PATHS.canStart(heaviest + 1, 12)).isFalse();
        PathAnswer answer =
                PATHS.answer("F9002", Operator.valueOf("LCR"), durian(heaviest + 50, 600), List.of(), List.of());
        assertThat(answer.feasible()).isFalse();
        assertThat(answer.binding().kind()).isEqualTo(PathAnswer.Kind.GRADIENT);
        assertThat(answer.binding().message()).contains("cannot start");
    }

    @Test
    void aTrainLongerThanTheTracksAtItsOriginIsRefusedNamingThem() {
        int useful = DATA.network().point("VTS").orElseThrow().usefulLengthM();
        PathAnswer answer =
                PATHS.answer("F9003", Operator.valueOf("LCR"), durian(2_000, useful + 10), List.of(), List.of());
        assertThat(answer.feasible()).isFalse();
        assertThat(answer.binding().kind()).isEqualTo(PathAnswer.Kind.LOOP_LENGTH);
        assertThat(answer.binding().where()).isEqualTo("VTS");
    }

    @Test
    void aPossessionClosingTheLineIsNamedAndTheEarliestPathAfterItOffered() {
        Instant start = local("VTS", LocalTime.of(7, 0));
        Instant end = start.plus(Duration.ofHours(16));
        Possession works = new Possession("WORKS-1", "VTS", "YHE", start, end, "whole-line works");
        List<Occupation> occupations = PLANNER.possessionOccupations(works);
        PathAnswer answer = PATHS.answer("F9004", Operator.valueOf("LCR"), durian(2_000, 600), occupations, List.of());
        assertThat(answer.feasible()).isFalse();
        assertThat(answer.binding().kind()).isEqualTo(PathAnswer.Kind.POSSESSION);
        assertThat(answer.binding().heldBy()).isEqualTo("WORKS-1");
        assertThat(answer.alternative()).isNotNull();
        assertThat(answer.alternative().run().departure()).isAfterOrEqualTo(end);
    }

    @Test
    void aLatestArrivalTooEarlyIsTheBindingConstraintWithTheEarliestArrivalOffered() {
        PathAsk ask = new PathAsk(
                "VTS", "YHE", local("VTS", LocalTime.of(8, 0)), local("VTS", LocalTime.of(12, 0)), 2_000, 600, false);
        PathAnswer answer = PATHS.answer("F9005", Operator.valueOf("LCR"), ask, List.of(), List.of());
        assertThat(answer.binding().kind()).isEqualTo(PathAnswer.Kind.LATEST_ARRIVAL);
        assertThat(answer.alternative().run().arrival()).isAfter(ask.latestArrival());
    }

    @Test
    void badAsksAreRefusedNamingTheField() {
        assertThatThrownBy(() -> PATHS.check(new PathAsk("VTE", "YHE", Instant.EPOCH, null, 1000, 500, false)))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("from");
        assertThatThrownBy(() -> PATHS.check(new PathAsk("VTS", "YHE", null, null, 1000, 500, false)))
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("earliestDeparture");
        assertThatThrownBy(() -> PATHS.check(new PathAsk("VTS", "YHE", Instant.EPOCH, null, -1, 500, false)))
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("trailingMassT");
    }
}
