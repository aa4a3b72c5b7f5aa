package org.lancang.ticketing.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;
import org.lancang.testing.Seeds;

/**
 * Random interleavings of allocate, release and claim on one D887 run (with the cross-border split), checked after
 * every step against a ledger kept by the test: no seat is held twice on a segment, the per-segment bit sets agree with
 * the per-seat masks, and every availability count equals a count done seat by seat. A third of the sales are
 * restricted to some seats ({@code allocateOnly}, as a chosen berth is): they take only such seats, and are refused
 * exactly when fewer such seats are free, as counted seat by seat. Run with
 * {@code -Dseed=…} to repeat a run.
 */
class SeatInventoryPropertyTest {
    private static final List<Seat> SEATS = D887.SEATS;
    private static final int STOPS = D887.STOPS.size();
    private static final SeatClass[] CLASSES = {SeatClass.FIRST, SeatClass.SECOND, SeatClass.HARD_SEAT};
    private static final SeatPreference[] PREFERENCES = {
        SeatPreference.ANY,
        SeatPreference.window(),
        SeatPreference.aisle(),
        SeatPreference.inCar(3),
        SeatPreference.inCar(7),
        new SeatPreference(SeatPosition.MIDDLE, 8),
        new SeatPreference(SeatPosition.WINDOW, 2)
    };

    /** The seats a restricted sale may take: a letter of the row (as a berth is), or a car. */
    private static final List<Predicate<Seat>> ONLY_LIST = List.of(
            s -> s.number().endsWith("A"), s -> s.number().endsWith("F"), s -> s.car() % 2 == 0, s -> s.car() == 5);

    @SuppressWarnings("unchecked")
    private static final Predicate<Seat>[] ONLY = ONLY_LIST.toArray(new Predicate[0]);

    /** The seats of the class that {@code only} accepts, free on the journey and sold to it by their car. */
    private static int bruteForceFree(long[] ledger, int from, int to, SeatClass seatClass, Predicate<Seat> only) {
        int n = 0;
        for (int seat = 0; seat < ledger.length; seat++) {
            Seat s = SEATS.get(seat);
            if (s.seatClass() == seatClass
                    && only.test(s)
                    && (ledger[seat] & segments(from, to)) == 0
                    && D887.SPLIT.sells(s, from, to)) {
                n++;
            }
        }
        return n;
    }

    /** One sale in the test's own ledger. */
    private record Held(int seat, int from, int to) {}

    @Test
    void everyStepKeepsTheInventoryExact() {
        long seed = Seeds.seed(SeatInventoryPropertyTest.class);
        Random random = new Random(seed);
        SeatInventory inventory = D887.split(AllocationPolicy.BEST_FIT);
        long[] ledger = new long[SEATS.size()];
        List<Held> held = new ArrayList<>();
        for (int step = 0; step < 4_000; step++) {
            String context = "seed " + seed + " step " + step;
            int from = random.nextInt(STOPS - 1);
            int to = from + 1 + random.nextInt(STOPS - 1 - from);
            int op = random.nextInt(10);
            if (op < 5) {
                allocate(inventory, random, from, to, ledger, held, context);
            } else if (op < 8 && !held.isEmpty()) {
                Held h = held.remove(random.nextInt(held.size()));
                inventory.release(h.seat(), h.from(), h.to());
                ledger[h.seat()] &= ~segments(h.from(), h.to());
            } else if (op < 9) {
                int seat = random.nextInt(SEATS.size());
                boolean free = (ledger[seat] & segments(from, to)) == 0;
                assertThat(inventory.claim(seat, from, to)).as(context).isEqualTo(free);
                if (free) {
                    ledger[seat] |= segments(from, to);
                    held.add(new Held(seat, from, to));
                }
            } else {
                int seat = random.nextInt(SEATS.size());
                if ((ledger[seat] & segments(from, to)) != segments(from, to)) {
                    assertThatThrownBy(() -> inventory.release(seat, from, to))
                            .as(context)
                            .isInstanceOf(Clash.class);
                }
            }
            assertExact(inventory, ledger, context);
        }
    }

    private static void allocate(
            SeatInventory inventory, Random random, int from, int to, long[] ledger, List<Held> held, String context) {
        SeatClass seatClass = CLASSES[random.nextInt(8) == 0 ? 0 : random.nextInt(30) == 0 ? 2 : 1];
        int count = random.nextInt(4) == 0 ? 2 + random.nextInt(4) : 1;
        SeatPreference preference = PREFERENCES[random.nextInt(PREFERENCES.length)];
        AllocationPolicy policy = random.nextBoolean() ? AllocationPolicy.BEST_FIT : AllocationPolicy.FIRST_FIT;
        int before = inventory.availability(from, to, seatClass);
        Predicate<Seat> only = random.nextInt(3) > 0 ? null : ONLY[random.nextInt(ONLY.length)];
        Optional<Allocation> got;
        if (only == null) {
            got = inventory.allocate(from, to, seatClass, preference, count, policy);
        } else {
            before = bruteForceFree(ledger, from, to, seatClass, only);
            got = inventory.allocateOnly(from, to, seatClass, preference, count, only, policy);
        }
        assertThat(got.isPresent())
                .as(context + ": sold exactly when enough seats were free")
                .isEqualTo(before >= count);
        if (got.isEmpty()) {
            return;
        }
        assertThat(got.get().seatIndices()).as(context).doesNotHaveDuplicates().hasSize(count);
        for (int seat : got.get().seatIndices()) {
            Seat s = SEATS.get(seat);
            assertThat(ledger[seat] & segments(from, to))
                    .as(context + ": seat " + seat + " sold twice")
                    .isZero();
            assertThat(s.seatClass()).as(context).isEqualTo(seatClass);
            assertThat(only == null || only.test(s))
                    .as(context + ": seat " + s + " is not one of those asked for")
                    .isTrue();
            assertThat(D887.SPLIT.sells(s, from, to))
                    .as(context + ": car " + s.car() + " may not sell this")
                    .isTrue();
            ledger[seat] |= segments(from, to);
            held.add(new Held(seat, from, to));
        }
    }

    private static void assertExact(SeatInventory inventory, long[] ledger, String context) {
        inventory.audit();
        for (int seat = 0; seat < ledger.length; seat++) {
            if (inventory.heldSegments(seat) != ledger[seat]) {
                assertThat(inventory.heldSegments(seat))
                        .as(context + " seat " + seat)
                        .isEqualTo(ledger[seat]);
            }
            for (int segment = 0; segment < STOPS - 1; segment++) {
                boolean free = (ledger[seat] & (1L << segment)) == 0;
                if (inventory.listedFree(seat, segment) != free) {
                    assertThat(inventory.listedFree(seat, segment))
                            .as("%s: segment %d's set, seat %d", context, segment, seat)
                            .isEqualTo(free);
                }
            }
        }
        for (int from = 0; from < STOPS - 1; from++) {
            for (int to = from + 1; to < STOPS; to++) {
                for (SeatClass seatClass : CLASSES) {
                    int counted = bruteForceAvailability(ledger, from, to, seatClass);
                    if (inventory.availability(from, to, seatClass) != counted) {
                        assertThat(inventory.availability(from, to, seatClass))
                                .as("%s: %d→%d %s", context, from, to, seatClass)
                                .isEqualTo(counted);
                    }
                }
            }
        }
    }

    private static int bruteForceAvailability(long[] ledger, int from, int to, SeatClass seatClass) {
        int n = 0;
        for (int seat = 0; seat < ledger.length; seat++) {
            Seat s = SEATS.get(seat);
            if (s.seatClass() == seatClass
                    && D887.SPLIT.sells(s, from, to)
                    && (ledger[seat] & segments(from, to)) == 0) {
                n++;
            }
        }
        return n;
    }

    private static long segments(int from, int to) {
        long mask = 0;
        for (int s = from; s < to; s++) {
            mask |= 1L << s;
        }
        return mask;
    }
}
