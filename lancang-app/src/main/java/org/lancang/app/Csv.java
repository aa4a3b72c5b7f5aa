package org.lancang.app;

import java.util.List;
import java.util.stream.Collectors;

/** Writes RFC 4180 CSV lines. */
final class Csv {
    private Csv() {}

    static String line(List<?> values) {
        return values.stream()
                .map(v -> field(v == null ? "" : String.valueOf(v)))
                .collect(Collectors.joining(","));
    }

    private static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
