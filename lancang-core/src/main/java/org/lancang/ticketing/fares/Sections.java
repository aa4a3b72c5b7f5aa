package org.lancang.ticketing.fares;

import java.util.Map;
import java.util.Optional;
import org.lancang.network.Country;
import org.lancang.network.Point;
import org.lancang.timetable.Operator;

/** Who charges for which part of the line: each operator for the part in its own country. */
final class Sections {
    private static final Map<Country, Operator> OPERATOR_BY_COUNTRY =
            Map.of(Country.CN, Operator.CR_KUNMING, Country.LA, Operator.LCR);

    private Sections() {}

    /** The operator that charges for a journey's part at this point; empty at the border, which is no station. */
    static Optional<Operator> chargedBy(Point point) {
        return Optional.ofNullable(OPERATOR_BY_COUNTRY.get(point.country()));
    }
}
