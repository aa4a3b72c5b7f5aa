package org.lancang.runtime;

/**
 * Conversions between railway units (t, km/h, kN) and the SI units this package computes in.
 * Every factor is exact: 1 km/h is exactly 1/3.6 m/s, 1 t is 1000 kg, 1 kN is 1000 N.
 */
public final class Units {

    /** Standard gravity, used for gradient resistance. */
    public static final double STANDARD_GRAVITY_MPS2 = 9.80665;

    private Units() {}

    /** Converts km/h to m/s. */
    public static double kmhToMps(double speedKmh) {
        return speedKmh / 3.6;
    }

    /** Converts m/s to km/h. */
    public static double mpsToKmh(double speedMps) {
        return speedMps * 3.6;
    }

    /** Converts tonnes to kilograms. */
    public static double tonnesToKg(double massT) {
        return massT * 1000.0;
    }

    /** Converts kilonewtons to newtons. */
    public static double knToN(double forceKn) {
        return forceKn * 1000.0;
    }
}
