package org.lancang.runtime;

/**
 * Step 3's forces: what accelerates the train at full traction, at a given speed and head position.
 *
 * <pre>
 *   a = (F_traction(v) − R_davis(v) − m·g·ī/1000) / (m·ρ)
 * </pre>
 * where {@code ī} is the gradient averaged over the train's length. Curve resistance is not modelled
 * (no curvature data yet).
 */
final class TrainDynamics {

    private final TrainPhysics train;
    private final AveragedGradient gradient;
    private final double effectiveMassKg;

    TrainDynamics(TrainPhysics train, AveragedGradient gradient) {
        this.train = train;
        this.gradient = gradient;
        this.effectiveMassKg = train.effectiveMassKg();
    }

    /** Net force at full traction, N: positive accelerates. */
    double netForceN(double speedMps, double headM) {
        return train.tractionEffortN(speedMps)
                - train.davisResistanceN(speedMps)
                - train.gradientResistanceN(gradient.averagePermilleAt(headM));
    }

    /** Acceleration at full traction, m/s². */
    double accelerationMps2(double speedMps, double headM) {
        return netForceN(speedMps, headM) / effectiveMassKg;
    }

    /** Gradient averaged over the train length with the head at {@code headM}, ‰. */
    double gradientPermilleAt(double headM) {
        return gradient.averagePermilleAt(headM);
    }

    /** Next position after {@code xM} where the averaged gradient changes slope, or +∞. */
    double nextGradientKinkAfterM(double xM) {
        return gradient.nextKinkAfterM(xM);
    }
}
