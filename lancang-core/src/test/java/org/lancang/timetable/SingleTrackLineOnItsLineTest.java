package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;

/**
 * A single-track line is found on the network line the caller names: on the branch network the main line LA (Bram 0 –
 * Jura 50 – Aldo 100) and the branch LC (Jura 0 – Cato 40) both have km 5–10, so km alone would pick the main line's
 * Bram – Bram loop for a range on the branch (ADR 0033).
 */
class SingleTrackLineOnItsLineTest {
    private static final ReferenceData BRANCH = ReferenceData.parse(ReferenceFiles.branch());
    private static final Resources RESOURCES = new Resources(BRANCH.network(), BlockingRules.defaults());

    @Test
    void theSameKmOnTwoLinesGiveEachLinesOwnSingleTrackLine() {
        assertThat(RESOURCES.lineAt("LC", 5, 10)).map(Resources.Line::id).contains("LINE:LC:QJ-QCJ");
        assertThat(RESOURCES.lineAt("LA", 5, 10)).map(Resources.Line::id).contains("LINE:LA:QB-QBJ");
        assertThat(RESOURCES.lineAt("LC", 30, 22))
                .as("a range given falling")
                .map(Resources.Line::id)
                .contains("LINE:LC:QCJ-QC");
    }

    @Test
    void aRangeBeyondTheNamedLineIsOnNoneOfItsSingleTrackLines() {
        assertThat(RESOURCES.lineAt("LC", 45, 60))
                .as("km 45–60 are the main line's (Jura – Aldo loop), past the branch's end at Cato, km 40")
                .isEmpty();
        assertThat(RESOURCES.lineAt("LA", 45, 60))
                .as("across Jura, two of the main line's")
                .isEmpty();
        assertThat(RESOURCES.lineAt("LX", 5, 10)).as("no such line").isEmpty();
    }

    @Test
    void everySingleTrackLineNamesTheLineItLiesOn() {
        assertThat(RESOURCES.lines())
                .extracting(l -> l.line() + " " + l.id())
                .containsExactly(
                        "LA LINE:LA:QB-QBJ",
                        "LA LINE:LA:QBJ-QJ",
                        "LA LINE:LA:QJ-QAJ",
                        "LA LINE:LA:QAJ-QA",
                        "LC LINE:LC:QJ-QCJ",
                        "LC LINE:LC:QCJ-QC");
    }
}
