package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lancang.data.CsvTable;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.rollingstock.SeatClass;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;

/**
 * The supplements an operator adds to its base fare by distance ({@value #FILE}, optional): SRT charges a base fare
 * for the distance and class, plus one supplement for the train type (rapid, express, special express), one for air
 * conditioning and one for a berth (upper and lower priced differently). A row applies to a journey when its operator
 * charges a part of it, and its train type, class and berth are blank or those of the journey; each applying row is
 * charged once. An operator that sets a supplement in more than one currency gives one row per currency, and the row
 * in the buyer's currency is used (else the first).
 */
public final class FareSupplements {
    public static final String FILE = "fare-supplements.csv";
    static final List<String> COLUMNS =
            List.of("operator", "kind", "train_type", "seat_class", "berth", "currency", "amount", "source");

    /** What a supplement pays for. */
    public enum Kind {
        /** The train's type (SRT: rapid, express, special express). */
        TRAIN_TYPE,
        /** An air-conditioned car. */
        AIR_CONDITIONING,
        /** A berth (upper or lower) rather than a seat. */
        BERTH
    }

    /** One row: blank train type, class or berth match any. */
    record Row(
            Operator operator,
            Kind kind,
            String trainType,
            SeatClass seatClass,
            Berth berth,
            Money amount,
            String source) {
        boolean applies(Operator op, String type, SeatClass cls, Berth b) {
            return operator.equals(op)
                    && (trainType == null || trainType.equals(type))
                    && (seatClass == null || seatClass == cls)
                    && (berth == null || berth == b);
        }

        boolean sameRule(Row other) {
            return operator.equals(other.operator)
                    && kind == other.kind
                    && Objects.equals(trainType, other.trainType)
                    && seatClass == other.seatClass
                    && berth == other.berth;
        }
    }

    private final List<Row> rows;

    private FareSupplements(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public static FareSupplements none() {
        return new FareSupplements(List.of());
    }

    /** Reads {@value #FILE}: each operator must be one of {@code operators}, each train type one of {@code types}. */
    public static FareSupplements parse(
            String text, Operators operators, List<String> trainTypes, Currencies currencies) {
        CsvTable table = CsvTable.parse(FILE, text, COLUMNS);
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String code = row.required("operator").strip();
            Operator operator = operators
                    .byCode(code)
                    .orElseThrow(() -> row.error("operator", "'" + code + "' is not one of " + operators.codes()));
            String type = row.text("train_type").strip();
            if (!type.isEmpty() && !trainTypes.contains(type)) {
                throw row.error("train_type", "'" + type + "' is not a train type of the network");
            }
            Currency currency = currencies.oneOf(row, "currency");
            BigDecimal amount = FareMath.positive(row, "amount");
            if (!FareMath.wholeMinorUnits(amount, currency)) {
                throw row.error("amount", amount + " is not a whole number of " + currency + " minor units");
            }
            Row r = new Row(
                    operator,
                    row.oneOf("kind", Kind.class),
                    type.isEmpty() ? null : type,
                    row.text("seat_class").isBlank() ? null : row.oneOf("seat_class", SeatClass.class),
                    row.text("berth").isBlank() ? null : row.oneOf("berth", Berth.class),
                    FareMath.money(amount, currency),
                    row.required("source"));
            for (Row before : rows) {
                if (before.sameRule(r) && before.amount().currency().equals(currency)) {
                    throw row.error(
                            "currency",
                            "a second " + r.kind() + " supplement in " + currency + " for the same"
                                    + " operator, train type, class and berth");
                }
            }
            rows.add(r);
        }
        return new FareSupplements(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether {@code operator} prices berths of this class (so a berth must be chosen). */
    boolean needsBerth(Operator operator, SeatClass seatClass) {
        return rows.stream()
                .anyMatch(r -> r.kind() == Kind.BERTH
                        && r.berth() != null
                        && r.operator().equals(operator)
                        && (r.seatClass() == null || r.seatClass() == seatClass));
    }

    /**
     * The supplements {@code operator} charges on a journey by a train of {@code trainType} in {@code seatClass}
     * ({@code berth} null for a seat), each in the buyer's currency where the operator sets it in that currency.
     *
     * @throws InvalidInput (field {@code berth}) when the class's berths are priced apart and none is chosen
     */
    List<FareSupplement> charged(
            Operator operator, String trainType, SeatClass seatClass, Berth berth, Currency buyerCurrency) {
        if (berth == null && needsBerth(operator, seatClass)) {
            throw new InvalidInput(
                    "berth", "choose UPPER or LOWER: " + operator + " prices the berths of " + seatClass + " apart");
        }
        List<FareSupplement> out = new ArrayList<>();
        List<Row> done = new ArrayList<>();
        for (Row r : rows) {
            if (!r.applies(operator, trainType, seatClass, berth)
                    || done.stream().anyMatch(r::sameRule)) {
                continue;
            }
            Optional<Row> inBuyers = rows.stream()
                    .filter(o -> o.sameRule(r) && o.amount().currency().equals(buyerCurrency))
                    .findFirst();
            Row chosen = inBuyers.orElse(r);
            done.add(r);
            out.add(new FareSupplement(operator, r.kind(), chosen.amount(), chosen.source()));
        }
        return out;
    }
}
