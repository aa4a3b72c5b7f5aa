package org.lancang.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WallClockBudgetTest {
    private static final Duration WHOLE = Duration.ofMillis(800);
    private static final Duration OFFERED = Duration.ofMillis(600);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final WallClockBudget budget = WallClockBudget.startingNow((p, s, l) -> s, WHOLE, now::get);

    @Test
    void aQuickStartLeavesTheSolverTheShareItWasOffered() {
        now.addAndGet(Duration.ofMillis(20).toNanos());
        assertEquals(OFFERED, budget.limitNow(OFFERED)); // 800 - 20 - 160 = 620 left: the offer of 600 stands
    }

    @Test
    void aSlowStartCutsTheSolverToWhatIsLeftAfterTheShareKeptForLater() {
        now.addAndGet(Duration.ofMillis(400).toNanos());
        assertEquals(Duration.ofMillis(800 - 400 - 160), budget.limitNow(OFFERED));
    }

    @Test
    void aStartThatUsedTheWholeBudgetStillGivesTheSolverItsFloor() {
        now.addAndGet(Duration.ofMillis(2_000).toNanos());
        assertEquals(WallClockBudget.FLOOR, budget.limitNow(OFFERED));
    }
}
