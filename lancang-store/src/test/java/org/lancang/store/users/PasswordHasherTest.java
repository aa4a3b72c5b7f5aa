package org.lancang.store.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Throttled;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1); // cheap parameters: the algorithm is the same

    @Test
    void verifiesTheRightPasswordAndRefusesOthers() {
        String hash = hasher.hash("Luang Prabang 2021");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.verify("Luang Prabang 2021", hash)).isTrue();
        assertThat(hasher.verify("luang prabang 2021", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void readsTheParametersFromTheStoredHash() {
        String strong = new PasswordHasher().hash("a password");
        assertThat(strong).contains("m=19456,t=2,p=1");
        assertThat(hasher.verify("a password", strong)).isTrue();
    }

    @Test
    void malformedHashesNeverVerify() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=x$$")).isFalse();
        assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    }

    @Test
    void noMoreHashesRunAtOnceThanAllowedAndTheRestAreRefusedNotQueued() throws Exception {
        // costly enough that eight at once overlap; one permit, a short patience
        PasswordHasher bounded = new PasswordHasher(16_384, 2, 1, 1, Duration.ofMillis(5));
        String stored = new PasswordHasher(16_384, 2, 1).hash("the password");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(pool.submit(() -> {
                go.await();
                try {
                    return String.valueOf(bounded.verify("the password", stored));
                } catch (Throttled busy) {
                    assertThat(busy.retryAfterSeconds()).isPositive();
                    return "refused";
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : attempts) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(bounded.peakConcurrency()).isEqualTo(1);
        assertThat(outcomes).contains("true", "refused").doesNotContain("false");
    }
}
