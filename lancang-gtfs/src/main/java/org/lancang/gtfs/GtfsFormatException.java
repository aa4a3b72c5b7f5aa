package org.lancang.gtfs;

import java.util.function.Supplier;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;

/**
 * A GTFS feed handed to {@link GtfsImporter} is broken. The message names the file, the line and the field, so that
 * whoever produced the feed can go straight to the mistake.
 */
public final class GtfsFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The line number used when a problem concerns a whole file (for example a missing file). */
    public static final int WHOLE_FILE = 0;

    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    public GtfsFormatException(String file, int line, String field, String problem) {
        super(file + (line == WHOLE_FILE ? "" : ":" + line) + (field.isEmpty() ? "" : ": field '" + field + "'") + ": "
                + problem);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** The same problem with a sentence added (for example which network the feed was read against). */
    GtfsFormatException withNote(String note) {
        return new GtfsFormatException(file, line, field, problem + " (" + note + ")");
    }

    /** A problem with a whole file, such as its absence. */
    public static GtfsFormatException wholeFile(String file, String problem) {
        return new GtfsFormatException(file, WHOLE_FILE, "", problem);
    }

    /**
     * Runs {@code read}, which reads CSV with the core's {@link CsvTable}, and turns the core's
     * {@link DataFileException} into this module's exception with the same file, line and field.
     */
    static <T> T reading(Supplier<T> read) {
        try {
            return read.get();
        } catch (DataFileException e) {
            throw of(e);
        }
    }

    /**
     * The same problem as {@code e}. Problems of a whole record (the core's field {@code "(record)"}) or of an empty
     * file get the empty field, as here they always had; the core's wording of structural problems becomes this
     * module's.
     */
    static GtfsFormatException of(DataFileException e) {
        String prefix = e.file() + ":" + e.line() + ": field '" + e.field() + "': ";
        String message = e.getMessage();
        String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        String field = e.field();
        if (field.equals("(record)")) {
            field = "";
            problem = problem.startsWith("has ") ? "the record " + problem : problem;
        } else if (e.line() == 1 && field.equals("header") && problem.equals("the file is empty")) {
            field = "";
            problem = "the file is empty: a header line is required";
        } else if (e.line() == 1 && problem.equals("column missing from the header")) {
            problem = "required column missing from the header";
        } else if (e.line() == 1 && problem.equals("column appears twice in the header")) {
            problem = "the column appears twice in the header";
        }
        return new GtfsFormatException(e.file(), e.line(), field, problem);
    }

    /** The feed file, e.g. {@code stop_times.txt}. */
    public String file() {
        return file;
    }

    /** 1-based line where the offending record starts (1 = the header), or {@link #WHOLE_FILE}. */
    public int line() {
        return line;
    }

    /** The column, or the empty string when the problem is not about one field. */
    public String field() {
        return field;
    }
}
