package org.lancang.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The line as seen along one path, in metres from the path start ({@code 0 … lengthM}).
 *
 * <p>Speed limits are sorted and must not overlap; a stretch without a limit is limited only by the train's
 * maximum speed. Gradients must cover the whole path without gap or overlap. Boundaries are compared exactly,
 * except that a gap or overlap below {@value #BOUNDARY_TOLERANCE_M} m (rounding in the caller's arithmetic) is accepted.
 *
 * @param lengthM     path length, m
 * @param speedLimits static line speed limits, sorted by position, not overlapping
 * @param gradients   gradient sections, sorted, covering {@code [0, lengthM]} exactly
 */
public record TrackProfile(double lengthM, List<SpeedLimit> speedLimits, List<GradientSection> gradients) {

    /** Largest gap or overlap between consecutive sections taken as rounding rather than an error. */
    public static final double BOUNDARY_TOLERANCE_M = 1e-6;

    public TrackProfile {
        Require.positive(lengthM, "lengthM");
        speedLimits = List.copyOf(Require.nonNull(speedLimits, "speedLimits"));
        gradients = List.copyOf(Require.nonNull(gradients, "gradients"));
        checkSpeedLimits(lengthM, speedLimits);
        checkGradients(lengthM, gradients);
    }

    /** A builder for a path of {@code lengthM} metres. */
    public static Builder builder(double lengthM) {
        return new Builder(lengthM);
    }

    /** A path with one speed limit and one gradient over its whole length. */
    public static TrackProfile uniform(double lengthM, double speedLimitMps, double gradientPermille) {
        return builder(lengthM)
                .speedLimit(0, lengthM, speedLimitMps)
                .gradient(0, lengthM, gradientPermille)
                .build();
    }

    private static void checkSpeedLimits(double lengthM, List<SpeedLimit> limits) {
        for (int i = 0; i < limits.size(); i++) {
            SpeedLimit limit = limits.get(i);
            if (limit.toM() > lengthM + BOUNDARY_TOLERANCE_M) {
                throw new IllegalArgumentException(
                        "speedLimits[" + i + "].toM (" + limit.toM() + ") is beyond the path length " + lengthM);
            }
            if (i > 0 && limit.fromM() < limits.get(i - 1).toM() - BOUNDARY_TOLERANCE_M) {
                throw new IllegalArgumentException("speedLimits[" + i + "].fromM (" + limit.fromM()
                        + ") overlaps speedLimits[" + (i - 1) + "], which ends at "
                        + limits.get(i - 1).toM()
                        + "; limits must be sorted and must not overlap");
            }
        }
    }

    private static void checkGradients(double lengthM, List<GradientSection> sections) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException(
                    "gradients must cover the path from 0 to " + lengthM + " m, but is empty");
        }
        double expectedFromM = 0.0;
        for (int i = 0; i < sections.size(); i++) {
            GradientSection section = sections.get(i);
            if (Math.abs(section.fromM() - expectedFromM) > BOUNDARY_TOLERANCE_M) {
                String what = i == 0
                        ? "must start at 0"
                        : "must start where gradients[" + (i - 1) + "] ends (" + expectedFromM + ")";
                throw new IllegalArgumentException("gradients[" + i + "].fromM (" + section.fromM() + ") " + what
                        + ": gradients must cover the path without gap or overlap");
            }
            expectedFromM = section.toM();
        }
        if (Math.abs(expectedFromM - lengthM) > BOUNDARY_TOLERANCE_M) {
            throw new IllegalArgumentException("gradients[" + (sections.size() - 1) + "].toM (" + expectedFromM
                    + ") must equal the path length " + lengthM);
        }
    }

    /** Collects speed limits and gradients in path order, then validates them all in {@link #build()}. */
    public static final class Builder {
        private final double lengthM;
        private final List<SpeedLimit> speedLimits = new ArrayList<>();
        private final List<GradientSection> gradients = new ArrayList<>();

        private Builder(double lengthM) {
            this.lengthM = lengthM;
        }

        /** Adds a line speed limit over {@code [fromM, toM)}, m/s. */
        public Builder speedLimit(double fromM, double toM, double speedMps) {
            speedLimits.add(new SpeedLimit(fromM, toM, speedMps));
            return this;
        }

        /** Adds a line speed limit over {@code [fromM, toM)}, km/h. */
        public Builder speedLimitKmh(double fromM, double toM, double speedKmh) {
            return speedLimit(fromM, toM, Units.kmhToMps(speedKmh));
        }

        /** Adds a gradient section over {@code [fromM, toM)}, ‰. */
        public Builder gradient(double fromM, double toM, double gradientPermille) {
            gradients.add(new GradientSection(fromM, toM, gradientPermille));
            return this;
        }

        public TrackProfile build() {
            return new TrackProfile(lengthM, speedLimits, gradients);
        }
    }
}
