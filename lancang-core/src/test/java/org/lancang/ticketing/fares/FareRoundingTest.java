package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.money.Money;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;

/** Totals are rounded the way the operator selling in the buyer's currency rounds its fares (fare-rounding.csv). */
class FareRoundingTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);

    private static FareTable fares(ReferenceFiles files) {
        return FareTable.parse(
                DATA.network(),
                WorldCurrencies.TABLE,
                files.read(FareTable.FILE),
                files.read(FareTable.RATES_FILE),
                files.read(FareTable.ROUNDING_FILE));
    }

    @Test
    void withTheLaoFareOfApril2023KunmingSouthToVientianeIsThePublished470Yuan() {
        // the Lao second-class table in force in April 2023 (the 2021 one: Vientiane–Boten 333,000 LAK)
        ReferenceFiles april2023 = FILES.with(
                FareTable.FILE,
                t -> t.replace("TABLE,LCR,SECOND,LAK,VTE,PHH,67000,", "TABLE,LCR,SECOND,LAK,VTE,PHH,56000,")
                        .replace("TABLE,LCR,SECOND,LAK,VTE,VVG,124000,", "TABLE,LCR,SECOND,LAK,VTE,VVG,103000,")
                        .replace("TABLE,LCR,SECOND,LAK,VTE,LPB,238000,", "TABLE,LCR,SECOND,LAK,VTE,LPB,198000,")
                        .replace("TABLE,LCR,SECOND,LAK,VTE,MXY,335000,", "TABLE,LCR,SECOND,LAK,VTE,MXY,279000,")
                        .replace("TABLE,LCR,SECOND,LAK,VTE,BTN,400000,", "TABLE,LCR,SECOND,LAK,VTE,BTN,333000,"));
        FareQuote q = fares(april2023)
                .quote("KMS", "VTE", SeatClass.SECOND, WorldCurrencies.CNY)
                .orElseThrow();
        Money exactSum = q.parts().stream()
                .map(p -> fares(april2023).rates().convert(p.amount(), WorldCurrencies.CNY))
                .reduce(Money.zero(WorldCurrencies.CNY), Money::plus);
        assertThat(exactSum).as("the parts alone").isEqualTo(Money.of("469.83", WorldCurrencies.CNY));
        assertThat(q.total()).isEqualTo(Money.of("470.00", WorldCurrencies.CNY)); // [A] Global Times 2023-04-13
        // and with the 2026 data: 355.00 + 400,000 LAK / 2,900 = 492.93, sold as 493.00
        assertThat(fares(FILES)
                        .quote("KMS", "VTE", SeatClass.SECOND, WorldCurrencies.CNY)
                        .orElseThrow()
                        .total())
                .isEqualTo(Money.of("493.00", WorldCurrencies.CNY));
    }

    @Test
    void everyTotalIsAWholeStepOfItsCurrency() {
        FareTable fares = fares(FILES);
        List<Point> stations = DATA.network().points().stream()
                .filter(p -> p.kind() == PointKind.PASSENGER)
                .toList();
        int quoted = 0;
        for (Point a : stations) {
            for (Point b : stations) {
                if (a.equals(b)) {
                    continue;
                }
                for (SeatClass cls : List.of(SeatClass.FIRST, SeatClass.SECOND, SeatClass.HARD_SEAT)) {
                    var cny = fares.quote(a.code(), b.code(), cls, WorldCurrencies.CNY);
                    var lak = fares.quote(a.code(), b.code(), cls, WorldCurrencies.LAK);
                    if (cny.isPresent()) {
                        quoted++;
                        assertThat(cny.get().total().minor() % 50)
                                .as(a.code() + "–" + b.code())
                                .isZero();
                        assertThat(lak.orElseThrow().total().minor() % 1000)
                                .as(a.code() + "–" + b.code())
                                .isZero();
                        // rounding moves a total by at most half a step from the exact sum of its parts
                        Money exact = cny.get().parts().stream()
                                .map(p -> fares.rates().convert(p.amount(), WorldCurrencies.CNY))
                                .reduce(Money.zero(WorldCurrencies.CNY), Money::plus);
                        assertThat(Math.abs(exact.minor() - cny.get().total().minor()))
                                .isLessThanOrEqualTo(25);
                    }
                }
            }
        }
        assertThat(quoted).isGreaterThan(500);
    }

    @Test
    void eachStationSellsInItsOperatorsCurrencyAndTheBorderInNone() {
        FareTable fares = fares(FILES);
        assertThat(fares.localCurrency("VTE")).contains(WorldCurrencies.LAK);
        assertThat(fares.localCurrency("LPB")).contains(WorldCurrencies.LAK);
        assertThat(fares.localCurrency("KMS")).contains(WorldCurrencies.CNY);
        assertThat(fares.localCurrency("BDR")).isEmpty();
        assertThat(fares.localCurrency("NOPE")).isEmpty();
    }

    @Test
    void aStepFinerThanTheCurrencyIsRefused() {
        assertThatThrownBy(() -> FareTable.parse(
                        DATA.network(),
                        WorldCurrencies.TABLE,
                        FILES.read(FareTable.FILE),
                        FILES.read(FareTable.RATES_FILE),
                        "currency,step,source\nLAK,0.5,x\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("step");
    }
}
