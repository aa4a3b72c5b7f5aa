package org.lancang.runtime;

/**
 * Argument checks shared by the records' constructors. Every failure is an {@link IllegalArgumentException} whose
 * message names the offending field (null included, so that callers map all bad input the same way).
 */
final class Require {

    private Require() {}

    static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        return value;
    }

    static double positive(double value, String field) {
        finite(value, field);
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
        return value;
    }

    static double nonNegative(double value, String field) {
        finite(value, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }

    /** Checks {@code fromM < toM} for a range given along the path. */
    static void increasingRange(double fromM, double toM, String fromField, String toField) {
        nonNegative(fromM, fromField);
        finite(toM, toField);
        if (toM <= fromM) {
            throw new IllegalArgumentException(
                    toField + " (" + toM + ") must be greater than " + fromField + " (" + fromM + ")");
        }
    }
}
