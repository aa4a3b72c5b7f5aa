package org.lancang.store.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.maintenance.Defect;
import org.lancang.maintenance.DefectReport;
import org.lancang.maintenance.DefectStatus;
import org.lancang.maintenance.RestrictionRequest;
import org.lancang.maintenance.Severity;
import org.lancang.maintenance.SkylightKind;
import org.lancang.maintenance.SkylightPurpose;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.maintenance.StatusChange;
import org.lancang.maintenance.WorkOrder;
import org.lancang.maintenance.WorkOrderStatus;
import org.lancang.store.Platform;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.Operator;
import org.lancang.timetable.PathFinder;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.conflict.Occupation;

/**
 * Issue 6's scenario on the real platform (embedded PostgreSQL): a defect on the Luang Prabang Mekong bridge slows C82
 * and K12, a work order repairs it in a skylight, and lifting the restriction gives the timetable back exactly.
 */
class MekongBridgeScenarioTest {
    private static final TestClock CLOCK = TestClock.at("2026-12-01T02:00:00Z");
    /** The day looked at: after the repair night, so it is restricted only while the restriction stands. */
    private static final LocalDate DAY = LocalDate.parse("2026-12-03");

    private static Platform platform;
    private static MaintenanceService maintenance;

    @BeforeAll
    static void start() {
        platform = Platform.start(TestDatabase.fresh(), new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), CLOCK);
        maintenance = platform.maintenance();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** The China–Laos network's single line: the line of every defect reported here. */
    private static String singleLine() {
        return maintenance.register().network().mainLine().code();
    }

    private static Instant arrival(String train) {
        TrainPlan plan = platform.timetable().requirePlan(train, "train");
        Train t = platform.timetable().train(plan, DAY);
        return t.at(DAY, t.last().arrival());
    }

    @Test
    void aBridgeDefectDelaysC82AndK12UntilItsRepairIsVerifiedAndItsRestrictionLifted() {
        Instant c82Before = arrival("C82");
        Instant k12Before = arrival("K12");

        // the night skylight Huay Han – Luang Prabang, over the bridge: 00:30 Lao time, 4 h, every day
        var warnings = maintenance.addWindow(
                new SkylightWindow(
                        "HHN-LPB-NIGHT",
                        "HHN",
                        "LPB",
                        EnumSet.allOf(DayOfWeek.class),
                        LocalTime.of(0, 30),
                        Duration.ofMinutes(240),
                        SkylightKind.VERTICAL,
                        SkylightPurpose.MAINTENANCE,
                        "bridge and track"),
                "planner.li");
        assertThat(warnings).isEmpty();
        int conflictsBefore = platform.timetable().day(DAY).conflicts().size();

        // a maintainer reports the defect: 45 km/h over 1.5 km of the bridge for the rest of December
        var reported = maintenance.report(
                new DefectReport(
                        null,
                        "BRG-LPB-MEKONG",
                        779.5,
                        Severity.HIGH,
                        "Bearing displaced on pier 7",
                        new RestrictionRequest(
                                778.7,
                                780.2,
                                45,
                                Instant.parse("2026-12-01T00:00:00Z"),
                                Instant.parse("2027-01-01T00:00:00Z")),
                        List.of(),
                        "souk",
                        CLOCK.instant(),
                        singleLine()),
                DAY);
        Defect defect = reported.defect();
        assertThat(defect.id()).startsWith("DEF-");
        RestrictionImpact impact = reported.impact();
        assertThat(impact.after())
                .containsExactly(new SpeedRestriction(
                        778.7,
                        780.2,
                        45,
                        Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2027-01-01T00:00:00Z"),
                        "china-laos"));

        // each train arrives later by what the running-time calculation gives for the restriction
        Map<String, RestrictionImpact.TrainDelay> delays = new HashMap<>();
        impact.trains().forEach(t -> delays.put(t.train(), t));
        assertThat(delays).containsKeys("C82", "K12");
        assertThat(delays.get("C82").arrivalBefore()).isEqualTo(c82Before);
        assertThat(delays.get("C82").arrivalAfter()).isEqualTo(arrival("C82"));
        assertThat(delays.get("K12").arrivalAfter()).isEqualTo(arrival("K12"));
        // 1.5 km at 45 km/h is 120 s against 34 s at 160 km/h (C82) and 45 s at 120 km/h (K12): at least that much
        // later, plus braking down to 45 and accelerating back, but nowhere near ten minutes
        assertThat(delays.get("C82").delaySeconds())
                .isBetween(86L, 600L)
                .isEqualTo(arrival("C82").getEpochSecond() - c82Before.getEpochSecond());
        assertThat(delays.get("K12").delaySeconds())
                .isBetween(75L, 600L)
                .isEqualTo(arrival("K12").getEpochSecond() - k12Before.getEpochSecond());
        // only trains crossing the bridge move: D87 / D88 do too; nothing south of Luang Prabang only
        assertThat(impact.trains()).allSatisfy(t -> assertThat(t.delaySeconds()).isPositive());
        assertThat(platform.timetable().day(DAY).conflicts())
                .hasSize(conflictsBefore
                        + impact.newConflicts().size()
                        - impact.goneConflicts().size());
        assertThat(maintenance.restrictionsInForce(Instant.parse("2026-12-02T12:00:00Z")))
                .extracting(Defect::id)
                .containsExactly(defect.id());

        // the work order: from the defect, planned into the night skylight of 2 December, done, verified
        WorkOrder order = maintenance.createWorkOrder(defect.id(), null, "Reset bearing, pier 7", "souk");
        assertThat(order.status()).isEqualTo(WorkOrderStatus.OPEN);
        CLOCK.set("2026-12-01T03:00:00Z");
        var planned = maintenance.move(
                order.id(),
                new MaintenanceService.MoveRequest(
                        WorkOrderStatus.PLANNED,
                        "HHN-LPB-NIGHT",
                        LocalDate.parse("2026-12-02"),
                        "LPB bridge crew 2",
                        false,
                        ""),
                "planner.li",
                DAY);
        assertThat(planned.workOrder().window().id()).isEqualTo("SKY-HHN-LPB-NIGHT-2026-12-02");
        assertThat(planned.workOrder().window().start()).isEqualTo(Instant.parse("2026-12-01T17:30:00Z"));
        CLOCK.set("2026-12-01T17:40:00Z");
        maintenance.move(order.id(), move(WorkOrderStatus.IN_PROGRESS, false), "crew2.lead", DAY);
        CLOCK.set("2026-12-01T20:30:00Z");
        maintenance.move(order.id(), move(WorkOrderStatus.DONE, false), "crew2.lead", DAY);
        // the one who did it cannot verify it
        assertThatThrownBy(() -> maintenance.move(order.id(), move(WorkOrderStatus.VERIFIED, true), "crew2.lead", DAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("by");
        CLOCK.set("2026-12-01T21:00:00Z");
        var verified = maintenance.move(order.id(), move(WorkOrderStatus.VERIFIED, true), "souk", DAY);

        assertThat(verified.defect().status()).isEqualTo(DefectStatus.CLOSED);
        assertThat(verified.defect().restriction().liftedAt()).isEqualTo(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(verified.impact().after()).isEmpty();
        assertThat(verified.impact().trains())
                .extracting(RestrictionImpact.TrainDelay::train)
                .contains("C82", "K12");
        assertThat(verified.impact().trains())
                .allSatisfy(t -> assertThat(t.delaySeconds()).isNegative());

        // the times are back to exactly what they were
        assertThat(arrival("C82")).isEqualTo(c82Before);
        assertThat(arrival("K12")).isEqualTo(k12Before);
        assertThat(maintenance.restrictionsInForce(Instant.parse("2026-12-02T12:00:00Z")))
                .isEmpty();

        // and every step is stored with who and when
        WorkOrder stored = maintenance.workOrder(order.id());
        assertThat(stored.history())
                .extracting(StatusChange::to)
                .containsExactly(
                        WorkOrderStatus.OPEN,
                        WorkOrderStatus.PLANNED,
                        WorkOrderStatus.IN_PROGRESS,
                        WorkOrderStatus.DONE,
                        WorkOrderStatus.VERIFIED);
        assertThat(stored.history())
                .extracting(StatusChange::by)
                .containsExactly("souk", "planner.li", "crew2.lead", "crew2.lead", "souk");
        assertThat(stored.history().get(4).at()).isEqualTo(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(stored.history().get(4).detail()).contains("lifted").contains("closed");
        Defect readBack = platform.database().jdbi().withHandle(MaintenanceRecords::defects).stream()
                .filter(d -> d.id().equals(defect.id()))
                .findFirst()
                .orElseThrow();
        assertThat(readBack).isEqualTo(verified.defect());
    }

    @Test
    void aTrainPlannedInsideASkylightIsAConflictOfTheDay() {
        LocalDate day = LocalDate.parse("2026-12-10");
        int before = platform.timetable().day(day).conflicts().size();
        // a daytime window over Vientiane – Phonhong, where C82 leaves at 07:45
        maintenance.addWindow(
                new SkylightWindow(
                        "VTE-DAY",
                        "VTE",
                        "PHH",
                        EnumSet.of(DayOfWeek.THURSDAY),
                        LocalTime.of(7, 0),
                        Duration.ofMinutes(180),
                        SkylightKind.VERTICAL,
                        SkylightPurpose.CONSTRUCTION,
                        ""),
                "planner.li");
        var conflicts = platform.timetable().day(day).conflicts();
        assertThat(conflicts.size()).isGreaterThan(before);
        assertThat(conflicts).anySatisfy(c -> {
            assertThat(c.possessionInvolved()).isTrue();
            assertThat(c.first() + " " + c.second())
                    .contains("SKY-VTE-DAY-2026-12-10")
                    .contains("C82");
        });
    }

    @Test
    void aPathInsertedOnARestrictedDayRunsUnderTheRestriction() {
        LocalDate day = LocalDate.parse("2026-12-22");
        maintenance.report(
                new DefectReport(
                        null,
                        "TRK-HHN-LPB",
                        770.0,
                        Severity.MEDIUM,
                        "Twist fault",
                        new RestrictionRequest(
                                769.0,
                                771.0,
                                60,
                                Instant.parse("2026-12-21T16:00:00Z"),
                                Instant.parse("2026-12-22T16:00:00Z")),
                        List.of(),
                        "souk",
                        CLOCK.instant(),
                        singleLine()),
                day);
        SpeedRestriction twist = new SpeedRestriction(769.0, 771.0, 60, null, null, "china-laos");
        assertThat(platform.timetable().restrictions(day))
                .extracting(SpeedRestriction::always)
                .contains(twist);
        var request = new PathRequest(
                "X9901",
                Operator.valueOf("LCR"),
                "FREIGHT",
                false,
                ServiceCalendar.daily(day, day),
                "VTS",
                "BTN",
                List.of(),
                Instant.parse("2026-12-22T03:00:00Z"),
                false,
                6,
                Duration.ofHours(12));
        var found = platform.timetable().findPath(request);
        var planner = platform.timetable().planner();
        List<SpeedRestriction> restrictions = platform.timetable().restrictions(day);
        var times = found.run().run().times();
        var restricted = planner.run(found.plan(), restrictions).times();
        var free = planner.run(found.plan(), List.of()).times();
        assertThat(times.get(times.size() - 1).arrival())
                .isEqualTo(restricted.get(restricted.size() - 1).arrival())
                .isGreaterThan(free.get(free.size() - 1).arrival());
    }

    @Test
    void aRestrictionForTheAfternoonSlowsTheTrainsPassingThenAndNotTheMorningOnes() {
        LocalDate day = LocalDate.parse("2026-12-10");
        // 13:00–20:00 Lao time on 10 December: C82 and K12 cross the bridge in the morning, C81 and D87 in the
        // afternoon; C84 ends at Luang Prabang, south of the bridge
        var reported = maintenance.report(
                new DefectReport(
                        null,
                        "BRG-LPB-MEKONG",
                        779.5,
                        Severity.MEDIUM,
                        "Expansion joint to be reset",
                        new RestrictionRequest(
                                778.7,
                                780.2,
                                45,
                                Instant.parse("2026-12-10T06:00:00Z"),
                                Instant.parse("2026-12-10T13:00:00Z")),
                        List.of(),
                        "souk",
                        CLOCK.instant(),
                        singleLine()),
                day);
        Set<String> slowed = new TreeSet<>();
        reported.impact().trains().forEach(t -> slowed.add(t.train()));
        assertThat(slowed).contains("C81", "D87").doesNotContain("C82", "K12", "C84");
        var c82 = platform.timetable().plan("C82").orElseThrow();
        assertThat(platform.timetable().train(c82, day).stops())
                .isEqualTo(platform.timetable()
                        .train(c82, LocalDate.parse("2026-12-11"))
                        .stops());
        maintenance.liftRestriction(reported.defect().id(), "souk", day);
    }

    @Test
    void pathInsertionWaitsForTheSkylightThatWouldOtherwiseBeCrossed() {
        // Wednesdays 00:30–04:30 Lao time over Huay Han – Luang Prabang: 22 Dec 17:30Z – 21:30Z for 23 December
        maintenance.addWindow(
                new SkylightWindow(
                        "HHN-LPB-WED",
                        "HHN",
                        "LPB",
                        EnumSet.of(DayOfWeek.WEDNESDAY),
                        LocalTime.of(0, 30),
                        Duration.ofMinutes(240),
                        SkylightKind.VERTICAL,
                        SkylightPurpose.MAINTENANCE,
                        ""),
                "planner.li");
        Instant closes = Instant.parse("2026-12-22T17:30:00Z");
        Instant opens = Instant.parse("2026-12-22T21:30:00Z");
        LocalDate day = LocalDate.parse("2026-12-22");
        var request = new PathRequest(
                "X9902",
                Operator.valueOf("LCR"),
                "FREIGHT",
                false,
                ServiceCalendar.daily(day, day),
                "VTS",
                "BTN",
                List.of(),
                Instant.parse("2026-12-22T14:00:00Z"),
                false,
                6,
                Duration.ofHours(12));
        var planner = platform.timetable().planner();
        var occupations = platform.timetable().day(day).occupations();
        // without the skylights the freight would be on the stretch while it is closed
        var ignoring = new PathFinder(planner)
                .insert(
                        request,
                        occupations.stream()
                                .filter(o -> !o.owner().startsWith("SKY-"))
                                .toList(),
                        platform.timetable().restrictions(day));
        assertThat(onStretch(ignoring))
                .anySatisfy(o -> assertThat(o.from().isBefore(opens) && o.to().isAfter(closes))
                        .isTrue());
        // the platform's insertion keeps off it
        var found = platform.timetable().findPath(request);
        assertThat(onStretch(found))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.from().isBefore(opens) && o.to().isAfter(closes))
                        .as(o.toString())
                        .isFalse());
    }

    private static List<Occupation> onStretch(InsertedPath p) {
        return platform.timetable().planner().occupations(List.of(p.run()), List.of()).stream()
                .filter(o -> o.resource().equals("LINE:HHN-LPB"))
                .toList();
    }

    private static MaintenanceService.MoveRequest move(WorkOrderStatus to, boolean lift) {
        return new MaintenanceService.MoveRequest(to, null, null, null, lift, "");
    }
}
