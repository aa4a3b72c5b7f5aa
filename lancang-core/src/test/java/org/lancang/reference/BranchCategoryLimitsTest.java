package org.lancang.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.network.CategoryLimit;
import org.lancang.network.Network;
import org.lancang.network.Section;
import org.lancang.testing.ReferenceFiles;

/**
 * A limit by category between two points on a network of several lines (ADR 0033) binds the route between them, each
 * leg on its own line's km: on the branch network (main line LA Bram 0 – Jura 50 – Aldo 100, branch LC Jura 0 – Cato
 * 40), Aldo → Cato is main-line km 50–100 and branch km 0–40, not km 40–100 of whichever line.
 */
class BranchCategoryLimitsTest {
    private static final String HEADER = "category,from,to,km_from,km_to,speed_kmh,source\n";

    private static Network with(String rows) {
        ReferenceFiles branch = ReferenceFiles.branch();
        DataFiles files = name -> name.equals(CategoryLimits.FILE) ? HEADER + rows : branch.read(name);
        return ReferenceData.parse(files).network();
    }

    private static List<CategoryLimit> on(Network network, String from, String to) {
        return network.sections().stream()
                .filter(s -> s.from().equals(from) && s.to().equals(to))
                .map(Section::categoryLimits)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aLimitAcrossTheJunctionBindsTheRouteOnEachLinesKm() {
        Network n = with("FREIGHT,QA,QC,,,50,made up\n");
        assertThat(on(n, "QJ", "QAJ")).extracting(CategoryLimit::speedKmh).containsExactly(50);
        assertThat(on(n, "QAJ", "QA")).extracting(CategoryLimit::speedKmh).containsExactly(50);
        assertThat(on(n, "QJ", "QCJ")).extracting(CategoryLimit::speedKmh).containsExactly(50);
        assertThat(on(n, "QCJ", "QC")).extracting(CategoryLimit::speedKmh).containsExactly(50);
        assertThat(on(n, "QBJ", "QJ"))
                .as("main-line km 25–50 lies between 40 and 100 but not on the route")
                .isEmpty();
        assertThat(on(n, "QB", "QBJ")).isEmpty();
    }

    @Test
    void aKmRangeNarrowsALimitOnOneLineAndIsRefusedAcrossAJunction() {
        Network n = with("FREIGHT,QJ,QC,5,15,50,made up\n");
        assertThat(on(n, "QJ", "QCJ"))
                .singleElement()
                .satisfies(l -> assertThat(List.of(l.fromKm(), l.toKm())).containsExactly(5.0, 15.0));
        assertThat(on(n, "QCJ", "QC")).isEmpty();
        assertThat(on(n, "QBJ", "QJ")).isEmpty();
        assertThatThrownBy(() -> with("FREIGHT,QA,QC,60,70,50,made up\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("km_from")
                .hasMessageContaining("junction");
    }
}
