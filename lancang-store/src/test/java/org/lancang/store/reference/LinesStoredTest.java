package org.lancang.store.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.network.Routes;
import org.lancang.reference.ReferenceData;
import org.lancang.store.db.Database;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.testing.TestNetworkFolder;

/**
 * A home network of several lines (the core's branch test network: a main line Bram – Jura – Aldo and a branch Jura –
 * Cato) keeps its lines, junctions and routes through the database (migration V81), and a one-line network keeps
 * being one line.
 */
class LinesStoredTest {
    @Test
    void theBranchNetworkStoredAsHomeComesBackWithItsLinesJunctionsAndRoutes() {
        ReferenceData data = ReferenceData.parse(TestNetworkFolder.branch());
        Network files = data.network();
        assertThat(files.lines()).hasSize(2);
        try (Database database = Database.start(TestDatabase.fresh())) {
            ReferenceStore store = new ReferenceStore(database.jdbi());
            store.save(data);
            Network stored = store.load(data).network();

            assertThat(stored.lines()).isEqualTo(files.lines());
            assertThat(stored.points()).isEqualTo(files.points());
            assertThat(stored.isJunction("QJ")).isTrue();
            assertThat(stored.places("QJ")).isEqualTo(files.places("QJ"));
            for (String[] pair : new String[][] {{"QA", "QC"}, {"QC", "QB"}, {"QB", "QA"}, {"QCJ", "QAJ"}}) {
                assertThat(new Routes(stored).between(pair[0], pair[1], List.of()))
                        .as(pair[0] + " → " + pair[1])
                        .isEqualTo(new Routes(files).between(pair[0], pair[1], List.of()));
            }
            // the branch's km count from the junction: Aldo (main line km 100) to Cato (branch km 40) across Jura (50)
            assertThat(new Routes(stored).between("QA", "QC", List.of()).lengthKm())
                    .isEqualTo(50 + 40.0);
        }
    }

    @Test
    void aOneLineNetworkStaysOneLineUnderTheNetworksCode() {
        ReferenceData data = ReferenceData.parse(new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS));
        try (Database database = Database.start(TestDatabase.fresh())) {
            ReferenceStore store = new ReferenceStore(database.jdbi());
            store.save(data);
            Network stored = store.load(data).network();
            assertThat(stored.lines()).isEqualTo(data.network().lines());
            assertThat(stored.lines().get(0).code()).isEqualTo(data.network().code());
        }
    }
}
