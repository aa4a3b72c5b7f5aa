package org.lancang.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.operations.ReferenceDay.GRAPH;
import static org.lancang.operations.ReferenceDay.PLAN;
import static org.lancang.operations.ReferenceDay.PLANNER;
import static org.lancang.operations.ReferenceDay.RULES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;

/**
 * The same day with other line orders, laid by reusing the graph's runs and turns ({@link DayGraph#withOrders}), is the
 * graph built from scratch with those orders: the same activities in the same order, the same line orders and holds.
 */
class DayGraphOrdersTest {
    @Test
    void otherOrdersGiveTheGraphBuiltFromScratch() {
        long seed = Seeds.seed(DayGraphOrdersTest.class);
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(GRAPH.lineOrders().keySet());
        Collections.sort(lines);
        int compared = 0;
        for (int k = 0; k < 20; k++) {
            String line = lines.get(random.nextInt(lines.size()));
            List<String> order = new ArrayList<>(GRAPH.lineOrders().get(line));
            int i = random.nextInt(order.size() - 1);
            Collections.swap(order, i, i + 1);
            LineOrders orders = new LineOrders(Map.of(line, order));
            DayGraph reused;
            DayGraph built;
            try {
                built = DayGraph.build(
                        PLANNER, PLAN, List.of(), RULES, GRAPH.overrides().with(orders));
            } catch (IllegalArgumentException cycle) {
                continue; // the swap makes a train wait for itself: refused either way
            }
            reused = GRAPH.withOrders(orders);
            assertSame(built, reused);
            // and once more on top of it
            assertSame(
                    DayGraph.build(
                            PLANNER, PLAN, List.of(), RULES, reused.overrides().with(LineOrders.PLAN)),
                    reused.withOrders(LineOrders.PLAN));
            compared++;
        }
        assertThat(compared).as("swaps compared (seed %d)", seed).isPositive();
    }

    private static void assertSame(DayGraph built, DayGraph reused) {
        assertThat(reused.nodes()).isEqualTo(built.nodes());
        assertThat(reused.edges()).isEqualTo(built.edges());
        for (int e = 0; e < built.edges(); e++) {
            assertThat(List.of(reused.edgeFrom(e), reused.edgeTo(e), reused.edgeMin(e), reused.edgeKind(e)))
                    .isEqualTo(List.of(built.edgeFrom(e), built.edgeTo(e), built.edgeMin(e), built.edgeKind(e)));
        }
        assertThat(reused.lineOrders()).isEqualTo(built.lineOrders());
        assertThat(reused.plannedTimes()).isEqualTo(built.plannedTimes());
        for (DayGraph.Run r : built.runs()) {
            for (String line : built.lineOrders().keySet()) {
                assertThat(reused.lineHold(r.owner(), line)).isEqualTo(built.lineHold(r.owner(), line));
            }
        }
    }
}
