package org.lancang.ticketing.inventory;

import java.util.List;
import org.lancang.network.Point;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.Seat;
import org.lancang.testing.ReferenceFiles;

/**
 * A run of D87 (the former D887) for tests: the CR200J's 720 seats and its stopping pattern, with km from the reference
 * network, and its cross-border quota.
 */
final class D887 {
    static final ReferenceData DATA = ReferenceData.parse(ReferenceFiles.chinaLaos());
    static final List<Seat> SEATS =
            DATA.rollingStock().type("CR200J").orElseThrow().seats();
    static final List<String> STOPS = List.of("KMS", "YXI", "PUE", "XSB", "MHN", "BTN", "MXY", "LPB", "VVG", "VTE");
    static final List<Point> POINTS =
            STOPS.stream().map(code -> DATA.network().point(code).orElseThrow()).toList();
    /** Mohan → Boten. */
    static final int BORDER_SEGMENT = CrossBorderSplit.borderSegment(POINTS).orElseThrow();

    static final CrossBorderSplit SPLIT = CrossBorderSplit.cr200j(SEATS, BORDER_SEGMENT);

    private D887() {}

    static SeatInventory split(AllocationPolicy policy) {
        return new SeatInventory(SEATS, STOPS.size(), SPLIT, policy);
    }

    static SeatInventory anyCar(AllocationPolicy policy) {
        return new SeatInventory(SEATS, STOPS.size(), CarRule.anyCar(), policy);
    }

    static double km(int from, int to) {
        return POINTS.get(to).km() - POINTS.get(from).km();
    }

    static int stop(String code) {
        return STOPS.indexOf(code);
    }
}
