package org.lancang.ticketing;

/**
 * How a document's number proves itself beyond its pattern: by a check digit, named by its arithmetic (so the data
 * says which document uses it, and no document is named here).
 */
public enum NumberCheck {
    /** No check digit: the pattern is all there is. */
    NONE,
    /**
     * Thirteen digits, the last a check digit: the first twelve weighted 13 down to 2, summed, then
     * {@code (11 - sum mod 11) mod 10}.
     */
    WEIGHTED_MOD11_13;

    /** Whether {@code number} (already matching its pattern) passes the check. */
    public boolean passes(String number) {
        return switch (this) {
            case NONE -> true;
            case WEIGHTED_MOD11_13 -> weightedMod11(number);
        };
    }

    private static boolean weightedMod11(String number) {
        if (!number.matches("[0-9]{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (number.charAt(i) - '0') * (13 - i);
        }
        return (11 - sum % 11) % 10 == number.charAt(12) - '0';
    }
}
