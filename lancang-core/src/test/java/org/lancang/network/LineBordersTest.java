package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.customs.Crossing;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;

/**
 * Borders and countries per line (ADR 0033 step 6): the branch network with a border on its branch, Atlantis (XA) up to
 * the border point QX at km 30 of the branch LC, Borduria (XB) beyond it at Cato. Km 30 of the branch is not km 30 of
 * the main line, where there is no border.
 */
class LineBordersTest {
    private static final Network NETWORK =
            ReferenceData.parse(ReferenceFiles.branchWithBorder()).network();
    private static final Line MAIN = NETWORK.line("LA").orElseThrow();
    private static final Line BRANCH = NETWORK.line("LC").orElseThrow();

    @Test
    void aBorderLiesOnTheLineOfItsPoint() {
        assertThat(NETWORK.borders(BRANCH)).extracting(b -> b.point().code()).containsExactly("QX");
        assertThat(NETWORK.borders(MAIN)).isEmpty();
    }

    @Test
    void theCountryOfARangeIsFoundAlongItsOwnLine() {
        assertThat(NETWORK.countryOf(BRANCH, 0, 20).code()).isEqualTo("XA");
        assertThat(NETWORK.countryOf(BRANCH, 20, 30).code())
                .as("ending at the border")
                .isEqualTo("XA");
        assertThat(NETWORK.countryOf(BRANCH, 30, 40).code()).isEqualTo("XB");
        assertThat(NETWORK.countryOf(BRANCH, 20, 40).isShared()).isTrue();
        // km 30 to 100 of the main line crosses no border: the branch's border is not at the main line's km 30
        assertThat(NETWORK.countryOf(MAIN, 20, 100).code()).isEqualTo("XA");
    }

    @Test
    void theControlStationsAreFoundByWalkingThePath() {
        List<Point> aldoToCato = points("QA", "QAJ", "QJ", "QCJ", "QX", "QC");
        assertThat(NETWORK.bordersCrossed(aldoToCato))
                .extracting(b -> b.point().code())
                .containsExactly("QX");
        assertThat(NETWORK.bordersCrossed(points("QA", "QJ", "QC")))
                .as("only some of its points: the stops")
                .extracting(b -> b.point().code())
                .containsExactly("QX");
        assertThat(NETWORK.bordersCrossed(points("QB", "QJ", "QA"))).isEmpty();
        assertThat(NETWORK.bordersCrossed(points("QCJ", "QX")))
                .as("ending at the border")
                .isEmpty();
        Crossing crossing = Crossing.first(NETWORK, aldoToCato).orElseThrow();
        assertThat(crossing.control().code()).isEqualTo("QCJ");
        assertThat(crossing.country().code()).isEqualTo("XA");
        assertThat(Crossing.first(NETWORK, points("QB", "QBJ", "QJ", "QAJ", "QA")))
                .isEmpty();
    }

    private static List<Point> points(String... codes) {
        return List.of(codes).stream().map(c -> NETWORK.point(c).orElseThrow()).toList();
    }
}
