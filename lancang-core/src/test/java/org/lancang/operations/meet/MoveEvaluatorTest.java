package org.lancang.operations.meet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.operations.ReferenceDay.GRAPH;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.operations.DisruptedDay;
import org.lancang.testing.Seeds;

/**
 * The incremental evaluation of a move against a full decode of the day, on seeded random moves over seeded
 * disruptions (seed printed): the same cost, the same times of every leg, the same refusal when the orders would wait
 * on each other, whether moves are kept or taken back, and after many kept moves.
 */
class MoveEvaluatorTest {
    private static final int DAYS = 6;
    private static final int MOVES = 400;

    @Test
    void aMoveCostsWhatAFullDecodeOfTheDaySays() {
        long seed = Seeds.seed(MoveEvaluatorTest.class);
        Random random = new Random(seed);
        int infeasible = 0;
        int changed = 0;
        for (int days = 0; days < DAYS; ) {
            DisruptedDay c = DisruptedDay.draw(GRAPH, random);
            if (c == null) {
                continue;
            }
            days++;
            MeetProblem p = MeetProblems.of(c.forecast());
            LegSchedule s = new LegSchedule(p);
            int[][] orders = s.orders(FirstComeFirstServed.solve(p));
            MoveEvaluator ev = new MoveEvaluator(s, orders);
            long[] dep = new long[s.legs];
            long[] arr = new long[s.legs];
            for (int m = 0; m < MOVES; m++) {
                int l = random.nextInt(orders.length);
                int[] order = orders[l];
                if (order.length < 2) {
                    continue;
                }
                int i = random.nextInt(order.length - 1);
                int j = Math.min(order.length - 1, i + 1 + random.nextInt(5));
                boolean forward = random.nextBoolean();
                String what = "seed " + seed + ", day " + days + ", move " + m;
                long before = ev.cost();
                MeetHeuristic.move(order, i, j, forward);
                long cost = ev.evaluate(l, i, j);
                boolean feasible = s.decode(orders, dep, arr);
                assertThat(cost).as(what).isEqualTo(feasible ? s.objective(arr) : Long.MAX_VALUE);
                if (feasible) {
                    assertThat(ev.departures()).as(what).isEqualTo(dep);
                    assertThat(ev.arrivals()).as(what).isEqualTo(arr);
                    changed += cost != before ? 1 : 0;
                } else {
                    infeasible++;
                }
                if (feasible && random.nextBoolean()) {
                    ev.commit();
                } else {
                    MeetHeuristic.move(order, i, j, !forward);
                    ev.rollback();
                    assertThat(s.decode(orders, dep, arr)).as(what).isTrue();
                    assertThat(ev.arrivals()).as(what).isEqualTo(arr);
                    assertThat(ev.cost()).as(what).isEqualTo(before);
                }
                if (random.nextInt(100) == 0) {
                    ev.reset();
                }
            }
        }
        // the moves must have tested something: some change the cost, some make the orders wait on each other
        assertThat(changed).as("seed %d", seed).isPositive();
        System.out.println("MoveEvaluatorTest: " + changed + " moves changed the cost, " + infeasible + " infeasible");
    }
}
