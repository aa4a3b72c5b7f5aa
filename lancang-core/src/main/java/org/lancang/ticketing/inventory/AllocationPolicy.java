package org.lancang.ticketing.inventory;

/**
 * How to choose among the seats that are free for a journey.
 * <ul>
 * <li>{@link #FIRST_FIT}: the lowest-numbered free seat. Simple, but it scatters short journeys over seats that long
 * journeys then cannot use.</li>
 * <li>{@link #BEST_FIT}: the seat whose free stretch around the journey is the shortest, so short journeys fill the
 * gaps between earlier sales and long stretches stay whole for long journeys (what 12306 does in spirit: sell a seat
 * Kunming South–Pu'er, then the same seat Pu'er–Vientiane).</li>
 * </ul>
 */
public enum AllocationPolicy {
    FIRST_FIT, BEST_FIT
}
