package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.Ref;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;

/**
 * The shipped fares: the Lao table as raised in 2023 exact, the Chinese rate fitted to the published cross-border
 * fares, growth with distance.
 */
class FareTableTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final FareTable FARES = FareTable.parse(
            DATA.network(), WorldCurrencies.TABLE, FILES.read(FareTable.FILE), FILES.read(FareTable.RATES_FILE));
    /** Vientiane Times, Dec 2021: from Vientiane to PHH, VVG, LPB, MXY, BTN. */
    private static final List<String> PUBLISHED_TO = List.of("PHH", "VVG", "LPB", "MXY", "BTN");

    @Test
    void theLaoTableIsThe2021OneRaisedBy20PercentEitherWay() {
        // the December 2021 fares, raised by the 20 % allowed in 2023 and rounded half-up to 1,000 LAK
        assertRaised(SeatClass.FIRST, 86_000, 164_000, 313_000, 443_000, 529_000);
        assertRaised(SeatClass.SECOND, 56_000, 103_000, 198_000, 279_000, 333_000);
        assertRaised(SeatClass.HARD_SEAT, 40_000, 74_000, 140_000, 198_000, 238_000);
        assertThat(lak("VTE", "LPB", SeatClass.SECOND)).isEqualTo(new Money(238_000, WorldCurrencies.LAK));
    }

    @Test
    void theTableIsDatedAndStaysBelowWhatATravellerPaidIn2026() {
        assertThat(FARES.tariff(Ref.LCR, SeatClass.SECOND).orElseThrow().validFrom())
                .isEqualTo(LocalDate.of(2023, 8, 17));
        assertThat(FARES.tariff(Ref.CR_KUNMING, SeatClass.SECOND).orElseThrow().validFrom())
                .isEqualTo(LocalDate.of(2023, 4, 13));
        // a traveller's 2026 second-class prices, perhaps with an agent's margin: an upper bound
        assertThat(lak("VTE", "VVG", SeatClass.SECOND).minor()).isLessThanOrEqualTo(170_000);
        assertThat(lak("VTE", "LPB", SeatClass.SECOND).minor()).isLessThanOrEqualTo(350_000);
        assertThat(lak("LPB", "BTN", SeatClass.SECOND).minor()).isLessThanOrEqualTo(220_000);
    }

    private static void assertRaised(SeatClass seatClass, long... kip2021) {
        for (int i = 0; i < kip2021.length; i++) {
            long raised = new BigDecimal(kip2021[i])
                            .multiply(new BigDecimal("1.2"))
                            .divide(new BigDecimal(1000), 0, RoundingMode.HALF_UP)
                            .longValueExact()
                    * 1000;
            Money expected = new Money(raised, WorldCurrencies.LAK);
            assertThat(lak("VTE", PUBLISHED_TO.get(i), seatClass))
                    .as("VTE–%s %s", PUBLISHED_TO.get(i), seatClass)
                    .isEqualTo(expected);
            assertThat(lak(PUBLISHED_TO.get(i), "VTE", seatClass)).isEqualTo(expected);
        }
    }

    @Test
    void otherLaoPairsArePricedByDistanceBetweenThePublishedFares() {
        // Vang Vieng–Luang Prabang, 115.8 km: between Vientiane–Phonhong (64 km, 67,000) and –Vang Vieng (123 km,
        // 124,000): 67,000 + 57,000 × 51.8 / 59 = 117,044 → 117,000
        assertThat(lak("VVG", "LPB", SeatClass.SECOND)).isEqualTo(new Money(117_000, WorldCurrencies.LAK));
        // Boten–Nateuy, 12.4 km, shorter than any published fare: the line through the first two published points,
        // 67,000 − 57,000 × (64 − 12.4) / 59 = 17,149 → 17,000
        assertThat(lak("BTN", "NTY", SeatClass.SECOND)).isEqualTo(new Money(17_000, WorldCurrencies.LAK));
        // Vientiane South is 419 km from Boten, beyond the longest published distance (406 km): the last stretch's
        // slope
        assertThat(lak("BTN", "VTS", SeatClass.FIRST).minor()).isBetween(635_000L, 660_000L);
        assertThat(lak("MXY", "LPB", SeatClass.HARD_SEAT).minor() % 1000).isZero();
    }

    @Test
    void theChineseRateGivesThe760And470CnyOfApril2023WithTheLaoFaresThenInForce() {
        FareQuote first = quote("KMS", "VTE", SeatClass.FIRST, WorldCurrencies.CNY);
        FareQuote second = quote("KMS", "VTE", SeatClass.SECOND, WorldCurrencies.CNY);
        Money chineseFirst = first.parts().get(0).amount();
        Money chineseSecond = second.parts().get(0).amount();
        // the Boten–Vientiane fares of the December 2021 table, in force when 760 / 470 CNY were published
        BigDecimal laoFirst2021 = new BigDecimal(529_000).divide(new BigDecimal(2_900), 2, RoundingMode.HALF_UP);
        BigDecimal laoSecond2021 = new BigDecimal(333_000).divide(new BigDecimal(2_900), 2, RoundingMode.HALF_UP);
        assertThat(chineseFirst.major().add(laoFirst2021))
                .isBetween(new BigDecimal("759.50"), new BigDecimal("760.50"));
        assertThat(chineseSecond.major().add(laoSecond2021))
                .isBetween(new BigDecimal("469.50"), new BigDecimal("470.50"));
        // with the Lao fares as raised in 2023
        assertThat(first.total()).isEqualTo(Money.of("796.47", WorldCurrencies.CNY)); // 577.50 + 635,000 LAK / 2,900
        assertThat(second.total()).isEqualTo(Money.of("492.93", WorldCurrencies.CNY)); // 355.00 + 400,000 LAK / 2,900

        assertThat(second.parts()).extracting(FarePart::operator).containsExactly(Ref.CR_KUNMING, Ref.LCR);
        assertThat(second.parts().get(0).to()).isEqualTo("BDR");
        assertThat(second.parts().get(0).km())
                .as("Kunming South, km 18, to the border")
                .isEqualTo(595.0);
        assertThat(chineseSecond).isEqualTo(Money.of("355.00", WorldCurrencies.CNY));
        assertThat(second.parts().get(1).from()).isEqualTo("BTN");
        assertThat(second.parts().get(1).amount()).isEqualTo(new Money(400_000, WorldCurrencies.LAK));
        assertThat(quote("KMG", "VTE", SeatClass.SECOND, WorldCurrencies.CNY)
                        .parts()
                        .get(0)
                        .km())
                .as("from Kunming station, km 0")
                .isEqualTo(613.0);
    }

    @Test
    void aBuyerInKipPaysBothPartsInKip() {
        FareQuote back = quote("VTE", "KMS", SeatClass.SECOND, WorldCurrencies.LAK);
        assertThat(back.parts()).extracting(FarePart::operator).containsExactly(Ref.LCR, Ref.CR_KUNMING);
        assertThat(back.parts().get(1).amount()).isEqualTo(Money.of("355.00", WorldCurrencies.CNY));
        assertThat(back.total()).isEqualTo(new Money(400_000 + 355 * 2_900, WorldCurrencies.LAK));
    }

    @Test
    void domesticJourneysHaveOnePartInTheOperatorsCurrency() {
        FareQuote chinese = quote("KMS", "XSB", SeatClass.SECOND, WorldCurrencies.LAK);
        assertThat(chinese.parts()).singleElement().satisfies(p -> {
            assertThat(p.operator()).isEqualTo(Ref.CR_KUNMING);
            assertThat(p.amount()).isEqualTo(Money.of("267.50", WorldCurrencies.CNY)); // 448 km × 0.5969 = 267.41
        });
        assertThat(chinese.total()).isEqualTo(new Money(267 * 2_900 + 2_900 / 2, WorldCurrencies.LAK));
        assertThat(quote("MHN", "BTN", SeatClass.FIRST, WorldCurrencies.CNY).parts())
                .as("Boten ends the Lao part at once")
                .singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(Money.of("8.50", WorldCurrencies.CNY)));
    }

    @Test
    void faresGrowWithDistance() {
        for (SeatClass seatClass : List.of(SeatClass.FIRST, SeatClass.SECOND)) {
            assertGrowing(
                    List.of(
                            "KMS", "YXI", "ESH", "HNI", "YJG", "MJG", "NER", "PUE", "YXG", "XSB", "GLB", "MLA", "MHN",
                            "BTN", "NTY", "NMO", "MXY", "MNG", "LPB", "KSI", "VVG", "PHH", "VTE"),
                    "KMG",
                    seatClass);
        }
        for (SeatClass seatClass : List.of(SeatClass.FIRST, SeatClass.SECOND, SeatClass.HARD_SEAT)) {
            assertGrowing(List.of("NTY", "NMO", "MXY", "MNG", "LPB", "KSI", "VVG", "PHH", "VTE"), "BTN", seatClass);
            assertGrowing(List.of("VVG", "KSI", "LPB", "MNG", "MXY", "NMO", "NTY", "BTN"), "PHH", seatClass);
        }
    }

    private static void assertGrowing(List<String> destinations, String origin, SeatClass seatClass) {
        long previous = 0;
        for (String to : destinations) {
            long fare =
                    quote(origin, to, seatClass, WorldCurrencies.CNY).total().minor();
            assertThat(fare).as("%s–%s %s", origin, to, seatClass).isGreaterThan(previous);
            previous = fare;
        }
    }

    @Test
    void aClassWithoutATariffOnSomePartIsNotSold() {
        assertThat(FARES.quote("KMS", "XSB", SeatClass.HARD_SEAT, WorldCurrencies.CNY))
                .as("no Chinese hard seat")
                .isEmpty();
        assertThat(FARES.quote("KMS", "VTE", SeatClass.HARD_SEAT, WorldCurrencies.CNY))
                .isEmpty();
        assertThat(FARES.quote("VTE", "LPB", SeatClass.HARD_SLEEPER, WorldCurrencies.LAK))
                .isEmpty();
        assertThat(FARES.quote("VTE", "LPB", SeatClass.HARD_SEAT, WorldCurrencies.LAK))
                .isPresent();
    }

    @Test
    void aJourneyMustRunBetweenTwoStations() {
        assertThatThrownBy(() -> FARES.quote("KMS", "XXX", SeatClass.SECOND, WorldCurrencies.CNY))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> FARES.quote("BDR", "VTE", SeatClass.SECOND, WorldCurrencies.CNY))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> FARES.quote("VTE", "VTE", SeatClass.SECOND, WorldCurrencies.CNY))
                .isInstanceOf(InvalidInput.class);
    }

    private static Money lak(String from, String to, SeatClass seatClass) {
        return quote(from, to, seatClass, WorldCurrencies.LAK).total();
    }

    private static FareQuote quote(String from, String to, SeatClass seatClass, Currency currency) {
        return FARES.quote(from, to, seatClass, currency).orElseThrow();
    }
}
