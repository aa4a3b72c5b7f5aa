package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every run must have, on a hand-made line and on seeded random lines (the seed is in every failure
 * message): never above the most restrictive limit (restated independently in {@link Envelopes#limitMps}), at rest
 * at the start and at every stop and nowhere else, time and position never going backwards.
 */
class SpeedEnvelopeTest {

    private static final double EPSILON_MPS = 1e-6;

    @Test
    void handMadeLineWithRestrictionsStopsAndGradients() {
        TrackProfile track = TrackProfile.builder(40_000)
                .speedLimitKmh(0, 3_000, 80)
                .speedLimitKmh(3_000, 18_000, 160)
                .speedLimitKmh(18_000, 18_600, 100) // short dip: shorter than the train plus braking
                .speedLimitKmh(18_600, 30_000, 160)
                .speedLimitKmh(30_000, 40_000, 120)
                .gradient(0, 5_000, 0)
                .gradient(5_000, 12_000, 12)
                .gradient(12_000, 20_000, -9)
                .gradient(20_000, 40_000, 4)
                .build();
        RunningTimeRequest request = new RunningTimeRequest(
                TestTrains.emu(),
                track,
                List.of(new Stop(15_000, Duration.ofMinutes(2)), new Stop(28_000, Duration.ZERO)),
                List.of(
                        new TemporarySpeedRestriction(8_000, 8_400, Units.kmhToMps(45)),
                        new TemporarySpeedRestriction(24_000, 26_000, Units.kmhToMps(60))),
                Allowance.percent(4),
                List.of(
                        new TimingPoint("A", 0),
                        new TimingPoint("B", 15_000),
                        new TimingPoint("C", 28_000),
                        new TimingPoint("D", 40_000)));

        RunningTimeResult result = RunningTimeCalculator.calculate(request);

        assertEnvelopeProperties(request, result, "hand-made line");
        assertThat(result.timingPoint("B")
                        .departure()
                        .minus(result.timingPoint("B").arrival()))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(result.timingPoints()).allMatch(TimingPointTime::stopped);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomLines(long seed) {
        RunningTimeRequest request = randomRequest(new Random(seed));

        RunningTimeResult result = RunningTimeCalculator.calculate(request);

        assertEnvelopeProperties(request, result, "seed " + seed);
    }

    private static void assertEnvelopeProperties(RunningTimeRequest request, RunningTimeResult result, String label) {
        for (List<ProfilePoint> profile : List.of(result.profile(), result.minimumProfile())) {
            ProfilePoint first = profile.get(0);
            assertThat(first.positionM()).as(label + ": start").isZero();
            assertThat(first.speedMps()).as(label + ": start speed").isZero();
            assertThat(first.timeS()).as(label + ": start time").isZero();
            List<Double> stopsM = new ArrayList<>();
            request.stops().forEach(s -> stopsM.add(s.positionM()));
            stopsM.add(request.track().lengthM());
            for (int i = 0; i < profile.size(); i++) {
                ProfilePoint p = profile.get(i);
                assertThat(p.speedMps())
                        .as("%s: speed at %.2f m", label, p.positionM())
                        .isLessThanOrEqualTo(Envelopes.limitMps(request, p.positionM()) + EPSILON_MPS);
                boolean atStop =
                        p.positionM() == 0 || stopsM.stream().anyMatch(s -> Math.abs(s - p.positionM()) < 1e-6);
                if (atStop) {
                    assertThat(p.speedMps())
                            .as("%s: speed at the stop at %.2f m", label, p.positionM())
                            .isZero();
                } else {
                    assertThat(p.speedMps())
                            .as("%s: no unplanned stop at %.2f m", label, p.positionM())
                            .isPositive();
                }
                if (i > 0) {
                    ProfilePoint previous = profile.get(i - 1);
                    assertThat(p.positionM())
                            .as(label + ": position order")
                            .isGreaterThanOrEqualTo(previous.positionM());
                    assertThat(p.timeS()).as(label + ": time order").isGreaterThanOrEqualTo(previous.timeS());
                    if (p.positionM() > previous.positionM()) {
                        double accelerationMps2 =
                                (p.speedMps() * p.speedMps() - previous.speedMps() * previous.speedMps())
                                        / (2 * (p.positionM() - previous.positionM()));
                        assertThat(accelerationMps2)
                                .as("%s: braking at %.2f m", label, p.positionM())
                                .isGreaterThanOrEqualTo(-request.train().brakingDecelerationMps2() * (1 + 1e-9));
                        assertThat(accelerationMps2)
                                .as("%s: acceleration at %.2f m", label, p.positionM())
                                .isLessThanOrEqualTo(maxAccelerationMps2(request.train()));
                    }
                }
            }
            // between samples too, read the way the model moves (speed² linear in distance)
            for (double xM = 0; xM <= request.track().lengthM(); xM += 100) {
                assertThat(Envelopes.speedAtMps(profile, xM))
                        .as("%s: interpolated speed at %.0f m", label, xM)
                        .isLessThanOrEqualTo(Envelopes.limitMps(request, xM) + EPSILON_MPS);
            }
            for (double stopM : stopsM) {
                assertThat(profile)
                        .as("%s: a sample at the stop at %.1f m", label, stopM)
                        .anyMatch(p -> Math.abs(p.positionM() - stopM) < 1e-6);
            }
            ProfilePoint last = profile.get(profile.size() - 1);
            assertThat(last.positionM())
                    .as(label + ": end")
                    .isEqualTo(request.track().lengthM());
            assertThat(last.speedMps()).as(label + ": end speed").isZero();
        }
    }

    /** No train accelerates faster than its best effort, with no resistance, down the steepest gradient used here (20 ‰). */
    private static double maxAccelerationMps2(TrainPhysics train) {
        return (train.tractionEffortN(0) + train.massKg() * Units.STANDARD_GRAVITY_MPS2 * 0.020)
                / train.effectiveMassKg();
    }

    /** A line of 8–60 km with varied limits (some gaps), gradients up to ±20 ‰, TSRs and stops. */
    private static RunningTimeRequest randomRequest(Random random) {
        double lengthM = 8_000 + random.nextInt(52_000);
        double[] speedsKmh = {40, 60, 80, 100, 120, 140, 160};
        TrackProfile.Builder track = TrackProfile.builder(lengthM);
        for (double fromM = 0; fromM < lengthM; ) {
            double toM = Math.min(lengthM, fromM + 300 + random.nextInt(5_000));
            if (random.nextInt(8) > 0) {
                track.speedLimitKmh(fromM, toM, speedsKmh[random.nextInt(speedsKmh.length)]);
            }
            fromM = toM;
        }
        for (double fromM = 0; fromM < lengthM; ) {
            double toM = Math.min(lengthM, fromM + 200 + random.nextInt(3_000));
            track.gradient(fromM, toM, Math.round(random.nextDouble() * 400 - 200) / 10.0);
            fromM = toM;
        }
        List<TemporarySpeedRestriction> tsrs = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            double fromM = random.nextDouble() * (lengthM - 2_500);
            tsrs.add(new TemporarySpeedRestriction(
                    fromM, fromM + 200 + random.nextInt(2_000), Units.kmhToMps(20 + random.nextInt(60))));
        }
        List<Stop> stops = new ArrayList<>();
        for (double atM = 1_000 + random.nextInt(15_000);
                atM < lengthM - 1_000;
                atM += 1_000 + random.nextInt(15_000)) {
            stops.add(new Stop(atM, Duration.ofSeconds(random.nextInt(180))));
        }
        return new RunningTimeRequest(
                TestTrains.emu(),
                track.build(),
                stops,
                tsrs,
                random.nextBoolean() ? Allowance.none() : Allowance.percent(random.nextInt(10)),
                List.of());
    }
}
