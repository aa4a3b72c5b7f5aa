package org.lancang.store;

import java.util.List;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.store.reference.CurrencyFiles;

/** The world's currencies as the jar packs them ({@code data/currencies.csv}), for tests that name one. */
public final class WorldCurrencies {
    public static final Currencies TABLE = CurrencyFiles.of(List.of());
    public static final Currency CNY = TABLE.byCode("CNY").orElseThrow();
    public static final Currency LAK = TABLE.byCode("LAK").orElseThrow();
    public static final Currency THB = TABLE.byCode("THB").orElseThrow();
    public static final Currency USD = TABLE.byCode("USD").orElseThrow();

    private WorldCurrencies() {}
}
