package org.lancang.errors;

/** The request is valid but clashes with what exists (a username already taken, a seat already sold). */
public final class Clash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String code;

    public Clash(String field, String message) {
        this(field, message, null);
    }

    /** With the code of the rule, for a message in the user's language (see {@link FieldError}). */
    public Clash(String field, String message, String code) {
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
