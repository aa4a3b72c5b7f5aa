package org.lancang.maintenance;

import org.lancang.errors.Validation;

/** Small checks on free text shared by the maintenance inputs. */
final class Texts {
    private Texts() {}

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Length in characters as a reader counts them (code points), so Lao and Chinese text is not penalised. */
    static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    /** Checks a required text of at most {@code max} characters. */
    static void required(Validation v, String value, String field, int max) {
        if (blank(value)) {
            v.add(field, "is required");
        } else if (length(value) > max) {
            v.add(field, "must be at most " + max + " characters (it has " + length(value) + ")");
        }
    }

    /** Checks an optional text of at most {@code max} characters. */
    static void optional(Validation v, String value, String field, int max) {
        if (length(value) > max) {
            v.add(field, "must be at most " + max + " characters (it has " + length(value) + ")");
        }
    }

    static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
