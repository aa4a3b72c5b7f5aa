package org.lancang.freight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.LinePath;

/**
 * A ruling gradient named by two points binds the route between them, each leg on its own line's km (ADR 0033): on
 * the branch network (main line LA Bram 0 – Bram loop 25 – Jura 50 – Aldo loop 75 – Aldo 100, branch LC Jura 0 – Cato
 * loop 20 – Cato 40) the two lines share km 0–40, so a point's km alone does not say where a gradient lies.
 */
class BranchGradientsTest {
    private static final Network NETWORK =
            ReferenceData.parse(ReferenceFiles.branch()).network();
    /** The China–Laos figures; only the gradients matter here. */
    private static final String RULES = ReferenceFiles.chinaLaos().read(FreightRules.FILE);

    private static final String HEADER = "from,to,ruling_gradient_permille,source\n";

    private static FreightRules with(String rows) {
        return FreightRules.parse(NETWORK, RULES, HEADER + rows);
    }

    private static List<String> met(FreightRules rules, String from, String to) {
        return rules.on(LinePath.between(NETWORK, from, to)).stream()
                .map(g -> g.from() + "-" + g.to())
                .toList();
    }

    @Test
    void aGradientAcrossTheJunctionIsMetOnBothLinesAndNowhereElse() {
        FreightRules rules = with("QA,QC,12,made up\n");
        assertThat(met(rules, "QA", "QJ")).containsExactly("QA-QC");
        assertThat(met(rules, "QJ", "QCJ")).as("branch km 0–20").containsExactly("QA-QC");
        assertThat(met(rules, "QBJ", "QJ"))
                .as("main-line km 25–50, between Cato's 40 and Aldo's 100 but off the route")
                .isEmpty();
        assertThat(met(rules, "QB", "QBJ")).isEmpty();
    }

    @Test
    void aGradientOnTheBranchIsNotMetOnTheMainLinesSameKm() {
        FreightRules rules = with("QJ,QCJ,9,made up: branch km 0–20\n");
        assertThat(met(rules, "QB", "QBJ"))
                .as("main-line km 0–25 holds km 0–20 too, of another line")
                .isEmpty();
        assertThat(met(rules, "QB", "QJ"))
                .as("the path only reaches the junction")
                .isEmpty();
        assertThat(met(rules, "QB", "QC")).containsExactly("QJ-QCJ");
        assertThat(met(rules, "QC", "QA")).as("either way round").containsExactly("QJ-QCJ");
    }

    @Test
    void everyGradientAlongThePathIsMet() {
        FreightRules rules = with("QB,QJ,5,made up\nQJ,QC,20,made up\n");
        assertThat(met(rules, "QB", "QBJ")).containsExactly("QB-QJ");
        assertThat(met(rules, "QBJ", "QC")).containsExactly("QB-QJ", "QJ-QC");
    }

    @Test
    void aRowFromAPointToItselfIsRefusedNamingTo() {
        assertThatThrownBy(() -> with("QJ,QJ,5,made up\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("to")
                .hasMessageContaining(FreightRules.GRADIENTS_FILE);
    }
}
