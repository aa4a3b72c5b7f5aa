package org.lancang.web.http;

import java.util.List;
import org.lancang.errors.FieldError;

/**
 * An HTTP error answer that is not a domain rule: not signed in, not allowed, malformed JSON, a body too large.
 */
public final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<FieldError> errors;

    public HttpProblem(int status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public HttpProblem(int status, String detail) {
        this(status, detail, List.of());
    }

    public static HttpProblem badField(String field, String message) {
        return new HttpProblem(400, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
