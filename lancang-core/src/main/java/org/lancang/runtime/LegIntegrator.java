package org.lancang.runtime;

import java.util.Locale;

/**
 * Step 3 of the pipeline: integrates one leg forwards from rest, at full traction, never above the leg's ceiling.
 *
 * <p>The state is the head position {@code x} and the specific kinetic energy {@code E = v²/2} (J/kg). In these terms the
 * equation of motion is {@code dE/dx = a(v, x)}, which stays finite at standstill (unlike {@code dv/dx = a/v}),
 * and the ceiling is piecewise linear (see {@link LegCeiling}). Three kinds of step:
 * <ul>
 *   <li><b>cruise</b>: at the flat limit, held as long as full traction can hold it (net force ≥ 0), in one step
 *       up to the next gradient kink or ceiling corner (at most {@value #MAX_CRUISE_STEP_M} m). The force at a fixed
 *       speed is linear in x between gradient kinks, so where it turns negative is found exactly; from there the
 *       train slows down naturally.</li>
 *   <li><b>free</b>: below the ceiling, RK4 in position with steps of about {@value #TARGET_STEP_S} s
 *       ({@value #MIN_STEP_M}–{@value #MAX_STEP_M} m), never across a gradient kink or a ceiling corner.</li>
 *   <li><b>meeting the ceiling</b>: when a free step ends above the ceiling, the forward curve and the ceiling are
 *       both taken as straight lines over that step; the train follows the forward curve up to where they cross, then
 *       the ceiling: the minimum of the acceleration curve and the braking curves.</li>
 * </ul>
 * With constant forces every one of these is exact, which the closed-form flat-track test relies on.
 *
 * <p>One instance integrates one leg; it is not reused.
 */
final class LegIntegrator {

    private static final double TARGET_STEP_S = 2.0;
    private static final double MIN_STEP_M = 5.0;
    private static final double MAX_STEP_M = 50.0;
    /**
     * Longest cruise step. Constant speed needs no samples to be drawn or interpolated (a straight line in both
     * speed and time against distance); the cap only keeps a sample now and then for readers of the raw profile.
     */
    private static final double MAX_CRUISE_STEP_M = 1_000.0;
    /** A step shorter than this in which speed still falls to zero means the train stalls. */
    private static final double STALL_STEP_M = 0.5;
    /** A cruise stretch shorter than this is not worth a sample; the free step takes over. */
    private static final double MIN_CRUISE_M = 1e-3;
    /** Relative tolerance for "at the flat limit", against rounding between pieces. */
    private static final double AT_LIMIT_TOLERANCE = 1e-12;

    private final TrainDynamics dynamics;
    private final LegCeiling ceiling;
    private final LegRun.Builder trace = new LegRun.Builder();
    private double xM;
    private double energyJPerKg;
    private double timeS;

    LegIntegrator(TrainDynamics dynamics, LegCeiling ceiling) {
        this.dynamics = dynamics;
        this.ceiling = ceiling;
    }

    LegRun run() {
        xM = ceiling.startM(0);
        energyJPerKg = 0.0;
        timeS = 0.0;
        trace.add(xM, 0.0, 0.0);
        double startingForceN = dynamics.netForceN(0.0, xM);
        if (startingForceN <= 0) {
            throw new TooSteepForTraction(
                    String.format(
                            Locale.ROOT,
                            "train cannot start at %.1f m: the gradient averaged over its length is %.2f ‰, and its net"
                                    + " force at standstill is %.1f kN (starting effort minus resistance)",
                            xM,
                            dynamics.gradientPermilleAt(xM),
                            startingForceN / 1000.0),
                    xM,
                    dynamics.gradientPermilleAt(xM));
        }
        for (int piece = 0; piece < ceiling.pieceCount(); piece++) {
            while (xM < ceiling.endM(piece)) {
                boolean braking = xM >= ceiling.brakingStartM(piece);
                double partEndM = braking ? ceiling.endM(piece) : ceiling.brakingStartM(piece);
                double stepEndM = Math.min(partEndM, dynamics.nextGradientKinkAfterM(xM));
                boolean atFlatLimit =
                        !braking && energyJPerKg >= ceiling.flatEnergyJPerKg(piece) * (1 - AT_LIMIT_TOLERANCE);
                if (!(atFlatLimit && cruise(piece, stepEndM))) {
                    freeStep(piece, stepEndM);
                }
            }
        }
        return trace.build();
    }

    /** Holds the flat limit up to {@code stepEndM} or to where traction no longer can; false if it cannot at all. */
    private boolean cruise(int piece, double stepEndM) {
        double speedMps = ceiling.flatSpeedMps(piece);
        double toM = Math.min(stepEndM, xM + MAX_CRUISE_STEP_M);
        double forceHereN = dynamics.netForceN(speedMps, xM);
        double forceThereN = dynamics.netForceN(speedMps, toM);
        if (forceHereN >= 0 && forceThereN >= 0) {
            advanceAtSpeed(toM, speedMps);
            return true;
        }
        if (forceHereN > 0) {
            // linear in x up to the next kink: the balance point is where the line crosses zero
            double balanceM = xM + (toM - xM) * forceHereN / (forceHereN - forceThereN);
            if (balanceM - xM > MIN_CRUISE_M) {
                advanceAtSpeed(balanceM, speedMps);
                return true;
            }
        }
        return false;
    }

    /** One RK4 step at full traction, clipped to the ceiling. */
    private void freeStep(int piece, double stepEndM) {
        double speedMps = speedOf(energyJPerKg);
        double stepM = Math.min(stepEndM - xM, clamp(speedMps * TARGET_STEP_S, MIN_STEP_M, MAX_STEP_M));
        double nextEnergyJPerKg = rk4Energy(stepM);
        while (nextEnergyJPerKg <= 0) {
            if (stepM <= STALL_STEP_M) {
                throw new TooSteepForTraction(
                        String.format(
                                Locale.ROOT,
                                "train stalls at %.1f m: the gradient averaged over its length is %.2f ‰, too steep for"
                                        + " its traction",
                                xM,
                                dynamics.gradientPermilleAt(xM)),
                        xM,
                        dynamics.gradientPermilleAt(xM));
            }
            stepM /= 2;
            nextEnergyJPerKg = rk4Energy(stepM);
        }
        double toM = stepM >= stepEndM - xM ? stepEndM : xM + stepM;
        double ceilingThereJPerKg = ceiling.energyJPerKgAt(piece, toM);
        if (nextEnergyJPerKg <= ceilingThereJPerKg) {
            advance(toM, nextEnergyJPerKg);
            return;
        }
        // Over one step both curves are straight lines in energy: they cross where their gap changes sign.
        double gapHereJPerKg = Math.min(0.0, energyJPerKg - ceiling.energyJPerKgAt(piece, xM));
        double gapThereJPerKg = nextEnergyJPerKg - ceilingThereJPerKg;
        double meetM = xM + (toM - xM) * -gapHereJPerKg / (gapThereJPerKg - gapHereJPerKg);
        advance(meetM, ceiling.energyJPerKgAt(piece, meetM));
        advance(toM, ceilingThereJPerKg);
    }

    /** RK4 for dE/dx = a(v(E), x) over {@code stepM} from the current state. */
    private double rk4Energy(double stepM) {
        double half = 0.5 * stepM;
        double k1 = acceleration(energyJPerKg, xM);
        double k2 = acceleration(energyJPerKg + half * k1, xM + half);
        double k3 = acceleration(energyJPerKg + half * k2, xM + half);
        double k4 = acceleration(energyJPerKg + stepM * k3, xM + stepM);
        return energyJPerKg + stepM * (k1 + 2 * k2 + 2 * k3 + k4) / 6.0;
    }

    private double acceleration(double atEnergyJPerKg, double atM) {
        return dynamics.accelerationMps2(speedOf(atEnergyJPerKg), atM);
    }

    private void advanceAtSpeed(double toM, double speedMps) {
        timeS += (toM - xM) / speedMps;
        xM = toM;
        energyJPerKg = 0.5 * speedMps * speedMps;
        trace.add(xM, speedMps, timeS);
    }

    /** Moves to {@code toM} with constant acceleration from the current state to {@code toEnergyJPerKg}. */
    private void advance(double toM, double toEnergyJPerKg) {
        if (toM <= xM) {
            return;
        }
        double fromSpeedMps = speedOf(energyJPerKg);
        double toSpeedMps = speedOf(toEnergyJPerKg);
        timeS += 2.0 * (toM - xM) / (fromSpeedMps + toSpeedMps);
        xM = toM;
        energyJPerKg = toEnergyJPerKg;
        trace.add(xM, toSpeedMps, timeS);
    }

    private static double speedOf(double energyJPerKg) {
        return energyJPerKg > 0 ? Math.sqrt(2.0 * energyJPerKg) : 0.0;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
