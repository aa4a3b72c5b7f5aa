package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lancang.maintenance.Fixtures.DATA;
import static org.lancang.maintenance.Fixtures.LINE;
import static org.lancang.maintenance.Fixtures.NETWORK;
import static org.lancang.maintenance.Fixtures.REGISTER;
import static org.lancang.maintenance.Fixtures.refusedNaming;
import static org.lancang.maintenance.Fixtures.utc;

import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.Allowance;
import org.lancang.runtime.LegSupplements;
import org.lancang.timetable.RunningTimes;
import org.lancang.timetable.SpeedRestriction;

/** Defects on the register and the speed restrictions they impose. */
class DefectsTest {
    private static final Instant FROM = utc("2026-12-01T00:00:00");
    private static final Instant TO = utc("2026-12-15T00:00:00");
    private final Defects defects = new Defects(REGISTER);

    /** A bearing defect on the Luang Prabang Mekong bridge: 45 km/h over 1.5 km for two weeks. */
    static DefectReport mekongBridge(String id) {
        return new DefectReport(
                id,
                "BRG-LPB-MEKONG",
                779.5,
                Severity.HIGH,
                "Bearing displaced on pier 7",
                new RestrictionRequest(778.7, 780.2, 45, FROM, TO),
                List.of("photo-1"),
                "Souksavanh",
                utc("2026-11-30T08:00:00"),
                LINE);
    }

    /** A chipped platform edge at Luang Prabang: a defect with no speed restriction. */
    static DefectReport platformEdge(String id, Instant at) {
        return new DefectReport(
                id, "STN-LPB", 783.2, Severity.LOW, "Platform edge chipped", null, List.of(), "Kham", at, LINE);
    }

    @Test
    void aRestrictionOnTheMekongBridgeIsAcceptedAndInForceOnlyInsideItsValidity() {
        Defect d = defects.report(mekongBridge("D-1"));
        assertThat(d.status()).isEqualTo(DefectStatus.OPEN);
        assertThat(d.photoIds()).containsExactly("photo-1");
        assertThat(d.restriction().toKm() - d.restriction().fromKm()).isCloseTo(1.5, Offset.offset(1e-9));

        assertThat(d.restrictionInForce(FROM.minusSeconds(1))).isEmpty();
        assertThat(d.restrictionInForce(FROM)).contains(new SpeedRestriction(778.7, 780.2, 45, FROM, TO, LINE));
        assertThat(d.restrictionInForce(utc("2026-12-08T12:00:00"))).isPresent();
        assertThat(d.restrictionInForce(TO.minusMillis(1))).isPresent();
        assertThat(d.restrictionInForce(TO)).isEmpty();
    }

    @Test
    void theRestrictionsInForceComeFromEveryDefectWithOneInForceInKmOrder() {
        Defect bridge = defects.report(mekongBridge("D-1"));
        Defect track = defects.report(new DefectReport(
                "D-2",
                "TRK-BTN-NTY",
                620.0,
                Severity.MEDIUM,
                "Twist fault",
                new RestrictionRequest(619.5, 620.5, 80, FROM, utc("2026-12-05T00:00:00")),
                null,
                "Kham",
                FROM,
                LINE));
        Defect noRestriction = defects.report(platformEdge("D-3", FROM));
        List<Defect> all = List.of(bridge, noRestriction, track);

        assertThat(Defects.restrictionsInForce(all, utc("2026-12-02T00:00:00")))
                .containsExactly(
                        new SpeedRestriction(619.5, 620.5, 80, FROM, utc("2026-12-05T00:00:00"), LINE),
                        new SpeedRestriction(778.7, 780.2, 45, FROM, TO, LINE));
        assertThat(Defects.restrictionsInForce(all, utc("2026-12-10T00:00:00")))
                .containsExactly(new SpeedRestriction(778.7, 780.2, 45, FROM, TO, LINE));
        assertThat(Defects.restrictionsInForce(all, utc("2026-11-01T00:00:00"))).isEmpty();
        // closing the defect does not lift the restriction: only lifting or expiry does
        assertThat(Defects.restrictionsInForce(List.of(bridge.close()), utc("2026-12-10T00:00:00")))
                .hasSize(1);
    }

    @Test
    void aLiftedRestrictionStopsAtItsLifting() {
        Defect lifted = defects.report(mekongBridge("D-1")).liftRestriction("Bounmy", utc("2026-12-04T06:00:00"));
        assertThat(lifted.restrictionInForce(utc("2026-12-04T05:59:59"))).isPresent();
        assertThat(lifted.restrictionInForce(utc("2026-12-04T06:00:00"))).isEmpty();
        assertThat(lifted.restriction().liftedBy()).isEqualTo("Bounmy");
        assertThat(lifted.restriction().validTo()).isEqualTo(TO);
        refusedNaming(
                "liftRestriction",
                () -> defects.report(platformEdge("D-3", FROM)).liftRestriction("Bounmy", FROM));
    }

    @Test
    void theRunningTimeCalculationAcceptsTheRestrictionAndSlowsTheTrain() {
        TrainType emu = DATA.rollingStock().type("CR200J").orElseThrow();
        List<SpeedRestriction> inForce =
                Defects.restrictionsInForce(List.of(defects.report(mekongBridge("D-1"))), utc("2026-12-02T00:00:00"));
        var free = RunningTimes.compute(
                NETWORK, emu, "MNG", "LPB", List.of(), List.of(), Allowance.none(), LegSupplements.none());
        var slowed = RunningTimes.compute(
                NETWORK, emu, "MNG", "LPB", List.of(), inForce, Allowance.none(), LegSupplements.none());
        assertThat(slowed.runningTime()).isGreaterThan(free.runningTime());
    }

    @Test
    void aKmOutsideTheLineOrOutsideTheAssetIsRefusedNamingKm() {
        refusedNaming("km", () -> defects.report(with(mekongBridge("D-1"), 1040.0)));
        refusedNaming("km", () -> defects.report(with(mekongBridge("D-1"), -1.0)));
        refusedNaming("km", () -> defects.report(with(mekongBridge("D-1"), 781.0)));
    }

    @Test
    void aRestrictionAtOrAboveTheLineSpeedOfAnySectionItTouchesIsRefusedNamingItsSpeed() {
        refusedNaming("restriction.speedKmh", () -> defects.report(restricted(778.7, 780.2, 170)));
        refusedNaming("restriction.speedKmh", () -> defects.report(restricted(778.7, 780.2, 160)));
        refusedNaming("restriction.speedKmh", () -> defects.report(restricted(778.7, 780.2, 0)));
        assertThat(defects.report(restricted(778.7, 780.2, 159)).restriction().speedKmh())
                .isEqualTo(159);
        // across Yuxi: 180 is below Kunming South–Yuxi's 200 but not below Yuxi–Yanhe's 160
        DefectReport acrossYuxi = new DefectReport(
                "D-9",
                "TRK-KMS-YXI",
                105.5,
                Severity.MEDIUM,
                "Rail head wear",
                new RestrictionRequest(105.0, 107.0, 180, FROM, TO),
                List.of(),
                "Li Wei",
                FROM,
                LINE);
        refusedNaming("restriction.speedKmh", () -> defects.report(acrossYuxi));
        // at Vientiane South the line speed is 120
        DefectReport vientianeSouth = new DefectReport(
                "D-10",
                "TRK-VTE-VTS",
                1030,
                Severity.MEDIUM,
                "Loose fastenings",
                new RestrictionRequest(1029, 1031, 120, FROM, TO),
                List.of(),
                "Kham",
                FROM,
                LINE);
        refusedNaming("restriction.speedKmh", () -> defects.report(vientianeSouth));
    }

    @Test
    void anUnknownAssetAndARestrictionEndingBeforeItStartsAreRefusedNamingTheirFields() {
        DefectReport r = mekongBridge("D-1");
        refusedNaming(
                "assetId",
                () -> defects.report(new DefectReport(
                        "D-1",
                        "BRG-NOWHERE",
                        779.5,
                        r.severity(),
                        r.description(),
                        r.restriction(),
                        r.photoIds(),
                        r.reportedBy(),
                        r.reportedAt(),
                        r.line())));
        refusedNaming(
                "restriction.validTo",
                () -> defects.report(new DefectReport(
                        "D-1",
                        r.assetId(),
                        r.km(),
                        r.severity(),
                        r.description(),
                        new RestrictionRequest(778.7, 780.2, 45, TO, FROM),
                        r.photoIds(),
                        r.reportedBy(),
                        r.reportedAt(),
                        r.line())));
        refusedNaming(
                "restriction.validTo",
                () -> defects.report(new DefectReport(
                        "D-1",
                        r.assetId(),
                        r.km(),
                        r.severity(),
                        r.description(),
                        new RestrictionRequest(778.7, 780.2, 45, FROM, FROM),
                        r.photoIds(),
                        r.reportedBy(),
                        r.reportedAt(),
                        r.line())));
    }

    @Test
    void theRestrictionRangeMustLieOnTheLineRunForwardAndCoverTheDefect() {
        refusedNaming("restriction.toKm", () -> defects.report(restricted(1034.0, 1036.0, 45)));
        refusedNaming("restriction.toKm", () -> defects.report(restricted(780.2, 778.7, 45)));
        refusedNaming("restriction.fromKm", () -> defects.report(restricted(770.0, 771.0, 45)));
    }

    @Test
    void theDescriptionIsRequiredAndAtMost2000CharactersAndAllErrorsComeTogether() {
        DefectReport r = mekongBridge("D-1");
        assertThat(defects.report(withDescription(r, "x".repeat(2000))).description())
                .hasSize(2000);
        refusedNaming("description", () -> defects.report(withDescription(r, "x".repeat(2001))));
        refusedNaming("description", () -> defects.report(withDescription(r, "  ")));

        DefectReport bad = new DefectReport(
                "",
                "BRG-NOWHERE",
                2000,
                null,
                null,
                new RestrictionRequest(778.7, 780.2, 200, FROM, FROM),
                List.of(" "),
                null,
                null,
                LINE);
        assertThatThrownBy(() -> defects.report(bad))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .contains(
                                        "id",
                                        "assetId",
                                        "km",
                                        "severity",
                                        "description",
                                        "photoIds[0]",
                                        "reportedBy",
                                        "reportedAt",
                                        "restriction.speedKmh",
                                        "restriction.validTo"));
    }

    private static DefectReport restricted(double fromKm, double toKm, int speed) {
        DefectReport r = mekongBridge("D-1");
        return new DefectReport(
                r.id(),
                r.assetId(),
                r.km(),
                r.severity(),
                r.description(),
                new RestrictionRequest(fromKm, toKm, speed, FROM, TO),
                r.photoIds(),
                r.reportedBy(),
                r.reportedAt(),
                r.line());
    }

    private static DefectReport with(DefectReport r, double km) {
        return new DefectReport(
                r.id(),
                r.assetId(),
                km,
                r.severity(),
                r.description(),
                null,
                r.photoIds(),
                r.reportedBy(),
                r.reportedAt(),
                r.line());
    }

    private static DefectReport withDescription(DefectReport r, String description) {
        return new DefectReport(
                r.id(),
                r.assetId(),
                r.km(),
                r.severity(),
                description,
                r.restriction(),
                r.photoIds(),
                r.reportedBy(),
                r.reportedAt(),
                r.line());
    }

    @Test
    void aRestrictionCountsForAPeriodIfItIsInForceAtAnyMomentOfItAndNotOnceLiftedBeforeIt() {
        Defect d = defects.report(mekongBridge("D-9"));
        SpeedRestriction r = new SpeedRestriction(778.7, 780.2, 45, FROM, TO, LINE);
        assertThat(Defects.restrictionsDuring(List.of(d), FROM.minusSeconds(3600), FROM))
                .isEmpty();
        assertThat(Defects.restrictionsDuring(List.of(d), FROM.minusSeconds(3600), FROM.plusSeconds(1)))
                .containsExactly(r);
        assertThat(Defects.restrictionsDuring(List.of(d), TO.minusSeconds(1), TO.plusSeconds(3600)))
                .containsExactly(r);
        assertThat(Defects.restrictionsDuring(List.of(d), TO, TO.plusSeconds(3600)))
                .isEmpty();
        Defect lifted = d.liftRestriction("Kham", utc("2026-12-03T00:00:00"));
        assertThat(Defects.restrictionsDuring(List.of(lifted), utc("2026-12-02T00:00:00"), utc("2026-12-03T00:00:00")))
                .containsExactly(new SpeedRestriction(778.7, 780.2, 45, FROM, utc("2026-12-03T00:00:00"), LINE));
        assertThat(Defects.restrictionsDuring(List.of(lifted), utc("2026-12-03T00:00:00"), utc("2026-12-04T00:00:00")))
                .isEmpty();
    }
}
