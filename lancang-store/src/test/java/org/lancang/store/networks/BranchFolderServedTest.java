package org.lancang.store.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.FolderFiles;
import org.lancang.store.WorldCurrencies;
import org.lancang.ticketing.fares.FareQuote;
import org.lancang.timetable.conflict.Conflict;

/**
 * A network of several lines served from its folder (the core's branch test network) reads its timetable with the
 * network: a via that is no junction is refused when the folder is loaded, naming the file, the row and the column.
 */
class BranchFolderServedTest {
    private static final Path BRANCH = Path.of("..", "lancang-core", "src", "test", "resources", "networks", "branch");

    private static DataFiles folder(String timetable) {
        return FolderFiles.of(BRANCH, timetable);
    }

    @Test
    void theBranchFolderIsServedWithItsTrainAcrossTheJunction() {
        ServedNetwork branch = ServedNetwork.fromFiles(folder(null));
        assertThat(branch.network().lines()).hasSize(2);
        assertThat(branch.plans()).extracting(p -> p.number()).contains("T1", "T2");
    }

    @Test
    void theTwoTrainsMeetOnlyAtJuraAndAldoToCatoIsSoldOnTheWaysLength() throws IOException {
        LocalDate day = LocalDate.of(2026, 12, 1);
        ServedNetwork branch = ServedNetwork.fromFiles(folder(null));
        // as shipped, T2 (Cato → Bram, 07:00) has left Jura's one track before T1 (Aldo → Cato, 07:00) reaches it
        assertThat(branch.day(day).conflicts()).isEmpty();
        String later = Files.readString(BRANCH.resolve("timetable.csv"))
                .replace(
                        "T2,XA_RAIL,TINY9,true,daily,2026-01-01,2027-12-31,QC,QB,07:00",
                        "T2,XA_RAIL,TINY9,true,daily,2026-01-01,2027-12-31,QC,QB,07:05");
        List<Conflict> conflicts =
                ServedNetwork.fromFiles(folder(later)).day(day).conflicts();
        assertThat(conflicts)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.resource()).contains("QJ"));

        Currency yuan = WorldCurrencies.CNY;
        FareQuote q = branch.quote("QA", "QC", "T1", SeatClass.SECOND, null, yuan);
        double aldoJura = 100 - 50; // main line km
        double juraCato = 40 - 0; // branch km, counted from the junction
        assertThat(q.parts()).singleElement().satisfies(p -> assertThat(p.km()).isEqualTo(aldoJura + juraCato));
        // the folder's tariff: 0.5 CNY a km
        assertThat(q.total()).isEqualTo(Money.of(String.valueOf((aldoJura + juraCato) * 0.5), yuan));
    }

    @Test
    void aViaThatIsNoJunctionIsRefusedAtLoadNamingFileRowAndVia() throws IOException {
        String good = Files.readString(BRANCH.resolve("timetable.csv"));
        String bad = good.replace("the junction to Cato,QJ", "the junction to Cato,QAJ");
        assertThat(bad).isNotEqualTo(good);
        assertThatThrownBy(() -> ServedNetwork.fromFiles(folder(bad)))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("timetable.csv");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("via");
                });
    }
}
