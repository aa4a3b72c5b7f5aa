package org.lancang.money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.errors.InvalidInput;

/**
 * The currencies Lancang knows, as data gives them: the world's file ({@code data/currencies.csv}: code, decimals,
 * symbol, source; ISO 4217 facts) and whatever a network's own {@value #FILE} adds. Every money column of a network's
 * files (fares, rates, roundings, freight tariffs) and every currency an API caller names is looked up here, so a
 * currency that no file defines is refused where it is written, naming the file, line and column, or the request's
 * field (ADR 0030).
 */
public final class Currencies {
    public static final String FILE = "currencies.csv";
    private static final List<String> COLUMNS = List.of("code", "decimals", "symbol", "source");

    private final Map<String, Currency> byCode;

    private Currencies(Map<String, Currency> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /** Reads a currencies file (the world's); at least one row. */
    public static Currencies parse(String fileName, String text) {
        return new Currencies(Map.of()).plus(fileName, text);
    }

    /**
     * This table and the rows of another file (a network's own {@value #FILE}). A code already known must come with the
     * same decimals and symbol: one code is one currency wherever it is used.
     */
    public Currencies plus(String fileName, String text) {
        CsvTable table = CsvTable.parse(fileName, text, COLUMNS);
        if (table.rows().isEmpty()) {
            throw new DataFileException(fileName, 1, "code", "at least one currency is expected");
        }
        Map<String, Currency> out = new LinkedHashMap<>(byCode);
        List<String> seen = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Currency c = currency(row);
            if (seen.contains(c.code())) {
                throw row.error("code", c.code() + " is listed twice");
            }
            seen.add(c.code());
            Currency before = out.putIfAbsent(c.code(), c);
            if (before != null && !before.equals(c)) {
                throw row.error(
                        "decimals",
                        c.code() + " is already known with " + before.decimals() + " decimals and symbol "
                                + before.symbol() + ": one code is one currency");
            }
        }
        return new Currencies(out);
    }

    private static Currency currency(CsvTable.Row row) {
        String code = row.required("code");
        int decimals = row.integerBetween("decimals", 0, Currency.MAX_DECIMALS);
        String symbol = row.required("symbol");
        row.required("source");
        try {
            return new Currency(code, decimals, symbol);
        } catch (IllegalArgumentException e) {
            throw row.error("code", e.getMessage());
        }
    }

    public Optional<Currency> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every currency, ordered by code. */
    public List<Currency> all() {
        return byCode.values().stream().sorted().toList();
    }

    /** The codes, ordered: what a refusal lists. */
    public List<String> codes() {
        return all().stream().map(Currency::code).toList();
    }

    /**
     * The currency a data file's column names.
     *
     * @throws DataFileException naming the file, line and column when no currencies file defines it
     */
    public Currency oneOf(CsvTable.Row row, String column) {
        String code = row.required(column);
        return byCode(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() ->
                        row.error(column, "'" + code + "' is not a currency of " + FILE + " (known: " + known() + ")"));
    }

    /**
     * The currency a request names.
     *
     * @throws InvalidInput naming {@code field} and listing the known codes
     */
    public Currency require(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInput(field, "a currency is required: one of " + known());
        }
        return byCode(code.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(
                        () -> new InvalidInput(field, "'" + code + "' is not a known currency: one of " + known()));
    }

    /**
     * The currency of a code Lancang stored itself (a row of the database).
     *
     * @throws IllegalStateException when no currencies file defines it any more (a network's own file was removed
     *                               while money in its currency is still held)
     */
    public Currency stored(String code) {
        return byCode(code)
                .orElseThrow(() -> new IllegalStateException("money is held in '" + code + "', which no " + FILE
                        + " of the networks served defines (known: " + known() + ")"));
    }

    private String known() {
        return String.join(", ", codes());
    }
}
