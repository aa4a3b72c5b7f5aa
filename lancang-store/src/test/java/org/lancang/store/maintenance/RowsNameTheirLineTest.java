package org.lancang.store.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.lancang.maintenance.Defect;
import org.lancang.maintenance.DefectReport;
import org.lancang.maintenance.RestrictionRequest;
import org.lancang.maintenance.Severity;
import org.lancang.store.Platform;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.timetable.SpeedRestriction;

/**
 * Rows stored before every km named its line (ADR 0033): a defect with no line (V82 kept older rows so, null meaning
 * the network's first line) and, on a network of several lines, an asset with no {@code line} attribute. The store's
 * repair step at start gives them the first line, once: they read as they always meant, on the branch network (main
 * line LA Bram 0 – Jura 50 – Aldo 100, branch LC Jura 0 – Cato 40) where km 30 is on both lines.
 */
class RowsNameTheirLineTest {
    private static final String BRANCH = "branch";
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void anOldDefectAndAnOldAssetReadOnTheFirstLineAfterTheRepairAndOnlyOnce() {
        DatabaseConfig db = TestDatabase.fresh();
        ClasspathDataFiles home = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        TestClock clock = TestClock.at("2026-12-01T02:00:00Z");
        LocalDate day = LocalDate.parse("2026-12-02");
        Defect reported;
        try (Platform first = Platform.start(db, home, List.of(TestNetworkFolder.branch()), clock)) {
            MaintenanceService m = first.networkMaintenance().named(BRANCH, "network");
            // km 30 of the main line's Bram – Jura track; km 30 is also on the branch
            reported = m.report(
                            new DefectReport(
                                    null,
                                    "TRK-QBJ-QJ",
                                    30,
                                    Severity.HIGH,
                                    "Rail break",
                                    new RestrictionRequest(25, 35, 30, FROM, FROM.plusSeconds(7 * 86_400)),
                                    List.of(),
                                    "kham",
                                    clock.instant(),
                                    null),
                            day)
                    .defect();
            assertThat(reported.line()).isEqualTo("LA");
            // as stored before: the defect with no line, the asset with no line attribute (read again at the next
            // start)
            first.database().jdbi().useHandle(h -> {
                assertThat(h.execute("UPDATE defect SET line = NULL WHERE id = ?", reported.id()))
                        .isEqualTo(1);
                assertThat(h.execute("DELETE FROM asset_attribute WHERE asset_id = 'TRK-QBJ-QJ' AND key = 'line'"))
                        .isEqualTo(1);
            });
        }
        for (int start = 0; start < 2; start++) {
            try (Platform again = Platform.start(db, home, List.of(TestNetworkFolder.branch()), clock)) {
                MaintenanceService m = again.networkMaintenance().named(BRANCH, "network");
                assertThat(m.defect(reported.id())).isEqualTo(reported);
                assertThat(m.restrictions(day))
                        .containsExactly(new SpeedRestriction(25, 35, 30, FROM, FROM.plusSeconds(7 * 86_400), "LA"));
                assertThat(m.register().get("TRK-QBJ-QJ").attributes()).containsEntry("line", "LA");
                Jdbi jdbi = again.database().jdbi();
                long unnamed = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM defect WHERE line IS NULL")
                        .mapTo(Long.class)
                        .one());
                assertThat(unnamed).isZero();
                long lineAttributes = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM asset_attribute"
                                + " WHERE asset_id = 'TRK-QBJ-QJ' AND key = 'line'")
                        .mapTo(Long.class)
                        .one());
                assertThat(lineAttributes)
                        .as("start " + start + ": the attribute given once")
                        .isEqualTo(1);
            }
        }
    }
}
