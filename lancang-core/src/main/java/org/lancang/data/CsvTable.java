package org.lancang.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file (RFC 4180: comma-separated, double quotes around fields that hold commas, quotes or line breaks) with a
 * header line. Every record remembers the line it started on, so that errors can point at it.
 */
public final class CsvTable {
    private final String file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** Parses {@code text}; the columns in {@code requiredColumns} must all be in the header. */
    public static CsvTable parse(String file, String text, List<String> requiredColumns) {
        List<RawRecord> records = new Tokenizer(file, text).records();
        if (records.isEmpty()) {
            throw new DataFileException(file, 1, "header", "the file is empty");
        }
        List<String> header =
                records.get(0).fields().stream().map(String::strip).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (index.put(header.get(i), i) != null) {
                throw new DataFileException(file, 1, header.get(i), "column appears twice in the header");
            }
        }
        for (String column : requiredColumns) {
            if (!index.containsKey(column)) {
                throw new DataFileException(file, 1, column, "column missing from the header");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (RawRecord record : records.subList(1, records.size())) {
            if (record.fields().size() == 1 && record.fields().get(0).isBlank()) {
                continue; // a blank line
            }
            if (record.fields().size() != header.size()) {
                throw new DataFileException(
                        file,
                        record.line(),
                        "(record)",
                        "has " + record.fields().size() + " fields, the header has " + header.size());
            }
            rows.add(new Row(file, record.line(), index, record.fields()));
        }
        return new CsvTable(file, header, Collections.unmodifiableList(rows));
    }

    public String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** One record; typed getters throw a {@link DataFileException} naming the file, line and field. */
    public static final class Row {
        private final String file;
        private final int line;
        private final Map<String, Integer> index;
        private final List<String> fields;

        Row(String file, int line, Map<String, Integer> index, List<String> fields) {
            this.file = file;
            this.line = line;
            this.index = index;
            this.fields = fields;
        }

        public int line() {
            return line;
        }

        public String file() {
            return file;
        }

        /** The field's text, stripped of surrounding blanks; empty when blank. */
        public String text(String field) {
            Integer i = index.get(field);
            if (i == null) {
                throw error(field, "no such column");
            }
            return fields.get(i).strip();
        }

        /** The file's columns, in their order. */
        public List<String> columns() {
            return index.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .toList();
        }

        /** Whether the file has this column (for formats where some columns are optional, like GTFS). */
        public boolean hasColumn(String field) {
            return index.containsKey(field);
        }

        /** The field's text, or empty when the column is absent from this file (optional columns). */
        public String textIfPresent(String field) {
            return hasColumn(field) ? text(field) : "";
        }

        /** The field's text; a blank field is an error. */
        public String required(String field) {
            String value = text(field);
            if (value.isEmpty()) {
                throw error(field, "must not be blank");
            }
            return value;
        }

        public Optional<String> optional(String field) {
            String value = text(field);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        public double decimal(String field) {
            String value = required(field);
            try {
                double d = Double.parseDouble(value);
                if (!Double.isFinite(d)) {
                    throw error(field, "'" + value + "' is not a finite number");
                }
                return d;
            } catch (NumberFormatException e) {
                throw error(field, "'" + value + "' is not a number");
            }
        }

        public double decimalBetween(String field, double min, double max) {
            double d = decimal(field);
            if (d < min || d > max) {
                throw error(field, d + " is outside " + min + " … " + max);
            }
            return d;
        }

        public int integer(String field) {
            String value = required(field);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error(field, "'" + value + "' is not a whole number");
            }
        }

        public int integerBetween(String field, int min, int max) {
            int i = integer(field);
            if (i < min || i > max) {
                throw error(field, i + " is outside " + min + " … " + max);
            }
            return i;
        }

        public <E extends Enum<E>> E oneOf(String field, Class<E> type) {
            String value = required(field);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            throw error(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }

        public DataFileException error(String field, String problem) {
            return new DataFileException(file, line, field, problem);
        }
    }

    private record RawRecord(int line, List<String> fields) {}

    /** RFC 4180 tokenizer that keeps the starting line of every record. */
    private static final class Tokenizer {
        private final String file;
        private final String text;
        private int pos;
        private int line = 1;

        Tokenizer(String file, String text) {
            this.file = file;
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        }

        List<RawRecord> records() {
            List<RawRecord> out = new ArrayList<>();
            while (pos < text.length()) {
                out.add(record());
            }
            return out;
        }

        private RawRecord record() {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    field.setLength(0);
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r') {
                    // part of a CRLF line end: ignored
                } else if (c == '\n') {
                    line++;
                    fields.add(field.toString());
                    return new RawRecord(start, fields);
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new DataFileException(file, start, "(record)", "a quoted field is not closed");
            }
            fields.add(field.toString());
            return new RawRecord(start, fields);
        }
    }
}
