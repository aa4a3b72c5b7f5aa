package org.lancang.timetable.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.Seeds;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/** Scoped changes on the reference timetable: the dates outside a scope keep exactly the plans they had. */
class TimetableChangeTest {
    static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final List<TrainPlan> BASE = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));
    static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    private final Planner planner = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());

    /** A daily passenger train of the reference timetable (looked up, not named: numbers change with the data). */
    private static TrainPlan dailyPassenger(int n) {
        return BASE.stream()
                .filter(p -> p.passenger() && p.calendar().days().size() == 7)
                .skip(n)
                .findFirst()
                .orElseThrow();
    }

    private static TimetableChange change(ChangeScope scope, Edit... edits) {
        return new TimetableChange("test", ChangeOrigin.PLANNER, scope, List.of(edits));
    }

    @Test
    void aMoveOnOneDateMovesTheTrainThatDateAndNoOther() {
        TrainPlan train = dailyPassenger(0);
        LocalTime later = train.departure().plusMinutes(20);
        List<TimetableChange> published = List.of(change(ChangeScope.on(DAY), new Edit.Move(train.number(), later)));
        for (int d = -3; d <= 3; d++) {
            List<TrainPlan> plans = PlansOfADay.of(BASE, published, DAY.plusDays(d));
            TrainPlan seen = plans.get(PlansOfADay.indexOf(plans, train.number()));
            if (d == 0) {
                assertThat(seen.departure()).isEqualTo(later);
                assertThat(plans).hasSameSizeAs(BASE);
            } else {
                assertThat(plans).as("the plans of %s", DAY.plusDays(d)).isSameAs(BASE);
            }
        }
        // the evaluated neighbours see the train at its own time on its own date
        DayPlan next = planner.day(d -> PlansOfADay.of(BASE, published, d), DAY.plusDays(1), List.of(), List.of());
        ScheduledRun before = next.runs().stream()
                .filter(r -> r.owner().equals(train.number() + "@" + DAY))
                .findFirst()
                .orElseThrow();
        assertThat(before.plan().departure()).isEqualTo(later);
        ScheduledRun own = next.runs().stream()
                .filter(r -> r.owner().equals(train.number() + "@" + DAY.plusDays(1)))
                .findFirst()
                .orElseThrow();
        assertThat(own.plan().departure()).isEqualTo(train.departure());
    }

    @Test
    void anAddedTrainRunsOnlyOnTheDatesOfItsScope() {
        TrainPlan template = dailyPassenger(1);
        TrainPlan extra = new TrainPlan(
                "X9001",
                template.operator(),
                template.trainType(),
                false,
                template.calendar(), // daily in the request: the scope decides
                template.from(),
                template.to(),
                LocalTime.of(2, 10),
                List.of(),
                List.of(),
                false,
                5,
                "");
        ChangeScope scope = new ChangeScope(DAY, DAY.plusDays(13), EnumSet.of(DayOfWeek.FRIDAY));
        List<TimetableChange> published = List.of(change(scope, new Edit.Add(extra)));
        for (int d = -2; d <= 16; d++) {
            LocalDate date = DAY.plusDays(d);
            List<TrainPlan> plans = PlansOfADay.of(BASE, published, date);
            int at = PlansOfADay.indexOf(plans, "X9001");
            boolean runs = at >= 0 && plans.get(at).calendar().runsOn(date);
            assertThat(runs).as("X9001 on %s", date).isEqualTo(scope.covers(date));
        }
        assertThat(scope.dates()).containsExactly(DAY, DAY.plusDays(7)); // 2026-12-04 is a Friday
    }

    @Test
    void aCancelledTrainIsGoneOnItsDatesAndAnUndoneChangeLeavesNoTrace() {
        TrainPlan train = dailyPassenger(2);
        TimetableChange cancel = change(ChangeScope.on(DAY), new Edit.Cancel(train.number()));
        assertThat(PlansOfADay.indexOf(PlansOfADay.of(BASE, List.of(cancel), DAY), train.number()))
                .isNegative();
        assertThat(PlansOfADay.of(BASE, List.of(), DAY)).isSameAs(BASE); // undone: no longer published
    }

    @Test
    void editsWithNothingToActOnAndNumbersInUseAreRefusedNamingTheEdit() {
        TrainPlan train = dailyPassenger(0);
        assertThatThrownBy(() -> ChangeRules.check(
                        change(ChangeScope.on(DAY), new Edit.Move("NOPE1", LocalTime.NOON)), d -> BASE))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("edits[0].train"));
        assertThatThrownBy(() -> ChangeRules.check(change(ChangeScope.on(DAY), new Edit.Add(train)), d -> BASE))
                .isInstanceOf(Clash.class)
                .satisfies(e -> assertThat(((Clash) e).field()).isEqualTo("edits[0].number"));
        // cancelled earlier in the same change: a later move finds nothing
        assertThatThrownBy(() -> ChangeRules.check(
                        change(
                                ChangeScope.on(DAY),
                                new Edit.Cancel(train.number()),
                                new Edit.Move(train.number(), LocalTime.NOON)),
                        d -> BASE))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("edits[1].train"));
        assertThatThrownBy(() -> new ChangeScope(DAY, DAY.minusDays(1), Set.of(DayOfWeek.MONDAY)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("scope.to"));
        assertThatThrownBy(() -> new ChangeScope(DAY, DAY, Set.of(DayOfWeek.MONDAY)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("scope.days"));
    }

    @Test
    void randomPublishedChangesNeverTouchADateOutsideTheirScopes() {
        long seed = Seeds.seed(TimetableChangeTest.class);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<TimetableChange> published = new ArrayList<>();
            for (int c = 0; c < 1 + random.nextInt(4); c++) {
                LocalDate from = DAY.plusDays(random.nextInt(30));
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (DayOfWeek d : DayOfWeek.values()) {
                    if (random.nextInt(3) > 0) {
                        days.add(d);
                    }
                }
                days.add(from.getDayOfWeek());
                ChangeScope scope = new ChangeScope(from, from.plusDays(random.nextInt(10)), days);
                String number = BASE.get(random.nextInt(BASE.size())).number();
                Edit edit = random.nextBoolean()
                        ? new Edit.Cancel(number)
                        : new Edit.Move(number, LocalTime.of(random.nextInt(24), random.nextInt(60)));
                published.add(change(scope, edit));
            }
            for (int d = -5; d < 50; d++) {
                LocalDate date = DAY.plusDays(d);
                boolean covered = published.stream().anyMatch(c -> c.scope().covers(date));
                List<TrainPlan> plans = PlansOfADay.of(BASE, published, date);
                if (!covered) {
                    assertThat(plans).as("seed %d, %s", seed, date).isSameAs(BASE);
                } else {
                    for (TrainPlan p : plans) { // only the trains the changes name differ
                        boolean named = published.stream()
                                .filter(c -> c.scope().covers(date))
                                .anyMatch(c -> c.trains().contains(p.number()));
                        if (!named) {
                            assertThat(p).isSameAs(BASE.get(PlansOfADay.indexOf(BASE, p.number())));
                        }
                    }
                }
            }
        }
    }
}
