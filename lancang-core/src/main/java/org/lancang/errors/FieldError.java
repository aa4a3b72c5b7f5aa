package org.lancang.errors;

/** What is wrong with one field of a request: {@code field} uses the request's own names (e.g. {@code roles[1]}). */
public record FieldError(String field, String message) {
}
