package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRate;
import org.lancang.money.Money;
import org.lancang.testing.WorldCurrencies;

/** What fares rely on from {@link Money} and {@link ExchangeRate}: exact sums, explicit rounding, the two currencies. */
class MoneyTest {
    private static final ExchangeRate CNY_LAK =
            new ExchangeRate(WorldCurrencies.CNY, WorldCurrencies.LAK, new BigDecimal("2900"));

    @Test
    void sumsAreExactWhereDoublesAreNot() {
        assertThat(0.1 + 0.2).as("why money is never a double").isNotEqualTo(0.3);
        Money sum = Money.of("0.10", WorldCurrencies.CNY).plus(Money.of("0.20", WorldCurrencies.CNY));
        assertThat(sum).isEqualTo(Money.of("0.30", WorldCurrencies.CNY));
        assertThat(sum.minus(Money.of("0.30", WorldCurrencies.CNY))).isEqualTo(Money.zero(WorldCurrencies.CNY));
        Money tenThousandDimes = Money.zero(WorldCurrencies.CNY);
        for (int i = 0; i < 10_000; i++) {
            tenThousandDimes = tenThousandDimes.plus(Money.of("0.1", WorldCurrencies.CNY));
        }
        assertThat(tenThousandDimes).isEqualTo(Money.of("1000", WorldCurrencies.CNY));
    }

    @Test
    void yuanHaveFenAndKipHaveNoSubunit() {
        assertThat(Money.of("470", WorldCurrencies.CNY).minor()).isEqualTo(47_000);
        assertThat(Money.of("333000", WorldCurrencies.LAK).minor()).isEqualTo(333_000);
        assertThat(Money.of("0.005", WorldCurrencies.CNY))
                .as("half a fen rounds half-up")
                .isEqualTo(new Money(1, WorldCurrencies.CNY));
        assertThat(Money.of("333000.5", WorldCurrencies.LAK))
                .as("half a kip rounds half-up")
                .isEqualTo(new Money(333_001, WorldCurrencies.LAK));
        assertThat(Money.of("470", WorldCurrencies.CNY)).hasToString("470.00 CNY");
        assertThat(new Money(2_203_750, WorldCurrencies.LAK)).hasToString("2,203,750 LAK");
    }

    @Test
    void readsAsAGroupedDecimalInEitherCurrencyWhateverTheAmount() {
        Random random = new Random(20261127);
        for (int i = 0; i < 20_000; i++) {
            long minor = switch (i % 4) {
                case 0 -> random.nextInt(2_000) - 1_000;
                case 1 -> random.nextLong() % 1_000_000_000_000L;
                case 2 -> random.nextLong();
                default -> i % 8 == 3 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i;
            };
            for (Currency c : WorldCurrencies.TABLE.all()) {
                Money m = new Money(minor, c);
                String expected = String.format(Locale.ROOT, "%,." + c.decimals() + "f %s", m.major(), c);
                assertThat(m).as("%d %s", minor, c).hasToString(expected);
            }
        }
        assertThat(new Money(-5, WorldCurrencies.CNY)).hasToString("-0.05 CNY");
    }

    @Test
    void aPercentRoundsHalfUpToTheMinorUnit() {
        assertThat(Money.of("470", WorldCurrencies.CNY).percent(5)).isEqualTo(Money.of("23.50", WorldCurrencies.CNY));
        assertThat(Money.of("0.10", WorldCurrencies.CNY).percent(5))
                .as("0.5 fen")
                .isEqualTo(new Money(1, WorldCurrencies.CNY));
        assertThat(new Money(333_010, WorldCurrencies.LAK).percent(5))
                .as("16,650.5 kip")
                .isEqualTo(new Money(16_651, WorldCurrencies.LAK));
    }

    @Test
    void conversionRoundsOnceHalfUpToTheTargetUnit() {
        assertThat(CNY_LAK.convert(Money.of("1.00", WorldCurrencies.CNY), WorldCurrencies.LAK))
                .isEqualTo(new Money(2_900, WorldCurrencies.LAK));
        assertThat(CNY_LAK.convert(Money.of("0.01", WorldCurrencies.CNY), WorldCurrencies.LAK))
                .isEqualTo(new Money(29, WorldCurrencies.LAK));
        // 333,000 / 2,900 = 114.827586… → 114.83; 529,000 / 2,900 = 182.413793… → 182.41
        assertThat(CNY_LAK.convert(new Money(333_000, WorldCurrencies.LAK), WorldCurrencies.CNY))
                .isEqualTo(Money.of("114.83", WorldCurrencies.CNY));
        assertThat(CNY_LAK.convert(new Money(529_000, WorldCurrencies.LAK), WorldCurrencies.CNY))
                .isEqualTo(Money.of("182.41", WorldCurrencies.CNY));
        // 14.5 kip is exactly half a fen: half-up
        assertThat(CNY_LAK.convert(new Money(14_500, WorldCurrencies.LAK), WorldCurrencies.CNY))
                .isEqualTo(Money.of("5.00", WorldCurrencies.CNY));
        assertThat(CNY_LAK.convert(new Money(15, WorldCurrencies.LAK), WorldCurrencies.CNY))
                .as("0.00517 CNY")
                .isEqualTo(new Money(1, WorldCurrencies.CNY));
        assertThat(CNY_LAK.convert(new Money(14, WorldCurrencies.LAK), WorldCurrencies.CNY))
                .as("0.00483 CNY")
                .isEqualTo(new Money(0, WorldCurrencies.CNY));
    }

    @Test
    void currenciesDoNotMix() {
        assertThatThrownBy(() -> Money.of("1", WorldCurrencies.CNY).plus(new Money(1, WorldCurrencies.LAK)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
