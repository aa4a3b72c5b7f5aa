package org.lancang.gtfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one CSV file of a feed (RFC 4180: quoted fields may hold commas, quotes and line breaks; LF or CRLF line ends;
 * a UTF-8 byte-order mark is skipped). Every row remembers the line it started on, so errors can point at it.
 */
final class CsvReader {
    private CsvReader() {
    }

    /**
     * Parses {@code text}; every column in {@code requiredColumns} must be in the header. Blank lines are skipped.
     *
     * @throws GtfsFormatException naming the file, line and column of the first problem
     */
    static List<CsvRow> read(String file, String text, List<String> requiredColumns) {
        List<Record> records = new Tokenizer(file, text).records();
        if (records.isEmpty()) {
            throw new GtfsFormatException(file, 1, "", "the file is empty: a header line is required");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (index.put(header.get(i), i) != null) {
                throw new GtfsFormatException(file, 1, header.get(i), "the column appears twice in the header");
            }
        }
        for (String column : requiredColumns) {
            if (!index.containsKey(column)) {
                throw new GtfsFormatException(file, 1, column, "required column missing from the header");
            }
        }
        List<CsvRow> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().size() == 1 && record.fields().get(0).isBlank()) {
                continue;
            }
            if (record.fields().size() != header.size()) {
                throw new GtfsFormatException(file, record.line(), "", "the record has " + record.fields().size()
                        + " fields, the header has " + header.size());
            }
            rows.add(new CsvRow(file, record.line(), index, record.fields()));
        }
        return List.copyOf(rows);
    }

    private record Record(int line, List<String> fields) {
    }

    /** Splits the text into records, counting physical lines so that each record knows where it began. */
    private static final class Tokenizer {
        private final String file;
        private final String text;
        private int pos;
        private int line = 1;

        Tokenizer(String file, String text) {
            this.file = file;
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        }

        List<Record> records() {
            List<Record> out = new ArrayList<>();
            while (pos < text.length()) {
                out.add(record());
            }
            return out;
        }

        private Record record() {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean inQuotes = false;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (inQuotes) {
                    if (c == '"' && pos < text.length() && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                    } else if (c == '"') {
                        inQuotes = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    inQuotes = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    line++;
                    fields.add(field.toString());
                    return new Record(start, fields);
                } else if (c != '\r') { // a CR belongs to a CRLF line end
                    field.append(c);
                }
            }
            if (inQuotes) {
                throw new GtfsFormatException(file, start, "", "a quoted field is not closed");
            }
            fields.add(field.toString());
            return new Record(start, fields);
        }
    }
}
