package org.lancang.runtime;

import java.time.Duration;
import java.util.List;

/**
 * Test-side helpers that restate the rules independently of the production code, so that tests compare the
 * calculator against the definition rather than against itself.
 */
final class Envelopes {

    private Envelopes() {}

    /**
     * The most restrictive limit for a head position, straight from the definition: the train maximum and every line
     * limit or TSR over [from, to) that the train occupies, i.e. from ≤ head ≤ to + length (closed at both ends).
     */
    static double limitMps(RunningTimeRequest request, double headM) {
        double lengthM = request.train().lengthM();
        double limit = request.train().maxSpeedMps();
        for (SpeedLimit l : request.track().speedLimits()) {
            if (l.fromM() <= headM && headM <= l.toM() + lengthM) {
                limit = Math.min(limit, l.speedMps());
            }
        }
        for (TemporarySpeedRestriction r : request.temporaryRestrictions()) {
            if (r.fromM() <= headM && headM <= r.toM() + lengthM) {
                limit = Math.min(limit, r.speedMps());
            }
        }
        return limit;
    }

    static double maxSpeedMps(List<ProfilePoint> profile, double fromM, double toM) {
        return profile.stream()
                .filter(p -> p.positionM() >= fromM && p.positionM() <= toM)
                .mapToDouble(ProfilePoint::speedMps)
                .max()
                .orElseThrow(() -> new AssertionError("no profile point in [" + fromM + ", " + toM + "]"));
    }

    /**
     * Speed at {@code positionM}, interpolated the way the model moves between samples (constant acceleration:
     * speed² linear in distance); at a stop, the first sample there.
     */
    static double speedAtMps(List<ProfilePoint> profile, double positionM) {
        for (int i = 1; i < profile.size(); i++) {
            ProfilePoint a = profile.get(i - 1);
            ProfilePoint b = profile.get(i);
            if (a.positionM() <= positionM && positionM <= b.positionM()) {
                if (b.positionM() == a.positionM()) {
                    return a.speedMps();
                }
                double share = (positionM - a.positionM()) / (b.positionM() - a.positionM());
                return Math.sqrt(a.speedMps() * a.speedMps()
                        + share * (b.speedMps() * b.speedMps() - a.speedMps() * a.speedMps()));
            }
        }
        throw new AssertionError("position " + positionM + " is outside the profile");
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
