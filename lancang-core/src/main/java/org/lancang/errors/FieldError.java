package org.lancang.errors;

/**
 * What is wrong with one field of a request: {@code field} uses the request's own names (e.g. {@code roles[1]}). The
 * message is English; {@code code}, when set, names the rule that failed (e.g. {@code document-not-accepted}) so that a
 * user interface can say it in the user's language.
 */
public record FieldError(String field, String message, String code) {
    public FieldError(String field, String message) {
        this(field, message, null);
    }
}
