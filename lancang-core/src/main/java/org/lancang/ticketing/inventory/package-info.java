/**
 * Seat inventory of a train run: which seat is sold on which segment, availability per journey and class, and the
 * allocation of seats by a policy ({@link org.lancang.ticketing.inventory.AllocationPolicy#BEST_FIT best fit} or
 * {@link org.lancang.ticketing.inventory.AllocationPolicy#FIRST_FIT first fit}) within the cars a
 * {@link org.lancang.ticketing.inventory.CarRule} allows. Start at
 * {@link org.lancang.ticketing.inventory.SeatInventory}.
 */
package org.lancang.ticketing.inventory;
