package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.conflict.Occupation;

/**
 * A possession closes the resources between its points along the route, each leg's km those of its own line (ADR
 * 0033): on the branch network (main line LA Bram 0 – Bram loop 25 – Jura 50 – Aldo 100, branch LC Jura 0 – Cato loop
 * 20 – Cato 40) the branch's km 0–20 are not the main line's km 0–20.
 */
class PossessionOnItsLineTest {
    private static final ReferenceData DATA = ReferenceData.parse(ReferenceFiles.branch());
    private static final Instant START = Instant.parse("2026-06-01T01:00:00Z");

    private final Planner planner = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());

    @Test
    void aPossessionOnTheBranchClosesTheBranchNotTheMainLineAtTheSameKm() {
        List<String> closed = closed("QJ", "QC");
        assertThat(closed).anyMatch(id -> id.contains("QCJ")).noneMatch(id -> id.contains("QBJ") || id.contains("QAJ"));
        assertThat(closed).contains(Resources.track("QCJ", 1)).doesNotContain(Resources.track("QBJ", 1));
    }

    @Test
    void aPossessionOnTheMainLineLeavesTheBranchOpen() {
        List<String> closed = closed("QB", "QBJ");
        assertThat(closed).anyMatch(id -> id.contains("QBJ")).noneMatch(id -> id.contains("QCJ"));
    }

    @Test
    void aPossessionAcrossTheJunctionClosesBothLegsAndTheJunctionsTracks() {
        List<String> closed = closed("QBJ", "QCJ");
        assertThat(closed)
                .anyMatch(id -> id.contains("QBJ") && !id.startsWith("TRACK"))
                .anyMatch(id -> id.contains("QCJ") && !id.startsWith("TRACK"))
                .contains(Resources.track("QJ", 1))
                .noneMatch(id -> id.contains("QAJ"));
    }

    private List<String> closed(String from, String to) {
        Possession p = new Possession("P", from, to, START, START.plusSeconds(3 * 3600), "test");
        return planner.possessionOccupations(p).stream()
                .map(Occupation::resource)
                .toList();
    }
}
