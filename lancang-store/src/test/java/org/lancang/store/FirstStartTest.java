package org.lancang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.store.db.Database;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.networks.ServedNetworks;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.TestDates;

/**
 * A first start is all or nothing: the network stored by the first start wins over the files at every later one, so a
 * first start refused for a bad file (one checked against the network: freight, customs, ...) of any network served,
 * or for two networks sharing a train number, must leave the database as empty as it found it, and the next start with
 * the files mended must take them whole.
 */
class FirstStartTest {
    private static final ClasspathDataFiles CHINA_LAOS = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
    private static final ClasspathDataFiles VIENTIANE_BANGKOK = new ClasspathDataFiles("vientiane-bangkok");

    /** A packed network with {@code file}'s text edited (the restart's checks edit home's files too). */
    record Edited(ClasspathDataFiles packed, String file, UnaryOperator<String> edit) implements DataFiles {
        /** {@code packed} with {@code row} added at the end of {@code file}. */
        static Edited rowAdded(ClasspathDataFiles packed, String file, String row) {
            return new Edited(packed, file, text -> text.stripTrailing() + "\n" + row + "\n");
        }

        @Override
        public String read(String name) {
            String text = packed.read(name);
            return name.equals(file) ? edit.apply(text) : text;
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
        ClasspathDataFiles packed = CHINA_LAOS;
        Edited bad = Edited.rowAdded(packed, file, row);
        int badLine = (int) bad.read(file).lines().count();

        assertThatThrownBy(() -> Platform.start(database, bad, TestDates.CLOCK).close())
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(badLine);
                });
        assertThat(rowsWritten(database))
                .as("nothing stored by the refused start")
                .isZero();

        try (Platform mended = Platform.start(database, packed, TestDates.CLOCK)) {
            assertThat(mended.generatedAdminPassword())
                    .as("the mended start is the first")
                    .isPresent();
            assertThat(mended.timetable().plans()).isNotEmpty();
        }
        assertThat(rowsWritten(database)).isPositive();
    }

    @Test
    void aFirstStartRefusedForABadRowOfAThirdNetworkWritesNothingAndTheMendedSetStarts() {
        DatabaseConfig database = TestDatabase.fresh();
        // a rule of the third network that the platform reads only when it wires that network's operations
        TestNetworkFolder bad = TestNetworkFolder.branch()
                .with(
                        "dispatching.csv",
                        text -> text.stripTrailing() + "\nturnaround_emu,99999,minutes,out of range\n");
        int badLine = (int) bad.read("dispatching.csv").lines().count();

        assertThatThrownBy(() -> Platform.start(database, CHINA_LAOS, List.of(VIENTIANE_BANGKOK, bad), TestDates.CLOCK)
                        .close())
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("dispatching.csv");
                    assertThat(e.line()).isEqualTo(badLine);
                });
        assertThat(rowsWritten(database))
                .as("nothing stored by the refused start, home's network neither")
                .isZero();

        try (Platform mended = Platform.start(
                database, CHINA_LAOS, List.of(VIENTIANE_BANGKOK, TestNetworkFolder.branch()), TestDates.CLOCK)) {
            assertThat(mended.generatedAdminPassword())
                    .as("the mended start is the first")
                    .isPresent();
            assertThat(mended.networks().all())
                    .extracting(ServedNetwork::code)
                    .containsExactly("china-laos", "vientiane-bangkok", "branch");
            assertThat(mended.networkOperations().named("branch", "network").network())
                    .isEqualTo("branch");
        }
    }

    @Test
    void aTrainNumberClashRefusesAFirstStartBeforeItWritesSoRenamingHomesTrainMendsIt() {
        DatabaseConfig database = TestDatabase.fresh();
        String home = CHINA_LAOS
                .read("timetable.csv")
                .lines()
                .skip(1)
                .reduce((a, b) -> b)
                .orElseThrow()
                .split(",")[0];
        String renamed = home + "R";
        TestNetworkFolder clashing =
                TestNetworkFolder.branch().with("timetable.csv", text -> text.replace("\nT2,", "\n" + home + ","));

        assertThatThrownBy(() -> Platform.start(database, CHINA_LAOS, List.of(clashing), TestDates.CLOCK)
                        .close())
                .isInstanceOf(ServedNetworks.Clash.class)
                .hasMessageContaining("'" + home + "'");
        assertThat(rowsWritten(database))
                .as("home's timetable not stored with the clashing number")
                .isZero();

        Edited renamedAtHome =
                new Edited(CHINA_LAOS, "timetable.csv", text -> text.replace("\n" + home + ",", "\n" + renamed + ","));
        try (Platform mended = Platform.start(database, renamedAtHome, List.of(clashing), TestDates.CLOCK)) {
            assertThat(mended.networks().ofTrain(renamed).orElseThrow().home()).isTrue();
            assertThat(mended.networks().ofTrain(home).orElseThrow().code()).isEqualTo("branch");
        }
    }
}
