package org.lancang.errors;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while checking a request, then throws them all at once. */
public final class Validation {
    private final List<FieldError> errors = new ArrayList<>();

    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /** A check with the code of the rule that failed, for messages in the user's language. */
    public Validation check(boolean ok, String field, String message, String code) {
        if (!ok) {
            errors.add(new FieldError(field, message, code));
        }
        return this;
    }

    public Validation add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** An error with the code of the rule that failed, for messages in the user's language. */
    public Validation add(String field, String message, String code) {
        errors.add(new FieldError(field, message, code));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws {@link InvalidInput} if any check failed. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
