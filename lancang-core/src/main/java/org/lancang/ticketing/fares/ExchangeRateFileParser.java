package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRate;
import org.lancang.money.ExchangeRates;

/**
 * Reads a network's exchange rates ({@code exchange-rates.csv}: base, quote, rate, source; one row per pair of
 * currencies, 1 base = rate quote), a table rather than one rate. Rates are decimals, never {@code double}.
 */
public final class ExchangeRateFileParser {
    static final List<String> COLUMNS = List.of("base", "quote", "rate", "source");

    private ExchangeRateFileParser() {}

    /** The rates in {@code text}, between currencies of {@code currencies}. */
    public static ExchangeRates parse(String fileName, String text, Currencies currencies) {
        CsvTable table = CsvTable.parse(fileName, text, COLUMNS);
        if (table.rows().isEmpty()) {
            throw new DataFileException(fileName, 1, "base", "at least one rate is expected");
        }
        List<ExchangeRate> rates = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Currency base = currencies.oneOf(row, "base");
            Currency quote = currencies.oneOf(row, "quote");
            if (base.equals(quote)) {
                throw row.error("quote", "a rate converts between two different currencies");
            }
            BigDecimal rate = FareMath.positive(row, "rate");
            row.required("source");
            for (ExchangeRate before : rates) {
                if ((before.base().equals(base) && before.quote().equals(quote))
                        || (before.base().equals(quote) && before.quote().equals(base))) {
                    throw row.error("quote", "a second rate between " + base + " and " + quote);
                }
            }
            rates.add(new ExchangeRate(base, quote, rate));
        }
        return new ExchangeRates(rates);
    }
}
