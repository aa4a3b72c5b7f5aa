package org.lancang.ticketing.fares;

import java.time.LocalDate;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Point;
import org.lancang.rollingstock.SeatClass;
import org.lancang.timetable.Operator;

/** How one operator prices one class on its part of the line, in its own currency. */
public sealed interface Tariff permits DistanceTableTariff, PerKmTariff {
    Operator operator();

    SeatClass seatClass();

    Currency currency();

    /**
     * The date from which the fares are known to apply: the day they took effect, or where that is not known the day
     * they were published.
     */
    LocalDate validFrom();

    /** The fare between two points of the operator's part of the line, either way round. */
    Money fare(Point from, Point to);
}
