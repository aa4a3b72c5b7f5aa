package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.ReferenceData;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.Operator;

class FareTableTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private final FareTable fares = FareTable.parse(DATA.network(), FILES.read("fares.csv"), FILES.read("exchange-rates.csv"));

    @Test
    void thePublishedLaoFaresAreReproducedExactly() {
        assertThat(fares.quote("VTE", "LPB", SeatClass.SECOND, Currency.LAK).orElseThrow().total())
                .isEqualTo(new Money(198_000, Currency.LAK));
        assertThat(fares.quote("BTN", "VTE", SeatClass.FIRST, Currency.LAK).orElseThrow().total())
                .isEqualTo(new Money(529_000, Currency.LAK));
        assertThat(fares.quote("PHH", "VTE", SeatClass.HARD_SEAT, Currency.LAK).orElseThrow().total())
                .isEqualTo(new Money(40_000, Currency.LAK));
    }

    @Test
    void otherLaoPairsArePricedByDistanceAndGrowWithIt() {
        long vvgLpb = fares.quote("VVG", "LPB", SeatClass.SECOND, Currency.LAK).orElseThrow().total().minor();
        long vvgMxy = fares.quote("VVG", "MXY", SeatClass.SECOND, Currency.LAK).orElseThrow().total().minor();
        long vvgBtn = fares.quote("VVG", "BTN", SeatClass.SECOND, Currency.LAK).orElseThrow().total().minor();
        assertThat(vvgLpb).isLessThan(vvgMxy).isLessThan(vvgBtn).isLessThan(333_000);
        assertThat(vvgLpb % 1000).isZero();
        // Vang Vieng–Luang Prabang is 115.8 km: between the published 64 km (56,000) and 123 km (103,000) fares
        assertThat(vvgLpb).isBetween(96_000L, 103_000L);
    }

    @Test
    void kunmingSouthVientianeReproducesThePublished760And470Cny() {
        FareQuote first = fares.quote("KMS", "VTE", SeatClass.FIRST, Currency.CNY).orElseThrow();
        FareQuote second = fares.quote("KMS", "VTE", SeatClass.SECOND, Currency.CNY).orElseThrow();
        assertThat(first.total().major()).isBetween(new BigDecimal("759.50"), new BigDecimal("760.50"));
        assertThat(second.total().major()).isBetween(new BigDecimal("469.50"), new BigDecimal("470.50"));
        assertThat(second.parts()).extracting(FarePart::operator).containsExactly(Operator.CR_KUNMING, Operator.LCR);
        assertThat(second.parts().get(0).amount().currency()).isEqualTo(Currency.CNY);
        assertThat(second.parts().get(1).amount()).isEqualTo(new Money(333_000, Currency.LAK));
        FareQuote back = fares.quote("VTE", "KMS", SeatClass.SECOND, Currency.LAK).orElseThrow();
        assertThat(back.parts()).extracting(FarePart::operator).containsExactly(Operator.LCR, Operator.CR_KUNMING);
    }

    @Test
    void aClassNotSoldOnASectionHasNoFare() {
        assertThat(fares.quote("KMS", "XSB", SeatClass.HARD_SEAT, Currency.CNY)).isEmpty();
        assertThat(fares.quote("KMS", "XSB", SeatClass.SECOND, Currency.CNY)).isPresent();
    }

    @Test
    void moneyIsExactAndConversionRoundsOnce() {
        Money a = Money.of("0.10", Currency.CNY);
        Money b = Money.of("0.20", Currency.CNY);
        assertThat(a.plus(b)).isEqualTo(Money.of("0.30", Currency.CNY));
        assertThat(Money.of("470", Currency.CNY).percent(5)).isEqualTo(Money.of("23.50", Currency.CNY));
        assertThat(fares.rate().convert(Money.of("1.00", Currency.CNY), Currency.LAK)).isEqualTo(new Money(2900, Currency.LAK));
        assertThat(fares.rate().convert(new Money(333_000, Currency.LAK), Currency.CNY)).isEqualTo(Money.of("114.83", Currency.CNY));
        assertThatThrownBy(() -> a.plus(new Money(1, Currency.LAK))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadFareLineIsNamed() {
        String broken = FILES.read("fares.csv").replace("LCR,SECOND,LAK,VTE,LPB,198000", "LCR,SECOND,LAK,VTE,XXX,198000");
        assertThatThrownBy(() -> FareTable.parse(DATA.network(), broken, FILES.read("exchange-rates.csv")))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("fares.csv");
                    assertThat(e.field()).isEqualTo("to");
                    assertThat(e.line()).isEqualTo(9);
                });
    }
}
