package org.lancang.ticketing.fares;

/**
 * Who a fare is for, by age on the day of travel: an adult pays the full fare; a child and an infant pay the share of
 * it that the operator's rules give ({@code passenger-fares.csv}). Each of these has a seat of their own. A lap infant
 * takes no seat: carried on the lap of a passenger who pays the adult fare, one each, free where the operator says so.
 */
public enum FareCategory {
    ADULT,
    CHILD,
    INFANT,
    LAP_INFANT;

    /** Whether a passenger of this category is given a seat (every category but the lap infant). */
    public boolean takesSeat() {
        return this != LAP_INFANT;
    }
}
