package org.lancang.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.operations.EventKind;
import org.lancang.operations.RunningEvent;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;

/**
 * A box's steps across a junction (ADR 0033): the branch network (main line LA Bram 0 – Jura 50 – Aldo 100, branch LC
 * Jura 0 – Cato 40) with a border on the branch ({@link ReferenceFiles#branchWithBorder()}: control at the Cato loop,
 * branch km 20, and at Cato). The stretch between two stations is the route
 * between them, so km 20 of the branch lies between Aldo (main line km 100) and Cato (branch km 40), although 20 is no
 * number between 40 and 100.
 */
class BranchTrainStepsTest {
    static final Network NETWORK =
            ReferenceData.parse(ReferenceFiles.branchWithBorder()).network();
    static final TrainSteps STEPS = new TrainSteps(NETWORK);
    static final Instant AT = Instant.parse("2026-12-06T00:00:00Z");

    static Optional<BoxEventType> step(String point, EventKind kind, String from, String to) {
        return STEPS.of(new RunningEvent("T1", LocalDate.of(2026, 12, 6), point, kind, AT, "test"), from, to);
    }

    @Test
    void aBoxFromTheMainLineOntoTheBranchExitsAtTheBranchsControlAndEntersAtCato() {
        assertThat(step("QA", EventKind.DEPARTURE, "QA", "QC")).contains(BoxEventType.DEPARTED);
        assertThat(step("QJ", EventKind.DEPARTURE, "QA", "QC")).contains(BoxEventType.PASSED);
        assertThat(step("QCJ", EventKind.DEPARTURE, "QA", "QC"))
                .as("the Cato loop, branch km 20: on the way, though not between km 40 and 100")
                .contains(BoxEventType.BORDER_EXIT);
        assertThat(step("QX", EventKind.PASS, "QA", "QC")).contains(BoxEventType.PASSED);
        assertThat(step("QC", EventKind.ARRIVAL, "QA", "QC")).contains(BoxEventType.ARRIVED);
    }

    @Test
    void theOtherWayRoundTheBoxLeavesBordariaAtCatoAndEntersAtTheLoop() {
        assertThat(step("QC", EventKind.DEPARTURE, "QC", "QA")).contains(BoxEventType.DEPARTED);
        assertThat(step("QCJ", EventKind.ARRIVAL, "QC", "QA")).contains(BoxEventType.BORDER_ENTRY);
        assertThat(step("QAJ", EventKind.PASS, "QC", "QA"))
                .as("the Aldo loop, main line km 75: on the way")
                .contains(BoxEventType.PASSED);
        assertThat(step("QA", EventKind.ARRIVAL, "QC", "QA")).contains(BoxEventType.ARRIVED);
    }

    @Test
    void pointsOffTheWayAreNoStepWhateverTheirKm() {
        assertThat(step("QBJ", EventKind.PASS, "QA", "QC"))
                .as("the Bram loop, main line km 25, lies between 20 and 40 but not on the way")
                .isEmpty();
        assertThat(step("QJ", EventKind.PASS, "QB", "QC"))
                .as("Jura, main line km 50, outside km 0–40 but on the way Bram → Cato")
                .contains(BoxEventType.PASSED);
        assertThat(step("QAJ", EventKind.PASS, "QB", "QC")).isEmpty();
        assertThat(step("QX", EventKind.PASS, "QB", "QJ"))
                .as("the border on the branch, for a box that stays on the main line")
                .isEmpty();
    }
}
