package org.lancang.rollingstock;

/** The class of a seat or berth, as sold. */
public enum SeatClass {
    FIRST,
    SECOND,
    HARD_SEAT,
    /** The wide seats of the Lao locomotive-hauled K11/K12 (published as "wide" places; no fare found). */
    WIDE_SEAT,
    HARD_SLEEPER,
    /** Four-berth compartments (软卧), as the 36 sleeping places of K11/K12. */
    SOFT_SLEEPER
}
