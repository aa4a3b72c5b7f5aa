package org.lancang.web.http;

import java.util.List;
import org.lancang.errors.FieldError;

/**
 * The stable codes every error answer carries, so a page can say it in the reader's language (the English
 * {@code detail} stays beside it for people reading the API). A rule that names itself (a {@link FieldError} with a
 * code, such as {@code password-too-short}) keeps its code; any other error gets the code of its kind: {@code required}
 * for a missing value, otherwise one per HTTP status ({@link #GENERIC}). Pages translate {@code err.<code>}; a test
 * proves that every code the server can send has a text in English, Chinese and Lao.
 */
public final class ProblemCodes {
    /** The codes of the kinds of error, for an error whose rule has no code of its own. */
    public static final List<String> GENERIC = List.of(
            "required",
            "invalid",
            "unauthorized",
            "forbidden",
            "not-found",
            "method-not-allowed",
            "clash",
            "too-large",
            "uri-too-long",
            "unsupported-media-type",
            "unprocessable",
            "locked",
            "throttled",
            "headers-too-large",
            "server-error",
            "unavailable",
            "error");

    private ProblemCodes() {}

    /** The code of an HTTP status, for an error with no rule of its own. */
    public static String ofStatus(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "clash";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 423 -> "locked";
            case 429 -> "throttled";
            case 431 -> "headers-too-large";
            case 500 -> "server-error";
            case 503 -> "unavailable";
            default -> "error";
        };
    }

    /** The error with a code: its own, {@code required} for "is required", else the status's. */
    public static FieldError coded(FieldError e, int status) {
        if (e.code() != null) {
            return e;
        }
        String message = e.message() == null ? "" : e.message();
        String code =
                message.equals("is required") || message.startsWith("is required:") ? "required" : ofStatus(status);
        return new FieldError(e.field(), e.message(), code);
    }
}
