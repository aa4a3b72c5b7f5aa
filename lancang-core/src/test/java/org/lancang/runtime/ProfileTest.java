package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;

/**
 * The compact profile reads as the list of points the calculator used to store: on seeded random runs (legs of random
 * samples, dwells, allowance stretches and sample limits), the same points bit for bit, and the same time at every
 * position as the former interpolation over those points.
 */
class ProfileTest {
    @Test
    void readsAsTheStoredPointsDid() {
        long seed = Seeds.seed(ProfileTest.class);
        Random random = new Random(seed);
        for (int train = 0; train < 300; train++) {
            Profile.Builder builder = new Profile.Builder();
            List<ProfilePoint> stored = new ArrayList<>();
            double startM = 0;
            double departureS = random.nextInt(3) * 60.0;
            int legs = 1 + random.nextInt(6);
            int maxPoints = 2 + random.nextInt(40);
            for (int l = 0; l < legs; l++) {
                RandomLeg leg = randomLeg(random, startM);
                double stretch = 1.0 + random.nextInt(4) * 0.03 + random.nextDouble() * 0.01;
                leg.run().addTo(builder, departureS, stretch, maxPoints);
                storedAsBefore(leg, stored, departureS, stretch, maxPoints);
                departureS += stretch * leg.run().runningTimeS() + random.nextInt(3) * 120.0; // a dwell, or none
                startM = leg.x()[leg.x().length - 1];
            }
            Profile profile = builder.build();
            String where = "seed " + seed + " train " + train;
            assertThat(profile).as(where).containsExactlyElementsOf(stored);
            assertThat(Profile.of(stored)).as(where).containsExactlyElementsOf(stored);
            double endM = stored.get(stored.size() - 1).positionM();
            for (int q = 0; q < 200; q++) {
                // exact sample positions (stops included), and positions between and beyond them
                double x = random.nextBoolean()
                        ? stored.get(random.nextInt(stored.size())).positionM()
                        : random.nextDouble() * (endM + 2_000) - 1_000;
                assertThat(profile.secondsAt(x)).as(where + " at " + x).isEqualTo(secondsAtAsBefore(stored, x));
            }
        }
    }

    /** A leg's run and the samples it was given, kept aside to build the expected points from. */
    private record RandomLeg(LegRun run, double[] x, double[] v, double[] t) {}

    private static RandomLeg randomLeg(Random random, double startM) {
        LegRun.Builder b = new LegRun.Builder();
        int n = 2 + random.nextInt(300);
        double[] xs = new double[n];
        double[] vs = new double[n];
        double[] ts = new double[n];
        double x = startM;
        double t = 0;
        for (int i = 0; i < n; i++) {
            xs[i] = x;
            vs[i] = i == 0 || i == n - 1 ? 0 : 1 + random.nextDouble() * 60; // at rest at both ends
            ts[i] = t;
            b.add(xs[i], vs[i], ts[i]);
            double dx = 1 + random.nextDouble() * 500;
            x += dx;
            t += dx / 20;
        }
        return new RandomLeg(b.build(), xs, vs, ts);
    }

    /** How the calculator stored a leg's points before they were kept compact (its former {@code appendProfile}). */
    private static void storedAsBefore(
            RandomLeg leg, List<ProfilePoint> profile, double departureS, double stretch, int maxPoints) {
        int stride = Math.max(1, (leg.x().length + maxPoints - 1) / maxPoints);
        int last = leg.x().length - 1;
        for (int k = 0; k <= last; k++) {
            if (k % stride == 0 || k == last) {
                profile.add(new ProfilePoint(leg.x()[k], leg.v()[k] / stretch, departureS + stretch * leg.t()[k]));
            }
        }
    }

    /** The former {@code TrainRun.secondsAt}: a binary search over the stored points. */
    private static double secondsAtAsBefore(List<ProfilePoint> profile, double positionM) {
        int lo = 0;
        int hi = profile.size() - 1;
        if (positionM <= profile.get(0).positionM()) {
            return profile.get(0).timeS();
        }
        if (positionM >= profile.get(hi).positionM()) {
            return profile.get(hi).timeS();
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (profile.get(mid).positionM() < positionM) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        ProfilePoint a = profile.get(lo);
        ProfilePoint b = profile.get(hi);
        if (b.positionM() == a.positionM()) {
            return a.timeS();
        }
        double f = (positionM - a.positionM()) / (b.positionM() - a.positionM());
        return a.timeS() + f * (b.timeS() - a.timeS());
    }
}
