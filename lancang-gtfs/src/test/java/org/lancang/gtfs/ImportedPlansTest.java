package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lancang.timetable.Call;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;

/** Imported trains run through the planner like the shipped ones: at the feed's times, on the day's line. */
class ImportedPlansTest {
    @ParameterizedTest
    @ValueSource(strings = {ShippedNetworks.CHINA_LAOS, ShippedNetworks.VIENTIANE_BANGKOK})
    void aFittedPlanLeavesEveryStopAtTheFeedsTime(String folder) {
        ShippedNetworks.Shipped shipped = ShippedNetworks.get(folder);
        List<Train> imported = new GtfsImporter()
                .read(Zips.zip(shipped.feed()), List.of(shipped.network()))
                .timetable()
                .trains();

        for (Train train : imported) {
            TrainPlan plan = ImportedPlans.fitted(train, shipped.planner());
            List<Call> planned = shipped.planner().train(plan, List.of()).stops();
            assertThat(planned)
                    .extracting(Call::pointCode)
                    .isEqualTo(train.calls().stream().map(Call::pointCode).toList());
            for (int i = 0; i < planned.size() - 1; i++) {
                assertThat(planned.get(i)
                                .departure()
                                .minus(train.calls().get(i).departure())
                                .abs())
                        .as("%s leaving %s", train.number(), planned.get(i).pointCode())
                        .isLessThanOrEqualTo(Duration.ofSeconds(1));
            }
            // the allowance fitted to the feed: the last arrival within the 0.1 % it is rounded to, or early
            Duration feed = train.last().arrival().minus(train.first().departure());
            Duration late =
                    planned.get(planned.size() - 1).arrival().minus(train.last().arrival());
            assertThat(late.toMillis()).as(train.number()).isLessThanOrEqualTo(feed.toMillis() / 1000 + 1000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ShippedNetworks.CHINA_LAOS, ShippedNetworks.VIENTIANE_BANGKOK})
    void everyImportedTrainRunningOnADayIsLaidOnTheLine(String folder) {
        ShippedNetworks.Shipped shipped = ShippedNetworks.get(folder);
        List<TrainPlan> plans = new GtfsImporter()
                .read(Zips.zip(shipped.feed()), List.of(shipped.network())).timetable().trains().stream()
                        .map(t -> ImportedPlans.fitted(t, shipped.planner()))
                        .toList();
        LocalDate day = plans.get(0).calendar().startDate().plusDays(3);

        DayPlan checked = shipped.planner().day(plans, day, List.of(), List.of());

        assertThat(checked.runsOfTheDay()).hasSize((int)
                plans.stream().filter(p -> p.calendar().runsOn(day)).count());
    }
}
