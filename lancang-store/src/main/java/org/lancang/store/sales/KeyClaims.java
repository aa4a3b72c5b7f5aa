package org.lancang.store.sales;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Idempotency keys a thread of this server is working on. A twin request with the same key (a double click) waits for
 * the first to finish, then runs and finds what the first left (a change committed with its key), instead of racing it
 * for the same seats and losing to its own twin. The seats live in this server's memory ({@link RunsInMemory}), so a
 * claim held here covers every request that could take them.
 */
final class KeyClaims {
    /** A key held by this thread until closed. */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    /** Holds {@code key}, waiting up to {@code patience} while a twin holds it; empty if the twin still holds it then. */
    Optional<Claim> claim(String key, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        CountDownLatch mine = new CountDownLatch(1);
        while (true) {
            CountDownLatch theirs = held.putIfAbsent(key, mine);
            if (theirs == null) {
                return Optional.of(() -> {
                    held.remove(key, mine);
                    mine.countDown();
                });
            }
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !theirs.await(left, TimeUnit.NANOSECONDS)) {
                    return Optional.empty();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
