package org.lancang.store.reference;

import java.util.List;
import java.util.Optional;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFiles;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;

/**
 * Where the currencies come from (ADR 0030): the world's {@code data/currencies.csv}, packed in the jar, and each served
 * network's own {@value Currencies#FILE} where its folder has one. One table serves the whole platform, because one
 * database holds the bookings, payments and notes of every network and reads each back by its currency's code.
 */
public final class CurrencyFiles {
    /** The column of a network's {@code network.csv} naming the currency its buyers pay in when they name none. */
    public static final String DEFAULT_COLUMN = "currency";

    private CurrencyFiles() {}

    /** The world's currencies and those every network in {@code networks} adds. */
    public static Currencies of(List<DataFiles> networks) {
        Currencies table = Currencies.parse(Currencies.FILE, ClasspathDataFiles.world(Currencies.FILE));
        for (DataFiles files : networks) {
            if (files.has(Currencies.FILE)) {
                table = table.plus(Currencies.FILE, files.read(Currencies.FILE));
            }
        }
        return table;
    }

    /**
     * The currency a network's buyers pay in when they name none, where its {@code network.csv} has a {@value
     * #DEFAULT_COLUMN} column (empty otherwise: its first fare's currency then).
     */
    public static Optional<Currency> defaultOf(DataFiles network, Currencies table) {
        CsvTable file = CsvTable.parse(
                ClasspathDataFiles.NETWORK_FILE, network.read(ClasspathDataFiles.NETWORK_FILE), List.of());
        return file.rows().stream()
                .findFirst()
                .filter(row -> !row.textIfPresent(DEFAULT_COLUMN).isEmpty())
                .map(row -> table.oneOf(row, DEFAULT_COLUMN));
    }
}
