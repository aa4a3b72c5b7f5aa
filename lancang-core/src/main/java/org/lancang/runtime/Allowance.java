package org.lancang.runtime;

/**
 * Running-time supplement (recovery margin) added on top of the minimum running time of each leg between two
 * stops, in proportion to that leg. It stretches the leg's time uniformly (every speed divided by the same factor),
 * and never touches dwell times.
 */
public sealed interface Allowance permits Allowance.None, Allowance.Percent, Allowance.MinutesPer100Km {

    /**
     * Extra time for one leg, s.
     *
     * @param minimumRunningTimeS the leg's minimum running time, s
     * @param legLengthM          the leg's length, m
     */
    double extraTimeS(double minimumRunningTimeS, double legLengthM);

    /** No allowance: the minimum running time. */
    static Allowance none() {
        return new None();
    }

    /** {@code percent} % of each leg's minimum running time (5 means 5 %). */
    static Allowance percent(double percent) {
        return new Percent(percent);
    }

    /** {@code minutesPer100Km} minutes per 100 km of each leg's length. */
    static Allowance minutesPer100Km(double minutesPer100Km) {
        return new MinutesPer100Km(minutesPer100Km);
    }

    /** No allowance. */
    record None() implements Allowance {
        @Override
        public double extraTimeS(double minimumRunningTimeS, double legLengthM) {
            return 0.0;
        }
    }

    /**
     * A percentage of the minimum running time.
     *
     * @param percent {@code >= 0}, 5 means 5 %
     */
    record Percent(double percent) implements Allowance {
        public Percent {
            Require.nonNegative(percent, "percent");
        }

        @Override
        public double extraTimeS(double minimumRunningTimeS, double legLengthM) {
            return minimumRunningTimeS * percent / 100.0;
        }
    }

    /**
     * Minutes per 100 km of distance.
     *
     * @param minutesPer100Km {@code >= 0}
     */
    record MinutesPer100Km(double minutesPer100Km) implements Allowance {
        public MinutesPer100Km {
            Require.nonNegative(minutesPer100Km, "minutesPer100Km");
        }

        @Override
        public double extraTimeS(double minimumRunningTimeS, double legLengthM) {
            return minutesPer100Km * 60.0 * legLengthM / 100_000.0;
        }
    }
}
