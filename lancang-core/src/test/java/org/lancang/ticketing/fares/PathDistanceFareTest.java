package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;

/**
 * On a network of several lines a fare's distance is the length of the way between the two stops, the sum of its legs
 * on their own lines (the branch test network: main line Bram km 0 – Jura km 50 – Aldo km 100, branch Jura km 0 – Cato
 * km 40), not the difference of the two stops' km on different lines. The folder's tariff is half a yuan a km.
 */
class PathDistanceFareTest {
    private static final ReferenceFiles FILES = ReferenceFiles.branch();
    private static final Network NETWORK = ReferenceData.parse(FILES).network();
    private static final FareTable FARES = FolderFares.of(FILES, NETWORK);

    private static FareQuote quote(String from, String to) {
        return FARES.quote(from, to, SeatClass.SECOND, WorldCurrencies.CNY).orElseThrow();
    }

    @Test
    void aldoToCatoIsPricedOnAldoJuraPlusJuraCato() {
        double aldoJura = 100 - 50;
        double juraCato = 40 - 0;
        FareQuote q = quote("QA", "QC");
        assertThat(q.parts()).hasSize(1);
        assertThat(q.parts().get(0).km()).isEqualTo(aldoJura + juraCato);
        assertThat(q.total().major()).isEqualByComparingTo(BigDecimal.valueOf((aldoJura + juraCato) * 0.5));
        assertThat(quote("QC", "QA").total()).as("either way round").isEqualTo(q.total());
        // not |40 − 100| = 60 km, the two stops' km on their own lines
        assertThat(q.parts().get(0).km()).isNotEqualTo(60.0);
    }

    @Test
    void onOneLineTheDistanceIsStillTheKmDifference() {
        assertThat(quote("QB", "QA").parts().get(0).km()).isEqualTo(100.0);
        assertThat(quote("QJ", "QC").parts().get(0).km()).isEqualTo(40.0);
        assertThat(quote("QB", "QC").parts().get(0).km()).isEqualTo(50.0 + 40.0);
    }
}
