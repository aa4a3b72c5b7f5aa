package org.lancang.store.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.lancang.errors.Throttled;

/**
 * Argon2id password hashing (Bouncy Castle), stored as a PHC string
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so the parameters can be raised later without breaking old hashes.
 * The default cost is OWASP's minimum recommendation for Argon2id (19 MiB, 2 iterations, 1 lane).
 * <p>
 * That cost is the point, and also a way to bring a server down: a flood of sign-ins would each take 19 MiB and tens of
 * milliseconds of a core. So at most {@code concurrency} hashes run at once (by default one per core); a request that
 * cannot start one within {@code patience} is refused as {@link Throttled} (try again shortly) instead of queueing.
 */
public final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore permits;
    private final Duration patience;
    private final AtomicInteger running = new AtomicInteger();
    /** The most hashes seen running at once (for the tests of the bound). */
    private final AtomicInteger peak = new AtomicInteger();

    public PasswordHasher() {
        this(19_456, 2, 1);
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this(
                memoryKib,
                iterations,
                parallelism,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(2));
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism, int concurrency, Duration patience) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.permits = new Semaphore(concurrency, true);
        this.patience = patience;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = bounded(() -> derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES));
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Runs one hash when a permit is free; refused if none frees up within the patience. */
    private byte[] bounded(Supplier<byte[]> work) {
        boolean got;
        try {
            got = permits.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new Throttled(
                    "password", "the server is busy checking passwords: try again in a moment", Duration.ofSeconds(1));
        }
        try {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            return work.get();
        } finally {
            running.decrementAndGet();
            permits.release();
        }
    }

    /** The most hashes that ever ran at once. */
    int peakConcurrency() {
        return peak.get();
    }

    /** Whether {@code password} matches {@code phc}; compares in constant time; false for any malformed hash. */
    public boolean verify(String password, String phc) {
        try {
            String[] parts = phc.split("\\$");
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return false;
            }
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                String[] pair = kv.split("=");
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            int memory = m;
            int passes = t;
            int lanes = p;
            byte[] actual = bounded(() -> derive(password, salt, memory, passes, lanes, expected.length));
            return MessageDigest.isEqual(expected, actual);
        } catch (Throttled busy) {
            throw busy;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] derive(
            String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
