package org.lancang.rollingstock;

/** The class of a seat or berth, as sold. */
public enum SeatClass {
    FIRST,
    SECOND,
    HARD_SEAT,
    HARD_SLEEPER
}
