package org.lancang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestDatabase;
import org.lancang.testing.TestDates;
import org.lancang.timetable.TrainPlan;

/**
 * Every network's timetable goes through one load, packed in the jar or on disk, home or served beside it: each train
 * is run once at start, and a row the planner refuses stops the start naming the file, the row and the train, rather
 * than failing the first request that plans its day.
 */
class TimetableLoadTest {
    /** A packed network's files with the second train of its timetable given a train type the network lacks. */
    private record OneBadRow(ClasspathDataFiles packed, String train, int line) implements DataFiles {
        static OneBadRow of(String network) {
            ClasspathDataFiles packed = new ClasspathDataFiles(network);
            String[] lines = packed.read("timetable.csv").split("\n");
            return new OneBadRow(packed, lines[2].substring(0, lines[2].indexOf(',')), 3);
        }

        @Override
        public String read(String name) {
            String text = packed.read(name);
            if (!name.equals("timetable.csv")) {
                return text;
            }
            String[] lines = text.split("\n", -1);
            lines[line - 1] = lines[line - 1].replaceFirst("^([^,]*,[^,]*,)[^,]*,", "$1NO_SUCH_TYPE,");
            return String.join("\n", lines);
        }

        @Override
        public boolean has(String name) {
            return packed.has(name);
        }
    }

    /**
     * The same files mended the other way: the timetable's bad row kept, and the train type it names added to
     * the files of the rolling stock (a copy of the rows of the type the train had).
     */
    private record TypeAdded(OneBadRow bad) implements DataFiles {
        @Override
        public String read(String name) {
            String text = bad.read(name);
            if (!List.of("train-types.csv", "traction-curves.csv", "cars.csv").contains(name)) {
                return text;
            }
            String original = bad.packed()
                    .read("timetable.csv")
                    .split("\n")[bad.line() - 1]
                    .split(",")[2];
            List<String> copied = text.lines()
                    .filter(l -> l.startsWith(original + ","))
                    .map(l -> l.replaceFirst("^[^,]*,", "NO_SUCH_TYPE,"))
                    .toList();
            assertThat(copied).isNotEmpty();
            return text.stripTrailing() + "\n" + String.join("\n", copied) + "\n";
        }

        @Override
        public boolean has(String name) {
            return bad.has(name);
        }
    }

    private static void refusedNamingTheRow(Runnable start, OneBadRow files) {
        assertThatThrownBy(start::run).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("timetable.csv");
            assertThat(e.line()).isEqualTo(files.line());
            assertThat(e.field()).isEqualTo("train_type");
            assertThat(e.getMessage()).contains("train " + files.train() + ":", "NO_SUCH_TYPE");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {ClasspathDataFiles.CHINA_LAOS, "vientiane-bangkok"})
    void aBadRowOfTheHomeTimetableStopsTheStartNamingFileRowAndTrain(String network) {
        OneBadRow files = OneBadRow.of(network);
        assertThat(files.read("timetable.csv")).isNotEqualTo(files.packed().read("timetable.csv"));
        refusedNamingTheRow(
                () -> Platform.start(TestDatabase.fresh(), files, TestDates.CLOCK)
                        .close(),
                files);
    }

    /**
     * A first start refused for a bad timetable row leaves nothing behind: the network and rolling stock, once stored,
     * win over the files at every later start, so a row mended in train-types.csv (rather than in the timetable) must
     * find an empty database at the next start.
     */
    @Test
    void aFirstStartRefusedForABadRowStoresNothingAndTheNextStartTakesTheMendedFiles() {
        DatabaseConfig database = TestDatabase.fresh();
        OneBadRow bad = OneBadRow.of(ClasspathDataFiles.CHINA_LAOS);
        refusedNamingTheRow(() -> Platform.start(database, bad, TestDates.CLOCK).close(), bad);

        try (Platform platform = Platform.start(database, new TypeAdded(bad), TestDates.CLOCK)) {
            assertThat(platform.timetable().plans())
                    .filteredOn(p -> p.number().equals(bad.train()))
                    .singleElement()
                    .satisfies(p -> assertThat(p.trainType()).isEqualTo("NO_SUCH_TYPE"));
        }
    }

    /** A packed network's files upgraded: the second train of its timetable runs to a point no network has. */
    private record NewPoint(ClasspathDataFiles packed, String train) implements DataFiles {
        static final String POINT = "QNEW";

        static NewPoint of(String network) {
            ClasspathDataFiles packed = new ClasspathDataFiles(network);
            String row = packed.read("timetable.csv").split("\n")[2];
            return new NewPoint(packed, row.substring(0, row.indexOf(',')));
        }

        @Override
        public String read(String name) {
            String text = packed.read(name);
            if (!name.equals("timetable.csv")) {
                return text;
            }
            String[] lines = text.split("\n", -1);
            // columns: number, operator, train_type, passenger, days, valid_from, valid_to, from, to, ...
            lines[2] = lines[2].replaceFirst("^((?:[^,]*,){8})[^,]*,", "$1" + POINT + ",");
            return String.join("\n", lines);
        }

        @Override
        public boolean has(String name) {
            return packed.has(name);
        }
    }

    /**
     * A database that holds a timetable keeps it over the files' (the stored copy wins): a restart with an upgrade
     * whose timetable.csv names a point the stored network lacks starts, and serves and runs the stored trains.
     */
    @Test
    void aRestartServesTheStoredTimetableThoughTheFilesNameAPointItLacks() {
        DatabaseConfig database = TestDatabase.fresh();
        ClasspathDataFiles packed = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        List<TrainPlan> stored;
        try (Platform first = Platform.start(database, packed, TestDates.CLOCK)) {
            stored = first.timetable().plans();
        }
        NewPoint upgrade = NewPoint.of(ClasspathDataFiles.CHINA_LAOS);
        assertThat(upgrade.read("timetable.csv")).contains("," + NewPoint.POINT + ",");
        assertThatThrownBy(() -> Platform.start(TestDatabase.fresh(), upgrade, TestDates.CLOCK)
                        .close())
                .as("the upgrade's file is checked where it is loaded: an empty database")
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("timetable.csv");
                    assertThat(e.getMessage()).contains("train " + upgrade.train() + ":");
                });

        try (Platform second = Platform.start(database, upgrade, TestDates.CLOCK)) {
            assertThat(second.timetable().plans()).isEqualTo(stored);
            TrainPlan kept = second.timetable().requirePlan(upgrade.train(), "train");
            assertThat(kept.to()).isNotEqualTo(NewPoint.POINT);
            LocalDate day = kept.calendar().startDate();
            while (!kept.calendar().runsOn(day)) {
                day = day.plusDays(1);
            }
            assertThat(second.timetable().day(day).runs())
                    .as("the stored train runs on its day")
                    .anySatisfy(r -> assertThat(r.plan()).isEqualTo(kept));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vientiane-bangkok"})
    void aBadRowOfAServedNetworksTimetableStopsTheStartAlike(String network) {
        OneBadRow files = OneBadRow.of(network);
        refusedNamingTheRow(
                () -> Platform.start(
                                TestDatabase.fresh(),
                                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                                List.of(files),
                                TestDates.CLOCK)
                        .close(),
                files);
    }
}
