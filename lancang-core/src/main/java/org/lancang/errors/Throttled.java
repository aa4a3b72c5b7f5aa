package org.lancang.errors;

import java.time.Duration;

/** Too many attempts: the caller may try again after {@code retryAfter} (an HTTP server answers 429 and Retry-After). */
public final class Throttled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final Duration retryAfter;

    public Throttled(String field, String message, Duration retryAfter) {
        super(message);
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public String field() {
        return field;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, at least one (what a Retry-After header says). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
