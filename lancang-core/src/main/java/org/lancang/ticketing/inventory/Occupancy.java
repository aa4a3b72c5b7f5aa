package org.lancang.ticketing.inventory;

/**
 * Which seat is taken on which segment, kept twice on purpose: per seat as a segment mask (is this seat free for a
 * journey? one AND) and per segment as a seat set (which seats are free for a journey? an AND of the journey's
 * segments, 64 seats at a time). Every change updates both; {@link #firstMismatch} checks that they agree.
 */
final class Occupancy {
    private final int seats;
    private final int segments;
    private final long[] held;
    /** Seats free on each segment, word-major: word w of segment s is {@code free[w * segments + s]}. */
    private final long[] free;

    Occupancy(int seats, int segments) {
        this.seats = seats;
        this.segments = segments;
        this.held = new long[seats];
        int words = (seats + 63) / 64;
        this.free = new long[words * segments];
        for (int w = 0; w < words; w++) {
            long all = w < words - 1 || seats % 64 == 0 ? -1L : (1L << (seats % 64)) - 1;
            for (int s = 0; s < segments; s++) {
                free[w * segments + s] = all;
            }
        }
    }

    int segments() {
        return segments;
    }

    long held(int seat) {
        return held[seat];
    }

    boolean isFree(int seat, long journey) {
        return (held[seat] & journey) == 0;
    }

    /** Word {@code word} of the seats free on segment {@code segment}. */
    long freeWord(int word, int segment) {
        return free[word * segments + segment];
    }

    void take(int seat, int from, int to) {
        held[seat] |= Bits.segments(from, to);
        int base = Bits.word(seat) * segments;
        long clear = ~Bits.bit(seat);
        for (int s = from; s < to; s++) {
            free[base + s] &= clear;
        }
    }

    void give(int seat, int from, int to) {
        held[seat] &= ~Bits.segments(from, to);
        int base = Bits.word(seat) * segments;
        long bit = Bits.bit(seat);
        for (int s = from; s < to; s++) {
            free[base + s] |= bit;
        }
    }

    /**
     * Keeps in {@code set} (words lo … hi) only the seats free on every segment from {@code from} to {@code to}; returns
     * how many remain.
     */
    int keepFree(long[] set, int from, int to, int lo, int hi) {
        int n = 0;
        for (int w = lo; w <= hi; w++) {
            long f = set[w];
            int base = w * segments;
            for (int s = from; s < to && f != 0; s++) {
                f &= free[base + s];
            }
            set[w] = f;
            n += Long.bitCount(f);
        }
        return n;
    }

    /** How many seats in both {@code a} and {@code b} (words lo … hi) are free from {@code from} to {@code to}. */
    int countFree(long[] a, long[] b, int from, int to, int lo, int hi) {
        int n = 0;
        for (int w = lo; w <= hi; w++) {
            long f = a[w] & b[w];
            int base = w * segments;
            for (int s = from; s < to && f != 0; s++) {
                f &= free[base + s];
            }
            n += Long.bitCount(f);
        }
        return n;
    }

    long heldSeatSegments() {
        long n = 0;
        for (long mask : held) {
            n += Long.bitCount(mask);
        }
        return n;
    }

    /** The first (seat, segment) where the two views disagree, as text, or null when they agree everywhere. */
    String firstMismatch() {
        for (int seat = 0; seat < seats; seat++) {
            if ((held[seat] & ~Bits.segments(0, segments)) != 0) {
                return "seat " + seat + " holds a segment beyond the last (" + Long.toBinaryString(held[seat]) + ")";
            }
            for (int s = 0; s < segments; s++) {
                boolean heldBySeat = (held[seat] & (1L << s)) != 0;
                boolean freeInSet = (freeWord(Bits.word(seat), s) & Bits.bit(seat)) != 0;
                if (heldBySeat == freeInSet) {
                    return "seat " + seat + " segment " + s + ": the seat's mask says " + (heldBySeat ? "held" : "free")
                            + ", the segment's set says " + (freeInSet ? "free" : "held");
                }
            }
        }
        return null;
    }
}
