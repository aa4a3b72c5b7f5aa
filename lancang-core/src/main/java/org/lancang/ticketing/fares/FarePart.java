package org.lancang.ticketing.fares;

import org.lancang.money.Money;
import org.lancang.timetable.Operator;

/**
 * The part of a fare one operator charges, in its own currency, for its part of the journey: {@code from} and
 * {@code to} are point codes (the border point BDR ends the Chinese part; the Lao part starts at Boten).
 *
 * @param km the distance charged, for display (the fare itself was worked out in decimals)
 */
public record FarePart(Operator operator, String from, String to, double km, Money amount) {}
