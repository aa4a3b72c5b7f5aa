package org.lancang.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gradient felt by the whole train: the path's gradient averaged over the train's length, {@code [head − length,
 * head]}. A long train on a summit feels part uphill and part downhill; this is what makes it so.
 *
 * <p>With {@code I(x) = ∫₀ˣ i(s) ds} (piecewise linear), the average is {@code (I(head) − I(head − length)) / length}.
 * Before the path start, where the tail may still be, the first section's gradient is assumed.
 * The average is continuous and linear between "kinks": every gradient change point {@code c} and {@code c + length},
 * which the integrator uses to keep steps smooth and to find force-balance points exactly.
 */
final class AveragedGradient {

    private final double[] startsM;
    private final double[] permille;
    private final double[] integralAtStart;
    private final double trainLengthM;
    private final double[] kinksM;

    /**
     * The section in force at the start of each stretch of {@code bucketM}, about two stretches per section: the
     * integrator asks for the gradient at every step, head and tail, and a binary search over a long path's sections
     * was most of a run's time. Read only after it is built, so one gradient serves runs on any thread.
     */
    private final int[] sectionAtBucket;

    private final double bucketM;

    AveragedGradient(List<GradientSection> sections, double trainLengthM) {
        List<GradientSection> merged = mergeEqualNeighbours(sections);
        int n = merged.size();
        this.startsM = new double[n];
        this.permille = new double[n];
        this.integralAtStart = new double[n];
        this.trainLengthM = trainLengthM;
        for (int k = 0; k < n; k++) {
            startsM[k] = merged.get(k).fromM();
            permille[k] = merged.get(k).gradientPermille();
            if (k > 0) {
                integralAtStart[k] = integralAtStart[k - 1] + permille[k - 1] * (startsM[k] - startsM[k - 1]);
            }
        }
        this.kinksM = new double[2 * (n - 1)];
        for (int k = 1; k < n; k++) {
            kinksM[2 * (k - 1)] = startsM[k];
            kinksM[2 * (k - 1) + 1] = startsM[k] + trainLengthM;
        }
        Arrays.sort(kinksM);
        double spanM = n > 1 ? startsM[n - 1] - startsM[0] : 0;
        this.bucketM = spanM > 0 ? spanM / (2.0 * n) : 1.0;
        int buckets = (int) Math.min(4L * n + 2, (long) Math.ceil(Math.max(startsM[n - 1], 0) / bucketM) + 2);
        this.sectionAtBucket = new int[buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            while (k + 1 < n && startsM[k + 1] <= b * bucketM) {
                k++;
            }
            sectionAtBucket[b] = k;
        }
    }

    /** Gradient averaged over the train when its head is at {@code headM}, ‰. */
    double averagePermilleAt(double headM) {
        return (integral(headM) - integral(headM - trainLengthM)) / trainLengthM;
    }

    /** The first position after {@code xM} where the average changes slope, or +∞. */
    double nextKinkAfterM(double xM) {
        int index = Arrays.binarySearch(kinksM, xM);
        int next = index >= 0 ? index + 1 : -index - 1;
        while (next < kinksM.length && kinksM[next] <= xM) {
            next++; // equal kinks (a change point at c and another at c − length)
        }
        return next < kinksM.length ? kinksM[next] : Double.POSITIVE_INFINITY;
    }

    private double integral(double xM) {
        if (xM <= 0) {
            return permille[0] * xM; // the first gradient continues behind the path start
        }
        int section = sectionAt(xM);
        return integralAtStart[section] + permille[section] * (xM - startsM[section]);
    }

    /** The last section starting at or before {@code xM} (> 0): from its stretch's, walking on. */
    private int sectionAt(double xM) {
        int bucket = (int) Math.min(xM / bucketM, sectionAtBucket.length - 1);
        int section = sectionAtBucket[bucket];
        while (section > 0 && startsM[section] > xM) {
            section--; // the division rounded up onto the next stretch
        }
        while (section + 1 < startsM.length && startsM[section + 1] <= xM) {
            section++;
        }
        return section;
    }

    private static List<GradientSection> mergeEqualNeighbours(List<GradientSection> sections) {
        List<GradientSection> merged = new ArrayList<>();
        for (GradientSection section : sections) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).gradientPermille() == section.gradientPermille()) {
                merged.set(
                        last, new GradientSection(merged.get(last).fromM(), section.toM(), section.gradientPermille()));
            } else {
                merged.add(section);
            }
        }
        return merged;
    }
}
