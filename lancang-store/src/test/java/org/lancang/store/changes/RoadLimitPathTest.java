package org.lancang.store.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.store.db.Database;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.TimetableChangeNotices;
import org.lancang.store.testing.RoadLimitFiles;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.ChangeRemedies;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.RoadClosureLimits;
import org.lancang.timetable.TrainPlan;

/**
 * The path a timetable change finds for a new train on the Bangkok line is refused when it would keep the road closed
 * on the shared bridge longer than the day's limit, naming ROAD_CLOSURE_LIMIT and the bridge as the binding
 * constraint (as a freight request's answer does); the road-closure report lists a day over its limit.
 */
class RoadLimitPathTest {
    private static final LocalDate DATE = LocalDate.of(2026, 12, 1);
    private static final ClasspathDataFiles SHIPPED = RoadLimitFiles.SHIPPED;
    private static Database database;

    @BeforeAll
    static void start() {
        database = Database.start(TestDatabase.fresh());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** The Bangkok line with the road's daily limit set to {@code perDay} minutes. */
    private static ServedNetwork withDailyLimit(long perDay) {
        return ServedNetwork.fromFiles(RoadLimitFiles.withDailyLimit(perDay));
    }

    /** The network's timetable changes on its own timetable, with its road-closure limits. */
    private static TimetableChangeService changes(ServedNetwork n) {
        TimetableService timetable = TimetableService.fromPlans(n.planner(), n.plans(), n::roadWindows);
        n.runsOn(timetable);
        return new TimetableChangeService(
                database.jdbi(),
                timetable,
                new TimetableChangeNotices(database.jdbi()),
                ChangeRemedies.defaults(),
                TestClock.at("2026-11-30T00:00:00Z"),
                RoadLimits.of(n));
    }

    private static PathRequest shuttleAt(ServedNetwork n, LocalTime earliest) {
        TrainPlan f01 = n.plan("F01").orElseThrow();
        ZoneId zone = n.network().serviceZone();
        return new PathRequest(
                "F96",
                f01.operator(),
                f01.trainType(),
                false,
                f01.calendar(),
                f01.from(),
                f01.to(),
                List.of(),
                DATE.atTime(earliest).atZone(zone).toInstant(),
                false,
                f01.allowancePercent(),
                Duration.ofHours(4));
    }

    @Test
    void aPathOverTheRoadsDailyLimitIsRefusedNamingTheBridgeAndOneWithinItIsFound() {
        ServedNetwork shipped = ServedNetwork.fromFiles(SHIPPED);
        long closed = shipped.roadClosures(DATE).get(0).roadClosed().toMinutes();
        assertThat(shipped.roadLimitBreaches(DATE)).isEmpty();
        InsertedPath free = changes(shipped).findPath(shuttleAt(shipped, LocalTime.of(17, 0)), List.of());
        assertThat(free.run()).isNotNull();

        ServedNetwork tight = withDailyLimit(closed + 1);
        String bridge = tight.roadRailBridges().bridges().get(0).name();
        TimetableChangeService tightChanges = changes(tight);
        assertThatThrownBy(() -> tightChanges.findPath(shuttleAt(tight, LocalTime.of(17, 0)), List.of()))
                .isInstanceOfSatisfying(Clash.class, e -> {
                    assertThat(e.code()).isEqualTo(RoadClosureLimits.REFUSED);
                    assertThat(e.field()).isEqualTo("earliestDeparture");
                    assertThat(e.getMessage())
                            .contains("binding constraint is ROAD_CLOSURE_LIMIT on " + bridge)
                            .contains((closed + 1) + " min a day");
                });
        assertThat(tight.roadLimitBreaches(DATE)).isEmpty();

        ServedNetwork over = withDailyLimit(closed - 1);
        assertThat(over.roadLimitBreaches(DATE)).singleElement().satisfies(b -> {
            assertThat(b.bridge()).isEqualTo(bridge);
            assertThat(b.actual().toMinutes()).isEqualTo(closed);
        });
    }
}
