package org.lancang.gtfs;

import java.util.List;
import java.util.Map;

/** One record of a feed file; its getters throw a {@link GtfsFormatException} naming the file, line and field. */
final class CsvRow {
    private final String file;
    private final int line;
    private final Map<String, Integer> index;
    private final List<String> fields;

    CsvRow(String file, int line, Map<String, Integer> index, List<String> fields) {
        this.file = file;
        this.line = line;
        this.index = index;
        this.fields = List.copyOf(fields);
    }

    String file() {
        return file;
    }

    int line() {
        return line;
    }

    /** The field stripped of surrounding blanks; empty when blank or when the (optional) column is absent. */
    String text(String column) {
        Integer i = index.get(column);
        return i == null ? "" : fields.get(i).strip();
    }

    /** The field; a blank or absent one is an error. */
    String required(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            throw error(column, "must not be blank");
        }
        return value;
    }

    GtfsFormatException error(String column, String problem) {
        return new GtfsFormatException(file, line, column, problem);
    }
}
