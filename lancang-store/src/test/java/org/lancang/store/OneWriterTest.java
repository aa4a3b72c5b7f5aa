package org.lancang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.db.WriterLock;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesFixtures;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import org.lancang.store.sales.SalesRecords.SalesAnomaly;
import org.lancang.store.testing.TestDatabase;

/**
 * One database serves exactly one Lancang server: a second server on the same database is refused with a message
 * naming the first; and if stored data sells a seat twice all the same, the day's search stays up, the run is taken off
 * sale, the other runs sell on, and the operator is told.
 */
class OneWriterTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
    static final ClasspathDataFiles FILES = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);

    @Test
    void aSecondServerOnTheSameDatabaseIsRefusedNamingTheFirst() {
        DatabaseConfig db = TestDatabase.fresh();
        try (Platform first = Platform.start(db, FILES, CLOCK)) {
            assertThatThrownBy(() -> Platform.start(db, FILES, CLOCK).close())
                    .isInstanceOf(WriterLock.HeldByAnotherServer.class)
                    .hasMessageContaining("another Lancang server is using this database")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("started " + CLOCK.instant())
                    .hasMessageContaining("host ")
                    .hasMessageContaining("One database serves exactly one Lancang server");
            try (Platform tool = Platform.open(db, FILES, CLOCK)) {
                assertThat(tool.sales().journeys("KMS", "XSB", DAY, WorldCurrencies.CNY))
                        .as("a one-shot command still reads the database a server holds")
                        .isNotEmpty();
            }
        }
        try (Platform next = Platform.start(db, FILES, CLOCK)) {
            assertThat(next.sales().journeys("KMS", "XSB", DAY, WorldCurrencies.CNY))
                    .isNotEmpty();
        }
    }

    @Test
    void aSeatSoldTwiceInStoredDataTakesOnlyItsRunOffSaleAndIsReported() {
        DatabaseConfig db = TestDatabase.fresh();
        String first;
        String second;
        try (Platform p = Platform.start(db, FILES, CLOCK)) {
            p.users().register("pax", "Passenger", "a long password 1");
            first = hold(p, "C277", "DUP100001").id();
            second = hold(p, "C277", "DUP100002").id();
            // what a second writer on the same database would leave behind: two live bookings on one seat-segment
            Jdbi jdbi = p.database().jdbi();
            jdbi.useHandle(h -> h.createUpdate("UPDATE booking_passenger SET seat_index = (SELECT seat_index FROM"
                            + " booking_passenger WHERE booking_id = :a), car = (SELECT car FROM booking_passenger WHERE"
                            + " booking_id = :a), seat = (SELECT seat FROM booking_passenger WHERE booking_id = :a)"
                            + " WHERE booking_id = :b")
                    .bind("a", UUID.fromString(first))
                    .bind("b", UUID.fromString(second))
                    .execute());
        }
        try (Platform restarted = Platform.start(db, FILES, CLOCK)) {
            List<JourneyOption> day = restarted.sales().journeys("KMS", "XSB", DAY, WorldCurrencies.CNY);
            JourneyOption broken = option(day, "C277");
            assertThat(broken.onSale())
                    .as("the run with the double sale is off sale")
                    .isFalse();
            assertThat(broken.classes())
                    .allSatisfy(c -> assertThat(c.available()).isZero());
            assertThat(option(day, "C287").onSale())
                    .as("the other runs sell on")
                    .isTrue();
            assertThat(hold(restarted, "C287", "DUP100003").status().live()).isTrue();
            assertThatThrownBy(() -> hold(restarted, "C277", "DUP100004"))
                    .isInstanceOfSatisfying(
                            Clash.class, e -> assertThat(e.field()).isEqualTo("train"))
                    .hasMessageContaining("suspended");
            assertThat(restarted.sales().anomalies()).singleElement().satisfies((SalesAnomaly a) -> {
                assertThat(a.train()).isEqualTo("C277");
                assertThat(a.date()).isEqualTo(DAY);
                assertThat(a.bookings()).containsExactlyInAnyOrder(first, second);
            });
            assertThat(restarted.sales().reconcile(DAY).seatsSoldTwice()).hasSize(1);

            // the operator cancels one of the two: the run is loaded again, clean, and back on sale
            restarted.sales().cancel(second, "pax", false);
            assertThat(option(restarted.sales().journeys("KMS", "XSB", DAY, WorldCurrencies.CNY), "C277")
                            .onSale())
                    .isTrue();
            assertThat(restarted.sales().anomalies()).isEmpty();
            assertThat(hold(restarted, "C277", "DUP100005").status().live()).isTrue();
            assertThat(restarted.sales().reconcile(DAY).holds()).isTrue();
        }
    }

    private static JourneyOption option(List<JourneyOption> day, String train) {
        return day.stream().filter(o -> o.train().equals(train)).findFirst().orElseThrow();
    }

    private static Booking hold(Platform p, String train, String document) {
        return p.sales().hold("pax", "pax", SalesFixtures.oneTraveller(train, DAY, document));
    }
}
