package org.lancang.store.freight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.freight.EquipmentKind;
import org.lancang.store.Platform;
import org.lancang.store.freight.FreightRecords.Booking;
import org.lancang.store.freight.FreightRecords.Equipment;
import org.lancang.store.freight.FreightRecords.Unit;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestDatabase;
import org.lancang.testing.Seeds;

/**
 * Many shippers at once book the same slots' last wagons and TEU and the same pool's last reefer boxes, in a seeded
 * random order and mix. Afterwards: no unit is in two bookings, no slot holds more than its capacity, every booking
 * acknowledged is in the database with exactly its units, and every refusal said why (a clash on the field). The same
 * rush runs on the home network and on the Vientiane–Bangkok network's shuttle (its last wagons and TEU), both in the
 * one database. Run again with {@code -Dseed=N}.
 */
class FreightRushTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.start(
                TestDatabase.fresh(),
                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                List.of(new ClasspathDataFiles("vientiane-bangkok")),
                TestClock.at("2026-12-05T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void nothingIsAllocatedTwiceAndNoSlotIsOverbooked() throws Exception {
        rush(platform.freight(), 2, EquipmentKind.REEFER_40, EquipmentKind.COVERED);
    }

    /** One shuttle's last wagons (25) and TEU (50): the pools at Na Tha hold more of both than the slot takes. */
    @Test
    void onTheSecondNetworkNothingIsAllocatedTwiceAndNoShuttleIsOverbooked() throws Exception {
        FreightService freight = platform.networkFreight().named("vientiane-bangkok", "network");
        assertThat(freight.networkCode()).isEqualTo("vientiane-bangkok");
        int[] booked = rush(freight, 1, EquipmentKind.BOX_40, EquipmentKind.FLAT);
        // the slot, not the pools, ran out: some shippers were refused for its last wagons or TEU
        assertThat(booked[2]).as("refusals naming what is left on the shuttle").isPositive();
        // home's bookings do not see the other network's
        assertThat(platform.freight().bookings(null))
                .noneMatch(b -> b.from().equals(freight.slots(DAY).get(0).from()));
    }

    /**
     * {@code shippers} at once book boxes of {@code box} (1–4) and, every other one, wagons of {@code wagon} (1–3) on
     * the first {@code slotCount} running slots leaving the same station; checks the invariants and returns the wagons
     * and TEU booked on the first slot and how many were refused for lack of room on a slot.
     */
    static int[] rush(FreightService freight, int slotCount, EquipmentKind box, EquipmentKind wagon) throws Exception {
        // slots whose trains leave the same station: they draw on the same pools
        List<String> slots = new ArrayList<>();
        String origin = null;
        for (var s : freight.slots(DAY)) {
            if (s.runs() && (origin == null || s.from().equals(origin)) && slots.size() < slotCount) {
                origin = s.from();
                slots.add(s.slot().id());
            }
        }
        assertThat(slots).hasSize(slotCount);
        Random random = new Random(Seeds.seed(FreightRushTest.class));
        int shippers = 48;
        List<List<Equipment>> asks = new ArrayList<>();
        List<String> slotOf = new ArrayList<>();
        for (int i = 0; i < shippers; i++) {
            List<Equipment> e = new ArrayList<>();
            e.add(new Equipment(box, 1 + random.nextInt(4)));
            if (random.nextBoolean()) {
                e.add(new Equipment(wagon, 1 + random.nextInt(3)));
            }
            asks.add(e);
            slotOf.add(slots.get(random.nextInt(slotCount)));
        }
        ConcurrentLinkedQueue<Booking> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger slotFull = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < shippers; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    go.await();
                    acknowledged.add(freight.book("shipper-" + n, slotOf.get(n), null, DAY, asks.get(n)));
                } catch (Clash e) {
                    assertThat(e.field()).startsWith("equipment");
                    refused.incrementAndGet();
                    if (e.getMessage().contains(" are left on ")) {
                        slotFull.incrementAndGet();
                    }
                } catch (Throwable e) {
                    unexpected.add(e);
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        assertThat(unexpected).isEmpty();
        assertThat(acknowledged.size() + refused.get()).isEqualTo(shippers);
        assertThat(refused.get()).as("the rush asks for more than there is").isPositive();
        assertThat(acknowledged).isNotEmpty();
        // no unit twice
        Set<String> units = new HashSet<>();
        for (Booking b : acknowledged) {
            for (Unit u : b.units()) {
                assertThat(units.add(u.unit()))
                        .as("unit " + u.unit() + " allocated twice")
                        .isTrue();
            }
        }
        // no slot over its capacity
        int[] first = new int[3];
        for (String slot : slots) {
            var s = freight.slot(slot, DAY);
            assertThat(s.wagonsLeft()).isGreaterThanOrEqualTo(0);
            assertThat(s.teuLeft()).isGreaterThanOrEqualTo(0);
            int teu = acknowledged.stream()
                    .filter(b -> slot.equals(b.slotId()))
                    .mapToInt(Booking::teu)
                    .sum();
            int wagons = acknowledged.stream()
                    .filter(b -> slot.equals(b.slotId()))
                    .mapToInt(Booking::wagons)
                    .sum();
            assertThat(teu).isEqualTo(s.slot().teu() - s.teuLeft());
            assertThat(wagons).isEqualTo(s.slot().wagons() - s.wagonsLeft());
            if (slot.equals(slots.get(0))) {
                first = new int[] {wagons, teu, slotFull.get()};
            }
        }
        // what was acknowledged is in the database, with exactly its units
        List<Booking> stored = freight.bookings(null);
        for (Booking b : acknowledged) {
            Booking db = stored.stream()
                    .filter(x -> x.id().equals(b.id()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("acknowledged booking " + b.id() + " is not stored"));
            List<String> a = new ArrayList<>(b.units().stream().map(Unit::unit).toList());
            List<String> d = new ArrayList<>(db.units().stream().map(Unit::unit).toList());
            Collections.sort(a);
            Collections.sort(d);
            assertThat(d).isEqualTo(a);
        }
        assertThat(stored).hasSize(acknowledged.size());
        long live = platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM freight_allocation a JOIN freight_booking b ON"
                                + " b.id = a.booking_id WHERE a.released_at IS NULL AND b.network = :n")
                        .bind("n", freight.networkCode())
                        .mapTo(Long.class)
                        .one());
        assertThat(live).isEqualTo(units.size());
        return first;
    }
}
