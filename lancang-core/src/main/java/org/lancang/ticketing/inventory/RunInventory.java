package org.lancang.ticketing.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.lancang.errors.InvalidInput;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;

/**
 * The seats of one train run (a train on a service date). The run calls at n selling points, so it has n−1 segments;
 * every seat keeps its taken segments in one {@code long} (bit s = segment s), and every segment keeps the set of
 * seats free on it as a bitset. A journey from stop i to stop j needs segments [i, j): a seat is free for it when its
 * mask has none of those bits; the seats free for it are the AND of the segments' free sets, so counting them is a few
 * dozen word operations.
 * <p>
 * Not thread-safe by design: one writer per run (the sales service serialises each run's changes).
 */
public final class RunInventory {
    public static final int MAX_SEGMENTS = 63;

    private final List<Seat> seats;
    private final int segments;
    private final int words;
    private final long[] taken;
    private final long[][] freeOnSegment;
    private final long[][] seatsOfClass;
    private final CarRule carRule;
    /** The seats allowed for each journey [from][to], worked out from the car rule once and kept. */
    private final long[][][] allowed;
    /** Seats by position (window, middle, aisle) and by car, as bitsets, for preferences. */
    private final long[][] seatsAtPosition;
    private final java.util.Map<Integer, long[]> seatsInCar = new java.util.HashMap<>();
    /** Scratch bitsets: the inventory has one writer, so allocation needs no garbage. */
    private final long[] scratchFree;
    private final long[] scratchPick;

    public RunInventory(List<Seat> seats, int stops, CarRule carRule) {
        if (stops < 2 || stops - 1 > MAX_SEGMENTS) {
            throw new IllegalArgumentException("a run needs 2 … " + (MAX_SEGMENTS + 1) + " selling points, not " + stops);
        }
        this.seats = List.copyOf(seats);
        this.segments = stops - 1;
        this.words = (seats.size() + 63) / 64;
        this.taken = new long[seats.size()];
        this.freeOnSegment = new long[segments][words];
        for (long[] free : freeOnSegment) {
            for (int i = 0; i < seats.size(); i++) {
                free[i >>> 6] |= 1L << i;
            }
        }
        this.seatsOfClass = new long[SeatClass.values().length][words];
        for (int i = 0; i < seats.size(); i++) {
            seatsOfClass[seats.get(i).seatClass().ordinal()][i >>> 6] |= 1L << i;
        }
        this.carRule = carRule;
        this.allowed = new long[stops][stops + 1][];
        this.seatsAtPosition = new long[org.lancang.rollingstock.SeatPosition.values().length][words];
        for (int i = 0; i < seats.size(); i++) {
            Seat s = seats.get(i);
            seatsAtPosition[s.position().ordinal()][i >>> 6] |= 1L << i;
            seatsInCar.computeIfAbsent(s.car(), k -> new long[words])[i >>> 6] |= 1L << i;
        }
        this.scratchFree = new long[words];
        this.scratchPick = new long[words];
    }

    private long[] allowedSeats(int from, int to) {
        long[] mask = allowed[from][to];
        if (mask == null) {
            mask = new long[words];
            for (int i = 0; i < seats.size(); i++) {
                if (carRule.sells(seats.get(i).car(), from, to)) {
                    mask[i >>> 6] |= 1L << i;
                }
            }
            allowed[from][to] = mask;
        }
        return mask;
    }

    public int stops() {
        return segments + 1;
    }

    public List<Seat> seats() {
        return seats;
    }

    /** How many seats of the class are free for the whole journey from stop {@code from} to stop {@code to}. */
    public int available(int from, int to, SeatClass seatClass) {
        checkJourney(from, to);
        long[] allowed = allowedSeats(from, to);
        long[] cls = seatsOfClass[seatClass.ordinal()];
        int count = 0;
        for (int w = 0; w < words; w++) {
            long free = cls[w] & allowed[w];
            for (int s = from; s < to && free != 0; s++) {
                free &= freeOnSegment[s][w];
            }
            count += Long.bitCount(free);
        }
        return count;
    }

    /** Whether seat {@code seat} (an index into {@link #seats()}) is free from stop {@code from} to stop {@code to}. */
    public boolean isFree(int seat, int from, int to) {
        checkJourney(from, to);
        return (taken[seat] & range(from, to)) == 0;
    }

    /** Marks a seat taken for a journey (rebuilding from stored bookings); false if any of it is already taken. */
    public boolean claim(int seat, int from, int to) {
        checkJourney(from, to);
        long r = range(from, to);
        if ((taken[seat] & r) != 0) {
            return false;
        }
        take(seat, r);
        return true;
    }

    /** Gives a seat back for a journey it holds. */
    public void release(int seat, int from, int to) {
        checkJourney(from, to);
        long r = range(from, to);
        if ((taken[seat] & r) != r) {
            throw new IllegalStateException("seat " + seats.get(seat) + " does not hold segments " + from + "–" + to);
        }
        taken[seat] &= ~r;
        for (int s = from; s < to; s++) {
            freeOnSegment[s][seat >>> 6] |= 1L << seat;
        }
    }

    /**
     * Takes {@code count} seats of the class for the journey, following the preference where it can; a group (count
     * up to 5) is seated together in one car when any car has room. Empty when there are not enough seats.
     */
    public Optional<int[]> allocate(int from, int to, SeatClass seatClass, SeatPreference preference, int count,
                                    AllocationPolicy policy) {
        checkJourney(from, to);
        if (count < 1 || count > 5) {
            throw new InvalidInput("quantity", "must be 1 … 5 seats at a time");
        }
        long[] free = freeFor(from, to, seatClass, scratchFree);
        int[] chosen;
        if (count == 1) {
            int seat = single(free, from, to, preference, policy);
            if (seat < 0) {
                return Optional.empty();
            }
            chosen = new int[] {seat};
        } else {
            if (bits(free) < count) {
                return Optional.empty();
            }
            chosen = group(free.clone(), from, to, preference, count, policy);
        }
        long r = range(from, to);
        for (int seat : chosen) {
            take(seat, r);
        }
        return Optional.of(chosen);
    }

    /**
     * One seat: the preference (position and car, then position only, then car only, then none) narrows the free
     * seats; the policy picks among them. -1 when none is free.
     */
    private int single(long[] free, int from, int to, SeatPreference preference, AllocationPolicy policy) {
        long[] position = preference.position() == null ? null : seatsAtPosition[preference.position().ordinal()];
        long[] car = preference.car() == 0 ? null : seatsInCar.get(preference.car());
        if (position != null || car != null) {
            for (int attempt = 0; attempt < 3; attempt++) {
                long[] a = attempt == 2 ? car : position;
                long[] b = attempt == 0 ? car : null;
                if (a == null && b == null) {
                    continue;
                }
                boolean any = false;
                for (int w = 0; w < words; w++) {
                    long v = free[w] & (a == null ? -1L : a[w]) & (b == null ? -1L : b[w]);
                    scratchPick[w] = v;
                    any |= v != 0;
                }
                if (any) {
                    return choose(scratchPick, from, to, policy);
                }
            }
        }
        return choose(free, from, to, policy);
    }

    /** Seats a group in one car if one has room (best-fitting the car's seats in seat order), else anywhere. */
    private int[] group(long[] free, int from, int to, SeatPreference preference, int count, AllocationPolicy policy) {
        int bestCar = -1;
        int bestWaste = Integer.MAX_VALUE;
        for (int car : cars()) {
            if (preference.car() != 0 && preference.car() != car) {
                continue;
            }
            long[] inCar = filter(free, new SeatPreference(null, car), false, true);
            if (bits(inCar) >= count) {
                int waste = policy == AllocationPolicy.BEST_FIT ? wasteOfFirst(inCar, from, to, count) : 0;
                if (waste < bestWaste) {
                    bestWaste = waste;
                    bestCar = car;
                }
            }
        }
        long[] pool = bestCar > 0 ? filter(free, new SeatPreference(null, bestCar), false, true) : free;
        int[] chosen = new int[count];
        int n = 0;
        for (int i = nextSet(pool, 0); i >= 0 && n < count; i = nextSet(pool, i + 1)) {
            chosen[n++] = i; // consecutive seat numbers: neighbours in a row, then the next row
        }
        return chosen;
    }

    private int wasteOfFirst(long[] pool, int from, int to, int count) {
        int waste = 0;
        int n = 0;
        for (int i = nextSet(pool, 0); i >= 0 && n < count; i = nextSet(pool, i + 1), n++) {
            waste += gapWaste(i, from, to);
        }
        return waste;
    }

    /**
     * First fit: the lowest free seat. Best fit: a seat where the journey fills its free stretch exactly (sold, or the
     * end of the run, on both sides), else one where it lies against an earlier sale on one side, else any: every
     * class is a few word operations on the per-segment bitsets, so best fit costs no more than first fit.
     */
    private int choose(long[] candidates, int from, int to, AllocationPolicy policy) {
        if (policy == AllocationPolicy.FIRST_FIT) {
            return nextSet(candidates, 0);
        }
        int oneSide = -1;
        for (int w = 0; w < words; w++) {
            long c = candidates[w];
            if (c == 0) {
                continue;
            }
            long left = from == 0 ? -1L : ~freeOnSegment[from - 1][w];
            long right = to == segments ? -1L : ~freeOnSegment[to][w];
            long exact = c & left & right;
            if (exact != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(exact);
            }
            long touching = c & (left | right);
            if (oneSide < 0 && touching != 0) {
                oneSide = (w << 6) + Long.numberOfTrailingZeros(touching);
            }
        }
        return oneSide >= 0 ? oneSide : nextSet(candidates, 0);
    }

    /**
     * How badly selling [from, to) on this seat cuts up its free stretch: every free piece left on either side costs
     * {@value #PIECE_COST}, every free segment left in them one more. An exact fit costs nothing; a journey placed
     * against earlier sales costs less than one in the middle of an empty seat, which would leave two pieces that
     * only short journeys can still use.
     */
    private int gapWaste(int seat, int from, int to) {
        long mask = taken[seat];
        long below = from == 0 ? 0 : mask & ((1L << from) - 1);
        int gapStart = below == 0 ? 0 : 64 - Long.numberOfLeadingZeros(below);
        long above = mask >>> to;
        int gapEnd = above == 0 ? segments : to + Long.numberOfTrailingZeros(above);
        int left = from - gapStart;
        int right = gapEnd - to;
        return (left > 0 ? PIECE_COST : 0) + (right > 0 ? PIECE_COST : 0) + left + right;
    }

    private static final int PIECE_COST = 100;

    private long[] freeFor(int from, int to, SeatClass seatClass, long[] free) {
        long[] allowed = allowedSeats(from, to);
        long[] cls = seatsOfClass[seatClass.ordinal()];
        for (int w = 0; w < words; w++) {
            long f = cls[w] & allowed[w];
            for (int s = from; s < to && f != 0; s++) {
                f &= freeOnSegment[s][w];
            }
            free[w] = f;
        }
        return free;
    }

    private long[] filter(long[] free, SeatPreference preference, boolean byPosition, boolean byCar) {
        long[] out = new long[words];
        for (int i = nextSet(free, 0); i >= 0; i = nextSet(free, i + 1)) {
            Seat s = seats.get(i);
            boolean position = !byPosition || preference.position() == null || s.position() == preference.position();
            boolean car = !byCar || preference.car() == 0 || s.car() == preference.car();
            if (position && car) {
                out[i >>> 6] |= 1L << i;
            }
        }
        return out;
    }

    private int[] cars() {
        return seats.stream().mapToInt(Seat::car).distinct().sorted().toArray();
    }

    private void take(int seat, long r) {
        taken[seat] |= r;
        for (int s = Long.numberOfTrailingZeros(r); s < 64 && (r >>> s) != 0; s++) {
            if ((r & (1L << s)) != 0) {
                freeOnSegment[s][seat >>> 6] &= ~(1L << seat);
            }
        }
    }

    /** The segments a seat holds (for checks and tests). */
    public long takenMask(int seat) {
        return taken[seat];
    }

    /** Whether seat i is in the free set of segment s (for checks and tests). */
    public boolean freeOnSegment(int seat, int segment) {
        return (freeOnSegment[segment][seat >>> 6] & (1L << seat)) != 0;
    }

    /** Total seat-segments sold (for simulations). */
    public long takenSegments() {
        return Arrays.stream(taken).map(Long::bitCount).sum();
    }

    static long range(int from, int to) {
        return (to == 64 ? -1L : (1L << to) - 1) & ~((1L << from) - 1);
    }

    private static int nextSet(long[] bits, int from) {
        int w = from >>> 6;
        if (w >= bits.length) {
            return -1;
        }
        long word = bits[w] & (-1L << (from & 63));
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == bits.length) {
                return -1;
            }
            word = bits[w];
        }
    }

    private static int bits(long[] set) {
        int n = 0;
        for (long w : set) {
            n += Long.bitCount(w);
        }
        return n;
    }

    private void checkJourney(int from, int to) {
        if (from < 0 || to > segments || from >= to) {
            throw new InvalidInput("to", "a journey runs from an earlier stop to a later one (stops 0 … " + segments + ")");
        }
    }

    /** Indices of seats, for rules and tests. */
    public List<Integer> seatIndices(java.util.function.Predicate<Seat> which) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            if (which.test(seats.get(i))) {
                out.add(i);
            }
        }
        return out;
    }
}
