package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lancang.testing.ReferenceFiles;

/** A network read as one chain is one line: its points, sections and structures, under the network's code. */
class OneLineTest {
    private final Network network = NetworkParser.parse(ReferenceFiles.chinaLaos());

    @Test
    void aChainIsOneLineWithTheNetworksPointsSectionsAndStructures() {
        assertThat(network.lines()).hasSize(1);
        Line line = network.mainLine();
        assertThat(line.code()).isEqualTo(network.code());
        assertThat(line.points()).isEqualTo(network.points());
        assertThat(line.sections()).isEqualTo(network.sections());
        assertThat(line.structures()).isEqualTo(network.structures());
        assertThat(line.lengthKm()).isEqualTo(network.lengthKm());
        assertThat(line.risingName()).isEqualTo(Line.RISING);
    }

    @Test
    void everyPointHasOnePlaceAtItsIndexAndKm() {
        for (Point p : network.points()) {
            assertThat(network.places(p.code())).singleElement().satisfies(place -> {
                assertThat(place.index()).isEqualTo(network.indexOf(p.code()));
                assertThat(place.km()).isEqualTo(p.km());
            });
            assertThat(network.isJunction(p.code())).isFalse();
        }
        assertThat(network.places("NOPE")).isEmpty();
    }
}
