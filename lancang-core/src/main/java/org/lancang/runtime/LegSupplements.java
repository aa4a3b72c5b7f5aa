package org.lancang.runtime;

/**
 * Time added to every leg between two stops on top of its (allowance-stretched) running time: {@code startS} as the
 * train leaves the stop, before it passes any point, and {@code stopS} as it comes to the next, after it has passed
 * them all. Chinese timetables call them 起车附加时分 and 停车附加时分; beyond the acceleration and braking the physics
 * already gives, they cover what it does not model (the station throat taken slowly, the driver's stop at the mark).
 *
 * @param startS start supplement, s, {@code >= 0}
 * @param stopS  stop supplement, s, {@code >= 0}
 */
public record LegSupplements(double startS, double stopS) {
    public LegSupplements {
        Require.nonNegative(startS, "startS");
        Require.nonNegative(stopS, "stopS");
    }

    /** Nothing added: the bare physics. */
    public static LegSupplements none() {
        return new LegSupplements(0, 0);
    }
}
