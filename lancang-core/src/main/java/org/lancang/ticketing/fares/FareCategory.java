package org.lancang.ticketing.fares;

/**
 * Who a fare is for, by age on the day of travel: an adult pays the full fare; a child and an infant pay the share of
 * it that the operator's rules give ({@code passenger-fares.csv}). Every passenger here has a seat of their own.
 */
public enum FareCategory {
    ADULT,
    CHILD,
    INFANT
}
