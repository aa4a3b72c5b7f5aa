package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.Seeds;
import org.lancang.testing.WorldCurrencies;
import org.lancang.timetable.Operators;

/** Child and infant fares (passenger-fares.csv): each operator's part reduced by its own rule, rounded as it rounds. */
class AgeFaresTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Operators OPERATORS =
            Operators.parse(Operators.FILE, FILES.read(Operators.FILE), DATA.network());
    private static final FareTable FARES = FareTable.parse(
                    DATA.network(),
                    OPERATORS,
                    WorldCurrencies.TABLE,
                    FILES.read(FareTable.FILE),
                    FILES.read(FareTable.RATES_FILE),
                    FILES.read(FareTable.ROUNDING_FILE))
            .withAgeFares(AgeFares.parse(FILES.read(AgeFares.FILE), OPERATORS));
    private static final LocalDate TRAVEL = LocalDate.of(2026, 12, 8);

    @Test
    void aNineYearOldPaysHalfOfEachPartRoundedAsItsOperatorRoundsAndAnAdultTheFullFare() {
        PassengerFare child = FARES.quote(
                        "KMS", "VTE", SeatClass.SECOND, WorldCurrencies.CNY, TRAVEL.minusYears(9), TRAVEL)
                .orElseThrow();
        FareQuote full =
                FARES.quote("KMS", "VTE", SeatClass.SECOND, WorldCurrencies.CNY).orElseThrow();
        assertThat(child.category()).isEqualTo(FareCategory.CHILD);
        for (int i = 0; i < full.parts().size(); i++) {
            Money whole = full.parts().get(i).amount();
            Money half = child.quote().parts().get(i).amount();
            assertThat(half.currency()).isEqualTo(whole.currency());
            // within half a step of half the part (0.5 CNY; 1,000 LAK)
            long step = whole.currency() == WorldCurrencies.CNY ? 50 : 1000;
            assertThat(Math.abs(half.minor() * 2 - whole.minor())).isLessThanOrEqualTo(step);
            assertThat(half.minor() % step).isZero();
        }
        assertThat(FARES.quote("KMS", "VTE", SeatClass.SECOND, WorldCurrencies.CNY, TRAVEL.minusYears(14), TRAVEL)
                        .orElseThrow())
                .isEqualTo(new PassengerFare(FareCategory.ADULT, full));
        assertThat(FARES.quote("KMS", "VTE", SeatClass.SECOND, WorldCurrencies.CNY, null, TRAVEL)
                        .orElseThrow()
                        .category())
                .isEqualTo(FareCategory.ADULT);
        assertThat(FARES.quote("VTE", "LPB", SeatClass.SECOND, WorldCurrencies.LAK, TRAVEL.minusYears(2), TRAVEL)
                        .orElseThrow()
                        .category())
                .isEqualTo(FareCategory.INFANT);
    }

    /** Seeded: for any journey, class, currency and age, the reduced fare is a whole step and never above the full. */
    @Test
    void aReducedFareIsNeverAboveTheFullFareAndAnAdultsIsTheFullFare() {
        long seed = Seeds.seed(AgeFaresTest.class);
        Random random = new Random(seed);
        List<Point> stations = DATA.network().points().stream()
                .filter(p -> p.kind() == PointKind.PASSENGER)
                .toList();
        int priced = 0;
        for (int n = 0; n < 2000; n++) {
            Point a = stations.get(random.nextInt(stations.size()));
            Point b = stations.get(random.nextInt(stations.size()));
            if (a.equals(b)) {
                continue;
            }
            SeatClass cls = SeatClass.values()[random.nextInt(SeatClass.values().length)];
            Currency cur = random.nextBoolean() ? WorldCurrencies.CNY : WorldCurrencies.LAK;
            LocalDate born = TRAVEL.minusDays(random.nextInt(40 * 366));
            var full = FARES.quote(a.code(), b.code(), cls, cur);
            var reduced = FARES.quote(a.code(), b.code(), cls, cur, born, TRAVEL);
            assertThat(reduced.isPresent()).isEqualTo(full.isPresent());
            if (full.isEmpty()) {
                continue;
            }
            priced++;
            Money total = reduced.get().quote().total();
            assertThat(total.minor())
                    .as("%s–%s %s %s born %s", a, b, cls, cur, born)
                    .isLessThanOrEqualTo(full.get().total().minor());
            assertThat(total.minor() % (cur == WorldCurrencies.CNY ? 50 : 1000)).isZero();
            if (AgeFares.age(born, TRAVEL) >= 14) {
                assertThat(reduced.get().category()).isEqualTo(FareCategory.ADULT);
                assertThat(reduced.get().quote()).isEqualTo(full.get());
            } else {
                assertThat(reduced.get().category()).isNotEqualTo(FareCategory.ADULT);
                assertThat(total.minor()).isLessThan(full.get().total().minor());
            }
        }
        assertThat(priced).as("the workload priced journeys").isGreaterThan(500);
    }

    @Test
    void aBadRowIsRefusedWithItsLineAndField() {
        String header = "operator,category,min_age,max_age,percent,source\n";
        assertThatThrownBy(() -> AgeFares.parse(header + "LCR,CHILD,6,14,150,x\n", OPERATORS))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("percent");
        assertThatThrownBy(() -> AgeFares.parse(header + "LCR,CHILD,6,14,50,x\nLCR,INFANT,0,7,50,x\n", OPERATORS))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> AgeFares.parse(header + "XX,CHILD,6,14,50,x\n", OPERATORS))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("operator");
        assertThat(AgeFares.parse(header + "LCR,CHILD,6,14,50,x\n", OPERATORS)
                        .rules()
                        .get(0)
                        .percent())
                .isEqualByComparingTo(BigDecimal.valueOf(50));
    }
}
