package org.lancang.gtfs;

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

    public GtfsFormatException(String file, int line, String field, String problem) {
        super(file + (line == WHOLE_FILE ? "" : ":" + line) + (field.isEmpty() ? "" : ": field '" + field + "'") + ": "
                + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** A problem with a whole file, such as its absence. */
    public static GtfsFormatException wholeFile(String file, String problem) {
        return new GtfsFormatException(file, WHOLE_FILE, "", problem);
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
