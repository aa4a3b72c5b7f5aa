package org.lancang.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximum tractive effort as a function of speed: points sorted by strictly increasing speed, linearly
 * interpolated between them.
 *
 * <p>Below the first point the effort is the first point's effort. Beyond the last point the <b>power</b> of the
 * last point is held: effort = lastEffort × lastSpeed / v, the hyperbola every real curve follows above its base
 * speed. A curve whose only point is at 0 m/s is a constant effort. So a curve that stops at the base speed (the
 * end of the maximum-effort plateau) already describes a "max effort, then constant power" locomotive; see
 * {@link #maxEffortAndPower(double, double)}.
 *
 * @param points the curve, at least one point, speeds strictly increasing
 */
public record TractionCurve(List<TractionPoint> points) {

    public TractionCurve {
        Require.nonNull(points, "points");
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points must contain at least one point");
        }
        points = List.copyOf(points);
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).speedMps() <= points.get(i - 1).speedMps()) {
                throw new IllegalArgumentException("points[" + i + "].speedMps must be greater than points[" + (i - 1)
                        + "].speedMps (" + points.get(i - 1).speedMps() + "), was "
                        + points.get(i).speedMps());
            }
        }
    }

    /** A curve from parallel arrays in SI units (m/s, N). */
    public static TractionCurve of(double[] speedsMps, double[] effortsN) {
        Require.nonNull(speedsMps, "speedsMps");
        Require.nonNull(effortsN, "effortsN");
        if (speedsMps.length != effortsN.length) {
            throw new IllegalArgumentException("speedsMps and effortsN must have the same length, were "
                    + speedsMps.length + " and " + effortsN.length);
        }
        List<TractionPoint> points = new ArrayList<>(speedsMps.length);
        for (int i = 0; i < speedsMps.length; i++) {
            points.add(new TractionPoint(speedsMps[i], effortsN[i]));
        }
        return new TractionCurve(points);
    }

    /** A curve from parallel arrays in railway units (km/h, kN), converted exactly. */
    public static TractionCurve fromRailwayUnits(double[] speedsKmh, double[] effortsKn) {
        Require.nonNull(speedsKmh, "speedsKmh");
        Require.nonNull(effortsKn, "effortsKn");
        double[] speedsMps = new double[speedsKmh.length];
        double[] effortsN = new double[effortsKn.length];
        for (int i = 0; i < speedsKmh.length; i++) {
            speedsMps[i] = Units.kmhToMps(speedsKmh[i]);
        }
        for (int i = 0; i < effortsKn.length; i++) {
            effortsN[i] = Units.knToN(effortsKn[i]);
        }
        return of(speedsMps, effortsN);
    }

    /** The same effort at every speed. */
    public static TractionCurve constantEffort(double effortN) {
        return new TractionCurve(List.of(new TractionPoint(0.0, effortN)));
    }

    /**
     * The classic locomotive curve: {@code maxEffortN} up to the base speed {@code powerW / maxEffortN}, then
     * constant power (effort = powerW / v).
     */
    public static TractionCurve maxEffortAndPower(double maxEffortN, double powerW) {
        Require.positive(maxEffortN, "maxEffortN");
        Require.positive(powerW, "powerW");
        double baseSpeedMps = powerW / maxEffortN;
        return new TractionCurve(
                List.of(new TractionPoint(0.0, maxEffortN), new TractionPoint(baseSpeedMps, maxEffortN)));
    }

    /** Maximum tractive effort at {@code speedMps}, N. */
    public double effortN(double speedMps) {
        TractionPoint first = points.get(0);
        if (speedMps <= first.speedMps()) {
            return first.effortN();
        }
        TractionPoint last = points.get(points.size() - 1);
        if (speedMps >= last.speedMps()) {
            // constant power beyond the curve (a single point at standstill means constant effort)
            return last.speedMps() > 0 ? last.effortN() * last.speedMps() / speedMps : last.effortN();
        }
        // binary search for the segment [lo, lo + 1] containing speedMps
        int lo = 0;
        int hi = points.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).speedMps() <= speedMps) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        TractionPoint a = points.get(lo);
        TractionPoint b = points.get(hi);
        double share = (speedMps - a.speedMps()) / (b.speedMps() - a.speedMps());
        return a.effortN() + share * (b.effortN() - a.effortN());
    }
}
