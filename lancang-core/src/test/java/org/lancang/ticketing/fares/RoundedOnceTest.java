package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.money.Currencies;
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

/**
 * A total in a third currency is rounded once: the exact sum of its parts converted, rounded to the buyer's step
 * ({@code fare-rounding.csv}), never the sum of parts each rounded to a cent first. Narvik – Kiruna priced in NOK and
 * SEK, bought in a third currency (XEU, made up here, two decimals) at seeded random rates and steps.
 */
class RoundedOnceTest {
    private static final ReferenceFiles FILES = ReferenceFiles.ofotbanen();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Currencies CURRENCIES = WorldCurrencies.TABLE
            .plus(Currencies.FILE, FILES.read(Currencies.FILE))
            .plus("third.csv", "code,decimals,symbol,source\nXEU,2,X,made up for this test\n");
    private static final Operators OPERATORS =
            Operators.parse(Operators.FILE, FILES.read(Operators.FILE), DATA.network());
    private static final Currency XEU = CURRENCIES.byCode("XEU").orElseThrow();

    @Test
    void aTotalIsTheRoundingOfTheExactSumNeverOfRoundedParts() {
        long seed = Seeds.seed(RoundedOnceTest.class);
        Random random = new Random(seed);
        List<Point> stations = DATA.network().points().stream()
                .filter(p -> p.kind() == PointKind.PASSENGER)
                .toList();
        List<String> steps = List.of("0.01", "0.05", "0.1", "0.5", "1", "5");
        int twoParts = 0;
        for (int round = 0; round < 300; round++) {
            BigDecimal nok = BigDecimal.valueOf(50_000 + random.nextInt(100_000), 6); // 0.05 … 0.15 XEU per krone
            BigDecimal sek = BigDecimal.valueOf(50_000 + random.nextInt(100_000), 6);
            BigDecimal step = new BigDecimal(steps.get(random.nextInt(steps.size())));
            FareTable fares = FareTable.parse(
                    DATA.network(),
                    OPERATORS,
                    CURRENCIES,
                    FILES.read(FareTable.FILE),
                    FILES.read(FareTable.RATES_FILE) + "NOK,XEU," + nok.toPlainString() + ",test\nSEK,XEU,"
                            + sek.toPlainString() + ",test\n",
                    FILES.read(FareTable.ROUNDING_FILE) + "XEU," + step.toPlainString() + ",test\n");
            Point a = stations.get(random.nextInt(stations.size()));
            Point b = stations.get(random.nextInt(stations.size()));
            SeatClass cls = random.nextBoolean() ? SeatClass.FIRST : SeatClass.SECOND;
            if (a.equals(b)) {
                continue;
            }
            var quote = fares.quote(a.code(), b.code(), cls, XEU);
            if (quote.isEmpty()) {
                continue;
            }
            BigDecimal exact = BigDecimal.ZERO;
            for (FarePart p : quote.get().parts()) {
                BigDecimal rate = p.amount().currency().code().equals("NOK") ? nok : sek;
                exact = exact.add(p.amount().major().multiply(rate));
            }
            BigDecimal expected =
                    exact.divide(step, 0, RoundingMode.HALF_UP).multiply(step).setScale(2, RoundingMode.UNNECESSARY);
            assertThat(quote.get().total())
                    .as(
                            "seed %d: %s–%s %s, parts %s, rates %s/%s, step %s",
                            seed, a.code(), b.code(), cls, quote.get().parts(), nok, sek, step)
                    .isEqualTo(new Money(expected.movePointRight(2).longValueExact(), XEU));
            twoParts += quote.get().parts().size() > 1 ? 1 : 0;
        }
        assertThat(twoParts)
                .as("seed %d: journeys across the border, priced in two currencies", seed)
                .isPositive();
    }
}
