package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.network.Point;
import org.lancang.testing.Seeds;

/** Names are compared folded: case, spaces, punctuation and "station" in the network's languages do not count. */
class StopMatcherTest {
    @Test
    void stationWordsCaseAndPunctuationAreFoldedAway() {
        assertThat(StopMatcher.normalise("Luang-Prabang Railway STATION"))
                .isEqualTo(StopMatcher.normalise("Luang Prabang"));
        assertThat(StopMatcher.normalise("昆明南站")).isEqualTo("昆明南");
        assertThat(StopMatcher.normalise("ສະຖານີ ວຽງຈັນ")).isEqualTo(StopMatcher.normalise("ວຽງຈັນ"));
        assertThat(StopMatcher.normalise("สถานีหนองคาย")).isEqualTo("หนองคาย");
        assertThat(StopMatcher.normalise("Vientiane South")).isNotEqualTo(StopMatcher.normalise("Vientiane"));
    }

    @Test
    void everyPointIsFoundByEachOfItsSpellings() {
        long seed = Seeds.seed(StopMatcherTest.class);
        Random random = new Random(seed);
        for (ImportNetwork network : ShippedNetworks.both()) {
            StopMatcher matcher = new StopMatcher(network);
            for (Point p : network.network().points()) {
                if (p.names().en().isBlank()
                        || network.coordinates().of(p.code()).isEmpty()) {
                    continue; // loops and junctions without a position are no passenger stops
                }
                String name = ThirdPartyFeeds.spelling(p.names(), random);
                String row = "stop_id,stop_name\n1," + '"' + name + '"' + "\n";
                var match = matcher.match(ThirdPartyFeeds.rows(Map.of("stops.txt", row), "stops.txt")
                        .get(0));
                assertThat(match).as("seed %d: '%s'", seed, name).isPresent();
                assertThat(match.get().point().code())
                        .as("seed %d: '%s'", seed, name)
                        .isEqualTo(p.code());
            }
        }
    }
}
