package org.lancang.store.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.reference.CurrencyFiles;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.ticketing.fares.FarePart;
import org.lancang.ticketing.fares.FareQuote;

/**
 * The Narvik – Kiruna folder a stranger wrote from the docs (lancang-core's test resources) served as any network:
 * its day without conflict, a fare in its own two currencies, and a train its type cannot pull refused when the folder
 * is loaded, naming the file, the row and the column, not on the first request that plans the day.
 */
class OfotbanenFolderServedTest {
    private static DataFiles folder(String timetable) {
        TestNetworkFolder folder = TestNetworkFolder.ofotbanen();
        return timetable == null ? folder : folder.with("timetable.csv", t -> timetable);
    }

    @Test
    void servedWithItsTrainsAndPricedInKronerOfBothCountries() {
        ServedNetwork network = ServedNetwork.fromFiles(folder(null));
        assertThat(network.day(LocalDate.of(2026, 12, 10)).conflicts()).isEmpty();

        Currencies currencies = CurrencyFiles.of(List.of(folder(null)));
        Currency nok = currencies.byCode("NOK").orElseThrow();
        Currency sek = currencies.byCode("SEK").orElseThrow();
        FareQuote q = network.quote("NVK", "KRN", "7002", SeatClass.SECOND, null, nok);

        // fares.csv: 2.2 NOK/km to the border (km 41.5), 1.8 SEK/km beyond it (km 168), whole crowns;
        // exchange-rates.csv: 1 NOK = 0.98 SEK
        long norway = Math.round(41.5 * 2.2);
        long sweden = Math.round((168 - 41.5) * 1.8);
        assertThat(q.parts())
                .extracting(FarePart::amount)
                .containsExactly(Money.of(String.valueOf(norway), nok), Money.of(String.valueOf(sweden), sek));
        assertThat(q.total()).isEqualTo(Money.of(String.valueOf(Math.round(norway + sweden / 0.98)), nok));
    }

    @Test
    void aTrainItsTypeCannotPullIsRefusedWhenTheFolderIsLoaded() {
        String good = TestNetworkFolder.ofotbanen().original("timetable.csv");
        String bad = good.replace("9902,LKAB,IORE_EMPTY,", "9902,LKAB,IORE,");
        assertThat(bad).isNotEqualTo(good);
        int row = (int) good.substring(0, good.indexOf("9902,")).lines().count() + 1;

        assertThatThrownBy(() -> ServedNetwork.fromFiles(folder(bad)))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("timetable.csv");
                    assertThat(e.line()).isEqualTo(row);
                    assertThat(e.field()).isEqualTo("train_type");
                    assertThat(e.getMessage())
                            .contains("IORE cannot run NVK → KRN")
                            .contains("stalls between");
                });
    }
}
