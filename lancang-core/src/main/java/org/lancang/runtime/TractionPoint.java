package org.lancang.runtime;

/**
 * One point of a traction effort curve: the maximum tractive effort available at a speed.
 *
 * @param speedMps speed, m/s, {@code >= 0}
 * @param effortN  maximum tractive effort at the wheel rim, N, {@code >= 0}
 */
public record TractionPoint(double speedMps, double effortN) {

    public TractionPoint {
        Require.nonNegative(speedMps, "speedMps");
        Require.nonNegative(effortN, "effortN");
    }
}
