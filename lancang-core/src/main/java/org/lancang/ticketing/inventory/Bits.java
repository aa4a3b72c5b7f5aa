package org.lancang.ticketing.inventory;

/**
 * Helpers for the two kinds of bit sets the inventory keeps: seat sets ({@code long[]}, bit i of word i/64 = seat i)
 * and segment masks (one {@code long}, bit s = segment s).
 */
final class Bits {
    private Bits() {}

    /** The segments a journey from stop {@code from} to stop {@code to} uses: bits from … to−1. */
    static long segments(int from, int to) {
        return (1L << to) - (1L << from); // to ≤ 63; for 63 the subtraction wraps modulo 2^64, still exact
    }

    static long bit(int seat) {
        return 1L << seat; // Java masks the shift to seat & 63
    }

    static int word(int seat) {
        return seat >>> 6;
    }

    /** The lowest seat in {@code set} at or after {@code start} within words lo … hi, or −1. */
    static int nextSeat(long[] set, int start, int lo, int hi) {
        int w = Math.max(lo, word(start));
        if (w > hi) {
            return -1;
        }
        long bits = w == word(start) ? set[w] & (-1L << (start & 63)) : set[w];
        while (true) {
            if (bits != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(bits);
            }
            if (++w > hi) {
                return -1;
            }
            bits = set[w];
        }
    }

    static int count(long[] set, int lo, int hi) {
        int n = 0;
        for (int w = lo; w <= hi; w++) {
            n += Long.bitCount(set[w]);
        }
        return n;
    }

    static boolean isEmpty(long[] set, int lo, int hi) {
        for (int w = lo; w <= hi; w++) {
            if (set[w] != 0) {
                return false;
            }
        }
        return true;
    }
}
