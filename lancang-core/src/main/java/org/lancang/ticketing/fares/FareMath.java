package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.lancang.data.CsvTable;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Point;
import org.lancang.network.Route;

/** The decimal arithmetic of fares: distances, rates and amounts as {@link BigDecimal}, never {@code double}. */
final class FareMath {
    /** Digits kept in intermediate quotients, far below any currency's smallest unit. */
    static final int SCALE = 12;

    private FareMath() {}

    /**
     * The distance between two points in km, exactly as the data file wrote their positions (a {@code double} parsed
     * from "682.6" prints as "682.6" again, so nothing is lost on the way to a decimal).
     */
    static BigDecimal km(Point from, Point to) {
        return BigDecimal.valueOf(to.km())
                .subtract(BigDecimal.valueOf(from.km()))
                .abs();
    }

    /**
     * The length of a way in km, the sum of its legs, each exactly as the data file wrote the positions on its line: on
     * one line the same as {@link #km(Point, Point)}.
     */
    static BigDecimal pathKm(Route way) {
        BigDecimal km = BigDecimal.ZERO;
        for (Route.Leg leg : way.legs()) {
            km = km.add(BigDecimal.valueOf(leg.line().km(leg.toIndex()))
                    .subtract(BigDecimal.valueOf(leg.line().km(leg.fromIndex())))
                    .abs());
        }
        return km;
    }

    /** The amount rounded half-up to a whole number of {@code step}s (for example 0.5 CNY or 1,000 LAK). */
    static BigDecimal roundToStep(BigDecimal amount, BigDecimal step) {
        return amount.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
    }

    /** An amount in major units that is already a whole number of minor units, as money. */
    static Money money(BigDecimal major, Currency currency) {
        return new Money(
                major.movePointRight(currency.decimals())
                        .setScale(0, RoundingMode.UNNECESSARY)
                        .longValueExact(),
                currency);
    }

    /** A field that must hold a positive decimal number (an amount, a rate, a step). */
    static BigDecimal positive(CsvTable.Row row, String field) {
        String text = row.required(field);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw row.error(field, "'" + text + "' is not a decimal number");
        }
        if (value.signum() <= 0) {
            throw row.error(field, "must be positive, not " + text);
        }
        return value;
    }

    /** Whether the amount is a whole number of the currency's minor units (a fen, a kip). */
    static boolean wholeMinorUnits(BigDecimal major, Currency currency) {
        return major.movePointRight(currency.decimals()).stripTrailingZeros().scale() <= 0;
    }
}
