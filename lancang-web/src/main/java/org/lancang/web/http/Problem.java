package org.lancang.web.http;

import java.util.List;
import org.lancang.errors.FieldError;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code field} names the first field that was
 * wrong; {@code errors} lists them all; {@code code} is a stable code a page translates (beside the English
 * {@code detail}).
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String instance,
        String field,
        List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The problem, every error with its stable code (its rule's, or its kind's: {@link ProblemCodes}); {@code code} is
     * the first error's, or the status's when there is none.
     */
    public static Problem of(int status, String detail, String instance, List<FieldError> errors) {
        List<FieldError> coded =
                errors.stream().map(e -> ProblemCodes.coded(e, status)).toList();
        return new Problem(
                "about:blank",
                title(status),
                status,
                detail,
                coded.isEmpty() ? ProblemCodes.ofStatus(status) : coded.get(0).code(),
                instance,
                coded.isEmpty() ? null : coded.get(0).field(),
                coded);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 423 -> "Locked";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }
}
