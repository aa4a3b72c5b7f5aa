package org.lancang.rollingstock;

/**
 * One seat (or berth) of a train, as a passenger sees it on the ticket: car 3, seat 07F.
 *
 * @param number row and letter, for example {@code 07F}
 */
public record Seat(int car, String number, SeatClass seatClass, SeatPosition position) {}
