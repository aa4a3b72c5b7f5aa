package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A 45 km/h slow order of 1.5 km in the middle of a 30 km leg at 160 km/h. */
class TemporarySpeedRestrictionTest {

    private static final double LENGTH_M = 30_000;
    private static final double TSR_FROM_M = 14_250;
    private static final double TSR_TO_M = 15_750;
    private static final double LINE_MPS = Units.kmhToMps(160);
    private static final double TSR_MPS = Units.kmhToMps(45);

    private final TrainPhysics train = TestTrains.emu();
    private final RunningTimeRequest withoutTsr =
            RunningTimeRequest.of(train, TrackProfile.uniform(LENGTH_M, LINE_MPS, 0), List.of());
    private final RunningTimeRequest withTsr = new RunningTimeRequest(
            train,
            withoutTsr.track(),
            List.of(),
            List.of(new TemporarySpeedRestriction(TSR_FROM_M, TSR_TO_M, TSR_MPS)),
            Allowance.none(),
            List.of());

    /**
     * Lower bound: the restricted stretch, zone plus train length, run at 45 instead of 160 km/h. Upper bound: that,
     * plus what braking from V to v at b loses against cruising, (V − v)² / (2bV), plus what re-accelerating loses,
     * at most (V − v)² / (2·a_min·V) with a_min the (smallest) acceleration at V on the flat, plus 1 s.
     */
    @Test
    void lengthensTheRunByAPlausibleAmount() {
        double extraS = Envelopes.seconds(
                        RunningTimeCalculator.calculate(withTsr).totalRunningTime())
                - Envelopes.seconds(RunningTimeCalculator.calculate(withoutTsr).totalRunningTime());

        double restrictedM = (TSR_TO_M - TSR_FROM_M) + train.lengthM();
        double atSpeedS = restrictedM / TSR_MPS - restrictedM / LINE_MPS;
        double speedDrop = LINE_MPS - TSR_MPS;
        double brakingLossS = speedDrop * speedDrop / (2 * train.brakingDecelerationMps2() * LINE_MPS);
        double minAccelerationMps2 =
                (train.tractionEffortN(LINE_MPS) - train.davisResistanceN(LINE_MPS)) / train.effectiveMassKg();
        double accelerationLossBoundS = speedDrop * speedDrop / (2 * minAccelerationMps2 * LINE_MPS);

        assertThat(extraS).isGreaterThan(atSpeedS);
        assertThat(extraS).isLessThan(atSpeedS + brakingLossS + accelerationLossBoundS + 1.0);
    }

    @Test
    void holdsUntilTheTailHasClearedTheRestriction() {
        RunningTimeResult result = RunningTimeCalculator.calculate(withTsr);

        double tailClearM = TSR_TO_M + train.lengthM();
        assertThat(Envelopes.maxSpeedMps(result.profile(), TSR_FROM_M, tailClearM))
                .isLessThanOrEqualTo(TSR_MPS + 1e-9);
        for (double xM = TSR_TO_M; xM <= tailClearM; xM += 10) {
            assertThat(Envelopes.speedAtMps(result.profile(), xM))
                    .as("speed at %.0f m", xM)
                    .isLessThanOrEqualTo(TSR_MPS + 1e-9);
        }
        // and not longer than needed: it speeds up once the tail is out
        assertThat(Envelopes.speedAtMps(result.profile(), tailClearM + 500)).isGreaterThan(TSR_MPS + 1.0);
        // the head reaches the zone already slowed down, after braking for it
        assertThat(Envelopes.speedAtMps(result.profile(), TSR_FROM_M)).isLessThanOrEqualTo(TSR_MPS + 1e-9);
        assertThat(Envelopes.speedAtMps(result.profile(), TSR_FROM_M - 500)).isGreaterThan(TSR_MPS + 1.0);
    }
}
