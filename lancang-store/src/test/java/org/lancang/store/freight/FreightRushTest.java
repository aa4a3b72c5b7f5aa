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

/**
 * Many shippers at once book the same slots' last wagons and TEU and the same pool's last reefer boxes, in a seeded
 * random order and mix. Afterwards: no unit is in two bookings, no slot holds more than its capacity, every booking
 * acknowledged is in the database with exactly its units, and every refusal said why (a clash on the field). Run again
 * with {@code -Dlancang.seed=N}.
 */
class FreightRushTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.start(
                TestDatabase.fresh(),
                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                TestClock.at("2026-12-05T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static long seed() {
        String given = System.getProperty("lancang.seed");
        long seed = given != null ? Long.parseLong(given) : System.nanoTime();
        System.out.println("FreightRushTest: seed " + seed + " (rerun with -Dlancang.seed=" + seed + ")");
        return seed;
    }

    @Test
    void nothingIsAllocatedTwiceAndNoSlotIsOverbooked() throws Exception {
        FreightService freight = platform.freight();
        // two slots whose trains leave the same station: they draw on the same pools
        List<String> slots = new ArrayList<>();
        String origin = null;
        for (var s : freight.slots(DAY)) {
            if (s.runs() && (origin == null || s.from().equals(origin)) && slots.size() < 2) {
                origin = s.from();
                slots.add(s.slot().id());
            }
        }
        assertThat(slots).hasSize(2);
        Random random = new Random(seed());
        int shippers = 48;
        List<List<Equipment>> asks = new ArrayList<>();
        List<String> slotOf = new ArrayList<>();
        for (int i = 0; i < shippers; i++) {
            List<Equipment> e = new ArrayList<>();
            e.add(new Equipment(EquipmentKind.REEFER_40, 1 + random.nextInt(4)));
            if (random.nextBoolean()) {
                e.add(new Equipment(EquipmentKind.COVERED, 1 + random.nextInt(3)));
            }
            asks.add(e);
            slotOf.add(slots.get(random.nextInt(2)));
        }
        ConcurrentLinkedQueue<Booking> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
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
        for (String slot : slots) {
            var s = freight.slot(slot, DAY);
            assertThat(s.wagonsLeft()).isGreaterThanOrEqualTo(0);
            assertThat(s.teuLeft()).isGreaterThanOrEqualTo(0);
            int teu = acknowledged.stream()
                    .filter(b -> slot.equals(b.slotId()))
                    .mapToInt(Booking::teu)
                    .sum();
            assertThat(teu).isEqualTo(s.slot().teu() - s.teuLeft());
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
                .withHandle(h -> h.createQuery("SELECT count(*) FROM freight_allocation WHERE released_at IS NULL")
                        .mapTo(Long.class)
                        .one());
        assertThat(live).isEqualTo(units.size());
    }
}
