package org.lancang.store.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.reference.ReferenceData;
import org.lancang.store.db.Database;
import org.lancang.store.testing.TestDatabase;

/** A network with names in a fourth language (the Thai names of the Bangkok line) keeps them through the database. */
class MoreLanguagesStoredTest {
    @Test
    void thaiNamesSurviveSavingAndLoading() {
        ReferenceData data = ReferenceData.parse(new ClasspathDataFiles("vientiane-bangkok"));
        try (Database database = Database.start(TestDatabase.fresh())) {
            ReferenceStore store = new ReferenceStore(database.jdbi());
            store.save(data);
            Network loaded = store.load(data.network()).network();
            for (Point p : data.network().points()) {
                assertThat(loaded.point(p.code()).orElseThrow().names()).isEqualTo(p.names());
            }
            assertThat(loaded.point("NKI").orElseThrow().names().in("th")).isEqualTo("หนองคาย");
            assertThat(store.refreshNames(data.network())).isZero();
        }
    }
}
