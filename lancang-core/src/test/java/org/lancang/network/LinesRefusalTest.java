package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.TimetableFile;

/** A network folder whose lines break a rule is refused, naming the file, the row and the field. */
class LinesRefusalTest {
    private final ReferenceFiles files = ReferenceFiles.branch();

    private static void refused(ReferenceFiles broken, String file, int line, String field, String words) {
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
        ReferenceFiles broken =
                files.with(NetworkParser.POINTS, t -> t.replace("QC,Cato,,,XA,40,", "QC,Cato,,,XA,15,"));
        refused(broken, NetworkParser.POINTS, files.lineOf(NetworkParser.POINTS, "QC,"), "km", "strictly increasing");
    }

    @Test
    void aSectionAcrossTwoLinesIsRefused() {
        ReferenceFiles broken = files.with(NetworkParser.SECTIONS, t -> t.replace("QCJ,QC,", "QCJ,QA,"));
        refused(
                broken,
                NetworkParser.SECTIONS,
                files.lineOf(NetworkParser.SECTIONS, "QCJ,QC,"),
                "to",
                "not on line LC");
    }

    @Test
    void aJunctionOnAnUnknownLineIsRefused() {
        ReferenceFiles broken = files.with(LineChains.JUNCTIONS, t -> t.replace("QJ,LC,", "QJ,LX,"));
        refused(broken, LineChains.JUNCTIONS, 2, "line", "'LX' is not a line");
    }

    @Test
    void aLineNotConnectedToTheOthersIsRefused() {
        ReferenceFiles broken = files.with(LineChains.JUNCTIONS, t -> t.substring(0, t.indexOf('\n') + 1))
                .with(NetworkParser.SECTIONS, t -> t.replace("QJ,QCJ,", "QCX,QCJ,"))
                .with(
                        NetworkParser.POINTS,
                        t -> t.replace(
                                "QCJ,",
                                "QCX,Cato end,,,XA,1,derived,PASSENGER,Europe/Lisbon,2,500,made up,10,made up,,,,,"
                                        + "made up,LC\nQCJ,"));
        refused(broken, LineChains.LINES, 3, "code", "shares no junction");
    }

    @Test
    void aViaThatIsNotAJunctionIsRefusedAtTheTimetableRow() {
        ReferenceFiles broken = files.with("timetable.csv", t -> t.replace("to Cato,QJ", "to Cato,QAJ"));
        Network network = NetworkParser.parse(files);
        assertThatThrownBy(() -> TimetableFile.parse("timetable.csv", broken.read("timetable.csv"), network))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("timetable.csv");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("via");
                })
                .hasMessageContaining("'QAJ' is not a junction");
    }

    @Test
    void aTiedRouteIsRefusedAtTheTimetableRow() {
        // a third line straight from Bram to Cato, 90 km like the way through Jura
        ReferenceFiles tied = files.with(LineChains.LINES, t -> t + "LD,Dora link,,,,,made up\n")
                .with(LineChains.JUNCTIONS, t -> t + "QB,LD,0,derived,made up\nQC,LD,90,derived,made up\n")
                .with(
                        NetworkParser.SECTIONS,
                        t -> t + "QB,QC,1,120,100,INTER_STATION,0,flat,,none,made up,1435,none,made up,LD\n");
        Network network = NetworkParser.parse(tied);
        assertThatThrownBy(() -> TimetableFile.parse("timetable.csv", tied.read("timetable.csv"), network))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("timetable.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("via");
                })
                .hasMessageContaining("two routes of 90.0 km");
    }
}
