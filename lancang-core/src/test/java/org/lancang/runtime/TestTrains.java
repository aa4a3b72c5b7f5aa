package org.lancang.runtime;

/** Trains used across the tests, with where their figures come from. */
final class TestTrains {

    private TestTrains() {}

    /** Constant tractive effort, no running resistance: the closed-form case. */
    static TrainPhysics constantForce(
            double effortN, double massKg, double rotatingMassFactor, double maxSpeedMps, double brakingMps2) {
        return new TrainPhysics(
                massKg,
                rotatingMassFactor,
                200.0,
                maxSpeedMps,
                TractionCurve.constantEffort(effortN),
                0.0,
                0.0,
                0.0,
                brakingMps2);
    }

    /**
     * An 8-car 160 km/h EMU, in railway units: 490 t loaded, 209 m, 280 kN starting effort then 4,800 kW
     * (the tabulated curve follows effort = P / v), CRH2-type unit resistance 0.88 + 0.00744 V + 0.000114 V² N/kN.
     */
    static TrainPhysics emu() {
        double massT = 490.0;
        double weightKn = massT * Units.STANDARD_GRAVITY_MPS2;
        double powerKw = 4800.0;
        double baseKmh = Units.mpsToKmh(powerKw / 280.0);
        return TrainPhysics.fromRailwayUnits(
                massT,
                1.08,
                209.0,
                160.0,
                new double[] {0.0, baseKmh, 100.0, 160.0},
                new double[] {280.0, 280.0, powerKw / Units.kmhToMps(100.0), powerKw / Units.kmhToMps(160.0)},
                0.88e-3 * weightKn,
                0.00744e-3 * weightKn,
                0.000114e-3 * weightKn,
                0.5);
    }

    /**
     * A heavy freight train: HXD3-type locomotive (150 t, 7,200 kW, 520 kN starting effort) and 2,450 t of loaded
     * wagons, 2,600 t and 800 m in all, 120 km/h. Unit resistances (N/kN, V in km/h), as in Chinese traction
     * calculation practice: locomotive 1.20 + 0.0065 V + 0.000279 V², loaded wagons 0.92 + 0.0048 V + 0.000125 V².
     */
    static TrainPhysics freight() {
        double locoKn = 150.0 * Units.STANDARD_GRAVITY_MPS2;
        double wagonsKn = 2450.0 * Units.STANDARD_GRAVITY_MPS2;
        double baseKmh = Units.mpsToKmh(7200.0 / 520.0); // end of the 520 kN plateau; constant power beyond
        return TrainPhysics.fromRailwayUnits(
                2600.0,
                1.06,
                800.0,
                120.0,
                new double[] {0.0, baseKmh},
                new double[] {520.0, 520.0},
                1e-3 * (1.20 * locoKn + 0.92 * wagonsKn),
                1e-3 * (0.0065 * locoKn + 0.0048 * wagonsKn),
                1e-3 * (0.000279 * locoKn + 0.000125 * wagonsKn),
                0.3);
    }

    static TrainPhysics withLength(TrainPhysics train, double lengthM) {
        return new TrainPhysics(
                train.massKg(),
                train.rotatingMassFactor(),
                lengthM,
                train.maxSpeedMps(),
                train.traction(),
                train.davisAN(),
                train.davisBNPerMps(),
                train.davisCNPerMps2(),
                train.brakingDecelerationMps2());
    }
}
