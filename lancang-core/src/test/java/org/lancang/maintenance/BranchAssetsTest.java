package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.SpeedRestriction;

/**
 * The asset register of the branch network (main line LA: Bram 0 – Jura 50 – Aldo 100; branch LC: Jura 0 – Cato 40),
 * generated line by line: each asset on its own line's km, the junction station once. Expected figures are read off
 * the test folder's CSV files.
 */
class BranchAssetsTest {
    private static final Network NETWORK =
            ReferenceData.parse(ReferenceFiles.branch()).network();
    private static final AssetRegister REGISTER = AssetRegister.generate(NETWORK);

    @Test
    void everySectionOfEveryLineHasItsTrackOnItsLinesKm() {
        assertThat(REGISTER.ofType(AssetType.TRACK))
                .extracting(Asset::id)
                .containsExactlyInAnyOrder(
                        "TRK-QB-QBJ", "TRK-QBJ-QJ", "TRK-QJ-QAJ", "TRK-QAJ-QA", "TRK-QJ-QCJ", "TRK-QCJ-QC");
        Asset branchEnd = REGISTER.get("TRK-QCJ-QC");
        assertThat(List.of(branchEnd.fromKm(), branchEnd.toKm())).containsExactly(20.0, 40.0);
        assertThat(branchEnd.attributes()).containsEntry("line", "LC");
        assertThat(REGISTER.get("TRK-QJ-QAJ").attributes()).containsEntry("line", "LA");
        assertThat(REGISTER.ofType(AssetType.OVERHEAD_LINE)).isEmpty(); // no section is electrified
    }

    @Test
    void theJunctionStationIsOneAssetOnTheMainLineAndTheBranchTerminusOnTheBranch() {
        assertThat(REGISTER.ofType(AssetType.STATION))
                .extracting(Asset::id)
                .containsExactlyInAnyOrder("STN-QB", "STN-QBJ", "STN-QJ", "STN-QAJ", "STN-QA", "STN-QCJ", "STN-QC");
        Asset jura = REGISTER.get("STN-QJ");
        assertThat(List.of(jura.fromKm(), jura.toKm())).containsExactly(49.75, 50.25);
        assertThat(jura.attributes()).containsEntry("line", "LA");
        Asset cato = REGISTER.get("STN-QC"); // 500 m useful length, cut at the branch's end
        assertThat(List.of(cato.fromKm(), cato.toKm())).containsExactly(39.75, 40.0);
        assertThat(REGISTER.ofType(AssetType.TURNOUT).stream().filter(t -> t.id().startsWith("TO-QC-")))
                .hasSize(4)
                .allSatisfy(
                        t -> assertThat(t.fromKm()).isEqualTo(39.75)); // a terminus: all at the throat facing the line
    }

    @Test
    void theBranchTunnelLiesOnTheBranchKm() {
        List<Asset> tunnels = REGISTER.ofType(AssetType.TUNNEL);
        assertThat(tunnels).hasSize(1);
        Asset tunnel = tunnels.get(0);
        assertThat(List.of(tunnel.fromKm(), tunnel.toKm())).containsExactly(10.0, 12.0);
        assertThat(tunnel.id()).isEqualTo("TUN-QCJ-CATO"); // nearest published point of the branch: Cato loop, km 20
        assertThat(tunnel.attributes()).containsEntry("line", "LC");
    }

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

    private static DefectReport onLine(String line, String assetId, double km, double toKm) {
        return new DefectReport(
                "D-1",
                assetId,
                km,
                Severity.HIGH,
                "Rail break",
                new RestrictionRequest(5, toKm, 30, FROM, FROM.plusSeconds(86_400)),
                List.of(),
                "Kham",
                FROM,
                line);
    }

    private static List<String> refused(Runnable r) {
        try {
            r.run();
        } catch (InvalidInput e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aDefectOnTheBranchIsCheckedOnTheBranchAndItsRestrictionIsTheBranchs() {
        Defects defects = new Defects(REGISTER);
        Defect d = defects.report(onLine("LC", "TRK-QJ-QCJ", 10, 35));
        assertThat(d.line()).isEqualTo("LC");
        assertThat(d.restrictionInForce(FROM))
                .contains(new SpeedRestriction(5, 35, 30, FROM, FROM.plusSeconds(86_400), "LC"));
        // the main line's, named or taken from its asset: named in the defect as every line is (ADR 0033)
        assertThat(defects.report(onLine(null, "TRK-QBJ-QJ", 30, 35)).line()).isEqualTo("LA");
        assertThat(defects.report(onLine("LA", "TRK-QBJ-QJ", 30, 35)).line()).isEqualTo("LA");
        assertThat(defects.report(onLine(null, "TRK-QBJ-QJ", 30, 35)).restrictionInForce(FROM))
                .contains(new SpeedRestriction(5, 35, 30, FROM, FROM.plusSeconds(86_400), "LA"));

        assertThat(refused(() -> defects.report(onLine("ZZ", "TRK-QJ-QCJ", 10, 35))))
                .containsExactly("line");
        // km 45 lies on the main line (0 – 100) but beyond the branch's end (40)
        assertThat(refused(() -> defects.report(onLine("LC", "TRK-QJ-QCJ", 10, 45))))
                .containsExactly("restriction.toKm");
        assertThat(refused(() -> defects.report(onLine("LC", "TRK-QBJ-QJ", 30, 35))))
                .as("an asset of the main line")
                .containsExactly("assetId");
    }

    @Test
    void aDefectNamingNoLineIsOnItsAssetsLine() {
        Defects defects = new Defects(REGISTER);
        // the branch's track, km 10 of the branch: an asset id names one place, so its line goes without saying
        Defect d = defects.report(onLine(null, "TRK-QJ-QCJ", 10, 35));
        assertThat(d.line()).isEqualTo("LC");
        assertThat(d.restrictionInForce(FROM))
                .contains(new SpeedRestriction(5, 35, 30, FROM, FROM.plusSeconds(86_400), "LC"));
        assertThat(defects.report(onLine("", "TRK-QJ-QCJ", 10, 35)).line()).isEqualTo("LC");
        // an unknown asset at km 10, which is on both lines: refused for its id and for the line it does not name
        assertThat(refused(() -> defects.report(onLine(null, "TRK-NONE", 10, 35))))
                .containsExactlyInAnyOrder("assetId", "line");
        // km 60 is on the main line only: its line goes without saying, and only the id is refused
        assertThat(refused(() -> defects.report(onLine(null, "TRK-NONE", 60, 65))))
                .contains("assetId")
                .doesNotContain("line");
    }

    @Test
    void anAssetIsEditedOnItsOwnLinesKm() {
        AssetDraft cato = AssetDraft.of(REGISTER.get("TRK-QCJ-QC"));
        AssetDraft longer = new AssetDraft(cato.id(), cato.type(), cato.name(), cato.fromKm(), 45, cato.attributes());
        assertThat(refused(() -> REGISTER.update(longer))).containsExactly("toKm");
        AssetDraft shorter = new AssetDraft(cato.id(), cato.type(), cato.name(), cato.fromKm(), 39, cato.attributes());
        assertThat(REGISTER.update(shorter).get(cato.id()).toKm()).isEqualTo(39.0);
        AssetDraft nowhere = new AssetDraft("TRK-NEW", AssetType.TRACK, "Track", 1, 2, Map.of("line", "ZZ"));
        assertThat(refused(() -> REGISTER.add(nowhere))).containsExactly("line");
    }
}
