package org.lancang.ticketing.fares;

import org.lancang.money.Money;
import org.lancang.timetable.Operator;

/** The part of a fare one operator charges, in its own currency, for its part of the journey. */
public record FarePart(Operator operator, String from, String to, double km, Money amount) {
}
