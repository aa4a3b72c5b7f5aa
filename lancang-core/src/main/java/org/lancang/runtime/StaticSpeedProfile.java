package org.lancang.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Step 1 of the pipeline: the most restrictive static speed profile along the whole path, as a function of the
 * position of the train's head.
 *
 * <p>It is min(train maximum speed, line limits, temporary restrictions), where every limit over
 * {@code [from, to)} is made to hold for head positions {@code [from, to + train length]}: a decrease must be reached
 * when the head enters the zone, and the train may speed up again only once its tail has left it. Extending every
 * limit (not only those lower than what follows) gives the same minimum, since a limit that is not lower than the
 * next one is hidden by it over the extension.
 */
final class StaticSpeedProfile {

    private final List<SpeedPiece> pieces;

    private StaticSpeedProfile(List<SpeedPiece> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    static StaticSpeedProfile of(TrainPhysics train, TrackProfile track, List<TemporarySpeedRestriction> restrictions) {
        double pathM = track.lengthM();
        List<SpeedPiece> limits = new ArrayList<>();
        for (SpeedLimit limit : track.speedLimits()) {
            addExtendedByTrainLength(limits, limit.fromM(), limit.toM(), limit.speedMps(), train.lengthM(), pathM);
        }
        for (TemporarySpeedRestriction tsr : restrictions) {
            addExtendedByTrainLength(limits, tsr.fromM(), tsr.toM(), tsr.speedMps(), train.lengthM(), pathM);
        }

        // Cut the path at every limit boundary; within each elementary interval the profile is constant.
        double[] cutsM = DoubleStream.concat(
                        DoubleStream.of(0.0, pathM),
                        limits.stream().flatMapToDouble(l -> DoubleStream.of(l.fromM(), l.toM())))
                .sorted()
                .distinct()
                .toArray();
        double[] speedsMps = new double[cutsM.length - 1];
        Arrays.fill(speedsMps, train.maxSpeedMps());
        for (SpeedPiece limit : limits) {
            for (int k = Arrays.binarySearch(cutsM, limit.fromM());
                    k < speedsMps.length && cutsM[k] < limit.toM();
                    k++) {
                speedsMps[k] = Math.min(speedsMps[k], limit.speedMps());
            }
        }
        return new StaticSpeedProfile(mergeEqualNeighbours(cutsM, speedsMps));
    }

    /** The pieces overlapping {@code [fromM, toM]}, clipped to it. */
    List<SpeedPiece> slice(double fromM, double toM) {
        List<SpeedPiece> slice = new ArrayList<>();
        for (SpeedPiece piece : pieces) {
            if (piece.toM() > fromM && piece.fromM() < toM) {
                slice.add(new SpeedPiece(Math.max(piece.fromM(), fromM), Math.min(piece.toM(), toM), piece.speedMps()));
            }
        }
        return slice;
    }

    private static void addExtendedByTrainLength(
            List<SpeedPiece> into, double fromM, double toM, double speedMps, double trainLengthM, double pathM) {
        double clippedFromM = Math.min(fromM, pathM);
        double extendedToM = Math.min(toM + trainLengthM, pathM);
        if (extendedToM > clippedFromM) {
            into.add(new SpeedPiece(clippedFromM, extendedToM, speedMps));
        }
    }

    private static List<SpeedPiece> mergeEqualNeighbours(double[] cutsM, double[] speedsMps) {
        List<SpeedPiece> merged = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= speedsMps.length; k++) {
            if (k == speedsMps.length || speedsMps[k] != speedsMps[start]) {
                merged.add(new SpeedPiece(cutsM[start], cutsM[k], speedsMps[start]));
                start = k;
            }
        }
        return merged;
    }
}
