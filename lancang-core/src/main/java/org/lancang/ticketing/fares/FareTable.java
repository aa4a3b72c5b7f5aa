package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.lancang.data.CsvTable;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRate;
import org.lancang.money.Money;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.rollingstock.SeatClass;
import org.lancang.timetable.Operator;

/**
 * Fares per operator, class and currency. The Lao section is priced from the published Vientiane table (exactly for
 * the published pairs, by distance otherwise); the Chinese section per km of its part of the journey. A journey across
 * the border pays both parts; the total is converted to the buyer's currency.
 */
public final class FareTable {
    public static final String FILE = "fares.csv";
    public static final String RATES_FILE = "exchange-rates.csv";
    /** Kip fares worked out by distance are rounded to this (published fares are whole thousands). */
    private static final long LAK_ROUNDING = 1000;

    /** Published fares from one origin by distance: km → fare. */
    private final Map<SeatClass, TreeMap<Double, Long>> laoByDistance = new EnumMap<>(SeatClass.class);
    private final Map<SeatClass, Map<String, Long>> laoTable = new EnumMap<>(SeatClass.class);
    private final Map<SeatClass, BigDecimal[]> chinesePerKm = new EnumMap<>(SeatClass.class);
    private final Network network;
    private final ExchangeRate rate;

    private FareTable(Network network, ExchangeRate rate) {
        this.network = network;
        this.rate = rate;
    }

    public static FareTable parse(Network network, String faresText, String ratesText) {
        CsvTable rates = CsvTable.parse(RATES_FILE, ratesText, List.of("base", "quote", "rate", "source"));
        if (rates.rows().size() != 1) {
            throw rates.rows().isEmpty() ? new org.lancang.data.DataFileException(RATES_FILE, 1, "rate", "no rate")
                    : rates.rows().get(1).error("base", "one rate (CNY/LAK) is expected");
        }
        CsvTable.Row r = rates.rows().get(0);
        FareTable table = new FareTable(network, new ExchangeRate(r.oneOf("base", Currency.class),
                r.oneOf("quote", Currency.class), decimal(r, "rate")));
        CsvTable fares = CsvTable.parse(FILE, faresText, List.of("kind", "operator", "seat_class", "currency", "from",
                "to", "amount", "per_km", "rounding", "source"));
        for (CsvTable.Row row : fares.rows()) {
            SeatClass cls = row.oneOf("seat_class", SeatClass.class);
            String kind = row.required("kind");
            if (kind.equals("TABLE")) {
                if (row.oneOf("currency", Currency.class) != Currency.LAK) {
                    throw row.error("currency", "published tables are in LAK");
                }
                Point from = point(network, row, "from");
                Point to = point(network, row, "to");
                long amount = (long) row.decimalBetween("amount", 1, 100_000_000);
                table.laoTable.computeIfAbsent(cls, k -> new java.util.HashMap<>()).put(pair(from.code(), to.code()), amount);
                table.laoByDistance.computeIfAbsent(cls, k -> new TreeMap<>()).put(Math.abs(to.km() - from.km()), amount);
            } else if (kind.equals("PER_KM")) {
                if (row.oneOf("currency", Currency.class) != Currency.CNY) {
                    throw row.error("currency", "per-km rates are in CNY");
                }
                table.chinesePerKm.put(cls, new BigDecimal[] {decimal(row, "per_km"), decimal(row, "rounding")});
            } else {
                throw row.error("kind", "'" + kind + "' is not TABLE or PER_KM");
            }
        }
        return table;
    }

    public ExchangeRate rate() {
        return rate;
    }

    /** The fare for a journey in a class, or empty when the class is not sold on some part of it. */
    public Optional<FareQuote> quote(String fromCode, String toCode, SeatClass seatClass, Currency buyerCurrency) {
        Point from = network.point(fromCode).orElseThrow();
        Point to = network.point(toCode).orElseThrow();
        Point border = network.border();
        List<FarePart> parts = new ArrayList<>();
        Point china = from.country() == Country.CN ? from : to.country() == Country.CN ? to : null;
        Point laos = from.country() == Country.LA ? from : to.country() == Country.LA ? to : null;
        if (china != null) {
            Point end = laos != null ? border : (china == from ? to : from);
            double km = Math.abs(end.km() - china.km());
            Optional<Money> cn = chinese(km, seatClass);
            if (cn.isEmpty()) {
                return Optional.empty();
            }
            parts.add(new FarePart(Operator.CR_KUNMING, china == from ? from.code() : border.code(),
                    china == from ? border.code() : to.code(), km, cn.get()));
        }
        if (laos != null) {
            Point start = china != null ? firstLaoStation() : (laos == from ? to : from);
            Optional<Money> la = lao(start, laos, seatClass);
            if (la.isEmpty()) {
                return Optional.empty();
            }
            parts.add(new FarePart(Operator.LCR, laos == from ? from.code() : start.code(),
                    laos == from ? start.code() : to.code(), Math.abs(start.km() - laos.km()), la.get()));
        }
        if (parts.isEmpty()) {
            return Optional.empty(); // the border is no station
        }
        if (laos == from && china != null) {
            java.util.Collections.reverse(parts); // parts in the order of travel
        }
        Money total = Money.zero(buyerCurrency);
        for (FarePart p : parts) {
            total = total.plus(rate.convert(p.amount(), buyerCurrency));
        }
        return Optional.of(new FareQuote(parts, total));
    }

    private Point firstLaoStation() {
        return network.points().stream().filter(p -> p.country() == Country.LA).findFirst().orElseThrow();
    }

    private Optional<Money> chinese(double km, SeatClass seatClass) {
        BigDecimal[] perKm = chinesePerKm.get(seatClass);
        if (perKm == null) {
            return Optional.empty();
        }
        BigDecimal raw = perKm[0].multiply(BigDecimal.valueOf(km));
        BigDecimal step = perKm[1];
        BigDecimal rounded = raw.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        return Optional.of(Money.of(rounded.toPlainString(), Currency.CNY));
    }

    private Optional<Money> lao(Point a, Point b, SeatClass seatClass) {
        Map<String, Long> table = laoTable.get(seatClass);
        if (table == null) {
            return Optional.empty();
        }
        Long published = table.get(pair(a.code(), b.code()));
        if (published != null) {
            return Optional.of(new Money(published, Currency.LAK));
        }
        double d = Math.abs(a.km() - b.km());
        TreeMap<Double, Long> curve = laoByDistance.get(seatClass);
        Map.Entry<Double, Long> lo = curve.floorEntry(d);
        Map.Entry<Double, Long> hi = curve.ceilingEntry(d);
        double fare;
        if (lo == null) {
            fare = hi.getValue() * d / hi.getKey();
        } else if (hi == null) {
            Map.Entry<Double, Long> before = curve.lowerEntry(lo.getKey());
            double slope = before == null ? lo.getValue() / lo.getKey()
                    : (lo.getValue() - before.getValue()) / (lo.getKey() - before.getKey());
            fare = lo.getValue() + slope * (d - lo.getKey());
        } else if (hi.getKey().equals(lo.getKey())) {
            fare = lo.getValue();
        } else {
            fare = lo.getValue() + (hi.getValue() - lo.getValue()) * (d - lo.getKey()) / (hi.getKey() - lo.getKey());
        }
        long rounded = Math.max(LAK_ROUNDING, Math.round(fare / LAK_ROUNDING) * LAK_ROUNDING);
        return Optional.of(new Money(rounded, Currency.LAK));
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }

    private static Point point(Network network, CsvTable.Row row, String field) {
        String code = row.required(field);
        return network.point(code).orElseThrow(() -> row.error(field, "'" + code + "' is not a point of the line"));
    }

    private static BigDecimal decimal(CsvTable.Row row, String field) {
        String text = row.required(field);
        try {
            BigDecimal d = new BigDecimal(text);
            if (d.signum() <= 0) {
                throw row.error(field, "must be positive");
            }
            return d;
        } catch (NumberFormatException e) {
            throw row.error(field, "'" + text + "' is not a number");
        }
    }
}
