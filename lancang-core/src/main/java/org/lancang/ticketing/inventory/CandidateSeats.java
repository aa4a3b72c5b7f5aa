package org.lancang.ticketing.inventory;

/**
 * The seats an {@link AllocationPolicy} may choose from for one journey: all free on every segment of it, of the right
 * class, in a car that sells it and as near the buyer's preference as could be met. It also answers how each seat's
 * free stretch lies around the journey, which is what a fitting policy needs.
 * <p>
 * A policy gets it for the length of one {@code choose} call: the inventory reuses it for the next request (it is
 * scratch space, so that choosing a seat allocates nothing), and a policy must not keep it.
 */
public final class CandidateSeats {
    private final Occupancy occupancy;
    private final long[] seats;
    /** Layer a: the candidates whose free stretch reaches exactly a segments back from the journey's start. */
    private final Side before;
    /** Layer b: the candidates whose free stretch reaches exactly b segments on from the journey's end. */
    private final Side after;

    private int from;
    private int to;
    private int lo;
    private int hi;

    CandidateSeats(Occupancy occupancy, int words) {
        this.occupancy = occupancy;
        this.seats = new long[words];
        this.before = new Side(occupancy.segments() + 1, words, -1);
        this.after = new Side(occupancy.segments() + 1, words, +1);
    }

    /** Starts a new, empty set for the journey; candidates can only lie in words lo … hi. */
    void reset(int from, int to, int lo, int hi) {
        this.from = from;
        this.to = to;
        this.lo = lo;
        this.hi = hi;
        changed();
    }

    /** Makes the set {@code base} ∩ {@code a} ∩ {@code b} ({@code null} restricts nothing); false if that is empty. */
    boolean narrow(long[] base, long[] a, long[] b) {
        boolean any = false;
        for (int w = lo; w <= hi; w++) {
            long f = base[w] & (a == null ? -1L : a[w]) & (b == null ? -1L : b[w]);
            seats[w] = f;
            any |= f != 0;
        }
        changed();
        return any;
    }

    void remove(int seat) {
        seats[Bits.word(seat)] &= ~Bits.bit(seat);
        changed();
    }

    private void changed() {
        before.restart(from);
        after.restart(segments() - to);
    }

    int lo() {
        return lo;
    }

    int hi() {
        return hi;
    }

    /** The journey's first stop. */
    public int from() {
        return from;
    }

    /** The journey's last stop. */
    public int to() {
        return to;
    }

    /** The run's number of segments (stops − 1). */
    public int segments() {
        return occupancy.segments();
    }

    public boolean isEmpty() {
        return Bits.isEmpty(seats, lo, hi);
    }

    public int count() {
        return Bits.count(seats, lo, hi);
    }

    public boolean contains(int seat) {
        int w = Bits.word(seat);
        return w >= lo && w <= hi && (seats[w] & Bits.bit(seat)) != 0;
    }

    /** The lowest-numbered candidate, or −1 when there is none. */
    public int first() {
        return Bits.nextSeat(seats, 0, lo, hi);
    }

    /** The next candidate after {@code seat}, or −1. */
    public int next(int seat) {
        return Bits.nextSeat(seats, seat + 1, lo, hi);
    }

    /** How many segments just before the journey the seat is also free on (up to the run's first stop). */
    public int freeBefore(int seat) {
        long below = occupancy.held(seat) & ((1L << from) - 1);
        return below == 0 ? from : from - (64 - Long.numberOfLeadingZeros(below));
    }

    /** How many segments just after the journey the seat is also free on (up to the run's last stop). */
    public int freeAfter(int seat) {
        long above = occupancy.held(seat) >>> to;
        return above == 0 ? segments() - to : Long.numberOfTrailingZeros(above);
    }

    /**
     * The lowest-numbered candidate whose free stretch reaches exactly {@code freeBefore} segments before the journey
     * and {@code freeAfter} segments after it, or −1. Word-parallel: no seat is looked at one by one.
     */
    public int firstWithFreeAround(int freeBefore, int freeAfter) {
        if (freeBefore < 0 || freeBefore > from || freeAfter < 0 || freeAfter > segments() - to) {
            return -1;
        }
        return firstCommon(freeBefore, freeAfter);
    }

    /**
     * The lowest-numbered of the candidates that cost least under {@code policy}'s {@link AllocationPolicy#cost}, or −1
     * when there are none. Walks the (free before, free after) pairs outwards from (0, 0), each a word-parallel look-up
     * whatever the number of seats, and stops where the cost can only grow (costs never fall as more is left free).
     */
    public int cheapest(AllocationPolicy policy) {
        int bestSeat = -1;
        long bestCost = Long.MAX_VALUE;
        for (int a = 0; a <= from; a++) {
            if (policy.cost(a, 0, this) > bestCost) {
                break; // every later pair leaves more free before the journey
            }
            if (before.words(a) == 0) {
                continue;
            }
            for (int b = 0; b <= segments() - to; b++) {
                long cost = policy.cost(a, b, this);
                if (cost > bestCost) {
                    break;
                }
                int seat = firstCommon(a, b);
                if (seat >= 0 && (cost < bestCost || seat < bestSeat)) {
                    bestCost = cost;
                    bestSeat = seat;
                }
            }
        }
        return bestSeat;
    }

    /** The lowest seat in both before-layer a and after-layer b, looking only at words where both have seats; or −1. */
    private int firstCommon(int a, int b) {
        long words = before.words(a) & after.words(b);
        while (words != 0) {
            int w = Long.numberOfTrailingZeros(words);
            long both = before.layer(a)[w] & after.layer(b)[w];
            if (both != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(both);
            }
            words &= words - 1;
        }
        return -1;
    }

    /**
     * One side of the journey, its candidates sorted into layers by how far their free stretch reaches, worked out
     * lazily one segment further out at a time (most choices need only the first few layers).
     */
    private final class Side {
        private final long[][] layers;
        /** Bit w set when word w of the layer has a seat: look-ups skip the other words. */
        private final long[] nonEmptyWords;
        /** The candidates free on every segment walked so far. */
        private final long[] run;

        private final int direction;
        private int levels;
        private int done;

        Side(int maxLevels, int words, int direction) {
            this.layers = new long[maxLevels][words];
            this.nonEmptyWords = new long[maxLevels];
            this.run = new long[words];
            this.direction = direction;
        }

        /** Forgets the layers: the candidates changed, or the journey did. {@code levels} is the last possible layer. */
        void restart(int levels) {
            this.levels = levels;
            this.done = 0;
        }

        long words(int level) {
            reach(level);
            return nonEmptyWords[level];
        }

        long[] layer(int level) {
            reach(level);
            return layers[level];
        }

        private void reach(int level) {
            if (done == 0 && level >= 0) {
                for (int w = lo; w <= hi; w++) {
                    run[w] = seats[w];
                }
            }
            for (; done <= level; done++) {
                long nonEmpty = 0;
                long[] layer = layers[done];
                if (done == levels) {
                    for (int w = lo; w <= hi; w++) {
                        layer[w] = run[w]; // free right up to the run's end
                        nonEmpty |= run[w] == 0 ? 0 : 1L << w;
                    }
                } else {
                    int segment = direction < 0 ? from - 1 - done : to + done;
                    for (int w = lo; w <= hi; w++) {
                        long freeThere = occupancy.freeWord(w, segment);
                        layer[w] = run[w] & ~freeThere;
                        run[w] &= freeThere;
                        nonEmpty |= layer[w] == 0 ? 0 : 1L << w;
                    }
                }
                nonEmptyWords[done] = nonEmpty;
            }
        }
    }
}
