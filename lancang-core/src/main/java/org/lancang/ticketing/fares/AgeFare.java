package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import org.lancang.timetable.Operator;

/**
 * One operator's reduced fare for an age band: a passenger at least {@code minAge} and younger than {@code maxAge}
 * (whole years on the day of travel) pays {@code percent} of the operator's part of the fare, rounded the way the
 * operator rounds its fares.
 */
public record AgeFare(Operator operator, FareCategory category, int minAge, int maxAge, BigDecimal percent) {
    public boolean covers(int age) {
        return age >= minAge && age < maxAge;
    }
}
