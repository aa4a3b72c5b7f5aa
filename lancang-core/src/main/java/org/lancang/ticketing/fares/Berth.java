package org.lancang.ticketing.fares;

/** Which berth of a sleeper section: SRT prices upper and lower berths differently (the lower is wider). */
public enum Berth {
    UPPER,
    LOWER
}
