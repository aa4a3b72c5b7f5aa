package org.lancang.store.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Country;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import org.lancang.store.sales.SalesService;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.ticketing.ChangeRemedies.Remedy;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.RefundRules;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;

/**
 * Timetable changes over the real database and sales: a move "on 2026-12-04" moves that date's run and its tickets
 * only, its passengers are told and their fees waived, an added path runs on its date only, a cancelled run sells
 * nothing, and an undo puts everything back.
 */
class TimetableChangeServiceTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    static final TestClock CLOCK = TestClock.at("2026-12-01T02:00:00Z");
    static DatabaseConfig database;
    static Platform platform;
    static SalesService sales;
    static TimetableChangeService changes;
    static int documents;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
        platform = Platform.start(database, new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), CLOCK);
        platform.users().register("pax", "Passenger", "a long password 1");
        sales = platform.sales();
        changes = platform.changes();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /**
     * A daily domestic passenger train from Vientiane calling at Luang Prabang with second class (looked up: numbers
     * change with the data; a cross-border train keeps its seats for cross-border passengers, so a domestic ticket may
     * find none).
     */
    private static TrainPlan laoTrain(int skip) {
        return platform.timetable().plans().stream()
                .filter(p -> p.passenger() && p.from().equals("VTE") && p.callsAt("LPB"))
                .filter(p -> country(p.from()).equals(country(p.to())))
                .filter(p -> p.calendar().days().size() == 7)
                .filter(p -> sellsSecondClass(p.number()))
                .skip(skip)
                .findFirst()
                .orElseThrow();
    }

    /** Some trains carry no second class (a loco-hauled train has its own classes): the test books second. */
    private static boolean sellsSecondClass(String train) {
        return sales.journeys("VTE", "LPB", DAY, WorldCurrencies.LAK).stream()
                .filter(o -> o.train().equals(train))
                .flatMap(o -> o.classes().stream())
                .anyMatch(c -> c.seatClass() == SeatClass.SECOND && c.available() > 0);
    }

    private static Country country(String point) {
        return platform.reference().network().point(point).orElseThrow().country();
    }

    private static Booking ticket(String train, LocalDate date) {
        Booking held = sales.hold(
                "pax",
                "pax",
                new HoldRequest(
                        train,
                        date,
                        "VTE",
                        "LPB",
                        SeatClass.SECOND,
                        null,
                        0,
                        List.of(new Passenger(
                                "Noy K.",
                                "LAO_ID_CARD",
                                "LA" + (1_000_000 + ++documents),
                                "LAO",
                                LocalDate.of(1990, 1, 1),
                                null)),
                        WorldCurrencies.LAK));
        return sales.pay(held.id(), "pax", false, "pay-" + held.id());
    }

    private static Optional<OffsetDateTime> departure(String train, LocalDate date) {
        return sales.journeys("VTE", "LPB", date, WorldCurrencies.LAK).stream()
                .filter(o -> o.train().equals(train))
                .findFirst()
                .map(JourneyOption::departure);
    }

    private static TimetableChange change(ChangeScope scope, Edit... edits) {
        return new TimetableChange("test", ChangeOrigin.PLANNER, scope, List.of(edits));
    }

    private static long rows(String table) {
        return platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }

    private static List<String> notices(String bookingId) {
        return platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT message FROM notification WHERE kind = 'TIMETABLE_CHANGE'"
                                + " AND booking_id = CAST(:b AS uuid)")
                        .bind("b", bookingId)
                        .mapTo(String.class)
                        .list());
    }

    @Test
    void aMoveOnOneDateMovesThatRunAndItsTicketsOnlyTellsItsPassengersAndWaivesTheirFee() {
        String train = laoTrain(0).number();
        Booking onTheDay = ticket(train, DAY);
        Booking dayAfter = ticket(train, DAY.plusDays(1));
        OffsetDateTime was = departure(train, DAY).orElseThrow();
        OffsetDateTime wasAfter = departure(train, DAY.plusDays(1)).orElseThrow();
        LocalTime later = laoTrain(0).departure().plusMinutes(60);

        ChangeRecord draft = changes.draft(change(ChangeScope.on(DAY), new Edit.Move(train, later)), "planner");
        assertThat(draft.status()).isEqualTo(ChangeStatus.DRAFT);
        assertThat(departure(train, DAY)).as("a draft changes nothing").contains(was);
        ChangeImpact impact = changes.impact(draft.id());
        assertThat(impact.bookings()).singleElement().satisfies(t -> {
            assertThat(t.bookingId()).isEqualTo(onTheDay.id());
            assertThat(t.date()).isEqualTo(DAY);
            assertThat(t.passengers()).isEqualTo(1);
            assertThat(t.departureShiftMinutes()).isEqualTo(60);
            assertThat(t.arrivalShiftMinutes()).isEqualTo(60);
            assertThat(t.remedy()).isEqualTo(Remedy.FREE_CHANGE_OR_REFUND);
        });
        RefundRules.Quote feeBefore = sales.refundQuote(onTheDay.id(), "pax", false);
        assertThat(feeBefore.fee().minor()).isPositive();

        TimetableChangeService.Outcome published = changes.publish(draft.id(), "planner", true);

        assertThat(published.change().status()).isEqualTo(ChangeStatus.PUBLISHED);
        assertThat(published.change().publishedBy()).isEqualTo("planner");
        assertThat(published.change().notified()).isEqualTo(1);
        assertThat(departure(train, DAY)).contains(was.plusMinutes(60));
        assertThat(departure(train, DAY.plusDays(1)))
                .as("the next day is untouched")
                .contains(wasAfter);
        assertThat(departure(train, DAY.minusDays(1)).orElseThrow().toLocalTime())
                .isEqualTo(was.toLocalTime());
        assertThat(notices(onTheDay.id()))
                .singleElement()
                .asString()
                .contains("+60 min")
                .contains("free of fee");
        assertThat(notices(dayAfter.id())).isEmpty();
        assertThat(sales.refundQuote(onTheDay.id(), "pax", false).fee().minor())
                .as("fee waived")
                .isZero();
        assertThat(sales.refundQuote(dayAfter.id(), "pax", false).fee().minor())
                .as("the other date's ticket keeps its fee")
                .isPositive();
        assertThat(changes.impact(draft.id()).bookings()).hasSize(1); // what it did, read back

        changes.undo(draft.id(), "planner2");
        assertThat(changes.get(draft.id()).status()).isEqualTo(ChangeStatus.UNDONE);
        assertThat(changes.get(draft.id()).undoneBy()).isEqualTo("planner2");
        assertThat(departure(train, DAY)).contains(was);
        assertThat(notices(onTheDay.id()))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("withdrawn"));
    }

    @Test
    void anAddedPathRunsOnItsDateOnlyAndACancelledRunSellsNothing() {
        TrainPlan template = laoTrain(1);
        TrainPlan freight = new TrainPlan(
                "X9301",
                template.operator(),
                "FREIGHT",
                false,
                ServiceCalendar.daily(DAY, DAY.plusYears(1)),
                "BTN",
                "VTS",
                LocalTime.of(1, 30),
                List.of(),
                List.of(),
                false,
                5,
                "");
        ChangeRecord added = changes.publishNew(change(ChangeScope.on(DAY), new Edit.Add(freight)), "planner", true)
                .change();
        assertThat(platform.timetable().plan("X9301", DAY)).isPresent();
        assertThat(platform.timetable().plan("X9301", DAY.plusDays(1))).isEmpty();
        assertThat(platform.timetable().plan("X9301"))
                .as("not a train of the base plan")
                .isEmpty();
        assertThat(platform.timetable().day(DAY.plusDays(1)).runsOfTheDay())
                .noneMatch(r -> r.plan().number().equals("X9301"));
        assertThat(platform.timetable().day(DAY).runsOfTheDay())
                .anyMatch(r -> r.plan().number().equals("X9301"));
        changes.undo(added.id(), "planner");
        assertThat(platform.timetable().plan("X9301", DAY)).isEmpty();

        String train = template.number();
        Booking sold = ticket(train, DAY.plusDays(2));
        ChangeRecord cancel = changes.draft(change(ChangeScope.on(DAY.plusDays(2)), new Edit.Cancel(train)), "planner");
        assertThat(changes.impact(cancel.id()).bookings()).singleElement().satisfies(t -> {
            assertThat(t.cancelled()).isTrue();
            assertThat(t.remedy()).isEqualTo(Remedy.FREE_CHANGE_OR_REFUND);
        });
        changes.publish(cancel.id(), "planner", false);
        assertThat(departure(train, DAY.plusDays(2))).isEmpty();
        assertThat(departure(train, DAY.plusDays(3))).isPresent();
        assertThatThrownBy(() -> ticket(train, DAY.plusDays(2)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("date"));
        Booking refunded = sales.cancel(sold.id(), "pax", false);
        assertThat(refunded.feeMinor()).isZero();
        assertThat(refunded.refundMinor()).isEqualTo(sold.totalMinor());
        changes.undo(cancel.id(), "planner");
        assertThat(departure(train, DAY.plusDays(2))).isPresent();
    }

    @Test
    void badChangesAreRefusedNamingTheFieldAndWriteNothing() {
        long before = rows("timetable_change") + rows("timetable_change_edit");
        assertThatThrownBy(() ->
                        changes.draft(change(ChangeScope.on(DAY), new Edit.Move("NOPE1", LocalTime.NOON)), "planner"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("edits[0].train"));
        TrainPlan any = laoTrain(0);
        assertThatThrownBy(() -> changes.draft(change(ChangeScope.on(DAY), new Edit.Add(any)), "planner"))
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("edits[0].number"));
        TrainPlan nowhere = any.withCalendar(ServiceCalendar.daily(DAY, DAY))
                .withStopsAndMeets(List.of(new StopRequest("NOWHERE", Duration.ZERO)), List.of());
        assertThatThrownBy(() -> changes.draft(
                        change(ChangeScope.on(DAY), new Edit.ReplaceStops(any.number(), nowhere.stops(), List.of())),
                        "planner"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).startsWith("edits[0]."));
        assertThat(rows("timetable_change") + rows("timetable_change_edit")).isEqualTo(before);
        ChangeRecord draft =
                changes.draft(change(ChangeScope.on(DAY), new Edit.Move(any.number(), any.departure())), "planner");
        changes.discard(draft.id(), "planner");
        assertThatThrownBy(() -> changes.publish(draft.id(), "planner", false))
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> changes.undo(draft.id(), "planner"))
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("status"));
    }

    @Test
    void aChangeThatBringsConflictsIsPublishedOnlyWhenTheyAreAccepted() {
        // two trains leaving the same origin at the same minute on a single line cannot both run
        TrainPlan first = laoTrain(0);
        TrainPlan other = platform.timetable().plans().stream()
                .filter(p -> p.from().equals(first.from()) && !p.number().equals(first.number()))
                .filter(p -> p.calendar().days().size() == 7)
                .findFirst()
                .orElseThrow();
        LocalDate date = DAY.plusDays(5);
        ChangeRecord draft = changes.draft(
                change(ChangeScope.on(date), new Edit.Move(other.number(), first.departure())), "planner");
        TimetableChangeService.Preview preview = changes.preview(draft.id(), date);
        assertThat(preview.newConflicts()).isNotEmpty();
        assertThat(preview.scope().newConflicts()).containsKey(date);
        assertThatThrownBy(() -> changes.publish(draft.id(), "planner", false))
                .isInstanceOfSatisfying(Clash.class, e -> assertThat(e.field()).isEqualTo("acceptConflicts"));
        assertThat(changes.get(draft.id()).status()).isEqualTo(ChangeStatus.DRAFT);
        changes.discard(draft.id(), "planner");
    }

    @Test
    void publishedChangesComeBackAfterARestart() {
        TrainPlan train = laoTrain(0);
        LocalDate date = DAY.plusDays(6);
        ChangeRecord moved = changes.publishNew(
                        change(
                                ChangeScope.on(date),
                                new Edit.Move(train.number(), train.departure().plusMinutes(3))),
                        "planner",
                        true)
                .change();
        // one database serves one server: this one stops before the next starts (and then serves the other tests)
        platform.close();
        Platform again = Platform.start(database, new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), CLOCK);
        platform = again;
        sales = again.sales();
        changes = again.changes();
        assertThat(again.changes().get(moved.id()).status()).isEqualTo(ChangeStatus.PUBLISHED);
        assertThat(again.timetable().plan(train.number(), date).orElseThrow().departure())
                .isEqualTo(train.departure().plusMinutes(3));
        assertThat(again.timetable()
                        .plan(train.number(), date.plusDays(1))
                        .orElseThrow()
                        .departure())
                .isEqualTo(train.departure());
        changes.undo(moved.id(), "planner");
    }
}
