package org.lancang.rollingstock;

public enum CarKind {
    POWER_CAR,
    LOCOMOTIVE,
    SEATING,
    DINING,
    SLEEPER,
    BAGGAGE,
    WAGON
}
