package org.lancang.runtime;

/**
 * What the running-time physics needs to know about a train, in SI units.
 *
 * @param massKg                   total mass, kg
 * @param rotatingMassFactor       rotating-mass (inertia) factor ρ, {@code >= 1} (typically 1.04–1.10): the train
 *                                 accelerates as if it weighed {@code massKg × ρ}
 * @param lengthM                  train length, m; restrictions hold until the tail has cleared them, and the
 *                                 gradient is averaged over this length
 * @param maxSpeedMps              maximum speed of the train, m/s
 * @param traction                 maximum tractive effort against speed
 * @param davisAN                  Davis resistance constant term A, N
 * @param davisBNPerMps            Davis term B, N per m/s
 * @param davisCNPerMps2           Davis term C, N per (m/s)²
 * @param brakingDecelerationMps2  planning (service) braking deceleration, m/s², constant
 */
public record TrainPhysics(
        double massKg,
        double rotatingMassFactor,
        double lengthM,
        double maxSpeedMps,
        TractionCurve traction,
        double davisAN,
        double davisBNPerMps,
        double davisCNPerMps2,
        double brakingDecelerationMps2) {

    public TrainPhysics {
        Require.positive(massKg, "massKg");
        Require.finite(rotatingMassFactor, "rotatingMassFactor");
        if (rotatingMassFactor < 1.0) {
            throw new IllegalArgumentException("rotatingMassFactor must be >= 1, was " + rotatingMassFactor);
        }
        Require.positive(lengthM, "lengthM");
        Require.positive(maxSpeedMps, "maxSpeedMps");
        Require.nonNull(traction, "traction");
        Require.nonNegative(davisAN, "davisAN");
        Require.nonNegative(davisBNPerMps, "davisBNPerMps");
        Require.nonNegative(davisCNPerMps2, "davisCNPerMps2");
        Require.positive(brakingDecelerationMps2, "brakingDecelerationMps2");
    }

    /**
     * Builds a train from data in railway units, converted exactly to SI.
     *
     * @param massT                   total mass, t
     * @param rotatingMassFactor      ρ, dimensionless
     * @param lengthM                 length, m
     * @param maxSpeedKmh             maximum speed, km/h
     * @param tractionSpeedsKmh       traction curve speeds, km/h, strictly increasing
     * @param tractionEffortsKn       traction curve efforts, kN, one per speed
     * @param davisAKn                Davis A, kN
     * @param davisBKnPerKmh          Davis B, kN per km/h (resistance in kN with v in km/h)
     * @param davisCKnPerKmh2         Davis C, kN per (km/h)²
     * @param brakingDecelerationMps2 planning braking deceleration, m/s² (railway data already uses m/s²)
     */
    public static TrainPhysics fromRailwayUnits(
            double massT,
            double rotatingMassFactor,
            double lengthM,
            double maxSpeedKmh,
            double[] tractionSpeedsKmh,
            double[] tractionEffortsKn,
            double davisAKn,
            double davisBKnPerKmh,
            double davisCKnPerKmh2,
            double brakingDecelerationMps2) {
        // R[kN] = A + B·V + C·V² with V = 3.6·v  ⇒  R[N] = 1000·A + (1000·3.6·B)·v + (1000·3.6²·C)·v²
        return new TrainPhysics(
                Units.tonnesToKg(massT),
                rotatingMassFactor,
                lengthM,
                Units.kmhToMps(maxSpeedKmh),
                TractionCurve.fromRailwayUnits(tractionSpeedsKmh, tractionEffortsKn),
                Units.knToN(davisAKn),
                Units.knToN(davisBKnPerKmh) * 3.6,
                Units.knToN(davisCKnPerKmh2) * 3.6 * 3.6,
                brakingDecelerationMps2);
    }

    /** The mass that resists acceleration: {@code massKg × rotatingMassFactor}. */
    public double effectiveMassKg() {
        return massKg * rotatingMassFactor;
    }

    /** Maximum tractive effort at {@code speedMps}, N. */
    public double tractionEffortN(double speedMps) {
        return traction.effortN(speedMps);
    }

    /** Davis running resistance {@code A + B·v + C·v²} at {@code speedMps >= 0}, N. */
    public double davisResistanceN(double speedMps) {
        return davisAN + speedMps * (davisBNPerMps + speedMps * davisCNPerMps2);
    }

    /**
     * Gradient resistance {@code m·g·i/1000}, N, for a gradient in ‰ (negative downhill, so it then pulls the train).
     * Uses tan ≈ sin, exact to 0.1 % up to 40 ‰.
     */
    public double gradientResistanceN(double gradientPermille) {
        return massKg * Units.STANDARD_GRAVITY_MPS2 * gradientPermille / 1000.0;
    }
}
