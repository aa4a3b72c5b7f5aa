package org.lancang.errors;

import java.util.List;

/**
 * A request broke a rule; nothing was changed. Carries every field that is wrong, so the caller can show each message
 * beside its field.
 */
public final class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(
                errors.isEmpty()
                        ? "invalid input"
                        : errors.get(0).field() + ": " + errors.get(0).message());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** With the code of the rule, for a message in the user's language (see {@link FieldError}). */
    public InvalidInput(String field, String message, String code) {
        this(List.of(new FieldError(field, message, code)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first field that is wrong. */
    public String field() {
        return errors.get(0).field();
    }
}
