package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Point;
import org.lancang.rollingstock.SeatClass;
import org.lancang.timetable.Operator;

/**
 * A rate per km of the journey on the operator's line, the fare rounded half-up to a step (Chinese fares are whole
 * multiples of 0.5 CNY).
 */
public record PerKmTariff(
        Operator operator,
        SeatClass seatClass,
        Currency currency,
        BigDecimal perKm,
        BigDecimal roundingStep,
        LocalDate validFrom)
        implements Tariff {
    public PerKmTariff {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(seatClass, "seatClass");
        Objects.requireNonNull(currency, "currency");
        if (perKm == null || perKm.signum() <= 0 || roundingStep == null || roundingStep.signum() <= 0) {
            throw new IllegalArgumentException("the rate and the rounding step must be positive");
        }
        if (!FareMath.wholeMinorUnits(roundingStep, currency)) {
            throw new IllegalArgumentException("the rounding step is finer than a " + currency + " minor unit");
        }
    }

    @Override
    public Money fare(Point from, Point to, BigDecimal km) {
        return FareMath.money(FareMath.roundToStep(perKm.multiply(km), roundingStep), currency);
    }
}
