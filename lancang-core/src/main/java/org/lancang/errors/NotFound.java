package org.lancang.errors;

/** The thing a request names does not exist. */
public final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public NotFound(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
