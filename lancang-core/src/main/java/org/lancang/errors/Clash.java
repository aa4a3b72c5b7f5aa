package org.lancang.errors;

/** The request is valid but clashes with what exists (a username already taken, a seat already sold). */
public final class Clash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public Clash(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
