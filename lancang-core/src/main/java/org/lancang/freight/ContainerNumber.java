package org.lancang.freight;

import java.util.List;
import java.util.Locale;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;

/**
 * A container's number by ISO 6346: three letters of the owner code, the equipment category (U freight container, J
 * detachable equipment, Z trailer or chassis), six digits of serial number and a check digit. The check digit is the
 * sum of each of the first ten characters' values times 2^position, modulo 11, with 10 written as 0; letters count
 * from A = 10 skipping the multiples of 11 (A = 10, B = 12 … K = 21, L = 23 … U = 32, V = 34 …).
 */
public final class ContainerNumber {
    private static final int[] LETTER_VALUES = letterValues();

    private ContainerNumber() {}

    /** The number, upper-cased and without spaces, or {@link InvalidInput} naming {@code field}. */
    public static String check(String number, String field) {
        String n = number == null ? "" : number.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!n.matches("[A-Z]{3}[UJZ][0-9]{7}")) {
            throw new InvalidInput(List.of(new FieldError(
                    field, "'" + number + "' is not a container number (ISO 6346, like CSQU3054383)", "iso6346")));
        }
        int expected = checkDigit(n.substring(0, 10));
        if (n.charAt(10) - '0' != expected) {
            throw new InvalidInput(List.of(new FieldError(
                    field, "'" + number + "' has a wrong check digit: ISO 6346 gives " + expected, "check-digit")));
        }
        return n;
    }

    /** The check digit of the first ten characters (owner code, category, serial number). */
    public static int checkDigit(String firstTen) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = firstTen.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : LETTER_VALUES[c - 'A'];
            sum += value << i;
        }
        return sum % 11 % 10;
    }

    private static int[] letterValues() {
        int[] values = new int[26];
        int v = 10;
        for (int i = 0; i < 26; i++, v++) {
            if (v % 11 == 0) {
                v++;
            }
            values[i] = v;
        }
        return values;
    }
}
