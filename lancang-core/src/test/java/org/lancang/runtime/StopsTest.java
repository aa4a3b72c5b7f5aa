package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stops and timing points: at rest at every stop, dwell between arrival and departure, passing times in between. */
class StopsTest {

    private final RunningTimeRequest request = new RunningTimeRequest(
            TestTrains.emu(),
            TrackProfile.uniform(50_000, Units.kmhToMps(160), 0),
            List.of(
                    new Stop(0, Duration.ofMinutes(10)), // the origin: times count from its departure
                    new Stop(18_000, Duration.ofSeconds(90)),
                    new Stop(50_000, Duration.ofMinutes(5))), // the path end, with a turnaround dwell
            List.of(),
            Allowance.none(),
            List.of(
                    new TimingPoint("terminus", 50_000), new TimingPoint("origin", 0),
                    new TimingPoint("halt", 18_000), new TimingPoint("passing", 30_000)));

    @Test
    void startsAndStopsAtRest() {
        RunningTimeResult result = RunningTimeCalculator.calculate(request);

        assertThat(result.profile().get(0)).isEqualTo(new ProfilePoint(0, 0, 0));
        assertThat(Envelopes.speedAtMps(result.profile(), 18_000)).isZero();
        assertThat(result.profile().get(result.profile().size() - 1).speedMps()).isZero();
        // two samples at the halt, at rest: the arrival and the departure
        List<ProfilePoint> atHalt =
                result.profile().stream().filter(p -> p.positionM() == 18_000).toList();
        assertThat(atHalt).hasSize(2).allMatch(p -> p.speedMps() == 0);
        assertThat(atHalt.get(0).timeS())
                .isCloseTo(Envelopes.seconds(result.timingPoint("halt").arrival()), within(1e-6));
        assertThat(atHalt.get(1).timeS())
                .isCloseTo(Envelopes.seconds(result.timingPoint("halt").departure()), within(1e-6));
    }

    @Test
    void reportsTimingPointsInTheRequestsOrder() {
        RunningTimeResult result = RunningTimeCalculator.calculate(request);

        assertThat(result.timingPoints())
                .extracting(TimingPointTime::name)
                .containsExactly("terminus", "origin", "halt", "passing");
        TimingPointTime origin = result.timingPoint("origin");
        assertThat(origin.stopped()).isTrue();
        assertThat(origin.departure()).isEqualTo(Duration.ZERO);

        TimingPointTime halt = result.timingPoint("halt");
        assertThat(halt.stopped()).isTrue();
        assertThat(halt.departure().minus(halt.arrival())).isEqualTo(Duration.ofSeconds(90));

        TimingPointTime passing = result.timingPoint("passing");
        assertThat(passing.stopped()).isFalse();
        assertThat(passing.arrival()).isEqualTo(passing.departure());
        assertThat(passing.arrival()).isGreaterThan(halt.departure());

        TimingPointTime terminus = result.timingPoint("terminus");
        assertThat(terminus.arrival()).isEqualTo(result.totalRunningTime()).isGreaterThan(passing.arrival());
        assertThat(terminus.departure().minus(terminus.arrival())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aStopCostsMoreThanItsDwell() {
        RunningTimeRequest nonStop = new RunningTimeRequest(
                request.train(), request.track(), List.of(), List.of(), Allowance.none(), List.of());

        Duration withStop = RunningTimeCalculator.calculate(request).totalRunningTime();
        Duration without = RunningTimeCalculator.calculate(nonStop).totalRunningTime();

        assertThat(withStop.minus(without))
                .isGreaterThan(Duration.ofSeconds(90 + 30)); // braking and re-accelerating lose time
    }
}
