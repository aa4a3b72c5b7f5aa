package org.lancang.runtime;

import java.util.Arrays;

/**
 * Step 4 of the pipeline: the integrated run over one leg, as samples of head position, speed and time since the
 * departure at the leg's start. Positions strictly increase.
 *
 * <p>Between two samples the acceleration is taken as constant, so speed² is linear in position and the time is
 * {@code dt = 2·dx / (v1 + v2)}: exact at the standstill ends, where {@code ∫dx/v} has a singularity.
 */
final class LegRun {

    private final double[] positionsM;
    private final double[] speedsMps;
    private final double[] timesS;

    private LegRun(double[] positionsM, double[] speedsMps, double[] timesS) {
        this.positionsM = positionsM;
        this.speedsMps = speedsMps;
        this.timesS = timesS;
    }

    /** Minimum running time over the leg, s. */
    double runningTimeS() {
        return timesS[timesS.length - 1];
    }

    /** Time at which the head passes {@code positionM} (within the leg), s since the leg's departure. */
    double timeAtS(double positionM) {
        int last = positionsM.length - 1;
        if (positionM <= positionsM[0]) {
            return timesS[0];
        }
        if (positionM >= positionsM[last]) {
            return timesS[last];
        }
        int index = Arrays.binarySearch(positionsM, positionM);
        if (index >= 0) {
            return timesS[index];
        }
        int k = -index - 2; // positionsM[k] < positionM < positionsM[k + 1]
        double dxM = positionM - positionsM[k];
        double share = dxM / (positionsM[k + 1] - positionsM[k]);
        double v0 = speedsMps[k];
        double v1 = speedsMps[k + 1];
        double speedMps = Math.sqrt(Math.max(0.0, v0 * v0 + share * (v1 * v1 - v0 * v0)));
        return timesS[k] + 2.0 * dxM / (v0 + speedMps);
    }

    /**
     * Adds this leg to a whole-path profile, sharing its arrays: times shifted by {@code departureS} and stretched by
     * {@code stretch} (speeds divided by it), keeping at most about {@code maxPoints} evenly strided samples (always
     * the first and the last).
     */
    void addTo(Profile.Builder profile, double departureS, double stretch, int maxPoints) {
        int stride = Math.max(1, (positionsM.length + maxPoints - 1) / maxPoints);
        profile.add(positionsM, speedsMps, timesS, departureS, stretch, stride);
    }

    /** Collects samples in order; grows like an ArrayList without boxing. */
    static final class Builder {
        private double[] positionsM = new double[256];
        private double[] speedsMps = new double[256];
        private double[] timesS = new double[256];
        private int size;

        void add(double positionM, double speedMps, double timeS) {
            if (size == positionsM.length) {
                positionsM = Arrays.copyOf(positionsM, 2 * size);
                speedsMps = Arrays.copyOf(speedsMps, 2 * size);
                timesS = Arrays.copyOf(timesS, 2 * size);
            }
            positionsM[size] = positionM;
            speedsMps[size] = speedMps;
            timesS[size] = timeS;
            size++;
        }

        LegRun build() {
            return new LegRun(
                    Arrays.copyOf(positionsM, size), Arrays.copyOf(speedsMps, size), Arrays.copyOf(timesS, size));
        }
    }
}
