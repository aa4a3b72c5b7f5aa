package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lancang freight slots|request|quote} against a real database. */
class FreightCommandTest {
    static final String DATE = "2026-12-06";

    @Test
    void theCatalogueIsOneSlotALine() {
        CommandLineTest.Run slots = CommandLineTest.run("freight", "slots", "--date", DATE);
        assertThat(slots.exitCode()).as(slots.err()).isZero();
        List<String> lines = slots.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty().allMatch(l -> l.contains("TEU left"));
    }

    @Test
    void aRequestPrintsThePathOrTheBindingConstraint() {
        CommandLineTest.Run ok = CommandLineTest.run(
                "freight",
                "request",
                "--from",
                "VTS",
                "--to",
                "YHE",
                "--earliest",
                DATE + "T08:00+07:00",
                "--mass",
                "2800",
                "--length",
                "600");
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("PROPOSED").contains("path: departs");
        CommandLineTest.Run heavy = CommandLineTest.run(
                "freight",
                "request",
                "--from",
                "VTS",
                "--to",
                "YHE",
                "--earliest",
                DATE + "T08:00+07:00",
                "--mass",
                "3600");
        assertThat(heavy.exitCode()).isEqualTo(3);
        assertThat(heavy.out()).contains("NO_PATH").contains("GRADIENT").contains("cannot start");
    }

    @Test
    void aQuoteGivesEachSectionAndTheTotals() {
        CommandLineTest.Run q =
                CommandLineTest.run("freight", "quote", "--from", "VTS", "--to", "YHE", "--item", "REEFER_40:40");
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(q.out()).contains("LCR").contains("CR_KUNMING").contains("total");
    }
}
