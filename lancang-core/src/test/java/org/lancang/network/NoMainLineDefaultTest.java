package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.RoadRailBridges;

/**
 * A km range that names no line is placed once, where it comes in, on the network's one line or the one line holding
 * it, and never on the first line by default (ADR 0033): on the branch network (main line LA Bram 0 – Jura 50 – Aldo
 * 100, branch LC Jura 0 – Cato 40) km 60 is the main line's and km 30 is on both.
 */
class NoMainLineDefaultTest {
    private static final Network BRANCH =
            ReferenceData.parse(ReferenceFiles.branch()).network();
    private static final Network CHINA_LAOS =
            ReferenceData.parse(ReferenceFiles.chinaLaos()).network();

    @Test
    void aRangeOnOneLineOnlyIsThatLinesAndOneOnTwoLinesIsRefusedNamingTheField() {
        assertThat(BRANCH.lineHoldingKm(55, 90, "line").code()).isEqualTo("LA");
        assertThatThrownBy(() -> BRANCH.lineHoldingKm(5, 35, "restriction.line"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("restriction.line");
                    assertThat(e.getMessage()).contains("LA").contains("LC");
                });
        assertThatThrownBy(() -> BRANCH.lineHoldingKm(90, 120, "line"))
                .as("beyond every line's end")
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("line"));
    }

    @Test
    void aNetworkOfOneLineTakesItsOneLineWhateverTheKm() {
        Line only = CHINA_LAOS.lines().get(0);
        assertThat(CHINA_LAOS.lines()).hasSize(1);
        assertThat(CHINA_LAOS.lineHoldingKm(778.7, 780.2, "line")).isSameAs(only);
        // off the line too: the km are then refused against that line by whoever checks them
        assertThat(CHINA_LAOS.lineHoldingKm(2000, 2001, "line")).isSameAs(only);
    }

    @Test
    void aBridgeNamingNoLineIsOnTheOneLineHoldingItsKmAndAnAmbiguousOneIsALoadError() {
        String header = "name,km_from,km_to,lead_min,clear_min,minimum_closure_min,source\n";
        RoadRailBridges onMain =
                RoadRailBridges.parse(RoadRailBridges.FILE, header + "Aldo bridge,80,81,5,2,15,made up\n", BRANCH);
        assertThat(onMain.bridges().get(0).line().code()).isEqualTo("LA");
        assertThatThrownBy(() -> RoadRailBridges.parse(
                        RoadRailBridges.FILE,
                        header + "Aldo bridge,80,81,5,2,15,made up\nCato bridge,10,11,5,2,15,made up\n",
                        BRANCH))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(RoadRailBridges.FILE);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("line");
                });
        // named, the same km are the branch's
        RoadRailBridges named = RoadRailBridges.parse(
                RoadRailBridges.FILE,
                header.replace("source", "source,line") + "Cato bridge,10,11,5,2,15,made up,LC\n",
                BRANCH);
        assertThat(named.bridges().get(0).line().code()).isEqualTo("LC");
    }

    @Test
    void theShippedBridgeIsOnTheNongKhaiLineWithOrWithoutItsLineColumn() {
        DataFiles files = ReferenceFiles.vientianeBangkok();
        Network network = ReferenceData.parse(files).network();
        String shipped = files.read(RoadRailBridges.FILE);
        String withoutLine =
                shipped.lines().map(l -> l.substring(0, l.lastIndexOf(','))).reduce("", (a, b) -> a + b + "\n");
        assertThat(withoutLine).doesNotContain(",NK\n");
        RoadRailBridges.Bridge asShipped = RoadRailBridges.parse(RoadRailBridges.FILE, shipped, network)
                .bridges()
                .get(0);
        RoadRailBridges.Bridge resolved = RoadRailBridges.parse(RoadRailBridges.FILE, withoutLine, network)
                .bridges()
                .get(0);
        assertThat(asShipped.line().code()).isEqualTo("NK");
        assertThat(resolved).isEqualTo(asShipped);
    }
}
