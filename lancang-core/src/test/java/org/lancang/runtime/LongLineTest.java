package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A China–Laos-sized run: 1,035 km, 10 intermediate stops, a 160 km/h EMU on a seeded random profile within the
 * ruling gradient of 12 ‰. No timing assertion: {@link #line()} is also what a benchmark would use.
 */
class LongLineTest {

    static final double LENGTH_M = 1_035_000;
    static final long SEED = 20211203L;

    static RunningTimeRequest line() {
        Random random = new Random(SEED);
        TrackProfile.Builder track = TrackProfile.builder(LENGTH_M)
                .speedLimitKmh(0, 106_000, 200) // Kunming–Yuxi
                .speedLimitKmh(106_000, 613_000, 160) // Yuxi–Mohan
                .speedLimitKmh(613_000, LENGTH_M, 160); // Boten–Vientiane
        for (double fromM = 0; fromM < LENGTH_M; ) {
            double toM = Math.min(LENGTH_M, fromM + 500 + random.nextInt(2_500));
            track.gradient(fromM, toM, Math.round(random.nextDouble() * 240 - 120) / 10.0);
            fromM = toM;
        }
        List<Stop> stops = new ArrayList<>();
        List<TimingPoint> points = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            double atM = i * 94_000.0;
            stops.add(new Stop(atM, Duration.ofMinutes(2)));
            points.add(new TimingPoint("stop " + i, atM));
            points.add(new TimingPoint("between " + i, atM - 47_000));
        }
        points.add(new TimingPoint("end", LENGTH_M));
        List<TemporarySpeedRestriction> tsrs = List.of(
                new TemporarySpeedRestriction(300_000, 302_000, Units.kmhToMps(45)),
                new TemporarySpeedRestriction(700_000, 700_800, Units.kmhToMps(80)));
        return new RunningTimeRequest(TestTrains.emu(), track.build(), stops, tsrs, Allowance.percent(5), points);
    }

    @Test
    void runsTheWholeLine() {
        RunningTimeRequest request = line();

        RunningTimeResult result = RunningTimeCalculator.calculate(request);

        double totalS = Envelopes.seconds(result.totalRunningTime());
        double dwellS = 10 * 120;
        assertThat(totalS).isGreaterThan(LENGTH_M / Units.kmhToMps(160) + dwellS);
        assertThat(totalS).isLessThan(2 * LENGTH_M / Units.kmhToMps(160) + dwellS);
        List<TimingPointTime> times = result.timingPoints();
        for (int i = 1; i < times.size(); i++) {
            TimingPointTime earlier =
                    times.get(i - 1).positionM() < times.get(i).positionM() ? times.get(i - 1) : null;
            if (earlier != null) {
                assertThat(times.get(i).arrival()).isGreaterThan(earlier.departure());
            }
        }
        assertThat(result.timingPoint("end").arrival()).isEqualTo(result.totalRunningTime());
        // the profile stays drawable: at most the per-leg cap on each of the 11 legs
        assertThat(result.profile())
                .hasSizeLessThanOrEqualTo(11 * RunningTimeCalculator.MAX_PROFILE_POINTS_PER_LEG + 11);
    }
}
