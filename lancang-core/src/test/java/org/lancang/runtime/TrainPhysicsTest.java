package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Railway-unit conversion and the traction curve's interpolation and extrapolation. */
class TrainPhysicsTest {

    @Test
    void railwayUnitsConvertExactly() {
        TrainPhysics train = TrainPhysics.fromRailwayUnits(
                500, 1.08, 200, 160, new double[] {0, 80, 160}, new double[] {300, 300, 150}, 4.5, 0.04, 0.0006, 0.5);

        assertThat(train.massKg()).isEqualTo(500_000.0);
        assertThat(train.maxSpeedMps()).isCloseTo(160 / 3.6, within(1e-12));
        assertThat(train.tractionEffortN(Units.kmhToMps(120))).isCloseTo(225_000.0, within(1e-6));
        for (double kmh : new double[] {0, 37, 100, 160}) {
            double expectedN = 1000 * (4.5 + 0.04 * kmh + 0.0006 * kmh * kmh);
            assertThat(train.davisResistanceN(Units.kmhToMps(kmh)))
                    .as("R at %s km/h", kmh)
                    .isCloseTo(expectedN, within(1e-9 * expectedN + 1e-9));
        }
        assertThat(train.gradientResistanceN(10)).isCloseTo(500_000 * 9.80665 * 0.01, within(1e-6));
    }

    @Test
    void tractionCurveHoldsPowerBeyondItsLastPoint() {
        TractionCurve curve = TractionCurve.maxEffortAndPower(520_000, 7_200_000);

        assertThat(curve.effortN(0)).isEqualTo(520_000.0);
        assertThat(curve.effortN(10)).isEqualTo(520_000.0);
        assertThat(curve.effortN(20) * 20).isCloseTo(7_200_000.0, within(1e-6));
        assertThat(curve.effortN(33.3) * 33.3).isCloseTo(7_200_000.0, within(1e-6));
        assertThat(TractionCurve.constantEffort(1_000).effortN(99)).isEqualTo(1_000.0);
    }

    @Test
    void tractionCurveInterpolatesLinearly() {
        TractionCurve curve = TractionCurve.of(new double[] {5, 10, 20}, new double[] {100, 80, 40});

        assertThat(curve.effortN(0)).isEqualTo(100.0);
        assertThat(curve.effortN(7.5)).isCloseTo(90.0, within(1e-12));
        assertThat(curve.effortN(10)).isCloseTo(80.0, within(1e-12));
        assertThat(curve.effortN(15)).isCloseTo(60.0, within(1e-12));
        assertThat(curve.effortN(40)).isCloseTo(20.0, within(1e-12));
    }
}
