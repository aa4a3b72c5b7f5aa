package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.maintenance.Fixtures.refusedNaming;
import static org.lancang.maintenance.Fixtures.utc;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.Possession;

/**
 * A work order is planned in a window that reaches its work on the work's own line (ADR 0033): on the branch network
 * (main line LA Bram 0 – Bram loop 25 – Jura 50 – Aldo 100, branch LC Jura 0 – Cato loop 20 – Cato 40) a window Jura –
 * Cato closes the branch's km 0–40, not the main line's km 40–50 that Jura's own km would suggest.
 */
class WorkOrderWindowOnItsLineTest {
    private static final Network NETWORK =
            ReferenceData.parse(ReferenceFiles.branch()).network();
    private static final AssetRegister REGISTER = AssetRegister.generate(NETWORK);
    private static final Instant AT = utc("2026-12-01T02:00:00");
    private static final Possession JURA_CATO = new Possession(
            "SKY-QJ-QC-2026-12-03", "QJ", "QC", utc("2026-12-03T00:00:00"), utc("2026-12-03T03:00:00"), "");

    private final WorkOrders orders = new WorkOrders(REGISTER);

    @Test
    void aBranchWindowReachesTheBranchsTrackAndNotTheMainLinesAtTheSameKm() {
        WorkOrder branchTrack = orders.planned("WO-LC", "TRK-QJ-QCJ", "Tamping", "P", AT);
        assertThat(orders.plan(branchTrack, JURA_CATO, "gang", "P", AT).status())
                .isEqualTo(WorkOrderStatus.PLANNED);

        WorkOrder mainTrack = orders.planned("WO-LA", "TRK-QBJ-QJ", "Tamping", "P", AT);
        refusedNaming("window", () -> orders.plan(mainTrack, JURA_CATO, "gang", "P", AT));
    }
}
