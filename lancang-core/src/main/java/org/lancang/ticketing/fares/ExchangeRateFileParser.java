package org.lancang.ticketing.fares;

import java.math.BigDecimal;
import java.util.List;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRate;

/**
 * Reads the configured exchange rate ({@code exchange-rates.csv}: base, quote, rate, source; one row, 1 base = rate
 * quote). The rate is a decimal, never a {@code double}.
 */
public final class ExchangeRateFileParser {
    static final List<String> COLUMNS = List.of("base", "quote", "rate", "source");

    private ExchangeRateFileParser() {}

    public static ExchangeRate parse(String fileName, String text) {
        CsvTable table = CsvTable.parse(fileName, text, COLUMNS);
        if (table.rows().size() != 1) {
            int line = table.rows().isEmpty() ? 1 : table.rows().get(1).line();
            throw new DataFileException(
                    fileName,
                    line,
                    "base",
                    "exactly one rate (between CNY and LAK) is expected, not "
                            + table.rows().size());
        }
        CsvTable.Row row = table.rows().get(0);
        Currency base = row.oneOf("base", Currency.class);
        Currency quote = row.oneOf("quote", Currency.class);
        if (base == quote) {
            throw row.error("quote", "a rate converts between two different currencies");
        }
        BigDecimal rate = FareMath.positive(row, "rate");
        return new ExchangeRate(base, quote, rate);
    }
}
