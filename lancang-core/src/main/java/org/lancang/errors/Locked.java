package org.lancang.errors;

/** The thing is locked until someone with the right to do so unlocks it (an HTTP server answers 423). */
public final class Locked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String code;

    public Locked(String field, String message) {
        this(field, message, null);
    }

    /** With the code of the rule, for a message in the user's language (see {@link FieldError}). */
    public Locked(String field, String message, String code) {
        super(message);
        this.field = field;
        this.code = code;
    }

    /** The code of the rule, or null. */
    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
