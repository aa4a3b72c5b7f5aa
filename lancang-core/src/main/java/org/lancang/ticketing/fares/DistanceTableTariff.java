package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Point;
import org.lancang.rollingstock.SeatClass;
import org.lancang.timetable.Operator;

/**
 * A published table of fares between pairs of points, charged exactly for those pairs; any other pair is charged by
 * its distance, read off the table as a curve of fare against distance (Lancang's rule, not the operator's), each
 * published pair at the length of the route between its points:
 * <ul>
 * <li>between two published distances, linear between their fares;</li>
 * <li>below the shortest or beyond the longest, the straight line through the two nearest published points;</li>
 * <li>rounded half-up to {@code roundingStep} (published kip fares are whole thousands), and never below one step.
 * </li>
 * </ul>
 * For the Lao table (fares from Vientiane at 64 … 406 km) the curve is close to a straight line of about 1,300 LAK per
 * km first class, 820 second and 585 ordinary, plus 1,000–5,000 LAK.
 */
public final class DistanceTableTariff implements Tariff {
    /**
     * One published fare, between two points {@code km} apart: the length of the route between them (the sum of its
     * legs, {@link FareMath#pathKm}), which on a network of several lines is not their km difference.
     */
    public record Published(Point from, Point to, BigDecimal km, Money fare) {
        public Published {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(km, "km");
            Objects.requireNonNull(fare, "fare");
        }
    }

    private final Operator operator;
    private final SeatClass seatClass;
    private final Currency currency;
    private final BigDecimal roundingStep;
    private final LocalDate validFrom;
    private final List<Published> published;
    private final Map<String, Money> byPair = new HashMap<>();
    /** Published distance (km) → fare in major units, for the fares of other pairs. */
    private final TreeMap<BigDecimal, BigDecimal> curve = new TreeMap<>();

    /** A published fare that breaks a rule of the table; {@link #index()} is its position in the list given. */
    public static final class InvalidFare extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;

        InvalidFare(int index, String message) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /**
     * @throws InvalidFare when fewer than two fares are given, or one is in another currency, repeats a pair, or does
     *                     not grow with distance
     */
    public DistanceTableTariff(
            Operator operator,
            SeatClass seatClass,
            Currency currency,
            BigDecimal roundingStep,
            LocalDate validFrom,
            List<Published> published) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.seatClass = Objects.requireNonNull(seatClass, "seatClass");
        this.currency = Objects.requireNonNull(currency, "currency");
        if (roundingStep == null || roundingStep.signum() <= 0 || !FareMath.wholeMinorUnits(roundingStep, currency)) {
            throw new IllegalArgumentException("the rounding step must be a positive whole number of minor units");
        }
        this.roundingStep = roundingStep;
        this.published = List.copyOf(published);
        if (this.published.size() < 2) {
            throw new InvalidFare(0, "a table needs at least two published fares to price other distances");
        }
        for (int i = 0; i < this.published.size(); i++) {
            Published p = this.published.get(i);
            if (!p.fare().currency().equals(currency)) {
                throw new InvalidFare(i, "the fare is in " + p.fare().currency() + ", the table in " + currency);
            }
            if (byPair.put(pair(p.from(), p.to()), p.fare()) != null) {
                throw new InvalidFare(i, "the fare " + p.from().code() + "–" + p.to().code() + " appears twice");
            }
        }
        checkGrowsWithDistance();
        for (Published p : this.published) {
            curve.put(p.km(), p.fare().major());
        }
        if (curve.size() < 2) {
            throw new InvalidFare(1, "a table needs fares for at least two different distances");
        }
    }

    /** Fares must rise strictly with distance, or the distance rule would price a longer journey lower. */
    private void checkGrowsWithDistance() {
        List<Integer> byKm = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            byKm.add(i);
        }
        byKm.sort(Comparator.comparing((Integer i) -> published.get(i).km())
                .thenComparing(i -> published.get(i).fare().minor()));
        for (int k = 1; k < byKm.size(); k++) {
            Published shorter = published.get(byKm.get(k - 1));
            Published longer = published.get(byKm.get(k));
            boolean sameKm = longer.km().compareTo(shorter.km()) == 0;
            if (sameKm && longer.fare().minor() != shorter.fare().minor()) {
                throw new InvalidFare(
                        byKm.get(k),
                        "two published fares for the same distance (" + longer.km() + " km) differ: " + shorter.fare()
                                + " and " + longer.fare());
            }
            if (!sameKm && longer.fare().minor() <= shorter.fare().minor()) {
                throw new InvalidFare(
                        byKm.get(k),
                        "fares must grow with distance: " + longer.from().code() + "–"
                                + longer.to().code() + " (" + longer.km() + " km) costs " + longer.fare()
                                + ", not more than "
                                + shorter.from().code() + "–" + shorter.to().code() + " (" + shorter.km() + " km) at "
                                + shorter.fare());
            }
        }
    }

    @Override
    public Operator operator() {
        return operator;
    }

    @Override
    public SeatClass seatClass() {
        return seatClass;
    }

    @Override
    public Currency currency() {
        return currency;
    }

    @Override
    public LocalDate validFrom() {
        return validFrom;
    }

    public BigDecimal roundingStep() {
        return roundingStep;
    }

    public List<Published> published() {
        return published;
    }

    @Override
    public Money fare(Point from, Point to, BigDecimal km) {
        Money exact = byPair.get(pair(from, to));
        return exact != null ? exact : FareMath.money(byDistance(km), currency);
    }

    /** The fare for a distance by the rule above, in major units. */
    BigDecimal byDistance(BigDecimal km) {
        Map.Entry<BigDecimal, BigDecimal> below = curve.floorEntry(km);
        Map.Entry<BigDecimal, BigDecimal> above = curve.ceilingEntry(km);
        if (below != null && above != null && below.getKey().compareTo(above.getKey()) == 0) {
            return below.getValue();
        }
        if (below == null) {
            below = curve.firstEntry();
            above = curve.higherEntry(below.getKey());
        } else if (above == null) {
            above = curve.lastEntry();
            below = curve.lowerEntry(above.getKey());
        }
        BigDecimal rise = above.getValue().subtract(below.getValue()).multiply(km.subtract(below.getKey()));
        BigDecimal fare = below.getValue()
                .add(rise.divide(above.getKey().subtract(below.getKey()), FareMath.SCALE, RoundingMode.HALF_UP));
        return FareMath.roundToStep(fare, roundingStep).max(roundingStep);
    }

    private static String pair(Point a, Point b) {
        return a.code().compareTo(b.code()) < 0 ? a.code() + "-" + b.code() : b.code() + "-" + a.code();
    }
}
