package org.lancang.gtfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one CSV file of a feed (RFC 4180 quoting, LF line ends, UTF-8 without byte-order mark, as GTFS asks). Every
 * row must have exactly as many fields as the header, so a forgotten column fails here rather than in a consumer.
 */
final class CsvWriter {
    private final StringBuilder text = new StringBuilder();
    private final List<String> header;

    CsvWriter(List<String> header) {
        this.header = List.copyOf(header);
        append(this.header);
    }

    CsvWriter(String... header) {
        this(Arrays.asList(header));
    }

    /** Adds a record; {@code null} is written as an empty field. */
    CsvWriter row(List<String> values) {
        if (values.size() != header.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + header.size() + " columns " + header);
        }
        append(values);
        return this;
    }

    CsvWriter row(String... values) {
        return row(Arrays.asList(values));
    }

    String text() {
        return text.toString();
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    private void append(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(quote(values.get(i) == null ? "" : values.get(i)));
        }
        text.append('\n');
    }

    /** Quotes a field only where it must be: it holds a comma, a quote or a line break. */
    static String quote(String value) {
        if (value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
