package org.lancang.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.errors.InvalidInput;
import org.lancang.testing.Seeds;
import org.lancang.testing.WorldCurrencies;

/**
 * Amounts follow their currency's decimals as the table gives them, whatever they are (0 … 4): writing and reading an
 * amount loses nothing, and a conversion there and back moves it by no more than the two roundings half-up allow,
 * which is nothing when the other currency's minor unit is worth less (ADR 0030).
 */
class CurrencyRoundingPropertyTest {
    private static final int ROUNDS = 20_000;

    private static Currency any(Random random, String code) {
        return new Currency(code, random.nextInt(Currency.MAX_DECIMALS + 1), code.substring(0, 1));
    }

    /** A rate of 0.001 … 10,000 with 6 significant digits, as exchange-rates.csv writes them. */
    private static BigDecimal rate(Random random) {
        BigDecimal mantissa = BigDecimal.valueOf(100_000 + random.nextInt(900_000), 5);
        return mantissa.scaleByPowerOfTen(random.nextInt(7) - 3).stripTrailingZeros();
    }

    @Test
    void anAmountWrittenInMajorUnitsReadsBackToTheSameMinorUnits() {
        Random random = new Random(Seeds.seed(CurrencyRoundingPropertyTest.class));
        for (int i = 0; i < ROUNDS; i++) {
            Currency c = any(random, "AAA");
            Money m = new Money(random.nextLong() % 1_000_000_000_000L, c);
            assertThat(m.major().scale()).isEqualTo(c.decimals());
            assertThat(Money.of(m.major().toPlainString(), c)).as("%s", m).isEqualTo(m);
        }
    }

    @Test
    void aRoundTripLosesAtMostWhatTheTwoRoundingsAllow() {
        Random random = new Random(Seeds.seed(CurrencyRoundingPropertyTest.class));
        int lossless = 0;
        for (int i = 0; i < ROUNDS; i++) {
            Currency a = any(random, "AAA");
            Currency b = any(random, "BBB");
            BigDecimal r = rate(random);
            ExchangeRate rate = random.nextBoolean() ? new ExchangeRate(a, b, r) : new ExchangeRate(b, a, inverse(r));
            Money amount = new Money(random.nextInt(2_000_000_000), a);
            Money there = rate.convert(amount, b);
            Money back = rate.convert(there, a);
            assertThat(there.currency()).isEqualTo(b);
            // one minor unit of b is worth `unit` minor units of a; each rounding is at most half a unit of its own
            BigDecimal unitOfB = BigDecimal.ONE
                    .movePointLeft(b.decimals())
                    .divide(majorRate(rate, a, b), MathContext.DECIMAL64)
                    .movePointRight(a.decimals());
            BigDecimal bound = new BigDecimal("0.5").add(unitOfB.multiply(new BigDecimal("0.5")));
            long lost = Math.abs(back.minor() - amount.minor());
            assertThat(BigDecimal.valueOf(lost))
                    .as("%s → %s → %s at %s", amount, there, back, rate)
                    .isLessThanOrEqualTo(bound.add(new BigDecimal("1e-9")));
            if (unitOfB.compareTo(BigDecimal.ONE) < 0) {
                lossless++;
                assertThat(back)
                        .as("b's unit is worth less than a's: nothing lost")
                        .isEqualTo(amount);
            }
        }
        assertThat(lossless).as("the workload has finer targets").isGreaterThan(ROUNDS / 10);
    }

    @Test
    void aConversionThroughAThirdCurrencyRoundsAtEachStepToThatCurrencysUnit() {
        Random random = new Random(Seeds.seed(CurrencyRoundingPropertyTest.class));
        for (int i = 0; i < ROUNDS / 4; i++) {
            Currency a = any(random, "AAA");
            Currency via = any(random, "VVV");
            Currency b = any(random, "BBB");
            ExchangeRate first = new ExchangeRate(a, via, rate(random));
            ExchangeRate second = new ExchangeRate(b, via, rate(random));
            ExchangeRates table = ExchangeRates.of(first, second);
            // up to a million minor units: two rates of up to 10,000 each way and 4 decimals keep the result in a long
            Money amount = new Money(random.nextInt(1_000_000), a);
            Money expected = second.convert(first.convert(amount, via), b);
            assertThat(table.convert(amount, b)).isEqualTo(expected);
        }
    }

    @Test
    void theWorldTableListsItsCurrenciesAndRefusesAnUnknownCodeNamingTheField() {
        Currencies world = WorldCurrencies.TABLE;
        assertThat(world.codes()).contains("CNY", "LAK", "THB", "USD").isSorted();
        assertThatThrownBy(() -> world.require("currency", "XTS")).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.errors().get(0).field()).isEqualTo("currency");
            assertThat(e.getMessage()).contains("XTS").contains(String.join(", ", world.codes()));
        });
        assertThat(world.require("currency", "thb")).isEqualTo(WorldCurrencies.THB);
        assertThatThrownBy(() -> Currencies.parse(Currencies.FILE, "code,decimals,symbol,source\nCNY,5,Y,x\n"))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("decimals"));
        assertThatThrownBy(() -> Currencies.parse(Currencies.FILE, "code,decimals,symbol,source\nyuan,2,Y,x\n"))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("code"));
    }

    private static BigDecimal inverse(BigDecimal r) {
        return BigDecimal.ONE.divide(r, MathContext.DECIMAL64).round(new MathContext(6));
    }

    /** Units of b one unit of a buys, whichever way round the rate is written. */
    private static BigDecimal majorRate(ExchangeRate rate, Currency a, Currency b) {
        return rate.base().equals(a) ? rate.rate() : BigDecimal.ONE.divide(rate.rate(), MathContext.DECIMAL64);
    }
}
