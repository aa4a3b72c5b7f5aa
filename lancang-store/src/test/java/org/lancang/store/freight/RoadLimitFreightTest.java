package org.lancang.store.freight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.freight.FreightData;
import org.lancang.freight.GoodsCodes;
import org.lancang.freight.PathAnswer;
import org.lancang.freight.PathAsk;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.changes.RoadLimits;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.db.Database;
import org.lancang.store.freight.FreightRecords.RequestStatus;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.TimetableChangeNotices;
import org.lancang.store.testing.RoadLimitFiles;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.ChangeRemedies;

/**
 * A freight path on the Bangkok line that would keep the road across the shared bridge closed longer than the
 * network's daily limit gets no path: the answer names the bridge as the binding constraint. With the road's daily
 * limit one minute above the day's own closures, the shuttle path (about 15 min of closure) is refused; with the
 * shipped limit it is found.
 */
class RoadLimitFreightTest {
    static final LocalDate DATE = LocalDate.of(2026, 12, 6);
    static final ClasspathDataFiles SHIPPED = RoadLimitFiles.SHIPPED;
    static Database database;

    @BeforeAll
    static void start() {
        database = Database.start(TestDatabase.fresh());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** The network's freight on its own timetable, with the road's daily limit {@code perDay} (null: as shipped). */
    private static FreightService freight(Long perDay) {
        DataFiles files = perDay == null ? SHIPPED : RoadLimitFiles.withDailyLimit(perDay);
        ServedNetwork n = ServedNetwork.fromFiles(files);
        TimetableService timetable = TimetableService.fromPlans(n.planner(), n.plans(), n::roadWindows);
        n.runsOn(timetable);
        GoodsCodes codes =
                GoodsCodes.parse(new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS).read(GoodsCodes.FILE));
        TimetableChangeService changes = new TimetableChangeService(
                database.jdbi(),
                timetable,
                new TimetableChangeNotices(database.jdbi()),
                ChangeRemedies.defaults(),
                TestClock.at("2026-12-05T00:00:00Z"),
                RoadLimits.of(n));
        return FreightService.onNetwork(
                database.jdbi(),
                n,
                timetable,
                changes,
                FreightData.parse(n.network(), WorldCurrencies.TABLE, files, codes),
                TestClock.at("2026-12-05T00:00:00Z"));
    }

    private static PathAsk ask() {
        ZoneId zone = ZoneId.of("Asia/Bangkok");
        return new PathAsk("NTA", "TNL", DATE.atTime(17, 0).atZone(zone).toInstant(), null, 700, 380, false);
    }

    @Test
    void aPathOverTheRoadsDailyLimitIsAnsweredWithTheBridgeAsTheBindingConstraint() {
        FreightService shipped = freight(null);
        ServedNetwork n = ServedNetwork.fromFiles(SHIPPED);
        long closed = n.roadClosures(DATE).get(0).roadClosed().toMinutes();
        String bridge = n.roadRailBridges().bridges().get(0).name();

        FreightRecords.Answered free = shipped.request("shipper", ask());
        assertThat(free.request().status()).isEqualTo(RequestStatus.PROPOSED);

        FreightRecords.Answered refused = freight(closed + 1).request("shipper", ask());
        assertThat(refused.request().status()).isEqualTo(RequestStatus.NO_PATH);
        assertThat(refused.answer().binding().kind()).isEqualTo(PathAnswer.Kind.ROAD_CLOSURE_LIMIT);
        assertThat(refused.answer().binding().where()).isEqualTo(bridge);
        assertThat(refused.request().bindingKind()).isEqualTo("ROAD_CLOSURE_LIMIT");
        assertThat(refused.request().binding())
                .contains("binding constraint is " + bridge)
                .contains((closed + 1) + " min a day");
    }
}
