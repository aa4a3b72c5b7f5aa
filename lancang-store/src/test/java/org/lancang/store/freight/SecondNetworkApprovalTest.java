package org.lancang.store.freight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.freight.PathAsk;
import org.lancang.store.Platform;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.freight.FreightRecords.RequestStatus;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestClock;
import org.lancang.timetable.DayPlan;

/**
 * A freight path approved on a network read from its folder has no timetable change to live in: it is kept with its
 * request and laid on its date again when the platform starts, so the network's day still has the train, without a
 * conflict, after a restart.
 */
class SecondNetworkApprovalTest {
    static final String NETWORK = "vientiane-bangkok";
    static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    private static Platform start(DatabaseConfig config) {
        return Platform.start(
                config,
                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                List.of(new ClasspathDataFiles(NETWORK)),
                TestClock.at("2026-12-05T00:00:00Z"));
    }

    private static DayPlan day(Platform p) {
        return p.networks().find(NETWORK).orElseThrow().day(DAY);
    }

    private static boolean runs(DayPlan day, String train) {
        return day.runsOfTheDay().stream().anyMatch(r -> r.plan().number().equals(train));
    }

    @Test
    void anApprovedTrainIsInTheNetworksDayAndStaysThereAfterARestart(@TempDir Path dir) {
        DatabaseConfig config = DatabaseConfig.embedded(dir.resolve("postgres"));
        String train;
        int conflicts;
        try (Platform first = start(config)) {
            FreightService freight = first.networkFreight().named(NETWORK, "network");
            conflicts = day(first).conflicts().size();
            var answered = freight.request(
                    "natha.shipper",
                    new PathAsk("TNL", "NTA", Instant.parse("2026-12-06T09:30:00Z"), null, 700, 380, false));
            assertThat(answered.request().status())
                    .as(String.valueOf(answered.answer().binding()))
                    .isEqualTo(RequestStatus.PROPOSED);
            train = answered.request().train();
            assertThat(runs(day(first), train)).isFalse();
            assertThat(freight.approve(answered.request().id(), "srt.desk").status())
                    .isEqualTo(RequestStatus.APPROVED);
            assertThat(runs(day(first), train)).isTrue();
            assertThat(day(first).conflicts()).hasSize(conflicts);
            // home's day does not have it
            assertThat(runs(first.timetable().day(DAY), train)).isFalse();
        }
        try (Platform second = start(config)) {
            assertThat(runs(day(second), train)).as("laid again at start").isTrue();
            assertThat(day(second).conflicts()).hasSize(conflicts);
            assertThat(runs(second.networks().find(NETWORK).orElseThrow().day(DAY.plusDays(1)), train))
                    .as("on its date only")
                    .isFalse();
            assertThat(second.networkFreight().named(NETWORK, "network").trains(DAY))
                    .anyMatch(t -> t.train().equals(train));
        }
    }
}
