package org.lancang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.errors.Clash;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.db.Database;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.networks.ServedNetworks;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.testing.TestDates;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;

/**
 * A restart checks the networks served as a first start does: a folder added (or changed) since, whose point codes or
 * train numbers clash with another network's, is refused with the first start's message before anything is written,
 * and the restart with the folder mended serves it.
 */
class RestartCheckTest {
    private static final ClasspathDataFiles CHINA_LAOS = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
    private static final ClasspathDataFiles VIENTIANE_BANGKOK = new ClasspathDataFiles("vientiane-bangkok");

    @Test
    void aRestartWithAThirdFolderWhoseTrainNumberClashesIsRefusedAndWritesNothing() {
        DatabaseConfig database = TestDatabase.fresh();
        start(database, List.of(VIENTIANE_BANGKOK)).close();
        String homeTrain = homesFirstTrain();
        TestNetworkFolder clashing = branchRunning(homeTrain);
        Map<String, String> before = contents(database);

        assertThatThrownBy(() ->
                        start(database, List.of(VIENTIANE_BANGKOK, clashing)).close())
                .isInstanceOf(ServedNetworks.Clash.class)
                .hasMessage("the train number '" + homeTrain + "' is in both networks 'china-laos' and 'branch':"
                        + " codes must be unique across the networks served (rename one in its folder, or serve only"
                        + " one of them with --network)");
        assertThat(contents(database))
                .as("nothing written by the refused restart")
                .isEqualTo(before);

        try (Platform mended = start(database, List.of(VIENTIANE_BANGKOK, TestNetworkFolder.branch()))) {
            assertThat(mended.generatedAdminPassword()).as("a restart").isEmpty();
            assertThat(mended.networks().all())
                    .extracting(ServedNetwork::code)
                    .containsExactly("china-laos", "vientiane-bangkok", "branch");
            assertThat(mended.networks().ofTrain("T2").orElseThrow().code()).isEqualTo("branch");
        }
    }

    @Test
    void aRestartWithAServedFolderChangedToAnotherNetworksPointCodeIsRefusedAndWritesNothing() {
        DatabaseConfig database = TestDatabase.fresh();
        start(database, List.of(TestNetworkFolder.branch())).close();
        String homePoint = CHINA_LAOS
                .read("points.csv")
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .split(",")[0];
        TestNetworkFolder changed = TestNetworkFolder.branch();
        for (String file : List.of("points.csv", "sections.csv", "stop-coordinates.csv")) {
            changed = changed.with(file, text -> text.replace("QCJ", homePoint));
        }
        Map<String, String> before = contents(database);
        TestNetworkFolder clashing = changed;

        assertThatThrownBy(() -> start(database, List.of(clashing)).close())
                .isInstanceOf(ServedNetworks.Clash.class)
                .hasMessageStartingWith(
                        "the point code '" + homePoint + "' is in both networks 'china-laos' and 'branch'");
        assertThat(contents(database))
                .as("nothing written by the refused restart")
                .isEqualTo(before);

        try (Platform mended = start(database, List.of(TestNetworkFolder.branch()))) {
            assertThat(mended.networks().ofPoint("QCJ").orElseThrow().code()).isEqualTo("branch");
        }
    }

    /**
     * A restart brings the stored points' names up to home's files: refused for a clash, it does not, and the restart
     * with the folder mended does, running on the new name. (Before, the names were written first and the clash found
     * after.)
     */
    @Test
    void aRestartRefusedForAClashLeavesTheStoredNamesAndTheMendedRestartBringsThemUp() {
        DatabaseConfig database = TestDatabase.fresh();
        start(database, List.of(VIENTIANE_BANGKOK)).close();
        String homeTrain = homesFirstTrain();
        TestNetworkFolder clashing = branchRunning(homeTrain);
        FirstStartTest.Edited renamed = new FirstStartTest.Edited(
                CHINA_LAOS, "points.csv", text -> text.replace("\nKMS,Kunming South,", "\nKMS,Kunming Nan,"));
        Map<String, String> before = contents(database);

        assertThatThrownBy(
                        () -> Platform.start(database, renamed, List.of(VIENTIANE_BANGKOK, clashing), TestDates.CLOCK)
                                .close())
                .isInstanceOf(ServedNetworks.Clash.class)
                .hasMessageContaining("'" + homeTrain + "'");
        assertThat(contents(database)).as("the names not brought up either").isEqualTo(before);

        try (Platform mended = Platform.start(
                database, renamed, List.of(VIENTIANE_BANGKOK, TestNetworkFolder.branch()), TestDates.CLOCK)) {
            assertThat(mended.reference()
                            .network()
                            .point("KMS")
                            .orElseThrow()
                            .names()
                            .en())
                    .isEqualTo("Kunming Nan");
        }
        assertThat(contents(database))
                .as("the name stored, the branch's register written")
                .isNotEqualTo(before);
    }

    /**
     * A train added by a published timetable change counts as its network's train at a restart: a folder added since
     * that runs the same number is refused, whichever network's change added it, and nothing is written.
     */
    @Test
    void aRestartWithAFolderRunningATrainAPublishedChangeAddedIsRefusedAndWritesNothing() {
        for (String changed : List.of("china-laos", "vientiane-bangkok")) {
            DatabaseConfig database = TestDatabase.fresh();
            try (Platform platform = start(database, List.of(VIENTIANE_BANGKOK))) {
                addTrain(platform.networkChanges().named(changed, "network"), "T2");
            }
            Map<String, String> before = contents(database);

            assertThatThrownBy(() -> start(database, List.of(VIENTIANE_BANGKOK, TestNetworkFolder.branch()))
                            .close())
                    .as("T2 added by a change of %s", changed)
                    .isInstanceOf(ServedNetworks.Clash.class)
                    .hasMessage("the train number 'T2' is in both networks '" + changed + "' and 'branch': codes must"
                            + " be unique across the networks served (rename one in its folder, or undo the published"
                            + " timetable change that added it, or serve only one of them with --network)");
            assertThat(contents(database))
                    .as("nothing written by the refused restart")
                    .isEqualTo(before);

            try (Platform mended = start(database, List.of(VIENTIANE_BANGKOK, branchRunning("T9")))) {
                assertThat(mended.networks().ofTrain("T9").orElseThrow().code()).isEqualTo("branch");
            }
        }
    }

    /**
     * The other way round: with the networks served, a change that would add a train under a number another network
     * runs (in its base plan or added by its published change) is refused naming the edit's train, and kept nowhere.
     */
    @Test
    void aChangeAddingATrainNumberAnotherNetworkRunsIsRefusedNamingTheTrain() {
        DatabaseConfig database = TestDatabase.fresh();
        try (Platform platform = start(database, List.of(VIENTIANE_BANGKOK, TestNetworkFolder.branch()))) {
            TimetableChangeService home = platform.changes();
            assertThatThrownBy(() -> addTrain(home, "T2")).isInstanceOfSatisfying(Clash.class, e -> {
                assertThat(e.field()).isEqualTo("edits[0].train");
                assertThat(e.getMessage()).contains("T2").contains("'branch'");
            });
            TimetableChangeService thai = platform.networkChanges().named("vientiane-bangkok", "network");
            addTrain(thai, "X77");
            assertThatThrownBy(() -> addTrain(home, "X77"))
                    .as("a number the other network's published change added")
                    .isInstanceOfSatisfying(Clash.class, e -> {
                        assertThat(e.field()).isEqualTo("edits[0].train");
                        assertThat(e.getMessage()).contains("'vientiane-bangkok'");
                    });
            assertThat(home.list()).as("no draft kept").isEmpty();
            addTrain(home, "X78"); // a number nobody runs is added as before
        }
    }

    /**
     * Two networks publishing one new number at the same moment: each service checks the other's published changes as
     * it last read them, so the other's publication, committed but not yet read, is seen only by the publication's own
     * transaction, under the lock every network's publications take. Here the Bangkok line's change is published
     * behind its service's back (as by a concurrent publication between check and commit); home's is refused.
     */
    @Test
    void aNumberAnotherNetworkPublishedMeanwhileIsRefusedAtPublication() {
        DatabaseConfig database = TestDatabase.fresh();
        try (Platform platform = start(database, List.of(VIENTIANE_BANGKOK))) {
            TimetableChangeService thai = platform.networkChanges().named("vientiane-bangkok", "network");
            String thaiChange = thai.draft(adding(thai, "X79"), "planner").id();
            platform.database()
                    .jdbi()
                    .useHandle(h -> h.createUpdate("UPDATE timetable_change SET status = 'PUBLISHED', published_seq ="
                                    + " nextval('timetable_change_publication') WHERE id = :id")
                            .bind("id", thaiChange)
                            .execute());
            TimetableChangeService home = platform.changes();
            String homeChange = home.draft(adding(home, "X79"), "planner").id();
            assertThatThrownBy(() -> home.publish(homeChange, "planner", true))
                    .isInstanceOfSatisfying(Clash.class, e -> {
                        assertThat(e.field()).isEqualTo("edits[0].train");
                        assertThat(e.getMessage()).contains("X79").contains("'vientiane-bangkok'");
                    });
            assertThat(home.get(homeChange).status().name()).as("not published").isEqualTo("DRAFT");
        }
    }

    /** Publishes on {@code changes} a change adding, three days ahead, a copy of its first train numbered {@code number}. */
    private static void addTrain(TimetableChangeService changes, String number) {
        changes.publishNew(adding(changes, number), "planner", true);
    }

    /** A change adding, three days ahead, a copy of the network's first train numbered {@code number}. */
    private static TimetableChange adding(TimetableChangeService changes, String number) {
        TrainPlan first = changes.timetable().plans().get(0);
        TrainPlan copy = new TrainPlan(
                number,
                first.operator(),
                first.trainType(),
                first.passenger(),
                first.calendar(),
                first.from(),
                first.to(),
                first.departure(),
                first.stops(),
                first.meets(),
                first.fixedDeparture(),
                first.allowancePercent(),
                "a train added by a test's change",
                first.via());
        return new TimetableChange(
                "add " + number,
                ChangeOrigin.PLANNER,
                ChangeScope.on(TestDates.daysAhead(3)),
                List.of(new Edit.Add(copy)));
    }

    /** The number of the first train of home's timetable. */
    private static String homesFirstTrain() {
        return CHINA_LAOS
                .read("timetable.csv")
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .split(",")[0];
    }

    /** The branch network with its train T2 numbered {@code number}. */
    private static TestNetworkFolder branchRunning(String number) {
        return TestNetworkFolder.branch().with("timetable.csv", text -> text.replace("\nT2,", "\n" + number + ","));
    }

    private static Platform start(DatabaseConfig database, List<DataFiles> others) {
        return Platform.start(database, CHINA_LAOS, others, TestDates.CLOCK);
    }

    /**
     * Every table's rows, as text in one fingerprint per table, but for the migrations' history and the server's lock
     * record ({@code lancang_server}: which server took the database last, written by every start, refused or not).
     */
    private static Map<String, String> contents(DatabaseConfig config) {
        try (Database database = Database.start(config)) {
            Jdbi jdbi = database.jdbi();
            List<String> tables = jdbi.withHandle(h -> h.createQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                            + " AND table_name NOT IN ('flyway_schema_history', 'lancang_server') ORDER BY table_name")
                    .mapTo(String.class)
                    .list());
            Map<String, String> out = new LinkedHashMap<>();
            for (String table : tables) {
                out.put(
                        table,
                        jdbi.withHandle(h -> h.createQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text,"
                                        + " '\n' ORDER BY t::text), '')) FROM \"" + table + "\" t")
                                .mapTo(String.class)
                                .one()));
            }
            return out;
        }
    }
}
