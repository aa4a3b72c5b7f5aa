package org.lancang.store.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.ChangeRequest;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.WaitStatus;
import org.lancang.store.sales.SalesRecords.WaitlistEntry;
import org.lancang.store.sales.SalesRecords.WaitlistRequest;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.ticketing.BookingStatus;
import org.lancang.ticketing.Passenger;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;

/** Changing a booking to another train, date or class as one exchange, and the waitlist of a sold-out class. */
class ChangesAndWaitlistTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final TestClock CLOCK = TestClock.at("2026-11-28T02:00:00Z");
    static Platform platform;
    static SalesService sales;

    @BeforeAll
    static void start() {
        platform = Platform.start(TestDatabase.fresh(), new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), CLOCK);
        platform.users().register("pax", "Passenger", "a long password 1");
        platform.users().register("other", "Other", "a long password 2");
        sales = platform.sales();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aTicketMovesToAnotherDateAndClassAsOneExchangeAndADearerFareChargesTheDifferenceOnce() {
        Booking ticket = pay(sales.hold(
                "pax",
                "pax",
                new HoldRequest(
                        "D87",
                        DAY,
                        "KMS",
                        "VTE",
                        SeatClass.SECOND,
                        null,
                        0,
                        List.of(SalesServiceTest.passport("PC100001")),
                        WorldCurrencies.CNY)));
        int oldSecond = available("D87", DAY, "KMS", "VTE", SeatClass.SECOND);
        int newFirst = available("D87", DAY.plusDays(1), "KMS", "VTE", SeatClass.FIRST);

        Booking moved = sales.change(
                ticket.id(),
                "pax",
                false,
                new ChangeRequest("D87", DAY.plusDays(1), SeatClass.FIRST, null, 0, "change-key-0001"));

        assertThat(moved.status()).isEqualTo(BookingStatus.TICKETED);
        assertThat(moved.date()).isEqualTo(DAY.plusDays(1));
        assertThat(moved.seatClass()).isEqualTo(SeatClass.FIRST);
        assertThat(moved.changedFrom()).isEqualTo(ticket.id());
        assertThat(moved.passengers().get(0).ticketNumber()).startsWith("D87-20261202-02");
        assertThat(moved.totalMinor()).isGreaterThan(ticket.totalMinor());
        Booking old = sales.find(ticket.id(), "pax", false);
        assertThat(old.status()).isEqualTo(BookingStatus.CHANGED);
        assertThat(old.changedTo()).isEqualTo(moved.id());
        assertThat(old.changeDifferenceMinor()).isEqualTo(moved.totalMinor() - ticket.totalMinor());
        assertThat(available("D87", DAY, "KMS", "VTE", SeatClass.SECOND)).isEqualTo(oldSecond + 1);
        assertThat(available("D87", DAY.plusDays(1), "KMS", "VTE", SeatClass.FIRST))
                .isEqualTo(newFirst - 1);
        assertThat(sales.change(
                                ticket.id(),
                                "pax",
                                false,
                                new ChangeRequest("D87", DAY.plusDays(1), SeatClass.FIRST, null, 0, "change-key-0001"))
                        .id())
                .as("a retry gives the same booking")
                .isEqualTo(moved.id());
        assertThat(available("D87", DAY.plusDays(1), "KMS", "VTE", SeatClass.FIRST))
                .isEqualTo(newFirst - 1);
        assertThatThrownBy(() -> sales.change(
                        ticket.id(),
                        "pax",
                        false,
                        new ChangeRequest("D87", DAY, SeatClass.SECOND, null, 0, "change-key-0002")))
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("status"));

        // Back to second class: cheaper, so the difference is refunded less the 5 % fee (about 4 days before).
        Booking back = sales.change(
                moved.id(), "pax", false, new ChangeRequest(null, null, SeatClass.SECOND, null, 0, "change-key-0003"));
        long cheaper = moved.totalMinor() - back.totalMinor();
        assertThat(sales.find(moved.id(), "pax", false).changeDifferenceMinor())
                .isEqualTo(-(cheaper - Math.round(cheaper * 0.05)));
        assertThat(back.date()).isEqualTo(DAY.plusDays(1));
        assertThat(available("D87", DAY.plusDays(1), "KMS", "VTE", SeatClass.FIRST))
                .isEqualTo(newFirst);
    }

    @Test
    void aChangeIntoASoldOutClassKeepsTheOldSeatAndBadChangesAreNamed() {
        List<Booking> fill = fillFirstClass("C277", DAY, "PD");
        Booking ticket = pay(sales.hold(
                "pax",
                "pax",
                new HoldRequest(
                        "C277",
                        DAY.plusDays(1),
                        "KMS",
                        "XSB",
                        SeatClass.SECOND,
                        null,
                        0,
                        List.of(resident("530102199001010001")),
                        WorldCurrencies.CNY)));
        int before = available("C277", DAY.plusDays(1), "KMS", "XSB", SeatClass.SECOND);
        assertThatThrownBy(() -> sales.change(
                        ticket.id(),
                        "pax",
                        false,
                        new ChangeRequest("C277", DAY, SeatClass.FIRST, null, 0, "change-key-1001")))
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("seatClass"));
        assertThat(sales.find(ticket.id(), "pax", false).status()).isEqualTo(BookingStatus.TICKETED);
        assertThat(available("C277", DAY.plusDays(1), "KMS", "XSB", SeatClass.SECOND))
                .isEqualTo(before);
        assertThatThrownBy(() -> sales.change(
                        ticket.id(), "pax", false, new ChangeRequest("C82", DAY, null, null, 0, "change-key-1003")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> sales.change(
                        ticket.id(),
                        "pax",
                        false,
                        new ChangeRequest("C277", DAY.plusDays(40), null, null, 0, "change-key-1004")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("date"));
        assertThatThrownBy(() -> sales.change(
                        ticket.id(), "pax", false, new ChangeRequest(null, null, null, null, 0, "change-key-1005")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("train"));
        assertThatThrownBy(() ->
                        sales.change(ticket.id(), "pax", false, new ChangeRequest("C279", DAY, null, null, 0, "short")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
        assertThatThrownBy(() -> sales.change(
                        ticket.id(), "other", false, new ChangeRequest("C279", DAY, null, null, 0, "change-key-1006")))
                .as("another passenger's booking does not exist for them")
                .isInstanceOf(NotFound.class);
        assertThat(sales.find(ticket.id(), "pax", false).status()).isEqualTo(BookingStatus.TICKETED);
        assertThat(fill).hasSize(12);
    }

    @Test
    void releasedSeatsGoToTheWaitlistInOrderAsHoldsThePassengerIsToldAbout() {
        assertThatThrownBy(() -> sales.joinWaitlist("other", waitFor("C279", resident("530102199001010100"))))
                .as("seats still on sale")
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("seatClass"));
        List<Booking> fill = fillFirstClass("C279", DAY, "WD");
        assertThatThrownBy(() -> sales.hold(
                        "pax",
                        "pax",
                        new HoldRequest(
                                "C279",
                                DAY,
                                "KMS",
                                "XSB",
                                SeatClass.FIRST,
                                null,
                                0,
                                List.of(resident("530102199001010101")),
                                WorldCurrencies.CNY)))
                .isInstanceOf(Clash.class);

        WaitlistEntry first = sales.joinWaitlist("other", waitFor("C279", resident("530102199001010102")));
        WaitlistEntry second = sales.joinWaitlist("pax", waitFor("C279", resident("530102199001010103")));
        WaitlistEntry third = sales.joinWaitlist("pax", waitFor("C279", resident("530102199001010104")));
        assertThat(first.status()).isEqualTo(WaitStatus.WAITING);
        assertThat(List.of(first.ahead(), second.ahead(), third.ahead())).containsExactly(0, 1, 2);
        assertThat(sales.cancelWaitlist(third.id(), "pax", false).status()).isEqualTo(WaitStatus.CANCELLED);

        Booking single = fill.get(fill.size() - 1); // the one-passenger hold
        sales.cancel(single.id(), "pax", false);
        WaitlistEntry offered = sales.waitlistEntry(first.id(), "other", false);
        assertThat(offered.status()).isEqualTo(WaitStatus.OFFERED);
        Booking offer = sales.find(offered.bookingId(), "other", false);
        assertThat(offer.status()).isEqualTo(BookingStatus.HELD);
        assertThat(offer.passengers().get(0).passenger().documentNumber()).isEqualTo("530102199001010102");
        assertThat(sales.notificationsOf("other"))
                .singleElement()
                .satisfies(n -> assertThat(n.bookingId()).isEqualTo(offer.id()))
                .satisfies(n -> assertThat(n.message()).contains("C279").contains("pay"));
        assertThat(sales.waitlistEntry(second.id(), "pax", false)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(WaitStatus.WAITING);
            assertThat(e.ahead()).isZero();
        });
        pay(offer, "other");
        assertThat(sales.waitlistEntry(first.id(), "other", false).status()).isEqualTo(WaitStatus.FULFILLED);

        // Five seats come back: the second entry gets one; the cancelled third gets nothing; four go on sale.
        sales.cancel(fill.get(0).id(), "pax", false);
        WaitlistEntry secondOffered = sales.waitlistEntry(second.id(), "pax", false);
        assertThat(secondOffered.status()).isEqualTo(WaitStatus.OFFERED);
        assertThat(sales.waitlistEntry(third.id(), "pax", false).status()).isEqualTo(WaitStatus.CANCELLED);
        assertThat(available("C279", DAY, "KMS", "XSB", SeatClass.FIRST)).isEqualTo(4);

        // Unpaid, the offer lapses like any hold and its seat is back on sale.
        CLOCK.advance(Duration.ofMinutes(16));
        try {
            sales.expireHolds();
            assertThat(sales.waitlistEntry(second.id(), "pax", false).status()).isEqualTo(WaitStatus.EXPIRED);
            assertThat(sales.find(secondOffered.bookingId(), "pax", false).status())
                    .isEqualTo(BookingStatus.EXPIRED);
        } finally {
            CLOCK.advance(Duration.ofMinutes(-16));
        }
        assertThat(sales.waitlistOf("pax")).extracting(WaitlistEntry::id).containsExactly(third.id(), second.id());
        assertThatThrownBy(() -> sales.waitlistEntry(first.id(), "pax", false)).isInstanceOf(NotFound.class);
    }

    @Test
    void aWaitlistRequestIsCheckedLikeABooking() {
        long entries = platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM waitlist_entry")
                        .mapTo(Long.class)
                        .one());
        assertThatThrownBy(() -> sales.joinWaitlist(
                        "pax",
                        new WaitlistRequest(
                                "D87",
                                DAY,
                                "KMS",
                                "VTE",
                                SeatClass.SECOND,
                                List.of(resident("530102199001010200")),
                                WorldCurrencies.CNY)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("passengers[0].documentType"));
        assertThatThrownBy(() -> sales.joinWaitlist(
                        "pax",
                        new WaitlistRequest(
                                "D87",
                                DAY,
                                "VTE",
                                "KMS",
                                SeatClass.SECOND,
                                List.of(SalesServiceTest.passport("PW000001")),
                                WorldCurrencies.CNY)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> sales.joinWaitlist(
                        "pax",
                        new WaitlistRequest(
                                "D87", DAY, "KMS", "VTE", SeatClass.SECOND, List.of(), WorldCurrencies.CNY)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("passengers"));
        long after = platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM waitlist_entry")
                        .mapTo(Long.class)
                        .one());
        assertThat(after).isEqualTo(entries);
    }

    /** Sells every first-class seat KMS–XSB: eleven holds of five, then one of one (the last in the list). */
    private static List<Booking> fillFirstClass(String train, LocalDate date, String prefix) {
        List<Booking> out = new ArrayList<>();
        int n = 0;
        for (int size : new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1}) {
            List<Passenger> group = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                group.add(new Passenger(
                        "Filler " + n,
                        "CHINESE_RESIDENT_ID",
                        "5301021990" + prefix + String.format("%06d", n++),
                        "CHN",
                        LocalDate.of(1990, 1, 1),
                        null));
            }
            out.add(sales.hold(
                    "pax",
                    "pax",
                    new HoldRequest(train, date, "KMS", "XSB", SeatClass.FIRST, null, 0, group, WorldCurrencies.CNY)));
        }
        assertThat(available(train, date, "KMS", "XSB", SeatClass.FIRST)).isZero();
        return out;
    }

    private static WaitlistRequest waitFor(String train, Passenger p) {
        return new WaitlistRequest(train, DAY, "KMS", "XSB", SeatClass.FIRST, List.of(p), WorldCurrencies.CNY);
    }

    private static Passenger resident(String number) {
        return new Passenger("Li Wei", "CHINESE_RESIDENT_ID", number, "CHN", LocalDate.of(1990, 1, 1), null);
    }

    private static Booking pay(Booking held) {
        return pay(held, "pax");
    }

    private static Booking pay(Booking held, String owner) {
        return sales.pay(held.id(), owner, false, "pay-" + held.id());
    }

    private static int available(String train, LocalDate date, String from, String to, SeatClass cls) {
        return sales.journeys(from, to, date, WorldCurrencies.CNY).stream()
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

    @Test
    void salesFollowTheTimetableWhenADepartureMoves() {
        Booking held = sales.hold(
                "pax",
                "pax",
                new HoldRequest(
                        "C281",
                        DAY,
                        "KMS",
                        "PUE",
                        SeatClass.SECOND,
                        null,
                        0,
                        List.of(resident("530102199001010300")),
                        WorldCurrencies.CNY));
        OffsetDateTime before = departure("C281");
        int seats = available("C281", DAY, "KMS", "PUE", SeatClass.SECOND);
        LocalTime planned = platform.timetable().requirePlan("C281", "train").departure();
        String change = platform.changes()
                .publishNew(
                        new TimetableChange(
                                "C281 40 minutes later",
                                ChangeOrigin.PLANNER,
                                ChangeScope.on(DAY),
                                List.of(new Edit.Move("C281", planned.plusMinutes(40)))),
                        "planner",
                        true)
                .change()
                .id();
        try {
            assertThat(departure("C281")).isEqualTo(before.plusMinutes(40));
            assertThat(sales.run(platform.timetable().requirePlan("C281", DAY, "train"), DAY)
                            .departures
                            .get(0))
                    .isEqualTo(before.plusMinutes(40).toInstant());
            assertThat(sales.find(held.id(), "pax", false).status())
                    .as("the sold seat stays sold")
                    .isEqualTo(BookingStatus.HELD);
            assertThat(available("C281", DAY, "KMS", "PUE", SeatClass.SECOND)).isEqualTo(seats);
        } finally {
            platform.changes().undo(change, "planner");
        }
        assertThat(departure("C281")).isEqualTo(before);
    }

    private static OffsetDateTime departure(String train) {
        return sales.journeys("KMS", "PUE", DAY, WorldCurrencies.CNY).stream()
                .filter(o -> o.train().equals(train))
                .findFirst()
                .orElseThrow()
                .departure();
    }
}
