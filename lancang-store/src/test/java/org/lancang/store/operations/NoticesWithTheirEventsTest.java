package org.lancang.store.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.operations.CallForecast;
import org.lancang.operations.EventKind;
import org.lancang.operations.RunningEvent;
import org.lancang.operations.TrainForecast;
import org.lancang.operations.TrainPriority;
import org.lancang.store.Platform;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesFixtures;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;

/**
 * The events of a batch and the notices they cause are committed together or not at all: when the commit fails (here
 * the database refuses the notice), no event is stored, no notice is sent, nothing is acknowledged and the forecast in
 * memory is as before; the same batch again, once the database takes it, stores both.
 */
class NoticesWithTheirEventsTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    @Test
    void eventsAndTheirNoticesAreCommittedTogetherOrNotAtAll() {
        TestClock clock = TestClock.at("2026-12-04T22:00:00Z"); // 06:00 in China on the day
        try (Platform platform =
                Platform.start(TestDatabase.fresh(), new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), clock)) {
            OperationsService ops = platform.operations();
            // the first passenger train of the day that leaves Kunming South and stops at Xishuangbanna (the journey
            // of the sales fixture)
            TrainForecast train = ops.forecast(DAY).stream()
                    .filter(t -> t.serviceDate().equals(DAY) && t.priority() == TrainPriority.PASSENGER)
                    .filter(t -> call(t, "KMS") != null
                            && call(t, "KMS").plannedDeparture() != null
                            && call(t, "XSB") != null
                            && call(t, "XSB").plannedArrival() != null
                            && call(t, "XSB").stops())
                    .min((a, b) -> call(a, "KMS")
                            .plannedDeparture()
                            .compareTo(call(b, "KMS").plannedDeparture()))
                    .orElseThrow();
            platform.users().add("pax", "Passenger", "a long password", List.of("PASSENGER"));
            platform.sales().hold("pax", "pax", SalesFixtures.oneTraveller(train.train(), DAY, "NOTICE100001"));
            Instant late = call(train, "KMS").plannedDeparture().plusSeconds(45 * 60);
            clock.set(late.plusSeconds(60).toString());
            RunningEvent event = new RunningEvent(train.train(), DAY, "KMS", EventKind.DEPARTURE, late, "notices test");

            sql(
                    platform,
                    "CREATE FUNCTION refuse_notice() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full';"
                            + " END $$ LANGUAGE plpgsql");
            sql(
                    platform,
                    "CREATE TRIGGER refuse_notice BEFORE INSERT ON notification FOR EACH ROW"
                            + " EXECUTE FUNCTION refuse_notice()");
            assertThatThrownBy(() -> ops.ingest(List.of(event), "feed", false)).hasMessageContaining("disk full");
            assertThat(count(platform, "running_event")).isZero();
            assertThat(count(platform, "notification")).isZero();
            assertThat(count(platform, "forecast_notice")).isZero();
            assertThat(ops.events(DAY)).isEmpty();
            assertThat(call(ops.train(train.train(), DAY), "XSB").arrivalDelaySeconds())
                    .as("the forecast in memory is as before")
                    .isZero();

            sql(platform, "DROP TRIGGER refuse_notice ON notification");
            assertThat(ops.ingest(List.of(event), "feed", false).accepted()).isEqualTo(1);
            assertThat(count(platform, "running_event")).isEqualTo(1);
            assertThat(call(ops.train(train.train(), DAY), "XSB").arrivalDelaySeconds())
                    .isGreaterThanOrEqualTo(15 * 60);
            assertThat(platform.sales().notificationsOf("pax"))
                    .extracting(n -> n.kind())
                    .containsOnly("FORECAST")
                    .isNotEmpty();
        }
    }

    private static CallForecast call(TrainForecast t, String point) {
        return t.calls().stream()
                .filter(c -> c.point().equals(point))
                .findFirst()
                .orElse(null);
    }

    private static void sql(Platform platform, String statement) {
        platform.database().jdbi().useHandle(h -> h.execute(statement));
    }

    private static long count(Platform platform, String table) {
        return platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }
}
