package org.lancang.ticketing.fares;

import java.math.BigDecimal;
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

    /** The fare between two points of one line of the operator's part, either way round: their km difference. */
    default Money fare(Point from, Point to) {
        return fare(from, to, FareMath.km(from, to));
    }

    /**
     * The fare between two points of the operator's part, {@code km} apart along the train's path (the sum of its legs,
     * which on a network of several lines is not a km difference), either way round.
     */
    Money fare(Point from, Point to, BigDecimal km);
}
