package org.lancang.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lancang.store.operations.ServerClock;
import org.lancang.testing.TestDates;

/** The sales benchmark measures sales, never refusals: a phase that sold out or was refused fails it loudly. */
class SalesHttpBenchTest {
    /**
     * The benchmarks run in this JVM take the tests' one "now" (set in this module's pom), not the real date, which
     * will pass the timetables' last day: the sales bench books from the day after tomorrow on its clock.
     */
    @Test
    void benchmarksRunOnTheTestsClock() {
        assertThat(System.getenv(ServerClock.VARIABLE)).isEqualTo(TestDates.LANCANG_CLOCK);
        assertThat(ServerClock.fromEnvironment().instant()).isBetween(TestDates.START, TestDates.START.plusSeconds(60));
    }

    @Test
    void aPhaseWithMoreThanOnePercentRefusedOrNothingSoldFailsTheBenchmark() {
        SalesHttpBench.requireSales("phase", 9_900, 99, null); // 0.99 %: fine
        assertThatThrownBy(() -> SalesHttpBench.requireSales("Lancang over HTTP", 9_800, 200, "409 sold out"))
                .isInstanceOf(SalesHttpBench.Degenerated.class)
                .hasMessageContaining("Lancang over HTTP")
                .hasMessageContaining("200 of 10,000 answers refused")
                .hasMessageContaining("409 sold out");
        assertThatThrownBy(() -> SalesHttpBench.requireSales("SQL baseline", 0, 0, null))
                .as("nothing sold, nothing refused: nothing measured")
                .isInstanceOf(SalesHttpBench.Degenerated.class);
        assertThatThrownBy(() -> SalesHttpBench.requireSales("in-process", 0, 8_000_000, "sold out"))
                .isInstanceOf(SalesHttpBench.Degenerated.class);
    }

    @Test
    void ratiosComeOnlyFromFiguresThatAreNotZero() {
        assertThat(SalesHttpBench.ratio(6_000, 700)).isEqualTo("8.6×");
        assertThat(SalesHttpBench.ratio(0, 700)).startsWith("n/a");
        assertThat(SalesHttpBench.ratio(6_000, 0))
                .as("never 8,166,468,887,958×")
                .startsWith("n/a");
    }
}
