package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.network.BranchFiles;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;

/**
 * The asset register of the branch network (main line LA: Bram 0 – Jura 50 – Aldo 100; branch LC: Jura 0 – Cato 40),
 * generated line by line: each asset on its own line's km, the junction station once. Expected figures are read off
 * the test folder's CSV files.
 */
class BranchAssetsTest {
    private static final Network NETWORK =
            ReferenceData.parse(BranchFiles.branch()).network();
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
}
