package org.lancang.store.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.maintenance.Defect;
import org.lancang.maintenance.DefectReport;
import org.lancang.maintenance.RestrictionRequest;
import org.lancang.maintenance.Severity;
import org.lancang.maintenance.SkylightKind;
import org.lancang.maintenance.SkylightPurpose;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.maintenance.WorkOrder;
import org.lancang.maintenance.WorkOrderStatus;
import org.lancang.store.Platform;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.timetable.SpeedRestriction;

/** What maintenance stores reads back equal after a restart, and the timetable is restricted again from the start. */
class MaintenanceRestartTest {
    @Test
    void defectsWorkOrdersWindowsAndTheRegisterSurviveARestart() {
        DatabaseConfig db = TestDatabase.fresh();
        ClasspathDataFiles files = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        TestClock clock = TestClock.at("2026-12-01T02:00:00Z");
        LocalDate day = LocalDate.parse("2026-12-05");
        Defect defect;
        WorkOrder order;
        SkylightWindow window = new SkylightWindow(
                "HHN-LPB",
                "HHN",
                "LPB",
                EnumSet.of(DayOfWeek.SATURDAY),
                LocalTime.of(1, 0),
                Duration.ofMinutes(120),
                SkylightKind.VERTICAL,
                SkylightPurpose.MAINTENANCE,
                "");
        int assets;
        List<SkylightWindow> regular;
        List<SpeedRestriction> restricted;
        try (Platform first = Platform.start(db, files, clock)) {
            MaintenanceService m = first.maintenance();
            assets = m.register().assets().size();
            regular = m.windows();
            assertThat(regular)
                    .as("the line's regular skylight plan, loaded on the first start")
                    .hasSize(11);
            m.addWindow(window, "li");
            defect = m.report(
                            new DefectReport(
                                    null,
                                    "BRG-LPB-MEKONG",
                                    779.5,
                                    Severity.CRITICAL,
                                    "Scour at pier 3",
                                    new RestrictionRequest(
                                            778.7,
                                            780.2,
                                            45,
                                            Instant.parse("2026-12-01T00:00:00Z"),
                                            Instant.parse("2026-12-20T00:00:00Z")),
                                    List.of(),
                                    "souk",
                                    clock.instant(),
                                    m.register().network().mainLine().code()),
                            day)
                    .defect();
            order = m.createWorkOrder(defect.id(), null, "Protect pier 3", "souk");
            order = m.move(
                            order.id(),
                            new MaintenanceService.MoveRequest(
                                    WorkOrderStatus.PLANNED, "HHN-LPB", day, "crew 1", false, "bring rock"),
                            "li",
                            day)
                    .workOrder();
            restricted = first.timetable().restrictions(day);
            assertThat(restricted)
                    .extracting(SpeedRestriction::always)
                    .containsExactly(new SpeedRestriction(778.7, 780.2, 45, null, null, "china-laos"));
        }
        try (Platform second = Platform.start(db, files, clock)) {
            MaintenanceService m = second.maintenance();
            assertThat(m.register().assets()).hasSize(assets); // not generated a second time
            assertThat(m.windows()).contains(window).containsAll(regular).hasSize(regular.size() + 1);
            assertThat(m.defects()).containsExactly(defect);
            assertThat(m.workOrder(order.id())).isEqualTo(order);
            assertThat(second.timetable().restrictions(day)).isEqualTo(restricted);
            assertThat(second.timetable().possessions(day))
                    .extracting(p -> p.id())
                    .contains("SKY-HHN-LPB-2026-12-05");
        }
    }
}
