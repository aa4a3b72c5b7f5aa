package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.Operator;

/** The shipped fares: published Lao fares exact, the fitted cross-border fares, growth with distance. */
class FareTableTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final FareTable FARES =
            FareTable.parse(DATA.network(), FILES.read(FareTable.FILE), FILES.read(FareTable.RATES_FILE));
    /** Vientiane Times, Dec 2021: from Vientiane to PHH, VVG, LPB, MXY, BTN. */
    private static final List<String> PUBLISHED_TO = List.of("PHH", "VVG", "LPB", "MXY", "BTN");

    @Test
    void everyPublishedLaoFareIsReproducedExactlyEitherWay() {
        assertPublished(SeatClass.FIRST, 86_000, 164_000, 313_000, 443_000, 529_000);
        assertPublished(SeatClass.SECOND, 56_000, 103_000, 198_000, 279_000, 333_000);
        assertPublished(SeatClass.HARD_SEAT, 40_000, 74_000, 140_000, 198_000, 238_000);
    }

    private static void assertPublished(SeatClass seatClass, long... kip) {
        for (int i = 0; i < kip.length; i++) {
            Money expected = new Money(kip[i], Currency.LAK);
            assertThat(lak("VTE", PUBLISHED_TO.get(i), seatClass))
                    .as("VTE–%s %s", PUBLISHED_TO.get(i), seatClass)
                    .isEqualTo(expected);
            assertThat(lak(PUBLISHED_TO.get(i), "VTE", seatClass)).isEqualTo(expected);
        }
    }

    @Test
    void otherLaoPairsArePricedByDistanceBetweenThePublishedFares() {
        // Vang Vieng–Luang Prabang, 115.8 km: between Vientiane–Phonhong (64 km, 56,000) and –Vang Vieng (123 km,
        // 103,000): 56,000 + 47,000 × 51.8 / 59 = 97,264 → 97,000
        assertThat(lak("VVG", "LPB", SeatClass.SECOND)).isEqualTo(new Money(97_000, Currency.LAK));
        // Boten–Nateuy, 12.4 km, shorter than any published fare: the line through the first two published points,
        // 56,000 − 47,000 × (64 − 12.4) / 59 = 14,895 → 15,000
        assertThat(lak("BTN", "NTY", SeatClass.SECOND)).isEqualTo(new Money(15_000, Currency.LAK));
        // Vientiane South is 419 km from Boten, beyond the longest published distance (406 km): the last stretch's
        // slope
        assertThat(lak("BTN", "VTS", SeatClass.FIRST).minor()).isBetween(529_000L, 550_000L);
        assertThat(lak("MXY", "LPB", SeatClass.HARD_SEAT).minor() % 1000).isZero();
    }

    @Test
    void kunmingSouthVientianeTotals760And470Cny() {
        FareQuote first = quote("KMS", "VTE", SeatClass.FIRST, Currency.CNY);
        FareQuote second = quote("KMS", "VTE", SeatClass.SECOND, Currency.CNY);
        assertThat(first.total().major()).isBetween(new BigDecimal("759.50"), new BigDecimal("760.50"));
        assertThat(second.total().major()).isBetween(new BigDecimal("469.50"), new BigDecimal("470.50"));
        assertThat(first.total()).isEqualTo(Money.of("759.91", Currency.CNY)); // 577.50 + 529,000 LAK / 2,900
        assertThat(second.total()).isEqualTo(Money.of("469.83", Currency.CNY)); // 355.00 + 333,000 LAK / 2,900

        assertThat(second.parts()).extracting(FarePart::operator).containsExactly(Operator.CR_KUNMING, Operator.LCR);
        assertThat(second.parts().get(0).to()).isEqualTo("BDR");
        assertThat(second.parts().get(0).km()).isEqualTo(613.0);
        assertThat(second.parts().get(0).amount()).isEqualTo(Money.of("355.00", Currency.CNY));
        assertThat(second.parts().get(1).from()).isEqualTo("BTN");
        assertThat(second.parts().get(1).amount()).isEqualTo(new Money(333_000, Currency.LAK));
    }

    @Test
    void aBuyerInKipPaysBothPartsInKip() {
        FareQuote back = quote("VTE", "KMS", SeatClass.SECOND, Currency.LAK);
        assertThat(back.parts()).extracting(FarePart::operator).containsExactly(Operator.LCR, Operator.CR_KUNMING);
        assertThat(back.parts().get(1).amount()).isEqualTo(Money.of("355.00", Currency.CNY));
        assertThat(back.total()).isEqualTo(new Money(333_000 + 355 * 2_900, Currency.LAK));
    }

    @Test
    void domesticJourneysHaveOnePartInTheOperatorsCurrency() {
        FareQuote chinese = quote("KMS", "XSB", SeatClass.SECOND, Currency.LAK);
        assertThat(chinese.parts()).singleElement().satisfies(p -> {
            assertThat(p.operator()).isEqualTo(Operator.CR_KUNMING);
            assertThat(p.amount()).isEqualTo(Money.of("270.00", Currency.CNY)); // 466 km × 0.5794 = 270.0004
        });
        assertThat(chinese.total()).isEqualTo(new Money(270 * 2_900, Currency.LAK));
        assertThat(quote("MHN", "BTN", SeatClass.FIRST, Currency.CNY).parts())
                .as("Boten ends the Lao part at once")
                .singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(Money.of("8.50", Currency.CNY)));
    }

    @Test
    void faresGrowWithDistance() {
        for (SeatClass seatClass : List.of(SeatClass.FIRST, SeatClass.SECOND)) {
            assertGrowing(
                    List.of(
                            "YXI", "ESH", "HNI", "YJG", "MJG", "NER", "PUE", "YXG", "XSB", "GLB", "MLA", "MHN", "BTN",
                            "NTY", "NMO", "MXY", "MNG", "LPB", "KSI", "VVG", "PHH", "VTE"),
                    "KMS",
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
            long fare = quote(origin, to, seatClass, Currency.CNY).total().minor();
            assertThat(fare).as("%s–%s %s", origin, to, seatClass).isGreaterThan(previous);
            previous = fare;
        }
    }

    @Test
    void aClassWithoutATariffOnSomePartIsNotSold() {
        assertThat(FARES.quote("KMS", "XSB", SeatClass.HARD_SEAT, Currency.CNY))
                .as("no Chinese hard seat")
                .isEmpty();
        assertThat(FARES.quote("KMS", "VTE", SeatClass.HARD_SEAT, Currency.CNY)).isEmpty();
        assertThat(FARES.quote("VTE", "LPB", SeatClass.HARD_SLEEPER, Currency.LAK))
                .isEmpty();
        assertThat(FARES.quote("VTE", "LPB", SeatClass.HARD_SEAT, Currency.LAK)).isPresent();
    }

    @Test
    void aJourneyMustRunBetweenTwoStations() {
        assertThatThrownBy(() -> FARES.quote("KMS", "XXX", SeatClass.SECOND, Currency.CNY))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> FARES.quote("BDR", "VTE", SeatClass.SECOND, Currency.CNY))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> FARES.quote("VTE", "VTE", SeatClass.SECOND, Currency.CNY))
                .isInstanceOf(InvalidInput.class);
    }

    private static Money lak(String from, String to, SeatClass seatClass) {
        return quote(from, to, seatClass, Currency.LAK).total();
    }

    private static FareQuote quote(String from, String to, SeatClass seatClass, Currency currency) {
        return FARES.quote(from, to, seatClass, currency).orElseThrow();
    }
}
