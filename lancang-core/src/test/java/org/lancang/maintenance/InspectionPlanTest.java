package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.maintenance.Fixtures.REGISTER;
import static org.lancang.maintenance.Fixtures.refusedNaming;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Due and overdue inspections around month, quarter and half-year boundaries. */
class InspectionPlanTest {
    private final InspectionPlan plan = InspectionPlan.withDefaults();
    private final Asset track = REGISTER.get("TRK-HHN-LPB");
    private final Asset tunnel = REGISTER.get("TUN-BDR-FRIENDSHIP-LA");
    private final Asset bridge = REGISTER.get("BRG-LPB-MEKONG");
    private final Asset turnout = REGISTER.get("TO-LPB-01");
    private final Asset ohl = REGISTER.get("OHL-HHN-LPB");
    private final Asset station = REGISTER.get("STN-LPB");

    @Test
    void defaultIntervalsFollowTheBrief() {
        MaintenanceRules rules = MaintenanceRules.defaults();
        assertThat(rules.intervalFor(AssetType.TRACK)).isEqualTo(Period.ofMonths(1));
        assertThat(rules.intervalFor(AssetType.TURNOUT)).isEqualTo(Period.ofMonths(1));
        assertThat(rules.intervalFor(AssetType.TUNNEL)).isEqualTo(Period.ofMonths(3));
        assertThat(rules.intervalFor(AssetType.OVERHEAD_LINE)).isEqualTo(Period.ofMonths(3));
        assertThat(rules.intervalFor(AssetType.BRIDGE)).isEqualTo(Period.ofMonths(6));
        assertThat(rules.intervalFor(AssetType.STATION)).isEqualTo(Period.ofMonths(6));
    }

    @Test
    void monthlyFromTheLastDayOfJanuaryIsDueOnTheLastDayOfFebruaryAndOverdueTheDayAfter() {
        List<InspectionResult> results = List.of(ok(track, "2026-01-31"));
        assertThat(plan.nextDue(AssetType.TRACK, LocalDate.parse("2026-01-31"))).isEqualTo("2026-02-28");

        // look-ahead 7 days: on 20 Feb the 28th is still 8 days away
        InspectionSchedule feb20 = plan.due(List.of(track), results, LocalDate.parse("2026-02-20"));
        assertThat(feb20.due()).isEmpty();
        assertThat(feb20.overdue()).isEmpty();

        InspectionSchedule feb21 = plan.due(List.of(track), results, LocalDate.parse("2026-02-21"));
        assertThat(feb21.due()).singleElement().satisfies(d -> {
            assertThat(d.dueDate()).isEqualTo("2026-02-28");
            assertThat(d.lastInspected()).isEqualTo("2026-01-31");
            assertThat(d.daysOverdue()).isZero();
        });

        InspectionSchedule feb28 = plan.due(List.of(track), results, LocalDate.parse("2026-02-28"));
        assertThat(feb28.due()).hasSize(1);
        assertThat(feb28.overdue()).isEmpty();

        InspectionSchedule mar1 = plan.due(List.of(track), results, LocalDate.parse("2026-03-01"));
        assertThat(mar1.due()).isEmpty();
        assertThat(mar1.overdue()).singleElement().satisfies(d -> {
            assertThat(d.dueDate()).isEqualTo("2026-02-28");
            assertThat(d.daysOverdue()).isEqualTo(1);
        });
    }

    @Test
    void aLeapYearFebruaryHasItsTwentyNinth() {
        assertThat(plan.nextDue(AssetType.TURNOUT, LocalDate.parse("2028-01-31")))
                .isEqualTo("2028-02-29");
        assertThat(plan.nextDue(AssetType.TRACK, LocalDate.parse("2026-12-31"))).isEqualTo("2027-01-31");
    }

    @Test
    void quarterlyAndHalfYearlyIntervalsCrossYearEndAndShortMonths() {
        List<InspectionResult> results = List.of(
                ok(tunnel, "2025-11-30"), ok(ohl, "2025-12-31"), ok(bridge, "2025-08-31"), ok(station, "2025-09-30"));
        // tunnel: 30 Nov + 3 months = 28 Feb; OHL: 31 Dec + 3 months = 31 Mar;
        // bridge: 31 Aug + 6 months = 28 Feb; station: 30 Sep + 6 months = 30 Mar
        InspectionSchedule mar1 =
                plan.due(List.of(tunnel, ohl, bridge, station), results, LocalDate.parse("2026-03-01"));
        assertThat(mar1.overdue())
                .extracting(d -> d.asset().id())
                .containsExactly("TUN-BDR-FRIENDSHIP-LA", "BRG-LPB-MEKONG");
        assertThat(mar1.overdue()).allMatch(d -> d.dueDate().equals(LocalDate.parse("2026-02-28")));
        assertThat(mar1.due()).isEmpty();

        InspectionSchedule mar24 =
                plan.due(List.of(tunnel, ohl, bridge, station), results, LocalDate.parse("2026-03-24"));
        assertThat(mar24.due()).extracting(d -> d.asset().id()).containsExactly("STN-LPB", "OHL-HHN-LPB");
        assertThat(mar24.due())
                .extracting(DueInspection::dueDate)
                .containsExactly(LocalDate.parse("2026-03-30"), LocalDate.parse("2026-03-31"));
        assertThat(mar24.overdue()).extracting(DueInspection::daysOverdue).containsExactly(24L, 24L);

        InspectionSchedule feb27 = plan.due(List.of(tunnel), results, LocalDate.parse("2026-02-27"));
        assertThat(feb27.due()).hasSize(1);
        assertThat(feb27.overdue()).isEmpty();
    }

    @Test
    void theLatestResultCountsWhateverItsOutcomeAndFutureResultsAreIgnored() {
        List<InspectionResult> results = List.of(
                ok(turnout, "2026-01-05"),
                new InspectionResult(
                        turnout.id(),
                        LocalDate.parse("2026-02-03"),
                        "Vilay",
                        InspectionOutcome.DEFECTS_FOUND,
                        "crack in the frog, defect reported"),
                ok(turnout, "2026-04-01"));
        InspectionSchedule s = plan.due(List.of(turnout), results, LocalDate.parse("2026-03-04"));
        assertThat(s.overdue()).singleElement().satisfies(d -> {
            assertThat(d.lastInspected()).isEqualTo("2026-02-03");
            assertThat(d.dueDate()).isEqualTo("2026-03-03");
            assertThat(d.daysOverdue()).isEqualTo(1);
        });
    }

    @Test
    void anAssetNeverInspectedIsDueTodayAndResultsOfOtherAssetsAreIgnored() {
        InspectionSchedule s =
                plan.due(List.of(bridge), List.of(ok(track, "2026-01-01")), LocalDate.parse("2026-05-05"));
        assertThat(s.due()).singleElement().satisfies(d -> {
            assertThat(d.neverInspected()).isTrue();
            assertThat(d.dueDate()).isEqualTo("2026-05-05");
        });
    }

    @Test
    void intervalsAndLookAheadAreConfigurable() {
        MaintenanceRules d = MaintenanceRules.defaults();
        MaintenanceRules weeklyTrack = new MaintenanceRules(
                        d.inspectionIntervals(),
                        Period.ZERO,
                        d.minMaintenanceSingleTrack(),
                        d.minMaintenanceDoubleTrack(),
                        d.minConstruction(),
                        d.minSkylightsPerMonth())
                .withInterval(AssetType.TRACK, Period.ofWeeks(1));
        InspectionPlan weekly = new InspectionPlan(weeklyTrack);
        List<InspectionResult> results = List.of(ok(track, "2026-03-01"));
        assertThat(weekly.due(List.of(track), results, LocalDate.parse("2026-03-07"))
                        .due())
                .isEmpty();
        assertThat(weekly.due(List.of(track), results, LocalDate.parse("2026-03-08"))
                        .due())
                .hasSize(1);
        assertThat(weekly.due(List.of(track), results, LocalDate.parse("2026-03-09"))
                        .overdue())
                .hasSize(1);

        refusedNaming("inspectionIntervals.TUNNEL", () -> d.withInterval(AssetType.TUNNEL, Period.ZERO));
        refusedNaming(
                "minConstruction",
                () -> new MaintenanceRules(
                        d.inspectionIntervals(),
                        Period.ZERO,
                        d.minMaintenanceSingleTrack(),
                        d.minMaintenanceDoubleTrack(),
                        Duration.ZERO,
                        20));
    }

    @Test
    void aResultNeedsAnInspectorADateAndNotesOfAtMost2000Characters() {
        refusedNaming(
                "inspector",
                () -> new InspectionResult(
                        "TRK-HHN-LPB", LocalDate.parse("2026-01-01"), " ", InspectionOutcome.OK, ""));
        refusedNaming("date", () -> new InspectionResult("TRK-HHN-LPB", null, "Li Wei", InspectionOutcome.OK, ""));
        refusedNaming(
                "notes",
                () -> new InspectionResult(
                        "TRK-HHN-LPB",
                        LocalDate.parse("2026-01-01"),
                        "Li Wei",
                        InspectionOutcome.OK,
                        "x".repeat(2001)));
        refusedNaming(
                "outcome",
                () -> new InspectionResult("TRK-HHN-LPB", LocalDate.parse("2026-01-01"), "Li Wei", null, ""));
        refusedNaming("assetId", () -> REGISTER.require("TRK-NOPE", "assetId"));
    }

    private static InspectionResult ok(Asset asset, String date) {
        return new InspectionResult(asset.id(), LocalDate.parse(date), "Li Wei", InspectionOutcome.OK, null);
    }
}
