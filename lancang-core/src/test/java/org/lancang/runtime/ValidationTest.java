package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input is refused with an IllegalArgumentException naming the field; impossible physics with an IllegalStateException. */
class ValidationTest {

    private final TrackProfile track = TrackProfile.uniform(10_000, 40.0, 0);

    private RunningTimeRequest request(
            List<Stop> stops, List<TemporarySpeedRestriction> tsrs, List<TimingPoint> points) {
        return new RunningTimeRequest(TestTrains.emu(), track, stops, tsrs, Allowance.none(), points);
    }

    @Test
    void negativeDwell() {
        assertThatThrownBy(() -> new Stop(5_000, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dwell");
    }

    @Test
    void stopBeyondThePath() {
        assertThatThrownBy(() -> request(
                        List.of(new Stop(4_000, Duration.ZERO), new Stop(12_000, Duration.ZERO)), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stops[1].positionM");
    }

    @Test
    void stopsOutOfOrder() {
        assertThatThrownBy(() -> request(
                        List.of(new Stop(6_000, Duration.ZERO), new Stop(4_000, Duration.ZERO)), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stops[1].positionM");
    }

    @Test
    void restrictionOutsideThePath() {
        assertThatThrownBy(
                        () -> request(List.of(), List.of(new TemporarySpeedRestriction(9_500, 10_500, 10)), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temporaryRestrictions[0].toM");
        assertThatThrownBy(() -> new TemporarySpeedRestriction(-10, 100, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromM");
    }

    @Test
    void timingPointOutsideThePath() {
        assertThatThrownBy(() -> request(List.of(), List.of(), List.of(new TimingPoint("far", 10_001))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timingPoints[0].positionM");
    }

    @Test
    void speedsMustBePositive() {
        assertThatThrownBy(() -> new SpeedLimit(0, 100, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speedMps");
        assertThatThrownBy(() -> new TemporarySpeedRestriction(0, 100, -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speedMps");
        assertThatThrownBy(() -> TestTrains.constantForce(1e5, 1e5, 1.05, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSpeedMps");
    }

    @Test
    void trackProfileChecks() {
        assertThatThrownBy(() -> TrackProfile.builder(1_000)
                        .gradient(0, 400, 0)
                        .gradient(500, 1_000, 0)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradients[1].fromM");
        assertThatThrownBy(() -> TrackProfile.builder(1_000).gradient(0, 900, 0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradients[0].toM");
        assertThatThrownBy(() -> TrackProfile.builder(1_000).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradients");
        assertThatThrownBy(() -> new GradientSection(0, 100, 41))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradientPermille");
        assertThatThrownBy(() -> TrackProfile.builder(1_000)
                        .speedLimit(0, 1_200, 30)
                        .gradient(0, 1_000, 0)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speedLimits[0].toM");
        assertThatThrownBy(() -> TrackProfile.builder(1_000)
                        .speedLimit(0, 600, 30)
                        .speedLimit(500, 1_000, 20)
                        .gradient(0, 1_000, 0)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speedLimits[1].fromM");
        assertThatThrownBy(() -> new SpeedLimit(500, 400, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("toM");
    }

    @Test
    void trainChecks() {
        assertThatThrownBy(() -> TractionCurve.of(new double[] {0, 10, 10}, new double[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points[2].speedMps");
        assertThatThrownBy(() -> new TrainPhysics(1e5, 0.9, 100, 30, TractionCurve.constantEffort(1e5), 0, 0, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rotatingMassFactor");
        assertThatThrownBy(() -> new TrainPhysics(1e5, 1.05, 100, 30, TractionCurve.constantEffort(1e5), 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brakingDecelerationMps2");
        assertThatThrownBy(() -> Allowance.percent(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent");
    }

    @Test
    void tooWeakToStartOnAGradient() {
        // 2,600 t on 30 ‰ needs 765 kN; the locomotive has 520 kN
        assertThatThrownBy(() -> RunningTimeCalculator.calculate(RunningTimeRequest.of(
                        TestTrains.freight(), TrackProfile.uniform(10_000, Units.kmhToMps(120), 30), List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start at 0.0 m")
                .hasMessageContaining("30.00 ‰");
    }

    @Test
    void tooWeakToRestartFromAStopOnAGradient() {
        TrackProfile climb = TrackProfile.builder(10_000)
                .speedLimitKmh(0, 10_000, 120)
                .gradient(0, 2_000, 0)
                .gradient(2_000, 10_000, 30)
                .build();
        RunningTimeRequest request = new RunningTimeRequest(
                TestTrains.freight(),
                climb,
                List.of(new Stop(3_000, Duration.ofMinutes(1))),
                List.of(),
                Allowance.none(),
                List.of());

        // it reaches the stop on its momentum from the flat, with the whole 800 m train on the climb: no way out
        assertThatThrownBy(() -> RunningTimeCalculator.calculate(request))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start at 3000.0 m")
                .hasMessageContaining("30.00 ‰");
    }

    @Test
    void stallsOnAClimbTooSteepForIt() {
        TrackProfile climb = TrackProfile.builder(20_000)
                .speedLimitKmh(0, 20_000, 120)
                .gradient(0, 4_000, 0)
                .gradient(4_000, 20_000, 30)
                .build();

        assertThatThrownBy(() ->
                        RunningTimeCalculator.calculate(RunningTimeRequest.of(TestTrains.freight(), climb, List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stalls at")
                .hasMessageContaining("30.00 ‰");
    }
}
