package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lancang.reference.ReferenceData;

/**
 * A made-up network with a branch (main line LA: Bram 0 – Jura 50 – Aldo 100; branch LC: Jura 0 – Cato 40, km rising
 * away from the junction) loads from its folder with no code change.
 */
class BranchNetworkTest {
    static final BranchFiles FILES = BranchFiles.branch();
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final Network NETWORK = DATA.network();

    @Test
    void loadsTwoLinesMeetingAtTheJunctionWithItsKmOnEach() {
        assertThat(NETWORK.lines()).extracting(Line::code).containsExactly("LA", "LC");
        Line branch = NETWORK.line("LC").orElseThrow();
        assertThat(branch.points()).extracting(Point::code).containsExactly("QJ", "QCJ", "QC");
        assertThat(branch.risingName()).isEqualTo("towards Cato");
        assertThat(NETWORK.isJunction("QJ")).isTrue();
        assertThat(NETWORK.places("QJ"))
                .extracting(p -> p.line().code() + "@" + p.km())
                .containsExactly("LA@50.0", "LC@0.0");
        assertThat(NETWORK.point("QJ").orElseThrow().km())
                .as("its km on its home line")
                .isEqualTo(50.0);
        assertThat(NETWORK.points()).hasSize(7);
        assertThat(NETWORK.sections()).hasSize(6);
        assertThat(branch.structures())
                .singleElement()
                .satisfies(s -> assertThat(s.fromKm()).isEqualTo(10.0));
    }
}
