package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lancang.maintenance.Fixtures.NETWORK;
import static org.lancang.maintenance.Fixtures.REGISTER;
import static org.lancang.maintenance.Fixtures.refusedNaming;
import static org.lancang.maintenance.Fixtures.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.lancang.timetable.Possession;

/** The work-order lifecycle, its history, the refused moves and the lifting of a defect's restriction. */
class WorkOrdersTest {
    private final WorkOrders orders = new WorkOrders(REGISTER);
    private final Defect defect = new Defects(REGISTER).report(DefectsTest.mekongBridge("D-1"));
    private final SkylightPlanner skylights = new SkylightPlanner(NETWORK, MaintenanceRules.defaults());
    /** The nightly maintenance skylight Huay Han – Luang Prabang, 00:30–02:30 Lao time. */
    private final SkylightWindow nightly = new SkylightWindow(
            "HHN-LPB-NIGHT",
            "HHN",
            "LPB",
            SkylightWindow.daily(),
            LocalTime.of(0, 30),
            Duration.ofMinutes(120),
            SkylightKind.VERTICAL,
            SkylightPurpose.MAINTENANCE,
            "");

    private final Possession dec3 = skylights
            .occurrences(nightly, LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-03"))
            .get(0);

    private final Instant t0 = utc("2026-12-01T02:00:00");
    private final Instant t1 = utc("2026-12-01T03:00:00");
    private final Instant t2 = dec3.start();
    private final Instant t3 = dec3.end().minusSeconds(600);
    private final Instant t4 = utc("2026-12-03T09:00:00");

    @Test
    void aDefectOrderGoesThroughItsLifecycleWithEveryStepInItsHistory() {
        WorkOrder open = orders.fromDefect("WO-1", defect, "Reset bearing on pier 7", "Souksavanh", t0);
        assertThat(open.status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(open.origin()).isEqualTo(WorkOrderOrigin.DEFECT);
        assertThat(open.assetId()).isEqualTo("BRG-LPB-MEKONG");

        WorkOrder planned = orders.plan(open, dec3, "LPB bridge gang 2", "Phonesavanh", t1);
        assertThat(planned.window()).isEqualTo(dec3);
        assertThat(planned.crew()).isEqualTo("LPB bridge gang 2");
        WorkOrder started = orders.start(planned, "Kham", t2);
        WorkOrderUpdate done = orders.complete(started, defect, false, "Kham", t3);
        assertThat(done.defect().restrictionInForce(t4)).isPresent();
        assertThat(done.defect().status()).isEqualTo(DefectStatus.OPEN);
        WorkOrderUpdate verified = orders.verify(done.workOrder(), done.defect(), false, "Bounmy", t4);

        assertThat(verified.workOrder().status()).isEqualTo(WorkOrderStatus.VERIFIED);
        assertThat(verified.workOrder().history())
                .extracting(StatusChange::from, StatusChange::to, StatusChange::by, StatusChange::at)
                .containsExactly(
                        Tuple.tuple(null, WorkOrderStatus.OPEN, "Souksavanh", t0),
                        Tuple.tuple(WorkOrderStatus.OPEN, WorkOrderStatus.PLANNED, "Phonesavanh", t1),
                        Tuple.tuple(WorkOrderStatus.PLANNED, WorkOrderStatus.IN_PROGRESS, "Kham", t2),
                        Tuple.tuple(WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.DONE, "Kham", t3),
                        Tuple.tuple(WorkOrderStatus.DONE, WorkOrderStatus.VERIFIED, "Bounmy", t4));
        assertThat(verified.workOrder().history().get(1).detail()).contains(dec3.id(), "LPB bridge gang 2");
        assertThat(verified.defect().status()).isEqualTo(DefectStatus.CLOSED);
        // verified without lifting: the restriction still stands until it expires or is lifted
        assertThat(verified.defect().restrictionInForce(t4.plusSeconds(60))).isPresent();
        // the earlier values are untouched
        assertThat(open.history()).hasSize(1);
        assertThatThrownBy(() -> verified.workOrder().history().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void closingWithLiftRestrictionLiftsTheDefectsRestrictionAtThatMoment() {
        WorkOrder started = orders.start(
                orders.plan(orders.fromDefect("WO-1", defect, "Reset bearing", "S", t0), dec3, "gang 2", "P", t1),
                "Kham",
                t2);
        WorkOrderUpdate done = orders.complete(started, defect, true, "Kham", t3);
        assertThat(done.defect().restriction().liftedAt()).isEqualTo(t3);
        assertThat(done.defect().restriction().liftedBy()).isEqualTo("Kham");
        assertThat(Defects.restrictionsInForce(List.of(done.defect()), t3.minusSeconds(1)))
                .hasSize(1);
        assertThat(Defects.restrictionsInForce(List.of(done.defect()), t3)).isEmpty();
        assertThat(done.workOrder().lastChange().detail()).contains("lifted");

        // lifting at VERIFIED instead
        WorkOrderUpdate notLifted = orders.complete(started, defect, false, "Kham", t3);
        WorkOrderUpdate verified = orders.verify(notLifted.workOrder(), notLifted.defect(), true, "Bounmy", t4);
        assertThat(verified.defect().restriction().liftedAt()).isEqualTo(t4);
        assertThat(verified.defect().status()).isEqualTo(DefectStatus.CLOSED);
    }

    @Test
    void illegalTransitionsAreRefusedNamingStatus() {
        WorkOrder open = orders.fromDefect("WO-1", defect, "Reset bearing", "S", t0);
        refusedNaming("status", () -> orders.start(open, "Kham", t1));
        refusedNaming("status", () -> orders.complete(open, defect, false, "Kham", t1));
        refusedNaming("status", () -> orders.move(open, StatusRequest.to(WorkOrderStatus.OPEN, "Kham", t1), defect));
        WorkOrder planned = orders.plan(open, dec3, "gang", "P", t1);
        refusedNaming("status", () -> orders.verify(planned, defect, false, "Bounmy", t2));
        WorkOrderUpdate done = orders.complete(orders.start(planned, "Kham", t2), defect, false, "Kham", t3);
        refusedNaming("status", () -> orders.plan(done.workOrder(), dec3, "gang", "P", t3));
        refusedNaming("status", () -> orders.start(done.workOrder(), "Kham", t3));
        WorkOrder verified =
                orders.verify(done.workOrder(), defect, false, "Bounmy", t4).workOrder();
        refusedNaming("status", () -> orders.verify(verified, defect, false, "Bounmy", t4));
        assertThat(WorkOrderStatus.VERIFIED.next()).isEmpty();
        refusedNaming("status", () -> orders.move(open, StatusRequest.to(null, "Kham", t1), defect));
    }

    @Test
    void aPlannedOrderCanBeMovedToAnotherWindow() {
        WorkOrder planned =
                orders.plan(orders.fromDefect("WO-1", defect, "Reset bearing", "S", t0), dec3, "gang", "P", t1);
        Possession dec5 = skylights
                .occurrences(nightly, LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-05"))
                .get(0);
        WorkOrder replanned = orders.plan(planned, dec5, "gang 3", "P", t1.plusSeconds(60));
        assertThat(replanned.window().id()).isEqualTo("SKY-HHN-LPB-NIGHT-2026-12-05");
        assertThat(replanned.history())
                .extracting(StatusChange::to)
                .containsExactly(WorkOrderStatus.OPEN, WorkOrderStatus.PLANNED, WorkOrderStatus.PLANNED);
    }

    @Test
    void planningNeedsACrewAndAWindowThatReachesTheWorkAndHasNotEnded() {
        WorkOrder open = orders.fromDefect("WO-1", defect, "Reset bearing", "S", t0);
        refusedNaming("crew", () -> orders.plan(open, dec3, " ", "P", t1));
        refusedNaming("window", () -> orders.plan(open, null, "gang", "P", t1));
        refusedNaming("window", () -> orders.plan(open, dec3, "gang", "P", dec3.end()));
        SkylightWindow elsewhere = new SkylightWindow(
                "BTN-NTY",
                "BTN",
                "NTY",
                SkylightWindow.daily(),
                LocalTime.of(0, 30),
                Duration.ofMinutes(120),
                SkylightKind.VERTICAL,
                SkylightPurpose.MAINTENANCE,
                "");
        Possession wrongPlace = skylights
                .occurrences(elsewhere, LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-03"))
                .get(0);
        refusedNaming("window", () -> orders.move(open, StatusRequest.plan(wrongPlace, "gang", "P", t1), defect));
        WorkOrder plannedWork = orders.planned("WO-2", "TRK-HHN-LPB", "Tamping", "P", t0);
        refusedNaming("window", () -> orders.plan(plannedWork, wrongPlace, "gang", "P", t1));
        assertThat(orders.plan(plannedWork, dec3, "tamping gang", "P", t1).status())
                .isEqualTo(WorkOrderStatus.PLANNED);
    }

    @Test
    void historyDoesNotGoBackInTimeAndTheVerifierIsNotWhoReportedItDone() {
        WorkOrder planned =
                orders.plan(orders.fromDefect("WO-1", defect, "Reset bearing", "S", t0), dec3, "gang", "P", t1);
        refusedNaming("at", () -> orders.start(planned, "Kham", t0));
        refusedNaming("by", () -> orders.start(planned, "", t2));
        WorkOrderUpdate done = orders.complete(orders.start(planned, "Kham", t2), defect, false, "Kham", t3);
        refusedNaming("by", () -> orders.verify(done.workOrder(), defect, false, "Kham", t4));
    }

    @Test
    void liftingNeedsAClosingMoveAndADefectWithARestriction() {
        WorkOrder planned =
                orders.plan(orders.fromDefect("WO-1", defect, "Reset bearing", "S", t0), dec3, "gang", "P", t1);
        refusedNaming(
                "liftRestriction",
                () -> orders.move(
                        planned,
                        new StatusRequest(WorkOrderStatus.IN_PROGRESS, "Kham", t2, null, null, true, ""),
                        defect));
        WorkOrder started = orders.start(planned, "Kham", t2);
        refusedNaming("defectId", () -> orders.complete(started, null, true, "Kham", t3));
        Defect other = new Defects(REGISTER).report(DefectsTest.mekongBridge("D-2"));
        refusedNaming("defectId", () -> orders.complete(started, other, true, "Kham", t3));

        WorkOrder plannedWork = orders.start(
                orders.plan(orders.planned("WO-2", "TRK-HHN-LPB", "Tamping", "P", t0), dec3, "gang", "P", t1),
                "Kham",
                t2);
        refusedNaming("liftRestriction", () -> orders.complete(plannedWork, null, true, "Kham", t3));
        WorkOrderUpdate done = orders.complete(plannedWork, null, false, "Kham", t3);
        assertThat(done.defect()).isNull();
        assertThat(orders.verify(done.workOrder(), null, false, "Bounmy", t4)
                        .workOrder()
                        .status())
                .isEqualTo(WorkOrderStatus.VERIFIED);

        Defect unrestricted = new Defects(REGISTER).report(DefectsTest.platformEdge("D-3", t0));
        WorkOrder platform = orders.start(
                orders.plan(orders.fromDefect("WO-3", unrestricted, "Repair edge", "S", t0), dec3, "gang", "P", t1),
                "Kham",
                t2);
        refusedNaming("liftRestriction", () -> orders.complete(platform, unrestricted, true, "Kham", t3));
    }

    @Test
    void verifyingAnOrderFromADefectNeedsTheDefectToCloseIt() {
        WorkOrderUpdate done = orders.complete(
                orders.start(
                        orders.plan(orders.fromDefect("WO-1", defect, "Reset bearing", "S", t0), dec3, "gang", "P", t1),
                        "Kham",
                        t2),
                null,
                false,
                "Kham",
                t3);
        refusedNaming("defectId", () -> orders.verify(done.workOrder(), null, false, "Bounmy", t4));
    }

    @Test
    void creationChecksItsInputs() {
        refusedNaming("assetId", () -> orders.planned("WO-2", "TRK-NOPE", "Tamping", "P", t0));
        refusedNaming("title", () -> orders.planned("WO-2", "TRK-HHN-LPB", "", "P", t0));
        refusedNaming("id", () -> orders.fromDefect(" ", defect, "Reset", "P", t0));
        refusedNaming("defectId", () -> orders.fromDefect("WO-1", defect.close(), "Reset", "P", t0));
        assertThat(WorkOrderStatus.PLANNED.next())
                .isEqualTo(Set.of(WorkOrderStatus.PLANNED, WorkOrderStatus.IN_PROGRESS));
    }
}
