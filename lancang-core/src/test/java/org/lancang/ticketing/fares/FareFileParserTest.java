package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;

/** A mistake in fares.csv or exchange-rates.csv is reported with its file, line and field. */
class FareFileParserTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final Network NETWORK = ReferenceData.parse(FILES).network();
    private static final String FARES = FILES.read(FareTable.FILE);

    /** The line of fares.csv that starts with {@code prefix}. */
    private static int lineOf(String prefix) {
        String[] lines = FARES.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    private static void assertNamed(UnaryOperator<String> edit, int line, String field, String problem) {
        assertThatThrownBy(
                        () -> FareFileParser.parse(FareTable.FILE, edit.apply(FARES), NETWORK, WorldCurrencies.TABLE))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("fares.csv");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(problem);
                });
    }

    @Test
    void theShippedFileParsesAndEveryTariffIsDated() {
        assertThat(FareFileParser.parse(FareTable.FILE, FARES, NETWORK, WorldCurrencies.TABLE))
                .hasSize(5)
                .allSatisfy(t -> assertThat(t.validFrom()).isAfter(LocalDate.of(2021, 12, 3)));
    }

    @Test
    void anUnknownStation() {
        assertNamed(
                t -> t.replace("LCR,SECOND,LAK,VTE,LPB,", "LCR,SECOND,LAK,VTE,XXX,"),
                lineOf("TABLE,LCR,SECOND,LAK,VTE,LPB"),
                "to",
                "'XXX' is not a point of the line");
    }

    @Test
    void aPointOnTheOtherOperatorsPart() {
        assertNamed(
                t -> t.replace("LCR,SECOND,LAK,VTE,LPB,", "LCR,SECOND,LAK,KMS,LPB,"),
                lineOf("TABLE,LCR,SECOND,LAK,VTE,LPB"),
                "from",
                "'KMS' is not on the part of the line LCR charges for");
        assertNamed(
                t -> t.replace("LCR,SECOND,LAK,VTE,LPB,", "LCR,SECOND,LAK,VTE,BDR,"),
                lineOf("TABLE,LCR,SECOND,LAK,VTE,LPB"),
                "to",
                "'BDR' is not on the part");
    }

    @Test
    void anAmountThatIsNotANumberOrHasFractionsOfAKip() {
        assertNamed(
                t -> t.replace("VTE,LPB,238000", "VTE,LPB,238k"),
                lineOf("TABLE,LCR,SECOND,LAK,VTE,LPB"),
                "amount",
                "'238k' is not a decimal number");
        assertNamed(
                t -> t.replace("VTE,LPB,238000", "VTE,LPB,238000.5"),
                lineOf("TABLE,LCR,SECOND,LAK,VTE,LPB"),
                "amount",
                "not a whole number of LAK");
    }

    @Test
    void aFareThatDoesNotGrowWithDistance() {
        assertNamed(
                t -> t.replace("VTE,MXY,335000", "VTE,MXY,230000"),
                lineOf("TABLE,LCR,SECOND,LAK,VTE,MXY"),
                "amount",
                "fares must grow with distance");
    }

    @Test
    void aPairListedTwice() {
        assertNamed(
                t -> t.replace("LCR,FIRST,LAK,VTE,PHH", "LCR,FIRST,LAK,PHH,VTE")
                        .replace("LCR,FIRST,LAK,VTE,VVG", "LCR,FIRST,LAK,VTE,PHH"),
                lineOf("TABLE,LCR,FIRST,LAK,VTE,VVG"),
                "amount",
                "appears twice");
    }

    @Test
    void rowsOfOneTariffThatDisagree() {
        assertNamed(
                t -> t.replace("LCR,FIRST,LAK,VTE,VVG,197000,,1000", "LCR,FIRST,LAK,VTE,VVG,197000,,500"),
                lineOf("TABLE,LCR,FIRST,LAK,VTE,VVG"),
                "rounding",
                "differs from line 2");
        assertNamed(
                t -> t.replace("VTE,VVG,197000,,1000,2023-08-17", "VTE,VVG,197000,,1000,2021-12-03"),
                lineOf("TABLE,LCR,FIRST,LAK,VTE,VVG"),
                "valid_from",
                "differs from 2023-08-17");
        assertNamed(
                t -> t.replace("VTE,VVG,197000,,1000,2023-08-17", "VTE,VVG,197000,,1000,last summer"),
                lineOf("TABLE,LCR,FIRST,LAK,VTE,VVG"),
                "valid_from",
                "'last summer' is not a date");
        // a row in another currency is a price the operator sets in that currency too: a table of its own, which
        // one fare alone cannot make
        assertNamed(
                t -> t.replace("TABLE,LCR,FIRST,LAK,VTE,VVG", "TABLE,LCR,FIRST,CNY,VTE,VVG"),
                lineOf("TABLE,LCR,FIRST,LAK,VTE,VVG"),
                "amount",
                "at least two published fares");
        assertNamed(
                t -> t + "PER_KM,CR_KUNMING,FIRST,CNY,,,,0.5,0.5,2023-04-13,again\n",
                lineOf("PER_KM,CR_KUNMING,FIRST") + 2,
                "kind",
                "a second PER_KM rate");
    }

    @Test
    void aRateRowWithATableField() {
        assertNamed(
                t -> t.replace("PER_KM,CR_KUNMING,SECOND,CNY,,,,", "PER_KM,CR_KUNMING,SECOND,CNY,,,355,"),
                lineOf("PER_KM,CR_KUNMING,SECOND"),
                "amount",
                "must be blank");
        assertNamed(
                t -> t.replace("0.5969,0.5", "0.5969,0.001"),
                lineOf("PER_KM,CR_KUNMING,SECOND"),
                "rounding",
                "finer than the smallest CNY unit");
        assertNamed(
                t -> t.replace("0.5969,0.5", "-0.5969,0.5"),
                lineOf("PER_KM,CR_KUNMING,SECOND"),
                "per_km",
                "must be positive");
    }

    @Test
    void anUnknownKindOperatorOrClass() {
        assertNamed(
                t -> t.replace("PER_KM,CR_KUNMING,SECOND", "PER_MILE,CR_KUNMING,SECOND"),
                lineOf("PER_KM,CR_KUNMING,SECOND"),
                "kind",
                "'PER_MILE' is not one of");
        assertNamed(
                t -> t.replace("PER_KM,CR_KUNMING,SECOND", "PER_KM,SRT,SECOND"),
                lineOf("PER_KM,CR_KUNMING,SECOND"),
                "operator",
                "'SRT' is not one of");
        assertNamed(
                t -> t.replace("PER_KM,CR_KUNMING,SECOND", "PER_KM,CR_KUNMING,BUSINESS"),
                lineOf("PER_KM,CR_KUNMING,SECOND"),
                "seat_class",
                "'BUSINESS' is not one of");
    }

    @Test
    void aBadExchangeRateIsNamedToo() {
        assertThatThrownBy(() -> ExchangeRateFileParser.parse(
                        "exchange-rates.csv", "base,quote,rate,source\nCNY,LAK,2,900,oops\n", WorldCurrencies.TABLE))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> ExchangeRateFileParser.parse(
                        "exchange-rates.csv", "base,quote,rate,source\nCNY,LAK,0,assumed\n", WorldCurrencies.TABLE))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.field()).isEqualTo("rate");
                    assertThat(e.getMessage()).startsWith("exchange-rates.csv:2:");
                });
        assertThatThrownBy(() -> ExchangeRateFileParser.parse(
                        "exchange-rates.csv", "base,quote,rate,source\nCNY,CNY,1,same\n", WorldCurrencies.TABLE))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("quote"));
    }
}
