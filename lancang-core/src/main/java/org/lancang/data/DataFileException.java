package org.lancang.data;

/**
 * A reference data file is wrong. The message names the file, the line and the field, so that whoever edits the data
 * can go straight to the mistake.
 */
public final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    public DataFileException(String file, int line, String field, String problem) {
        super(file + ":" + line + ": field '" + field + "': " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    /** 1-based line number in the file where the offending record starts. */
    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
