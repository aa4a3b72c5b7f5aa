package org.lancang.ticketing.fares;

import java.util.List;
import java.util.Optional;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;

/**
 * Who charges for which part of the line: in each country the operator that the network's operators name for it, or,
 * when none are given, the country's infrastructure manager (as on the reference line, where each company runs the
 * trains on its own side).
 */
record Sections(Network network, Operators operators) {

    /** The operator that charges for a journey's part at this point; empty at a border, which is no station. */
    Optional<Operator> chargedBy(Point point) {
        return chargedBy(point.country());
    }

    /** The operator that charges for a journey's part in this country; empty for the shared country of a border. */
    Optional<Operator> chargedBy(Country country) {
        if (country.isShared()) {
            return Optional.empty();
        }
        if (operators != null) {
            return operators.chargingIn(country);
        }
        String manager = country.infrastructureManager();
        return manager.isBlank() ? Optional.empty() : Optional.of(Operator.valueOf(manager));
    }

    /** The codes of the operators that charge for some country's part, for {@code operator}'s check and its error. */
    List<String> chargingOperators() {
        return network.countries().stream()
                .map(this::chargedBy)
                .flatMap(Optional::stream)
                .map(Operator::code)
                .distinct()
                .toList();
    }
}
