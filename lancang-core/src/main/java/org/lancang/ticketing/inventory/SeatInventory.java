package org.lancang.ticketing.inventory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;

/**
 * The seats of one train run (a train on a service date). The run calls at n selling points (its commercial stops, in
 * order, numbered 0 … n−1), so it has n−1 segments; a journey from stop i to stop j uses segments i … j−1. Seats are
 * those of the train type's seat map, numbered by their index in it.
 * <p>
 * Every seat keeps its taken segments in one {@code long}, and every segment keeps the set of seats free on it as a
 * bit set. So "is this seat free from i to j" is one AND, and "how many seats of a class are free from i to j" is an
 * AND of j−i words for every 64 seats: about a hundred word operations for the 720 seats of a CR200J, whatever the
 * number of sales.
 * <p>
 * Not thread-safe, by design: a run has one writer (the sales service serialises each run's changes, and runs are
 * independent, so that is no bottleneck). Reads must be serialised with the writes as well.
 */
public final class SeatInventory {
    /** Segments fit a {@code long} mask; 63 rather than 64 keeps the mask arithmetic simple. */
    public static final int MAX_SEGMENTS = 63;
    /** The largest group seated by one request. */
    public static final int MAX_GROUP = 5;

    private final SeatMap map;
    private final int stops;
    private final Occupancy occupancy;
    private final SellableSeats sellable;
    private final AllocationPolicy policy;
    private final CandidateSeats candidates;
    private final GroupSeating groups;
    private final long[] free;

    /**
     * @param seats  the train type's seats ({@code TrainType.seats()}), in seat-map order
     * @param stops  the run's selling points, 2 … {@value #MAX_SEGMENTS} + 1
     * @param rule   which cars sell which journeys
     * @param policy how {@link #allocate(int, int, SeatClass, SeatPreference, int)} chooses seats
     */
    public SeatInventory(List<Seat> seats, int stops, CarRule rule, AllocationPolicy policy) {
        if (stops < 2 || stops - 1 > MAX_SEGMENTS) {
            throw new InvalidInput("stops", "a run has 2 … " + (MAX_SEGMENTS + 1) + " selling points, not " + stops);
        }
        this.map = new SeatMap(seats);
        this.stops = stops;
        this.occupancy = new Occupancy(map.size(), stops - 1);
        this.sellable = new SellableSeats(map, Objects.requireNonNull(rule, "rule"), stops);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.candidates = new CandidateSeats(occupancy, map.words());
        this.groups = new GroupSeating(map, candidates);
        this.free = new long[map.words()];
    }

    /** Best fit, the policy that keeps long journeys sellable. */
    public SeatInventory(List<Seat> seats, int stops, CarRule rule) {
        this(seats, stops, rule, AllocationPolicy.BEST_FIT);
    }

    public int stops() {
        return stops;
    }

    public int segments() {
        return stops - 1;
    }

    public List<Seat> seats() {
        return map.seats();
    }

    public Seat seat(int index) {
        checkSeat(index);
        return map.seats().get(index);
    }

    public AllocationPolicy policy() {
        return policy;
    }

    /** How many seats of the class are free on every segment from stop {@code from} to stop {@code to}. */
    public int availability(int from, int to, SeatClass seatClass) {
        checkJourney(from, to);
        long[] ofClass = map.ofClass(Objects.requireNonNull(seatClass, "seatClass"));
        if (ofClass == null) {
            return 0;
        }
        return occupancy.countFree(
                ofClass, sellable.forJourney(from, to), from, to, map.firstWord(seatClass), map.lastWord(seatClass));
    }

    /** Whether seat {@code seat} is free on every segment of the journey (whatever the car rule says). */
    public boolean isFree(int seat, int from, int to) {
        checkSeat(seat);
        checkJourney(from, to);
        return occupancy.isFree(seat, Bits.segments(from, to));
    }

    /**
     * Takes {@code count} seats of the class for the journey with this inventory's policy. See
     * {@link #allocate(int, int, SeatClass, SeatPreference, int, AllocationPolicy)}.
     */
    public Optional<Allocation> allocate(int from, int to, SeatClass seatClass, SeatPreference preference, int count) {
        return allocate(from, to, seatClass, preference, count, policy);
    }

    /**
     * Takes {@code count} (1 … {@value #MAX_GROUP}) seats of the class for the journey, in cars that sell it. One seat
     * follows the preference as far as it can ({@link SeatPreference}); a group sits together when it can
     * ({@link GroupSeating}). Empty, and nothing taken, when there are fewer than {@code count} such seats.
     */
    public Optional<Allocation> allocate(
            int from, int to, SeatClass seatClass, SeatPreference preference, int count, AllocationPolicy policy) {
        return take(from, to, choose(from, to, seatClass, preference, count, policy, null));
    }

    /**
     * Takes {@code count} seats of the class for the journey among the seats {@code only} accepts, with this
     * inventory's policy, as {@link #allocate(int, int, SeatClass, SeatPreference, int)} does otherwise. Unlike a
     * {@link SeatPreference}, {@code only} is never relaxed: a buyer who chose a lower berth pays a lower berth's
     * price, so an upper one is no substitute. Empty, and nothing taken, when fewer such seats are free.
     */
    public Optional<Allocation> allocateOnly(
            int from, int to, SeatClass seatClass, SeatPreference preference, int count, Predicate<Seat> only) {
        return allocateOnly(from, to, seatClass, preference, count, only, policy);
    }

    /** As {@link #allocateOnly(int, int, SeatClass, SeatPreference, int, Predicate)}, with the policy given. */
    public Optional<Allocation> allocateOnly(
            int from,
            int to,
            SeatClass seatClass,
            SeatPreference preference,
            int count,
            Predicate<Seat> only,
            AllocationPolicy policy) {
        Objects.requireNonNull(only, "only");
        long[] mask = new long[map.words()];
        for (int i = 0; i < map.size(); i++) {
            if (only.test(map.seats().get(i))) {
                mask[Bits.word(i)] |= Bits.bit(i);
            }
        }
        return take(from, to, choose(from, to, seatClass, preference, count, policy, mask));
    }

    private Optional<Allocation> take(int from, int to, int[] chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        Integer[] indices = new Integer[chosen.length];
        Seat[] seats = new Seat[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            occupancy.take(chosen[k], from, to);
            indices[k] = chosen[k];
            seats[k] = map.seats().get(chosen[k]);
        }
        return Optional.of(new Allocation(from, to, List.of(indices), List.of(seats)));
    }

    /**
     * The seats to take, or null: validates, narrows to the free seats (within {@code only} when it is not null), then
     * lets the policy choose.
     */
    private int[] choose(
            int from,
            int to,
            SeatClass seatClass,
            SeatPreference preference,
            int count,
            AllocationPolicy policy,
            long[] only) {
        checkJourney(from, to);
        Objects.requireNonNull(seatClass, "seatClass");
        Objects.requireNonNull(preference, "preference");
        Objects.requireNonNull(policy, "policy");
        if (count < 1 || count > MAX_GROUP) {
            throw new InvalidInput("count", "one request takes 1 … " + MAX_GROUP + " seats, not " + count);
        }
        if (!preference.anyCar() && map.inCar(preference.car()) == null) {
            throw new InvalidInput("car", "this train has no seats in car " + preference.car());
        }
        long[] ofClass = map.ofClass(seatClass);
        if (ofClass == null) {
            return null;
        }
        int lo = map.firstWord(seatClass);
        int hi = map.lastWord(seatClass);
        long[] allowed = sellable.forJourney(from, to);
        for (int w = lo; w <= hi; w++) {
            free[w] = ofClass[w] & allowed[w] & (only == null ? -1L : only[w]);
        }
        if (occupancy.keepFree(free, from, to, lo, hi) < count) {
            return null;
        }
        candidates.reset(from, to, lo, hi);
        return count == 1
                ? new int[] {single(preference, policy)}
                : groups.choose(free, count, preference.car(), policy);
    }

    /** One seat: the preference as asked, then without the position, then without the car, then anything. */
    private int single(SeatPreference preference, AllocationPolicy policy) {
        long[] car = preference.anyCar() ? null : map.inCar(preference.car());
        long[] position = preference.anyPosition() ? null : map.atPosition(preference.position());
        boolean wantsCar = car != null;
        boolean wantsPosition = position != null;
        if ((wantsCar || wantsPosition) && candidates.narrow(free, car, position)
                || wantsCar && wantsPosition && candidates.narrow(free, car, null)
                || wantsCar && wantsPosition && candidates.narrow(free, position, null)
                || candidates.narrow(free, null, null)) {
            return policy.choose(candidates);
        }
        throw new IllegalStateException("a free seat vanished"); // cannot happen: free holds at least one seat
    }

    /**
     * Takes a seat for a journey sold earlier, when rebuilding the run from stored bookings. It ignores the car rule
     * (the rule may have changed since the sale; the sale stands). Returns false, and takes nothing, when any segment
     * of the journey is already taken on that seat: the stored bookings contradict each other.
     */
    public boolean claim(int seat, int from, int to) {
        checkSeat(seat);
        checkJourney(from, to);
        if (!occupancy.isFree(seat, Bits.segments(from, to))) {
            return false;
        }
        occupancy.take(seat, from, to);
        return true;
    }

    /** Gives a seat back for a journey it holds (a cancellation or an expired hold). */
    public void release(int seat, int from, int to) {
        checkSeat(seat);
        checkJourney(from, to);
        long journey = Bits.segments(from, to);
        if ((occupancy.held(seat) & journey) != journey) {
            throw new Clash(
                    "seat",
                    "seat " + map.seats().get(seat) + " is not held on every segment from stop " + from + " to stop "
                            + to);
        }
        occupancy.give(seat, from, to);
    }

    /** Gives back every seat of an allocation. */
    public void release(Allocation allocation) {
        for (int seat : allocation.seatIndices()) {
            release(seat, allocation.from(), allocation.to());
        }
    }

    /** The segments seat {@code seat} is taken on: bit s = segment s. */
    public long heldSegments(int seat) {
        checkSeat(seat);
        return occupancy.held(seat);
    }

    /**
     * Whether the bit set of segment {@code segment} lists the seat as free: the other view of
     * {@link #heldSegments}, for audits (see {@link #audit}).
     */
    public boolean listedFree(int seat, int segment) {
        checkSeat(seat);
        if (segment < 0 || segment >= segments()) {
            throw new InvalidInput("segment", "is 0 … " + (segments() - 1));
        }
        return (occupancy.freeWord(Bits.word(seat), segment) & Bits.bit(seat)) != 0;
    }

    /** Seat-segments taken in all: the run's load, for statistics. */
    public long heldSeatSegments() {
        return occupancy.heldSeatSegments();
    }

    /**
     * Checks that the two views of the run (per seat and per segment) agree.
     *
     * @throws IllegalStateException naming the first seat and segment where they do not
     */
    public void audit() {
        String mismatch = occupancy.firstMismatch();
        if (mismatch != null) {
            throw new IllegalStateException("seat inventory is inconsistent: " + mismatch);
        }
    }

    private void checkJourney(int from, int to) {
        if (from < 0 || to >= stops || from >= to) {
            throw new InvalidInput(
                    "to",
                    "a journey runs from a stop to a later one, stops 0 … " + (stops - 1) + "; not " + from + " → "
                            + to);
        }
    }

    private void checkSeat(int seat) {
        if (seat < 0 || seat >= map.size()) {
            throw new InvalidInput("seat", "is a seat index 0 … " + (map.size() - 1) + ", not " + seat);
        }
    }
}
