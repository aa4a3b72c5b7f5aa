package org.lancang.ticketing.fares;

import org.lancang.money.Money;
import org.lancang.timetable.Operator;

/**
 * A supplement added to the base fare by the operator that sets it (SRT: one for the train type, one for air
 * conditioning, one for a berth), charged once per journey on that operator's trains.
 *
 * @param source where the amount comes from (or why it is an assumption), as the data file says
 */
public record FareSupplement(Operator operator, FareSupplements.Kind kind, Money amount, String source) {}
