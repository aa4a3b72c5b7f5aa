package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lancang.data.CsvTable;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;

/**
 * The child and infant fares of each operator ({@value #FILE}): operator, category, age band, percent of the adult
 * fare, source. A passenger whose age falls in no band of an operator pays that operator's full fare. A
 * {@link FareCategory#LAP_INFANT} row says the operator carries an infant of that age without a seat, free; bands of
 * passengers with a seat and of lap infants may overlap (an infant may have a seat or ride on a lap).
 */
public final class AgeFares {
    public static final String FILE = "passenger-fares.csv";

    private final List<AgeFare> rules;

    private AgeFares(List<AgeFare> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No reduced fares: everyone pays the full fare. */
    public static AgeFares none() {
        return new AgeFares(List.of());
    }

    public static AgeFares of(List<AgeFare> rules) {
        return new AgeFares(rules);
    }

    /** Reads the file's text; every mistake names the file, line and field. */
    public static AgeFares parse(String text, Operators operators) {
        CsvTable table =
                CsvTable.parse(FILE, text, List.of("operator", "category", "min_age", "max_age", "percent", "source"));
        List<AgeFare> rules = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String code = row.required("operator");
            Operator operator = operators
                    .byCode(code)
                    .orElseThrow(() -> row.error("operator", "'" + code + "' is not an operator of operators.csv"));
            FareCategory category = row.oneOf("category", FareCategory.class);
            if (category == FareCategory.ADULT) {
                throw row.error("category", "the adult fare is the fare itself: list CHILD or INFANT");
            }
            int min = row.integerBetween("min_age", 0, 30);
            int max = row.integerBetween("max_age", 1, 30);
            if (max <= min) {
                throw row.error("max_age", "must be above min_age " + min);
            }
            BigDecimal percent;
            try {
                percent = new BigDecimal(row.required("percent"));
            } catch (NumberFormatException e) {
                throw row.error("percent", "is not a number");
            }
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw row.error("percent", "must be between 0 and 100");
            }
            if (category == FareCategory.LAP_INFANT && percent.signum() != 0) {
                // a lap infant is no booked passenger: there is no seat and no fare line to charge it on
                throw row.error("percent", "a lap infant travels free here: 0 is the only percent Lancang sells");
            }
            row.required("source");
            AgeFare rule = new AgeFare(operator, category, min, max, percent);
            for (AgeFare other : rules) {
                if (other.operator().equals(operator)
                        && other.category().takesSeat() == category.takesSeat()
                        && min < other.maxAge()
                        && other.minAge() < max) {
                    throw row.error("min_age", "the band overlaps " + other.minAge() + "–" + other.maxAge());
                }
            }
            rules.add(rule);
        }
        return new AgeFares(rules);
    }

    public List<AgeFare> rules() {
        return rules;
    }

    /** The operator's reduced fare for a passenger of this age who takes a seat, if any. */
    public Optional<AgeFare> rule(Operator operator, int age) {
        return rules.stream()
                .filter(r -> r.operator().equals(operator) && r.category().takesSeat() && r.covers(age))
                .findFirst();
    }

    /** The operator's band for a category (to show "child 6–13" on a page). */
    public Optional<AgeFare> band(Operator operator, FareCategory category) {
        return rules.stream()
                .filter(r -> r.operator().equals(operator) && r.category() == category)
                .findFirst();
    }

    /** The lap-infant band of each part's operator, in the journey's order (empty where that operator carries none). */
    public List<Optional<AgeFare>> lapBands(FareQuote journey) {
        return journey.parts().stream()
                .map(part -> band(part.operator(), FareCategory.LAP_INFANT))
                .toList();
    }

    /** Whole years between the date of birth and the day of travel. */
    public static int age(LocalDate dateOfBirth, LocalDate travelDate) {
        return Period.between(dateOfBirth, travelDate).getYears();
    }
}
