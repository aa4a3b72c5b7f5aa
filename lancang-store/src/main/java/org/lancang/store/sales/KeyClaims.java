package org.lancang.store.sales;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Idempotency keys a thread of this server is working on. A twin request with the same key (a double click) waits for
 * the first to finish and answers as it did, instead of racing it for the same seats and losing to its own twin. The
 * seats live in this server's memory ({@link RunsInMemory}), so a claim held here covers every request that could take
 * them.
 */
final class KeyClaims {
    /** The request working on a key, and its refusal once it ends refused. */
    private static final class Holder {
        final CountDownLatch done = new CountDownLatch(1);
        volatile RuntimeException refused;
    }

    private final Map<String, Holder> held = new ConcurrentHashMap<>();

    /**
     * Runs {@code work} as the one request holding {@code key}. A twin that arrives meanwhile waits up to
     * {@code patience}: when the holder was refused, the twin is refused the same way; when the holder succeeded, the
     * twin runs {@code work} in turn (which finds what the holder committed); when the holder is still at work, the twin
     * gets {@code busy}.
     */
    <T> T once(String key, Duration patience, Supplier<T> work, Supplier<RuntimeException> busy) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Holder mine = new Holder();
            Holder theirs = held.putIfAbsent(key, mine);
            if (theirs == null) {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    mine.refused = e;
                    throw e;
                } finally {
                    held.remove(key, mine);
                    mine.done.countDown();
                }
            }
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !theirs.done.await(left, TimeUnit.NANOSECONDS)) {
                    throw busy.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy.get();
            }
            if (theirs.refused != null) {
                throw theirs.refused;
            }
        }
    }
}
