package org.lancang.web.tracking;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.errors.InvalidInput;
import org.lancang.store.tracking.TrackingRecords.Report;
import org.lancang.store.tracking.TrackingRecords.Tracked;
import org.lancang.tracking.BoxEventType;

/**
 * Box events as CSV: reports in ({@code bookingId,unit,type,location,at}, RFC 4180, {@code at} with its offset) and
 * the events out (one line per event, in the order they were stored). Errors name the line and the column
 * ({@code line 3: at}).
 */
public final class TrackingCsv {
    public static final String MEDIA_TYPE = "text/csv";
    public static final String FILE = "events.csv";
    static final List<String> IN = List.of("bookingId", "unit", "type", "location", "at");
    static final String OUT_HEADER =
            "eventID,seq,bookingId,shipper,unit,type,location,at,train,serviceDate,source,recordedAt";

    private TrackingCsv() {}

    /** The field prefix of line {@code n} (1 is the header): {@code line 2: }. */
    static String field(int line, String column) {
        return "line " + line + ": " + column;
    }

    public static List<Report> reports(String text) {
        CsvTable table;
        try {
            table = CsvTable.parse(FILE, text == null ? "" : text, IN);
        } catch (DataFileException e) {
            throw new InvalidInput(field(e.line(), e.field()), e.getMessage());
        }
        if (table.rows().isEmpty()) {
            throw new InvalidInput(field(2, "bookingId"), "the file has a header and no event");
        }
        List<Report> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String typeText = row.text("type").strip().toUpperCase(Locale.ROOT);
            BoxEventType type;
            try {
                type = BoxEventType.valueOf(typeText);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(
                        field(row.line(), "type"),
                        "'" + row.text("type") + "' is not one of " + List.of(BoxEventType.values()));
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(row.text("at").strip()).toInstant();
            } catch (DateTimeException e) {
                throw new InvalidInput(
                        field(row.line(), "at"),
                        "'" + row.text("at") + "' is not a date-time with its offset (2026-12-06T08:00:00+07:00)");
            }
            out.add(new Report(
                    row.text("bookingId").strip(), row.text("unit").strip(), type, row.text("location"), at));
        }
        return out;
    }

    /** The field prefix of report {@code i}: its line (data lines start at 2, after the header). */
    static String prefix(int i) {
        return "line " + (i + 2) + ": ";
    }

    public static String export(List<Tracked> events) {
        StringBuilder b = new StringBuilder(OUT_HEADER).append('\n');
        for (Tracked t : events) {
            var e = t.event();
            b.append(t.eventId())
                    .append(',')
                    .append(t.seq())
                    .append(',')
                    .append(quote(e.bookingId()))
                    .append(',')
                    .append(quote(t.shipper()))
                    .append(',')
                    .append(quote(e.unit()))
                    .append(',')
                    .append(e.type())
                    .append(',')
                    .append(quote(e.location()))
                    .append(',')
                    .append(e.at())
                    .append(',')
                    .append(quote(e.train()))
                    .append(',')
                    .append(e.serviceDate() == null ? "" : e.serviceDate())
                    .append(',')
                    .append(quote(t.source()))
                    .append(',')
                    .append(t.recordedAt())
                    .append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        boolean plain = s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        String safe = s.startsWith("=") || s.startsWith("+") || s.startsWith("-") || s.startsWith("@") ? "'" + s : s;
        return plain && safe.equals(s) ? s : '"' + safe.replace("\"", "\"\"") + '"';
    }
}
