package org.lancang.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.reference.ReferenceData;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.users.UserService;
import org.lancang.testing.TestDates;
import org.lancang.timetable.TimetableFile;
import org.lancang.users.Role;

/** The embedded database keeps its data in its folder: stop and start again, and everything is still there. */
class PlatformRestartTest {
    @Test
    void dataAndUsersSurviveARestartOfTheEmbeddedDatabase(@TempDir Path dir) {
        DatabaseConfig config = DatabaseConfig.embedded(dir.resolve("postgres"));
        ClasspathDataFiles files = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        String firstPassword;
        try (Platform first = Platform.start(config, files, TestDates.CLOCK)) {
            firstPassword = first.generatedAdminPassword().orElseThrow();
            first.users().add("dispatcher1", "Dispatcher One", "a long password", List.of("DISPATCHER"));
            assertThat(first.reference().network().referencePoints()).hasSize(36);
            String synchronousCommit = first.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SHOW synchronous_commit")
                            .mapTo(String.class)
                            .one());
            String fsync = first.database()
                    .jdbi()
                    .withHandle(
                            h -> h.createQuery("SHOW fsync").mapTo(String.class).one());
            assertThat(synchronousCommit)
                    .as("a commit is on disk before it is acknowledged")
                    .isEqualTo("on");
            assertThat(fsync).isEqualTo("on");
            String checkpoints = first.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT current_setting('checkpoint_timeout') || ' ' || current_setting('max_wal_size')")
                            .mapTo(String.class)
                            .one());
            assertThat(checkpoints)
                    .as("checkpoints spaced for a rush of bookings")
                    .isEqualTo("15min 2GB");
        }
        try (Platform second = Platform.start(config, files, TestDates.CLOCK)) {
            assertThat(second.generatedAdminPassword())
                    .as("no second admin on restart")
                    .isEmpty();
            assertThat(second.reference().network().referencePoints()).hasSize(36);
            assertThat(second.reference().network().points().get(0).code()).isEqualTo("KMG");
            assertThat(second.reference()
                            .rollingStock()
                            .type("CR200J")
                            .orElseThrow()
                            .seatCount())
                    .isEqualTo(720);
            assertThat(second.users().find("dispatcher1").orElseThrow().roles()).containsExactly(Role.DISPATCHER);
            assertThat(second.users().signIn("admin", firstPassword, UserService.TokenKind.API))
                    .isPresent();
        }
    }

    /** A first start runs on the files' network as it stores it: every later start must read back the same. */
    @Test
    void theStoredReferenceDataReadsBackEqualToTheFiles() {
        ClasspathDataFiles files = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        DatabaseConfig config = TestDatabase.fresh();
        List<String> firstPlans;
        try (Platform first = Platform.start(config, files, TestDates.CLOCK)) {
            firstPlans = first.timetable().plans().stream()
                    .map(p -> TimetableFile.format(List.of(p)))
                    .toList();
        }
        try (Platform platform = Platform.start(config, files, TestDates.CLOCK)) {
            assertThat(platform.generatedAdminPassword())
                    .as("a restart, reading back what the first start stored")
                    .isEmpty();
            assertThat(platform.timetable().plans())
                    .extracting(p -> TimetableFile.format(List.of(p)))
                    .containsExactlyElementsOf(firstPlans);
            ReferenceData parsed = ReferenceData.parse(files);
            assertThat(platform.reference().network().points())
                    .isEqualTo(parsed.network().points());
            assertThat(platform.reference().network().sections())
                    .isEqualTo(parsed.network().sections());
            assertThat(platform.reference().network().structures())
                    .isEqualTo(parsed.network().structures());
            assertThat(platform.reference().rollingStock()).isEqualTo(parsed.rollingStock());
        }
    }
}
