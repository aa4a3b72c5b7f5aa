package org.lancang.ticketing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.lancang.errors.InvalidInput;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;

/**
 * When a train run is on sale: from a number of days ahead, per operator as its data gives it (for the reference line
 * 12306 sells 15 days ahead, the Lao operator 7), until the train leaves the boarding station.
 */
public record SalesWindow(Map<Operator, Integer> daysAhead) {
    public SalesWindow {
        daysAhead = Map.copyOf(daysAhead);
    }

    /** Each operator's days ahead as its {@code operators.csv} row gives them (7 where it gives none). */
    public static SalesWindow of(Operators operators) {
        Map<Operator, Integer> days = new HashMap<>();
        for (Operator o : operators.all()) {
            if (o.salesDaysAhead() > 0) {
                days.put(o, o.salesDaysAhead());
            }
        }
        return new SalesWindow(days);
    }

    /**
     * Checks that a journey on {@code serviceDate}, boarding at {@code boardingDeparture}, may be sold at {@code now}.
     * The first sale day counts in the zone of the boarding station: sales open at midnight there.
     */
    public void check(
            Operator operator,
            LocalDate serviceDate,
            Instant boardingDeparture,
            ZoneId boardingZone,
            Instant now,
            String field) {
        int days = daysAhead.getOrDefault(operator, 7);
        LocalDate today = now.atZone(boardingZone).toLocalDate();
        if (serviceDate.isAfter(today.plusDays(days))) {
            throw new InvalidInput(
                    field,
                    "not on sale yet: " + operator + " trains are sold " + days + " days ahead, from "
                            + serviceDate.minusDays(days),
                    "not-on-sale-yet");
        }
        if (!now.isBefore(boardingDeparture)) {
            throw new InvalidInput(field, "the train has already left the boarding station", "train-left");
        }
    }

    /** Whether the run is on sale now (without an error). */
    public boolean onSale(
            Operator operator, LocalDate serviceDate, Instant boardingDeparture, ZoneId boardingZone, Instant now) {
        int days = daysAhead.getOrDefault(operator, 7);
        return !serviceDate.isAfter(now.atZone(boardingZone).toLocalDate().plusDays(days))
                && now.isBefore(boardingDeparture);
    }
}
