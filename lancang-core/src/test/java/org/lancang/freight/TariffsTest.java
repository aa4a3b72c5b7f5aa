package org.lancang.freight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRates;
import org.lancang.money.Money;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;

/** A quote charges each carrier its own section in its currency, by the published structure, and adds up. */
class TariffsTest {
    static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    static final Network NETWORK = ReferenceData.parse(FILES).network();
    static final FreightData FREIGHT = FreightData.parse(NETWORK, WorldCurrencies.TABLE, FILES);

    @Test
    void aCountOfNoBoxOrLessIsRefusedNamingTheItemNotQuotedAsANegativeSum() {
        for (int count : new int[] {0, -2}) {
            InvalidInput refused = catchThrowableOfType(
                    () -> FREIGHT.tariffs()
                            .quote(
                                    NETWORK,
                                    "YHE",
                                    "VTS",
                                    List.of(
                                            new Tariffs.Item(EquipmentKind.REEFER_40, 1, 0),
                                            new Tariffs.Item(EquipmentKind.BOX_40, count, 0))),
                    InvalidInput.class);
            assertThat(refused).as("count " + count).isNotNull();
            assertThat(refused.field()).isEqualTo("items[1].count");
        }
    }

    @Test
    void eachSectionIsChargedByItsCarrierAndTheTotalIsTheirExactSumRoundedOnceInEachCurrency() {
        Tariffs t = FREIGHT.tariffs();
        Tariffs.Quote q = t.quote(NETWORK, "VTS", "YHE", List.of(new Tariffs.Item(EquipmentKind.REEFER_40, 40, 25)));
        assertThat(q.sections()).hasSize(2);
        double border = NETWORK.border().km();
        for (Tariffs.SectionCharge s : q.sections()) {
            Tariffs.Rate rate = t.rates().stream()
                    .filter(r -> r.carrier().equals(s.carrier()) && r.tariff().equals("BOX_40"))
                    .findFirst()
                    .orElseThrow();
            double km = Math.min(
                            Math.max(
                                    NETWORK.point("VTS").orElseThrow().km(),
                                    NETWORK.point("YHE").orElseThrow().km()),
                            rate.toKm())
                    - Math.max(
                            Math.min(
                                    NETWORK.point("VTS").orElseThrow().km(),
                                    NETWORK.point("YHE").orElseThrow().km()),
                            rate.fromKm());
            BigDecimal expected = rate.terminalRate()
                    .add(rate.runningRatePerKm().multiply(BigDecimal.valueOf(km)))
                    .multiply(BigDecimal.valueOf(40))
                    .setScale(rate.currency().decimals(), RoundingMode.HALF_UP);
            assertThat(s.amount().currency()).isEqualTo(rate.currency());
            assertThat(s.amount().major()).isEqualByComparingTo(expected);
            assertThat(s.from().equals(NETWORK.border().code())
                            || s.to().equals(NETWORK.border().code()))
                    .as("each section ends at the border")
                    .isTrue();
        }
        Set<Currency> currencies = new HashSet<>();
        q.sections().forEach(s -> currencies.add(s.amount().currency()));
        assertThat(currencies).as("each carrier in its own currency").hasSize(2);
        // each total is the exact sum of the sections' conversions rounded once, not the sum of rounded conversions
        ExchangeRates rates = new ExchangeRates(t.exchangeRates());
        for (Currency c : q.total().keySet()) {
            BigDecimal exact = BigDecimal.ZERO;
            for (Tariffs.SectionCharge s : q.sections()) {
                exact = exact.add(rates.exact(s.amount(), c));
            }
            assertThat(q.total().get(c)).isEqualTo(Money.rounded(exact, c));
        }
        assertThat(border).isPositive();
    }

    @Test
    void aWagonloadIsChargedByTheWagonsMarkedCapacityAndMoreWagonsCostMore() {
        Tariffs t = FREIGHT.tariffs();
        Money one = t.quote(NETWORK, "YHE", "VTS", List.of(new Tariffs.Item(EquipmentKind.COVERED, 1, 50)))
                .total()
                .get(WorldCurrencies.CNY);
        Money two = t.quote(NETWORK, "YHE", "VTS", List.of(new Tariffs.Item(EquipmentKind.COVERED, 2, 50)))
                .total()
                .get(WorldCurrencies.CNY);
        assertThat(two.minor()).isBetween(2 * one.minor() - 2, 2 * one.minor() + 2);
    }
}
