package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flat track, cases with a closed-form answer: the whole pipeline against textbook kinematics. */
class ClosedFormFlatTrackTest {

    private static final double EFFORT_N = 200_000.0;
    private static final double MASS_KG = 400_000.0;
    private static final double RHO = 1.05;
    private static final double LIMIT_MPS = 40.0;
    private static final double BRAKING_MPS2 = 0.6;
    private static final double ACCELERATION_MPS2 = EFFORT_N / (MASS_KG * RHO);

    /** Lengths on both sides of V²/2a + V²/2b ≈ 3,013 m: triangular below, trapezoidal above. */
    @ParameterizedTest
    @ValueSource(doubles = {400.0, 1_500.0, 2_900.0, 3_100.0, 10_000.0, 80_000.0})
    void constantForceRunMatchesTheClosedForm(double lengthM) {
        TrainPhysics train = TestTrains.constantForce(EFFORT_N, MASS_KG, RHO, 100.0, BRAKING_MPS2);
        RunningTimeRequest request = RunningTimeRequest.of(
                train, TrackProfile.uniform(lengthM, LIMIT_MPS, 0.0), List.of(new TimingPoint("end", lengthM)));

        RunningTimeResult result = RunningTimeCalculator.calculate(request);

        double a = ACCELERATION_MPS2;
        double b = BRAKING_MPS2;
        double v = LIMIT_MPS;
        double expectedS;
        double expectedPeakMps;
        if (lengthM >= v * v / (2 * a) + v * v / (2 * b)) {
            expectedS = v / (2 * a) + v / (2 * b) + lengthM / v; // accelerate, cruise, brake
            expectedPeakMps = v;
        } else {
            expectedPeakMps = Math.sqrt(2 * lengthM / (1 / a + 1 / b)); // accelerate, then brake at once
            expectedS = expectedPeakMps / a + expectedPeakMps / b;
        }
        assertThat(Envelopes.seconds(result.totalRunningTime())).isCloseTo(expectedS, withinPercentage(0.5));
        assertThat(Envelopes.seconds(result.timingPoint("end").arrival())).isCloseTo(expectedS, withinPercentage(0.5));
        assertThat(Envelopes.maxSpeedMps(result.profile(), 0, lengthM))
                .isCloseTo(expectedPeakMps, withinPercentage(0.5));
    }

    @Test
    void trapezoidalPassingTimesFollowTheClosedForm() {
        double lengthM = 20_000.0;
        TrainPhysics train = TestTrains.constantForce(EFFORT_N, MASS_KG, RHO, 100.0, BRAKING_MPS2);
        double a = ACCELERATION_MPS2;
        double v = LIMIT_MPS;
        double accelerationM = v * v / (2 * a);
        double halfwayM = accelerationM / 2; // still accelerating: x = a t² / 2
        RunningTimeRequest request = RunningTimeRequest.of(
                train,
                TrackProfile.uniform(lengthM, v, 0.0),
                List.of(new TimingPoint("accelerating", halfwayM), new TimingPoint("cruising", 10_000.0)));

        RunningTimeResult result = RunningTimeCalculator.calculate(request);

        assertThat(Envelopes.seconds(result.timingPoint("accelerating").arrival()))
                .isCloseTo(Math.sqrt(2 * halfwayM / a), withinPercentage(0.5));
        assertThat(Envelopes.seconds(result.timingPoint("cruising").arrival()))
                .isCloseTo(v / (2 * a) + 10_000.0 / v, withinPercentage(0.5));
        assertThat(result.timingPoint("cruising").stopped()).isFalse();
    }

    /**
     * Constant effort against A + C·v² on the flat: dv/dt = k (v_b² − v²) with k = C/(mρ) and v_b² = (F − A)/C, so
     * v(x)² = v_b² (1 − e^(−2kx)) and t(x) = acosh(e^(kx)) / (k v_b). Exercises the RK4 with a speed-dependent force,
     * where the integrator is no longer exact.
     */
    @Test
    void accelerationAgainstDavisResistanceFollowsTheTanhLaw() {
        double davisAN = 5_000.0;
        double davisCNPerMps2 = 100.0;
        double lengthM = 40_000.0;
        TrainPhysics train = new TrainPhysics(
                MASS_KG,
                RHO,
                200.0,
                100.0,
                TractionCurve.constantEffort(EFFORT_N),
                davisAN,
                0.0,
                davisCNPerMps2,
                BRAKING_MPS2);
        double k = davisCNPerMps2 / (MASS_KG * RHO);
        double balancingMps = Math.sqrt((EFFORT_N - davisAN) / davisCNPerMps2);
        RunningTimeRequest request = RunningTimeRequest.of(
                train,
                TrackProfile.uniform(lengthM, 100.0, 0.0),
                List.of(new TimingPoint("early", 1_000.0), new TimingPoint("middle", 20_000.0)));

        RunningTimeResult result = RunningTimeCalculator.calculate(request);

        for (String name : List.of("early", "middle")) {
            double xM = result.timingPoint(name).positionM();
            double y = Math.exp(k * xM);
            double expectedS = Math.log(y + Math.sqrt(y * y - 1)) / (k * balancingMps);
            assertThat(Envelopes.seconds(result.timingPoint(name).arrival()))
                    .as(name)
                    .isCloseTo(expectedS, withinPercentage(0.05));
        }
        double brakingFromM = lengthM - balancingMps * balancingMps / (2 * BRAKING_MPS2);
        result.profile().stream()
                .filter(p -> p.positionM() < brakingFromM - 500)
                .forEach(p -> {
                    double expectedMps = balancingMps * Math.sqrt(1 - Math.exp(-2 * k * p.positionM()));
                    assertThat(p.speedMps())
                            .as("speed at %.1f m", p.positionM())
                            .isCloseTo(expectedMps, within(1e-3 * balancingMps));
                });
    }
}
