package org.lancang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;

/** The shipped world currencies ({@code data/currencies.csv}, read from the repository), for tests that name them. */
public final class WorldCurrencies {
    public static final Path FILE = Path.of("..", "data", Currencies.FILE);
    public static final Currencies TABLE = Currencies.parse(Currencies.FILE, text());
    public static final Currency CNY = TABLE.byCode("CNY").orElseThrow();
    public static final Currency LAK = TABLE.byCode("LAK").orElseThrow();
    public static final Currency THB = TABLE.byCode("THB").orElseThrow();
    public static final Currency USD = TABLE.byCode("USD").orElseThrow();

    private WorldCurrencies() {}

    public static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
