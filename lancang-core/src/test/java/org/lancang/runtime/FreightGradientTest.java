package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A 2,600 t, 7,200 kW freight train on the China–Laos ruling gradient of 12 ‰. */
class FreightGradientTest {

    private static final TrainPhysics FREIGHT = TestTrains.freight();
    private static final double LIMIT_MPS = Units.kmhToMps(120);

    @Test
    void slowerUphillThanOnTheFlatAndFasterDownhill() {
        double up = runningTimeS(20_000, 12);
        double flat = runningTimeS(20_000, 0);
        double down = runningTimeS(20_000, -12);

        assertThat(up).isGreaterThan(flat);
        assertThat(down).isLessThan(up);
        assertThat(down).isLessThan(flat); // gravity helps it reach 120 km/h sooner; braking ignores the gradient
    }

    /**
     * On a long climb the speed settles where full traction equals resistance. The balancing speed is found here by
     * bisection on the train's own force functions, then compared with the simulated speed.
     */
    @Test
    void settlesAtItsBalancingSpeedOnTheRulingGradient() {
        double balancingMps = balancingSpeedMps(12.0);
        assertThat(balancingMps).isLessThan(FREIGHT.maxSpeedMps());
        assertThat(Units.mpsToKmh(balancingMps)).isBetween(60.0, 90.0); // plausibility of the test train itself

        RunningTimeResult result = RunningTimeCalculator.calculate(
                RunningTimeRequest.of(FREIGHT, TrackProfile.uniform(40_000, LIMIT_MPS, 12), List.of()));

        assertThat(Envelopes.maxSpeedMps(result.profile(), 0, 40_000)).isLessThan(balancingMps * 1.001);
        assertThat(Envelopes.maxSpeedMps(result.profile(), 29_000, 31_000))
                .isCloseTo(balancingMps, withinPercentage(0.5));
    }

    /** At 120 km/h from the flat into the climb: full traction cannot hold the limit, so the speed falls to balance. */
    @Test
    void losesSpeedOnAClimbItCannotHoldTheLimitOn() {
        TrackProfile line = TrackProfile.builder(60_000)
                .speedLimit(0, 60_000, LIMIT_MPS)
                .gradient(0, 20_000, 0)
                .gradient(20_000, 60_000, 12)
                .build();

        RunningTimeResult result = RunningTimeCalculator.calculate(RunningTimeRequest.of(FREIGHT, line, List.of()));

        assertThat(Envelopes.speedAtMps(result.profile(), 19_000)).isCloseTo(LIMIT_MPS, withinPercentage(0.01));
        assertThat(Envelopes.speedAtMps(result.profile(), 45_000))
                .isCloseTo(balancingSpeedMps(12.0), withinPercentage(0.5));
    }

    private static double runningTimeS(double lengthM, double gradientPermille) {
        RunningTimeResult result = RunningTimeCalculator.calculate(
                RunningTimeRequest.of(FREIGHT, TrackProfile.uniform(lengthM, LIMIT_MPS, gradientPermille), List.of()));
        return Envelopes.seconds(result.totalRunningTime());
    }

    private static double balancingSpeedMps(double gradientPermille) {
        double lo = 0.0;
        double hi = FREIGHT.maxSpeedMps();
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            double netN = FREIGHT.tractionEffortN(mid)
                    - FREIGHT.davisResistanceN(mid)
                    - FREIGHT.gradientResistanceN(gradientPermille);
            if (netN > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
