package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.maintenance.Fixtures.refusedNaming;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;

/**
 * Skylights on a network of several lines (ADR 0033 step 6): the branch network, main line LA Bram – Jura – Aldo and
 * branch LC Jura – Cato. A window closes a stretch of one line.
 */
class SkylightLinesTest {
    private static final Network NETWORK =
            ReferenceData.parse(ReferenceFiles.branch()).network();
    private final SkylightPlanner planner = new SkylightPlanner(NETWORK, MaintenanceRules.defaults());

    private static SkylightWindow daily(String id, String from, String to) {
        return new SkylightWindow(
                id,
                from,
                to,
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(1, 0),
                Duration.ofMinutes(240),
                SkylightKind.VERTICAL,
                SkylightPurpose.MAINTENANCE,
                "");
    }

    @Test
    void aWindowOnTheBranchCountsForTheBranchsSectionsOnly() {
        List<SkylightWarning> warnings = planner.review(List.of(daily("BRANCH", "QJ", "QC")), YearMonth.of(2026, 12));
        assertThat(warnings)
                .filteredOn(w -> w.code() == SkylightWarning.Code.TOO_FEW_PER_MONTH)
                .extracting(SkylightWarning::subject)
                .as("31 a month on the branch; none on the main line, Jura's side towards Aldo included")
                .containsExactlyInAnyOrder("QB-QBJ", "QBJ-QJ", "QJ-QAJ", "QAJ-QA");
    }

    @Test
    void aWindowAcrossTheJunctionIsRefusedNamingItsEnd() {
        refusedNaming("toPoint", () -> planner.check(daily("ACROSS", "QA", "QC")));
        assertThat(planner.check(daily("MAIN", "QB", "QA"))).isEmpty();
    }
}
