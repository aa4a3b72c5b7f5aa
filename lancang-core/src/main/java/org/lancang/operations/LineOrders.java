package org.lancang.operations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The order in which trains use single-track lines, where a dispatcher has changed it from the plan: for each line
 * resource ({@code LINE:A-B}), the runs ({@code D887@2026-12-05}) in the order they enter it. Lines not named keep the
 * plan's order.
 */
public record LineOrders(Map<String, List<String>> byLine) {
    public static final LineOrders PLAN = new LineOrders(Map.of());

    public LineOrders {
        byLine = Map.copyOf(byLine.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** These orders with {@code later}'s lines replacing the same lines here. */
    public LineOrders with(LineOrders later) {
        Map<String, List<String>> all = new HashMap<>(byLine);
        all.putAll(later.byLine);
        return new LineOrders(all);
    }
}
