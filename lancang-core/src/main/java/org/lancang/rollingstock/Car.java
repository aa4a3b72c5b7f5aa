package org.lancang.rollingstock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A vehicle of a formation, with its seats (none for a power car, locomotive or wagon).
 *
 * @param seatClass the class of its seats, or {@code null} for a car without seats
 */
public record Car(int number, CarKind kind, SeatClass seatClass, List<Seat> seats, String source) {
    public Car {
        seats = List.copyOf(seats);
    }

    /**
     * Expands a row layout into seats. The layout is the letters of one row with {@code |} for the aisle, for example
     * {@code ABC|DF}: the first and last letters are by the window, letters next to the aisle are aisle seats, the rest
     * middle seats. Seat numbers are the two-digit row and the letter (01A, 01B …); {@code missing} seats do not exist.
     */
    public static List<Seat> expandLayout(int car, SeatClass seatClass, int rows, String layout, List<String> missing) {
        String letters = layout.replace("|", "");
        ArrayList<Seat> seats = new ArrayList<>();
        for (int row = 1; row <= rows; row++) {
            for (int i = 0; i < layout.length(); i++) {
                char letter = layout.charAt(i);
                if (letter == '|') {
                    continue;
                }
                String number = String.format(Locale.ROOT, "%02d%c", row, letter);
                if (missing.contains(number)) {
                    continue;
                }
                boolean window = letter == letters.charAt(0) || letter == letters.charAt(letters.length() - 1);
                boolean aisle = (i > 0 && layout.charAt(i - 1) == '|')
                        || (i + 1 < layout.length() && layout.charAt(i + 1) == '|');
                SeatPosition position = window ? SeatPosition.WINDOW : aisle ? SeatPosition.AISLE : SeatPosition.MIDDLE;
                seats.add(new Seat(car, number, seatClass, position));
            }
        }
        return seats;
    }
}
