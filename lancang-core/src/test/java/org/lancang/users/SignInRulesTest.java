package org.lancang.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slowing password guessing down: per account, per address, and the lock. */
class SignInRulesTest {
    private final SignInRules rules = SignInRules.defaults();
    private final Instant t0 = Instant.parse("2026-11-28T02:00:00Z");

    @Test
    void theFirstFailuresAreFreeThenEachAttemptWaitsTwiceAsLongUpToACeiling() {
        assertThat(rules.accountWait(2, t0, t0)).isZero();
        assertThat(rules.accountWait(3, t0, t0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(rules.accountWait(4, t0, t0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(rules.accountWait(6, t0, t0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(rules.accountWait(6, t0, t0.plusSeconds(5))).isEqualTo(Duration.ofSeconds(3));
        assertThat(rules.accountWait(6, t0, t0.plusSeconds(9))).isZero();
        assertThat(rules.accountWait(40, t0, t0)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void tenFailuresInARowLockTheAccount() {
        assertThat(rules.locked(9)).isFalse();
        assertThat(rules.locked(10)).isTrue();
    }

    @Test
    void anAddressWaitsUntilItsOldestFailureLeavesTheWindow() {
        List<Instant> failures = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            failures.add(t0.plusSeconds(i));
        }
        assertThat(rules.addressWait(failures, t0.plusSeconds(30))).isZero();
        failures.add(t0.plusSeconds(29));
        assertThat(rules.addressWait(failures, t0.plusSeconds(30)))
                .isEqualTo(Duration.ofMinutes(10).minusSeconds(30));
        assertThat(rules.addressWait(failures, t0.plus(Duration.ofMinutes(10)).plusSeconds(1)))
                .as("the oldest failure has left the window")
                .isZero();
    }
}
