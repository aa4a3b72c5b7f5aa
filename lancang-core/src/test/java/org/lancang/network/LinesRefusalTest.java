package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;

/** A network folder whose lines break a rule is refused, naming the file, the row and the field. */
class LinesRefusalTest {
    private final BranchFiles files = BranchFiles.branch();

    private static void refused(BranchFiles broken, String file, int line, String field, String words) {
        assertThatThrownBy(() -> NetworkParser.parse(broken))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                })
                .hasMessageContaining(words);
    }

    @Test
    void theBranchNetworkItselfLoads() {
        assertThat(NetworkParser.parse(files).lines()).hasSize(2);
    }

    @Test
    void kmNotRisingOnALineIsRefusedAtThePointsRow() {
        BranchFiles broken = files.with(NetworkParser.POINTS, t -> t.replace("QC,Cato,,,XA,40,", "QC,Cato,,,XA,15,"));
        refused(broken, NetworkParser.POINTS, files.lineOf(NetworkParser.POINTS, "QC,"), "km", "strictly increasing");
    }

    @Test
    void aSectionAcrossTwoLinesIsRefused() {
        BranchFiles broken = files.with(NetworkParser.SECTIONS, t -> t.replace("QCJ,QC,", "QCJ,QA,"));
        refused(
                broken,
                NetworkParser.SECTIONS,
                files.lineOf(NetworkParser.SECTIONS, "QCJ,QC,"),
                "to",
                "not on line LC");
    }

    @Test
    void aJunctionOnAnUnknownLineIsRefused() {
        BranchFiles broken = files.with(LineChains.JUNCTIONS, t -> t.replace("QJ,LC,", "QJ,LX,"));
        refused(broken, LineChains.JUNCTIONS, 2, "line", "'LX' is not a line");
    }

    @Test
    void aLineNotConnectedToTheOthersIsRefused() {
        BranchFiles broken = files.with(LineChains.JUNCTIONS, t -> t.substring(0, t.indexOf('\n') + 1))
                .with(NetworkParser.SECTIONS, t -> t.replace("QJ,QCJ,", "QCX,QCJ,"))
                .with(
                        NetworkParser.POINTS,
                        t -> t.replace(
                                "QCJ,",
                                "QCX,Cato end,,,XA,1,derived,PASSENGER,Europe/Lisbon,2,500,made up,10,made up,,,,,"
                                        + "made up,LC\nQCJ,"));
        refused(broken, LineChains.LINES, 3, "code", "shares no junction");
    }
}
