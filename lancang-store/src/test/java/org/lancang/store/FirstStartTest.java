package org.lancang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.store.db.Database;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestDatabase;

/**
 * A first start is all or nothing: the network stored by the first start wins over the files at every later one, so a
 * first start refused for a bad file (one checked against the network: freight, customs, ...) must leave the database
 * as empty as it found it, and the next start with the file mended must take the files whole.
 */
class FirstStartTest {
    /** The packed home network with {@code row} added at the end of {@code file}. */
    private record RowAdded(ClasspathDataFiles packed, String file, String row) implements DataFiles {
        @Override
        public String read(String name) {
            String text = packed.read(name);
            return name.equals(file) ? text.stripTrailing() + "\n" + row + "\n" : text;
        }

        @Override
        public boolean has(String name) {
            return packed.has(name);
        }
    }

    /** The rows of the tables a first start writes: the network, the timetable, the users, the asset register. */
    private static long rowsWritten(DatabaseConfig config) {
        try (Database database = Database.start(config)) {
            Jdbi jdbi = database.jdbi();
            return List.of("network_point", "train_plan", "app_user", "asset").stream()
                    .mapToLong(table -> jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                            .mapTo(Long.class)
                            .one()))
                    .sum();
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "customs-rules.csv|advance_data_lead,30,minutes,a border the network lacks,QXZZ",
                "freight-equipment.csv|QXZZ,REEFER_40,LCR,10,a station the network lacks"
            })
    void aFirstStartRefusedForABadFileLeavesTheDatabaseEmptyAndTheMendedFileStarts(String file, String row) {
        DatabaseConfig database = TestDatabase.fresh();
        ClasspathDataFiles packed = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        RowAdded bad = new RowAdded(packed, file, row);
        int badLine = (int) bad.read(file).lines().count();

        assertThatThrownBy(
                        () -> Platform.start(database, bad, Clock.systemUTC()).close())
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(badLine);
                });
        assertThat(rowsWritten(database))
                .as("nothing stored by the refused start")
                .isZero();

        try (Platform mended = Platform.start(database, packed, Clock.systemUTC())) {
            assertThat(mended.generatedAdminPassword())
                    .as("the mended start is the first")
                    .isPresent();
            assertThat(mended.timetable().plans()).isNotEmpty();
        }
        assertThat(rowsWritten(database)).isPositive();
    }
}
