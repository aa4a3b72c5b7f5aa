package org.lancang.freight;

import java.util.List;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;

/**
 * A wagon's number: either the UIC 12-digit number (UIC leaflet 920-14 / TSI: interoperability and owner codes,
 * serial, and a self-check digit: the digits are weighted 2, 1, 2, 1 … from the left, the digits of the products
 * summed, and the check digit brings the sum up to the next multiple of ten), or China Railway's 7-digit number, which
 * carries no check digit (its form alone is checked).
 */
public final class WagonNumber {
    private WagonNumber() {}

    /** The number as digits only, or {@link InvalidInput} naming {@code field}. */
    public static String check(String number, String field) {
        String n = number == null ? "" : number.replace(" ", "").replace("-", "");
        if (n.matches("[0-9]{7}")) {
            return n;
        }
        if (!n.matches("[0-9]{12}")) {
            throw new InvalidInput(List.of(new FieldError(
                    field,
                    "'" + number + "' is not a wagon number (UIC: 12 digits; China Railway: 7 digits)",
                    "wagon-format")));
        }
        int expected = checkDigit(n.substring(0, 11));
        if (n.charAt(11) - '0' != expected) {
            throw new InvalidInput(List.of(new FieldError(
                    field, "'" + number + "' has a wrong self-check digit: UIC gives " + expected, "check-digit")));
        }
        return n;
    }

    /** The UIC self-check digit of the first eleven digits. */
    public static int checkDigit(String firstEleven) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            int product = (firstEleven.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
