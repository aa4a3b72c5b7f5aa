package org.lancang.web.timetable;

import java.util.List;
import java.util.Optional;
import org.lancang.errors.Validation;
import org.lancang.network.Network;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;

/**
 * The operator a request names, checked against the network's operators; when it names none, the first operator of
 * the network that runs trains (on the reference line, the Chinese operator, as before operators were data).
 */
final class OperatorChoice {
    private OperatorChoice() {}

    /** Operators known only from the network: each country's infrastructure manager (when no list is given). */
    static Operators fromNetwork(Network network) {
        return new Operators(network.countries().stream()
                .map(c -> c.infrastructureManager())
                .filter(m -> !m.isBlank())
                .distinct()
                .map(Operator::valueOf)
                .toList());
    }

    static Operator parse(Validation v, String field, String text, Operators operators) {
        List<Operator> all = operators.all();
        Operator otherwise = all.stream()
                .filter(o -> !o.runsTrainsIn().isEmpty())
                .findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
        if (text == null) {
            return otherwise;
        }
        Optional<Operator> named = operators.byCode(text);
        if (named.isEmpty()) {
            v.add(field, "must be one of " + operators.codes());
            return otherwise;
        }
        return named.get();
    }
}
