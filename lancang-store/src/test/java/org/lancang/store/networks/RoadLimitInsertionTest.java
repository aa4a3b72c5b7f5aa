package org.lancang.store.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.errors.Clash;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.RoadClosureLimits;
import org.lancang.timetable.TrainPlan;

/**
 * A served network's path insertion refuses a path that would keep the road closed on the shared bridge longer than
 * the day's limit, naming the bridge as the binding constraint; the road-closure report lists a day over its limit.
 */
class RoadLimitInsertionTest {
    private static final LocalDate DATE = LocalDate.of(2026, 12, 1);
    private static final ClasspathDataFiles SHIPPED = new ClasspathDataFiles("vientiane-bangkok");

    /** The Bangkok line with the road's daily limit set to {@code perDay} minutes. */
    private static ServedNetwork withDailyLimit(long perDay) {
        String bridge = ServedNetwork.fromFiles(SHIPPED)
                .roadRailBridges()
                .bridges()
                .get(0)
                .name();
        DataFiles files = name -> name.equals(RoadClosureLimits.FILE)
                ? "bridge,max_closed_min_per_day,max_single_closure_min,source\n" + bridge + "," + perDay + ",,test\n"
                : SHIPPED.read(name);
        return ServedNetwork.fromFiles(files);
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
        InsertedPath free = shipped.insert(shuttleAt(shipped, LocalTime.of(17, 0)), DATE);
        assertThat(free.run()).isNotNull();

        ServedNetwork tight = withDailyLimit(closed + 1);
        String bridge = tight.roadRailBridges().bridges().get(0).name();
        assertThatThrownBy(() -> tight.insert(shuttleAt(tight, LocalTime.of(17, 0)), DATE))
                .isInstanceOfSatisfying(Clash.class, e -> {
                    assertThat(e.code()).isEqualTo(RoadClosureLimits.REFUSED);
                    assertThat(e.getMessage())
                            .contains("binding constraint is " + bridge)
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
