package org.lancang.runtime;

import java.util.List;

/**
 * Step 2 of the pipeline: the speed ceiling of one leg, that is the static speed profile combined with the braking
 * curves that lead down to every speed decrease and to the stop at the leg's end.
 *
 * <p>It works in specific kinetic energy {@code E = v²/2} (J/kg), where braking at a constant deceleration {@code b}
 * is a straight line: {@code E(x) = E_target + b·(x_target − x)}. Within piece {@code i} the ceiling is therefore
 * {@code min(V_i²/2, E_i + b·(end_i − x))}: a flat part (cruise at the limit), then from {@code brakingStartM(i)}
 * the braking line towards {@code E_i}, the most the head may carry into the next piece.
 *
 * <p>Braking ignores the gradient: the planning deceleration is taken as what the driver achieves with service
 * braking on any gradient (OSRD includes the gradient; here it would shorten braking uphill and lengthen it
 * downhill by up to about 0.1 m/s² per 10 ‰).
 */
final class LegCeiling {

    private final double[] startM;
    private final double[] endM;
    private final double[] flatSpeedMps;
    private final double[] flatEnergyJPerKg;
    private final double[] targetEnergyJPerKg;
    private final double[] brakingStartM;
    private final double decelerationMps2;

    private LegCeiling(int pieceCount, double decelerationMps2) {
        this.startM = new double[pieceCount];
        this.endM = new double[pieceCount];
        this.flatSpeedMps = new double[pieceCount];
        this.flatEnergyJPerKg = new double[pieceCount];
        this.targetEnergyJPerKg = new double[pieceCount];
        this.brakingStartM = new double[pieceCount];
        this.decelerationMps2 = decelerationMps2;
    }

    /**
     * The ceiling over the given pieces (consecutive, covering the leg), with the train at rest at the last
     * piece's end.
     */
    static LegCeiling of(List<SpeedPiece> pieces, double decelerationMps2) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("a leg needs at least one speed piece");
        }
        LegCeiling ceiling = new LegCeiling(pieces.size(), decelerationMps2);
        // Backwards from the stop: the target of each piece is what the next piece allows at its entry.
        double targetJPerKg = 0.0;
        for (int i = pieces.size() - 1; i >= 0; i--) {
            SpeedPiece piece = pieces.get(i);
            double flatJPerKg = 0.5 * piece.speedMps() * piece.speedMps();
            ceiling.startM[i] = piece.fromM();
            ceiling.endM[i] = piece.toM();
            ceiling.flatSpeedMps[i] = piece.speedMps();
            ceiling.flatEnergyJPerKg[i] = flatJPerKg;
            ceiling.targetEnergyJPerKg[i] = targetJPerKg;
            double brakingDistanceM = (flatJPerKg - targetJPerKg) / decelerationMps2;
            ceiling.brakingStartM[i] =
                    brakingDistanceM <= 0 ? piece.toM() : Math.max(piece.fromM(), piece.toM() - brakingDistanceM);
            targetJPerKg = Math.min(flatJPerKg, targetJPerKg + decelerationMps2 * (piece.toM() - piece.fromM()));
        }
        return ceiling;
    }

    int pieceCount() {
        return startM.length;
    }

    double startM(int piece) {
        return startM[piece];
    }

    double endM(int piece) {
        return endM[piece];
    }

    /** Where the braking line of this piece drops below its flat limit ({@code endM} when it never does). */
    double brakingStartM(int piece) {
        return brakingStartM[piece];
    }

    double flatSpeedMps(int piece) {
        return flatSpeedMps[piece];
    }

    double flatEnergyJPerKg(int piece) {
        return flatEnergyJPerKg[piece];
    }

    /** The ceiling at head position {@code xM} within {@code piece}, as specific kinetic energy v²/2. */
    double energyJPerKgAt(int piece, double xM) {
        return Math.min(flatEnergyJPerKg[piece], targetEnergyJPerKg[piece] + decelerationMps2 * (endM[piece] - xM));
    }
}
