package org.lancang.store.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.money.Money;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.Passenger;

/** Selling seats over the real database: journeys, holds, payment, refunds, expiry, rebuild, and a rush of buyers. */
class SalesServiceTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final TestClock CLOCK = TestClock.at("2026-11-28T02:00:00Z");
    static DatabaseConfig config;
    static Platform platform;

    @BeforeAll
    static void start() {
        config = TestDatabase.fresh();
        platform = Platform.start(config, new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), CLOCK);
        platform.users().register("pax", "Passenger", "a long password 1");
        platform.users().register("other", "Other", "a long password 2");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Passenger passport(String number) {
        return new Passenger(
                "Somchai Phommachanh", "PASSPORT", number, "LAO", LocalDate.of(1988, 3, 4), LocalDate.of(2030, 1, 1));
    }

    static HoldRequest hold(String train, String from, String to, SeatClass cls, Passenger... people) {
        return new HoldRequest(train, DAY, from, to, cls, null, 0, List.of(people), WorldCurrencies.CNY);
    }

    @Test
    void journeysListTrainsWithLocalTimesBorderCrossingSeatsAndFares() {
        List<JourneyOption> options = platform.sales().journeys("KMS", "VTE", DAY, WorldCurrencies.CNY);
        JourneyOption d887 = options.stream()
                .filter(o -> o.train().equals("D87"))
                .findFirst()
                .orElseThrow();
        assertThat(d887.crossesBorder()).isTrue();
        assertThat(d887.departure().toString()).isEqualTo("2026-12-01T08:00+08:00");
        assertThat(d887.arrival().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        var second = d887.classes().stream()
                .filter(c -> c.seatClass() == SeatClass.SECOND)
                .findFirst()
                .orElseThrow();
        assertThat(second.available())
                .as("the cross-border quota only: cars 3 and 4 and 64 seats of car 6")
                .isBetween(1, 2 * 115 + 64);
        assertThat(d887.classes().stream()
                        .filter(c -> c.seatClass() == SeatClass.FIRST)
                        .findFirst()
                        .orElseThrow()
                        .available())
                .as("the first-class car 2 is a cross-border car")
                .isPositive();
        assertThat(second.fare().total())
                .as("the 2023 Chinese part and the Lao part as raised in 2023: 492.93, sold in whole 0.5 yuan")
                .isEqualTo(Money.of("493.00", WorldCurrencies.CNY));
        assertThatThrownBy(() -> platform.sales().journeys("KMS", "XXX", DAY, WorldCurrencies.CNY))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void holdPayIdempotentlyTicketAndCancelWithTheFee() {
        int before = available("D87", "KMS", "VTE", SeatClass.SECOND);
        Booking held =
                platform.sales().hold("pax", "pax", hold("D87", "KMS", "VTE", SeatClass.SECOND, passport("P4455667")));
        assertThat(held.status()).isEqualTo(BookingStatus.HELD);
        assertThat(available("D87", "KMS", "VTE", SeatClass.SECOND)).isEqualTo(before - 1);
        Booking paid = platform.sales().pay(held.id(), "pax", false, "key-pay-0001");
        Booking again = platform.sales().pay(held.id(), "pax", false, "key-pay-0001");
        assertThat(paid.status()).isEqualTo(BookingStatus.TICKETED);
        assertThat(again.passengers().get(0).ticketNumber())
                .isEqualTo(paid.passengers().get(0).ticketNumber())
                .isNotNull();
        assertThatThrownBy(() -> platform.sales().find(held.id(), "other", false))
                .isInstanceOf(NotFound.class);
        Booking cancelled = platform.sales().cancel(held.id(), "pax", false);
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.feeMinor())
                .as("3 days before departure: 5 %")
                .isEqualTo(Math.round(paid.totalMinor() * 0.05));
        assertThat(available("D87", "KMS", "VTE", SeatClass.SECOND)).isEqualTo(before);
    }

    @Test
    void bookingIdsAreTimeOrderedVersion7AndTicketNumbersTakeTheirRandomEnd() {
        Booking first =
                platform.sales().hold("pax", "pax", hold("C287", "KMS", "PUE", SeatClass.SECOND, passport("E1000001")));
        CLOCK.advance(Duration.ofMillis(5));
        Booking second =
                platform.sales().hold("pax", "pax", hold("C287", "KMS", "PUE", SeatClass.SECOND, passport("E1000002")));
        UUID a = UUID.fromString(first.id());
        UUID b = UUID.fromString(second.id());
        assertThat(a.version()).isEqualTo(7);
        assertThat(a.getMostSignificantBits() >>> 16)
                .as("Unix milliseconds of the clock")
                .isEqualTo(CLOCK.millis() - 5);
        assertThat(first.id()).isLessThan(second.id());
        assertThat(a.getLeastSignificantBits()).isNotEqualTo(b.getLeastSignificantBits());
        Booking paid = platform.sales().pay(first.id(), "pax", false, "pay-order-1");
        String hex = first.id().replace("-", "").toUpperCase(Locale.ROOT);
        assertThat(paid.passengers().get(0).ticketNumber())
                .startsWith("C287-20261201-")
                .endsWith("-" + hex.substring(26));
    }

    @Test
    void aCrossBorderJourneyWithoutAPassportIsRefusedAndWritesNothing() {
        long bookings = count();
        Passenger id = new Passenger(
                "Wang Fang", "CHINESE_RESIDENT_ID", "530102199001011234", "CHN", LocalDate.of(1990, 1, 1), null);
        assertThatThrownBy(() -> platform.sales().hold("pax", "pax", hold("D87", "KMS", "VTE", SeatClass.SECOND, id)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("passengers[0].documentType"));
        assertThatThrownBy(() -> platform.sales()
                        .hold("pax", "pax", hold("D87", "VTE", "KMS", SeatClass.SECOND, passport("P1111111"))))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> platform.sales()
                        .hold("pax", "pax", hold("NOPE", "KMS", "VTE", SeatClass.SECOND, passport("P1111111"))))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("train"));
        HoldRequest tooFar = new HoldRequest(
                "C82",
                DAY.plusDays(30),
                "VTE",
                "LPB",
                SeatClass.SECOND,
                null,
                0,
                List.of(passport("P2222222")),
                WorldCurrencies.LAK);
        assertThatThrownBy(() -> platform.sales().hold("pax", "pax", tooFar))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("date"));
        assertThat(count()).isEqualTo(bookings);
    }

    @Test
    void oneDocumentCannotHoldTwoOverlappingJourneysOnOneRun() {
        platform.sales().hold("pax", "pax", hold("C82", "VTE", "LPB", SeatClass.SECOND, passport("P7777777")));
        assertThatThrownBy(() -> platform.sales()
                        .hold("pax", "pax", hold("C82", "VVG", "MXY", SeatClass.SECOND, passport("p7777777"))))
                .isInstanceOf(Clash.class);
        Booking later =
                platform.sales().hold("pax", "pax", hold("C82", "LPB", "BTN", SeatClass.SECOND, passport("P7777777")));
        assertThat(later.status()).isEqualTo(BookingStatus.HELD);
    }

    @Test
    void anUnpaidHoldIsReleasedWhenItsTimeIsUp() {
        int before = available("C84", "VTE", "LPB", SeatClass.FIRST);
        Booking held =
                platform.sales().hold("pax", "pax", hold("C84", "VTE", "LPB", SeatClass.FIRST, passport("P8888888")));
        assertThat(available("C84", "VTE", "LPB", SeatClass.FIRST)).isEqualTo(before - 1);
        CLOCK.advance(Duration.ofMinutes(16));
        try {
            assertThat(platform.sales().expireHolds()).isGreaterThanOrEqualTo(1);
            assertThat(platform.sales().find(held.id(), "pax", false).status()).isEqualTo(BookingStatus.EXPIRED);
            assertThat(available("C84", "VTE", "LPB", SeatClass.FIRST)).isEqualTo(before);
            assertThatThrownBy(() -> platform.sales().pay(held.id(), "pax", false, "key-late-0001"))
                    .isInstanceOf(Clash.class);
        } finally {
            CLOCK.advance(Duration.ofMinutes(-16));
        }
    }

    private static int available(String train, String from, String to, SeatClass cls) {
        return platform.sales().journeys(from, to, DAY, WorldCurrencies.CNY).stream()
                .filter(o -> o.train().equals(train))
                .findFirst()
                .orElseThrow()
                .classes()
                .stream()
                .filter(c -> c.seatClass() == cls)
                .findFirst()
                .orElseThrow()
                .available();
    }

    private static long count() {
        return platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM booking")
                        .mapTo(Long.class)
                        .one());
    }
}
