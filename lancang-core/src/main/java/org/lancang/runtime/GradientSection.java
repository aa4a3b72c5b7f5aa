package org.lancang.runtime;

/**
 * A constant gradient over {@code [fromM, toM)} along the path.
 *
 * @param fromM            start, m from the path start
 * @param toM              end, m, greater than {@code fromM}
 * @param gradientPermille gradient, ‰, positive uphill in the direction of travel, within ±{@value #MAX_ABS_PERMILLE}
 */
public record GradientSection(double fromM, double toM, double gradientPermille) {

    /** Steepest gradient accepted: beyond this an adhesion railway's data is almost certainly wrong. */
    public static final double MAX_ABS_PERMILLE = 40.0;

    public GradientSection {
        Require.increasingRange(fromM, toM, "fromM", "toM");
        Require.finite(gradientPermille, "gradientPermille");
        if (Math.abs(gradientPermille) > MAX_ABS_PERMILLE) {
            throw new IllegalArgumentException(
                    "gradientPermille must be within ±" + MAX_ABS_PERMILLE + " ‰, was " + gradientPermille);
        }
    }
}
