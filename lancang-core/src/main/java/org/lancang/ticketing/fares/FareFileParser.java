package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lancang.data.CsvTable;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.rollingstock.SeatClass;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;

/**
 * Reads the fare file ({@code fares.csv}): one tariff per operator and class, either a published table ({@code TABLE}
 * rows, one per pair of points) or a rate per km (one {@code PER_KM} row), each marked with the date its fares apply
 * from ({@code valid_from}, the same on every row of a tariff). An operator that sets its prices in more than one
 * currency (SRT's old Nong Khai shuttle: 20 THB or 6,000 LAK) gives one tariff per currency, the first its own. Amounts are read as decimals, never as {@code double}.
 * Every mistake is reported with the file, line and field.
 */
public final class FareFileParser {
    static final List<String> COLUMNS = List.of(
            "kind",
            "operator",
            "seat_class",
            "currency",
            "from",
            "to",
            "amount",
            "per_km",
            "rounding",
            "valid_from",
            "source");

    /** The two kinds of row. */
    enum Kind {
        /** A published fare between two points (from, to, amount). */
        TABLE,
        /** A rate per km (per_km). */
        PER_KM
    }

    private FareFileParser() {}

    /**
     * The tariffs in {@code text}, the contents of file {@code fileName}, whose points are those of {@code network} and
     * whose currencies are those of {@code currencies}.
     */
    public static List<Tariff> parse(String fileName, String text, Network network, Currencies currencies) {
        return parse(fileName, text, new Sections(network, null), currencies);
    }

    /** The same, with each country's part charged by the operator {@code operators} names for it. */
    public static List<Tariff> parse(
            String fileName, String text, Network network, Operators operators, Currencies currencies) {
        return parse(fileName, text, new Sections(network, operators), currencies);
    }

    static List<Tariff> parse(String fileName, String text, Sections network, Currencies currencies) {
        CsvTable table = CsvTable.parse(fileName, text, COLUMNS);
        Map<Operator, Map<SeatClass, Map<Currency, List<CsvTable.Row>>>> grouped = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            grouped.computeIfAbsent(operator(row, network), k -> new EnumMap<>(SeatClass.class))
                    .computeIfAbsent(row.oneOf("seat_class", SeatClass.class), k -> new LinkedHashMap<>())
                    .computeIfAbsent(currencies.oneOf(row, "currency"), k -> new ArrayList<>())
                    .add(row);
        }
        List<Tariff> tariffs = new ArrayList<>();
        grouped.forEach((operator, byClass) -> byClass.forEach((seatClass, byCurrency) -> byCurrency.forEach(
                (currency, rows) -> tariffs.add(tariff(operator, seatClass, currency, rows, network)))));
        return List.copyOf(tariffs);
    }

    /** All rows of one operator, class and currency: they must agree on kind and rounding. */
    private static Tariff tariff(
            Operator operator, SeatClass seatClass, Currency currency, List<CsvTable.Row> rows, Sections network) {
        CsvTable.Row first = rows.get(0);
        Kind kind = first.oneOf("kind", Kind.class);
        BigDecimal rounding = FareMath.positive(first, "rounding");
        LocalDate validFrom = date(first);
        for (CsvTable.Row row : rows) {
            same(row, "valid_from", date(row), validFrom, first);
            same(row, "kind", row.oneOf("kind", Kind.class), kind, first);
            if (FareMath.positive(row, "rounding").compareTo(rounding) != 0) {
                throw row.error("rounding", "differs from line " + first.line() + " of the same operator and class");
            }
        }
        if (!FareMath.wholeMinorUnits(rounding, currency)) {
            throw first.error("rounding", rounding + " is finer than the smallest " + currency + " unit");
        }
        return kind == Kind.PER_KM
                ? perKm(operator, seatClass, currency, rounding, validFrom, rows)
                : table(operator, seatClass, currency, rounding, validFrom, rows, network);
    }

    private static LocalDate date(CsvTable.Row row) {
        try {
            return LocalDate.parse(row.required("valid_from"));
        } catch (DateTimeParseException e) {
            throw row.error("valid_from", "'" + row.text("valid_from") + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Tariff perKm(
            Operator operator,
            SeatClass seatClass,
            Currency currency,
            BigDecimal rounding,
            LocalDate validFrom,
            List<CsvTable.Row> rows) {
        if (rows.size() > 1) {
            throw rows.get(1)
                    .error(
                            "kind",
                            "a second PER_KM rate for " + operator + " " + seatClass + " (the first is on" + " line "
                                    + rows.get(0).line() + ")");
        }
        CsvTable.Row row = rows.get(0);
        blank(row, "from", "to", "amount");
        return new PerKmTariff(operator, seatClass, currency, FareMath.positive(row, "per_km"), rounding, validFrom);
    }

    private static Tariff table(
            Operator operator,
            SeatClass seatClass,
            Currency currency,
            BigDecimal rounding,
            LocalDate validFrom,
            List<CsvTable.Row> rows,
            Sections network) {
        List<DistanceTableTariff.Published> published = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            blank(row, "per_km");
            Point from = station(row, "from", network, operator);
            Point to = station(row, "to", network, operator);
            if (from.equals(to)) {
                throw row.error("to", "a fare runs between two different points");
            }
            BigDecimal amount = FareMath.positive(row, "amount");
            if (!FareMath.wholeMinorUnits(amount, currency)) {
                throw row.error("amount", amount + " is not a whole number of " + currency + " minor units");
            }
            published.add(new DistanceTableTariff.Published(
                    from, to, routeKm(row, network, from, to), FareMath.money(amount, currency)));
        }
        try {
            return new DistanceTableTariff(operator, seatClass, currency, rounding, validFrom, published);
        } catch (DistanceTableTariff.InvalidFare e) {
            throw rows.get(e.index()).error("amount", e.getMessage());
        }
    }

    /**
     * The length of the shortest route between a published pair's points, as a fare's distance is measured (a pair
     * with two routes of one length is refused, naming {@code to}: the table does not say which it prices).
     */
    private static BigDecimal routeKm(CsvTable.Row row, Sections network, Point from, Point to) {
        return FareMath.pathKm(network.network().routes().between(row, from, to));
    }

    /** A point of the line on the part {@code operator} charges for. */
    private static Point station(CsvTable.Row row, String field, Sections network, Operator operator) {
        String code = row.required(field);
        Point point = network.network()
                .point(code)
                .orElseThrow(() -> row.error(field, "'" + code + "' is not a point of the line"));
        if (network.chargedBy(point).filter(operator::equals).isEmpty()) {
            throw row.error(field, "'" + code + "' is not on the part of the line " + operator + " charges for");
        }
        return point;
    }

    /** An operator that charges for some country's part of the line. */
    private static Operator operator(CsvTable.Row row, Sections sections) {
        List<String> known = sections.chargingOperators();
        String code = row.required("operator").strip();
        if (!known.contains(code)) {
            throw row.error(
                    "operator", "'" + code + "' is not one of " + known + ", the operators charging on the line");
        }
        return Operator.valueOf(code);
    }

    private static void blank(CsvTable.Row row, String... fields) {
        for (String field : fields) {
            if (!row.text(field).isEmpty()) {
                throw row.error(field, "must be blank in a " + row.text("kind") + " row");
            }
        }
    }

    private static <T> void same(CsvTable.Row row, String field, T value, T expected, CsvTable.Row first) {
        if (!value.equals(expected)) {
            throw row.error(
                    field,
                    value + " differs from " + expected + " on line " + first.line()
                            + " of the same operator and class");
        }
    }
}
