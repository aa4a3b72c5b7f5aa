package org.lancang.errors;

/** The thing is locked until someone with the right to do so unlocks it (an HTTP server answers 423). */
public final class Locked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public Locked(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
