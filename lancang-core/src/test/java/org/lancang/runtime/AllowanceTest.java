package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Allowances stretch running time leg by leg and leave dwell times alone. */
class AllowanceTest {

    private static final Duration DWELL = Duration.ofMinutes(3);

    private final RunningTimeRequest minimum = new RunningTimeRequest(
            TestTrains.emu(),
            TrackProfile.builder(60_000)
                    .speedLimitKmh(0, 60_000, 160)
                    .gradient(0, 30_000, 6)
                    .gradient(30_000, 60_000, -4)
                    .build(),
            List.of(new Stop(25_000, DWELL)),
            List.of(),
            Allowance.none(),
            List.of(
                    new TimingPoint("passing", 12_000),
                    new TimingPoint("stop", 25_000),
                    new TimingPoint("end", 60_000)));

    @Test
    void percentStretchesRunningTimeButNotDwell() {
        RunningTimeResult plain = RunningTimeCalculator.calculate(minimum);
        RunningTimeResult padded = RunningTimeCalculator.calculate(minimum.withAllowance(Allowance.percent(5)));

        double dwellS = Envelopes.seconds(DWELL);
        double minimumRunningS = Envelopes.seconds(plain.totalRunningTime()) - dwellS;
        double paddedRunningS = Envelopes.seconds(padded.totalRunningTime()) - dwellS;
        assertThat(paddedRunningS).isCloseTo(1.05 * minimumRunningS, withinPercentage(0.1));
        assertThat(padded.minimumTotalRunningTime()).isEqualTo(plain.totalRunningTime());

        TimingPointTime stop = padded.timingPoint("stop");
        assertThat(stop.departure().minus(stop.arrival())).isEqualTo(DWELL);
        assertThat(Envelopes.seconds(stop.arrival()))
                .isCloseTo(1.05 * Envelopes.seconds(plain.timingPoint("stop").arrival()), withinPercentage(0.1));
        assertThat(Envelopes.seconds(padded.timingPoint("passing").arrival()))
                .isCloseTo(1.05 * Envelopes.seconds(plain.timingPoint("passing").arrival()), withinPercentage(0.1));
        assertThat(padded.timingPoint("passing").minimumArrival())
                .isEqualTo(plain.timingPoint("passing").arrival());
    }

    @Test
    void minutesPer100KmAddTimeInProportionToEachLegsLength() {
        RunningTimeResult plain = RunningTimeCalculator.calculate(minimum);
        RunningTimeResult padded = RunningTimeCalculator.calculate(minimum.withAllowance(Allowance.minutesPer100Km(4)));

        double firstLegExtraS = 4 * 60 * 25_000 / 100_000.0; // 60 s over 25 km
        double secondLegExtraS = 4 * 60 * 35_000 / 100_000.0; // 84 s over 35 km
        assertThat(Envelopes.seconds(padded.timingPoint("stop").arrival())
                        - Envelopes.seconds(plain.timingPoint("stop").arrival()))
                .isCloseTo(firstLegExtraS, within(0.01));
        assertThat(padded.timingPoint("stop")
                        .departure()
                        .minus(padded.timingPoint("stop").arrival()))
                .isEqualTo(DWELL);
        assertThat(Envelopes.seconds(padded.totalRunningTime()) - Envelopes.seconds(plain.totalRunningTime()))
                .isCloseTo(firstLegExtraS + secondLegExtraS, within(0.01));
    }

    @Test
    void stretchedProfileStillStopsAndRunsSlower() {
        RunningTimeResult padded = RunningTimeCalculator.calculate(minimum.withAllowance(Allowance.percent(10)));

        assertThat(Envelopes.maxSpeedMps(padded.profile(), 0, 60_000))
                .isCloseTo(Envelopes.maxSpeedMps(padded.minimumProfile(), 0, 60_000) / 1.1, withinPercentage(0.01));
        assertThat(padded.profile().get(padded.profile().size() - 1).timeS())
                .isCloseTo(Envelopes.seconds(padded.totalRunningTime()), within(1e-6));
    }
}
