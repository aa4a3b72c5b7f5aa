package org.lancang.ticketing.inventory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lancang.errors.InvalidInput;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;

/**
 * A formation's seats indexed for bit-set work: seat i of the list is bit i. Holds, per class, position and car, the
 * set of seats that have it, and the row of every seat (for seating groups together). Immutable once built; its arrays
 * never leave the package.
 */
final class SeatMap {
    /** 64 words of 64 seats: a set of words fits one {@code long} (see {@link CandidateSeats}). */
    static final int MAX_SEATS = 64 * 64;

    private final List<Seat> seats;
    private final int words;
    private final Map<SeatClass, long[]> byClass = new EnumMap<>(SeatClass.class);
    /** First and last word holding seats of each class: a class is a few cars, so most words can be skipped. */
    private final Map<SeatClass, int[]> classWords = new EnumMap<>(SeatClass.class);

    private final Map<SeatPosition, long[]> byPosition = new EnumMap<>(SeatPosition.class);
    private final long[][] byCar;
    private final int[] carOf;
    private final int[] rowOf;

    SeatMap(List<Seat> seats) {
        if (seats == null || seats.isEmpty()) {
            throw new InvalidInput("seats", "a train run needs at least one seat");
        }
        if (seats.size() > MAX_SEATS) {
            throw new InvalidInput("seats", "a train run has at most " + MAX_SEATS + " seats, not " + seats.size());
        }
        this.seats = List.copyOf(seats);
        this.words = (seats.size() + 63) / 64;
        int maxCar = seats.stream().mapToInt(Seat::car).max().orElseThrow();
        this.byCar = new long[maxCar + 1][];
        this.carOf = new int[seats.size()];
        this.rowOf = new int[seats.size()];
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            if (seat.car() < 1) {
                throw new InvalidInput("seats[" + i + "].car", "cars are numbered from 1");
            }
            carOf[i] = seat.car();
            rowOf[i] = row(seat.number());
            set(byClass.computeIfAbsent(seat.seatClass(), k -> new long[words]), i);
            set(byPosition.computeIfAbsent(seat.position(), k -> new long[words]), i);
            if (byCar[seat.car()] == null) {
                byCar[seat.car()] = new long[words];
            }
            set(byCar[seat.car()], i);
            int word = Bits.word(i);
            classWords.computeIfAbsent(seat.seatClass(), k -> new int[] {word, word})[1] = word;
        }
    }

    private static void set(long[] set, int seat) {
        set[Bits.word(seat)] |= Bits.bit(seat);
    }

    /** The row is the number before the letter: 07F → 7. Seats without one count as a row of their own. */
    private static int row(String number) {
        int digits = 0;
        while (digits < number.length() && Character.isDigit(number.charAt(digits))) {
            digits++;
        }
        return digits == 0 ? -1 : Integer.parseInt(number.substring(0, digits));
    }

    List<Seat> seats() {
        return seats;
    }

    int size() {
        return seats.size();
    }

    int words() {
        return words;
    }

    /** The seats of the class, or null when the train has none. */
    long[] ofClass(SeatClass seatClass) {
        return byClass.get(seatClass);
    }

    int firstWord(SeatClass seatClass) {
        return classWords.get(seatClass)[0];
    }

    int lastWord(SeatClass seatClass) {
        return classWords.get(seatClass)[1];
    }

    /** The seats at the position, or null when there are none. */
    long[] atPosition(SeatPosition position) {
        return byPosition.get(position);
    }

    /** The seats of the car, or null when the train has no seats in it. */
    long[] inCar(int car) {
        return car >= 0 && car < byCar.length ? byCar[car] : null;
    }

    int maxCar() {
        return byCar.length - 1;
    }

    int car(int seat) {
        return carOf[seat];
    }

    int row(int seat) {
        return rowOf[seat];
    }
}
