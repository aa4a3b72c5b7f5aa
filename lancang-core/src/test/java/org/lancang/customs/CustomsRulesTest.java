package org.lancang.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.network.Border;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.reference.ReferenceData;

/**
 * A network of several borders may give each its own advance-data lead: the tiny test line (Atlantis – QXAB – Borduria
 * – QXBC – Syldavia) with the customs rules of its freight additions, 90 minutes at every border and 45 at QXBC. A
 * row naming no border of the network is refused naming the file, the row and the column.
 */
class CustomsRulesTest {
    private static final Path NETWORKS = Path.of("src", "test", "resources", "networks");
    private static final Network TINY = ReferenceData.parse(
                    name -> read(NETWORKS.resolve("tiny").resolve(name)))
            .network();
    private static final String RULES = read(NETWORKS.resolve("tiny-freight").resolve(CustomsRules.FILE));
    private static final String HEADER = "rule,value,unit,source,border\n";

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Border border(String code) {
        return TINY.borders().stream()
                .filter(b -> b.point().code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aNamedBorderHasItsOwnLeadAndTheOthersTheNetworksLead() {
        CustomsRules rules = CustomsRules.parse(RULES, TINY);
        assertThat(rules.advanceDataLead(border("QXAB"))).isEqualTo(Duration.ofMinutes(90));
        assertThat(rules.advanceDataLead(border("QXBC"))).isEqualTo(Duration.ofMinutes(45));
        assertThat(rules.at(border("QXBC")).source()).contains("Syldavia");

        // a file of the old form (no border column) holds at every border
        CustomsRules everywhere = CustomsRules.parse("rule,value,unit,source\nadvance_data_lead,90,minutes,x\n", TINY);
        TINY.borders().forEach(b -> assertThat(everywhere.advanceDataLead(b)).isEqualTo(Duration.ofMinutes(90)));
        // a border named alone: the others keep the default
        CustomsRules one = CustomsRules.parse(HEADER + "advance_data_lead,30,minutes,x,QXAB\n", TINY);
        assertThat(one.advanceDataLead(border("QXAB"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(one.advanceDataLead(border("QXBC")))
                .isEqualTo(CustomsRules.DEFAULT.everyBorder().before());
    }

    @Test
    void aTrainThroughThreeCountriesMeetsBothBordersInTravelOrder() {
        List<Point> south = TINY.mainLine().points();
        List<Point> north = new ArrayList<>(south);
        Collections.reverse(north);
        for (List<Point> path : List.of(south, north)) {
            List<Crossing> all = Crossing.all(TINY, path);
            assertThat(all).hasSize(TINY.borders().size());
            for (int i = 0; i < all.size(); i++) {
                Crossing c = all.get(i);
                // the control station met first on the path is that border's, on the side the train comes from
                Point first = path.indexOf(c.border().beforeControl())
                                < path.indexOf(c.border().afterControl())
                        ? c.border().beforeControl()
                        : c.border().afterControl();
                assertThat(c.control()).isEqualTo(first);
                assertThat(path.get(c.pathIndex())).isEqualTo(c.control());
                if (i > 0) {
                    assertThat(c.pathIndex()).isGreaterThan(all.get(i - 1).pathIndex());
                }
            }
            assertThat(Crossing.first(TINY, path)).contains(all.get(0));
        }
        // made-up codes of the test data, read in travel order: Atlantis's controls first southbound
        assertThat(Crossing.all(TINY, south).stream().map(c -> c.control().code()))
                .containsExactly("QAB", "QBC");
        assertThat(Crossing.all(TINY, north).stream().map(c -> c.control().code()))
                .containsExactly("QCA", "QBA");
    }

    @Test
    void eachTrainsDataIsDueTheLeadOfTheBorderItCrossesFirst() {
        CustomsRules rules = CustomsRules.parse(RULES, TINY);
        List<Point> south = TINY.mainLine().points();
        List<Point> north = new ArrayList<>(south);
        Collections.reverse(north);
        Instant arrives = Instant.parse("2026-12-10T12:00:00Z");
        for (List<Point> path : List.of(south, north)) {
            Crossing crossing = Crossing.first(TINY, path).orElseThrow();
            AdvanceData.Manifest m = AdvanceData.assemble(
                    "F", LocalDate.of(2026, 12, 10), crossing, arrives, rules, List.of(), null, arrives);
            assertThat(Duration.between(m.dueAt(), arrives))
                    .as("due at " + crossing.border().point().code())
                    .isEqualTo(rules.advanceDataLead(crossing.border()));
        }
        assertThat(Crossing.first(TINY, south).orElseThrow().border().point().code())
                .isNotEqualTo(Crossing.first(TINY, north)
                        .orElseThrow()
                        .border()
                        .point()
                        .code());
    }

    @Test
    void aBorderTheNetworkHasNotOrARuleGivenTwiceIsRefusedNamingFileRowAndColumn() {
        String unknown = HEADER + "advance_data_lead,120,minutes,x,\nadvance_data_lead,45,minutes,x,QXZZ\n";
        assertThatThrownBy(() -> CustomsRules.parse(unknown, TINY))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(CustomsRules.FILE);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo(CustomsRules.BORDER);
                })
                .hasMessageContaining("QXZZ")
                .hasMessageContaining("QXAB")
                .hasMessageContaining("QXBC");
        String twice = HEADER + "advance_data_lead,45,minutes,x,QXBC\nadvance_data_lead,50,minutes,x,QXBC\n";
        assertThatThrownBy(() -> CustomsRules.parse(twice, TINY)).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo(CustomsRules.BORDER);
        });
    }
}
